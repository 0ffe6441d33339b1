import { safeUrl } from '../shared/url-policy.js';
import { hashText } from './hash.js';
import { fitText, groupCaption, kindText, labelMetrics, nodeMetrics } from './metrics.js';
import type { LaidOutDiagram, LaidOutEdge, LaidOutGroup, LaidOutNode, Point } from './types.js';

export interface RenderSvgOptions {
  /** The accessible name (`<title>`); 'Diagram' when absent. */
  title?: string;
  /** Emit the default `<style>` block (default true); pass false when the page includes `diagramCss` once. */
  style?: boolean;
}

/**
 * Palette variables: name, the site token that overrides it when defined, light default, dark default.
 * Site tokens (`--sy-fg`, `--k-service`...) keep diagrams in step with the page's theme.
 */
const palette: [name: string, site: string | undefined, light: string, dark: string][] = [
  ['d-text', '--sy-fg', '#1f2328', '#e6edf3'],
  ['d-muted', '--sy-fg-muted', '#59636e', '#9198a1'],
  ['d-surface', '--sy-bg-raised', '#ffffff', '#161b22'],
  ['d-edge', undefined, '#8c959f', '#6e7681'],
  ['d-failure', '--sy-danger', '#cf222e', '#ff7b72'],
  ['d-compensation', undefined, '#c2410c', '#f0883e'],
  ['d-trigger', undefined, '#8250df', '#bc8cff'],
  ['d-success', '--sy-success', '#1a7f37', '#3fb950'],
  ['d-focus', '--sy-link', '#0969da', '#4493f8'],
  ['kind-service', '--k-service', '#db2777', '#f472b6'],
  ['kind-event', '--k-event', '#ea580c', '#fb923c'],
  ['kind-command', '--k-command', '#2563eb', '#60a5fa'],
  ['kind-query', '--k-query', '#16a34a', '#4ade80'],
  ['kind-message', '--k-event', '#ea580c', '#fb923c'],
  ['kind-channel', '--k-channel', '#0891b2', '#22d3ee'],
  ['kind-container', '--k-container', '#4f46e5', '#818cf8'],
  ['kind-flow', '--k-flow', '#0d9488', '#2dd4bf'],
  ['kind-domain', '--k-domain', '#7c3aed', '#a78bfa'],
  ['kind-system', '--k-system', '#0f766e', '#2dd4bf'],
  ['kind-entity', '--k-entity', '#9333ea', '#c084fc'],
  ['kind-agent', undefined, '#4f46e5', '#818cf8'],
  ['kind-data-product', undefined, '#0369a1', '#38bdf8'],
  ['kind-actor', undefined, '#334155', '#cbd5e1'],
  ['kind-external', undefined, '#6b7280', '#9ca3af'],
  ['kind-other', undefined, '#6b7280', '#9ca3af'],
];

const variables = (mode: 'light' | 'dark') =>
  palette
    .map(([name, site, light, dark]) => {
      const value = mode === 'light' ? light : dark;
      return `--sy-${name}:${site ? `var(${site},${value})` : value}`;
    })
    .join(';');

const accented = [
  'service',
  'event',
  'command',
  'query',
  'message',
  'channel',
  'container',
  'flow',
  'domain',
  'system',
  'entity',
  'agent',
  'data-product',
  'actor',
  'external',
];

/**
 * Default look of diagrams, every rule at zero specificity (`:where`) so the site stylesheet wins. Colours
 * are CSS variables (`--sy-d-*` for the palette, `--sy-kind-<kind>` per kind), set on `.sy-diagram` and on
 * the `<sy-diagram>` host; dark values apply under `prefers-color-scheme: dark` unless an ancestor has
 * `data-theme="light"`, and under any `[data-theme="dark"]` ancestor. Also styles the client's highlight
 * (`data-highlight`, `.is-lit`, `.is-active`) and toolbar.
 */
