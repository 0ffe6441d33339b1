import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Budget, ModelBuilder, planBudget } from './build.js';
import { Random } from './random.js';
import { Renderer } from './render.js';

export { type Budget, minimumResources, planBudget } from './build.js';

export interface GenerateOptions {
  /** How many resources (current versions, every kind below) the catalog holds. At least 50. */
  resources: number;
  /** Same seed, same catalog, byte for byte. Default 1. */
  seed?: number;
  /** Counts of kinds to use instead of the default split (messages take what is left). */
  budget?: Partial<Omit<Budget, 'message'>>;
}

/** What was written. The kinds add up to `resources`; older versions and changelogs come on top. */
export interface GeneratedCounts {
  domain: number;
  system: number;
  service: number;
  event: number;
  command: number;
  query: number;
  channel: number;
  container: number;
  flow: number;
  team: number;
  user: number;
  doc: number;
  /** Sum of the kinds above. */
  resources: number;
  /** Older message versions under `versioned/<v>/`. */
  versions: number;
  /** `changelog.mdx` files (one beside each message with an older version). */
  changelog: number;
  /** Every file written (resources, schemas, specifications, config). */
  files: number;
  /** Their total size. */
  bytes: number;
}

/**
 * Writes a synthetic EventCatalog-layout catalog into `dir` (created if needed; it should be empty).
 * Deterministic: everything comes from a mulberry32 stream seeded with `seed`. Every pointer and
 * `[[type|id]]` reference resolves and every named file exists, so the catalog loads with no diagnostics.
 */
export function generateCatalog(dir: string, options: GenerateOptions): GeneratedCounts {
  const seed = options.seed ?? 1;
  const budget = planBudget(options.resources, options.budget);
  // Two streams: one for structure, one for prose, so wording changes never reshape the graph.
  const model = new ModelBuilder(new Random(seed), budget).build();

  const made = new Set<string>();
  let files = 0;
  let bytes = 0;
  const write = (path: string, content: string) => {
    const full = join(dir, path);
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, content);
    files++;
    bytes += Buffer.byteLength(content);
  };
  mkdirSync(dir, { recursive: true });
  new Renderer(model, new Random(seed ^ 0x5bd1e995), write).render();

  const ofKind = (kind: string) => model.messages.filter((m) => m.kind === kind).length;
  const counts = {
    domain: model.domains.length,
    system: model.systems.length,
    service: model.services.length,
    event: ofKind('event'),
    command: ofKind('command'),
    query: ofKind('query'),
    channel: model.channels.length,
    container: model.containers.length,
    flow: model.flows.length,
    team: model.teams.length,
    user: model.users.length,
    doc: model.docs.length,
  };
  const older = model.messages.filter((m) => m.older).length;
  const earlier = model.messages.filter((m) => m.earlier).length;
  return {
    ...counts,
    resources: Object.values(counts).reduce((a, b) => a + b, 0),
    versions: older + earlier,
    changelog: older,
    files,
    bytes,
  };
}
