import type {
  CatalogModel,
  Channel,
  Container,
  Doc,
  DocTopic,
  Domain,
  Flow,
  FlowStep,
  Message,
  MessageKind,
  OlderVersion,
  Receive,
  SchemaFormat,
  Send,
  Service,
  System,
  Team,
  User,
} from './model.js';
import type { Random } from './random.js';
import {
  commandVerbs,
  conditions,
  containerKinds,
  docGroups,
  domainWords,
  entities,
  eventVerbs,
  fieldNames,
  firstNames,
  languages,
  lastNames,
  olderOf,
  qualifiers,
  queryTemplates,
  roles,
  serviceWords,
  systemWords,
  teamWords,
  tiers,
  versions,
} from './words.js';

/** How many resources of each kind a catalog of a given size holds. `domain` includes `subdomain`. */
export interface Budget {
  domain: number;
  subdomain: number;
  system: number;
  service: number;
  message: number;
  channel: number;
  container: number;
  flow: number;
  team: number;
  user: number;
  doc: number;
}

/** The smallest catalog the generator makes: below this the split by percentage means little. */
export const minimumResources = 50;

/**
 * Splits a resource budget: ~1% domains (a third of them subdomains), 2% systems, 8% services,
 * 3% channels, 2% data stores, 2% flows, 3% teams and users (one team for two users), 4% docs,
 * and the rest (~75%) messages, so the total is exactly `resources`. `overrides` replaces the count of any
 * kind but `message`, which always takes what is left (and must leave at least one message a service).
 */
export function planBudget(resources: number, overrides: Partial<Omit<Budget, 'message'>> = {}): Budget {
  if (!Number.isInteger(resources) || resources < minimumResources) {
    throw new Error(`resources must be an integer of at least ${minimumResources}, not ${resources}`);
  }
  const share = (p: number) => Math.max(1, Math.round(resources * p));
  const domain = overrides.domain ?? share(0.01);
  const people = Math.max(2, Math.round(resources * 0.03));
  const team = overrides.team ?? Math.max(1, Math.round(people / 3));
  const b = {
    domain,
    subdomain: domain >= 2 ? Math.max(1, Math.floor(domain * 0.3)) : 0,
    system: share(0.02),
    service: share(0.08),
    channel: share(0.03),
    container: share(0.02),
    flow: share(0.02),
    team,
    user: Math.max(1, people - team),
    doc: share(0.04),
    ...overrides,
  };
  for (const [kind, n] of Object.entries(b)) {
    if (!Number.isInteger(n) || n < (kind === 'subdomain' ? 0 : 1))
      throw new Error(`the budget needs a positive integer of ${kind}, not ${n}`);
  }
  if (b.subdomain >= b.domain)
    throw new Error('subdomains are part of domains: at least one must be top-level');
  const others = b.domain + b.system + b.service + b.channel + b.container + b.flow + b.team + b.user + b.doc;
  const message = resources - others;
  if (message < b.service) {
    throw new Error(
      `${resources} resources leave ${message} messages for ${b.service} services; every service needs one`,
    );
  }
  return { ...b, message };
}

export function kebab(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `order line` to `OrderLine`; words already in capitals (API) stay as they are. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join('');
}

