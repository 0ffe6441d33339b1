import { BoundedCache } from '@switchyard/model';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { runElk, warmElk } from './elk-runner.js';
import { groupParentOf } from './group-parents.js';
import { hashText } from './hash.js';
import { layeredGeometry } from './layered.js';
import { groupCaption, measureLabel, measureNode, textWidth } from './metrics.js';
import type {
  Box,
  DiagramInput,
  LaidOutDiagram,
  LaidOutEdge,
  LaidOutGroup,
  LaidOutNode,
  Point,
} from './types.js';

/** What a layout computes, by position in the input; node and edge objects are attached per call. */
export interface Geometry {
  groups?: (Box & { index: number })[];
  nodes: (Box & { index: number; lines: string[] })[];
  edges: { index: number; sections: Point[][]; label?: Box & { lines: string[] } }[];
  width: number;
  height: number;
}

/**
 * Finished and running layouts by input hash, at most 8 MB of them (estimated), so neither a long-running
 * dev server nor a huge catalog grows it without end. Small because a build seldom lays out one graph twice
 * on the same thread (the SVG cache answers a graph drawn again): measured in a threaded build of bench M,
 * 7 hits in 937 layouts on the main thread, 99 in 1,494 on the visualiser's; at L, 1,216 in 39,513 (3%,
 * for 20 MB of heap at 16 MB).
 */
const cache = new BoundedCache<Geometry | Promise<Geometry>>(8 * 1024 * 1024, geometryBytes);

function remember(key: string, value: Geometry | Promise<Geometry>): void {
  cache.set(key, value);
}

/**
 * A geometry's bytes as V8 holds them (each figure measured on Node 20: a point `{x, y}` takes 85 bytes, a
 * node's box 180, a label's 170; the estimate before these counted half); a running layout counts as little.
 */
export function geometryBytes(value: Geometry | Promise<Geometry>): number {
  if (value instanceof Promise) return 256;
  let bytes = 128 + 150 * (value.groups?.length ?? 0);
  for (const n of value.nodes) bytes += 180 + n.lines.reduce((sum, line) => sum + 32 + 2 * line.length, 0);
  for (const e of value.edges) {
    bytes += 64 + (e.label ? 170 + e.label.lines.reduce((sum, line) => sum + 32 + 2 * line.length, 0) : 0);
    for (const section of e.sections) bytes += 48 + 88 * section.length;
  }
  return bytes;
}

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

/** Past this many nodes, ELK does one sweep of crossing minimisation instead of seven: seconds saved, little lost. */
const quickLayoutFrom = 60;

const quickOptions: Record<string, string> = {
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
};

/** The fields that change a layout, in a fixed order, so equal graphs give equal text. */
function canonical(input: DiagramInput): string {
  return JSON.stringify([
    input.direction ?? 'RIGHT',
    input.wrap ?? null,
    input.nodes.map((n) => [n.id, n.kind, n.kindLabel ?? null, n.label, n.sublabel ?? null]),
    input.edges.map((e) => [e.from, e.to, e.label ?? null]),
    ...(input.groups?.length
      ? [
          input.groups.map((g) => [g.id, g.kind, g.label, g.parent ?? null]),
          input.nodes.map((n) => n.group ?? null),
        ]
      : []),
  ]);
}

/** The cache key of a diagram: a hash of its layout-shaping fields, and their length. */
export function hashDiagram(input: DiagramInput): string {
  const text = canonical(input);
  return `${hashText(text)}-${text.length.toString(36)}`;
}

/** How many layouts this process computed, by engine (our layered layout, or ELK for wrapped chains). */
export const layoutStats = { layered: 0, elk: 0 };

/** Readies ELK for wrapped chains a build is about to lay out (see `warmElk`); a no-op where none wraps. */
export function expectWrappedLayouts(inputs: Iterable<DiagramInput>): void {
  for (const input of inputs) {
    if (input.wrap) {
      warmElk();
      return;
    }
  }
}

