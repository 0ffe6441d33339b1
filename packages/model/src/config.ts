import { z } from 'zod';

/**
 * Catalog settings: EventCatalog's `eventcatalog.config.js` fields that Switchyard uses, plus our own.
 * Fields we do not know are kept (EventCatalog has many) but not typed.
 */
export const configSchema = z.looseObject({
  /** Site title, e.g. "Acme Inc". */
  title: z.string().optional(),
  tagline: z.string().optional(),
  organizationName: z.string().optional(),
  homepageLink: z.string().optional(),
  /** URL path the site is served under, e.g. "/catalog/". */
  base: z.string().optional(),
  /** Links end with "/" when true. */
  trailingSlash: z.boolean().optional(),
  /** Build output folder, relative to the catalog. */
  outDir: z.string().optional(),
  logo: z
    .looseObject({ src: z.string().optional(), alt: z.string().optional(), text: z.string().optional() })
    .optional(),
  editUrl: z.string().optional(),
  repositoryUrl: z.string().optional(),
  port: z.number().optional(),
  llmsTxt: z.looseObject({ enabled: z.boolean().optional() }).optional(),
  /** EventCatalog 1.x: the site's URL path (what `base` is from 2.x on). */
  basePath: z.string().optional(),
  /**
   * EventCatalog 1.x: the people resources name as owners, declared here rather than in `users/`
   * (`[{ id, name, avatarUrl?, role? }]`). Read as users; a `users/` file with the same id wins.
   */
  users: z.array(z.looseObject({ id: z.unknown().optional() })).optional(),
  /** Schema compatibility mode for every message (`BACKWARD` unless set; see docs/compatibility.md). */
  compatibility: z.string().optional(),
});

export type CatalogConfig = z.infer<typeof configSchema>;

/** The settings every part of Switchyard reads, with defaults filled in. */
export interface ResolvedConfig extends CatalogConfig {
  title: string;
  base: string;
  trailingSlash: boolean;
  outDir: string;
}

/** Typing help for `switchyard.config.ts`: returns its argument. */
export function defineConfig(config: CatalogConfig): CatalogConfig {
  return config;
}

/** Fills in defaults and normalises `base` to start and end with "/". */
export function resolveConfig(config: CatalogConfig): ResolvedConfig {
  const raw = config.base ?? config.basePath ?? '/';
  const base = `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/\/+/g, '/');
  return {
    ...config,
    title: config.title ?? config.organizationName ?? 'Catalog',
    base,
    trailingSlash: config.trailingSlash ?? false,
    outDir: config.outDir ?? 'dist',
  };
}