export function title(words: string): string {
  return words.replace(/(^|\s)([a-z])/g, (_, s: string, c: string) => s + c.toUpperCase());
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * Builds the catalog in memory from a budget. Ids are unique across every kind (which also keeps them
 * unique within each), and folder names are unique within their parent, case-insensitively.
 */
export class ModelBuilder {
  private readonly ids = new Set<string>();
  private readonly dirs = new Set<string>();
  private readonly names = new Set<string>();

  constructor(
    private readonly r: Random,
    private readonly budget: Budget,
  ) {}

  build(): CatalogModel {
    const { teams, users } = this.people();
    const domains = this.domains(teams);
    const systems = this.systems(domains);
    const containers = this.containers(systems);
    const services = this.services(domains, systems);
    const channels = this.channels(domains);
    this.assignStores(services, containers);
    this.assignChannels(services, channels);
    const messages = this.messages(services);
    this.wire(services, messages);
    this.routeChannels(channels);
    const flows = this.flows(domains, messages);
    const docs = this.docs(teams, domains, services, messages, flows);
    return { teams, users, domains, systems, services, messages, channels, containers, flows, docs };
  }

  /** A name (and its id) not used yet: `candidate(attempt)` is asked a few times, then a number is added. */
  private claim(candidate: (attempt: number) => string, idOf: (name: string) => string = kebab): string {
    for (let attempt = 0; attempt < 12; attempt++) {
      const name = candidate(attempt);
      const id = idOf(name);
      if (!this.ids.has(id) && !this.names.has(name)) {
        this.ids.add(id);
        this.names.add(name);
        return name;
      }
    }
    const base = candidate(12);
    for (let n = 2; ; n++) {
      const name = `${base} ${n}`;
      const id = idOf(name);
      if (!this.ids.has(id) && !this.names.has(name)) {
        this.ids.add(id);
        this.names.add(name);
        return name;
      }
    }
  }

  private folder(parent: string, name: string): string {
    let dir = `${parent}/${name}`;
    for (let n = 2; this.dirs.has(dir.toLowerCase()); n++) dir = `${parent}/${name}${n}`;
    this.dirs.add(dir.toLowerCase());
    return dir;
  }

  private owners(team: Team): string[] {
    const member = team.members.length > 0 && this.r.chance(0.25) ? this.r.pick(team.members) : undefined;
    return member ? [team.id, member.id] : [team.id];
  }

  /** The team of a parent most of the time, another team sometimes. */
  private teamNear(team: Team, teams: readonly Team[]): Team {
    return this.r.chance(0.85) ? team : this.r.pick(teams);
  }

  private people(): { teams: Team[]; users: User[] } {
    const teams: Team[] = [];
    for (let i = 0; i < this.budget.team; i++) {
      const name = this.claim((a) => {
        const word = this.r.pick(domainWords);
        return a < 3
          ? `${word} ${this.r.pick(teamWords)}`
          : `${this.r.pick(qualifiers)} ${word} ${this.r.pick(teamWords)}`;
      });
      teams.push({ id: kebab(name), name, members: [] });
    }
    const users: User[] = [];
    for (let i = 0; i < this.budget.user; i++) {
      const name = this.claim(() => `${this.r.pick(firstNames)} ${this.r.pick(lastNames)}`);
      const team = teams[i % teams.length] as Team;
      const user: User = { id: kebab(name), name, role: this.r.pick(roles), teams: [team] };
      team.members.push(user);
      if (teams.length > 1 && this.r.chance(0.1)) {
        const other = this.r.pick(teams);
        if (other !== team) {
          user.teams.push(other);
          other.members.push(user);
        }
      }
      users.push(user);
    }
    return { teams, users };
  }

  private domains(teams: readonly Team[]): Domain[] {
    const top = this.budget.domain - this.budget.subdomain;
    const domains: Domain[] = [];
    for (let i = 0; i < this.budget.domain; i++) {
      const parent = i < top ? undefined : (domains[(i - top) % top] as Domain);
      const name = this.claim((a) => {
        const word = this.r.pick(domainWords);
        return a < 4 ? word : `${this.r.pick(qualifiers)} ${word}`;
      });
      const team = parent ? this.teamNear(parent.team, teams) : (teams[i % teams.length] as Team);
      const domain: Domain = {
        id: kebab(name),
        name,
        dir: parent
          ? this.folder(`${parent.dir}/subdomains`, pascal(name))
          : this.folder('domains', pascal(name)),
        version: this.r.chance(0.8) ? '1.0.0' : '2.0.0',
        team,
        owners: this.owners(team),
        subdomains: [],
        systems: [],
        services: [],
        flows: [],
      };
      if (parent) {
        domain.parent = parent;
        parent.subdomains.push(domain);
      }
      domains.push(domain);
    }
    return domains;
  }

  private systems(domains: readonly Domain[]): System[] {
    const top = domains.filter((d) => !d.parent);
    const teams = [...new Set(domains.map((d) => d.team))];
    const systems: System[] = [];
    for (let i = 0; i < this.budget.system; i++) {
      const domain = top[i % top.length] as Domain;
      const name = this.claim((a) =>
        a < 3 ? `${this.r.pick(systemWords)} System` : `${domain.name} ${this.r.pick(systemWords)} System`,
      );
      const team = this.teamNear(domain.team, teams);
      const system: System = {
        id: kebab(name),
        name,
        dir: this.folder(`${domain.dir}/systems`, kebab(name)),
        version: '1.0.0',
        team,
        owners: this.owners(team),
        domain,
        services: [],
        containers: [],
        relationships: [],
        external: this.r.chance(0.08),
      };
      domain.systems.push(system);
      systems.push(system);
    }
    for (const s of systems) {
      if (systems.length < 2 || !this.r.chance(0.4)) continue;
      const other = this.r.pick(systems);
      if (other !== s)
        s.relationships.push({
          system: other,
          label: this.r.pick(['depends on', 'is notified by', 'reads reference data from', 'sends work to']),
        });
    }
    return systems;
  }

  private containers(systems: readonly System[]): Container[] {
    const containers: Container[] = [];
    for (let i = 0; i < this.budget.container; i++) {
      const system = systems[i % systems.length] as System;
      const kind = this.r.pick(containerKinds);
      const stem = system.name.replace(/ System$/, '');
      const name = this.claim(
        (a) => (a === 0 ? `${stem} ${kind.word}` : `${stem} ${this.r.pick(entities)} ${kind.word}`),
        (n) => kebab(n),
      );
      const team = system.team;
      const container: Container = {
        id: kebab(name),
        name: title(name),
        dir: this.folder(`${system.dir}/containers`, kebab(name)),
        version: '1.0.0',
        team,
        owners: [team.id],
        type: kind.type,
        technology: this.r.pick(kind.technologies),
        system,
        writers: [],
        readers: [],
      };
      system.containers.push(container);
      containers.push(container);
    }
    return containers;
  }

  private services(domains: readonly Domain[], systems: readonly System[]): Service[] {
    const homes: (System | Domain)[] = [...systems, ...domains.filter((d) => d.parent)];
    const teams = [...new Set(domains.map((d) => d.team))];
    const services: Service[] = [];
    for (let i = 0; i < this.budget.service; i++) {
      const home = homes[i % homes.length] as System | Domain;
      const isSystem = 'containers' in home;
      const domain = isSystem ? home.domain : home;
      const top = domain.parent ?? domain;
      let entity = this.r.pick(entities);
      const name = this.claim((a) => {
        if (a > 0) entity = this.r.pick(entities);
        const word = this.r.pick(serviceWords);
        return a < 6 ? `${title(entity)} ${word}` : `${domain.name} ${title(entity)} ${word}`;
      });
      const team = this.teamNear(home.team, teams);
      const service: Service = {
        id: kebab(name),
        name,
        dir: this.folder(`${home.dir}/services`, pascal(name)),
        version: this.r.pick(['1.0.0', '1.0.0', '1.2.0', '2.0.0', '3.1.0']),
        team,
        owners: this.owners(team),
        entity,
        domain,
        top,
        messages: [],
        sends: [],
        receives: [],
        writesTo: [],
        readsFrom: [],
        openapi: this.r.chance(0.25),
        language: this.r.pick(languages),
        tier: this.r.pick(tiers),
      };
      if (isSystem) service.system = home;
      home.services.push(service);
      services.push(service);
    }
    return services;
  }

  private channels(domains: readonly Domain[]): Channel[] {
    const top = domains.filter((d) => !d.parent);
    const channels: Channel[] = [];
    for (let i = 0; i < this.budget.channel; i++) {
      const domain = top[i % top.length] as Domain;
      const purpose = this.r.chance(0.6) ? 'events' : 'commands';
      const protocol =
        purpose === 'events' ? (this.r.chance(0.85) ? 'kafka' : 'amqp') : this.r.chance(0.5) ? 'sqs' : 'amqp';
      const slug = kebab(domain.name);
      const id = this.claim(
        (a) =>
          a === 0 ? `${slug}.${purpose}` : `${slug}.${kebab(plural(this.r.pick(entities)))}.${purpose}`,
        (n) => n,
      );
      const parameterised = protocol === 'kafka';
      const address =
        protocol === 'kafka'
          ? `acme.{env}.${id}`
          : protocol === 'sqs'
            ? `https://sqs.eu-west-1.amazonaws.com/123456789012/${id.replace(/\./g, '-')}`
            : id;
      const team = domain.team;
      channels.push({
        id,
        name: `${title(id.split('.').slice(0, -1).join(' ').replace(/-/g, ' '))} ${title(purpose)}`,
        dir: this.folder('channels', id),
        version: this.r.chance(0.85) ? '1.0.0' : '2.0.0',
        team,
        owners: [team.id],
        protocol,
        purpose,
        address,
        parameterised,
        routes: [],
        domain,
        carries: [],
      });
    }
    return channels;
  }

  private assignStores(services: readonly Service[], containers: readonly Container[]): void {
    if (containers.length === 0) return;
    for (const s of services) {
      const own = s.system?.containers ?? [];
      const write =
        own.length > 0 && this.r.chance(0.8)
          ? this.r.pick(own)
          : this.r.chance(0.4)
            ? this.r.pick(containers)
            : undefined;
      if (write) {
        s.writesTo.push(write);
        write.writers.push(s);
      }
      if (this.r.chance(0.3)) {
        const read = this.r.pick(containers);
        if (read !== write) {
          s.readsFrom.push(read);
          read.readers.push(s);
        }
      }
    }
  }

  private assignChannels(services: readonly Service[], channels: readonly Channel[]): void {
    const pick = (s: Service, purpose: Channel['purpose']) => {
      const near = channels.filter((c) => c.purpose === purpose && c.domain === s.top);
      const all = near.length > 0 ? near : channels.filter((c) => c.purpose === purpose);
      return all.length > 0 ? this.r.pick(all) : undefined;
    };
    for (const s of services) {
      const events = pick(s, 'events');
      const commands = pick(s, 'commands');
      if (events) s.eventsChannel = events;
      if (commands) s.commandsChannel = commands;
    }
  }

  private messages(services: readonly Service[]): Message[] {
    // Every service gets at least one message; the rest go to services in proportion to a random weight.
    const weights = services.map(() => 0.3 + this.r.float() * 1.7);
    const cumulative: number[] = [];
    let total = 0;
    for (const w of weights) {
      total += w;
      cumulative.push(total);
    }
    const owners: Service[] = [];
    for (let i = 0; i < this.budget.message; i++) {
      if (i < services.length) {
        owners.push(services[i] as Service);
        continue;
      }
      const x = this.r.float() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      owners.push(services[lo] as Service);
    }
    const messages: Message[] = [];
    for (const service of owners) {
      const kind: MessageKind =
        (['event', 'command', 'query'] as const)[this.r.weighted([0.6, 0.3, 0.1])] ?? 'event';
      let entity = service.entity;
      const name = this.claim((a) => {
        entity = this.r.chance(0.7) ? service.entity : this.r.pick(entities);
        const prefix = a < 3 ? '' : `${this.r.pick(qualifiers)} `;
        const e = title(entity);
        if (kind === 'event') return `${prefix}${e} ${this.r.pick(eventVerbs)}`;
        if (kind === 'command') return `${prefix}${this.r.pick(commandVerbs)} ${e}`;
        return prefix + this.r.pick(queryTemplates).replace('{E}', e);
      });
      let version = this.r.pick(versions);
      const versioned = this.r.chance(0.12);
      if (versioned && version === '1.0.0') version = '1.1.0';
      const collection = kind === 'event' ? 'events' : kind === 'command' ? 'commands' : 'queries';
      const idField = `${entity.replace(/ (\w)/g, (_, c: string) => c.toUpperCase())}Id`;
      const fields = [
        idField,
        kind === 'event' ? 'occurredAt' : 'requestedAt',
        ...this.r.sample(fieldNames, this.r.int(3, 9)),
      ];
      const format: SchemaFormat =
        (['json', 'avro', 'protobuf'] as const)[this.r.weighted([0.6, 0.25, 0.15])] ?? 'json';
      const message: Message = {
        kind,
        id: kebab(name),
        name,
        dir: this.folder(`${service.dir}/${collection}`, pascal(name)),
        version,
        team: service.team,
        owners: [...service.owners],
        entity,
        service,
        fields,
        format,
        examples: [0, 1, 2][this.r.weighted([0.5, 0.35, 0.15])] ?? 0,
        producers: [],
        consumers: [],
      };
      const older = olderOf[version];
      if (versioned && older) {
        message.older = this.olderVersion(older, fields);
        const earlier = olderOf[older];
        if (earlier && this.r.chance(0.4)) message.earlier = this.olderVersion(earlier, message.older.fields);
      }
      service.messages.push(message);
      messages.push(message);
    }
    return messages;
  }

  /** An older version with a few fields fewer than `fields`, deprecated on a day of 2025. */
  private olderVersion(version: string, fields: readonly string[]): OlderVersion {
    const month = String(this.r.int(1, 12)).padStart(2, '0');
    const day = String(this.r.int(1, 28)).padStart(2, '0');
    return {
      version,
      fields: fields.slice(0, Math.max(2, fields.length - this.r.int(1, 3))),
      deprecatedOn: `2025-${month}-${day}`,
    };
  }

  /** A version for a pointer to `m`: none, exact, a range, `latest`, an x-pattern, or the older version. */
  private pointerVersion(m: {
    version: string;
    older?: { version: string } | undefined;
  }): string | undefined {
    const [major = '1', minor = '0'] = m.version.split('.');
    const x = this.r.float();
    if (x < 0.35) return undefined;
    if (x < 0.65) return m.version;
    if (x < 0.72) return major === '0' ? `^0.${minor}.0` : `^${major}.0.0`;
    if (x < 0.78) return `~${major}.${minor}`;
    if (x < 0.85) return 'latest';
    if (x < 0.93) return `${major}.x`;
    return m.older?.version ?? m.version;
  }

  /** Another service, from the same top-level domain half the time. */
  private otherService(
    s: Service,
    services: readonly Service[],
    exclude: ReadonlySet<Service>,
  ): Service | undefined {
    const near = s.top.systems
      .flatMap((sys) => sys.services)
      .concat(s.top.subdomains.flatMap((d) => d.services));
    for (let attempt = 0; attempt < 6; attempt++) {
      const pool = near.length > 1 && this.r.chance(0.5) ? near : services;
      const other = this.r.pick(pool);
      if (other !== s && !exclude.has(other)) return other;
    }
    return undefined;
  }

  /** Who sends and receives what, through which channels, with which triggers. */
  private wire(services: readonly Service[], messages: readonly Message[]): void {
    const fieldsOf = (m: Message) =>
      this.r.chance(0.2) ? this.r.sample(m.fields, this.r.int(2, 3)) : undefined;
    for (const m of messages) {
      const s = m.service;
      const taken = new Set<Service>([s]);
      if (m.kind === 'event') {
        const send: Send = { message: m };
        const v = this.pointerVersion(m);
        if (v !== undefined) send.version = v;
        if (s.eventsChannel && this.r.chance(0.65)) send.to = { channel: s.eventsChannel };
        s.sends.push(send);
        m.producers.push(s);
        if (send.to) send.to.channel.carries.push(m);
        const consumers = [0, 1, 2, 3][this.r.weighted([0.15, 0.4, 0.3, 0.15])] ?? 1;
        for (let i = 0; i < consumers; i++) {
          const c = this.otherService(s, services, taken);
          if (!c) break;
          taken.add(c);
          const receive: Receive = { message: m };
          const cv = this.pointerVersion(m);
          if (cv !== undefined) receive.version = cv;
          if (send.to && this.r.chance(0.7)) receive.from = { channel: send.to.channel };
          const f = fieldsOf(m);
          if (f) receive.fields = f;
          c.receives.push(receive);
          m.consumers.push(c);
        }
      } else {
        const receive: Receive = { message: m };
        const v = this.pointerVersion(m);
        if (v !== undefined) receive.version = v;
        const channel =
          m.kind === 'command' && s.commandsChannel && this.r.chance(0.6) ? s.commandsChannel : undefined;
        if (channel) {
          receive.from = channel.protocol === 'sqs' ? { channel, deliveryMode: 'pull' } : { channel };
          channel.carries.push(m);
        }
        const events = s.messages.filter((e) => e.kind === 'event');
        if (m.kind === 'command' && events.length > 0 && this.r.chance(0.5)) {
          const e = this.r.pick(events);
          const condition = this.r.pick(conditions).replace('{E}', e.entity);
          receive.triggers = [{ message: e, condition }];
        }
        s.receives.push(receive);
        m.consumers.push(s);
        const senders = m.kind === 'command' ? this.r.int(1, 2) : this.r.int(0, 2);
        for (let i = 0; i < senders; i++) {
          const p = this.otherService(s, services, taken);
          if (!p) break;
          taken.add(p);
          const send: Send = { message: m };
          const pv = this.pointerVersion(m);
          if (pv !== undefined) send.version = pv;
          if (channel) send.to = { channel };
          p.sends.push(send);
          m.producers.push(p);
        }
      }
    }
  }

  private routeChannels(channels: readonly Channel[]): void {
    for (const c of channels) {
      if (channels.length < 2 || !this.r.chance(0.05)) continue;
      const target = this.r.pick(channels);
      if (target !== c) c.routes.push(target);
    }
  }

  private flows(domains: readonly Domain[], messages: readonly Message[]): Flow[] {
    const top = domains.filter((d) => !d.parent);
    const flows: Flow[] = [];
    const commands = messages.filter((m) => m.kind === 'command');
    for (let i = 0; i < this.budget.flow; i++) {
      const domain = top[i % top.length] as Domain;
      const local = domain.systems
        .flatMap((s) => s.services)
        .concat(domain.subdomains.flatMap((d) => d.services))
        .flatMap((s) => s.messages)
        .filter((m) => m.kind === 'command');
      const pool = local.length > 0 ? local : commands.length > 0 ? commands : messages;
      const start = this.r.pick(pool);
      const name = this.claim((a) => {
        const verb = this.r.pick(['Handle', 'Process', 'Complete', 'Fulfil', 'Resolve', 'Approve']);
        return a < 4 ? `${verb} ${title(start.entity)}` : `${verb} ${domain.name} ${title(start.entity)}`;
      });
      const flow: Flow = {
        id: kebab(name),
        name,
        dir: this.folder(`${domain.dir}/flows`, pascal(name)),
        version: this.r.chance(0.8) ? '1.0.0' : '1.1.0',
        team: domain.team,
        owners: [...domain.owners],
        domain,
        steps: [],
      };
      flow.steps = this.flowSteps(start, flows);
      domain.flows.push(flow);
      flows.push(flow);
    }
    return flows;
  }

  /** A journey through the graph: an actor, the first message, its handler, the events that follow, outcomes. */
  private flowSteps(start: Message, earlier: readonly Flow[]): FlowStep[] {
    const steps: FlowStep[] = [];
    const used = new Set<string>();
    const stepId = (base: string) => {
      let id = base.replace(/[^a-z0-9]+/g, '_');
      for (let n = 2; used.has(id); n++) id = `${base.replace(/[^a-z0-9]+/g, '_')}_${n}`;
      used.add(id);
      return id;
    };
    const add = (step: Omit<FlowStep, 'next'>): FlowStep => {
      const full = { ...step, next: [] as FlowStep['next'] };
      steps.push(full);
      return full;
    };
    const link = (from: FlowStep, to: FlowStep, label: string) => from.next.push({ id: to.id, label });

    const actor = add({
      id: stepId('customer'),
      title: `Customer asks to ${start.name.toLowerCase()}`,
      target: { kind: 'actor', name: 'Customer', summary: `Starts the journey from the web or mobile app.` },
    });
    let previous = actor;
    let message = start;
    let label = 'Submits request';
    const seen = new Set<Message>();
    for (let hop = 0; hop < this.r.int(2, 4) && !seen.has(message); hop++) {
      seen.add(message);
      const mStep = add({
        id: stepId(message.id),
        title: message.name,
        target: { kind: 'message', message },
      });
      link(previous, mStep, label);
      const handler = message.kind === 'event' ? message.consumers[0] : message.service;
      if (!handler) {
        previous = mStep;
        break;
      }
      const sStep = add({
        id: stepId(handler.id),
        title: handler.name,
        target: { kind: 'service', service: handler },
      });
      link(mStep, sStep, message.kind === 'event' ? 'Consumed' : 'Handled by');
      previous = sStep;
      const store = handler.writesTo[0];
      if (store && this.r.chance(0.3)) {
        const cStep = add({
          id: stepId(store.id),
          title: `Stored in ${store.name}`,
          target: { kind: 'container', container: store },
        });
        link(previous, cStep, 'Persists state');
        previous = cStep;
      }
      const next = handler.sends.map((s) => s.message).find((m) => m.kind === 'event' && !seen.has(m));
      if (!next) break;
      // The first handler always branches (next_steps); later ones sometimes.
      if (hop === 0 || this.r.chance(0.3)) {
        const failed = add({
          id: stepId(`${handler.id}_rejected`),
          title: `${title(message.entity)} rejected`,
          target: {
            kind: 'outcome',
            title: `${title(message.entity)} rejected`,
            summary: `${handler.name} refused the request; the customer is told why and nothing else happens.`,
            color: 'red',
            icon: 'XCircleIcon',
          },
        });
        link(previous, failed, 'Validation failed');
      }
      message = next;
      label = 'Publishes';
    }
    const sub = earlier.length > 0 && this.r.chance(0.25) ? this.r.pick(earlier) : undefined;
    if (sub) {
      const subStep = add({ id: stepId(sub.id), title: sub.name, target: { kind: 'flow', flow: sub } });
      link(previous, subStep, 'Continues in');
      previous = subStep;
    }
    const done = add({
      id: stepId('done'),
      title: 'Journey complete',
      target: {
        kind: 'outcome',
        title: 'Journey complete',
        summary: 'Every system has recorded the outcome and the customer has been notified.',
        color: 'green',
        icon: 'CheckCircleIcon',
      },
    });
    link(previous, done, 'All done');
    return steps;
  }

  private docs(
    teams: readonly Team[],
    domains: readonly Domain[],
    services: readonly Service[],
    messages: readonly Message[],
    flows: readonly Flow[],
  ): Doc[] {
    const docs: Doc[] = [];
    const perGroup = new Map<string, number>();
    const titles = new Set<string>();
    const width = Math.max(2, String(Math.ceil(this.budget.doc / docGroups.length)).length);
    for (let i = 0; i < this.budget.doc; i++) {
      const group = docGroups[i % docGroups.length] as string;
      const order = (perGroup.get(group) ?? 0) + 1;
      perGroup.set(group, order);
      // A few tries for a title no other doc has; a repeat is fine when the catalog runs out of topics.
      let topic = this.docTopic(group, domains, services, messages, flows);
      let { title: t, summary } = this.docTitle(group, topic);
      for (let attempt = 0; attempt < 5 && titles.has(t); attempt++) {
        topic = this.docTopic(group, domains, services, messages, flows);
        ({ title: t, summary } = this.docTitle(group, topic));
      }
      titles.add(t);
      const team =
        topic.kind === 'service'
          ? topic.service.team
          : topic.kind === 'domain'
            ? topic.domain.team
            : topic.kind === 'message'
              ? topic.message.team
              : topic.kind === 'flow'
                ? topic.flow.team
                : this.r.pick(teams);
      const slug = kebab(t).slice(0, 60).replace(/-+$/, '');
      docs.push({
        id: `${group}/${String(order).padStart(width, '0')}-${slug}`,
        title: t,
        summary,
        group,
        order,
        team,
        owners: this.owners(team),
        topic,
      });
    }
    return docs;
  }

  private docTopic(
    group: string,
    domains: readonly Domain[],
    services: readonly Service[],
    messages: readonly Message[],
    flows: readonly Flow[],
  ): DocTopic {
    if (group === 'runbooks') return { kind: 'service', service: this.r.pick(services) };
    if (group === 'onboarding' || group === 'architecture')
      return { kind: 'domain', domain: this.r.pick(domains) };
    if (group === 'guides') {
      return this.r.chance(0.5) || flows.length === 0
        ? { kind: 'message', message: this.r.pick(messages) }
        : { kind: 'flow', flow: this.r.pick(flows) };
    }
    return this.r.chance(0.5) ? { kind: 'general' } : { kind: 'service', service: this.r.pick(services) };
  }

  private docTitle(group: string, topic: DocTopic): { title: string; summary: string } {
    switch (topic.kind) {
      case 'service':
        return group === 'runbooks'
          ? {
              title: `Runbook: ${topic.service.name} ${this.r.pick(['is lagging', 'returns errors', 'restarts in a loop', 'fills its queue'])}`,
              summary: `What to check and what to do when ${topic.service.name} misbehaves in production.`,
            }
          : {
              title: `Operating ${topic.service.name}`,
              summary: `Deployments, scaling and alerts for ${topic.service.name}.`,
            };
      case 'domain':
        return group === 'onboarding'
          ? {
              title: `Onboarding to ${topic.domain.name}`,
              summary: `The first week in the ${topic.domain.name} domain: systems, people, rituals.`,
            }
          : {
              title: `${topic.domain.name} architecture overview`,
              summary: `How the systems of ${topic.domain.name} fit together, and why.`,
            };
      case 'message':
        return {
          title: `How to consume ${topic.message.name}`,
          summary: `Subscribing to ${topic.message.name}, handling duplicates and reading its schema.`,
        };
      case 'flow':
        return {
          title: `Walkthrough: ${topic.flow.name}`,
          summary: `The ${topic.flow.name} flow, step by step, with what can go wrong.`,
        };
      default: {
        const t = this.r.pick([
          'Messaging conventions',
          'Naming events and commands',
          'Versioning message schemas',
          'Idempotent consumers',
          'Dead-letter queues and replays',
          'Choosing a channel',
          'Ownership and on-call',
          'Documenting a new service',
        ]);
        return { title: t, summary: `Platform guidance: ${t.toLowerCase()}.` };
      }
    }
  }
}
