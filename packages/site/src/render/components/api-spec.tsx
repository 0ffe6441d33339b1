import { nameOf } from '@switchyard/model';
import { useRender } from '../context.js';
import { Placeholder } from './basic.js';
import { conventionalFile, conventionalNames } from './conventional-file.js';
import { SchemaViewer } from './schema.js';

const labels = { openapi: 'OpenAPI', asyncapi: 'AsyncAPI' } as const;

/** A spec of the resource: the first of that format its frontmatter names, else the 1.x file in its folder. */
function SpecFile({ format }: { format: keyof typeof labels }) {
  const { resource, readFile, schemas } = useRender();
  const component = labels[format];
  if (!resource || resource.kind === 'doc') {
    return (
      <Placeholder
        name={component}
        reason={`it shows a service's ${component} file, and this page is not a resource.`}
      />
    );
  }
  const entry = schemas?.byResource.get(resource.key)?.find((e) => e.parsed.format === format);
  const written = entry?.written ?? conventionalFile(resource, format, readFile);
  if (!written) {
    return (
      <Placeholder
        name={component}
        reason={`${nameOf(resource)} names no ${component} file in its specifications, and ${resource.source.dir || 'its folder'} has none of ${conventionalNames[format].join(', ')}.`}
      />
    );
  }
  return <SchemaViewer file={written} component={component} />;
}

/** EventCatalog 1.x `<OpenAPI />`: the service's OpenAPI file, summarised, with a link to its API page. */
export function OpenAPI(_: { showTitle?: boolean }) {
  return <SpecFile format="openapi" />;
}

/** EventCatalog 1.x `<AsyncAPI />`, as `<OpenAPI />` for an AsyncAPI file. */
export function AsyncAPI(_: { showTitle?: boolean }) {
  return <SpecFile format="asyncapi" />;
}
