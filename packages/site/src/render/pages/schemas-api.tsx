import { kindDef, nameOf, type Resource } from '@switchyard/model';
import type { SchemaEntry } from '@switchyard/schemas';
import { ResourceRef } from '../components/ref.js';
import { schemaId } from '../components/schema.js';
import { ApiView, groupByTag } from '../components/schema-api.js';
import { formatLabels } from '../components/schema-data.js';
import { useRender } from '../context.js';
import { Layout, type TocEntry } from '../layout.js';

/**
 * A resource's API spec on its own page, at EventCatalog's URL (`/docs/services/{id}/{version}/spec/{file}`,
 * `/asyncapi/{file}`, `/graphql/{file}`): every operation, channel and message, bodies as field trees.
 */
export function ApiPage({ resource, entry, path }: { resource: Resource; entry: SchemaEntry; path: string }) {
  const { urls, readFile } = useRender();
  const spec = entry.parsed.api;
  const title = entry.name ?? entry.parsed.title ?? entry.written;
  const toc: TocEntry[] = [];
  if (spec) {
    if (spec.channels.length > 0) toc.push({ depth: 2, text: 'Channels', id: 'channels' });
    for (const g of groupByTag(spec))
      toc.push({ depth: 2, text: g.tag, id: `tag-${g.tag.replace(/[^A-Za-z0-9_-]+/g, '-')}` });
    if (spec.messages.length > 0) toc.push({ depth: 2, text: 'Messages', id: 'messages' });
  }
  const id = schemaId(entry.file);
  return (
    <Layout title={`${title} · ${nameOf(resource)}`} section="docs" path={path} toc={toc}>
      <article class="sy-article sy-api-page">
        <p class="sy-eyebrow">
          {formatLabels[entry.parsed.format]} · {kindDef(resource.kind).label}{' '}
          <ResourceRef resource={resource} /> · v{resource.version}
        </p>
        <h1>{title}</h1>
        {entry.parsed.diagnostics.map((d) => (
          <p key={`${d.line}:${d.message}`} class="sy-schema__problem" role="note">
            Line {d.line}, column {d.column}: {d.message}
          </p>
        ))}
        {spec ? <ApiView spec={spec} /> : <p>This file could not be read as an API spec.</p>}
        <details class="sy-api-raw">
          <summary>
            Source <code>{entry.written}</code>{' '}
            <button type="button" class="sy-button" data-sy-copy={id}>
              Copy
            </button>
          </summary>
          <pre class="sy-code">
            <code id={id}>{readFile(entry.file) ?? ''}</code>
          </pre>
        </details>
        <p>
          <a href={urls.resource(resource)}>Back to {nameOf(resource)}</a>
        </p>
      </article>
    </Layout>
  );
}