/** ELK, for the graphs our layered layout does not do: long chains wrapped onto several rows. */
async function compute(input: DiagramInput): Promise<Geometry> {
  layoutStats.elk++;
  const seen = new Set<string>();
  const nodes: { index: number; lines: string[]; elk: ElkNode }[] = [];
  const elkIdOf = new Map<string, string>();
  input.nodes.forEach((node, index) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    const size = measureNode(node);
    elkIdOf.set(node.id, `n${index}`);
    nodes.push({
      index,
      lines: size.lines,
      elk: { id: `n${index}`, width: size.width, height: size.height },
    });
  });
  const edges: { index: number; lines: string[] | undefined; elk: ElkExtendedEdge }[] = [];
  input.edges.forEach((edge, index) => {
    const from = elkIdOf.get(edge.from);
    const to = elkIdOf.get(edge.to);
    if (!from || !to) return;
    const elkEdge: ElkExtendedEdge = { id: `e${index}`, sources: [from], targets: [to] };
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

  const tree = nestInGroups(input, nodes);
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      ...layoutOptions,
      'elk.direction': input.direction ?? 'RIGHT',
      ...(tree.groups.length > 0 ? hierarchyOptions : {}),
      ...(nodes.length > quickLayoutFrom ? quickOptions : {}),
      ...(input.wrap
        ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': String(input.wrap) }
        : {}),
    },
    children: tree.children,
    edges: edges.map((e) => e.elk),
  };
  const graph: ElkNode = await runElk(root);

  const placed = new Map<string, ElkNode>();
  const visit = (list: ElkNode[] | undefined) => {
    for (const c of list ?? []) {
      placed.set(c.id, c);
      visit(c.children);
    }
  };
  visit(graph.children);
  const routed = new Map((graph.edges ?? []).map((e) => [e.id, e]));
  const box = (id: string, fallback: ElkNode) => {
    const c = placed.get(id);
    return {
      x: c?.x ?? 0,
      y: c?.y ?? 0,
      width: c?.width ?? fallback.width ?? 0,
      height: c?.height ?? fallback.height ?? 0,
    };
  };
  const geometry: Geometry = {
    nodes: nodes.map((n) => ({ index: n.index, lines: n.lines, ...box(n.elk.id, n.elk) })),
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
  if (tree.groups.length > 0) {
    geometry.groups = tree.groups.map((g) => ({ index: g.index, ...box(g.elk.id, g.elk) }));
  }
  return geometry;
}

/** Options for graphs with groups: one layered layout across all levels, coordinates all relative to the root. */
const hierarchyOptions: Record<string, string> = {
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
};

/**
 * Puts each node inside its group's ELK node, and each group inside its parent; groups with no node
 * inside (directly or through nested groups), unknown parents and parent cycles are dropped to the root.
 */
