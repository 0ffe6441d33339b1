import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  conditionClause,
  type ImpactPeer,
  type ImpactReaction,
  type ImpactRef,
  type ImpactReport,
  impactOf,
} from '@switchyard/model';
import { z } from 'zod';
import { answer, guarded, lookUp, type ServerContext } from '../context.js';
import { refInput } from './resource.js';

/** The report with everything outside the server's scope taken out. */
function scoped(ctx: ServerContext, report: ImpactReport): ImpactReport {
  const { catalog } = ctx.state();
  const shown = (ref: { key: string }) => {
    const r = catalog.byKey.get(ref.key);
    return r !== undefined && ctx.visible(r);
  };
  // A peer reached through a message outside the scope keeps its place but not that message's name.
  const peer = (p: ImpactPeer): ImpactPeer => {
    const { through, ...rest } = p;
    const kept = { ...rest, channels: p.channels.filter(shown) };
    return through !== undefined && shown({ key: through }) ? { ...kept, through } : kept;
  };
  const scopedReactions = (list: ImpactReaction[]) =>
    list
      .filter((r) => shown(r.service) && shown(r.sent) && shown(r.received))
      .map((r) => ({ ...r, peers: r.peers.filter(shown) }));
  return {
    ...report,
    producers: report.producers.filter((p) => shown(p.resource)).map(peer),
    consumers: report.consumers.filter((p) => shown(p.resource)).map(peer),
    sends: report.sends
      .filter((x) => shown(x.message))
      .map((x) => ({
        ...x,
        channels: x.channels.filter(shown),
        counterparts: x.counterparts.filter(shown),
      })),
    receives: report.receives
      .filter((x) => shown(x.message))
      .map((x) => ({
        ...x,
        channels: x.channels.filter(shown),
        counterparts: x.counterparts.filter(shown),
      })),
    reactions: scopedReactions(report.reactions),
    causes: scopedReactions(report.causes),
    dataStores: report.dataStores.filter((d) => shown(d.container)),
    channels: report.channels.filter(shown),
    flows: report.flows
      .filter(shown)
      .map(({ through, ...f }) => (through && shown({ key: through }) ? { ...f, through } : f)),
    domains: report.domains.filter(shown),
    systems: report.systems.filter(shown),
    owners: report.owners.filter((o) => shown({ key: `${o.kind}:${o.id}` })),
    pinned: report.pinned.filter((p) => shown(p.peer)),
    pages: report.pages.filter((p) => shown(p.ref)),
  };
}

/** One reaction: "Inventory Service receives X and sends Y when …; received by …". */
function reactionLine(
  r: ImpactReaction,
  link: (ref: Pick<ImpactRef, 'key' | 'name'>) => string,
  peers: 'receivers' | 'senders',
): string {
  const condition = r.condition ? ` ${conditionClause(r.condition)}` : '';
  const who = r.peers.map(link).join(', ');
  const after =
    peers === 'receivers'
      ? `; received by ${who || 'no one'}`
      : who
        ? `; ${link(r.received)} is sent by ${who}`
        : '';
  const hops = r.depth > 1 ? ` (${r.depth} hops)` : '';
  return `- ${link(r.service)} receives ${link(r.received)} and sends ${link(r.sent)}${condition}${after}${hops}`;
}

/** The reactions and causes of a report, as the Markdown `impact_of_change` and `get_reactions` share. */
export function reactionSections(
  report: Pick<ImpactReport, 'reactions' | 'causes'>,
  link: (ref: Pick<ImpactRef, 'key' | 'name'>) => string,
): string[] {
  const out: string[] = [];
  if (report.reactions.length)
    out.push('## What it causes', '', ...report.reactions.map((r) => reactionLine(r, link, 'receivers')), '');
  if (report.causes.length)
    out.push('## What causes it', '', ...report.causes.map((r) => reactionLine(r, link, 'senders')), '');
  return out;
}

