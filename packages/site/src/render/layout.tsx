import type { ComponentChildren } from 'preact';
import { useRender } from './context.js';

export interface TocEntry {
  depth: number;
  text: string;
  id: string;
}

/** The one inline script of every page (theme before first paint); its hash is in the CSP. */
export const themeScript =
  "try{var t=localStorage.getItem('sy-theme');document.documentElement.dataset.theme=t||(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light')}catch(e){}";

const defaultIcon =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%23c2410c'/%3E%3Cpath d='M8 22h16M8 16h16M8 10h16' stroke='white' stroke-width='3'/%3E%3C/svg%3E";

function favicon(logo: { src?: string | undefined } | undefined, asset: (p: string) => string): string {
  if (!logo?.src) return defaultIcon;
  return logo.src.startsWith('/') ? asset(logo.src) : logo.src;
}

/** Line icons for the rail, drawn with currentColor so they follow the theme. */
const railIcons: Record<string, string> = {
  home: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  docs: 'M6 3h9l5 5v13H6zM14 3v6h6M9 13h8M9 17h8',
  discover: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  schemas: 'M8 4c-3 0-3 2-3 4s-1 4-3 4c2 0 3 2 3 4s0 4 3 4M16 4c3 0 3 2 3 4s1 4 3 4c-2 0-3 2-3 4s0 4-3 4',
  teams:
    'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M17 11a3 3 0 1 0 0-6M21 20c0-3-2-5.4-4.5-5.9',
  users: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4.4 3.6-8 8-8s8 3.6 8 8',
  scorecards: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .2-1.3-1.3L17 5l-3-1-1 2h-2l-1-2-3 1 .3 2L6 8.2 4 8l-1 3 2 1v0l-2 1 1 3 2-.2 1.3 1.3L7 19l3 1 1-2h2l1 2 3-1-.3-2 1.3-1.3 2 .3 1-3z',
};

function RailIcon({ name }: { name: string }) {
  return (
    <svg class="sy-rail__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path
        d={railIcons[name] ?? ''}
        fill="none"
        stroke="currentColor"
        stroke-width="1.7"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

function RailLink({
  href,
  label,
  icon,
  current,
}: {
  href: string;
  label: string;
  icon: string;
  current: boolean;
}) {
  return (
    <a class="sy-rail__link" href={href} aria-current={current ? 'page' : undefined}>
      <RailIcon name={icon} />
      <span>{label}</span>
    </a>
  );
}

/** The app rail: Home, Docs, Browse, Organization, Settings. */
function Rail({ section }: { section: string }) {
  const { urls } = useRender();
  const link = (href: string, label: string, icon: string, name: string) => (
    <RailLink href={urls.page(href)} label={label} icon={icon} current={section === name} />
  );
  return (
    <nav class="sy-rail" aria-label="Sections">
      {link('/', 'Home', 'home', 'home')}
      {link('/docs', 'Docs', 'docs', 'docs')}
      <p class="sy-rail__group">Browse</p>
      {link('/discover/services', 'Catalog', 'discover', 'discover')}
      {link('/schemas', 'Schemas & APIs', 'schemas', 'schemas')}
      <p class="sy-rail__group">Organization</p>
      {link('/directory/teams', 'Teams', 'teams', 'teams')}
      {link('/directory/users', 'Users', 'users', 'users')}
      {link('/scorecards', 'Scorecards', 'scorecards', 'scorecards')}
      <span class="sy-rail__spacer" />
      {link('/settings', 'Settings', 'settings', 'settings')}
    </nav>
  );
}

function Header() {
  const { config, urls } = useRender();
  const logo = config.logo;
  return (
    <header class="sy-header">
      <a class="sy-brand" href={urls.page('/')}>
        {logo?.src && (
          <img
            src={logo.src.startsWith('/') ? urls.asset(logo.src) : logo.src}
            alt={logo.alt ?? ''}
            width={28}
            height={28}
          />
        )}
        <span>{logo?.text ?? config.title}</span>
      </a>
      <button type="button" class="sy-search-button" data-sy-search-open aria-label="Search the catalog">
        <span aria-hidden="true">⌕</span> Search
        <kbd data-sy-search-key>⌘K</kbd>
      </button>
      <button
        type="button"
        class="sy-icon-button"
        data-sy-theme-toggle
        aria-label="Switch between light and dark"
      >
        ◐
      </button>
    </header>
  );
}

export interface LayoutProps {
  title: string;
  description?: string | undefined;
  /** Which rail entry is active. */
  section: string;
  /** The page's own path (for the sidebar's current item). */
  path: string;
  toc?: TocEntry[];
  aside?: ComponentChildren;
  children: ComponentChildren;
  /** Pages without the docs sidebar (home, directories). */
  wide?: boolean;
}

/**
 * Every page's frame. It carries no catalog-wide data: the sidebar and search load their JSON once
 * (`api/nav.json`, `api/search/*.json`) and cache it, so a page's size does not grow with the catalog.
 */
export function Layout({ title, description, section, path, toc, aside, children, wide }: LayoutProps) {
  const { config, build, urls } = useRender();
  const pageTitle = title === config.title ? title : `${title} | ${config.title}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        {description && <meta name="description" content={description} />}
        <meta name="sy-base" content={urls.page('/')} />
        <meta name="sy-trailing-slash" content={String(config.trailingSlash)} />
        <meta name="sy-build" content={build.id} />
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
        <link rel="icon" href={favicon(config.logo, urls.asset)} />
        <link rel="stylesheet" href={urls.asset('/_sy/site.css')} />
        {build.hasCustomStyles && <link rel="stylesheet" href={urls.asset('/_sy/eventcatalog.styles.css')} />}
        <script type="module" src={urls.asset('/_sy/client/main.js')} />
      </head>
      <body>
        <a class="sy-skip" href="#content">
          Skip to content
        </a>
        <div class={`sy-app${wide ? ' sy-app--wide' : ''}`}>
          <Header />
          <Rail section={section} />
          {!wide && (
            <nav class="sy-sidebar" data-sy-sidebar data-current={urls.page(path)} aria-label="Catalog" />
          )}
          <main id="content" class="sy-main">
            {children}
          </main>
          {!wide && (
            <aside class="sy-aside">
              {toc && toc.length > 0 && (
                <nav class="sy-toc" aria-label="On this page">
                  <p class="sy-aside__title">On this page</p>
                  <ul>
                    {toc.map((h) => (
                      <li key={h.id} class={`sy-toc__d${h.depth}`}>
                        <a href={`#${h.id}`}>{h.text}</a>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
              {aside}
            </aside>
          )}
        </div>
      </body>
    </html>
  );
}
