import { kindDef, nameOf, ownersOf, type Resource, summaryOf, versionsOf } from '@switchyard/model';
import type { ComponentChildren } from 'preact';
import { ImpactSection } from '../components/impact.js';
import { ResourceRef } from '../components/ref.js';
import { ResourceSchemas } from '../components/schema-resource.js';
import { ScoreLine } from '../components/score-line.js';
import { TriggerSection } from '../components/triggers.js';
import { useRender } from '../context.js';
import { Layout, type TocEntry } from '../layout.js';

type Badge = { content: string; backgroundColor?: string; textColor?: string };

function Badges({ badges }: { badges: Badge[] | undefined }) {
  if (!badges?.length) return null;
  return (
    <p class="sy-badges">
      {badges.map((b) => (
        <span
          key={b.content}
          class={`sy-badge sy-badge--${(b.backgroundColor ?? 'gray').replace(/[^a-z-]/gi, '')}`}
        >
          {b.content}
        </span>
      ))}
    </p>
  );
}

function Banners({ resource }: { resource: Resource }) {
  const d = resource.data as {
    draft?: boolean | { title?: string; message: string };
    deprecated?: boolean | { message?: string; date?: unknown };
  };
  return (
    <>
      {d.draft && (
        <div class="sy-banner sy-banner--draft" role="note">
          <strong>{typeof d.draft === 'object' && d.draft.title ? d.draft.title : 'Draft'}</strong>{' '}
          {typeof d.draft === 'object' ? d.draft.message : 'This is a draft and may change.'}
        </div>
      )}
      {d.deprecated && (
        <div class="sy-banner sy-banner--deprecated" role="note">
          <strong>Deprecated</strong>{' '}
          {typeof d.deprecated === 'object' && d.deprecated.message
            ? d.deprecated.message
            : 'Do not build anything new on this.'}
          {typeof d.deprecated === 'object' && d.deprecated.date
            ? ` (since ${String(d.deprecated.date).slice(0, 10)})`
            : ''}
        </div>
      )}
    </>
  );
}

export interface Neighbour {
  title: string;
  href: string;
}

export interface ResourcePageProps {
  resource: Resource;
  /** The URL path this copy of the page is written at (versioned or latest). */
  path: string;
  body: ComponentChildren;
  toc: TocEntry[];
  previous?: Neighbour | undefined;
  next?: Neighbour | undefined;
  /** Diagnostics shown inline at the top of the page (dev server overlay uses the same data). */
}

/** The page of one resource version: header, banners, body, and the aside with owners and actions. */
export function ResourcePage({ resource, path, body, toc, previous, next }: ResourcePageProps) {
  const { catalog, urls, config } = useRender();
  const def = kindDef(resource.kind);
  const summary = summaryOf(resource);
  const owners = ownersOf(catalog, resource);
  const versions = def.versioned ? versionsOf(catalog, resource.kind, resource.id) : [];
  const editBase = (resource.data as { editUrl?: string }).editUrl ?? config.editUrl;
  const editUrl = editBase ? `${editBase.replace(/\/+$/, '')}/${resource.source.file}` : undefined;
  const badges = (resource.data as { badges?: Badge[] }).badges;
  const ownerList = [...owners.teams, ...owners.users];
  const aside = (
    <>
      {versions.length > 1 && (
        <section class="sy-aside__section">
          <p class="sy-aside__title">Version</p>
          <ul class="sy-versions">
            {versions.map((v, i) => (
              <li key={v.version}>
                <a href={urls.resource(v)} aria-current={v === resource ? 'page' : undefined}>
                  v{v.version}
                  {i === 0 ? ' (latest)' : ''}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {ownerList.length > 0 && (
        <section class="sy-aside__section">
          <p class="sy-aside__title">Document Owners ({ownerList.length})</p>
          <ul class="sy-owners">
            {ownerList.map((o) => (
              <li key={o.key}>
                <ResourceRef resource={o} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="sy-aside__section sy-actions">
        <button
          type="button"
          class="sy-button"
          data-sy-copy="page-markdown"
          data-sy-src={urls.markdown(resource)}
        >
          Copy page
        </button>
        <a class="sy-button" href={urls.markdown(resource)}>
          View as Markdown
        </a>
        {editUrl && (
          <a class="sy-button" href={editUrl} rel="noopener noreferrer">
            Edit this page
          </a>
        )}
      </section>
    </>
  );
  const group = resource.kind === 'doc' ? resource.id.split('/').slice(0, -1).join(' / ') : def.label;
  return (
    <Layout title={nameOf(resource)} description={summary} section="docs" path={path} toc={toc} aside={aside}>
      <article class="sy-article" data-kind={resource.kind}>
        <p class="sy-eyebrow">
          {group.replace(/(^|\/\s)\d+[-_]/g, '$1')}
          {def.versioned && resource.version && <span class="sy-version"> · v{resource.version}</span>}
        </p>
        <h1>{nameOf(resource)}</h1>
        <Badges badges={badges} />
        <Banners resource={resource} />
        {summary && <p class="sy-lead">{summary}</p>}
        <ScoreLine resource={resource} />
        <div class="sy-prose">{body}</div>
        <ResourceSchemas resource={resource} />
        <TriggerSection resource={resource} />
        <ImpactSection resource={resource} />
        {(previous || next) && (
          <nav class="sy-doc-pager" aria-label="Previous and next">
            {previous ? (
              <a class="sy-pager__prev" href={previous.href} rel="prev">
                <span>Previous</span>
                {previous.title}
              </a>
            ) : (
              <span />
            )}
            {next && (
              <a class="sy-pager__next" href={next.href} rel="next">
                <span>Next</span>
                {next.title}
              </a>
            )}
          </nav>
        )}
      </article>
    </Layout>
  );
}
