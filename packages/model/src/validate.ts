import type { z } from 'zod';
import type { DiagnosticCode } from './diagnostics.js';
import type { FieldPath, KindDef } from './kinds/kind.js';
import { formatPath } from './path.js';
import { isStrictVersion, orderedAs } from './version.js';

/** A problem in one resource's frontmatter, located by field path (the loader turns paths into lines). */
export interface FieldIssue {
  code: DiagnosticCode;
  path: FieldPath;
  message: string;
  hint?: string;
  /** Point at the key rather than the value (unknown fields). */
  atKey?: boolean;
}

export interface Validated<T> {
  /** The typed data, or undefined when the resource cannot be used (a required field is missing or wrong). */
  data: T | undefined;
  /** `x-` fields, kept as written (custom properties). */
  custom: Record<string, unknown>;
  issues: FieldIssue[];
}

type RawIssue = z.core.$ZodIssue;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function expected(name: string): string {
  if (name === 'object') return 'a mapping';
  if (name === 'array') return 'a list';
  return `a ${name}`;
}

/** "an entity", "a service", "an ADR". */
export function article(label: string): string {
  const word = label === label.toUpperCase() ? label : label.toLowerCase();
  // By sound: "an ADR", "an entity", but "a user", "a ubiquitous language".
  const vowelSound =
    word === label.toUpperCase() && word === label ? /^[AEFHILMNORSX]/.test(word) : /^[aeio]/.test(word);
  return vowelSound ? `an ${word}` : `a ${word}`;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

export function suggest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase());
    if (d < bestScore) {
      best = o;
      bestScore = d;
    }
  }
  return best;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

type Path = readonly PropertyKey[];

/** Where to cut so an issue goes away: the unknown key, the bad value, or the object missing a field. */
function cutPaths(issue: RawIssue, data: unknown): Path[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => [...issue.path, k]);
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined)
    return [issue.path.slice(0, -1)];
  return [issue.path];
}

/** Orders paths so that cutting one never shifts the indices of another: deepest and highest index first. */
function comparePathsDescending(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return String(y).localeCompare(String(x));
  }
  return b.length - a.length;
}

/** Deep copy of parsed YAML (mappings, lists, scalars, dates). */
function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneData(v);
    return out as T;
  }
  return value;
}

function removeAt(data: unknown, path: Path): void {
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1] as PropertyKey;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent && typeof parent === 'object') delete (parent as Record<PropertyKey, unknown>)[last];
}

/**
 * Cuts away what fails until the rest validates, so a resource with one bad optional field still takes
 * its place in the graph. Gives up (undefined) when a required top-level field is at fault.
 */
function salvage<S extends z.ZodObject>(schema: S, input: Record<string, unknown>): z.infer<S> | undefined {
  const required = new Set(
    Object.keys(schema.shape).filter((k) => !schema.shape[k]?.safeParse(undefined).success),
  );
  const attempt = cloneData(input);
  for (let round = 0; round < 8; round++) {
    const result = schema.safeParse(attempt);
    if (result.success) return result.data;
    const cuts = result.error.issues.flatMap((issue) => cutPaths(issue, attempt));
    for (const cut of cuts.sort(comparePathsDescending)) {
      if (cut.length === 0 || (cut.length === 1 && required.has(String(cut[0])))) return undefined;
      removeAt(attempt, cut);
    }
  }
  return undefined;
}