export const diagramCss = `:where(.sy-diagram,sy-diagram,.sy-vis){${variables('light')}}
@media (prefers-color-scheme:dark){:where(.sy-diagram,sy-diagram,.sy-vis):not([data-theme=light] *){${variables('dark')}}}
:where([data-theme=dark] .sy-diagram,[data-theme=dark] sy-diagram,[data-theme=dark] .sy-vis){${variables('dark')}}
:where(svg.sy-diagram){max-width:100%;height:auto;font-family:var(--sy-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);color:var(--sy-d-text)}
:where(.sy-diagram .sy-node){--sy-node-accent:var(--sy-kind-other)}
${accented.map((k) => `:where(.sy-diagram .sy-node--${k}){--sy-node-accent:var(--sy-kind-${k})}`).join('\n')}
:where(.sy-diagram .sy-node__box){fill:var(--sy-d-surface);fill:color-mix(in srgb,var(--sy-node-accent) 9%,var(--sy-d-surface));stroke:var(--sy-node-accent);stroke-width:1.5}
:where(.sy-diagram .sy-node--tone-success .sy-node__box){stroke:var(--sy-d-success);stroke-width:2}
:where(.sy-diagram .sy-node--tone-failure .sy-node__box){stroke:var(--sy-d-failure);stroke-width:2}
:where(.sy-diagram .sy-node--tone-compensation .sy-node__box){stroke:var(--sy-d-compensation);stroke-width:2;stroke-dasharray:6 3}
:where(.sy-diagram .sy-node--current .sy-node__box){stroke-width:3}
:where(.sy-diagram .sy-node--more .sy-node__box){fill:var(--sy-d-surface);stroke-dasharray:4 3}
:where(.sy-diagram .sy-node__kind){fill:var(--sy-node-accent);font-size:${nodeMetrics.kindSize}px;font-weight:600;letter-spacing:.04em}
:where(.sy-diagram .sy-node--tone-success .sy-node__kind){fill:var(--sy-d-success)}
:where(.sy-diagram .sy-node--tone-failure .sy-node__kind){fill:var(--sy-d-failure)}
:where(.sy-diagram .sy-node--tone-compensation .sy-node__kind){fill:var(--sy-d-compensation)}
:where(.sy-diagram .sy-node__label){fill:var(--sy-d-text);font-size:${nodeMetrics.nameSize}px;font-weight:600}
:where(.sy-diagram .sy-node__sub){fill:var(--sy-d-muted);font-size:${nodeMetrics.subSize}px}
:where(.sy-diagram .sy-node a){cursor:pointer}
:where(.sy-diagram .sy-node a:hover .sy-node__box){stroke-width:2.5}
:where(.sy-diagram .sy-node:focus-visible,.sy-diagram .sy-node a:focus-visible){outline:none}
:where(.sy-diagram .sy-node:focus-visible .sy-node__box,.sy-diagram .sy-node a:focus-visible .sy-node__box){stroke:var(--sy-d-focus);stroke-width:3}
:where(.sy-diagram .sy-edge__path){fill:none;stroke:var(--sy-d-edge);stroke-width:1.5}
:where(.sy-diagram .sy-edge--failure .sy-edge__path){stroke:var(--sy-d-failure);stroke-dasharray:6 4}
:where(.sy-diagram .sy-edge--compensation .sy-edge__path){stroke:var(--sy-d-compensation);stroke-dasharray:1 4;stroke-linecap:round;stroke-width:2}
:where(.sy-diagram .sy-edge--trigger .sy-edge__path){stroke:var(--sy-d-trigger);stroke-dasharray:10 3 2 3;stroke-width:1.75}
:where(.sy-diagram .sy-edge--command .sy-edge__path){stroke-dasharray:7 4}
:where(.sy-diagram .sy-edge--query .sy-edge__path){stroke-dasharray:2 4;stroke-linecap:round}
:where(.sy-diagram .sy-group__box){fill:var(--sy-kind-other);fill:color-mix(in srgb,var(--sy-group-accent,var(--sy-kind-other)) 5%,transparent);stroke:var(--sy-group-accent,var(--sy-kind-other));stroke-opacity:.45;stroke-width:1.25;stroke-dasharray:5 4}
:where(.sy-diagram .sy-group--domain){--sy-group-accent:var(--sy-kind-domain)}
:where(.sy-diagram .sy-group--system){--sy-group-accent:var(--sy-kind-system)}
:where(.sy-diagram .sy-group__label){fill:var(--sy-d-text);font-size:${groupCaption.size}px;font-weight:600}
:where(.sy-diagram .sy-group__kind){fill:var(--sy-group-accent,var(--sy-kind-other));font-size:10px;letter-spacing:.06em}
:where(.sy-diagram .sy-node.is-match .sy-node__box){stroke:var(--sy-d-focus);stroke-width:3}
:where(.sy-diagram .is-hidden){display:none}
:where(.sy-diagram[data-highlight] .sy-group){opacity:.5}
:where(.sy-diagram .sy-arrow){fill:var(--sy-d-edge)}
:where(.sy-diagram .sy-arrow--failure){fill:var(--sy-d-failure)}
:where(.sy-diagram .sy-arrow--compensation){fill:var(--sy-d-compensation)}
:where(.sy-diagram .sy-arrow--trigger){fill:var(--sy-d-trigger)}
:where(.sy-diagram .sy-edge__label rect){fill:var(--sy-d-surface);stroke:var(--sy-d-edge);stroke-width:.75}
:where(.sy-diagram .sy-edge__label text){fill:var(--sy-d-muted);font-size:${labelMetrics.size}px}
:where(.sy-diagram .sy-edge--failure .sy-edge__label text){fill:var(--sy-d-failure)}
:where(.sy-diagram .sy-edge--compensation .sy-edge__label text){fill:var(--sy-d-compensation)}
:where(.sy-diagram .sy-edge--trigger .sy-edge__label text){fill:var(--sy-d-trigger)}
:where(.sy-diagram .sy-node,.sy-diagram .sy-edge){transition:opacity .15s}
:where(.sy-diagram[data-highlight] .sy-node:not(.is-lit),.sy-diagram[data-highlight] .sy-edge:not(.is-lit)){opacity:.18}
:where(.sy-diagram .sy-node.is-active .sy-node__box){stroke-width:3}
:where(sy-diagram){display:block;position:relative;overflow:hidden}
:where(sy-diagram:focus-visible){outline:2px solid var(--sy-d-focus);outline-offset:2px}
:where(sy-diagram svg.sy-diagram){cursor:grab}
:where(sy-diagram[data-active] svg.sy-diagram){touch-action:none}
:where(sy-diagram[data-dragging] svg.sy-diagram){cursor:grabbing}
:where(sy-diagram .sy-diagram__toolbar){position:absolute;top:6px;right:6px;display:flex;gap:4px}
:where(sy-diagram .sy-diagram__toolbar button){min-width:28px;height:28px;padding:0 6px;border-radius:6px;border:1px solid var(--sy-d-edge);background:var(--sy-d-surface);color:var(--sy-d-text);font:inherit;font-size:13px;line-height:1;cursor:pointer}
:where(sy-diagram .sy-diagram__toolbar button:focus-visible){outline:2px solid var(--sy-d-focus);outline-offset:1px}`;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Drops characters XML 1.0 forbids (most C0 controls, U+FFFE/FFFF, unpaired surrogates). */
function clean(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these; they are dropped on purpose.
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}

