/**
 * The visualiser benchmark: layout time of synthetic maps of 100, 1,000 and 5,000 nodes (as the site lays
 * them out: one ELK layout up to the cluster threshold, past it an overview plus one layout per cluster),
 * then the first paint in Chromium of the map of a synthetic 3,800-node domain, built by `buildSite` (the
 * domain's pages only, as an incremental rebuild; `--sizes 0` skips the layout table).
 *
 *   node bench/dist/layout.js [--sizes 100,1000,5000] [--domain 3800] [--direct] [--skip-browser]
 *
 * `--direct` also times one ELK layout of the whole map for each size (minutes at 5,000 nodes).
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '@switchyard/loader';
import { buildSite, clusterMap, clusterThreshold, type DiagramInput, layoutDiagram } from '@switchyard/site';
import { syntheticMap, writeBigDomainCatalog } from './layout-graphs.js';

/** The visualiser's goals for a 3,800-node domain: first paint under 2 s, its graph files under 2 MB. */
export const visualiserGoal = { domainNodes: 3_800, firstPaintMs: 2_000, graphBytes: 2 * 1024 * 1024 };

const chromiumPath = '/usr/bin/chromium';

interface LayoutResult {
  nodes: number;
  edges: number;
  clusters: number;
  /** Overview and every cluster (or the one layout below the threshold), one after another. */
  siteMs: number;
  largestLayoutMs: number;
  directMs?: number;
  cpuMs: number;
}

async function timeLayouts(input: DiagramInput, direct: boolean): Promise<LayoutResult> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let largest = 0;
  let clusters = 0;
  const one = async (graph: DiagramInput) => {
    const t = performance.now();
    await layoutDiagram(graph);
    largest = Math.max(largest, performance.now() - t);
  };
  if (input.nodes.length > clusterThreshold) {
    const map = clusterMap(input);
    clusters = map.clusters.length;
    await one(map.overview);
    for (const c of map.clusters) await one(c.input);
  } else {
    await one(input);
  }
  const siteMs = performance.now() - start;
  const result: LayoutResult = {
    nodes: input.nodes.length,
    edges: input.edges.length,
    clusters,
    siteMs,
    largestLayoutMs: largest,
    cpuMs: 0,
  };
  if (direct) {
    const t = performance.now();
    await layoutDiagram({ ...input, direction: 'DOWN' });
    result.directMs = performance.now() - t;
  }
  const used = process.cpuUsage(cpu);
  result.cpuMs = (used.user + used.system) / 1000;
  return result;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A bare static server for the built site (directory paths serve their index.html). */
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

interface BrowserResult {
  nodes: number;
  buildMs: number;
  pageBytes: number;
  /** The cluster index and the largest cluster file: what one open fetches. */
  indexBytes: number;
  largestClusterBytes: number;
  allClusterBytes: number;
  firstPaintMs: number;
  mapDrawnMs: number;
  clusterOpenMs: number;
}

async function browserFirstPaint(nodes: number): Promise<BrowserResult | string> {
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath}`;
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-visualiser-'));
  try {
    writeBigDomainCatalog(join(dir, 'catalog'), nodes);
    const started = performance.now();
    const loaded = await loadCatalog(join(dir, 'catalog'));
    const out = join(dir, 'site');
    // Only the domain's pages (and the catalog-wide maps), as a dev rebuild of that one resource does:
    // the other 3,800 resource pages say nothing about the map.
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.switchyard-build'), 'bench\n');
    await buildSite(loaded, { outDir: out, only: new Set(['domain:big@1.0.0']) });
    const buildMs = performance.now() - started;
    const mapPath = '/visualiser/domains/big/1.0.0';
    const clusterDir = join(out, `${mapPath}.clusters`);
    const clusterSizes = readdirSync(clusterDir).map((f) => statSync(join(clusterDir, f)).size);
    const { server, origin } = await serve(out);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(origin + mapPath, { waitUntil: 'load' });
      await page.waitForSelector('sy-diagram svg [data-node]');
      const timing = await page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
        return { paint, now: performance.now() };
      });
      const opened = performance.now();
      await page.locator('sy-diagram svg [data-node^="cluster:"]').first().click();
      await page.waitForSelector('[data-sy-vis][data-cluster]:not([data-cluster=""])');
      const clusterOpenMs = performance.now() - opened;
      return {
        nodes,
        buildMs,
        pageBytes: statSync(join(out, mapPath, 'index.html')).size,
        indexBytes: statSync(join(out, `${mapPath}.clusters.json`)).size,
        largestClusterBytes: Math.max(...clusterSizes),
        allClusterBytes: clusterSizes.reduce((a, b) => a + b, 0),
        firstPaintMs: timing.paint,
        mapDrawnMs: timing.now,
        clusterOpenMs,
      };
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : `${Math.round(n)} ms`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      domain: { type: 'string', default: String(visualiserGoal.domainNodes) },
      direct: { type: 'boolean', default: false },
      'skip-browser': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  console.log('Visualiser layout (ELK layered, worker thread), synthetic maps grouped by system and domain');
  if (sizes.length > 0) console.log('nodes  edges  clusters  site layout  largest single  cpu        direct');
  for (const size of sizes) {
    const r = await timeLayouts(syntheticMap(size), values.direct);
    console.log(
      `${String(r.nodes).padEnd(6)} ${String(r.edges).padEnd(6)} ${String(r.clusters).padEnd(9)} ${ms(r.siteMs).padEnd(12)} ${ms(r.largestLayoutMs).padEnd(15)} ${ms(r.cpuMs).padEnd(10)} ${ms(r.directMs)}`,
    );
  }
  if (values['skip-browser']) return;
  const nodes = Number(values.domain);
  console.log(`\nA ${nodes}-node domain map in Chromium (synthetic catalog; the domain's pages built):`);
  const b = await browserFirstPaint(nodes);
  if (typeof b === 'string') {
    console.log(`  skipped: ${b}`);
    return;
  }
  const paintOk = b.mapDrawnMs < visualiserGoal.firstPaintMs;
  const sizeOk = b.pageBytes + b.indexBytes + b.largestClusterBytes < visualiserGoal.graphBytes;
  console.log(`  site build ${ms(b.buildMs)}`);
  console.log(
    `  page ${kb(b.pageBytes)}, cluster index ${kb(b.indexBytes)}, largest cluster ${kb(b.largestClusterBytes)} (all clusters ${kb(b.allClusterBytes)})`,
  );
  console.log(
    `  first contentful paint ${ms(b.firstPaintMs)}, map drawn ${ms(b.mapDrawnMs)}, a cluster opened in ${ms(b.clusterOpenMs)}`,
  );
  console.log(
    `  goal: map drawn < ${visualiserGoal.firstPaintMs} ms ${paintOk ? 'met' : 'MISSED'}; page + index + one cluster < 2 MB ${sizeOk ? 'met' : 'MISSED'}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