/** Turns one zod issue into ours, reading the input at its path. */
function toFieldIssues(issue: RawIssue, input: unknown, base: FieldPath = []): FieldIssue[] {
  const path = [...base, ...(issue.path as (string | number)[])];
  const field = formatPath(path);
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return [
          {
            code: 'missing-required-field',
            path: path.slice(0, -1),
            message: `Missing required field "${field}".`,
          },
        ];
      }
      return [
        {
          code: 'invalid-frontmatter',
          path,
          message: `"${field}" must be ${expected(issue.expected)}, not ${typeName(value)}.`,
        },
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown-field' as const,
        path: [...path, key],
        atKey: true,
        message: `Unknown field "${formatPath([...path, key])}".`,
      }));
    case 'invalid_union': {
      // Report the branch the input got furthest into; if none, say which types were expected.
      const deep = issue.errors.filter((branch) =>
        branch.some((b) => b.path.length > 0 || b.code !== 'invalid_type'),
      );
      const best = deep.sort((a, b) => a.length - b.length)[0];
      if (best) return best.flatMap((b) => toFieldIssues(b, value, path));
      const wanted = issue.errors.flatMap((branch) =>
        branch.map((b) => (b.code === 'invalid_type' ? expected(b.expected) : 'another value')),
      );
      return [
        {
          code: 'invalid-frontmatter',
          path,
          message: `"${field}" must be ${[...new Set(wanted)].join(' or ')}, not ${typeName(value)}.`,
        },
      ];
    }
    case 'invalid_value':
      return [
        {
          code: 'invalid-frontmatter',
          path,
          message: `"${field}" is ${JSON.stringify(value)}; expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
        },
      ];
    default:
      return [{ code: 'invalid-frontmatter', path, message: `"${field}": ${issue.message}.` }];
  }
}

export interface ValidateOptions {
  /**
   * The catalog is an EventCatalog 1.x catalog: resources are known by `name` (no `id`) and services and
   * domains have no `version`. Without it, a missing id still falls back to the name, with a warning.
   */
  v1?: boolean;
  /**
   * The catalog omits versions everywhere (the loader decides): a resource of a versioned kind without a
   * `version` is valid, and `readResource` gives it the empty version, as kinds without versions have.
   */
  versionless?: boolean;
}

/** What a versionless resource's `version` reads as while its frontmatter is checked (then it is ''). */
export const versionlessPlaceholder = '0.0.0';

/** The version a 1.x resource without one gets, so that it has pages and can be pointed at. */
export const impliedVersion = '0.0.0';

/**
 * EventCatalog 1.x identity: no `id` means the name is the id; no `version` means one implied version.
 * Changes `input` in place; returns what is worth saying.
 */
function resolveIdentity(
  def: KindDef,
  input: Record<string, unknown>,
  options: ValidateOptions,
): FieldIssue[] {
  if (def.identifiedBy !== 'frontmatter' || !('id' in def.schema.shape)) return [];
  const issues: FieldIssue[] = [];
  if (input.id === undefined && typeof input.name === 'string' && input.name.trim() !== '') {
    input.id = input.name;
    if (!options.v1) {
      issues.push({
        code: 'missing-id',
        path: [],
        message: `This ${def.label.toLowerCase()} has no "id"; it is known by its name "${input.name}".`,
      });
    }
  }
  if (options.v1 && def.versioned && input.version === undefined) input.version = impliedVersion;
  else if (options.versionless && def.versioned && input.version === undefined)
    input.version = versionlessPlaceholder;
  return issues;
}

/** Versions YAML read as numbers become strings; versions that are not semver are said to be, with their order. */
function normaliseVersion(input: Record<string, unknown>): FieldIssue[] {
  const v = input.version;
  if (typeof v === 'number') {
    input.version = String(v);
    const as = orderedAs(String(v));
    return [
      {
        code: 'invalid-version',
        path: ['version'],
        message: `Version ${v} is read as a number by YAML${as ? `; it is ordered as ${as}` : ''}.`,
        hint: `Quote it as a full semantic version: version: "${as ?? v}" (YAML reads 1.10 as 1.1).`,
      },
    ];
  }
  if (typeof v !== 'string' || v === '' || isStrictVersion(v)) return [];
  const as = orderedAs(v);
  return [
    {
      code: 'invalid-version',
      path: ['version'],
      message: as
        ? `Version "${v}" is not a semantic version; it is ordered as ${as}.`
        : `Version "${v}" is not a semantic version, so it is ordered before every version that is, by its text.`,
      ...(as ? { hint: `Write it in full: version: "${as}".` } : {}),
    },
  ];
}

/**
 * Validates raw frontmatter against a kind: its schema, unknown top-level keys (allowed when they start
 * with `x-`), versions, and the kind's own checks. Keeps what it can: a resource with a bad optional
 * field still loads without that field, so one mistake does not hide the resource from the graph.
 */
export function validateFrontmatter<S extends z.ZodObject>(
  def: KindDef<S>,
  raw: unknown,
  options: ValidateOptions = {},
): Validated<z.infer<S>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      data: undefined,
      custom: {},
      issues: [
        {
          code: 'invalid-frontmatter',
          path: [],
          message: `Frontmatter must be a mapping of fields, not ${typeName(raw)}.`,
        },
      ],
    };
  }
  const input: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const issues: FieldIssue[] = [];
  const known = Object.keys(def.schema.shape);
  const custom: Record<string, unknown> = {};

  for (const key of Object.keys(input)) {
    if (known.includes(key)) continue;
    if (key.startsWith('x-')) {
      custom[key] = input[key];
      delete input[key];
      continue;
    }
    const close = suggest(key, known);
    issues.push({
      code: 'unknown-field',
      path: [key],
      atKey: true,
      message: `Unknown field "${key}" for ${article(def.label)}.`,
      ...(close ? { hint: `Did you mean "${close}"? Custom fields must start with "x-".` } : {}),
    });
    delete input[key];
  }

  issues.push(...resolveIdentity(def, input, options));
  if ('version' in def.schema.shape) issues.push(...normaliseVersion(input));

  const result = def.schema.safeParse(input);
  let data: z.infer<S> | undefined;
  if (result.success) data = result.data;
  else {
    for (const issue of result.error.issues) issues.push(...toFieldIssues(issue, input));
    data = salvage(def.schema, input);
    if (data === undefined) return { data: undefined, custom, issues };
  }
  for (const issue of def.check?.(data) ?? []) issues.push(issue);
  return { data, custom, issues };
}
