import {
  type Catalog,
  kindDef,
  nameOf,
  type ResolvedConfig,
  type Resource,
  summaryOf,
} from '@switchyard/model';
import type { Urls } from '../urls.js';

const listed = (r: Resource) => r.kind !== 'changelog' && r.kind !== 'ubiquitous-language';

/** The page as Markdown: title, facts, summary, then the body as written. Served at `{page}.md`. */
export function renderMarkdown(resource: Resource): string {
  const def = kindDef(resource.kind);
  const head = [`# ${nameOf(resource)}`, ''];
  const facts = [`- Kind: ${def.label}`, `- Id: ${resource.id}`];
  if (resource.version) facts.push(`- Version: ${resource.version}`);
  const summary = summaryOf(resource);
  return `${[...head, ...facts, '', ...(summary ? [summary, ''] : [])].join('\n')}${resource.body.trim()}\n`;
}

/** `llms.txt`: what the catalog is and a link to every page's Markdown, grouped by kind. */
export function renderLlmsTxt(catalog: Catalog, config: ResolvedConfig, urls: Urls, origin = ''): string {
  const lines = [
    `# ${config.title}`,
    '',
    `> ${config.tagline ?? 'An event-driven architecture catalog.'}`,
    '',
  ];
  const byKind = new Map<string, Resource[]>();
  for (const list of catalog.versions.values()) {
    const r = list[0] as Resource;
    if (listed(r)) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  }
  for (const [kind, list] of byKind) {
    lines.push(`## ${kindDef(kind as Resource['kind']).plural}`, '');
    for (const r of list) {
      const summary = summaryOf(r)?.replace(/\s+/g, ' ');
      lines.push(`- [${nameOf(r)}](${origin}${urls.markdown(r)})${summary ? `: ${summary}` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** `llms-full.txt`: every page's Markdown, one after another. */
export function* renderLlmsFullTxt(catalog: Catalog): Generator<string> {
  let first = true;
  for (const list of catalog.versions.values()) {
    const r = list[0] as Resource;
    if (!listed(r)) continue;
    if (!first) yield '\n---\n\n';
    first = false;
    yield renderMarkdown(r);
  }
}
