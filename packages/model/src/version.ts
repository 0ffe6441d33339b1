import semver from 'semver';

/**
 * Remembers a pure function's answers for the few distinct strings a catalog holds (versions, ranges), so
 * building the graph does not parse `1.0.0` once per pointer. Forgets everything past `limit` entries.
 */
function remembered<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    if (known.size >= limit) known.clear();
    const value = compute(text);
    known.set(text, value);
    return value;
  };
}

/** A version as written, with the semver value used to order it (null when it cannot be read as one). */
const coerced = remembered((version: string): semver.SemVer | null => {
  const strict = semver.parse(version, { loose: true });
  return strict ?? semver.coerce(version, { includePrerelease: true });
});

/** True when `version` can be ordered against others (strict semver, or coercible like `2`, `v1.2`, `100`). */
export function isOrderableVersion(version: string): boolean {
  return coerced(version) !== null;
}

/**
 * How a version that is not strict semver is ordered: the semver it stands for (`1.0` → `1.0.0`,
 * `2` → `2.0.0`), or undefined when it cannot be read as one (it then sorts before all others, by text).
 * Strict semver versions (`v` prefix allowed) give themselves.
 */
export function orderedAs(version: string): string | undefined {
  return coerced(version)?.version;
}

/** True when `version` is a semantic version as written (`1.2.0`, `v1.2.0`, `1.2.0-rc.1`). */
export function isStrictVersion(version: string): boolean {
  return semver.valid(version, { loose: true }) !== null;
}

/**
 * Orders two versions newest last, by semver (coerced where not strict), never by string:
 * `100` is newer than `99`. Versions that cannot be read as semver sort before all others, by string.
 */
export function compareVersions(a: string, b: string): number {
  const va = coerced(a);
  const vb = coerced(b);
  if (va && vb) {
    const c = semver.compare(va, vb);
    if (c !== 0) return c;
  } else if (va || vb) {
    return va ? 1 : -1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a pointer's `version` asks for. */
export type VersionSpec =
  | { type: 'latest' }
  | { type: 'exact'; version: string }
  | { type: 'range'; range: string };

/** Reads a pointer's version: missing or `latest` is latest; a semver range or x-pattern is a range; anything else is exact. */
export function parseVersionSpec(version: string | undefined): VersionSpec {
  if (version === undefined || version === '' || version === 'latest') return { type: 'latest' };
  return specOf(version);
}

const specOf = remembered((version: string): VersionSpec => {
  if (
    semver.valid(version, { loose: true }) === null &&
    semver.validRange(version, { loose: true }) !== null
  ) {
    return { type: 'range', range: version };
  }
  return { type: 'exact', version };
});

/**
 * Picks the version a pointer resolves to from the versions a resource has: the highest that matches.
 * Returns undefined when none matches.
 */
export function resolveVersion(
  available: readonly string[],
  version: string | undefined,
): string | undefined {
  if (available.length === 0) return undefined;
  const spec = parseVersionSpec(version);
  if (spec.type === 'latest') return latestOf(available);
  if (spec.type === 'exact') {
    if (available.includes(spec.version)) return spec.version;
    const wanted = coerced(spec.version);
    if (!wanted) return undefined;
    // `1.0` or `v1.0.0` written for `1.0.0`: equal by semver value.
    return available.find((v) => {
      const c = coerced(v);
      return c !== null && semver.eq(c, wanted);
    });
  }
  let best: string | undefined;
  for (const v of available) {
    const c = coerced(v);
    if (c && semver.satisfies(c, spec.range, { loose: true, includePrerelease: false })) {
      if (best === undefined || compareVersions(v, best) > 0) best = v;
    }
  }
  return best;
}

/** The newest of a list of versions. */
export function latestOf(versions: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const v of versions) if (best === undefined || compareVersions(v, best) > 0) best = v;
  return best;
}
