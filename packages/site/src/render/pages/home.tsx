import {
  countResources,
  type Kind,
  kindDef,
  kinds,
  pluralLabel,
  resourcesOf,
  singularLabel,
} from '@switchyard/model';
import { ResourceCards } from '../components/cards.js';
import { useRender } from '../context.js';
import { Layout } from '../layout.js';

/** Kinds counted on the home page: every kind with its own frontmatter id (not docs, changelogs). */
const featured: Kind[] = kinds.filter((k) => kindDef(k).identifiedBy === 'frontmatter');

/** Title, tagline, counts and the ways in. */
export function HomePage() {
  const { catalog, config, urls } = useRender();
  const counts = countResources(catalog);
  // The home page stays the same size whatever the catalog's: a few of each, the rest one click away.
  const domains = resourcesOf(catalog, 'domain').slice(0, 12);
  const flows = resourcesOf(catalog, 'flow').slice(0, 6);
  const docs = resourcesOf(catalog, 'doc');
  const discover = (kind: Kind) =>
    kind === 'team' || kind === 'user'
      ? urls.page(`/directory/${kindDef(kind).plural}`)
      : urls.page(`/discover/${kindDef(kind).plural}`);
  return (
    <Layout title={config.title} description={config.tagline} section="home" path="/" wide>
      <section class="sy-hero">
        <p class="sy-eyebrow">{config.organizationName ?? 'Catalog'}</p>
        <h1>{config.title}</h1>
        {config.tagline && <p class="sy-lead">{config.tagline}</p>}
        <p>
          <button type="button" class="sy-button sy-button--primary" data-sy-search-open>
            Search the catalog <kbd data-sy-search-key>⌘K</kbd>
          </button>
        </p>
      </section>
      <section aria-labelledby="sy-counts">
        <h2 id="sy-counts">What is in it</h2>
        <ul class="sy-stats">
          {featured
            .filter((k) => counts[k] > 0)
            .map((k) => (
              <li key={k}>
                <a href={discover(k)}>
                  <strong>{counts[k]}</strong>
                  <span>{counts[k] === 1 ? singularLabel(k) : pluralLabel(k)}</span>
                </a>
              </li>
            ))}
        </ul>
      </section>
      {domains.length > 0 && (
        <section aria-labelledby="sy-domains">
          <h2 id="sy-domains">Domains</h2>
          {counts.domain > domains.length && (
            <p>
              <a href={discover('domain')}>All {counts.domain} domains</a>
            </p>
          )}
          <ResourceCards resources={domains} />
        </section>
      )}
      {(flows.length > 0 || docs.length > 0) && (
        <section aria-labelledby="sy-start">
          <h2 id="sy-start">Start reading</h2>
          <ResourceCards resources={[...flows, ...docs.slice(0, 6)]} />
        </section>
      )}
    </Layout>
  );
}
