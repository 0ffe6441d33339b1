import type { LoadedCatalog } from '@switchyard/loader';
import type { Catalog, Diagnostic } from '@switchyard/model';
import type { VNode } from 'preact';
import type { BodyLinks } from '../node/body-links.js';
import type { FileContent } from '../node/writer.js';
import type { RenderContext } from '../render/context.js';
import type { Urls } from '../urls.js';

/** What a section of the site gets from the build: the catalog, and the only ways to write output. */
export interface SectionContext {
  loaded: LoadedCatalog;
  catalog: Catalog;
  urls: Urls;
  /** The render context every page starts from (add `resource` for a resource's own page). */
  base: Omit<RenderContext, 'diagrams'>;
  /** Renders a page to HTML, laying out its diagrams (cached by graph) between two passes. */
  render(page: () => VNode, ctx?: Omit<RenderContext, 'diagrams'>): Promise<string>;
  /** Writes a page at a site path (`/visualiser/graph`); the file name follows `trailingSlash`. */
  writePage(path: string, html: string): Promise<void>;
  /** Writes any file, at a path relative to the output folder (`api/graph.json`). */
  write(path: string, content: FileContent): Promise<void>;
  report(diagnostic: Diagnostic): void;
  /** Reads a catalog file as text, relative to the root; undefined if absent or outside the root. */
  readFile(path: string): string | undefined;
  /** On an incremental (dev) rebuild, the keys of the resources that changed; undefined on a full build. */
  only: ReadonlySet<string> | undefined;
  /**
   * Whether to write the section's catalog-wide pages and files (indexes, catalog maps) too: a full build
   * and a dev rebuild do; a dev server rendering one resource's pages on demand does not.
   */
  wide: boolean;
  /** Checks and rewrites the links written in bodies a section renders (changelogs); see `renderBody`. */
  bodyLinks?: BodyLinks;
}

/**
 * A part of the site with its own pages and files (visualiser, schemas, JSON API). The build runs every
 * section after the resource pages; a section that throws is reported, and the rest of the site is built.
 */
export interface SiteSection {
  name: string;
  /**
   * Runs before any page renders (pages render synchronously): computes what pages read, such as parsed
   * schemas, and returns it to be added to every page's render context.
   */
  prepare?(ctx: PrepareContext): Promise<Partial<RenderContext>>;
  build(ctx: SectionContext): Promise<void>;
  /**
   * Builds on a thread of its own on a full build from disk (`BuildOptions.threads`), from its own load of
   * the catalog: only for a section that needs nothing `prepare` computes.
   */
  ownThread?: boolean;
  /**
   * False for a section on its own thread that never reads a resource's body (nor anything made from
   * one): its thread gets the catalog without bodies, a smaller copy of the model.
   */
  readsBodies?: false;
  /** After the section built on its own thread: lets this thread remember what a later rebuild needs. */
  afterOwnThread?(ctx: SectionContext): Promise<void>;
}

/** What a section's `prepare` gets: the catalog, and the ways to read files and report problems. */
export type PrepareContext = Pick<SectionContext, 'loaded' | 'catalog' | 'report' | 'readFile' | 'only'> & {
  /**
   * On demand (a dev server rendering pages as they are asked for): what earlier `prepare` calls returned.
   * With it, `prepare` computes for the resources of `only` alone and adds them to it; without it, for all.
   */
  extend?: Partial<RenderContext> | undefined;
};
