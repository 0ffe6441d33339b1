import { type Catalog, kindDef, type Resource } from '@switchyard/model';
import type { ApiBody, ApiMessage, ApiOperation, ApiParameter, ApiSpec } from '@switchyard/schemas';
import { useRender } from '../context.js';
import { ResourceRef } from './ref.js';
import { FieldTree } from './schema-tree.js';

const anchor = (prefix: string, name: string) => `${prefix}-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Latest events, commands and queries by normalised id and name (ids first), built once per catalog. */
const messagesByName = new WeakMap<Catalog, Map<string, Resource>>();

function messageIndex(catalog: Catalog): Map<string, Resource> {
  let index = messagesByName.get(catalog);
  if (index) return index;
  index = new Map();
  const byName = new Map<string, Resource>();
  for (const kind of ['event', 'command', 'query'] as const) {
    for (const r of catalog.latestByKind.get(kind) ?? []) {
      const id = normalise(r.id);
      if (!index.has(id)) index.set(id, r);
      const name = normalise((r.data as { name?: string }).name ?? '');
      if (name && !byName.has(name)) byName.set(name, r);
    }
  }
  for (const [name, r] of byName) if (!index.has(name)) index.set(name, r);
  messagesByName.set(catalog, index);
  return index;
}

/** The catalog message (event, command, query) an API message stands for: same id or name, any case. */
export function catalogMessageFor(catalog: Catalog, message: ApiMessage): Resource | undefined {
  const index = messageIndex(catalog);
  for (const n of [message.name, message.title]) {
    const found = n ? index.get(normalise(n)) : undefined;
    if (found) return found;
  }
  return undefined;
}

function Parameters({ parameters }: { parameters: ApiParameter[] }) {
  if (parameters.length === 0) return null;
  return (
    <div class="sy-table-wrap">
      <table class="sy-table sy-api-params">
        <thead>
          <tr>
            <th>Name</th>
            <th>In</th>
            <th>Type</th>
            <th>Description</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={`${p.in}:${p.name}`}>
              <td>
                <code>{p.name}</code>
                {p.field.required && <span class="sy-field-flag sy-field-flag--required">required</span>}
              </td>
              <td>{p.in}</td>
              <td>
                <span class="sy-field-type">{p.field.type}</span>
                {p.field.enum && <> · one of {p.field.enum.join(', ')}</>}
              </td>
              <td>{p.field.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Body({ body }: { body: ApiBody }) {
  return (
    <div class="sy-api-body">
      <p class="sy-api-body__head">
        <code>{body.contentType}</code> <span class="sy-field-type">{body.type}</span>
      </p>
      {body.fields.length > 0 && <FieldTree fields={body.fields} open={0} />}
    </div>
  );
}

function Operation({ op, spec }: { op: ApiOperation; spec: ApiSpec }) {
  const id = anchor('op', op.id);
  return (
    <section class="sy-api-op" id={id}>
      <h3>
        <span class={`sy-api-method sy-api-method--${op.method.toLowerCase()}`}>{op.method}</span>{' '}
        <code>{op.path}</code>
        {op.deprecated && <span class="sy-field-flag sy-field-flag--deprecated">deprecated</span>}
      </h3>
      {op.summary && <p class="sy-api-op__summary">{op.summary}</p>}
      {op.description && <p>{op.description}</p>}
      {op.id !== `${op.method} ${op.path}` && (
        <p class="sy-api-op__id">
          Operation <code>{op.id}</code>
        </p>
      )}
      <Parameters parameters={op.parameters} />
      {op.requestBodies.length > 0 && <h4>Request body</h4>}
      {op.requestBodies.map((b) => (
        <Body key={b.contentType} body={b} />
      ))}
      {op.responses.length > 0 && <h4>Responses</h4>}
      {op.responses.map((r) => (
        <div key={r.status} class="sy-api-response">
          <p>
            <strong class="sy-api-status">{r.status}</strong> {r.description}
          </p>
          {r.bodies.map((b) => (
            <Body key={b.contentType} body={b} />
          ))}
        </div>
      ))}
      {op.messages.length > 0 && (
        <p>
          Messages:{' '}
          {op.messages.map((m, i) => (
            <>
              {i > 0 && ', '}
              <a key={m} href={`#${anchor('message', m)}`}>
                {m}
              </a>
            </>
          ))}
          {op.channel && (
            <>
              {' '}
              on{' '}
              <a href={`#${anchor('channel', op.channel)}`}>
                {spec.channels.find((c) => c.name === op.channel)?.address ?? op.channel}
              </a>
            </>
          )}
        </p>
      )}
    </section>
  );
}

