import { useRender } from '../context.js';

let schemaCount = 0;

/**
 * A schema file of the resource, shown as formatted source with Copy. (Field trees, validation and diffs
 * come with the schemas work; this keeps every page that names a schema readable meanwhile.)
 */
export function SchemaViewer({ file, title }: { file?: string; title?: string; id?: string }) {
  const { resource, readFile } = useRender();
  const path = file ?? (resource?.data as { schemaPath?: string } | undefined)?.schemaPath;
  if (!resource || !path) return null;
  const dir = resource.source.dir;
  const text = readFile(dir ? `${dir}/${path}` : path);
  const id = `sy-schema-${++schemaCount}`;
  if (text === undefined) {
    return <p class="sy-ref--broken">Schema file {path} is not in the catalog.</p>;
  }
  let pretty = text;
  if (path.endsWith('.json') || path.endsWith('.avsc')) {
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      pretty = text;
    }
  }
  return (
    <figure class="sy-schema" id="schema">
      <figcaption class="sy-schema__head">
        <span>{title ?? path}</span>
        <button type="button" class="sy-button" data-sy-copy={id}>
          Copy
        </button>
      </figcaption>
      <pre class="sy-code">
        <code id={id}>{pretty}</code>
      </pre>
    </figure>
  );
}

export const Schema = SchemaViewer;
