/** The issue's goals, each compared with what was measured: MET, MISSED or NOT MEASURED, with the figures. */
import type { BuildResult } from './build-runs.js';
import type { DevLatency } from './dev-latency.js';
import type { LoadResult } from './load-check.js';
import { int, kb, mb, seconds } from './stats.js';

export interface GoalResult {
  goal: string;
  met: boolean | null;
  detail: string;
}

const MB = 1024 * 1024;

/** The figures the goals name, on this 2-core machine (medians; peak memory is the highest of the runs). */
export const goals = {
  fixture: { maxMs: 2_000, maxRssMB: 400 },
  L: { maxMs: 30_000, maxRssMB: 1_024, maxOutputBytes: 1_024 * MB, rebuildMs: 5_000, editMs: 300 },
  XL: { maxMs: 60_000, maxRssMB: 1_536 },
  XXL: { maxMs: 300_000, maxRssMB: 4_096 },
  dev: { firstPageMs: 10_000 },
  /** `serve` and `mcp` on L: spawn to the first answer (bench/dist/serve-start.js). */
  serveStartMs: 3_000,
  page: { largestBytes: 200 * 1024, medianResourceBytes: 40 * 1024 },
  searchMs: 50,
  /** Load + check of L (its 13,000 resources): the loader's own claim for 10,000. */
  load: { maxMs: 5_000, maxRssMB: 1_024 },
  /** Peak memory past the loaded model may grow by this factor (plus `slackMB`) from one size to a bigger. */
  flat: { factor: 1.25, slackMB: 100 },
};

/** One size's build and load: peak RSS of each, and the pages the build wrote. */
export interface MemoryAtSize {
  size: string;
  pages: number;
  buildRssMB: number;
  loadRssMB: number;
  /** The loaded model's heap, and how many threads besides the main one held a copy of it. */
  modelHeapMB: number;
  modelThreads: number;
}

/**
 * Whether peak memory stays flat as the catalog grows: what a build holds past the loaded model (its peak
 * RSS less the peak RSS of loading and checking the same catalog, and less the model's heap once more for
 * each thread that holds a copy of it) may not grow with the pages. Between the smaller and the bigger
 * size, that extra may grow by `goals.flat.factor` plus `slackMB` at most, however many more pages the
 * bigger one has (L has 13 times M's). Both sizes must build with the same threads (the bench builds every
 * generated size so), or a thread's own caches would count as growth.
 */
export function flatMemory(small: MemoryAtSize, big: MemoryAtSize): GoalResult {
  const goal = `peak memory past the loaded model does not grow with pages (${small.size} to ${big.size})`;
  const extra = (m: MemoryAtSize) => Math.max(0, m.buildRssMB - m.loadRssMB - m.modelThreads * m.modelHeapMB);
  const allowed = extra(small) * goals.flat.factor + goals.flat.slackMB;
  return {
    goal,
    met: extra(big) <= allowed,
    detail:
      `${small.size}: ${int(extra(small))} MB past its model for ${int(small.pages)} pages; ` +
      `${big.size}: ${int(extra(big))} MB for ${int(big.pages)} pages (allowed ${int(allowed)} MB)`,
  };
}

export interface Measured {
  loads: readonly LoadResult[];
  builds: readonly BuildResult[];
  dev: Readonly<Record<string, DevLatency>>;
}

const notMeasured = (goal: string, why: string): GoalResult => ({ goal, met: null, detail: why });

function buildGoal(
  goal: string,
  r: BuildResult | undefined,
  maxMs: number,
  maxRssMB: number,
  maxOutput?: number,
) {
  if (!r) return notMeasured(goal, 'not built (see --sizes)');
  if (r.stopped) {
    const rss = r.stopped.peakRssMB === null ? '' : `, peak RSS ${int(r.stopped.peakRssMB)} MB by then`;
    return { goal, met: false, detail: `stopped after ${int(r.stopped.afterMs / 1000)} s${rss}` };
  }
  if (r.medianMs === null || r.maxRssMB === null) return notMeasured(goal, 'no run finished');
  const parts = [
    `median ${seconds(r.medianMs)} (${r.medianMs < maxMs ? 'ok' : `${seconds(r.medianMs - maxMs)} over`})`,
    `peak RSS ${int(r.maxRssMB)} MB (${r.maxRssMB < maxRssMB ? 'ok' : `${int(r.maxRssMB - maxRssMB)} MB over`})`,
  ];
  let met = r.medianMs < maxMs && r.maxRssMB < maxRssMB;
  if (maxOutput !== undefined && r.output) {
    parts.push(`output ${mb(r.output.bytes)} (${r.output.bytes < maxOutput ? 'ok' : 'too big'})`);
    met &&= r.output.bytes < maxOutput;
  }
  return { goal, met, detail: parts.join(', ') };
}

