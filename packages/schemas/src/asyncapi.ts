import type { Diagnostic } from '@switchyard/model';
import { z } from 'zod';
import { locate } from './files.js';
import {
  fieldOfJsonSchema,
  fieldsOfJsonSchema,
  type JsonSchemaWalk,
  typeOfSchema,
} from './json-schema-fields.js';
import { resolveRefs } from './resolve-refs.js';
import { schemaProblem } from './result.js';
import type {
  ApiChannel,
  ApiMessage,
  ApiOperation,
  ApiSpec,
  Field,
  ParsedSchema,
  ReadFile,
} from './types.js';

/*
 * The parts of AsyncAPI 2.x and 3.x read here, checked with zod. @asyncapi/parser is not used: it brings
 * 168 packages and takes ~0.4 s per document; $refs are resolved by json-schema-ref-parser instead.
 */
const text = z.string().optional();
const tags = z.array(z.looseObject({ name: z.string() })).optional();
const message = z.looseObject({
  name: text,
  messageId: text,
  title: text,
  summary: text,
  description: text,
  contentType: text,
  payload: z.unknown().optional(),
  headers: z.unknown().optional(),
  examples: z.array(z.unknown()).optional(),
});
const parameters = z
  .record(z.string(), z.looseObject({ description: text, schema: z.unknown().optional() }))
  .optional();
const operation2 = z.looseObject({
  operationId: text,
  summary: text,
  description: text,
  tags,
  message: z.union([message, z.looseObject({ oneOf: z.array(message) })]).optional(),
});
const document2 = z.looseObject({
  asyncapi: z.string().regex(/^2\./),
  info: z.looseObject({ title: text, version: text, description: text }),
  servers: z
    .record(z.string(), z.looseObject({ url: z.string(), protocol: text, description: text }))
    .optional(),
  channels: z
    .record(
      z.string(),
      z.looseObject({
        description: text,
        parameters,
        publish: operation2.optional(),
        subscribe: operation2.optional(),
      }),
    )
    .optional(),
  components: z.looseObject({ messages: z.record(z.string(), message).optional() }).optional(),
  tags,
});
const channel3 = z.looseObject({
  address: z.string().nullable().optional(),
  title: text,
  description: text,
  parameters,
  messages: z.record(z.string(), message).optional(),
});
const document3 = z.looseObject({
  asyncapi: z.string().regex(/^3\./),
  info: z.looseObject({ title: text, version: text, description: text, tags }),
  servers: z
    .record(
      z.string(),
      z.looseObject({ host: z.string(), pathname: text, protocol: text, description: text }),
    )
    .optional(),
  channels: z.record(z.string(), channel3).optional(),
  operations: z
    .record(
      z.string(),
      z.looseObject({
        action: z.enum(['send', 'receive']),
        channel: channel3,
        title: text,
        summary: text,
        description: text,
        tags,
        messages: z.array(message).optional(),
      }),
    )
    .optional(),
  components: z.looseObject({ messages: z.record(z.string(), message).optional() }).optional(),
});
type Message = z.infer<typeof message>;

type Described = {
  description?: string | undefined;
  summary?: string | undefined;
  title?: string | undefined;
};

/** Copies the description, summary and title a part has onto what is made from it (when it has them). */
function describe<T extends object>(target: T, from: Described): T {
  for (const key of ['description', 'summary', 'title'] as const) {
    const v = from[key]?.trim();
    if (v) (target as Record<string, unknown>)[key] = v;
  }
  return target;
}

class Messages {
  readonly list: ApiMessage[] = [];
  private readonly names = new Map<Message, string>();
  constructor(private readonly walk: JsonSchemaWalk) {}

  /** Registers a message once (the same object after dereferencing), returning its name. */
  add(m: Message, key: string): string {
    const known = this.names.get(m);
    if (known) return known;
    const name = m.name ?? m.messageId ?? key;
    this.names.set(m, name);
    const examples = (m.examples ?? []).map((e) => {
      const payload =
        typeof e === 'object' && e !== null && 'payload' in e ? (e as { payload: unknown }).payload : e;
      return JSON.stringify(payload, null, 2);
    });
    const out: ApiMessage = describe(
      {
        name,
        payload: fieldsOfJsonSchema(m.payload, this.walk),
        payloadType: typeOfSchema(m.payload, this.walk),
        headers: fieldsOfJsonSchema(m.headers, this.walk),
        examples,
      },
      m,
    );
    if (m.contentType) out.contentType = m.contentType;
    this.list.push(out);
    return name;
  }
}

function parametersOf(params: z.infer<typeof parameters>, walk: JsonSchemaWalk): Field[] {
  return Object.entries(params ?? {}).map(([name, p]) => {
    const field = fieldOfJsonSchema(name, p.schema ?? { type: 'string' }, true, walk);
    if (p.description) field.description = p.description.trim();
    return field;
  });
}

