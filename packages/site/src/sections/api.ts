import { staticApiFiles } from '@switchyard/api';
import type { SiteSection } from './section.js';

/**
 * The static JSON API: `api/catalog.json`, `api/graph.json` and `api/{kind plural}/{id}/{version}.json`
 * (built by `@switchyard/api`; this section only writes them). On a dev rebuild only the affected
 * resources' files are written again.
 */
export const apiSection: SiteSection = {
  name: 'JSON API',
  async build(ctx) {
    const urlOf = (r: Parameters<typeof ctx.urls.resource>[0], options?: { latest?: boolean }) =>
      ctx.urls.resource(r, options);
    for (const [path, content] of staticApiFiles(
      ctx.catalog,
      urlOf,
      ctx.loaded.config.title,
      ctx.only,
      ctx.wide,
    ))
      await ctx.write(path, content);
  },
};
