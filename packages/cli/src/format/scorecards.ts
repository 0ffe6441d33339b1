import type { GroupScore, Scorecards } from '@switchyard/model';

type By = 'team' | 'domain';
type Style = 'text' | 'markdown';

/** Failures listed per check in text and Markdown; the JSON has them all. */
const failuresShown = 10;

const shown = (score: number | null) => (score === null ? '–' : String(score));

function groupsOf(cards: Scorecards, by: readonly By[]): { title: string; groups: GroupScore[] }[] {
  return by.map((b) => ({
    title: b === 'team' ? 'Teams' : 'Domains',
    groups: b === 'team' ? cards.teams : cards.domains,
  }));
}

/** One group's failing checks, each with the resources that fail it. */
function failureLines(group: GroupScore, style: Style): string[] {
  const lines: string[] = [];
  for (const check of group.checks) {
    if (check.failures.length === 0) continue;
    const head = `${check.id}: ${check.passed} of ${check.applicable} pass`;
    lines.push(style === 'markdown' ? `- **${head}**` : `  ✗ ${head}`);
    for (const f of check.failures.slice(0, failuresShown)) {
      const item = `${f.resource.name} (${f.resource.file}): ${f.reason}`;
      lines.push(style === 'markdown' ? `  - ${item}` : `      ${item}`);
    }
    const rest = check.failures.length - failuresShown;
    if (rest > 0) lines.push(style === 'markdown' ? `  - and ${rest} more` : `      and ${rest} more`);
  }
  return lines;
}

/** The scorecards for a terminal (`text`) or a pull-request comment (`markdown`). */
export function renderScorecards(cards: Scorecards, style: Style, by: readonly By[]): string {
  const enabled = cards.checks.filter((c) => c.enabled);
  if (style === 'markdown') {
    const md = [`## Catalog scorecard: ${shown(cards.catalog.score)}/100`, ''];
    for (const { title, groups } of groupsOf(cards, by)) {
      md.push(
        `### ${title}`,
        '',
        `| ${title.slice(0, -1)} | Score | Resources | Failing checks |`,
        '|---|---:|---:|---|',
      );
      for (const g of groups) {
        const failing = g.checks.filter((c) => c.failures.length > 0).map((c) => `\`${c.id}\``);
        md.push(`| ${g.name} | ${shown(g.score)} | ${g.resources} | ${failing.join(', ') || '—'} |`);
      }
      md.push('');
      for (const g of groups) {
        const lines = failureLines(g, 'markdown');
        if (lines.length === 0) continue;
        md.push(
          '<details>',
          `<summary>${g.name}: ${shown(g.score)}</summary>`,
          '',
          ...lines,
          '',
          '</details>',
          '',
        );
      }
    }
    md.push('<details>', '<summary>The checks</summary>', '', '| Check | Weight | Rule |', '|---|---:|---|');
    for (const c of enabled) md.push(`| \`${c.id}\` | ${c.weight} | ${c.rule} |`);
    md.push('', '</details>');
    return `${md.join('\n').trimEnd()}\n`;
  }
  const text = [
    `Catalog score: ${shown(cards.catalog.score)}/100 (${cards.catalog.resources} resources)`,
    '',
  ];
  for (const { title, groups } of groupsOf(cards, by)) {
    text.push(`${title}:`);
    const width = Math.max(...groups.map((g) => g.name.length), 4);
    for (const g of groups) {
      text.push(`  ${g.name.padEnd(width)}  ${shown(g.score).padStart(3)}  (${g.resources} resources)`);
      text.push(...failureLines(g, 'text').map((l) => `  ${l}`));
    }
    if (groups.length === 0) text.push('  none');
    text.push('');
  }
  text.push(`Checks: ${enabled.map((c) => `${c.id} (${c.weight})`).join(', ')}`);
  return `${text.join('\n').trimEnd()}\n`;
}