function spec2(doc: z.infer<typeof document2>, walk: JsonSchemaWalk): ApiSpec {
  const messages = new Messages(walk);
  const spec: ApiSpec = describe(
    {
      specVersion: `AsyncAPI ${doc.asyncapi}`,
      servers: [],
      operations: [],
      channels: [],
      messages: messages.list,
      tags: (doc.tags ?? []).map((t) => ({ name: t.name })),
    },
    doc.info,
  );
  if (doc.info.version) spec.version = doc.info.version;
  for (const [name, s] of Object.entries(doc.servers ?? {}))
    spec.servers.push(describe({ name, url: `${s.protocol ? `${s.protocol}://` : ''}${s.url}` }, s));
  for (const [key, m] of Object.entries(doc.components?.messages ?? {})) messages.add(m, key);
  for (const [name, c] of Object.entries(doc.channels ?? {})) {
    const channel: ApiChannel = describe(
      { name, address: name, parameters: parametersOf(c.parameters, walk), messages: [] },
      c,
    );
    // In AsyncAPI 2, `publish` is what others send to the application: the application receives it.
    for (const [verb, method] of [
      ['publish', 'RECEIVE'],
      ['subscribe', 'SEND'],
    ] as const) {
      const op = c[verb];
      if (!op) continue;
      const carried = op.message
        ? 'oneOf' in op.message && Array.isArray(op.message.oneOf)
          ? op.message.oneOf
          : [op.message as Message]
        : [];
      const names = carried.map((m, i) =>
        messages.add(m, `${op.operationId ?? name}${carried.length > 1 ? `-${i + 1}` : ''}`),
      );
      for (const n of names) if (!channel.messages.includes(n)) channel.messages.push(n);
      spec.operations.push(
        describe(
          {
            id: op.operationId ?? `${verb} ${name}`,
            method,
            path: name,
            channel: name,
            tags: (op.tags ?? []).map((t) => t.name),
            deprecated: false,
            parameters: [],
            requestBodies: [],
            responses: [],
            messages: names,
          },
          op,
        ),
      );
    }
    spec.channels.push(channel);
  }
  return spec;
}

function spec3(doc: z.infer<typeof document3>, walk: JsonSchemaWalk): ApiSpec {
  const messages = new Messages(walk);
  const spec: ApiSpec = describe(
    {
      specVersion: `AsyncAPI ${doc.asyncapi}`,
      servers: [],
      operations: [],
      channels: [],
      messages: messages.list,
      tags: (doc.info.tags ?? []).map((t) => ({ name: t.name })),
    },
    doc.info,
  );
  if (doc.info.version) spec.version = doc.info.version;
  for (const [name, s] of Object.entries(doc.servers ?? {}))
    spec.servers.push(
      describe({ name, url: `${s.protocol ? `${s.protocol}://` : ''}${s.host}${s.pathname ?? ''}` }, s),
    );
  for (const [key, m] of Object.entries(doc.components?.messages ?? {})) messages.add(m, key);
  const channelNames = new Map<object, string>();
  for (const [name, c] of Object.entries(doc.channels ?? {})) {
    channelNames.set(c, name);
    const channel: ApiChannel = describe(
      { name, parameters: parametersOf(c.parameters, walk), messages: [] },
      c,
    );
    if (c.address) channel.address = c.address;
    for (const [key, m] of Object.entries(c.messages ?? {})) channel.messages.push(messages.add(m, key));
    spec.channels.push(channel);
  }
  for (const [id, op] of Object.entries(doc.operations ?? {})) {
    const channel = channelNames.get(op.channel) ?? op.channel.title ?? '';
    const carried = op.messages ?? Object.values(op.channel.messages ?? {});
    const operation: ApiOperation = describe(
      {
        id,
        method: op.action.toUpperCase(),
        path: op.channel.address ?? channel,
        channel,
        tags: (op.tags ?? []).map((t) => t.name),
        deprecated: false,
        parameters: [],
        requestBodies: [],
        responses: [],
        messages: carried.map((m) => messages.add(m, id)),
      },
      op,
    );
    spec.operations.push(operation);
  }
  return spec;
}

/** An AsyncAPI 2.x or 3.x document (already read as data), `$ref`s resolved across catalog files. */
export async function parseAsyncapi(
  file: string,
  source: string,
  doc: Record<string, unknown>,
  read: ReadFile,
): Promise<ParsedSchema> {
  const diagnostics: Diagnostic[] = [];
  const resolved = await resolveRefs(file, doc, read);
  for (const u of resolved.unresolved) {
    diagnostics.push(
      schemaProblem(
        'schema-unresolved-ref',
        `The $ref "${u.ref}" does not resolve: ${u.message}.`,
        file,
        locate(source, u.ref || undefined),
      ),
    );
  }
  const walk = { refNames: resolved.refNames };
  const v3 = String(doc.asyncapi).startsWith('3.');
  const checked = (v3 ? document3 : document2).safeParse(resolved.data);
  let api: ApiSpec;
  // zod only checks: the walk reads the dereferenced objects themselves, whose identity ties a channel or
  // message used in several places back to its one definition.
  const data = resolved.data as never;
  if (checked.success) api = v3 ? spec3(data, walk) : spec2(data, walk);
  else {
    const issue = checked.error.issues[0];
    const key = issue?.path.filter((p) => typeof p === 'string').pop();
    diagnostics.push(
      schemaProblem(
        'schema-invalid',
        `${file} is not a valid AsyncAPI ${v3 ? '3' : '2'} document: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') ?? ''}.`,
        file,
        locate(source, key ? `${key}:` : undefined),
      ),
    );
    api = {
      specVersion: `AsyncAPI ${doc.asyncapi}`,
      servers: [],
      operations: [],
      channels: [],
      messages: [],
      tags: [],
    };
  }
  const result: ParsedSchema = {
    file,
    format: 'asyncapi',
    ok: checked.success,
    fields: [],
    rootType: api.specVersion,
    types: [],
    api,
    diagnostics,
    files: [file, ...new Set(resolved.files)],
  };
  if (api.title) result.title = api.title;
  if (api.description) result.description = api.description;
  return result;
}
