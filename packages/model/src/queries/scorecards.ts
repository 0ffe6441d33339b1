import type { Catalog } from '../catalog.js';
import { checkGraph } from '../checks/graph.js';
import type { Diagnostic } from '../diagnostics.js';
import { isMessageKind, type Kind } from '../kinds/kind.js';
import { isDeprecated, isHidden, type Resource, summaryOf } from '../resource.js';
import { type ImpactRef, impactRef } from './impact.js';
import { versionsOf } from './lookup.js';
import { domainsOf } from './membership.js';
import { consumersOf, producersOf, receivesOf } from './messages.js';
import { ownersOf } from './ownership.js';

/**
 * Catalog scorecards: a score per team and per domain from checks over the newest version of each
 * resource. Every check is a one-line rule with a weight; a resource it does not apply to neither gains
 * nor loses. A group's score is the weighted share of the checks its resources pass, 0 to 100. Pure: the
 * facts the model cannot know (does a schema parse, do the examples match it) come from the caller.
 */

/** What only parsing the catalog's files can tell, for the `schema` and `examples-valid` checks. */
export interface ScoreFacts {
  /** The message's schema: it has one that parses, has none, or has one that does not parse (with why). */
  schema(resource: Resource): { state: 'ok' | 'missing' } | { state: 'invalid'; why: string };
  /** The message's examples and how many of them do not match its schema. */
  examples(resource: Resource): { count: number; invalid: number };
}

/** How a catalog's config adjusts the checks (`scorecards.checks`): off, or another weight. */
export type ScoreSettings = Record<
  string,
  boolean | { enabled?: boolean | undefined; weight?: number | undefined }
>;

interface CheckContext {
  catalog: Catalog;
  facts: ScoreFacts;
  /** Flow problems from the graph check, by flow key. */
  flowProblems: Map<string, Diagnostic[]>;
}

/** A check's verdict on one resource: passes, fails (with why), or does not apply (undefined). */
type Verdict = true | string | undefined;

interface CheckDef {
  id: string;
  weight: number;
  rule: string;
  test(resource: Resource, ctx: CheckContext): Verdict;
}

/** The kinds a scorecard looks at: what teams own and ship. */
const scoredKinds: readonly Kind[] = [
  'domain',
  'service',
  'event',
  'command',
  'query',
  'channel',
  'flow',
  'container',
];

