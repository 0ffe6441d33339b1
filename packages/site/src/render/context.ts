import type { Catalog, Diagnostic, ResolvedConfig, Resource } from '@switchyard/model';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Urls } from '../urls.js';
import type { SiteSchemas } from './components/schema-data.js';

/** A laid-out diagram, ready to draw, or a request to lay one out before the page renders again. */
export interface DiagramSource {
  /** The SVG when the layout is known (`make` may draw it at once); undefined while it is pending. */
  svg(key: string, make: () => string | Promise<string>): string | undefined;
}

/**
 * What one build decided, beside the catalog's config. It travels with the build (render context,
 * section jobs, compile jobs), never in a module variable: two builds in one process share none of it.
 */
export interface BuildSettings {
  /** Names this build, so the browser drops data cached from an earlier one (`<meta name="sy-build">`). */
  id: string;
  /** The catalog has an `eventcatalog.styles.css`, which every page links. */
  hasCustomStyles: boolean;
  /** The config's `trustContent`: bodies compile without the raw HTML policy (docs/security.md). */
  trusted: boolean;
  /** The folder the site is written to: what a dev server's rebuilds remember is kept per folder. */
  outDir: string;
}

/** Everything a page and its components may read. Renderers are pure: they get all of it from here. */
export interface RenderContext {
  catalog: Catalog;
  config: ResolvedConfig;
  build: BuildSettings;
  urls: Urls;
  /** The resource whose page is rendering (MDX components default to it). */
  resource?: Resource;
  diagrams: DiagramSource;
  /** Reads a file of the catalog (schemas, specs) as text, relative to the root; undefined if absent. */
  readFile(path: string): string | undefined;
  /** Reports a problem found while rendering (an unknown component, a body that is not valid MDX). */
  report(diagnostic: Diagnostic): void;
  /** Schemas and specs parsed before rendering (by the schemas section); absent, they show as source. */
  schemas?: SiteSchemas;
}

export const Context = createContext<RenderContext | null>(null);

export function useRender(): RenderContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('Site components render inside a RenderContext provider');
  return ctx;
}
