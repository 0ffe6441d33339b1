import { kindDef, type ResolvedConfig, type Resource } from '@switchyard/model';

/**
 * Every URL the site makes, in one place, at EventCatalog's paths so hand-written links keep working:
 * `/docs/{kind plural}/{id}/{version}`, `/docs/{kind plural}/{id}` (latest), `/docs/custom/{path}`,
 * `/docs/teams/{id}`, `/docs/users/{id}`, `/visualiser/...`. `base` and `trailingSlash` apply to all.
 */
export interface Urls {
  /** A site path (`/docs/x`) as a link: base prefixed, trailing slash per config. */
  page(path: string): string;
  /** A file in the output (`/_sy/site.css`, `/api/nav.json`): base prefixed, never a trailing slash. */
  asset(path: string): string;
  /** Where a resource's page lives, at its version (or latest with `latest`). */
  resourcePath(resource: Resource, options?: { latest?: boolean }): string;
  resource(resource: Resource, options?: { latest?: boolean }): string;
  /** The raw Markdown of a resource's page. */
  markdown(resource: Resource): string;
  visualiserPath(resource: Resource): string;
  /**
   * The file a page path is written to: always `docs/x/index.html`, which every static host serves for
   * `/docs/x/` (and for `/docs/x`, directly or by redirect).
   */
  fileFor(path: string): string;
}

/**
 * The version part of a resource's paths: `/1.0.0`, or nothing for a resource without a version (a
 * versionless catalog's, whose pages live at `/docs/events/{id}`).
 */
export const versionSegment = (r: Pick<Resource, 'version'>): string => (r.version ? `/${r.version}` : '');

/** Whether a resource has a page of its own (changelogs show on their resource's, glossaries on their domain's). */
export const hasPage = (r: Resource): boolean => r.kind !== 'changelog' && r.kind !== 'ubiquitous-language';

export function createUrls(config: Pick<ResolvedConfig, 'base' | 'trailingSlash'>): Urls {
  const base = config.base.replace(/\/+$/, '');
  const page = (path: string) => {
    if (path === '/' || path === '') return `${base}/`;
    const clean = path.replace(/\/+$/, '');
    return `${base}${clean}${config.trailingSlash ? '/' : ''}`;
  };
  const resourcePath = (r: Resource, options: { latest?: boolean } = {}) => {
    if (r.kind === 'doc') return `/docs/custom/${r.id}`;
    const plural = kindDef(r.kind).plural;
    if (!kindDef(r.kind).versioned || options.latest) return `/docs/${plural}/${r.id}`;
    return `/docs/${plural}/${r.id}${versionSegment(r)}`;
  };
  return {
    page,
    asset: (path) => `${base}${path}`,
    resourcePath,
    resource: (r, options) => page(resourcePath(r, options)),
    markdown: (r) => `${base}${resourcePath(r)}.md`,
    visualiserPath: (r) => `/visualiser/${kindDef(r.kind).plural}/${r.id}${versionSegment(r)}`,
    fileFor: (path) => {
      const clean = path.replace(/^\/+|\/+$/g, '');
      if (clean === '') return 'index.html';
      return `${clean}/index.html`;
    },
  };
}
