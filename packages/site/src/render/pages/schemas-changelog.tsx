import { kindDef, nameOf, type Resource } from '@switchyard/model';
import type { ComponentChildren } from 'preact';
import { useRender } from '../context.js';
import { Layout, type TocEntry } from '../layout.js';
import { type SchemaDiff, SchemaDiffView } from './schemas-schema.js';

/** `/docs/{kind}/{id}/{version}/changelog`: the changelog file's text, then the schema diff to the previous version. */
export function ChangelogPage({
  resource,
  path,
  body,
  toc,
  diff,
}: {
  resource: Resource;
  path: string;
  body: ComponentChildren | undefined;
  toc: TocEntry[];
  diff: SchemaDiff | undefined;
}) {
  const { urls } = useRender();
  return (
    <Layout title={`Changelog · ${nameOf(resource)}`} section="docs" path={path} toc={toc}>
      <article class="sy-article">
        <p class="sy-eyebrow">
          {kindDef(resource.kind).label} · v{resource.version}
        </p>
        <h1>Changelog</h1>
        <p>
          <a href={urls.resource(resource)}>{nameOf(resource)}</a>
        </p>
        {body && <div class="sy-prose">{body}</div>}
        {diff ? <SchemaDiffView diff={diff} /> : !body && <p>Nothing recorded for this version.</p>}
      </article>
    </Layout>
  );
}
