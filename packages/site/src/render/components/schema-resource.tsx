import type { Resource } from '@switchyard/model';
import { useRender } from '../context.js';
import { bodyUses } from './conventional-file.js';
import { SchemaViewer } from './schema.js';
import { changelogPath, formatLabels, schemaPagePath, specPath } from './schema-data.js';
import { FieldUsage } from './schema-usage.js';

const messageKinds = new Set(['event', 'command', 'query']);

/** A message's `examples/` payloads, each marked when it does not fit the schema. */
function Examples({ resource }: { resource: Resource }) {
  const { schemas } = useRender();
  const examples = schemas?.examples.get(resource.key) ?? [];
  if (examples.length === 0) return null;
  return (
    <section class="sy-examples">
      <h2 id="examples">Examples</h2>
      {examples.map((e) => (
        <details key={e.file} class="sy-example" open={examples.length === 1}>
          <summary>
            <code>{e.file.split('/').pop()}</code>
            {e.problems.length > 0 && (
              <span class="sy-field-flag sy-field-flag--deprecated">does not match the schema</span>
            )}
          </summary>
          {e.problems.length > 0 && (
            <ul class="sy-example__problems">
              {e.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <pre class="sy-code">
            <code>{e.text}</code>
          </pre>
        </details>
      ))}
    </section>
  );
}

/**
 * What a resource page shows of its schemas and specs, after the body: links to its API pages, the
 * schema (when the body has no `<SchemaViewer>` of its own), examples (when the body has no
 * `<EventExamples>`), which consumer uses which field,
 * and links to the schema explorer and the changelog.
 */
export function ResourceSchemas({ resource }: { resource: Resource }) {
  const { schemas, urls } = useRender();
  if (!schemas) return null;
  const entries = schemas.byResource.get(resource.key) ?? [];
  const specs = entries.filter((e) => specPath(resource, e));
  const schemaEntries = entries.filter((e) => e.role === 'schema' && !specPath(resource, e));
  const bodyShowsSchema = bodyUses(resource.body, ['SchemaViewer', 'Schema']);
  const bodyShowsExamples = bodyUses(resource.body, ['EventExamples']);
  const hasChangelog = schemas.changelogs.has(resource.key);
  const isMessage = messageKinds.has(resource.kind);
  if (entries.length === 0 && !hasChangelog && !isMessage) return null;
  return (
    <div class="sy-resource-schemas">
      {specs.length > 0 && (
        <section>
          <h2 id="apis">APIs</h2>
          <ul class="sy-api-links">
            {specs.map((e) => (
              <li key={e.file}>
                <a href={urls.page(specPath(resource, e) as string)}>
                  {e.name ?? e.parsed.title ?? e.written}
                </a>{' '}
                <span class="sy-badge">{formatLabels[e.parsed.format]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!bodyShowsSchema && schemaEntries.length > 0 && (
        <section>
          <h2 id="schema-fields">Schema</h2>
          {schemaEntries.map((e) => (
            <SchemaViewer key={e.file} file={e.written} {...(e.name ? { title: e.name } : {})} />
          ))}
        </section>
      )}
      {isMessage && !bodyShowsExamples && <Examples resource={resource} />}
      {isMessage && <FieldUsage resource={resource} />}
      {(entries.length > 0 || hasChangelog) && (
        <p class="sy-resource-schemas__links">
          {entries.length > 0 && <a href={urls.page(schemaPagePath(resource))}>Schema explorer</a>}
          {hasChangelog && <a href={urls.page(changelogPath(resource))}>Changelog</a>}
        </p>
      )}
    </div>
  );
}