/** Escapes text for XML (and HTML) content. */
export function escapeXml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Escapes a double-quoted attribute value; '>' stays as written, so `data-edge="a->b"` reads as it is. */
export function escapeAttr(text: string): string {
  return clean(text).replace(/[&<"']/g, (c) => entities[c] ?? c);
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/** Baseline of a line of text vertically centred in a line box. */
const baseline = (top: number, lineHeight: number, size: number) => top + lineHeight / 2 + size * 0.35;

/** An orthogonal polyline with its corners rounded (radius at most 6, less on short segments). */
export function roundedPath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  let d = `M${n(first.x)} ${n(first.y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point;
    const prev = points[i - 1] as Point;
    const next = points[i + 1];
    if (!next) {
      d += `L${n(p.x)} ${n(p.y)}`;
      break;
    }
    const inLen = Math.hypot(p.x - prev.x, p.y - prev.y);
    const outLen = Math.hypot(next.x - p.x, next.y - p.y);
    const r = Math.min(6, inLen / 2, outLen / 2);
    if (r < 0.5) {
      d += `L${n(p.x)} ${n(p.y)}`;
      continue;
    }
    const a = { x: p.x - ((p.x - prev.x) / inLen) * r, y: p.y - ((p.y - prev.y) / inLen) * r };
    const b = { x: p.x + ((next.x - p.x) / outLen) * r, y: p.y + ((next.y - p.y) / outLen) * r };
    d += `L${n(a.x)} ${n(a.y)}Q${n(p.x)} ${n(p.y)} ${n(b.x)} ${n(b.y)}`;
  }
  return d;
}

const refOf = (node: LaidOutNode['node']) => node.ref ?? node.id;

/** Events (facts in flight) are drawn as rounded pills; commands and queries (requests) with square corners. */
function radiusOf(kind: string): number {
  if (kind === 'event') return 16;
  if (kind === 'command' || kind === 'query') return 2;
  return nodeMetrics.radius;
}

/** Messages whose edges are styled by kind: events solid, commands dashed, queries dotted. */
const messageKinds = new Set(['event', 'command', 'query']);

function renderGroup(laid: LaidOutGroup): string {
  const { group } = laid;
  const href = safeUrl(group.href);
  const caption = escapeXml(
    fitText(group.label, laid.width - 2 * groupCaption.pad, groupCaption.size, 'bold'),
  );
  const kind = escapeXml(kindText({ kind: group.kind }));
  const y = laid.y + 19;
  const text = `<text class="sy-group__label" x="${n(laid.x + groupCaption.pad)}" y="${n(y)}"><tspan class="sy-group__kind">${kind}</tspan><tspan dx="6">${caption}</tspan></text>`;
  const label = href ? `<a href="${escapeAttr(href)}">${text}</a>` : text;
  return `<g class="sy-group sy-group--${escapeAttr(group.kind)}" data-group="${escapeAttr(group.ref ?? group.id)}"><rect class="sy-group__box" x="${n(laid.x)}" y="${n(laid.y)}" width="${n(laid.width)}" height="${n(laid.height)}" rx="12"/>${label}</g>`;
}

function renderNode(laid: LaidOutNode): string {
  const { node } = laid;
  const m = nodeMetrics;
  const inner = laid.width - 2 * m.padX;
  const x = laid.x + m.padX;
  const classes = ['sy-node', `sy-node--${node.kind}`];
  if (node.tone && node.tone !== 'default') classes.push(`sy-node--tone-${node.tone}`);
  if (node.current) classes.push('sy-node--current');
  const href = safeUrl(node.href);

  const parts: string[] = [];
  parts.push(
    `<rect class="sy-node__box" x="${n(laid.x)}" y="${n(laid.y)}" width="${n(laid.width)}" height="${n(laid.height)}" rx="${radiusOf(node.kind)}"/>`,
  );
  let top = laid.y + m.padTop;
  const kind = kindText(node);
  if (kind) {
    const text = fitText(kind, inner, m.kindSize, 'caps');
    parts.push(
      `<text class="sy-node__kind" x="${n(x)}" y="${n(baseline(top, m.kindLine, m.kindSize))}">${escapeXml(text)}</text>`,
    );
    top += m.kindLine + m.gap;
  }
  const lines = laid.lines.map(
    (line, i) =>
      `<tspan x="${n(x)}" y="${n(baseline(top + i * m.nameLine, m.nameLine, m.nameSize))}">${escapeXml(fitText(line, inner, m.nameSize, 'bold'))}</tspan>`,
  );
  parts.push(`<text class="sy-node__label">${lines.join('')}</text>`);
  top += laid.lines.length * m.nameLine + m.gap;
  if (node.sublabel) {
    const text = fitText(node.sublabel, inner, m.subSize);
    parts.push(
      `<text class="sy-node__sub" x="${n(x)}" y="${n(baseline(top, m.subLine, m.subSize))}">${escapeXml(text)}</text>`,
    );
  }

  const tooltip = node.summary ? `${node.label}: ${node.summary}` : node.label;
  const body = parts.join('');
  const content = href
    ? `<a href="${escapeAttr(href)}" aria-label="${escapeAttr(node.label)}">${body}</a>`
    : body;
  const focus = href ? '' : ' tabindex="0"';
  return `<g class="${escapeAttr(classes.join(' '))}" data-node="${escapeAttr(refOf(node))}" data-id="${escapeAttr(node.id)}"${focus}><title>${escapeXml(tooltip)}</title>${content}</g>`;
}

function renderEdge(
  laid: LaidOutEdge,
  refs: Map<string, string>,
  kinds: Map<string, string>,
  markerId: string,
): string {
  const { edge } = laid;
  const tone = edge.tone && edge.tone !== 'default' ? edge.tone : undefined;
  const message = [kinds.get(edge.from), kinds.get(edge.to)].find((k) => k && messageKinds.has(k));
  const classes = `sy-edge${tone ? ` sy-edge--${tone}` : ''}${message ? ` sy-edge--${message}` : ''}`;
  const marker = tone ? `${markerId}-${tone}` : markerId;
  const from = refs.get(edge.from) ?? edge.from;
  const to = refs.get(edge.to) ?? edge.to;
  const paths = laid.sections.map(
    (points, i) =>
      `<path class="sy-edge__path" d="${roundedPath(points)}"${i === laid.sections.length - 1 ? ` marker-end="url(#${marker})"` : ''}/>`,
  );
  let label = '';
  if (laid.label) {
    const l = laid.label;
    const m = labelMetrics;
    const cx = l.x + l.width / 2;
    const spans = l.lines.map(
      (line, i) =>
        `<tspan x="${n(cx)}" y="${n(baseline(l.y + m.padY + i * m.line, m.line, m.size))}">${escapeXml(line)}</tspan>`,
    );
    label = `<g class="sy-edge__label"><rect x="${n(l.x)}" y="${n(l.y)}" width="${n(l.width)}" height="${n(l.height)}" rx="4"/><text text-anchor="middle">${spans.join('')}</text></g>`;
  }
  return `<g class="${classes}" data-edge="${escapeAttr(`${from}->${to}`)}" data-from="${escapeAttr(edge.from)}" data-to="${escapeAttr(edge.to)}">${paths.join('')}${label}</g>`;
}

function marker(id: string, tone?: string): string {
  const cls = tone ? `sy-arrow sy-arrow--${tone}` : 'sy-arrow';
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path class="${cls}" d="M0 0L10 5L0 10z"/></marker>`;
}

/** A plain-text account of the diagram for assistive technology: each connection, then unconnected nodes. */
function describe(laid: LaidOutDiagram): string {
  const names = new Map(laid.nodes.map((l) => [l.node.id, l.node.label]));
  const connected = new Set<string>();
  const sentences = laid.edges.map(({ edge }) => {
    connected.add(edge.from);
    connected.add(edge.to);
    const label = edge.label ? ` (${edge.label})` : '';
    return `${names.get(edge.from) ?? edge.from} → ${names.get(edge.to) ?? edge.to}${label}.`;
  });
  const alone = laid.nodes.filter((l) => !connected.has(l.node.id)).map((l) => `${l.node.label}.`);
  return [...sentences, ...alone].join(' ');
}

/**
 * The diagram as an inline, accessible SVG string (pure). Each node is `<g data-node="{ref or id}"
 * data-id="{id}">`, each edge `<g data-edge="{from ref}->{to ref}" data-from="{id}" data-to="{id}">`;
 * classes `sy-node sy-node--{kind} sy-node--tone-{tone}` and `sy-edge sy-edge--{tone}` carry the styling.
 */
export function renderDiagramSvg(laid: LaidOutDiagram, options: RenderSvgOptions = {}): string {
  const title = options.title?.trim() || 'Diagram';
  const width = Math.ceil(laid.width);
  const height = Math.ceil(laid.height);
  const uid = `sy-d${hashText(`${title}\n${laid.nodes.map((l) => `${l.node.id} ${l.x} ${l.y}`).join('\n')}`).slice(0, 10)}`;
  const refs = new Map(laid.nodes.map((l) => [l.node.id, refOf(l.node)]));
  const kinds = new Map(laid.nodes.map((l) => [l.node.id, l.node.kind]));
  const markerId = `${uid}-arrow`;
  const style = options.style === false ? '' : `<style>${diagramCss}</style>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sy-diagram sy-diagram--${laid.direction.toLowerCase()}" role="img" aria-labelledby="${uid}-title" aria-describedby="${uid}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="${uid}-title">${escapeXml(title)}</title>`,
    `<desc id="${uid}-desc">${escapeXml(describe(laid))}</desc>`,
    style,
    `<defs>${marker(markerId)}${marker(`${markerId}-failure`, 'failure')}${marker(`${markerId}-compensation`, 'compensation')}${
      laid.edges.some((e) => e.edge.tone === 'trigger') ? marker(`${markerId}-trigger`, 'trigger') : ''
    }</defs>`,
    laid.groups?.length ? `<g class="sy-groups">${laid.groups.map(renderGroup).join('')}</g>` : '',
    `<g class="sy-edges">${laid.edges.map((e) => renderEdge(e, refs, kinds, markerId)).join('')}</g>`,
    `<g class="sy-nodes">${laid.nodes.map(renderNode).join('')}</g>`,
    '</svg>',
  ].join('');
}