export function checkGoals({ loads, builds, dev }: Measured): GoalResult[] {
  const out: GoalResult[] = [];
  const build = (name: string) => builds.find((b) => b.name === name);
  const fixture = builds.find((b) => b.source === 'fixture');
  out.push(
    buildGoal(
      'fixture (Acme) full build under 2 s and 400 MB',
      fixture,
      goals.fixture.maxMs,
      goals.fixture.maxRssMB,
    ),
  );
  const L = build('L');
  out.push(
    buildGoal(
      'L full build under 30 s, 1 GB, output under 1 GB',
      L,
      goals.L.maxMs,
      goals.L.maxRssMB,
      goals.L.maxOutputBytes,
    ),
  );
  out.push(buildGoal('XL full build under 60 s and 1.5 GB', build('XL'), goals.XL.maxMs, goals.XL.maxRssMB));
  const XXL = build('XXL');
  if (XXL)
    out.push(buildGoal('XXL full build under 5 min and 4 GB', XXL, goals.XXL.maxMs, goals.XXL.maxRssMB));
  else out.push(notMeasured('XXL full build under 5 min and 4 GB', 'not built (--sizes XXL)'));

  // Memory over two sizes: the two biggest generated catalogs both built and loaded.
  const sized = builds
    .filter((b) => b.source === 'generated' && b.maxRssMB !== null && b.output)
    .flatMap((b) => {
      const load = loads.find((l) => l.size === b.name);
      return load && b.maxRssMB !== null && b.output
        ? [
            {
              size: b.name,
              pages: b.output.pages,
              buildRssMB: b.maxRssMB,
              loadRssMB: load.maxRssMB,
              modelHeapMB: b.modelHeapMB ?? 0,
              modelThreads: b.modelThreads ?? 0,
            },
          ]
        : [];
    })
    .sort((a, b) => a.pages - b.pages);
  const [small, big] = sized.slice(-2);
  if (small && big) out.push(flatMemory(small, big));
  else
    out.push(
      notMeasured('peak memory does not grow with pages', 'needs two generated sizes built and loaded'),
    );

  const rebuild = 'L rebuild with no change under 5 s';
  if (L?.medianRebuildMs == null) out.push(notMeasured(rebuild, L ? 'no rebuild finished' : 'L not built'));
  else
    out.push({
      goal: rebuild,
      met: L.medianRebuildMs < goals.L.rebuildMs,
      detail: `median ${seconds(L.medianRebuildMs)}`,
    });

  const first = 'L dev server: first page under 10 s from start';
  if (dev.L?.firstPageMs == null) out.push(notMeasured(first, 'dev server not measured on L'));
  else
    out.push({
      goal: first,
      met: dev.L.firstPageMs < goals.dev.firstPageMs,
      detail: `${seconds(dev.L.firstPageMs)} (listening at ${seconds(dev.L.startMs)})`,
    });

  const edit = 'L edit to updated page in dev under 300 ms (message, service, doc)';
  const edits = Object.entries(dev.L?.edits ?? {});
  if (edits.length === 0) out.push(notMeasured(edit, 'dev server not measured on L'));
  else
    out.push({
      goal: edit,
      met: edits.every(([, e]) => e.medianMs < goals.L.editMs),
      detail: edits.map(([kind, e]) => `${kind} ${int(e.medianMs)} ms`).join(', '),
    });

  const page = 'L largest page under 200 KB, median resource page under 40 KB';
  if (!L?.output) out.push(notMeasured(page, 'L not built'));
  else {
    const o = L.output;
    out.push({
      goal: page,
      met:
        o.largestPage.bytes < goals.page.largestBytes &&
        o.medianResourcePageBytes < goals.page.medianResourceBytes,
      detail: `largest ${kb(o.largestPage.bytes)} (${o.largestPage.path}), median ${kb(o.medianResourcePageBytes)}`,
    });
  }

  const search = '⌘K first results on L under 50 ms after the palette opens';
  const s = dev.L?.search;
  if (!s) out.push(notMeasured(search, 'not measured on L (give --browser)'));
  else
    out.push({
      goal: search,
      met: s.medianResultsMs < goals.searchMs,
      detail: `median ${int(s.medianResultsMs)} ms for "${s.query}" (${s.results} results; open ${int(s.medianOpenMs)} ms)`,
    });

  const load = 'L loads and checks in under 5 s and 1 GB';
  const l = loads.find((r) => r.size === 'L');
  if (!l) out.push(notMeasured(load, 'L not loaded'));
  else
    out.push({
      goal: load,
      met: l.medianMs < goals.load.maxMs && l.maxRssMB < goals.load.maxRssMB,
      detail: `median ${seconds(l.medianMs)}, peak RSS ${int(l.maxRssMB)} MB`,
    });
  return out;
}
