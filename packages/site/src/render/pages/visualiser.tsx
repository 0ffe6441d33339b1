import { drawDiagram } from '../../diagram/draw.js';
import { hashText } from '../../diagram/hash.js';
import type { DiagramInput } from '../../diagram/types.js';
import { useRender } from '../context.js';
import { Layout } from '../layout.js';
import { Legend, VisualiserToolbar, type WalkStep, Walkthrough } from './visualiser-parts.js';

/** Bumped whenever the visualiser's SVG output changes, so cached layouts of earlier builds are not reused. */
const svgFormat = 'vis-2:';

/**
 * Maps up to this many nodes and edges together are laid out in both directions, so the
 * browser can switch without a relayout; a second layout of a dense map would double the page.
 */
export const bothDirectionsLimit = 80;

export interface VisualiserView {
  title: string;
  /** Under the title: what the map shows. */
  subtitle: string;
  /** The page's own path; `.mermaid` sits next to it. */
  path: string;
  /** The documentation page this map belongs to (for the sidebar and a link back). */
  docsPath?: string | undefined;
  input: DiagramInput;
  /** Other views of the same subject (scopes, the entity map...). */
  links?: { href: string; label: string; current?: boolean }[];
  steps?: WalkStep[];
  /**
   * For a clustered big map: the JSON file the browser fetches clusters from, and for an overview too big
   * to inline (hundreds of clusters), the SVG file the browser fetches it from.
   */
  clusters?: { src: string; total: number; overview?: string } | undefined;
  /** Lay out only the map's own direction (small maps of messages and channels: a switch adds little). */
  oneDirection?: boolean;
  /** The key of the resource the map is about: it opens on it when the whole map would not read. */
  subject?: string;
}

/** The smallest on-screen size of a node's text the map opens with (client/diagram.ts, readable start). */
export const minLabelPx = 8;

/** One laid-out direction of a map, drawn by the two-pass render (undefined on the first pass). */
function useMapSvg(input: DiagramInput, title: string): string | undefined {
  const { diagrams } = useRender();
  return diagrams.svg(hashText(`${svgFormat}${title}\n${JSON.stringify(input)}`), () =>
    drawDiagram(input, { title, style: false }),
  );
}

function MapFrame({
  input,
  title,
  hidden,
  fetched,
  subject,
}: {
  input: DiagramInput;
  title: string;
  hidden: boolean;
  /** Drawn by the browser from this file: the page only says so. */
  fetched?: boolean;
  subject?: string | undefined;
}) {
  const laid = useMapSvg(fetched ? { nodes: [], edges: [] } : input, title);
  const svg = fetched ? '<p class="sy-muted">Loading the map…</p>' : laid;
  const direction = input.direction ?? 'RIGHT';
  return (
    <sy-diagram
      class="sy-diagram-frame sy-vis__map"
      data-direction={direction}
      hidden={hidden}
      data-min-label={minLabelPx}
      data-subject={subject}
      tabindex={0}
      aria-label={`${title} (${direction === 'RIGHT' ? 'left to right' : 'top to bottom'})`}
    >
      <div class="sy-diagram-canvas" dangerouslySetInnerHTML={{ __html: svg ?? 'Laying out…' }} />
    </sy-diagram>
  );
}

/**
 * A visualiser page: the map (laid out at build time, in both directions when small), a toolbar for
 * search, depth, direction and export, a legend that shows and hides kinds, and for flows a walkthrough.
 */
export function VisualiserPage({ view }: { view: VisualiserView }) {
  const { urls } = useRender();
  const { input } = view;
  const primary = input.direction ?? 'RIGHT';
  const directions: ('RIGHT' | 'DOWN')[] =
    input.nodes.length + input.edges.length <= bothDirectionsLimit && !view.clusters && !view.oneDirection
      ? [primary, primary === 'RIGHT' ? 'DOWN' : 'RIGHT']
      : [primary];
  return (
    <Layout
      title={view.title}
      section="docs"
      path={view.docsPath ?? view.path}
      description={view.subtitle}
      wide
    >
      <div
        class="sy-vis"
        data-sy-vis
        data-clusters={view.clusters ? urls.asset(view.clusters.src) : undefined}
        data-overview={view.clusters?.overview ? urls.asset(view.clusters.overview) : undefined}
      >
        <header class="sy-vis__head">
          <div>
            <p class="sy-vis__eyebrow">Visualiser</p>
            <h1>{view.title}</h1>
            <p class="sy-muted">{view.subtitle}</p>
          </div>
          <nav class="sy-vis__links" aria-label="Views">
            {view.docsPath && <a href={urls.page(view.docsPath)}>Documentation</a>}
            {(view.links ?? []).map((l) => (
              <a key={l.href} href={urls.page(l.href)} aria-current={l.current ? 'page' : undefined}>
                {l.label}
              </a>
            ))}
            <a href={urls.asset(`${view.path}.mermaid`)} type="text/plain">
              Mermaid
            </a>
          </nav>
        </header>
        <VisualiserToolbar directions={directions} flow={Boolean(view.steps)} />
        <div class="sy-vis__stage">
          {directions.map((d, i) => (
            <MapFrame
              key={d}
              input={{ ...input, direction: d }}
              title={view.title}
              hidden={i > 0}
              fetched={Boolean(view.clusters?.overview)}
              subject={view.subject}
            />
          ))}
          <Legend input={input} />
        </div>
        {view.steps && view.steps.length > 0 && <Walkthrough steps={view.steps} />}
        {view.clusters && (
          <p class="sy-muted sy-vis__note">
            {view.clusters.total} resources, shown as clusters: click a cluster to open it.
          </p>
        )}
      </div>
    </Layout>
  );
}
