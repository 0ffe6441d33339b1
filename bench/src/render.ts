import { examplePayload, messageSchema, openapi, schemaSql } from './assets.js';
import { title } from './build.js';
import { avroSchema, protobufSchema } from './formats.js';
import type {
  CatalogModel,
  Channel,
  ChannelUse,
  Container,
  Doc,
  Domain,
  Flow,
  FlowStep,
  Message,
  OlderVersion,
  SchemaFormat,
  Service,
  System,
  Team,
  User,
} from './model.js';
import { Prose, type ProseContext } from './prose.js';
import type { Random } from './random.js';
import { markdownFile, type YamlValue } from './yaml.js';

/** Where rendered files go: a path relative to the catalog root, and its content. */
export type Write = (path: string, content: string) => void;

type Frontmatter = { [key: string]: YamlValue };

const schemaFile: Record<SchemaFormat, string> = {
  json: 'schema.json',
  avro: 'schema.avsc',
  protobuf: 'schema.proto',
};
const formatName: Record<SchemaFormat, string> = { json: 'JSON Schema', avro: 'Avro', protobuf: 'Protobuf' };

const ref = (type: string, id: string) => `[[${type}|${id}]]`;
/** Inside a table the pipe of a reference is escaped. */
const cellRef = (type: string, id: string) => `[[${type}\\|${id}]]`;
const pointer = (node: { id: string; version: string }, exact: boolean): Frontmatter =>
  exact ? { id: node.id, version: node.version } : { id: node.id };

/** Renders the in-memory model to EventCatalog files: frontmatter, Markdown bodies and assets. */
export class Renderer {
  private readonly prose: Prose;

  constructor(
    private readonly model: CatalogModel,
    private readonly r: Random,
    private readonly write: Write,
  ) {
    this.prose = new Prose(r);
  }

  render(): void {
    const m = this.model;
    this.write('eventcatalog.config.js', this.config());
    for (const t of m.teams) this.team(t);
    for (const u of m.users) this.user(u);
    for (const d of m.domains) this.domain(d);
    for (const s of m.systems) this.system(s);
    for (const s of m.services) this.service(s);
    for (const msg of m.messages) this.message(msg);
    for (const c of m.channels) this.channel(c);
    for (const c of m.containers) this.container(c);
    for (const f of m.flows) this.flow(f);
    for (const d of m.docs) this.doc(d);
  }

  private config(): string {
    return [
      '// Synthetic catalog written by @switchyard/bench. Plain data only.',
      'export default {',
      "  title: 'Acme Inc (synthetic)',",
      "  tagline: 'A generated catalog used to benchmark loading and checking.',",
      "  organizationName: 'Acme Inc',",
      "  homepageLink: 'https://acme.example.com',",
      "  base: '/',",
      '  trailingSlash: false,',
      "  outDir: 'dist',",
      '  llmsTxt: { enabled: true },',
      '};',
      '',
    ].join('\n');
  }

  private ctx(name: string, entity: string, domain: Domain | undefined, team: Team): ProseContext {
    return { name, entity, domain: domain?.name ?? 'Platform', team: team.name };
  }

  private team(t: Team): void {
    const domains = this.model.domains.filter((d) => d.team === t);
    const services = this.model.services.filter((s) => s.team === t).slice(0, 8);
    const fm: Frontmatter = {
      id: t.id,
      name: t.name,
      summary: `Owns ${domains.length > 0 ? domains.map((d) => d.name).join(', ') : 'shared platform services'} and the services around it.`,
      email: `${t.id}@acme.example.com`,
      members: t.members.map((u) => u.id),
      slackDirectMessageUrl: `https://acme.slack.com/archives/${t.id}`,
    };
    const ctx = this.ctx(t.name, 'service', domains[0], t);
    const body = [
      '## What we look after',
      '',
      ...domains.map((d) => `- ${ref('domain', d.id)}, with ${d.systems.length} systems.`),
      ...services.map((s) => `- ${ref('service', s.id)}: ${s.name} (${s.language}).`),
      '',
      '## How to reach us',
      '',
      this.prose.paragraph(ctx, 2, 3),
    ];
    this.write(`teams/${t.id}.mdx`, markdownFile(fm, body.join('\n')));
  }

