import type { CatalogDiff } from '@switchyard/model';
import type { SchemaDiff } from './schema-changes.js';

/** `switchyard diff --format json`: stable, fields only ever added. */
export interface DiffReport {
  format: 'switchyard-diff/1';
  base: string;
  head: string;
  graph: CatalogDiff;
  schemas: SchemaDiff[];
  /** Breaking schema changes, and messages removed outright. */
  breaking: number;
  /** Every change of any kind. */
  total: number;
}

export function buildDiffReport(
  base: string,
  head: string,
  graph: CatalogDiff,
  schemas: SchemaDiff[],
): DiffReport {
  const breaking =
    schemas.reduce((n, s) => n + s.changes.filter((c) => c.breaking).length, 0) +
    graph.removed.filter((r) => ['event', 'command', 'query'].includes(r.kind)).length;
  const total =
    Object.values(graph).reduce((n, list) => n + (list as unknown[]).length, 0) +
    schemas.reduce((n, s) => n + s.changes.length, 0);
  return { format: 'switchyard-diff/1', base, head, graph, schemas, breaking, total };
}

type Style = 'text' | 'markdown';

function section(style: Style, title: string, lines: string[]): string[] {
  if (lines.length === 0) return [];
  return style === 'markdown'
    ? [`### ${title}`, '', ...lines.map((l) => (l.startsWith('  ') ? `  - ${l.trim()}` : `- ${l}`)), '']
    : [`${title}:`, ...lines.map((l) => `  ${l}`), ''];
}

function schemaLines(s: SchemaDiff, style: Style): string[] {
  const code = (t: string) => (style === 'markdown' ? `\`${t}\`` : t);
  const lines = [`${s.message.name} (${code(s.message.key)}), ${s.format} ${code(s.file)}, mode ${s.mode}`];
  for (const c of s.changes) {
    const verdict = c.breaking ? (style === 'markdown' ? '**breaking**' : 'BREAKING') : 'ok';
    lines.push(`  ${verdict}: ${c.path || '(root)'}: ${c.detail} (${code(c.rule)}, against ${c.against})`);
  }
  if (s.error) lines.push(`  could not compare: ${s.error}`);
  if (s.hurts) {
    const names = (list: { name: string }[]) => list.map((x) => x.name).join(', ') || 'none known';
    lines.push(`  consumers hurt: ${names(s.hurts.consumers)}`);
    lines.push(`  flows: ${names(s.hurts.flows)}`);
    lines.push(
      `  ask: ${s.hurts.owners.map((o) => `${o.name}${o.email ? ` <${o.email}>` : ''}`).join(', ') || 'no owner listed'}`,
    );
  }
  return lines;
}

/** The diff as text for a terminal, or Markdown ready to post as a pull-request comment. */
export function renderDiff(report: DiffReport, style: Style): string {
  const g = report.graph;
  const ref = (r: { name: string; key: string }) =>
    style === 'markdown' ? `${r.name} (\`${r.key}\`)` : `${r.name} (${r.key})`;
  const edge = (e: { from: string; relation: string; to: string; qualifies?: string; meaning: string }) =>
    `${e.meaning}: ${e.from} ${e.relation} ${e.to}${e.qualifies ? ` (for ${e.qualifies})` : ''}`;
  const head =
    style === 'markdown'
      ? [`## Catalog changes: ${report.base} → ${report.head}`, '']
      : [`Catalog changes: ${report.base} → ${report.head}`, ''];
  const summary =
    report.total === 0
      ? 'No changes.'
      : `${report.total} change${report.total === 1 ? '' : 's'}, ${report.breaking} breaking.`;
  const body = [
    ...section(
      style,
      'Breaking schema changes',
      report.schemas.filter((s) => s.breaking).flatMap((s) => schemaLines(s, style)),
    ),
    ...section(
      style,
      'Other schema changes',
      report.schemas.filter((s) => !s.breaking).flatMap((s) => schemaLines(s, style)),
    ),
    ...section(style, 'Added', g.added.map(ref)),
    ...section(style, 'Removed', g.removed.map(ref)),
    ...section(
      style,
      'Version bumps',
      g.versionBumps.map((v) => `${ref(v.ref)}: ${v.from} → ${v.to}`),
    ),
    ...section(style, 'Deprecated', g.deprecated.map(ref)),
    ...section(
      style,
      'Owners changed',
      g.ownerChanges.map(
        (o) =>
          `${ref(o.ref)}: ${[...o.added.map((a) => `+${a}`), ...o.removed.map((r) => `-${r}`)].join(' ')}`,
      ),
    ),
    ...section(style, 'Edges added', g.edgesAdded.map(edge)),
    ...section(style, 'Edges removed', g.edgesRemoved.map(edge)),
    ...section(
      style,
      'Changed',
      g.changed.map((c) => `${ref(c.ref)}: ${c.fields.join(', ')}`),
    ),
  ];
  return `${[...head, summary, '', ...body].join('\n').trimEnd()}\n`;
}
