import type { MessageKind } from '@switchyard/model';
import { kebab, titleCase } from '../scaffold/names.js';
import type { ReadSpec } from './read-spec.js';
import {
  declaredKind,
  firstParagraph,
  type ImportedChannel,
  type ImportedMessage,
  type ImportedService,
  type ImportOptions,
  isObject,
  type Json,
  stringOr,
} from './spec-model.js';

interface Use {
  message: Json;
  /** Key of the message where it was found (components or channel), used when it has no `name`. */
  key: string;
  direction?: 'sends' | 'receives';
  channel?: string;
}

/**
 * An AsyncAPI 2.x or 3.x document → a service, one message per AsyncAPI message, one channel per channel.
 * 3.x: `send` operations are sends, `receive` ones receives. 2.x: `subscribe` (others subscribe to what the
 * application publishes) is a send, `publish` a receive.
 */
export function fromAsyncApi(spec: ReadSpec, options: ImportOptions): ImportedService {
  const doc = spec.document;
  const major = typeof doc.asyncapi === 'string' ? doc.asyncapi.split('.')[0] : undefined;
  if (major !== '2' && major !== '3') {
    throw new Error(`Only AsyncAPI 2.x and 3.x are imported; this document says "${String(doc.asyncapi)}".`);
  }
  const info = isObject(doc.info) ? doc.info : {};
  const title = stringOr(info.title) ?? 'Service';
  const description = stringOr(info.description);
  const channelsIn = isObject(doc.channels) ? doc.channels : {};
  const channelIds = new Map<unknown, string>();
  const channels: ImportedChannel[] = [];
  for (const [key, channel] of Object.entries(channelsIn)) {
    if (!isObject(channel)) continue;
    const imported = readChannel(key, channel, major, doc);
    channelIds.set(channel, imported.id);
    channels.push(imported);
  }

  const keys = messageKeys(doc, channelsIn);
  const uses = major === '3' ? uses3(doc, channelIds, keys) : uses2(channelsIn, channelIds, keys);
  const messages = new Map<string, ImportedMessage>();
  for (const use of uses) {
    const message = readMessage(use, major);
    if (!messages.has(message.id)) messages.set(message.id, message);
  }
  // Messages declared but used by no operation still belong to the spec.
  for (const [message, key] of keys) {
    const imported = readMessage({ message, key }, major);
    if (!messages.has(imported.id)) messages.set(imported.id, imported);
  }
  const summary = firstParagraph(description);
  return {
    id: options.serviceId ?? kebab(title),
    name: title,
    version: stringOr(info.version) ?? '1.0.0',
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    spec: { type: 'asyncapi', fileName: `asyncapi${spec.extension}`, text: spec.text },
    messages: [...messages.values()],
    channels,
  };
}

/** Every message object to the key it is declared under (components first, then channels). */
function messageKeys(doc: Json, channels: Json): Map<Json, string> {
  const keys = new Map<Json, string>();
  const components =
    isObject(doc.components) && isObject(doc.components.messages) ? doc.components.messages : {};
  for (const [key, m] of Object.entries(components)) if (isObject(m)) keys.set(m, key);
  for (const channel of Object.values(channels)) {
    if (!isObject(channel) || !isObject(channel.messages)) continue;
    for (const [key, m] of Object.entries(channel.messages))
      if (isObject(m) && !keys.has(m)) keys.set(m, key);
  }
  return keys;
}

function uses3(doc: Json, channelIds: Map<unknown, string>, keys: Map<Json, string>): Use[] {
  const uses: Use[] = [];
  const operations = isObject(doc.operations) ? doc.operations : {};
  for (const [opKey, op] of Object.entries(operations)) {
    if (!isObject(op)) continue;
    const direction = op.action === 'send' ? 'sends' : 'receives';
    const channel = channelIds.get(op.channel);
    let list = Array.isArray(op.messages) ? op.messages.filter(isObject) : [];
    if (list.length === 0 && isObject(op.channel) && isObject(op.channel.messages)) {
      list = Object.values(op.channel.messages).filter(isObject);
    }
    for (const message of list) {
      uses.push({ message, key: keys.get(message) ?? opKey, direction, ...(channel ? { channel } : {}) });
    }
  }
  return uses;
}