  private user(u: User): void {
    const first = u.teams[0] as Team;
    const fm: Frontmatter = {
      id: u.id,
      name: u.name,
      avatarUrl: `https://avatars.acme.example.com/${u.id}.png`,
      role: `${u.role}, ${first.name}`,
      email: `${u.id.replace(/-/g, '.')}@acme.example.com`,
      associatedTeams: u.teams.map((t) => t.id),
    };
    const body = `${u.name.split(' ')[0]} works in ${u.teams.map((t) => ref('team', t.id)).join(' and ')} as ${u.role.toLowerCase()}. ${this.prose.sentence(this.ctx(first.name, 'service', undefined, first))}`;
    this.write(`users/${u.id}.mdx`, markdownFile(fm, body));
  }

  private domain(d: Domain): void {
    const fm: Frontmatter = {
      id: d.id,
      name: d.name,
      version: d.version,
      summary:
        `${d.name} ${d.parent ? `is a subdomain of ${d.parent.name} that` : ''} owns ${d.systems.length + d.services.length} building blocks and the contracts between them.`.replace(
          /\s+/g,
          ' ',
        ),
      owners: d.owners,
      domains: d.subdomains.length > 0 ? d.subdomains.map((s) => pointer(s, this.r.chance(0.5))) : undefined,
      systems: d.systems.length > 0 ? d.systems.map((s) => pointer(s, this.r.chance(0.6))) : undefined,
      services: d.services.length > 0 ? d.services.map((s) => pointer(s, this.r.chance(0.6))) : undefined,
      flows: d.flows.length > 0 ? d.flows.map((f) => pointer(f, this.r.chance(0.5))) : undefined,
      badges: this.r.chance(0.5)
        ? [
            {
              content: this.r.pick(['Core domain', 'Supporting domain', 'Generic domain']),
              backgroundColor: 'blue',
              textColor: 'blue',
            },
          ]
        : undefined,
    };
    const ctx = this.ctx(d.name, 'request', d, d.team);
    const body: string[] = [
      '## Overview',
      '',
      this.prose.paragraph(ctx, 3, 5, [`It is run by ${ref('team', d.team.id)}.`]),
    ];
    if (d.systems.length > 0) {
      body.push('', '<Tiles>');
      for (const s of d.systems.slice(0, 6)) {
        body.push(
          `  <Tile icon="RectangleGroupIcon" href="/docs/systems/${s.id}/${s.version}" title="${s.name}" description="${s.services.length} services" />`,
        );
      }
      body.push(
        '</Tiles>',
        '',
        '## Systems',
        '',
        ...d.systems.map((s) => `- ${ref('system', s.id)}: ${s.services.length} services.`),
      );
    }
    if (d.subdomains.length > 0)
      body.push('', '## Subdomains', '', ...d.subdomains.map((s) => `- ${ref('domain', s.id)}`));
    if (d.services.length > 0)
      body.push('', '## Services', '', ...d.services.map((s) => `- ${ref('service', s.id)}`));
    if (d.flows.length > 0) {
      body.push('', '## Key flows', '', ...d.flows.map((f) => `- ${ref('flow', f.id)}`));
      const first = d.flows[0] as Flow;
      body.push('', `<Flow id="${first.id}" version="latest" maxHeight={30} />`);
    }
    body.push('', '## How we work', '', this.prose.paragraphs(ctx, 2), '', '<NodeGraph />');
    this.write(`${d.dir}/index.mdx`, markdownFile(fm, body.join('\n')));
  }

