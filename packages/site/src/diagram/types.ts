/** How a node reads at a glance: a happy ending, a failure, or a step that undoes earlier work. */
export type NodeTone = 'default' | 'success' | 'failure' | 'compensation';

/** `trigger`: receiving the message at the tail makes a service send the one at the head. */
export type EdgeTone = 'default' | 'failure' | 'compensation' | 'trigger';

export interface DiagramNode {
  /** Unique within one diagram. */
  id: string;
  /**
   * Drives colour and the small caps line above the label: a catalog kind ('service', 'event', 'command',
   * 'query', 'channel', 'container', 'flow', 'domain', 'system', 'entity', 'agent'...) or a diagram-only kind
   * ('actor', 'custom', 'external', 'step', 'message', 'more').
   */
  kind: string;
  label: string;
  /** Shown above the label instead of the kind's own name (a custom step's `type`, e.g. 'Outcome'). */
  kindLabel?: string;
  /** Second line under the label, e.g. 'Service · v1.0.0'. */
  sublabel?: string;
  href?: string;
  tone?: NodeTone;
  /** `kind:id@version` for catalog resources; the node's `data-node` attribute (its id when absent). */
  ref?: string;
  /** Tooltip text. */
  summary?: string;
  /** The resource the page is about; drawn emphasised. */
  current?: boolean;
  /** The group (a domain or system box) the node is drawn inside. */
  group?: string;
}

/** A box drawn around nodes (a domain, a system); groups nest through `parent`. */
export interface DiagramGroup {
  id: string;
  kind: string;
  label: string;
  parent?: string;
  ref?: string;
  href?: string;
}

export interface DiagramEdge {
  /** Node ids. */
  from: string;
  to: string;
  label?: string;
  tone?: EdgeTone;
}

export interface DiagramInput {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Main flow direction; RIGHT when absent. */
  direction?: 'RIGHT' | 'DOWN';
  /**
   * Wraps a long layered chain onto several rows (or columns) to reach about this width:height ratio
   * (ELK's graph wrapping); absent, the chain stays on one line.
   */
  wrap?: number;
  /** Compound boxes; nodes name theirs in `group`. */
  groups?: DiagramGroup[];
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A node with its box (top-left origin) and its label wrapped onto at most three lines. */
export interface LaidOutNode extends Box {
  node: DiagramNode;
  lines: string[];
}

export interface LaidOutEdge {
  edge: DiagramEdge;
  /** Each section's points, start to end, bend points included. Orthogonal: consecutive points share x or y. */
  sections: Point[][];
  /** The label's box and wrapped lines, when the edge has a label. */
  label?: Box & { lines: string[] };
}

export interface LaidOutGroup extends Box {
  group: DiagramGroup;
}

/** A layout result. Shared through the layout cache: treat as read-only. */
export interface LaidOutDiagram {
  /** Outermost first, so drawing in order puts inner boxes on top. */
  groups?: LaidOutGroup[];
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
  direction: 'RIGHT' | 'DOWN';
}
