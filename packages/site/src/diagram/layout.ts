import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { runElk } from './elk-runner.js';
import { hashText } from './hash.js';
import { measureLabel, measureNode } from './metrics.js';
import { simpleGeometry } from './simple-layout.js';
import type { Box, DiagramInput, LaidOutDiagram, LaidOutEdge, LaidOutNode, Point } from './types.js';

/** What a layout computes, by position in the input; node and edge objects are attached per call. */
interface Geometry {
  nodes: (Box & { index: number; lines: string[] })[];
  edges: { index: number; sections: Point[][]; label?: Box & { lines: string[] } }[];
  width: number;
  height: number;
}

/** Finished and running layouts by input hash. Bounded so a long-running dev server cannot grow it forever. */
const cache = new Map<string, Promise<Geometry>>();
const cacheLimit = 5000;

export function layoutCacheSize(): number {
  return cache.size;
}

export function clearLayoutCache(): void {
  cache.clear();
}

const layoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '40',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

/** The fields that change a layout, in a fixed order, so equal graphs give equal text. */
function canonical(input: DiagramInput): string {
  return JSON.stringify([
    input.direction ?? 'RIGHT',
    input.nodes.map((n) => [n.id, n.kind, n.kindLabel ?? null, n.label, n.sublabel ?? null]),
    input.edges.map((e) => [e.from, e.to, e.label ?? null]),
  ]);
}

/** The cache key of a diagram: a hash of its layout-shaping fields, and their length. */
export function hashDiagram(input: DiagramInput): string {
  const text = canonical(input);
  return `${hashText(text)}-${text.length.toString(36)}`;
}

async function compute(input: DiagramInput): Promise<Geometry> {
  const simple = simpleGeometry(input);
  if (simple) return simple;
  const seen = new Set<string>();
  const nodes: { index: number; lines: string[]; elk: ElkNode }[] = [];
  input.nodes.forEach((node, index) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    const size = measureNode(node);
    nodes.push({ index, lines: size.lines, elk: { id: node.id, width: size.width, height: size.height } });
  });
  const edges: { index: number; lines: string[] | undefined; elk: ElkExtendedEdge }[] = [];
  input.edges.forEach((edge, index) => {
    if (!seen.has(edge.from) || !seen.has(edge.to)) return;
    const elkEdge: ElkExtendedEdge = { id: `e${index}`, sources: [edge.from], targets: [edge.to] };
    let lines: string[] | undefined;
    if (edge.label?.trim()) {
      const size = measureLabel(edge.label);
      lines = size.lines;
      elkEdge.labels = [
        {
          text: edge.label,
          width: size.width,
          height: size.height,
          layoutOptions: { 'elk.edgeLabels.placement': 'CENTER', 'elk.edgeLabels.inline': 'true' },
        },
      ];
    }
    edges.push({ index, lines, elk: elkEdge });
  });

  const root: ElkNode = {
    id: 'root',
    layoutOptions: { ...layoutOptions, 'elk.direction': input.direction ?? 'RIGHT' },
    children: nodes.map((n) => n.elk),
    edges: edges.map((e) => e.elk),
  };
  const graph: ElkNode = await runElk(root);

  const placed = new Map((graph.children ?? []).map((c) => [c.id, c]));
  const routed = new Map((graph.edges ?? []).map((e) => [e.id, e]));
  return {
    nodes: nodes.map((n) => {
      const c = placed.get(n.elk.id);
      return {
        index: n.index,
        lines: n.lines,
        x: c?.x ?? 0,
        y: c?.y ?? 0,
        width: n.elk.width ?? 0,
        height: n.elk.height ?? 0,
      };
    }),
    edges: edges.map((e) => {
      const r = routed.get(e.elk.id);
      const sections = (r?.sections ?? []).map((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
      const l = r?.labels?.[0];
      const out: Geometry['edges'][number] = { index: e.index, sections };
      if (e.lines && l) {
        out.label = { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0, lines: e.lines };
      }
      return out;
    }),
    width: graph.width ?? 0,
    height: graph.height ?? 0,
  };
}

/**
 * Lays a diagram out with ELK's layered algorithm and orthogonal edges. Node boxes come from label lengths
 * (labels wrap onto at most three lines); edge labels are placed by ELK, so nothing overlaps. Nodes with a
 * repeated id after the first, and edges naming a missing node, are left out.
 *
 * Results are cached by a hash of the fields that shape the layout (ids, kinds, labels, sublabels, edge ends
 * and labels, direction): an unchanged graph is laid out once per process. Hrefs, tones, refs and summaries
 * are taken from `input` on every call.
 */
export async function layoutDiagram(input: DiagramInput): Promise<LaidOutDiagram> {
  const key = hashDiagram(input);
  let pending = cache.get(key);
  if (!pending) {
    pending = compute(input);
    if (cache.size >= cacheLimit) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, pending);
    pending.catch(() => {
      if (cache.get(key) === pending) cache.delete(key);
    });
  }
  const geometry = await pending;
  const nodes: LaidOutNode[] = geometry.nodes.map(({ index, ...box }) => ({
    ...box,
    node: input.nodes[index] as LaidOutNode['node'],
  }));
  const edges: LaidOutEdge[] = geometry.edges.map(({ index, ...rest }) => ({
    ...rest,
    edge: input.edges[index] as LaidOutEdge['edge'],
  }));
  return {
    nodes,
    edges,
    width: geometry.width,
    height: geometry.height,
    direction: input.direction ?? 'RIGHT',
  };
}
