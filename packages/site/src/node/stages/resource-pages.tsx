import { diagnostic, kindDef, nameOf, type Resource } from '@switchyard/model';
import { renderMarkdown } from '../../data/llms.js';
import { orderedDocs } from '../../data/nav.js';
import { PersonPage } from '../../render/pages/people.js';
import { type Neighbour, ResourcePage } from '../../render/pages/resource-page.js';
import { redirectPage, redirectScriptPath } from '../../render/redirect.js';
import { compileBody } from '../mdx.js';
import { renderBody, renderHtml } from '../render-page.js';
import { isOversizedBody } from '../sanitize-limits.js';
import type { Build } from './context.js';

/**
 * The render stage for resources: a page per resource version (the newest's URL without a version leads
 * to it) and its Markdown beside it. Bodies compile on worker threads ahead of the page being rendered; pages render
 * several at a time, so while one waits for its diagrams (laid out on a second thread) the next renders.
 */

/**
 * How many bodies ahead of the page being rendered the worker threads compile: enough to keep them busy
 * through a run of slow bodies; each one waits in the compile cache (12 MB, `node/mdx.ts`) until its page.
 */
const compileAhead = 300;
/** Pages in flight at once. */
const pagesInFlight = 8;

/** Starts compiling the first bodies: a head start while sections prepare. */
export function startCompiling(build: Build): void {
  for (let i = 0; i < compileAhead; i++) compileAt(build, i);
}

/** Renders and writes every resource page of the build. */
export async function renderResourcePages(build: Build): Promise<void> {
  const render = resourcePageRenderer(build);
  await inParallel(build.toRender, pagesInFlight, async (resource, index) => {
    compileAt(build, index + compileAhead);
    await render(resource);
  });
  build.phase('resources');
}

function compileAt(build: Build, index: number): void {
  const r = build.toRender[index];
  if (r && !isOversizedBody(r)) void compileBody(r.body, build.base.build.trusted).catch(() => undefined);
}

/** Renders and writes one resource's page (and its Markdown); a page that cannot render is a diagnostic. */
export function resourcePageRenderer(build: Build): (resource: Resource) => Promise<void> {
  const { loaded, urls, base, report } = build;
  const neighbours = docNeighbours(build);
  return async (resource) => {
    const ctx = { ...base, resource };
    try {
      const { body, toc } = await renderBody(resource, base, build.bodyLinks);
      const path = urls.resourcePath(resource);
      const people = resource.kind === 'team' || resource.kind === 'user';
      const page = () =>
        people ? (
          <PersonPage owner={resource as Resource<'team'>} />
        ) : (
          <ResourcePage resource={resource} path={path} body={body} toc={toc} {...neighbours(resource)} />
        );
      await build.writePage(path, await renderHtml(ctx, page, build.output.layouts));
      // The newest version's EventCatalog URL without a version leads to its page: one copy of each page.
      // A versionless resource's page is at that URL; its `/latest` leads to it, as a version would.
      const newest = loaded.catalog.versions.get(`${resource.kind}:${resource.id}`)?.[0] === resource;
      if (kindDef(resource.kind).versioned && newest) {
        const other = resource.version ? urls.resourcePath(resource, { latest: true }) : `${path}/latest`;
        await build.writePage(
          other,
          redirectPage(urls.page(path), nameOf(resource), urls.asset(redirectScriptPath)),
        );
      }
      await build.write(`${urls.resourcePath(resource).replace(/^\//, '')}.md`, renderMarkdown(resource));
    } catch (error) {
      report(
        diagnostic('mdx-syntax', `The page could not be rendered: ${(error as Error).message}`, {
          file: resource.source.file,
          line: resource.source.bodyLine,
          column: 1,
        }),
      );
    }
  };
}

/** A custom doc's previous and next docs in the sidebar's order. */
function docNeighbours(build: Build): (r: Resource) => { previous?: Neighbour; next?: Neighbour } {
  const docs = orderedDocs(build.loaded.catalog);
  const docIndex = new Map(docs.map((d, i) => [d.key, i]));
  const link = (d: Resource<'doc'> | undefined) =>
    d ? { title: nameOf(d), href: build.urls.resource(d) } : undefined;
  return (r) => {
    const i = docIndex.get(r.key) ?? -1;
    if (i === -1) return {};
    const previous = link(docs[i - 1]);
    const next = link(docs[i + 1]);
    return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
  };
}

/** Runs `task` over `items`, at most `limit` at once. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