function nestInGroups(
  input: DiagramInput,
  nodes: { index: number; elk: ElkNode }[],
): { children: ElkNode[]; groups: { index: number; elk: ElkNode }[] } {
  const list = input.groups ?? [];
  if (list.length === 0) return { children: nodes.map((n) => n.elk), groups: [] };
  const byId = new Map<string, { index: number; elk: ElkNode; parent: string | undefined; used: boolean }>();
  list.forEach((g, index) => {
    if (byId.has(g.id)) return;
    const minWidth = Math.ceil(textWidth(g.label, groupCaption.size, 'bold') + 2 * groupCaption.pad + 60);
    byId.set(g.id, {
      index,
      parent: g.parent,
      used: false,
      elk: {
        id: `g${index}`,
        children: [],
        layoutOptions: {
          'elk.padding': `[top=${groupCaption.top},left=${groupCaption.pad},bottom=${groupCaption.pad},right=${groupCaption.pad}]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${minWidth},60)`,
        },
      },
    });
  });
  const parentOf = groupParentOf(byId);
  const root: ElkNode[] = [];
  for (const n of nodes) {
    const groupId = input.nodes[n.index]?.group;
    const group = groupId ? byId.get(groupId) : undefined;
    if (!group) {
      root.push(n.elk);
      continue;
    }
    group.elk.children?.push(n.elk);
    for (let id: string | undefined = groupId; id; id = parentOf(id)) {
      const g = byId.get(id);
      if (!g || g.used) break;
      g.used = true;
    }
  }
  const used = [...byId.entries()].filter(([, g]) => g.used);
  for (const [id, g] of used) {
    const parent = parentOf(id);
    (parent ? (byId.get(parent)?.elk.children ?? root) : root).push(g.elk);
  }
  // Outermost first: depth by parent chain.
  const depth = (id: string) => {
    let d = 0;
    for (let p = parentOf(id); p; p = parentOf(p)) d++;
    return d;
  };
  const groups = used
    .sort(([a], [b]) => depth(a) - depth(b))
    .map(([, g]) => ({ index: g.index, elk: g.elk }));
  return { children: root, groups };
}

/**
 * Lays a diagram out in layers with orthogonal edges: our own layered layout (`layered.ts`) for every graph
 * but wrapped chains, which ELK lays out. Node boxes come from label lengths (labels wrap onto at most
 * three lines); edge labels get room of their own, so nothing overlaps. Nodes with a repeated id after the
 * first, and edges naming a missing node, are left out.
 *
 * Results are cached by a hash of the fields that shape the layout (ids, kinds, labels, sublabels, edge ends
 * and labels, direction, groups): an unchanged graph is laid out once per process. Hrefs, tones, refs and
 * summaries are taken from `input` on every call.
 */
export async function layoutDiagram(input: DiagramInput): Promise<LaidOutDiagram> {
  const now = layoutDiagramSync(input);
  if (now) return now;
  const key = hashDiagram(input);
  let pending = cache.get(key);
  if (!pending) {
    const running = compute(input);
    pending = running;
    remember(key, running);
    running.then(
      (geometry) => {
        if (cache.peek(key) === running) cache.set(key, geometry);
      },
      () => {
        if (cache.peek(key) === running) cache.delete(key);
      },
    );
  }
  return attach(input, await pending);
}

/**
 * The layout right now, when it needs no ELK (every graph but wrapped chains) or ELK has already done it;
 * undefined otherwise. Lets a page draw its diagrams in the same render pass that asks for them.
 */
export function layoutDiagramSync(input: DiagramInput): LaidOutDiagram | undefined {
  const key = hashDiagram(input);
  let geometry = cache.get(key);
  if (geometry instanceof Promise) return undefined;
  if (!geometry) {
    // Our own layered layout takes milliseconds where ELK takes tens to hundreds; ELK still wraps long chains.
    if (input.wrap) return undefined;
    layoutStats.layered++;
    geometry = layeredGeometry(input);
    remember(key, geometry);
  }
  return attach(input, geometry);
}

/** A cached geometry with this call's nodes and edges attached. */
function attach(input: DiagramInput, geometry: Geometry): LaidOutDiagram {
  const nodes: LaidOutNode[] = geometry.nodes.map(({ index, ...box }) => ({
    ...box,
    node: input.nodes[index] as LaidOutNode['node'],
  }));
  const edges: LaidOutEdge[] = geometry.edges.map(({ index, ...rest }) => ({
    ...rest,
    edge: input.edges[index] as LaidOutEdge['edge'],
  }));
  const laid: LaidOutDiagram = {
    nodes,
    edges,
    width: geometry.width,
    height: geometry.height,
    direction: input.direction ?? 'RIGHT',
  };
  if (geometry.groups) {
    laid.groups = geometry.groups.map(({ index, ...box }) => ({
      ...box,
      group: input.groups?.[index] as LaidOutGroup['group'],
    }));
  }
  return laid;
}
