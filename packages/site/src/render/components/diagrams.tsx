import { getResource, type Resource } from '@switchyard/model';
import { drawDiagram } from '../../diagram/draw.js';
import { flowDiagram, resourceGraph } from '../../diagram/from-catalog.js';
import { hashText } from '../../diagram/hash.js';
import { domainMap, neighbourhoodMap } from '../../diagram/maps.js';
import type { DiagramInput } from '../../diagram/types.js';
import { useRender } from '../context.js';

/** Stable key of a diagram's input (everything that changes its SVG), for the two-pass render and the cache. */
function keyOf(input: DiagramInput): string {
  return hashText(`${svgFormat}${JSON.stringify(input)}`);
}

/** Bumped whenever the SVG output changes, so diagrams cached by an earlier build are not reused. */
const svgFormat = 'svg-2:';

function Diagram({
  input,
  title,
  maxHeight,
}: {
  input: DiagramInput;
  title: string;
  maxHeight?: number | string;
}) {
  const { diagrams } = useRender();
  const svg = diagrams.svg(keyOf(input), () => drawDiagram(input, { title, style: false }));
  const style = maxHeight
    ? `--sy-diagram-max:${typeof maxHeight === 'number' ? `${maxHeight}rem` : maxHeight}`
    : undefined;
  return (
    <sy-diagram class="sy-diagram-frame" style={style} tabindex={0} aria-label={title}>
      {svg ? (
        <div class="sy-diagram-canvas" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <div class="sy-diagram-canvas">Laying out…</div>
      )}
    </sy-diagram>
  );
}

/**
 * The map of the current resource (or of `id`/`version` of the current kind). Scoped views: `depth`
 * (1, 2... or "all") draws the neighbourhood that many hops out; `scope="own"` on a domain keeps only the
 * messages its own services send. `direction` "TB" lays it out top to bottom.
 */
export function NodeGraph({
  id,
  version,
  title,
  depth,
  scope,
  direction,
}: {
  id?: string;
  version?: string;
  title?: string;
  depth?: number | string;
  scope?: string;
  direction?: string;
}) {
  const { catalog, urls, resource } = useRender();
  const target = id && resource ? getResource(catalog, resource.kind, id, version) : resource;
  if (!target || target.kind === 'doc') return null;
  const href = (r: Resource) => urls.resource(r);
  const hops = depth === 'all' ? Number.POSITIVE_INFINITY : Number(depth);
  let input =
    depth !== undefined && hops >= 1
      ? neighbourhoodMap(catalog, target, hops, href)
      : scope === 'own' && target.kind === 'domain'
        ? domainMap(catalog, target, href, { own: true })
        : resourceGraph(catalog, target, href);
  if (direction === 'TB' || direction === 'DOWN') input = { ...input, direction: 'DOWN' };
  return <Diagram input={input} title={title ?? `Map of ${target.id}`} />;
}

export const ContextDiagram = NodeGraph;
export const EntityMap = NodeGraph;
export const ComponentDiagram = NodeGraph;

/** A flow's diagram: steps as nodes, next steps as labelled edges, failure paths drawn apart. */
export function Flow({
  id,
  version,
  maxHeight,
}: {
  id?: string;
  version?: string;
  maxHeight?: number | string;
}) {
  const { catalog, urls, resource } = useRender();
  const flow = id
    ? getResource(catalog, 'flow', id, version)
    : resource?.kind === 'flow'
      ? (resource as Resource<'flow'>)
      : undefined;
  if (!flow) return <p class="sy-ref--broken">No flow "{id}" in this catalog.</p>;
  const input = flowDiagram(catalog, flow as Resource<'flow'>, (r: Resource) => urls.resource(r));
  return (
    <Diagram
      input={input}
      title={`Flow: ${flow.data.name}`}
      {...(maxHeight !== undefined ? { maxHeight } : {})}
    />
  );
}