  private system(s: System): void {
    const fm: Frontmatter = {
      id: s.id,
      name: s.name,
      version: s.version,
      summary: `${s.name} groups ${s.services.length} services and ${s.containers.length} data stores in the ${s.domain.name} domain.`,
      owners: s.owners,
      scope: s.external ? 'external' : 'internal',
      services: s.services.length > 0 ? s.services.map((x) => pointer(x, this.r.chance(0.6))) : undefined,
      containers:
        s.containers.length > 0 ? s.containers.map((x) => pointer(x, this.r.chance(0.5))) : undefined,
      relationships:
        s.relationships.length > 0
          ? s.relationships.map((rel) => ({ id: rel.system.id, label: rel.label }))
          : undefined,
      actors: this.r.chance(0.4)
        ? [{ id: 'support-agent', name: 'Support agent', label: 'looks up records', direction: 'inbound' }]
        : undefined,
    };
    const ctx = this.ctx(s.name, 'record', s.domain, s.team);
    const body: string[] = ['## Overview', '', this.prose.paragraph(ctx), '', '<ContextDiagram />'];
    if (s.services.length + s.containers.length > 0) {
      body.push(
        '',
        '## What is inside',
        '',
        '| Component | Kind | Responsibility |',
        '|-----------|------|----------------|',
      );
      for (const x of s.services)
        body.push(`| ${cellRef('service', x.id)} | Service | Handles ${x.entity} requests. |`);
      for (const c of s.containers)
        body.push(`| ${cellRef('container', c.id)} | Data store | ${title(c.type)} on ${c.technology}. |`);
    }
    if (s.relationships.length > 0) {
      body.push(
        '',
        '## Neighbours',
        '',
        ...s.relationships.map((rel) => `- ${rel.label} ${ref('system', rel.system.id)}`),
      );
    }
    if (s.services.length > 1 && this.r.chance(0.5)) {
      body.push('', '```mermaid', 'flowchart LR');
      for (let i = 1; i < s.services.length; i++) {
        body.push(`    ${(s.services[i - 1] as Service).id} --> ${(s.services[i] as Service).id}`);
      }
      body.push('```');
    }
    body.push('', '<NodeGraph />');
    this.write(`${s.dir}/index.mdx`, markdownFile(fm, body.join('\n')));
  }

  private channelUse(use: ChannelUse | undefined): YamlValue {
    if (!use) return undefined;
    const c = use.channel;
    return [
      {
        id: c.id,
        version: this.r.chance(0.3) ? c.version : undefined,
        parameters: c.parameterised ? { env: 'prod' } : undefined,
        delivery_mode: use.deliveryMode,
      },
    ];
  }

  private service(s: Service): void {
    const fm: Frontmatter = {
      id: s.id,
      name: s.name,
      version: s.version,
      summary: `${s.name} handles ${s.entity} ${this.r.pick(['requests', 'changes', 'lifecycle events', 'lookups'])} for the ${s.domain.name} domain.`,
      owners: s.owners,
      sends:
        s.sends.length > 0
          ? s.sends.map((x) => ({ id: x.message.id, version: x.version, to: this.channelUse(x.to) }))
          : undefined,
      receives:
        s.receives.length > 0
          ? s.receives.map((x) => ({
              id: x.message.id,
              version: x.version,
              from: this.channelUse(x.from),
              fields: x.fields,
              triggers: x.triggers?.map((t) => ({
                id: t.message.id,
                version: t.message.version,
                condition: t.condition,
              })),
            }))
          : undefined,
      writesTo: s.writesTo.length > 0 ? s.writesTo.map((c) => ({ id: c.id })) : undefined,
      readsFrom: s.readsFrom.length > 0 ? s.readsFrom.map((c) => ({ id: c.id })) : undefined,
      repository: { language: s.language, url: `https://github.com/acme-inc/${s.id}` },
      specifications: s.openapi
        ? [{ type: 'openapi', path: 'openapi.yml', name: `${s.name} API` }]
        : undefined,
      badges: this.r.chance(0.4)
        ? [{ content: s.language, backgroundColor: 'gray', textColor: 'gray' }]
        : undefined,
      'x-tier': s.tier,
    };
    const ctx = this.ctx(s.name, s.entity, s.domain, s.team);
    const body: string[] = [
      '## Overview',
      '',
      this.prose.paragraph(ctx, 3, 5, [
        `It belongs to ${ref('domain', s.domain.id)}${s.system ? `, inside ${ref('system', s.system.id)}` : ''}.`,
      ]),
      '',
      '<Tiles>',
      `  <Tile icon="InboxArrowDownIcon" href={\`/visualiser/services/\${frontmatter.id}/\${frontmatter.version}\`} title="Receives ${s.receives.length} messages" description="Commands, queries and events it handles" />`,
      `  <Tile icon="MegaphoneIcon" href={\`/visualiser/services/\${frontmatter.id}/\${frontmatter.version}\`} title="Sends ${s.sends.length} messages" description="What it publishes and requests" />`,
      '</Tiles>',
    ];
    const rows = [
      ...s.sends
        .slice(0, 6)
        .map(
          (x) =>
            `| Sends | ${cellRef(x.message.kind, x.message.id)} | ${x.to ? cellRef('channel', x.to.channel.id) : 'direct'} |`,
        ),
      ...s.receives
        .slice(0, 6)
        .map(
          (x) =>
            `| Receives | ${cellRef(x.message.kind, x.message.id)} | ${x.from ? cellRef('channel', x.from.channel.id) : 'direct'} |`,
        ),
    ];
    if (rows.length > 0)
      body.push(
        '',
        '## Messages',
        '',
        '| Direction | Message | Channel |',
        '|-----------|---------|---------|',
        ...rows,
      );
    if (s.writesTo.length > 0) {
      body.push(
        '',
        '## Data',
        '',
        `State is kept in ${s.writesTo.map((c) => ref('container', c.id)).join(', ')}. ${this.prose.sentence(ctx)}`,
      );
    }
    body.push('', '## Operating it', '', this.prose.paragraph(ctx, 2, 4), '', this.prose.checklist(ctx));
    if (this.r.chance(0.3)) {
      body.push(
        '',
        ':::info',
        `${s.name} is ${s.tier}: incidents follow the ${s.tier} escalation policy.`,
        ':::',
      );
    }
    body.push('', '<NodeGraph />', '', '<MessageTable format="all" limit={10} />');
    this.write(`${s.dir}/index.mdx`, markdownFile(fm, body.join('\n')));
    if (s.openapi) this.write(`${s.dir}/openapi.yml`, openapi(s));
  }

