import {
  conditionClause,
  type ImpactOwner,
  type ImpactPeer,
  type ImpactReaction,
  type ImpactRef,
  type ImpactReport,
} from '@switchyard/model';

type Style = 'text' | 'markdown';

const label = (r: ImpactRef) => `${r.name} (${r.key})`;

function contact(o: ImpactOwner): string {
  const ways = [o.email, o.slack, o.msTeams].filter((w): w is string => w !== undefined);
  return ways.length > 0 ? ` — ${ways.join(', ')}` : '';
}

function peerLine(p: ImpactPeer): string {
  const parts = [label(p.resource)];
  if (p.channels.length > 0) parts.push(`via ${p.channels.map((c) => c.id).join(', ')}`);
  if (p.requested !== undefined) parts.push(`asks for ${p.requested}`);
  if (p.through !== undefined) parts.push(`through ${p.through}, ${p.distance} hops away`);
  return parts.join(', ');
}

const when = (r: ImpactReaction) => (r.condition ? ` ${conditionClause(r.condition)}` : '');
const hops = (r: ImpactReaction) => (r.depth > 1 ? ` [${r.depth} hops]` : '');

/** `Inventory Service receives Reserve inventory → sends Inventory reserved when …; received by …` */
function reactionLine(r: ImpactReaction): string {
  const who = r.peers.map((p) => p.name).join(', ');
  return `${r.service.name} receives ${label(r.received)} → sends ${label(r.sent)}${when(r)}; ${
    who ? `received by ${who}` : 'no known receiver'
  }${hops(r)}`;
}

function causeLine(r: ImpactReaction): string {
  const who = r.peers.map((p) => p.name).join(', ');
  return `${label(r.received)}${who ? ` (sent by ${who})` : ''} → ${r.service.name} sends ${label(r.sent)}${when(r)}${hops(r)}`;
}

/** The sections of a report as titled lists of lines; text and Markdown differ only in how they print. */
function sections(report: ImpactReport): { title: string; lines: string[] }[] {
  const out: { title: string; lines: string[] }[] = [];
  const add = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push({ title, lines });
  };
  add('Producers', report.producers.map(peerLine));
  add('Consumers', report.consumers.map(peerLine));
  add('Reactions', (report.reactions ?? []).map(reactionLine));
  add('Caused by', (report.causes ?? []).map(causeLine));
  add(
    'Sends',
    report.sends.map(
      (x) => `${label(x.message)} → ${x.counterparts.map((c) => c.name).join(', ') || 'no known receiver'}`,
    ),
  );
  add(
    'Receives',
    report.receives.map(
      (x) => `${label(x.message)} ← ${x.counterparts.map((c) => c.name).join(', ') || 'no known sender'}`,
    ),
  );
  add(
    'Data stores',
    report.dataStores.map((d) => `${d.access}: ${label(d.container)}`),
  );
  add('Channels', report.channels.map(label));
  add(
    'Flows',
    report.flows.flatMap((f) => [
      `${f.name} (${f.key})${f.through ? ` (through ${f.through})` : ''}: steps ${f.steps
        .map((s) => `${s.id}${s.onFailurePath ? ' [failure/compensation path]' : ''}`)
        .join(', ')}`,
      ...f.failureBranches.map((b) => `  failure path: ${b.from} → ${b.to} (${b.label})`),
    ]),
  );
  add('Domains crossed', report.domains.map(label));
  add('Systems crossed', report.systems.map(label));
  add(
    'Reviewers',
    report.owners.map((o) => `${o.kind} ${o.name} (${o.id})${contact(o)}; owns ${o.owns.join(', ')}`),
  );
  add(
    'Pinned versions',
    report.pinned.map(
      (p) =>
        `${p.side} ${label(p.peer)} asks for ${p.requested} (gets ${p.resolvesTo}, latest ${p.latest})${
          p.leftBehindBy.length > 0 ? `; a new ${p.leftBehindBy.join('/')} version leaves it behind` : ''
        }`,
    ),
  );
  add(
    'Pages to update',
    report.pages.map((p) => `${p.ref.file} (${p.reason})`),
  );
  return out;
}

/** The impact report as a checklist for a terminal (`text`) or a pull-request comment (`markdown`). */
export function renderImpact(report: ImpactReport, style: Style): string {
  const { subject } = report;
  const body = sections(report);
  if (style === 'markdown') {
    const md = [`## Impact of ${subject.name} (\`${subject.key}\`)`, ''];
    if (subject.summary) md.push(`> ${subject.summary.replace(/\n/g, ' ')}`, '');
    for (const s of body) {
      md.push(
        `### ${s.title}`,
        '',
        ...s.lines.map((l) => (l.startsWith('  ') ? `  - ${l.trim()}` : `- [ ] ${l}`)),
        '',
      );
    }
    return `${md.join('\n').trimEnd()}\n`;
  }
  const text = [`Impact of ${subject.name} (${subject.key})`, ''];
  for (const s of body)
    text.push(`${s.title}:`, ...s.lines.map((l) => `  ${l.startsWith('  ') ? l : `☐ ${l}`}`), '');
  if (body.length === 0) text.push('Nothing else in the catalog points to it.', '');
  return `${text.join('\n').trimEnd()}\n`;
}
