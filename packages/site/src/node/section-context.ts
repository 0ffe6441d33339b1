import type { LoadedCatalog } from '@switchyard/loader';
import type { RenderContext } from '../render/context.js';
import type { SectionContext } from '../sections/section.js';
import type { BodyLinks } from './body-links.js';
import { renderHtml, type SvgCache } from './render-page.js';

/** What a section builds with, on the build's thread or on one of its own. */
export function sectionContextFor(
  loaded: LoadedCatalog,
  base: Omit<RenderContext, 'diagrams'>,
  svgCache: SvgCache,
  writer: Pick<SectionContext, 'write' | 'writePage'>,
  only: ReadonlySet<string> | undefined,
  bodyLinks?: BodyLinks,
  wide = true,
): SectionContext {
  return {
    ...(bodyLinks ? { bodyLinks } : {}),
    loaded,
    catalog: loaded.catalog,
    urls: base.urls,
    base,
    render: (page, ctx = base) => renderHtml(ctx, page, svgCache),
    writePage: writer.writePage,
    write: writer.write,
    report: base.report,
    readFile: base.readFile,
    only,
    wide,
  };
}
