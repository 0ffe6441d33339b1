import { type Catalog, kindDef, nameOf, type Resource, stepsOf } from '@switchyard/model';
import { type ClusteredMap, clusterMap, clusterThreshold } from '../diagram/clusters.js';
import { drawDiagram } from '../diagram/draw.js';
import { flowDiagram, type HrefOf } from '../diagram/from-catalog.js';
import { hashText } from '../diagram/hash.js';
import { expectWrappedLayouts, layoutDiagram } from '../diagram/layout.js';
import {
  catalogGraph,
  domainIntegrations,
  domainMap,
  entityMap,
  resourceMap,
  systemContextMap,
} from '../diagram/maps.js';
import { toMermaid } from '../diagram/mermaid.js';
import type { DiagramInput } from '../diagram/types.js';
import { bothDirectionsLimit, VisualiserPage, type VisualiserView } from '../render/pages/visualiser.js';
import type { WalkStep } from '../render/pages/visualiser-parts.js';
import { redirectPage, redirectScriptPath } from '../render/redirect.js';
import { versionSegment } from '../urls.js';
import type { SectionContext, SiteSection } from './section.js';

/**
 * What each catalog-wide map drew last, by output folder and page path, in this process (a dev server's
 * rebuilds): builds into other folders in the same process neither read nor change it.
 */
const drawn = new Map<string, string>();
const drawnKey = (ctx: SectionContext, path: string) => `${ctx.base.build.outDir}\0${path}`;

/** Bytes a map page may have with its map inline; past it, the map is drawn as clusters. */
const pageBudget = 180_000;

/** Past this many clusters, a map's overview is a file the browser fetches rather than part of the page. */
const inlineOverviewLimit = 60;

/** Kinds whose maps are laid out in one direction only. */
const oneDirectionKinds = new Set(['event', 'command', 'query', 'channel']);

/** Kinds with no map: versioned text, not architecture. */
const unmapped = new Set(['changelog', 'doc', 'ubiquitous-language', 'team', 'user']);

const subtitles: Record<string, string> = {
  service: 'What it receives and sends, through which channels, and the data stores it uses.',
  agent: 'What it receives and sends, through which channels, and the data stores it uses.',
  event: 'Who publishes it, through which channels, and who consumes it.',
  command: 'Who sends it, through which channels, and who handles it.',
  query: 'Who asks, through which channels, and who answers.',
  channel: 'The messages on this channel, between their producers and consumers.',
  domain:
    "The domain's services and their messages, grouped by system, with the services elsewhere they talk to.",
  system: "The system's services and their messages.",
  flow: 'Each step of the flow; failure and compensation paths drawn apart.',
};

function walkSteps(catalog: Catalog, flow: Resource<'flow'>): WalkStep[] {
  const seen = new Set<string>();
  const steps: WalkStep[] = [];
  for (const s of stepsOf(catalog, flow)) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const summary = (s.step.summary ?? s.step.custom?.summary ?? s.step.actor?.summary)?.trim();
    const step: WalkStep = { id: s.id, title: s.step.title };
    if (summary) step.summary = summary;
    steps.push(step);
  }
  return steps;
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The visualiser's canvas at 1440×900, the size maps are chosen to fit (width, height). */
const canvas = { width: 1240, height: 620 };

/**
 * The direction a map opens in: of left-to-right and top-to-bottom, the one whose whole drawing shows
 * largest on the canvas (its scale when fitted), so a tall column of messages lies down as a row when that
 * reads better. Maps with a direction of their own (flows, messages, channels) and big ones keep theirs.
 */
async function readableDirection(view: VisualiserView): Promise<DiagramInput> {
  const { input } = view;
  if (
    view.oneDirection ||
    view.steps ||
    input.wrap ||
    input.nodes.length + input.edges.length > bothDirectionsLimit
  )
    return input;
  const fit = async (direction: 'RIGHT' | 'DOWN') => {
    const laid = await layoutDiagram({ ...input, direction });
    return Math.min(canvas.width / laid.width, canvas.height / laid.height);
  };
  const primary = input.direction ?? 'RIGHT';
  const other = primary === 'RIGHT' ? 'DOWN' : 'RIGHT';
  // The other direction only when it shows the map at least a tenth larger: a switch for nothing confuses.
  return (await fit(other)) > (await fit(primary)) * 1.1 ? { ...input, direction: other } : input;
}