  private message(m: Message): void {
    const kindLabel = m.kind;
    const base: Frontmatter = {
      owners: m.owners,
      schemaPath: schemaFile[m.format],
      operation:
        m.kind === 'query'
          ? { method: 'GET', path: `/${m.entity.replace(/ /g, '-')}s/{id}`, statusCodes: ['200', '404'] }
          : undefined,
    };
    const fm: Frontmatter = {
      id: m.id,
      name: m.name,
      version: m.version,
      summary: `${m.name}: ${this.summaryOf(m)}`,
      ...base,
      badges: this.r.chance(0.5)
        ? [
            {
              content: this.r.pick(['JSON', 'Kafka', 'Public', 'Internal']),
              backgroundColor: 'teal',
              textColor: 'teal',
            },
          ]
        : undefined,
    };
    const ctx = this.ctx(m.name, m.entity, m.service.domain, m.team);
    const body: string[] = [
      '## Overview',
      '',
      this.prose.paragraph(ctx, 3, 5, [`${ref('service', m.service.id)} owns this ${kindLabel}.`]),
    ];
    const producers = m.producers.filter((p) => p !== m.service);
    const consumers = m.consumers.filter((c) => c !== m.service);
    if (producers.length > 0 || consumers.length > 0) {
      body.push('', m.kind === 'event' ? '## Consumers' : '## Callers', '');
      for (const c of m.kind === 'event' ? consumers : producers) {
        body.push(
          `- ${ref('service', c.id)} ${m.kind === 'event' ? 'reacts to it' : 'sends it'} as part of its ${c.entity} handling.`,
        );
      }
    }
    body.push(
      '',
      '## Schema',
      '',
      this.prose.sentence(ctx),
      '',
      `<SchemaViewer file="${schemaFile[m.format]}" title="${m.name} (${formatName[m.format]})" maxHeight="500" />`,
      '',
      '### Example',
      '',
      '```json',
      examplePayload(m.fields, 0, m.format === 'protobuf'),
      '```',
    );
    if (m.older) {
      body.push(
        '',
        '## Versions',
        '',
        `Version ${m.version} adds ${m.fields
          .slice(m.older.fields.length)
          .map((f) => `\`${f}\``)
          .join(
            ', ',
          )}. ${ref(m.kind, `${m.id}@${m.older.version}`)} is still documented for consumers that have not migrated.`,
      );
    }
    body.push('', '<NodeGraph />');
    this.write(`${m.dir}/index.mdx`, markdownFile(fm, body.join('\n')));
    this.writeSchema(m, m.dir, m.version, m.fields);
    for (let i = 0; i < m.examples; i++) {
      this.write(
        `${m.dir}/examples/${i === 0 ? 'typical' : 'variant'}.json`,
        `${examplePayload(m.fields, i, m.format === 'protobuf')}\n`,
      );
    }
    if (!m.older) return;

    const older = m.older;
    this.olderMessage(m, older, base, m.version);
    if (m.earlier) this.olderMessage(m, m.earlier, base, older.version);
    const added = m.fields.slice(older.fields.length);
    const changelog = [
      '---',
      `createdAt: ${older.deprecatedOn}`,
      '---',
      '',
      `### ${m.version}`,
      '',
      'Fields added, all optional for readers of the previous version:',
      '',
      ...added.map((f) => `- \`${f}\``),
      '',
      `Consumers on ${older.version} keep working; see ${ref('service', m.service.id)} for the rollout.`,
      '',
    ];
    this.write(`${m.dir}/changelog.mdx`, changelog.join('\n'));
  }

  private writeSchema(m: Message, dir: string, version: string, fields: readonly string[]): void {
    const text =
      m.format === 'avro'
        ? avroSchema(m, version, fields)
        : m.format === 'protobuf'
          ? protobufSchema(m, version, fields)
          : messageSchema(m, version, fields);
    this.write(`${dir}/${schemaFile[m.format]}`, text);
  }

  /** An older version of `m` under versioned/<v>/, superseded by `supersededBy`. */
  private olderMessage(m: Message, older: OlderVersion, base: Frontmatter, supersededBy: string): void {
    const oldFm: Frontmatter = {
      id: m.id,
      name: m.name,
      version: older.version,
      summary: `${m.name} ${older.version}, before ${m.fields.slice(older.fields.length).join(', ')} were added.`,
      ...base,
      deprecated: {
        message: `Superseded by ${supersededBy}. Readers of ${older.version} remain compatible.`,
        date: older.deprecatedOn,
      },
    };
    const oldBody = [
      '## Overview',
      '',
      `Version ${older.version} of ${m.name} was published by ${ref('service', m.service.id)} until ${older.deprecatedOn}. New consumers should read ${ref(m.kind, m.id)}.`,
      '',
      `<SchemaViewer file="${schemaFile[m.format]}" title="${m.name} ${older.version}" />`,
    ];
    const dir = `${m.dir}/versioned/${older.version}`;
    this.write(`${dir}/index.mdx`, markdownFile(oldFm, oldBody.join('\n')));
    this.writeSchema(m, dir, older.version, older.fields);
  }

  private summaryOf(m: Message): string {
    const e = m.entity;
    if (m.kind === 'event') return `announces that a ${e} changed, with the new state and who caused it.`;
    if (m.kind === 'command')
      return `asks ${m.service.name} to act on a ${e}; answered with an event or a rejection.`;
    return `reads ${e} data from ${m.service.name} without changing it.`;
  }

  private channel(c: Channel): void {
    const fm: Frontmatter = {
      id: c.id,
      name: c.name,
      version: c.version,
      summary: `${c.protocol === 'kafka' ? 'Kafka topic' : c.protocol === 'sqs' ? 'SQS queue' : 'RabbitMQ exchange'} carrying ${c.purpose} of the ${c.domain.name} domain.`,
      owners: c.owners,
      address: c.address,
      protocols: [c.protocol],
      deliveryGuarantee: 'at-least-once',
      parameters: c.parameterised
        ? {
            env: {
              enum: ['dev', 'staging', 'prod'],
              default: 'prod',
              description: 'Deployment environment; each has its own topic.',
            },
          }
        : undefined,
      routes: c.routes.length > 0 ? c.routes.map((t) => ({ id: t.id })) : undefined,
    };
    const ctx = this.ctx(c.name, 'message', c.domain, c.team);
    const carried = [...new Set(c.carries)].slice(0, 12);
    const body: string[] = [
      '## Overview',
      '',
      this.prose.paragraph(ctx, 2, 4, [`It belongs to ${ref('domain', c.domain.id)}.`]),
    ];
    if (carried.length > 0) {
      body.push('', '| Message | Owner |', '|---------|-------|');
      for (const m of carried)
        body.push(`| ${cellRef(m.kind, m.id)} | ${cellRef('service', m.service.id)} |`);
    }
    if (c.parameterised)
      body.push('', '## Addressing', '', `The address \`${c.address}\` holds an \`{env}\` placeholder.`);
    body.push('', '<ChannelInformation />', '', '<NodeGraph />');
    this.write(`${c.dir}/index.mdx`, markdownFile(fm, body.join('\n')));
  }

  private container(c: Container): void {
    const fm: Frontmatter = {
      id: c.id,
      name: c.name,
      version: c.version,
      summary: `${title(c.type)} on ${c.technology} used by ${c.system.name}.`,
      owners: c.owners,
      container_type: c.type,
      technology: c.technology,
      purpose: `Keeps ${c.system.name} state`,
      authoritative: c.type === 'database',
      access_mode: c.type === 'dataWarehouse' ? 'read' : 'readWrite',
      classification: this.r.pick(['internal', 'confidential', 'regulated']),
      residency: this.r.pick(['eu-west-1', 'us-east-1']),
      retention: this.r.pick(['30d', '1y', '7y']),
    };
    const ctx = this.ctx(c.name, 'record', c.system.domain, c.team);
    const body: string[] = ['## What is stored', '', this.prose.paragraph(ctx, 2, 4)];
    if (c.type === 'database') body.push('', '<Schema file="schema.sql" lang="sql" title="schema.sql" />');
    if (c.writers.length + c.readers.length > 0) {
      body.push(
        '',
        '## Access',
        '',
        ...c.writers.map((s) => `- ${ref('service', s.id)} writes.`),
        ...c.readers.map((s) => `- ${ref('service', s.id)} reads.`),
      );
    }
    body.push('', '<NodeGraph />');
    this.write(`${c.dir}/index.mdx`, markdownFile(fm, body.join('\n')));
    if (c.type === 'database') this.write(`${c.dir}/schema.sql`, schemaSql(c));
  }

  private step(step: FlowStep): Frontmatter {
    const t = step.target;
    const next: Frontmatter = {};
    if (step.next.length === 1) next.next_step = { id: step.next[0]?.id, label: step.next[0]?.label };
    else if (step.next.length > 1) next.next_steps = step.next.map((n) => ({ id: n.id, label: n.label }));
    const base = { id: step.id, title: step.title };
    switch (t.kind) {
      case 'message':
        return { ...base, message: { id: t.message.id, version: t.message.version }, ...next };
      case 'service':
        return { ...base, service: { id: t.service.id, version: t.service.version }, ...next };
      case 'flow':
        return {
          ...base,
          summary: `Runs ${t.flow.name} as one step.`,
          flow: { id: t.flow.id, version: t.flow.version },
          ...next,
        };
      case 'container':
        return { ...base, container: { id: t.container.id }, ...next };
      case 'actor':
        return { ...base, actor: { name: t.name, summary: t.summary }, ...next };
      case 'outcome':
        return {
          ...base,
          custom: { title: t.title, type: 'Outcome', icon: t.icon, color: t.color, summary: t.summary },
          ...next,
        };
    }
  }

  private flow(f: Flow): void {
    const fm: Frontmatter = {
      id: f.id,
      name: f.name,
      version: f.version,
      summary: `${f.name}, from the customer's request to the final outcome, across ${new Set(f.steps.filter((s) => s.target.kind === 'service').map((s) => s.id)).size} services.`,
      owners: f.owners,
      steps: f.steps.map((s) => this.step(s)),
    };
    const ctx = this.ctx(f.name, 'request', f.domain, f.team);
    const body: string[] = [
      '## Overview',
      '',
      this.prose.paragraph(ctx, 2, 4, [`It is part of ${ref('domain', f.domain.id)}.`]),
      '',
      '<NodeGraph />',
      '',
      '## How it works',
      '',
    ];
    let n = 1;
    for (const s of f.steps) {
      const t = s.target;
      if (t.kind === 'message') body.push(`${n++}. ${ref(t.message.kind, t.message.id)} is sent.`);
      else if (t.kind === 'service') body.push(`${n++}. ${ref('service', t.service.id)} handles it.`);
      else if (t.kind === 'flow') body.push(`${n++}. The journey continues in ${ref('flow', t.flow.id)}.`);
      else if (t.kind === 'container')
        body.push(`${n++}. State is written to ${ref('container', t.container.id)}.`);
    }
    body.push('', '## Where it can end', '', this.prose.paragraph(ctx, 2, 3));
    this.write(`${f.dir}/index.mdx`, markdownFile(fm, body.join('\n')));
  }

  private doc(d: Doc): void {
    const fm: Frontmatter = {
      title: d.title,
      summary: d.summary,
      sidebar: {
        label: d.title.length > 40 ? `${d.title.slice(0, 37).trimEnd()}...` : d.title,
        order: d.order,
      },
      owners: d.owners,
    };
    const t = d.topic;
    const ctx: ProseContext =
      t.kind === 'service'
        ? this.ctx(t.service.name, t.service.entity, t.service.domain, d.team)
        : t.kind === 'message'
          ? this.ctx(t.message.name, t.message.entity, t.message.service.domain, d.team)
          : t.kind === 'domain'
            ? this.ctx(t.domain.name, 'request', t.domain, d.team)
            : t.kind === 'flow'
              ? this.ctx(t.flow.name, 'request', t.flow.domain, d.team)
              : this.ctx('the platform', 'message', undefined, d.team);
    const refs: string[] = [];
    if (t.kind === 'service') refs.push(`This page is about ${ref('service', t.service.id)}.`);
    if (t.kind === 'message')
      refs.push(
        `This page is about ${ref(t.message.kind, t.message.id)}, owned by ${ref('service', t.message.service.id)}.`,
      );
    if (t.kind === 'domain') refs.push(`This page is about ${ref('domain', t.domain.id)}.`);
    if (t.kind === 'flow') refs.push(`This page walks through ${ref('flow', t.flow.id)}.`);
    refs.push(`Questions go to ${ref('team', d.team.id)}.`);
    const body: string[] = ['## Why this page exists', '', this.prose.paragraph(ctx, 3, 5, refs)];
    const related = this.r.sample(this.model.services, 3);
    body.push('', '## Before you start', '', this.prose.checklist(ctx, 3, 5));
    if (this.r.chance(0.5)) {
      body.push(
        '',
        '<Steps title="Step by step">',
        '  <Step title="Read the contract">',
        `    ${this.prose.sentence(ctx)}`,
        '  </Step>',
        '  <Step title="Try it in staging">',
        `    ${this.prose.sentence(ctx)}`,
        '  </Step>',
        '</Steps>',
      );
    }
    if (t.kind === 'message' && this.r.chance(0.6)) {
      body.push(
        '',
        '<Tabs>',
        '  <TabItem label="Schema">',
        '',
        `    ${ref(t.message.kind, t.message.id)} carries ${t.message.fields.length} fields.`,
        '',
        '  </TabItem>',
        '  <TabItem label="Producers">',
        '',
        `    ${t.message.producers.map((p) => ref('service', p.id)).join(', ') || 'No producer is documented yet.'}`,
        '',
        '  </TabItem>',
        '</Tabs>',
      );
    }
    if (this.r.chance(0.4))
      body.push(
        '',
        ':::tip',
        `Ask ${ref('team', d.team.id)} in their channel before changing anything.`,
        ':::',
      );
    body.push('', '## Details', '', this.prose.paragraphs(ctx, this.r.int(1, 3)));
    body.push('', '## Related', '', ...related.map((s) => `- ${ref('service', s.id)}`));
    const earlier = this.model.docs.filter((o) => o.group === d.group && o.order < d.order);
    const linked = earlier.length > 0 ? earlier[earlier.length - 1] : undefined;
    if (linked) body.push(`- ${ref('doc', linked.id)}`);
    if (t.kind === 'service' && this.r.chance(0.5))
      body.push('', `<NodeGraph id="${t.service.id}" type="services" />`);
    this.write(`docs/${d.id}.mdx`, markdownFile(fm, body.join('\n')));
  }
}
