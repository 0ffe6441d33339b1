import { safeUrl } from '../shared/url-policy.js';
import type { DiagramInput, DiagramNode } from './types.js';

/** Mermaid's shape brackets by node kind: events as stadiums, data stores as cylinders, services as boxes. */
const shapes: Record<string, [string, string]> = {
  event: ['([', '])'],
  command: ['[/', '/]'],
  query: ['[\\', '\\]'],
  container: ['[(', ')]'],
  channel: ['{{', '}}'],
  actor: ['((', '))'],
  service: ['[[', ']]'],
  custom: ['>', ']'],
};

/** Text inside a Mermaid label: double quotes and brackets as entity codes, no line breaks. */
function label(text: string): string {
  return `"${text
    .replace(/\s+/g, ' ')
    .replace(/"/g, '#quot;')
    .replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"`;
}

function nodeLine(id: string, node: DiagramNode): string {
  const [open, close] = shapes[node.kind] ?? ['[', ']'];
  const text = node.sublabel ? `${node.label} · ${node.sublabel}` : node.label;
  return `${id}${open}${label(text)}${close}:::${node.kind.replace(/[^a-z0-9_]/gi, '_')}`;
}

/**
 * A diagram as Mermaid `flowchart` text: groups as nested subgraphs, edge labels kept, failure and
 * compensation edges dotted, links as `click` lines. Ids are rewritten (`n0`, `g0`...) so any text is safe.
 */
export function toMermaid(input: DiagramInput, title?: string): string {
  const out: string[] = [];
  if (title) out.push('---', `title: ${label(title)}`, '---');
  out.push(`flowchart ${input.direction === 'DOWN' ? 'TB' : 'LR'}`);
  const ids = new Map<string, string>();
  input.nodes.forEach((n) => {
    if (!ids.has(n.id)) ids.set(n.id, `n${ids.size}`);
  });
  const groupIds = new Map((input.groups ?? []).map((g, i) => [g.id, `g${i}`]));
  const children = new Map<string | undefined, string[]>();
  const place = (parent: string | undefined, line: string) => {
    const list = children.get(parent) ?? [];
    list.push(line);
    children.set(parent, list);
  };
  const seen = new Set<string>();
  for (const n of input.nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    place(n.group && groupIds.has(n.group) ? n.group : undefined, nodeLine(ids.get(n.id) as string, n));
  }
  const emit = (parent: string | undefined, indent: string) => {
    for (const g of input.groups ?? []) {
      const gParent = g.parent && groupIds.has(g.parent) && g.parent !== g.id ? g.parent : undefined;
      if (gParent !== parent) continue;
      out.push(`${indent}subgraph ${groupIds.get(g.id)}[${label(g.label)}]`);
      emit(g.id, `${indent}  `);
      out.push(`${indent}end`);
    }
    for (const line of children.get(parent) ?? []) out.push(`${indent}${line}`);
  };
  emit(undefined, '  ');
  for (const e of input.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const arrow = e.tone === 'failure' || e.tone === 'compensation' ? '-.->' : '-->';
    out.push(`  ${from} ${arrow}${e.label ? `|${label(e.label)}|` : ''} ${to}`);
  }
  for (const n of input.nodes) {
    // Mermaid reads `#name;` and `#123;` as characters, so a URL holding one could spell another URL.
    const href = safeUrl(n.href);
    if (href && !/#\w+;/.test(href)) out.push(`  click ${ids.get(n.id)} href ${label(href)}`);
  }
  return `${out.join('\n')}\n`;
}