/** Prose words in a body, past code, components, imports and headings. */
function proseWords(body: string): number {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^\s*(import|export)\s.*$/gm, ' ')
    .replace(/^\s*#+\s.*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[\[[^\]]*\]\]/g, ' x ');
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** A body with fewer prose words than this is a stub (a template's heading and a `<NodeGraph />`). */
export const stubWords = 15;

const message = (r: Resource) => isMessageKind(r.kind);

/** The frontmatter flag that says nobody in the catalog is meant to receive a message. */
export const unconsumedFlag = 'x-unconsumed';

export const scoreChecks: readonly CheckDef[] = [
  {
    id: 'owner',
    weight: 3,
    rule: 'Has an owner that resolves to a team or user of the catalog.',
    test(r, { catalog }) {
      const { teams, users } = ownersOf(catalog, r);
      return teams.length + users.length > 0 || 'no owner that resolves to a team or user';
    },
  },
  {
    id: 'summary',
    weight: 1,
    rule: 'Has a summary.',
    test: (r) => Boolean(summaryOf(r)) || 'no summary',
  },
  {
    id: 'docs',
    weight: 2,
    rule: `Has documentation beyond a stub: at least ${stubWords} words of prose in its body.`,
    test(r) {
      const words = proseWords(r.body);
      return words >= stubWords || `${words} words of prose`;
    },
  },
  {
    id: 'schema',
    weight: 3,
    rule: 'A message has a schema (or a spec its schemaPath names) that parses and is valid for its format.',
    test(r, { facts }) {
      if (!message(r)) return undefined;
      const schema = facts.schema(r);
      if (schema.state === 'invalid') return `its schema has a problem: ${schema.why}`;
      return schema.state === 'ok' || 'no schema';
    },
  },
  {
    id: 'examples-valid',
    weight: 1,
    rule: "A message's examples match its schema (messages without examples are not counted).",
    test(r, { facts }) {
      if (!message(r)) return undefined;
      const { count, invalid } = facts.examples(r);
      if (count === 0) return undefined;
      return invalid === 0 || `${invalid} of ${count} examples do not match the schema`;
    },
  },
  {
    id: 'producer',
    weight: 2,
    rule: 'An event is sent by a service, domain or agent of the catalog (commands and queries often come from outside it).',
    test(r, { catalog }) {
      if (r.kind !== 'event') return undefined;
      return producersOf(catalog, r, { anyVersion: true, olderPeers: true }).length > 0 || 'nothing sends it';
    },
  },
  {
    id: 'consumer',
    weight: 2,
    rule: `A message is received by someone, unless its frontmatter says \`${unconsumedFlag}: true\`.`,
    test(r, { catalog }) {
      if (!message(r) || r.custom[unconsumedFlag]) return undefined;
      return (
        consumersOf(catalog, r, { anyVersion: true, olderPeers: true }).length > 0 || 'nothing receives it'
      );
    },
  },
  {
    id: 'deprecated-in-use',
    weight: 2,
    rule: 'A deprecated message is no longer sent or received (messages not deprecated are not counted).',
    test(r, { catalog }) {
      if (!message(r) || !isDeprecated(r)) return undefined;
      const senders = producersOf(catalog, r, { anyVersion: true }).length;
      const receivers = consumersOf(catalog, r, { anyVersion: true }).length;
      return senders + receivers === 0 || `deprecated, still sent by ${senders} and received by ${receivers}`;
    },
  },
  {
    id: 'version-drift',
    weight: 2,
    rule: 'A service receives the newest version of each message (a pointer pinned behind it drifts).',
    test(r, { catalog }) {
      if (r.kind !== 'service') return undefined;
      const behind: string[] = [];
      for (const peer of receivesOf(catalog, r)) {
        const newest = versionsOf(catalog, peer.resource.kind, peer.resource.id)[0];
        if (newest && newest.key !== peer.resource.key)
          behind.push(`${peer.resource.id} ${peer.resource.version} (newest ${newest.version})`);
      }
      return behind.length === 0 || `receives ${behind.join(', ')}`;
    },
  },
  {
    id: 'flow-consistency',
    weight: 2,
    rule: "A flow's steps agree with what its services send, receive and trigger, and its failure paths end.",
    test(r, { flowProblems }) {
      if (r.kind !== 'flow') return undefined;
      const problems = flowProblems.get(r.key) ?? [];
      return problems.length === 0 || problems.map((d) => d.message).join(' ');
    },
  },
];

export interface ScoreCheckInfo {
  id: string;
  weight: number;
  rule: string;
  enabled: boolean;
}

export interface ScoreFailure {
  resource: ImpactRef;
  reason: string;
}

export interface ScoreCheckResult {
  id: string;
  weight: number;
  /** Resources of the group the check applies to, how many pass and how many fail. */
  applicable: number;
  passed: number;
  failed: number;
  /** The resources that fail, each with why (all of them, unless the report was `trimmed`). */
  failures: ScoreFailure[];
}

export interface GroupScore {
  /** `team:<id>`, `domain:<id>`, or `catalog`. */
  key: string;
  kind: 'team' | 'domain' | 'catalog';
  id: string;
  name: string;
  /** 0-100, or null when no check applies to any of its resources. */
  score: number | null;
  resources: number;
  checks: ScoreCheckResult[];
}

/** The stable shape of `switchyard score --format json` and `/api/scorecards.json`; fields are only added. */
export interface Scorecards {
  format: 'switchyard-scorecards/1';
  checks: ScoreCheckInfo[];
  catalog: GroupScore;
  teams: GroupScore[];
  domains: GroupScore[];
  /** Check ids in the settings that name no check. */
  unknownChecks: string[];
}

/** The checks with the catalog's settings applied. */
export function scoreCheckInfo(settings: ScoreSettings = {}): ScoreCheckInfo[] {
  return scoreChecks.map((c) => {
    const s = settings[c.id];
    const enabled = s === undefined ? true : typeof s === 'boolean' ? s : s.enabled !== false;
    const weight =
      typeof s === 'object' && typeof s.weight === 'number' && s.weight >= 0 ? s.weight : c.weight;
    return { id: c.id, weight, rule: c.rule, enabled };
  });
}

/** One resource's verdicts, by check id (checks that do not apply are left out). */
type Verdicts = Map<string, true | string>;

function groupScore(
  group: Pick<GroupScore, 'key' | 'kind' | 'id' | 'name'>,
  members: Resource[],
  verdicts: Map<string, Verdicts>,
  checks: ScoreCheckInfo[],
): GroupScore {
  let earned = 0;
  let possible = 0;
  const results: ScoreCheckResult[] = [];
  for (const check of checks) {
    if (!check.enabled) continue;
    const result: ScoreCheckResult = {
      id: check.id,
      weight: check.weight,
      applicable: 0,
      passed: 0,
      failed: 0,
      failures: [],
    };
    for (const r of members) {
      const verdict = verdicts.get(r.key)?.get(check.id);
      if (verdict === undefined) continue;
      result.applicable++;
      if (verdict === true) result.passed++;
      else {
        result.failed++;
        result.failures.push({ resource: impactRef(r), reason: verdict });
      }
    }
    earned += check.weight * result.passed;
    possible += check.weight * result.applicable;
    results.push(result);
  }
  return {
    ...group,
    score: possible > 0 ? Math.round((100 * earned) / possible) : null,
    resources: members.length,
    checks: results,
  };
}

/** Scores the catalog, each team and each domain. */
export function scoreCatalog(catalog: Catalog, facts: ScoreFacts, settings: ScoreSettings = {}): Scorecards {
  const checks = scoreCheckInfo(settings);
  const flowProblems = new Map<string, Diagnostic[]>();
  const flowsByFile = new Map<string, string>();
  for (const flow of catalog.latestByKind.get('flow') ?? []) flowsByFile.set(flow.source.file, flow.key);
  for (const d of checkGraph(catalog)) {
    const key = d.code.startsWith('flow-') ? flowsByFile.get(d.file) : undefined;
    if (key) flowProblems.set(key, [...(flowProblems.get(key) ?? []), d]);
  }
  const ctx: CheckContext = { catalog, facts, flowProblems };
  const scored: Resource[] = [];
  for (const kind of scoredKinds) {
    for (const r of catalog.latestByKind.get(kind) ?? []) if (!isHidden(r)) scored.push(r);
  }
  const verdicts = new Map<string, Verdicts>();
  const enabled = new Set(checks.filter((c) => c.enabled).map((c) => c.id));
  for (const r of scored) {
    const mine: Verdicts = new Map();
    for (const check of scoreChecks) {
      if (!enabled.has(check.id)) continue;
      const verdict = check.test(r, ctx);
      if (verdict !== undefined) mine.set(check.id, verdict);
    }
    verdicts.set(r.key, mine);
  }
  const byTeam = new Map<string, Resource[]>();
  const byDomain = new Map<string, Resource[]>();
  const add = (map: Map<string, Resource[]>, key: string, r: Resource) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const r of scored) {
    for (const team of ownersOf(catalog, r).teams) add(byTeam, team.key, r);
    if (r.kind === 'domain') add(byDomain, r.key, r);
    for (const domain of domainsOf(catalog, r)) add(byDomain, domain.key, r);
  }
  const groupsOf = (map: Map<string, Resource[]>, kind: 'team' | 'domain') =>
    [...map]
      .map(([key, members]) => {
        const owner = catalog.byKey.get(key) as Resource;
        return groupScore(
          { key: `${kind}:${owner.id}`, kind, id: owner.id, name: impactRef(owner).name },
          members,
          verdicts,
          checks,
        );
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    format: 'switchyard-scorecards/1',
    checks,
    catalog: groupScore(
      { key: 'catalog', kind: 'catalog', id: 'catalog', name: 'Catalog' },
      scored,
      verdicts,
      checks,
    ),
    teams: groupsOf(byTeam, 'team'),
    domains: groupsOf(byDomain, 'domain'),
    unknownChecks: Object.keys(settings).filter((id) => !scoreChecks.some((c) => c.id === id)),
  };
}

/** The report with each check of every group (the catalog's, each team's, each domain's) passed through `f`. */
export function mapScoreChecks(
  cards: Scorecards,
  f: (check: ScoreCheckResult) => ScoreCheckResult,
): Scorecards {
  const group = (g: GroupScore): GroupScore => ({ ...g, checks: g.checks.map(f) });
  return {
    ...cards,
    catalog: group(cards.catalog),
    teams: cards.teams.map(group),
    domains: cards.domains.map(group),
  };
}

/**
 * The report with at most `max` failures listed per check of each group (`failed` still counts them all):
 * what the site writes, so `api/scorecards.json` stays the same size however big the catalog grows.
 */
export function trimScorecards(cards: Scorecards, max: number): Scorecards {
  return mapScoreChecks(cards, (c) =>
    c.failures.length > max ? { ...c, failures: c.failures.slice(0, max) } : c,
  );
}