/** Operations grouped by tag: the spec's tags in order, then others, then untagged ones. */
export function groupByTag(
  spec: ApiSpec,
): { tag: string; description?: string; operations: ApiOperation[] }[] {
  const groups = new Map<string, { tag: string; description?: string; operations: ApiOperation[] }>();
  for (const t of spec.tags) groups.set(t.name, { ...t, tag: t.name, operations: [] });
  for (const op of spec.operations) {
    const tag = op.tags[0] ?? (spec.tags.length > 0 ? 'Other' : 'Operations');
    const group = groups.get(tag) ?? { tag, operations: [] };
    group.operations.push(op);
    groups.set(tag, group);
  }
  return [...groups.values()].filter((g) => g.operations.length > 0);
}

function Message({ message }: { message: ApiMessage }) {
  const { catalog } = useRender();
  const match = catalogMessageFor(catalog, message);
  return (
    <section class="sy-api-message" id={anchor('message', message.name)}>
      <h3>
        {message.title ?? message.name}{' '}
        {match && (
          <span class="sy-api-message__ref">
            <ResourceRef resource={match} label={`${kindDef(match.kind).label}: ${match.id}`} />
          </span>
        )}
      </h3>
      {message.summary && <p>{message.summary}</p>}
      {message.description && <p>{message.description}</p>}
      <p class="sy-api-body__head">
        {message.contentType && <code>{message.contentType}</code>}{' '}
        <span class="sy-field-type">{message.payloadType}</span>
      </p>
      <FieldTree fields={message.payload} open={0} />
      {message.headers.length > 0 && (
        <>
          <h4>Headers</h4>
          <FieldTree fields={message.headers} open={0} />
        </>
      )}
      {message.examples.map((e, i) => (
        <details key={e} class="sy-api-example">
          <summary>Example {i + 1}</summary>
          <pre class="sy-code">
            <code>{e}</code>
          </pre>
        </details>
      ))}
    </section>
  );
}

/** A whole API spec: servers, operations by tag, and for AsyncAPI its channels and messages. */
export function ApiView({ spec }: { spec: ApiSpec }) {
  return (
    <div class="sy-api">
      <p class="sy-eyebrow">
        {spec.specVersion}
        {spec.version && ` · v${spec.version}`}
      </p>
      {spec.description && <p class="sy-lead">{spec.description}</p>}
      {spec.servers.length > 0 && (
        <>
          <h2 id="servers">Servers</h2>
          <ul class="sy-api-servers">
            {spec.servers.map((s) => (
              <li key={s.name}>
                <code>{s.url}</code> {s.description}
              </li>
            ))}
          </ul>
        </>
      )}
      {spec.channels.length > 0 && (
        <>
          <h2 id="channels">Channels</h2>
          {spec.channels.map((c) => (
            <section key={c.name} class="sy-api-channel" id={anchor('channel', c.name)}>
              <h3>
                <code>{c.address ?? c.name}</code>
                {c.address && c.address !== c.name && <span class="sy-api-channel__key"> {c.name}</span>}
              </h3>
              {c.description && <p>{c.description}</p>}
              {c.parameters.length > 0 && <FieldTree fields={c.parameters} open={0} />}
              {c.messages.length > 0 && (
                <p>
                  Messages:{' '}
                  {c.messages.map((m, i) => (
                    <>
                      {i > 0 && ', '}
                      <a key={m} href={`#${anchor('message', m)}`}>
                        {m}
                      </a>
                    </>
                  ))}
                </p>
              )}
            </section>
          ))}
        </>
      )}
      {groupByTag(spec).map((g) => (
        <section key={g.tag} class="sy-api-tag">
          <h2 class="sy-api-tag__title" id={anchor('tag', g.tag)}>
            {g.tag}
          </h2>
          {g.description && <p>{g.description}</p>}
          {g.operations.map((op) => (
            <Operation key={op.id} op={op} spec={spec} />
          ))}
        </section>
      ))}
      {spec.messages.length > 0 && (
        <>
          <h2 id="messages">Messages</h2>
          {spec.messages.map((m) => (
            <Message key={m.name} message={m} />
          ))}
        </>
      )}
    </div>
  );
}
