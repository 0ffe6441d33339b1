import { dirname } from 'node:path';
import {
  addMessagePointerTo,
  createRootReader,
  formatResourceText,
  type LoadedCatalog,
  parseResourceText,
} from '@switchyard/loader';
import { compareVersions, kindDef, type MessageKind, messageKinds, type Resource } from '@switchyard/model';
import { type Document, isMap, isSeq, stringify } from 'yaml';
import { kebab, pascal } from '../scaffold/names.js';
import type { ImportedChannel, ImportedMessage, ImportedService } from './spec-model.js';

/** One file operation of an import. Paths are relative to the catalog root. */
export type Change =
  | { type: 'create' | 'update'; file: string; content: string; what: string }
  /** Copy the resource's current files into `versioned/<version>/` before it is updated. */
  | { type: 'archive'; file: string; version: string; what: string };

export interface Plan {
  changes: Change[];
  /** Things the import left alone, and why. */
  notes: string[];
}

export interface PlanOptions {
  domain?: string | undefined;
  owner?: string | undefined;
}

/**
 * Works out what importing a spec changes in a catalog, without writing. The spec owns: versions (bumped,
 * never lowered), schemas, operations, channel addresses and protocols, the spec file, and the pointers
 * for its operations (added, never removed). Names, summaries and bodies are written once, on creation.
 */
export function planImport(loaded: LoadedCatalog, service: ImportedService, options: PlanOptions): Plan {
  const plan: Plan = { changes: [], notes: [] };
  const ctx = { loaded, plan, owners: options.owner ? [options.owner] : undefined, version: service.version };
  const existing = latest(loaded, 'service', service.id);
  const serviceDir = existing
    ? dirname(existing.source.file)
    : options.domain
      ? `domains/${pascal(options.domain)}/services/${pascal(service.name) || service.id}`
      : `services/${pascal(service.name) || service.id}`;

  // Spec channel id → the id it has in the catalog (an existing channel with the same address keeps its id).
  const channelIds = new Map<string, string>();
  for (const channel of service.channels) channelIds.set(channel.id, planChannel(ctx, channel));
  const pointers: { list: 'sends' | 'receives'; id: string; version: string; channel?: string }[] = [];
  for (const message of service.messages) {
    const version = planMessage(ctx, message, serviceDir);
    const channel = message.channel ? channelIds.get(message.channel) : undefined;
    if (message.direction) {
      pointers.push({ list: message.direction, id: message.id, version, ...(channel ? { channel } : {}) });
    }
  }
  const pointerOf = (p: (typeof pointers)[number]) => ({
    id: p.id,
    version: p.version,
    ...(p.channel ? { channels: [{ id: p.channel }] } : {}),
  });
  const spec = { type: service.spec.type, path: service.spec.fileName };
  const specFile = `${serviceDir}/${service.spec.fileName}`;

  if (!existing) {
    const data: Record<string, unknown> = { id: service.id, name: service.name, version: service.version };
    if (service.summary) data.summary = service.summary;
    if (ctx.owners) data.owners = ctx.owners;
    data.specifications = [spec];
    for (const list of ['sends', 'receives'] as const) {
      const mine = pointers.filter((p) => p.list === list);
      if (mine.length > 0) data[list] = mine.map((p) => toYamlPointer(pointerOf(p), list));
    }
    const body = `\n## Overview\n\n${escapeMdx(service.description ?? service.summary ?? service.name)}\n\n<NodeGraph />\n`;
    create(
      plan,
      `${serviceDir}/index.mdx`,
      formatResourceText(data, body),
      `service ${service.id} ${service.version}`,
    );
    create(plan, specFile, service.spec.text, `${service.spec.type} spec of ${service.id}`);
  } else {
    updateResource(ctx, existing, 'service', (doc, what) => {
      const specs = doc.get('specifications');
      if (isSeq(specs)) {
        if (!specs.items.some((s) => isMap(s) && s.get('path') === spec.path)) {
          specs.add(doc.createNode(spec));
          what.push(`specifications + ${spec.path}`);
        }
      } else if (!isMap(specs)) {
        doc.set('specifications', doc.createNode([spec]));
        what.push(`specifications + ${spec.path}`);
      }
      for (const p of pointers) {
        if (addMessagePointerTo(doc, p.list, pointerOf(p))) what.push(`${p.list} ${p.id}@${p.version}`);
      }
    });
    writeOwnedFile(
      plan,
      specFile,
      service.spec.text,
      `${service.spec.type} spec of ${service.id}`,
      loaded.root,
    );
  }
  if (options.domain) planDomain(ctx, options.domain, service.id);
  return plan;
}

