import { BoundedCache, diagnostic, type Resource, stringBytes } from '@switchyard/model';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { componentsFor, mdxComponents } from '../render/components/index.js';
import { Context, type RenderContext } from '../render/context.js';
import type { TocEntry } from '../render/layout.js';
import { type BodyLinks, rewriteLinks } from './body-links.js';
import { compileBody } from './mdx.js';
import { removedContentDiagnostics } from './sanitize-html.js';
import { isOversizedBody, oversizedBody } from './sanitize-limits.js';

/**
 * Drawn diagrams kept across pages and builds, by graph: at most this many bytes (the least recently used
 * go). Enough for every drawing of the main thread at bench M (945, 23 MB), so a rebuild of a catalog that
 * size draws only what changed; at L (27,000 drawings) a rebuild reuses a few percent whatever the bound.
 */
export const svgCacheBytes = 24 * 1024 * 1024;

/**
 * What a build thread keeps of what it drew. A thread's drawings are not kept for the next build (the main
 * thread's are), and a thread seldom draws one graph twice: in a threaded build of bench M the visualiser's
 * thread had no hit in 1,106 drawings. A few, for the pages that draw a graph twice.
 */
export const threadSvgCacheBytes = 2 * 1024 * 1024;

/** The drawn diagrams of a build (and of the build before it), bounded in bytes. */
export const createSvgCache = (bytes = svgCacheBytes) => new BoundedCache<string>(bytes, stringBytes);
export type SvgCache = BoundedCache<string>;

/** Renders a page to HTML. Diagrams are laid out between two passes: the first asks, the second draws. */
export async function renderHtml(
  ctx: Omit<RenderContext, 'diagrams'>,
  page: () => VNode,
  svgCache: SvgCache,
) {
  const pending: Promise<void>[] = [];
  // What the first pass waited for, kept for the second whatever the shared cache drops meanwhile.
  const waited = new Map<string, string>();
  const diagrams: RenderContext['diagrams'] = {
    svg(key, make) {
      const known = waited.get(key) ?? svgCache.get(key);
      if (known !== undefined) return known;
      const made = make();
      if (typeof made === 'string') {
        svgCache.set(key, made);
        return made;
      }
      pending.push(
        made.then(
          (svg) => {
            waited.set(key, svg);
            svgCache.set(key, svg);
          },
          () => void waited.set(key, '<p class="sy-ref--broken">This diagram could not be laid out.</p>'),
        ),
      );
      return undefined;
    },
  };
  const full = { ...ctx, diagrams };
  const draw = () =>
    `<!doctype html>${renderToString(<Context.Provider value={full}>{page()}</Context.Provider>)}`;
  let html = draw();
  if (pending.length > 0) {
    await Promise.all(pending);
    html = draw();
  }
  return html;
}

/**
 * A resource's body as a Preact element, with its headings; problems in the body are reported. It is
 * compiled under the build's raw HTML policy (`build.trusted`). With `links`, the links the author wrote
 * are checked and written as the site serves them.
 */
export async function renderBody(
  resource: Resource,
  { report, build }: Pick<RenderContext, 'report' | 'build'>,
  links?: BodyLinks,
) {
  if (isOversizedBody(resource)) return oversizedBody(resource, report);
  const compiled = await compileBody(resource.body, build.trusted);
  const file = resource.source.file;
  if (compiled.error) {
    report(
      diagnostic('mdx-syntax', `The body is not valid MDX: ${compiled.error.message}`, {
        file,
        line: resource.source.bodyLine + compiled.error.line - 1,
        column: compiled.error.column,
      }),
    );
  }
  for (const d of removedContentDiagnostics(compiled.facts, resource)) report(d);
  for (const name of compiled.facts.components) {
    if (
      !mdxComponents[name] &&
      !compiled.facts.imported.has(name) &&
      !resource.imports.some((i) => i.name === name)
    ) {
      report(
        diagnostic('unknown-component', `<${name}> is not a component Switchyard knows.`, {
          file,
          line: resource.source.bodyLine,
          column: 1,
        }),
      );
    }
  }
  links?.check(resource, compiled.facts.links ?? [], report);
  const Content = compiled.create({ ...resource.custom, ...(resource.data as object) });
  const components = componentsFor(compiled.facts.components, compiled.facts.imported);
  const toc: TocEntry[] = compiled.facts.headings.filter((h) => h.depth >= 2 && h.depth <= 3);
  const fix = links?.rewriter(resource);
  return {
    body: <SafeBody Content={Content as unknown as BodyFn} components={components} fix={fix} />,
    toc,
  };
}

/** Runs the body; an expression that fails at render (`{frontmatter.nope.x}`) shows a note, not a crash. */
type BodyFn = (p: { components: Record<string, unknown> }) => VNode;

function SafeBody({
  Content,
  components,
  fix,
}: {
  Content: BodyFn;
  components: Record<string, unknown>;
  fix: ((href: string, element: boolean) => string) | undefined;
}) {
  try {
    const tree = Content({ components });
    if (fix) rewriteLinks(tree, fix);
    return tree;
  } catch (error) {
    return <p class="sy-ref--broken">This page's body could not be rendered: {(error as Error).message}</p>;
  }
}
