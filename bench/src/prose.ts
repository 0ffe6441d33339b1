import type { Random } from './random.js';

/** What a sentence may mention. `entity` is lower case ("order line"). */
export interface ProseContext {
  name: string;
  entity: string;
  domain: string;
  team: string;
}

const sentences: readonly string[] = [
  '{name} is owned by the {team} team, who review every change to its contract.',
  'It is keyed by the {entity} identifier, so updates for one {entity} are processed in order.',
  'Consumers should treat unknown fields as optional: new fields are only ever added with defaults.',
  'Retries are safe because handlers are idempotent and de-duplicate on the message id.',
  'The payload stays small on purpose; anything larger than a few kilobytes is referenced by URL instead of embedded.',
  'Personal data is limited to what the {domain} domain needs, and is masked outside production.',
  'Latency from publish to delivery is usually below 200 ms at the 99th percentile.',
  'When a handler fails three times in a row the message is parked on the dead-letter queue and the on-call engineer is paged.',
  'Timestamps are ISO 8601 in UTC, and amounts are integers in minor units with an explicit currency.',
  'The {domain} domain treats {name} as part of its public contract, so a breaking change needs a new major version.',
  'Before {name} existed, teams polled the {entity} tables directly, which tied every consumer to the database layout.',
  'Each environment has its own topics and consumer groups, so staging traffic never reaches production consumers.',
  'Ordering is guaranteed per {entity}, not globally; do not rely on the order of unrelated {entity} updates.',
  'Schema changes are reviewed with the {team} team and checked for backward compatibility in CI before they are merged.',
  'Dashboards track throughput, consumer lag and error rate for {name}, with alerts on sustained lag.',
  'The {entity} lifecycle is a small state machine, and every transition is announced exactly once.',
  'Messages are kept for seven days on the broker and archived to the data lake for a year.',
  'If you need a field that is not here, ask the {team} team rather than reading their database.',
  'Load tests run every week at three times the expected peak, to keep headroom for seasonal traffic.',
  'Correlation ids are passed along end to end, so one customer request can be traced across every service it touches.',
  'Most consumers only need the identifiers and the new status; the remaining fields are there for reporting.',
  'A replay from the archive is possible, but consumers must be ready to see the same {entity} twice.',
  'The contract is documented here first and implemented second: the catalog is the source of truth for the schema.',
  'Feature flags decide which tenants see new behaviour, so the same version may be processed differently per tenant.',
  'Failures are reported with a machine-readable reason code and a short human-readable message.',
  'Volumes peak on Monday mornings and during promotions, at roughly five times the weekly average.',
  'Nothing in {name} is cached downstream for longer than five minutes.',
  'The {team} team runs a quarterly review of who consumes {name}, and removes subscriptions nobody owns.',
  'Support engineers use the {entity} reference to look up what happened when a customer calls.',
  'Regional deployments publish independently; a consumer that needs a global view subscribes to every region.',
];

const listItems: readonly string[] = [
  'Validate the payload against the schema before processing it.',
  'Log the correlation id with every line you write while handling it.',
  'Acknowledge only after your own state change is committed.',
  'Use the {entity} identifier as the idempotency key.',
  'Expect at-least-once delivery and handle duplicates.',
  'Keep handlers under one second; hand slow work to a background job.',
  'Alert on consumer lag, not only on errors.',
  'Never block the partition on a single poison message.',
  'Record which version of the contract you read, for audits.',
  'Ask the {team} team before adding a new consumer in production.',
];

function fill(template: string, ctx: ProseContext): string {
  return template
    .replace(/\{name\}/g, ctx.name)
    .replace(/\{entity\}/g, ctx.entity)
    .replace(/\{domain\}/g, ctx.domain)
    .replace(/\{team\}/g, ctx.team);
}

/** Markdown prose from a seeded stream: sentences, paragraphs, lists. */
export class Prose {
  constructor(private readonly r: Random) {}

  sentence(ctx: ProseContext): string {
    return fill(this.r.pick(sentences), ctx);
  }

  /** A paragraph of `min` to `max` sentences, with optional extra sentences (references) mixed in. */
  paragraph(ctx: ProseContext, min = 3, max = 5, extra: readonly string[] = []): string {
    const count = this.r.int(min, max);
    const picked = this.r.sample(sentences, count).map((s) => fill(s, ctx));
    for (const e of extra) picked.splice(this.r.int(0, picked.length), 0, e);
    return picked.join(' ');
  }

  paragraphs(ctx: ProseContext, count: number): string {
    return Array.from({ length: count }, () => this.paragraph(ctx)).join('\n\n');
  }

  checklist(ctx: ProseContext, min = 3, max = 6): string {
    return this.r
      .sample(listItems, this.r.int(min, max))
      .map((s) => `- ${fill(s, ctx)}`)
      .join('\n');
  }
}