export function renderImpactMarkdown(
  report: ImpactReport,
  link: (ref: Pick<ImpactRef, 'key' | 'name'>) => string,
): string {
  const out = [`# Impact of changing ${link(report.subject)}`, ''];
  const list = (title: string, lines: string[]) => {
    if (lines.length) out.push(`## ${title}`, '', ...lines, '');
  };
  const hop = (d: number, through?: string) =>
    d > 1 ? ` (${d} hops${through ? `, through \`${through}\`` : ''})` : '';
  list(
    'Producers',
    report.producers.map((p) => `- ${link(p.resource)}${hop(p.distance, p.through)}`),
  );
  list(
    'Consumers',
    report.consumers.map(
      (p) =>
        `- ${link(p.resource)}${p.requested ? ` asks for ${p.requested}` : ''}${hop(p.distance, p.through)}`,
    ),
  );
  out.push(...reactionSections(report, link));
  list(
    'Sends',
    report.sends.map((x) => `- ${link(x.message)} to ${x.counterparts.map(link).join(', ') || 'no one'}`),
  );
  list(
    'Receives',
    report.receives.map(
      (x) => `- ${link(x.message)} from ${x.counterparts.map(link).join(', ') || 'no one'}`,
    ),
  );
  list(
    'Data stores',
    report.dataStores.map((d) => `- ${d.access} ${link(d.container)}`),
  );
  list(
    'Channels',
    report.channels.map((c) => `- ${link(c)}`),
  );
  list(
    'Flows',
    report.flows.map((f) => {
      const failures = f.failureBranches.map((b) => b.label);
      return `- ${link(f)}: steps ${f.steps.map((s) => `"${s.title}"`).join(', ')}${failures.length ? `; failure paths: ${failures.join(', ')}` : ''}`;
    }),
  );
  list(
    'Pinned versions',
    report.pinned.map(
      (p) =>
        `- ${link(p.peer)} (${p.side}) asks for ${p.requested}, gets ${p.resolvesTo}, latest is ${p.latest}`,
    ),
  );
  list(
    'Whom to tell',
    report.owners.map(
      (o) => `- ${o.name} (${o.kind})${o.email ? ` ${o.email}` : ''}${o.slack ? ` ${o.slack}` : ''}`,
    ),
  );
  list(
    'Domains and systems',
    [...report.domains, ...report.systems].map((r) => `- ${link(r)}`),
  );
  list(
    'Pages to update',
    report.pages.map((p) => `- ${link(p.ref)}: ${p.reason}`),
  );
  return out.join('\n').trimEnd();
}

/** How many hops a tool follows: 1 to 10, 3 unless asked. */
const depthInput = z.number().int().min(1).max(10).default(3);

/** A reference as a Markdown link to its page on the site (with its key when asked), or its name. */
function refLink(ctx: ServerContext, { withKey }: { withKey: boolean }) {
  const state = ctx.state();
  return (r: Pick<ImpactRef, 'key' | 'name'>) => {
    const target = state.catalog.byKey.get(r.key);
    const key = withKey ? ` \`${r.key}\`` : '';
    return target ? `[${r.name}](${ctx.siteUrl}${state.urlOf(target)})${key}` : `${r.name}${key}`;
  };
}

export function registerImpactTool(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'impact_of_change',
    {
      title: 'Impact of a change',
      description:
        'What is affected if a resource changes: for a message, its producers and consumers (and, through service triggers, those further downstream up to `depth` hops), pinned versions; for a service, what it exchanges and with whom; the flows and steps it appears in with their failure paths, channels, data stores, domains, the owners to tell and the pages to update. Answers "what breaks if I change Reserve Inventory?".',
      inputSchema: {
        ref: refInput,
        depth: depthInput.describe('how many hops to follow through triggers and subflows (default 3)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref, depth }: { ref: string; depth: number }) => {
      const state = ctx.state();
      const resource = lookUp(ctx, ref);
      const report = scoped(ctx, impactOf(state.catalog, resource, { depth }));
      const link = refLink(ctx, { withKey: true });
      return answer(renderImpactMarkdown(report, link), report as unknown as Record<string, unknown>);
    }),
  );

  server.registerTool(
    'get_reactions',
    {
      title: 'What a message causes, and what causes it',
      description:
        'Trigger paths from the services\' declared triggers (`receives[].triggers`, with conditions): for a message, every message a service sends in reaction to receiving it (and the reactions to those, up to `depth`), whether or not anyone consumes them, and what makes the message be sent; for a service, the reactions it declares. Answers "what does ReserveInventory cause?" and "what causes InventoryReserved?".',
      inputSchema: {
        ref: refInput.describe('the message or service, e.g. "command:reserve-inventory"'),
        depth: depthInput.describe('how many reactions deep to follow (default 3)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref, depth }: { ref: string; depth: number }) => {
      const state = ctx.state();
      const resource = lookUp(ctx, ref);
      const report = scoped(ctx, impactOf(state.catalog, resource, { depth, mentions: false }));
      const link = refLink(ctx, { withKey: false });
      const sections = reactionSections(report, link);
      const text = [
        `# Trigger paths of ${link(report.subject)}`,
        '',
        ...(sections.length
          ? sections
          : ['No service declares a trigger for it: nothing is known to cause it or to be caused by it.']),
      ];
      return answer(text.join('\n').trimEnd(), {
        subject: report.subject,
        depth: report.depth,
        causes: report.reactions,
        causedBy: report.causes,
      });
    }),
  );
}