/** Writes a map's page at each path, its Mermaid text beside the first; clusters past the threshold. */
async function writeMap(ctx: SectionContext, paths: string[], given: VisualiserView): Promise<void> {
  const [path = given.path] = paths;
  const view: VisualiserView = { ...given, input: await readableDirection(given) };
  const whole: VisualiserView = { ...view, path };
  // Dense maps cluster too: their edges, not their nodes, would push the page past its size budget.
  const dense =
    view.input.nodes.length > clusterThreshold || view.input.nodes.length + view.input.edges.length > 320;
  let html = dense ? undefined : await ctx.render(() => <VisualiserPage view={whole} />);
  // A map under those limits can still pass the budget (long labels, many groups): it clusters then.
  if (html === undefined || Buffer.byteLength(html) > pageBudget) {
    const clustered = clusterMap(view.input);
    const src = `${path}.clusters.json`;
    await writeClusters(ctx, path, clustered, view.title);
    const shown: VisualiserView = {
      ...whole,
      input: clustered.overview,
      clusters: { src, total: view.input.nodes.length },
    };
    // An overview of hundreds of clusters would pass the page budget by itself: the browser fetches it.
    if (clustered.overview.nodes.length > inlineOverviewLimit && shown.clusters) {
      const overview = `${path}.clusters/overview.svg`;
      const svg = await drawDiagram(clustered.overview, { title: view.title, style: false });
      await ctx.write(overview.slice(1), svg);
      shown.clusters.overview = overview;
    }
    html = await ctx.render(() => <VisualiserPage view={shown} />);
  }
  for (const at of paths) await ctx.writePage(at, html);
  await ctx.write(`${path.slice(1)}.mermaid`, toMermaid(view.input, view.title));
}

/**
 * A clustered map's clusters: `{path}.clusters.json` lists them (`{id, label, size, src}`), and each is
 * an SVG file of its own, fetched when opened, so no file grows with the whole map.
 */
async function writeClusters(ctx: SectionContext, path: string, map: ClusteredMap, title: string) {
  const index: { id: string; label: string; size: number; src: string }[] = [];
  await inPool(
    map.clusters.map((c, i) => [c, i] as const),
    4,
    async ([cluster, i]) => {
      const src = `${path}.clusters/${i}.svg`;
      const svg = await drawDiagram(cluster.input, { title: `${title}: ${cluster.label}`, style: false });
      await ctx.write(src.slice(1), svg);
      index[i] = { id: cluster.id, label: cluster.label, size: cluster.size, src: ctx.urls.asset(src) };
    },
  );
  await ctx.write(`${path.slice(1)}.clusters.json`, JSON.stringify({ clusters: index }));
}

/** A flow's map: left to right, and past eight nodes wrapped onto rows (which ELK lays out). */
function flowMap(catalog: Catalog, flow: Resource<'flow'>, href: HrefOf): DiagramInput {
  const input = flowDiagram(catalog, flow, href);
  return { ...input, direction: 'RIGHT', ...(input.nodes.length > 8 ? { wrap: 1.6 } : {}) };
}

/** `flow`: the flow's map when `r` is a flow (`flowMap`, made once per build by `buildVisualiser`). */
function resourceView(ctx: SectionContext, r: Resource, href: HrefOf, flow?: DiagramInput): VisualiserView {
  const plural = kindDef(r.kind).plural;
  const path = `/visualiser/${plural}/${r.id}${versionSegment(r)}`;
  const label = kindDef(r.kind).label;
  const view: VisualiserView = {
    title: r.version ? `${nameOf(r)} (v${r.version})` : nameOf(r),
    subtitle: `${label} map. ${subtitles[r.kind] ?? 'What it connects to, one hop away.'}`,
    path,
    docsPath: ctx.urls.resourcePath(r),
    input: resourceMap(ctx.catalog, r, href),
    // Most resources are messages: their maps are a few producers and consumers around one node, and a
    // second layout of each would be a third of the build's layout time.
    oneDirection: oneDirectionKinds.has(r.kind),
    subject: r.key,
  };
  if (r.kind === 'flow' && flow) {
    view.input = flow;
    view.steps = walkSteps(ctx.catalog, r as Resource<'flow'>);
  }
  if (r.kind === 'domain') {
    view.links = [
      { href: path, label: 'Map', current: true },
      { href: `${path}/messages`, label: 'Own messages' },
      { href: `${path}/entity-map`, label: 'Entity map' },
    ];
  }
  return view;
}

