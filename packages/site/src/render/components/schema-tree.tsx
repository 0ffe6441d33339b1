import type { Field } from '@switchyard/schemas';

function FieldLine({ field }: { field: Field }) {
  const constraints = Object.entries(field.constraints);
  return (
    <span class="sy-field-line">
      <code class="sy-field-name">{field.name}</code>
      <span class="sy-field-type">{field.type}</span>
      {field.required && <span class="sy-field-flag sy-field-flag--required">required</span>}
      {field.deprecated && <span class="sy-field-flag sy-field-flag--deprecated">deprecated</span>}
      {field.recursive && (
        <span class="sy-field-flag" title="This type is one of the field's parents: see above">
          recursive
        </span>
      )}
      {field.description && <span class="sy-field-description">{field.description}</span>}
      {(constraints.length > 0 || field.enum || field.examples) && (
        <span class="sy-field-facts">
          {constraints.map(([k, v]) => (
            <span key={k} class="sy-field-fact">
              {k}: <code>{String(v)}</code>
            </span>
          ))}
          {field.enum && (
            <span class="sy-field-fact">
              one of:{' '}
              {field.enum.map((v, i) => (
                <>
                  {i > 0 && ', '}
                  <code key={v}>{v}</code>
                </>
              ))}
            </span>
          )}
          {field.examples && (
            <span class="sy-field-fact">
              e.g. <code>{field.examples.slice(0, 3).join(', ')}</code>
            </span>
          )}
        </span>
      )}
    </span>
  );
}

/**
 * A field tree: each field with its type, flags, description and facts; fields with children expand
 * (`<details>`, so it works without JavaScript). The first `open` levels start expanded.
 */
export function FieldTree({
  fields,
  open = 1,
  depth = 0,
}: {
  fields: Field[];
  open?: number;
  depth?: number;
}) {
  if (fields.length === 0) return depth === 0 ? <p class="sy-field-empty">No fields.</p> : null;
  return (
    <ul class={depth === 0 ? 'sy-fields' : 'sy-fields sy-fields--nested'} data-depth={depth}>
      {fields.map((f) => (
        <li key={f.path} class="sy-field" data-path={f.path}>
          {f.children.length > 0 ? (
            <details open={depth < open}>
              <summary>
                <FieldLine field={f} />
              </summary>
              <FieldTree fields={f.children} open={open} depth={depth + 1} />
            </details>
          ) : (
            <FieldLine field={f} />
          )}
        </li>
      ))}
    </ul>
  );
}
