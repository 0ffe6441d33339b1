import { kindDef, nameOf } from '@switchyard/model';
import type { ParsedSchema } from '@switchyard/schemas';
import { useRender } from '../context.js';
import { Placeholder, TabItem, Tabs } from './basic.js';
import { conventionalNames, defaultSchemaFile, inFolder } from './conventional-file.js';
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
function ParsedView({
  parsed,
  href,
  open,
}: {
  parsed: ParsedSchema;
  href: string | undefined;
  open: number;
}) {
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
            {t.enum ? (
              <p>{t.enum.join(', ')}</p>
            ) : (
              <FieldTree fields={t.fields} open={Math.max(0, open - 1)} />
            )}
          </section>
        ))}
      </>
    );
  }
  return (
    <>
      {parsed.description && <p class="sy-schema__description">{parsed.description}</p>}
      <FieldTree fields={parsed.fields} open={open} />
    </>
  );
}

/** A parsed file's problems, each once (a spec validator may repeat one per place it occurs). */
function problemsOf(parsed: ParsedSchema | undefined): ParsedSchema['diagnostics'] {
  const seen = new Set<string>();
  return (parsed?.diagnostics ?? []).filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

interface SchemaViewerProps {
  file?: string;
  title?: string;
  id?: string;
  /** EventCatalog 1.x: how many levels of the field tree start open (1 unless given). */
  defaultExpandedDepth?: number | string;
}

/**
 * A schema file of the resource (`file`, else its `schemaPath`, else the 1.x `schema.*` of its folder):
 * the field tree (expandable), the raw source with Copy, and any problem found parsing it. Without parsed
 * schemas it shows the source only; `rawFirst` opens on the source (what `<Schema />` always showed).
 */
export function SchemaViewer({
  file,
  title,
  defaultExpandedDepth,
  rawFirst,
  component = 'SchemaViewer',
}: SchemaViewerProps & { rawFirst?: boolean; component?: string }) {
  const { resource, readFile, schemas, urls } = useRender();
  if (!resource || (resource.kind === 'doc' && !file)) {
    return (
      <Placeholder
        name={component}
        reason="without a file it shows a resource's schema, and this page is not a resource."
      />
    );
  }
  const written = file ?? defaultSchemaFile(resource, readFile);
  if (!written) {
    return (
      <Placeholder
        name={component}
        reason={`${nameOf(resource)} names no schemaPath, and ${resource.source.dir || 'its folder'} has none of ${conventionalNames.schema.join(', ')}.`}
      />
    );
  }
  const path = inFolder(resource, written);
  const text = readFile(path);
  if (text === undefined) {
    return <p class="sy-ref--broken">Schema file {written} is not in the catalog.</p>;
  }
  const parsed = schemas?.byFile.get(path);
  const id = schemaId(`${path}|${title ?? ''}${rawFirst ? '|raw' : ''}`);
  const entries = schemas?.byResource.get(resource.key);
  const entry = entries?.find((e) => e.file === path);
  const apiHref = entry ? specPath(resource, entry) : undefined;
  const hasSchemaPage = entries !== undefined && kindDef(resource.kind).versioned;
  const isMain = written === (resource.data as { schemaPath?: string }).schemaPath;
  const open = Number.isFinite(Number(defaultExpandedDepth)) ? Number(defaultExpandedDepth) : 1;
  const raw = (
    <pre class="sy-code">
      <code id={id}>{prettySource(path, text)}</code>
    </pre>
  );
  const fields = <ParsedView parsed={parsed as ParsedSchema} href={apiHref} open={open} />;
  return (
    <figure class="sy-schema" id={isMain ? 'schema' : undefined} data-sy-schema={path}>
      <figcaption class="sy-schema__head">
        <span>{title ?? written}</span>
        {parsed && <span class="sy-badge">{formatLabels[parsed.format]}</span>}
        {parsed && !parsed.api && hasSchemaPage && (
          <a class="sy-schema__link" href={urls.page(schemaPagePath(resource))}>
            Explore
          </a>
        )}
        <button type="button" class="sy-button" data-sy-copy={id}>
          Copy
        </button>
      </figcaption>
      {problemsOf(parsed).map((d) => (
        <p key={`${d.line}:${d.column}:${d.message}`} class="sy-schema__problem" role="note">
          Line {d.line}, column {d.column}: {d.message}
        </p>
      ))}
      {parsed?.ok ? (
        rawFirst ? (
          <Tabs>
            <TabItem label="Raw">{raw}</TabItem>
            <TabItem label="Fields">{fields}</TabItem>
          </Tabs>
        ) : (
          <Tabs>
            <TabItem label="Fields">{fields}</TabItem>
            <TabItem label="Raw">{raw}</TabItem>
          </Tabs>
        )
      ) : (
        raw
      )}
    </figure>
  );
}

/** `<Schema />`: the same file as `<SchemaViewer />`, opening on its source. */
export function Schema(props: SchemaViewerProps) {
  return <SchemaViewer {...props} rawFirst component="Schema" />;
}
