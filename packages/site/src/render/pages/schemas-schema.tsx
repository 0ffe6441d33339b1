import { consumersOf, kindDef, nameOf, producersOf, type Resource, versionsOf } from '@switchyard/model';
import type { FieldChange } from '@switchyard/schemas';
import { ResourceRef } from '../components/ref.js';
import { SchemaViewer } from '../components/schema.js';
import { schemaPagePath, specPath } from '../components/schema-data.js';
import { FieldChanges, TextDiff } from '../components/schema-diff.js';
import { FieldUsage } from '../components/schema-usage.js';
import { useRender } from '../context.js';
import { Layout } from '../layout.js';

export interface SchemaDiff {
  from: Resource;
  changes: FieldChange[];
  patch: string;
}

function Peers({ title, peers }: { title: string; peers: Resource[] }) {
  if (peers.length === 0) return null;
  return (
    <p>
      <strong>{title}:</strong>{' '}
      {peers.map((p, i) => (
        <>
          {i > 0 && ', '}
          <ResourceRef key={p.key} resource={p} />
        </>
      ))}
    </p>
  );
}

/** The schema diff of a version against an older one: field changes, then the text in a disclosure. */
export function SchemaDiffView({ diff }: { diff: SchemaDiff }) {
  return (
    <section class="sy-schema-diff">
      <h2 id="changes">Changes from v{diff.from.version}</h2>
      <FieldChanges changes={diff.changes} />
      <details class="sy-diff-details">
        <summary>Text diff</summary>
        <TextDiff patch={diff.patch} />
      </details>
    </section>
  );
}

/** `/schemas/{kind}/{id}/{version}`: a resource version's schemas and specs, who uses them, what changed. */
export function SchemaPage({
  resource,
  path,
  diff,
}: {
  resource: Resource;
  path: string;
  diff?: SchemaDiff | undefined;
}) {
  const { catalog, schemas, urls } = useRender();
  const entries = schemas?.byResource.get(resource.key) ?? [];
  const versions = versionsOf(catalog, resource.kind, resource.id).filter(
    (v) => (schemas?.byResource.get(v.key) ?? []).length > 0,
  );
  const isMessage = ['event', 'command', 'query'].includes(resource.kind);
  return (
    <Layout title={`${nameOf(resource)} schema`} section="schemas" path={path} wide>
      <article class="sy-article sy-schema-page">
        <p class="sy-eyebrow">
          <a href={urls.page('/schemas/explorer')}>Schemas &amp; APIs</a> · {kindDef(resource.kind).label} · v
          {resource.version}
        </p>
        <h1>{nameOf(resource)}</h1>
        <p>
          <a href={urls.resource(resource)}>Documentation</a>
        </p>
        {isMessage && (
          <>
            <Peers title="Producers" peers={producersOf(catalog, resource).map((p) => p.resource)} />
            <Peers title="Consumers" peers={consumersOf(catalog, resource).map((p) => p.resource)} />
          </>
        )}
        {versions.length > 1 && (
          <nav class="sy-tabs-nav" aria-label="Versions">
            {versions.map((v) => (
              <a
                key={v.key}
                href={urls.page(schemaPagePath(v))}
                aria-current={v === resource ? 'page' : undefined}
              >
                v{v.version}
              </a>
            ))}
          </nav>
        )}
        {entries.map((e) => {
          const api = specPath(resource, e);
          return (
            <section key={e.file}>
              <SchemaViewer file={e.written} {...(e.name ? { title: e.name } : {})} />
              {api && (
                <p>
                  <a href={urls.page(api)}>All operations of {e.name ?? e.parsed.title ?? e.written}</a>
                </p>
              )}
            </section>
          );
        })}
        {isMessage && <FieldUsage resource={resource} />}
        {diff && <SchemaDiffView diff={diff} />}
      </article>
    </Layout>
  );
}