function uses2(channels: Json, channelIds: Map<unknown, string>, keys: Map<Json, string>): Use[] {
  const uses: Use[] = [];
  for (const [key, channel] of Object.entries(channels)) {
    if (!isObject(channel)) continue;
    const id = channelIds.get(channel);
    for (const [verb, direction] of [
      ['subscribe', 'sends'],
      ['publish', 'receives'],
    ] as const) {
      const op = channel[verb];
      if (!isObject(op) || !isObject(op.message)) continue;
      const list = Array.isArray(op.message.oneOf) ? op.message.oneOf.filter(isObject) : [op.message];
      for (const message of list) {
        const fallback = stringOr(op.operationId) ?? `${key} ${verb}`;
        uses.push({ message, key: keys.get(message) ?? fallback, direction, ...(id ? { channel: id } : {}) });
      }
    }
  }
  return uses;
}

function readMessage(use: Use, major: string): ImportedMessage {
  const { message, key, direction } = use;
  const id = kebab(stringOr(message.name) ?? stringOr(message.messageId) ?? key);
  const kind: MessageKind = declaredKind(message) ?? (direction === 'receives' ? 'command' : 'event');
  const description = stringOr(message.description);
  const summary = stringOr(message.summary) ?? firstParagraph(description);
  const schema = payloadFile(message, major);
  return {
    kind,
    id,
    name: stringOr(message.title) ?? titleCase(stringOr(message.name) ?? key),
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    ...(direction ? { direction } : {}),
    ...(use.channel ? { channel: use.channel } : {}),
    ...(schema ? { schema } : {}),
  };
}

/** The payload as a file: `schema.avsc` for Avro, `schema.json` for JSON Schema. */
function payloadFile(message: Json, major: string): { file: string; content: string } | undefined {
  let payload: unknown = message.payload;
  let format = stringOr(message.schemaFormat);
  if (major === '3' && isObject(payload) && 'schemaFormat' in payload && 'schema' in payload) {
    format = stringOr(payload.schemaFormat);
    payload = payload.schema;
  }
  if (payload === undefined) return undefined;
  const file = format && /avro/i.test(format) ? 'schema.avsc' : 'schema.json';
  return { file, content: `${JSON.stringify(payload, null, 2)}\n` };
}

function readChannel(key: string, channel: Json, major: string, doc: Json): ImportedChannel {
  const address = major === '3' ? (typeof channel.address === 'string' ? channel.address : undefined) : key;
  const description = stringOr(channel.description);
  const summary = firstParagraph(description);
  const parameters: NonNullable<ImportedChannel['parameters']> = {};
  if (isObject(channel.parameters)) {
    for (const [name, p] of Object.entries(channel.parameters)) {
      if (!isObject(p)) continue;
      const source = major === '3' ? p : isObject(p.schema) ? { ...p.schema, description: p.description } : p;
      const values = Array.isArray(source.enum) ? source.enum.map(String) : undefined;
      const fallback = source.default !== undefined ? String(source.default) : undefined;
      const text = stringOr(source.description);
      parameters[name] = {
        ...(values ? { enum: values } : {}),
        ...(fallback !== undefined ? { default: fallback } : {}),
        ...(text ? { description: text } : {}),
      };
    }
  }
  return {
    id: kebab(major === '3' ? key : (stringOr(channel['x-channel-id']) ?? key)),
    name: stringOr(channel.title) ?? titleCase(key),
    ...(summary ? { summary } : {}),
    ...(address ? { address } : {}),
    protocols: protocolsOf(channel, doc),
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
  };
}

/** Protocols of the servers a channel names (3.x `servers` refs, 2.x server names), else of every server. */
function protocolsOf(channel: Json, doc: Json): string[] {
  const servers = isObject(doc.servers) ? doc.servers : {};
  const named = Array.isArray(channel.servers)
    ? channel.servers.map((s) => (typeof s === 'string' ? servers[s] : s))
    : Object.values(servers);
  const protocols = named
    .filter(isObject)
    .map((s) => stringOr(s.protocol))
    .filter((p) => p !== undefined);
  return [...new Set(protocols)];
}
