import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DiagramInput } from '@switchyard/site';
import { Random } from './random.js';

/**
 * The shape of a real architecture map, at any size: services in systems of about 15, systems in domains
 * of about 5; each message has one producer and one or two consumers, mostly in its producer's system.
 */
export interface MapShape {
  services: number;
  messages: number;
  systems: number;
  domains: number;
}

export function shapeFor(nodes: number, domains?: number): MapShape {
  const services = Math.max(3, Math.round(nodes * 0.2));
  const systems = Math.max(1, Math.round(services / 15));
  return {
    services,
    messages: nodes - services,
    systems,
    domains: domains ?? Math.max(1, Math.round(systems / 5)),
  };
}

/** Who sends and who receives each message, by index: deterministic for a seed. */
export function wiring(shape: MapShape, seed = 1): { producer: number; consumers: number[] }[] {
  const random = new Random(seed);
  const pick = (n: number) => Math.floor(random.float() * n);
  return Array.from({ length: shape.messages }, (_, m) => {
    const producer = m % shape.services;
    const system = producer % shape.systems;
    const consumers = new Set<number>();
    const count = 1 + pick(2);
    for (let c = 0; c < count; c++) {
      // Three in four consumers are in the producer's system.
      const local = random.float() < 0.75;
      const candidate = local
        ? system + shape.systems * pick(Math.max(1, Math.floor(shape.services / shape.systems)))
        : pick(shape.services);
      if (candidate !== producer && candidate < shape.services) consumers.add(candidate);
    }
    return { producer, consumers: [...consumers] };
  });
}

/** A synthetic map as the visualiser builds one: nodes inside their system, systems inside their domain. */
export function syntheticMap(nodes: number, seed = 1): DiagramInput {
  const shape = shapeFor(nodes);
  const input: DiagramInput = { nodes: [], edges: [], groups: [] };
  for (let d = 0; d < shape.domains; d++)
    input.groups?.push({ id: `d${d}`, kind: 'domain', label: `Domain ${d}` });
  for (let s = 0; s < shape.systems; s++) {
    input.groups?.push({
      id: `s${s}`,
      kind: 'system',
      label: `System ${s}`,
      parent: `d${s % shape.domains}`,
    });
  }
  for (let i = 0; i < shape.services; i++) {
    input.nodes.push({
      id: `service:${i}`,
      kind: 'service',
      label: `Service ${i} handler`,
      sublabel: 'Service · v1.0.0',
      group: `s${i % shape.systems}`,
    });
  }
  wiring(shape, seed).forEach(({ producer, consumers }, m) => {
    const id = `message:${m}`;
    input.nodes.push({
      id,
      kind: m % 4 === 0 ? 'command' : 'event',
      label: `Something happened ${m}`,
      sublabel: 'Event · v1.0.0',
      group: `s${producer % shape.systems}`,
    });
    input.edges.push({ from: `service:${producer}`, to: id });
    for (const c of consumers) input.edges.push({ from: id, to: `service:${c}` });
  });
  return input;
}

/**
 * Writes a catalog (EventCatalog's folder layout) whose one domain holds `nodes` services and messages, in
 * systems of about 15 services: the "3,800-node domain" of the visualiser's goal.
 */
export function writeBigDomainCatalog(dir: string, nodes: number, seed = 1): void {
  const shape = shapeFor(nodes, 1);
  const links = wiring(shape, seed);
  const receives = new Map<number, number[]>();
  links.forEach(({ consumers }, m) => {
    for (const c of consumers) receives.set(c, [...(receives.get(c) ?? []), m]);
  });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const list = (key: string, ids: string[]) =>
    ids.length ? `${key}:\n${ids.map((id) => `  - id: ${id}\n    version: 1.0.0`).join('\n')}\n` : '';
  const front = (id: string, name: string, rest = '') =>
    `---\nid: ${id}\nname: ${name}\nversion: 1.0.0\nsummary: ${name}, generated for the visualiser benchmark.\n${rest}---\n\n${name}.\n`;
  write(
    'eventcatalog.config.js',
    "export default { title: 'Big domain', organizationName: 'Bench', base: '/', trailingSlash: false };\n",
  );
  const systems = Array.from({ length: shape.systems }, (_, s) => `system-${s}`);
  write('domains/Big/index.mdx', front('big', 'Big domain', list('systems', systems)));
  for (let s = 0; s < shape.systems; s++) {
    const services: string[] = [];
    for (let i = s; i < shape.services; i += shape.systems) services.push(`service-${i}`);
    write(
      `domains/Big/systems/s${s}/index.mdx`,
      front(`system-${s}`, `System ${s}`, list('services', services)),
    );
  }
  const sends = new Map<number, number[]>();
  links.forEach(({ producer }, m) => {
    sends.set(producer, [...(sends.get(producer) ?? []), m]);
  });
  for (let i = 0; i < shape.services; i++) {
    const folder = `domains/Big/systems/s${i % shape.systems}/services/service-${i}`;
    const own = sends.get(i) ?? [];
    const body =
      list(
        'sends',
        own.map((m) => `message-${m}`),
      ) +
      list(
        'receives',
        (receives.get(i) ?? []).map((m) => `message-${m}`),
      );
    write(`${folder}/index.mdx`, front(`service-${i}`, `Service ${i} handler`, body));
    for (const m of own) {
      const kind = m % 4 === 0 ? 'commands' : 'events';
      write(`${folder}/${kind}/message-${m}/index.mdx`, front(`message-${m}`, `Something happened ${m}`));
    }
  }
}
