import {
  type Catalog,
  isHidden,
  type Kind,
  kindDef,
  membersOf,
  nameOf,
  ownedBy,
  pluralLabel,
  type Resource,
  resourcesOf,
  teamsOf,
} from '@switchyard/model';
import { ResourceCards } from '../components/cards.js';
import { ResourceRef } from '../components/ref.js';
import { ScoreLine } from '../components/score-line.js';
import { useRender } from '../context.js';
import { Layout } from '../layout.js';
import { discoverKinds } from './discover.js';

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** At most this many members of a team (or teams of a user) are listed, so the page does not grow with them. */
const shownRelated = 100;

/** Per kind, at most this many owned resources are listed; the rest are one link away in Discover. */
const shownPerKind = 15;

function Owned({ owner }: { owner: Resource }) {
  const { catalog, urls } = useRender();
  const owned = ownedBy(catalog, owner, { viaTeams: owner.kind === 'user' });
  if (owned.length === 0) return <p class="sy-muted">Owns nothing yet.</p>;
  const byKind = new Map<string, Resource[]>();
  for (const r of owned) {
    const list = byKind.get(r.kind);
    if (list) list.push(r);
    else byKind.set(r.kind, [r]);
  }
  return (
    <>
      {[...byKind].map(([kind, list]) => (
        <section key={kind}>
          <h3>
            {titleCase(pluralLabel((list[0]?.kind ?? 'service') as Kind))} ({list.length})
          </h3>
          <ul class="sy-list">
            {list.slice(0, shownPerKind).map((r) => (
              <li key={r.key}>
                <ResourceRef resource={r} />
              </li>
            ))}
          </ul>
          {list.length > shownPerKind &&
            // Discover has tables for versioned kinds only; custom docs and the rest are listed in the sidebar.
            (discoverKinds.includes(kind as Kind) ? (
              <p>
                <a
                  href={`${urls.page(`/discover/${kindDef(kind as Kind).plural}`)}?owner=${encodeURIComponent(owner.id)}`}
                >
                  All {list.length} in Discover
                </a>
              </p>
            ) : (
              <p class="sy-muted">And {list.length - shownPerKind} more.</p>
            ))}
        </section>
      ))}
    </>
  );
}

/** A team or a user: contact, membership, and everything they own. */
export function PersonPage({ owner }: { owner: Resource<'team'> | Resource<'user'> }) {
  const { catalog, urls } = useRender();
  const d = owner.data as {
    summary?: string;
    email?: string;
    role?: string;
    slackDirectMessageUrl?: string;
    msTeamsDirectMessageUrl?: string;
    avatarUrl?: string;
  };
  const related = owner.kind === 'team' ? membersOf(catalog, owner) : teamsOf(catalog, owner);
  return (
    <Layout
      title={nameOf(owner)}
      description={d.summary}
      section={owner.kind === 'team' ? 'teams' : 'users'}
      path={urls.resourcePath(owner)}
    >
      <article class="sy-article">
        <p class="sy-eyebrow">{kindDef(owner.kind).label}</p>
        <h1>{nameOf(owner)}</h1>
        {(d.summary ?? d.role) && <p class="sy-lead">{d.summary ?? d.role}</p>}
        <ScoreLine resource={owner} />
        <ul class="sy-contact">
          {d.email && (
            <li>
              <a href={`mailto:${d.email}`}>{d.email}</a>
            </li>
          )}
          {d.slackDirectMessageUrl && (
            <li>
              <a href={d.slackDirectMessageUrl} rel="noopener noreferrer">
                Slack
              </a>
            </li>
          )}
          {d.msTeamsDirectMessageUrl && (
            <li>
              <a href={d.msTeamsDirectMessageUrl} rel="noopener noreferrer">
                Microsoft Teams
              </a>
            </li>
          )}
        </ul>
        {related.length > 0 && (
          <section>
            <h2>{owner.kind === 'team' ? 'Members' : 'Teams'}</h2>
            <ul class="sy-list">
              {related.slice(0, shownRelated).map((r) => (
                <li key={r.key}>
                  <ResourceRef resource={r} />
                </li>
              ))}
            </ul>
            {related.length > shownRelated && (
              <p class="sy-muted">And {related.length - shownRelated} more.</p>
            )}
          </section>
        )}
        <h2>Owns</h2>
        <Owned owner={owner} />
      </article>
    </Layout>
  );
}

/**
 * Cards per directory page: past it the directory continues on numbered pages, so a page stays the same
 * size however many people the catalog has.
 */
export const directoryPageSize = 120;

/** The teams or users a directory lists, in catalog order. */
function directoryOf(catalog: Catalog, kind: 'team' | 'user'): Resource[] {
  return resourcesOf(catalog, kind).filter((p) => !isHidden(p));
}

/** How many pages the directory of `kind` has (at least one). */
export function directoryPageCount(catalog: Catalog, kind: 'team' | 'user'): number {
  return Math.max(1, Math.ceil(directoryOf(catalog, kind).length / directoryPageSize));
}

/** `/directory/users`, then `/directory/users/2`, `/directory/users/3`... */
export function directoryPath(kind: 'team' | 'user', page = 1): string {
  const folder = `/directory/${kindDef(kind).plural}`;
  return page <= 1 ? folder : `${folder}/${page}`;
}

/** `/directory/teams` and `/directory/users`, one page of them (`page` from 1). */
export function DirectoryPage({ kind, page = 1 }: { kind: 'team' | 'user'; page?: number }) {
  const { catalog, urls } = useRender();
  const people = directoryOf(catalog, kind);
  const pages = directoryPageCount(catalog, kind);
  const shown = people.slice((page - 1) * directoryPageSize, page * directoryPageSize);
  const label = kind === 'team' ? 'Teams' : 'Users';
  const first = (page - 1) * directoryPageSize + 1;
  return (
    <Layout
      title={pages > 1 ? `${label} (page ${page} of ${pages})` : label}
      section={kind === 'team' ? 'teams' : 'users'}
      path={directoryPath(kind, page)}
      wide
    >
      <h1>{label}</h1>
      {pages > 1 && (
        <p class="sy-muted">
          {first}–{first + shown.length - 1} of {people.length}
        </p>
      )}
      <ResourceCards resources={shown} note={(p) => `${ownedBy(catalog, p).length} owned`} />
      {pages > 1 && (
        <nav class="sy-pager" aria-label={`Pages of ${label.toLowerCase()}`}>
          {page > 1 && (
            <a class="sy-pager-button" href={urls.page(directoryPath(kind, page - 1))} rel="prev">
              Previous
            </a>
          )}
          {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
            <a
              key={n}
              class="sy-pager-button"
              href={urls.page(directoryPath(kind, n))}
              aria-current={n === page ? 'page' : undefined}
            >
              {n}
            </a>
          ))}
          {page < pages && (
            <a class="sy-pager-button" href={urls.page(directoryPath(kind, page + 1))} rel="next">
              Next
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