interface Ctx {
  loaded: LoadedCatalog;
  plan: Plan;
  owners: string[] | undefined;
  version: string;
}

/** Plans a message's files; returns the version it has after the import. */
function planMessage(ctx: Ctx, message: ImportedMessage, serviceDir: string): string {
  const existing = messageKinds.map((k) => latest(ctx.loaded, k, message.id)).find((r) => r !== undefined);
  if (!existing) {
    const dir = `${serviceDir}/${kindDef(message.kind).plural}/${pascal(message.id) || message.id}`;
    const data: Record<string, unknown> = { id: message.id, name: message.name, version: ctx.version };
    if (message.summary) data.summary = message.summary;
    if (ctx.owners) data.owners = ctx.owners;
    if (message.schema) data.schemaPath = message.schema.file;
    if (message.operation) data.operation = message.operation;
    const body = `\n## Overview\n\n${escapeMdx(message.description ?? message.summary ?? message.name)}\n${
      message.schema ? `\n<SchemaViewer file="${message.schema.file}" />\n` : ''
    }`;
    create(
      ctx.plan,
      `${dir}/index.mdx`,
      formatResourceText(data, body),
      `${message.kind} ${message.id} ${ctx.version}`,
    );
    if (message.schema)
      create(ctx.plan, `${dir}/${message.schema.file}`, message.schema.content, `schema of ${message.id}`);
    return ctx.version;
  }
  if (existing.kind !== message.kind) {
    ctx.plan.notes.push(`${message.id} stays a ${existing.kind} (the spec suggests a ${message.kind}).`);
  }
  const schema = message.schema && schemaTarget(message.schema, existing);
  if (message.schema && !schema) {
    ctx.plan.notes.push(
      `${message.id} keeps its own schema file: its format differs from the spec's payload.`,
    );
  }
  const step = updateResource(ctx, existing, existing.kind as MessageKind, (doc, what) => {
    if (schema && !doc.has('schemas') && doc.get('schemaPath') !== schema.file) {
      doc.set('schemaPath', schema.file);
      what.push(`schemaPath ${schema.file}`);
    }
    if (message.operation && JSON.stringify(doc.toJS().operation) !== JSON.stringify(message.operation)) {
      doc.set('operation', doc.createNode(message.operation));
      what.push('operation');
    }
  });
  if (step !== 'older' && schema) {
    const file = `${dirname(existing.source.file)}/${schema.file}`;
    writeOwnedFile(ctx.plan, file, schema.content, `schema of ${message.id}`, ctx.loaded.root);
  }
  return step === 'older' ? existing.version : ctx.version;
}

/**
 * Where an existing message gets the spec's schema: the file it already names when that file holds the
 * same kind of schema (JSON Schema as .json or .yaml, Avro as .avsc), else a new file beside it. Undefined
 * when the message names a schema of another format (a .proto, say): that one is left alone.
 */
function schemaTarget(
  schema: { file: string; content: string },
  existing: Resource,
): { file: string; content: string } | undefined {
  const named = (existing.data as { schemaPath?: string }).schemaPath;
  if (!named) return schema;
  const family = (file: string) =>
    /\.avsc$/i.test(file) ? 'avro' : /\.(json|ya?ml)$/i.test(file) ? 'json' : 'other';
  if (family(named) !== family(schema.file)) return family(named) === 'other' ? undefined : schema;
  if (!/\.ya?ml$/i.test(named)) return { file: named, content: schema.content };
  return { file: named, content: stringify(JSON.parse(schema.content), { lineWidth: 0 }) };
}

/** Plans a channel's file; returns its id in the catalog. */
function planChannel(ctx: Ctx, channel: ImportedChannel): string {
  const sameAddress = channel.address
    ? ctx.loaded.catalog.latestByKind
        .get('channel')
        ?.find((c) => (c.data as { address?: string }).address === channel.address)
    : undefined;
  const existing = latest(ctx.loaded, 'channel', channel.id) ?? sameAddress;
  const owned: Record<string, unknown> = {};
  if (channel.address) owned.address = channel.address;
  if (channel.protocols.length > 0) owned.protocols = channel.protocols;
  if (channel.parameters) owned.parameters = channel.parameters;
  if (!existing) {
    const data: Record<string, unknown> = { id: channel.id, name: channel.name, version: ctx.version };
    if (channel.summary) data.summary = channel.summary;
    if (ctx.owners) data.owners = ctx.owners;
    Object.assign(data, owned);
    const body = `\n## Overview\n\n${escapeMdx(channel.summary ?? channel.name)}\n\n<ChannelInformation />\n`;
    create(
      ctx.plan,
      `channels/${channel.id}/index.mdx`,
      formatResourceText(data, body),
      `channel ${channel.id}`,
    );
    return channel.id;
  }
  updateResource(ctx, existing, 'channel', (doc, what) => {
    const current = doc.toJS() as Record<string, unknown>;
    for (const [key, value] of Object.entries(owned)) {
      if (JSON.stringify(current[key]) === JSON.stringify(value)) continue;
      doc.set(key, doc.createNode(value));
      what.push(key);
    }
  });
  return existing.id;
}

