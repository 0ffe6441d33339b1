import type { ParsedSchema } from '@switchyard/schemas';
import { useRender } from '../context.js';
import { TabItem, Tabs } from './basic.js';
import { formatLabels, schemaPagePath, specPath } from './schema-data.js';
import { FieldTree } from './schema-tree.js';

/** A small stable id from text, so ids do not depend on render order. */
export function schemaId(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return `sy-schema-${(h >>> 0).toString(36)}`;
}

/** A schema's text as shown in the Raw tab: JSON pretty-printed, everything else as written. */
export function prettySource(path: string, text: string): string {
  if (!/\.(json|avsc)$/i.test(path)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** What a parsed file holds, in the Fields tab: its field tree, or for a spec a summary and a link. */
function ParsedView({ parsed, href }: { parsed: ParsedSchema; href: string | undefined }) {
  const { urls } = useRender();
  if (parsed.api) {
    const api = parsed.api;
    return (
      <p class="sy-schema__summary">
        {api.specVersion}: {api.operations.length} operation{api.operations.length === 1 ? '' : 's'}
        {api.channels.length > 0 && `, ${api.channels.length} channels`}
        {api.messages.length > 0 && `, ${api.messages.length} messages`}.{' '}
        {href && <a href={urls.page(href)}>Open the API page</a>}
      </p>
    );
  }
  if (parsed.fields.length === 0 && parsed.types.length > 0) {
    return (
      <>
        {parsed.types.map((t) => (
          <section key={t.name} class="sy-schema__type">
            <h4>
              <span class="sy-field-type">{t.kind}</span> {t.name}
            </h4>
            {t.description && <p>{t.description}</p>}
            {t.enum ? <p>{t.enum.join(', ')}</p> : <FieldTree fields={t.fields} open={0} />}
          </section>
        ))}
      </>
    );
  }
  return (
    <>
      {parsed.description && <p class="sy-schema__description">{parsed.description}</p>}
      <FieldTree fields={parsed.fields} />
    </>
  );
}

/**
 * A schema file of the resource (`file`, else its `schemaPath`): the field tree (expandable), the raw
 * source with Copy, and any problem found parsing it. Without parsed schemas it shows the source only.
 */
export function SchemaViewer({ file, title }: { file?: string; title?: string; id?: string }) {
  const { resource, readFile, schemas, urls } = useRender();
  const written = file ?? (resource?.data as { schemaPath?: string } | undefined)?.schemaPath;
  if (!resource || !written) return null;
  const dir = resource.source.dir;
  const path = (dir ? `${dir}/${written}` : written).replace(/\/\.\//g, '/');
  const text = readFile(path);
  if (text === undefined) {
    return <p class="sy-ref--broken">Schema file {written} is not in the catalog.</p>;
  }
  const parsed = schemas?.byFile.get(path);
  const id = schemaId(`${path}|${title ?? ''}`);
  const entry = schemas?.byResource.get(resource.key)?.find((e) => e.file === path);
  const apiHref = entry ? specPath(resource, entry) : undefined;
  const isMain = written === (resource.data as { schemaPath?: string }).schemaPath;
  const raw = (
    <pre class="sy-code">
      <code id={id}>{prettySource(path, text)}</code>
    </pre>
  );
  return (
    <figure class="sy-schema" id={isMain ? 'schema' : undefined} data-sy-schema={path}>
      <figcaption class="sy-schema__head">
        <span>{title ?? written}</span>
        {parsed && <span class="sy-badge">{formatLabels[parsed.format]}</span>}
        {parsed && !parsed.api && (
          <a class="sy-schema__link" href={urls.page(schemaPagePath(resource))}>
            Explore
          </a>
        )}
        <button type="button" class="sy-button" data-sy-copy={id}>
          Copy
        </button>
      </figcaption>
      {parsed?.diagnostics.map((d) => (
        <p key={`${d.line}:${d.column}:${d.message}`} class="sy-schema__problem" role="note">
          Line {d.line}, column {d.column}: {d.message}
        </p>
      ))}
      {parsed?.ok ? (
        <Tabs>
          <TabItem label="Fields">
            <ParsedView parsed={parsed} href={apiHref} />
          </TabItem>
          <TabItem label="Raw">{raw}</TabItem>
        </Tabs>
      ) : (
        raw
      )}
    </figure>
  );
}

export const Schema = SchemaViewer;
