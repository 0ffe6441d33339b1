import { z } from 'zod';

/**
 * Accepted as written and not read: EventCatalog's meaning only. Not typed, so a value EventCatalog
 * accepts (whatever its version) never makes Switchyard refuse the config file.
 */
const ignored = z.unknown().optional();

/**
 * The fields of EventCatalog's `eventcatalog.config.js` (every version, 1.x to 4.x) that Switchyard does
 * not use. Declared so a config written for EventCatalog gets no `config-unknown-field` warning, while a
 * misspelt field does. The fields Switchyard reads are typed in `config.ts`.
 */
export const eventCatalogOnlyFields = {
  /** EventCatalog 2+: the catalog's id, for EventCatalog's telemetry. */
  cId: ignored,
  /** EventCatalog 2+: the page the site opens on. */
  landingPage: ignored,
  /** EventCatalog 3+: the dev server's host. */
  host: ignored,
  /** EventCatalog 2+: `'static'` or `'server'` (server-side rendering). */
  output: ignored,
  /** EventCatalog 3+: server options (`allowedHosts`). */
  server: ignored,
  /** EventCatalog 3+: server security options (`checkOrigin`). */
  security: ignored,
  /** EventCatalog 3+: the colour theme (`default`, `ocean`, `sapphire`, `sunset`, `forest`). */
  theme: ignored,
  /** EventCatalog 2+: sign-in for server output. */
  auth: ignored,
  /** EventCatalog 3+: EventCatalog's own MCP server (`switchyard mcp` needs no setting). */
  mcp: ignored,
  /** EventCatalog 2+: RSS feeds (`enabled`, `limit`). */
  rss: ignored,
  /** EventCatalog 3+: search mode (`resource` or `indexed`). */
  search: ignored,
  /** EventCatalog 2+: AsyncAPI page options (`renderParsedSchemas`, `allowAnyEnvInSpecHeaders`). */
  asyncAPI: ignored,
  /** EventCatalog 2+: Astro's MDX optimisation. */
  mdxOptimize: ignored,
  /** EventCatalog 2+: compress the built files. */
  compress: ignored,
  /** EventCatalog 3+: custom Astro pages (`prefix`). */
  pages: ignored,
  /** EventCatalog 2+: the navigation rail (`pages`, `groups`). */
  navigation: ignored,
  /** EventCatalog 2+: the docs sidebar (`sidebar.type`, `showOrphanedMessages`). */
  docs: ignored,
  /** EventCatalog 2.x: sidebar entries shown or hidden. */
  sidebar: ignored,
  /** EventCatalog 2+: resources of other catalogs this one depends on. */
  dependencies: ignored,
  /** EventCatalog 4: external sources of users and teams. */
  directory: ignored,
  /** EventCatalog 4: external schema sources. */
  schemas: ignored,
  /** EventCatalog 2+: Mermaid options (`maxTextSize`, `iconPacks`). */
  mermaid: ignored,
  /** EventCatalog 2+: the AI chat. */
  chat: ignored,
  /** EventCatalog 3+: the `/api/catalog` endpoint (`fullCatalogAPIEnabled`). */
  api: ignored,
  /** EventCatalog 2+: changelog pages (`enabled`). */
  changelog: ignored,
  /** EventCatalog 2+: visualiser options (`enabled`, `channels.renderMode`). */
  visualiser: ignored,
  /** EventCatalog 2.x: how channels are drawn (`renderMode`). */
  channels: ignored,
  /** EventCatalog 2+: deployment environments listed in the header. */
  environments: ignored,
  /** EventCatalog 2+: table columns of the teams directory (`tableConfiguration`). */
  teams: ignored,
  /** EventCatalog 2+: table columns of the events table. */
  events: ignored,
  /** EventCatalog 3+: table columns of the agents table. */
  agents: ignored,
  /** EventCatalog 2+: table columns of the services table. */
  services: ignored,
  /** EventCatalog 2+: table columns of the domains table. */
  domains: ignored,
  /** EventCatalog 4: table columns of the systems table. */
  systems: ignored,
  /** EventCatalog 2+: table columns of the flows table. */
  flows: ignored,
  /** EventCatalog 2+: table columns of the data stores table. */
  containers: ignored,
  /** EventCatalog 2+: table columns of the commands table. */
  commands: ignored,
  /** EventCatalog 2+: table columns of the queries table. */
  queries: ignored,
  /** EventCatalog 3+: EventCatalog Cloud (analytics). */
  cloud: ignored,
  /** EventCatalog 3+: analytics integrations (`ga4`, `gtm`, `posthog`). */
  integrations: ignored,
  /** EventCatalog 2+: options for Scalar's OpenAPI viewer. */
  scalarConfiguration: ignored,
  /** EventCatalog 1+: generator plugins run by `eventcatalog generate`. */
  generators: ignored,
  /** EventCatalog 2.x: the folder holding the catalog's content. */
  contentDir: ignored,
  /** EventCatalog 1.x: the project's name. */
  projectName: ignored,
  /** EventCatalog 1.x: the home page's first call-to-action link (`{ label, href }`). */
  primaryCTA: ignored,
  /** EventCatalog 1.x: the home page's second call-to-action link. */
  secondaryCTA: ignored,
  /** EventCatalog 1.x: links in the header. */
  headerLinks: ignored,
  /** EventCatalog 1.x: links in the footer. */
  footerLinks: ignored,
  /** EventCatalog 1.x: Open Graph tags (`ogTitle`, `ogUrl`, `ogDescription`, `ogImage`). */
  openGraph: ignored,
  /** EventCatalog 1.x: analytics (`googleAnalyticsTrackingId`). */
  analytics: ignored,
};
