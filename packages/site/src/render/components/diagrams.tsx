import { type Catalog, getResource, isKind, type Kind, kinds, type Resource } from '@switchyard/model';
import { drawDiagram } from '../../diagram/draw.js';
import { flowDiagram, resourceGraph } from '../../diagram/from-catalog.js';
import { hashText } from '../../diagram/hash.js';
import { domainMap, neighbourhoodMap } from '../../diagram/maps.js';
import type { DiagramInput } from '../../diagram/types.js';
import { useRender } from '../context.js';
import { Placeholder } from './basic.js';

/**
 * Stable key of a diagram (everything that changes its SVG, its title included: the SVG carries it), for the
 * two-pass render and the cache. Without the title, a flow drawn in a doc and on its own page shared one
 * SVG, and which title it showed depended on which page was rendered first.
 */
function keyOf(input: DiagramInput, title: string): string {
  return hashText(`${svgFormat}${title}\n${JSON.stringify(input)}`);
}

/** Bumped whenever the SVG output changes, so diagrams cached by an earlier build are not reused. */
const svgFormat = 'svg-3:';

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
  const svg = diagrams.svg(keyOf(input, title), () => drawDiagram(input, { title, style: false }));
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
 * `maxHeight` as a CSS length. 1.x wrote pixels (`400`), later versions rem (`34`): a bare number under 100
 * is read as rem, from 100 as pixels. Lengths with a unit are kept; anything else is ignored.
 */
function heightOf(value: number | string | undefined): string | undefined {
  const m = /^(\d+(?:\.\d+)?)(px|rem|em|vh|%)?$/.exec(String(value ?? '').trim());
  if (!m) return undefined;
  return `${m[1]}${m[2] ?? (Number(m[1]) < 100 ? 'rem' : 'px')}`;
}

/** What `id` names without a `type`: a resource of the page's kind, else of the first kind that has one. */
function findById(catalog: Catalog, id: string, version: string | undefined, first: Kind | undefined) {
  for (const kind of first && resourceKinds.includes(first) ? [first, ...resourceKinds] : resourceKinds) {
    const found = getResource(catalog, kind, id, version);
    if (found) return found;
  }
  return undefined;
}

const resourceKinds: readonly Kind[] = kinds.filter((k) => k !== 'doc' && k !== 'team' && k !== 'user');

/**
 * The map of the current resource (or of `id`/`version` of the current kind, or of `type`). Scoped views:
 * `depth` (1, 2... or "all") draws the neighbourhood that many hops out; `scope="own"` on a domain keeps
 * only the messages its own services send. `direction` "TB" lays it out top to bottom. From 1.x: a `title`
 * shown above the map and `maxHeight`; its interaction props (`isDraggable`...) do not apply.
 */
export function NodeGraph({
  id,
  version,
  type,
  title,
  depth,
  scope,
  direction,
  maxHeight,
}: {
  id?: string;
  version?: string;
  type?: string;
  title?: string;
  depth?: number | string;
  scope?: string;
  direction?: string;
  maxHeight?: number | string;
}) {
  const { catalog, urls, resource } = useRender();
  const kind = type && isKind(type) ? type : undefined;
  const target = !id
    ? resource
    : kind
      ? getResource(catalog, kind, id, version)
      : findById(catalog, id, version, resource?.kind);
  if (!target || target.kind === 'doc') {
    return (
      <Placeholder
        name="NodeGraph"
        reason={
          id
            ? `there is no ${kind ?? 'resource'} "${id}"${version ? ` at version ${version}` : ''} in this catalog.`
            : "without an id it draws the page's resource, and this page is not a resource."
        }
      />
    );
  }
  const href = (r: Resource) => urls.resource(r);
  const hops = depth === 'all' ? Number.POSITIVE_INFINITY : Number(depth);
  let input =
    depth !== undefined && hops >= 1
      ? neighbourhoodMap(catalog, target, hops, href)
      : scope === 'own' && target.kind === 'domain'
        ? domainMap(catalog, target, href, { own: true })
        : resourceGraph(catalog, target, href);
  if (direction === 'TB' || direction === 'DOWN') input = { ...input, direction: 'DOWN' };
  const height = heightOf(maxHeight);
  return (
    <>
      {title && (
        <p class="sy-diagram-title">
          <strong>{title}</strong>
        </p>
      )}
      <Diagram
        input={input}
        title={title ?? `Map of ${target.id}`}
        {...(height !== undefined ? { maxHeight: height } : {})}
      />
    </>
  );
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