function planDomain(ctx: Ctx, domain: string, serviceId: string) {
  const id = kebab(domain);
  const existing = latest(ctx.loaded, 'domain', id);
  const pointer = { id: serviceId };
  if (!existing) {
    const data: Record<string, unknown> = { id, name: domain, version: '1.0.0' };
    if (ctx.owners) data.owners = ctx.owners;
    data.services = [pointer];
    const text = formatResourceText(data, `\n## Overview\n\n${escapeMdx(domain)}.\n\n<NodeGraph />\n`);
    create(ctx.plan, `domains/${pascal(domain)}/index.mdx`, text, `domain ${id}`);
    return;
  }
  editFile(ctx, existing.source.file, (doc, what) => {
    const services = doc.get('services');
    if (isSeq(services) && services.items.some((s) => isMap(s) && s.get('id') === serviceId)) return;
    if (isSeq(services)) services.add(doc.createNode(pointer));
    else doc.set('services', doc.createNode([pointer]));
    what.push(`services + ${serviceId}`);
  });
}

type Step = 'same' | 'bump' | 'older';

/** Sets the spec's version (archiving the old one) and applies `edit`; an older spec leaves it alone. */
function updateResource(
  ctx: Ctx,
  resource: Resource,
  label: string,
  edit: (doc: Document, what: string[]) => void,
): Step {
  const order = compareVersions(ctx.version, resource.version);
  const step: Step = order === 0 ? 'same' : order > 0 ? 'bump' : 'older';
  if (step === 'older') {
    ctx.plan.notes.push(
      `${label} ${resource.id} is at ${resource.version}, newer than the spec's ${ctx.version}; left unchanged.`,
    );
    return step;
  }
  if (step === 'bump') {
    ctx.plan.changes.push({
      type: 'archive',
      file: resource.source.file,
      version: resource.version,
      what: `${label} ${resource.id} ${resource.version} → versioned/${resource.version}/`,
    });
  }
  editFile(ctx, resource.source.file, (doc, what) => {
    if (step === 'bump') {
      doc.set('version', ctx.version);
      what.push(`version ${resource.version} → ${ctx.version}`);
    }
    edit(doc, what);
  });
  return step;
}

function editFile(ctx: Ctx, file: string, edit: (doc: Document, what: string[]) => void) {
  const before = createRootReader(ctx.loaded.root)(file);
  if (before === undefined) return; // Gone, or no longer a file inside the catalog: nothing to edit.
  const parsed = parseResourceText(before, file);
  const what: string[] = [];
  edit(parsed.frontmatter, what);
  const after = formatResourceText(parsed.frontmatter, parsed.body);
  if (after !== before && what.length > 0)
    ctx.plan.changes.push({ type: 'update', file, content: after, what: what.join(', ') });
}

function writeOwnedFile(plan: Plan, file: string, content: string, what: string, root: string) {
  const before = createRootReader(root)(file);
  if (before === content) return;
  plan.changes.push({ type: before === undefined ? 'create' : 'update', file, content, what });
}

function create(plan: Plan, file: string, content: string, what: string) {
  plan.changes.push({ type: 'create', file, content, what });
}

function latest(loaded: LoadedCatalog, kind: Resource['kind'], id: string): Resource | undefined {
  return loaded.catalog.versions.get(`${kind}:${id}`)?.[0];
}

function toYamlPointer(
  p: { id: string; version: string; channels?: { id: string }[] },
  list: 'sends' | 'receives',
): Record<string, unknown> {
  return {
    id: p.id,
    version: p.version,
    ...(p.channels ? { [list === 'sends' ? 'to' : 'from']: p.channels } : {}),
  };
}

/** Spec prose goes into MDX, where `{` starts an expression and `<` a component. */
export function escapeMdx(text: string): string {
  return text.replace(/[{}<>]/g, (c) => `\\${c}`).trim();
}