async function buildVisualiser(ctx: SectionContext): Promise<void> {
  const { catalog, urls } = ctx;
  const href: HrefOf = (r) => urls.resource(r);
  // On an incremental rebuild, only the maps of what changed (and its neighbours) are drawn again.
  const mapped = catalog.resources.filter(
    (r) => kindDef(r.kind).versioned && !unmapped.has(r.kind) && (!ctx.only || ctx.only.has(r.key)),
  );
  const flows = new Map(
    mapped
      .filter((r) => r.kind === 'flow')
      .map((r) => [r.key, flowMap(catalog, r as Resource<'flow'>, href)]),
  );
  // ELK's thread starts while the other maps are drawn, rather than when the first wrapped flow asks.
  expectWrappedLayouts(flows.values());
  await inPool(mapped, 6, async (r) => {
    const view = resourceView(ctx, r, href, flows.get(r.key));
    const newest = catalog.versions.get(`${r.kind}:${r.id}`)?.[0] === r;
    const latestPath = `/visualiser/${kindDef(r.kind).plural}/${r.id}`;
    // The latest version's short URL is a redirect: a second copy of every map would double the section.
    await writeMap(ctx, [view.path], view);
    if (newest)
      await ctx.writePage(
        latestPath,
        redirectPage(urls.page(view.path), 'Visualiser', urls.asset(redirectScriptPath)),
      );
    if (r.kind !== 'domain') return;
    const base = { docsPath: view.docsPath, links: view.links ?? [] };
    const scoped = (suffix: string) =>
      base.links.map((l) => ({ ...l, current: l.href === `${view.path}${suffix}` }));
    const sub = async (suffix: string, title: string, subtitle: string, input: DiagramInput) => {
      const paths = [`${view.path}${suffix}`];
      if (newest)
        await ctx.writePage(
          `${latestPath}${suffix}`,
          redirectPage(urls.page(`${view.path}${suffix}`), 'Visualiser', urls.asset(redirectScriptPath)),
        );
      await writeMap(ctx, paths, {
        title,
        subtitle,
        path: paths[0] as string,
        ...base,
        links: scoped(suffix),
        input,
      });
    };
    await sub(
      '/messages',
      `${nameOf(r)}: own messages`,
      "Only the messages this domain's services send, and the services inside it.",
      domainMap(catalog, r, href, { own: true }),
    );
    await sub(
      '/entity-map',
      `${nameOf(r)}: entity map`,
      'The entities of the domain and the properties that refer from one to another.',
      entityMap(catalog, r, href),
    );
  });
  if (!ctx.wide) return;
  const global = catalogMaps(ctx, href);
  for (const [path, title, subtitle, input] of global) {
    // A dev rebuild leaves a catalog-wide map alone when what it draws is the same as last time: most
    // edits change a body, not the graph, and on a big catalog these maps take seconds.
    const signature = hashText(JSON.stringify(input));
    if (ctx.only && drawn.get(drawnKey(ctx, path)) === signature) continue;
    await writeMap(ctx, [path], { title, subtitle, path, input });
    drawn.set(drawnKey(ctx, path), signature);
  }
  if (ctx.wide)
    await ctx.writePage(
      '/visualiser',
      redirectPage(urls.page('/visualiser/graph'), 'Visualiser', urls.asset(redirectScriptPath)),
    );
}

/** The catalog-wide maps: path, title, subtitle, and what each draws. */
function catalogMaps(ctx: SectionContext, href: HrefOf): [string, string, string, DiagramInput][] {
  const { catalog } = ctx;
  return [
    [
      '/visualiser/domain-integrations',
      'Domain integrations',
      'How domains talk to each other: the messages produced in one domain and consumed in another.',
      domainIntegrations(catalog, href),
    ],
    [
      '/visualiser/system-context-map',
      'System context map',
      'Systems, external systems and actors, with their declared relationships and the messages between systems.',
      systemContextMap(catalog, href),
    ],
    [
      '/visualiser/graph',
      'Catalog graph',
      'Every service, message, channel and data store, and how they connect, grouped by domain and system.',
      catalogGraph(catalog, href),
    ],
  ];
}

/** Run on this thread after the section built on its own: what a dev rebuild compares the maps with. */
async function rememberCatalogMaps(ctx: SectionContext): Promise<void> {
  const href: HrefOf = (r) => ctx.urls.resource(r);
  for (const [path, , , input] of catalogMaps(ctx, href))
    drawn.set(drawnKey(ctx, path), hashText(JSON.stringify(input)));
}

/** Maps at EventCatalog's `/visualiser/...` URLs: one per resource, per domain scope, and three catalog-wide. */
export const visualiserSection: SiteSection = {
  name: 'visualiser',
  build: buildVisualiser,
  ownThread: true,
  readsBodies: false,
  afterOwnThread: rememberCatalogMaps,
};
