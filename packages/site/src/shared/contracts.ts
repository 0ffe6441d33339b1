/**
 * The JSON files the build writes once and the browser scripts read (`api/nav.json`,
 * `api/discover/{plural}.json`): one definition for both sides. Types only, so it runs nowhere.
 */

export interface NavItem {
  label: string;
  /** With the site's base. */
  href: string;
  kind?: string;
  badge?: string;
  children?: NavItem[];
}

/** `api/nav.json`: the docs sidebar. */
export interface Nav {
  groups: { title: string; items: NavItem[] }[];
}

/** One row of a Discover table. */
export interface DiscoverRow {
  name: string;
  url: string;
  id: string;
  version: string;
  summary?: string;
  domains: string[];
  owners: string[];
  /** For messages, who sends them; for services, what they send. */
  producers: string[];
  /** For messages, who receives them; for services, what they receive. */
  consumers: string[];
  badges: string[];
  versions: string[];
  draft: boolean;
  deprecated: boolean;
}

/** `api/discover/{plural}.json`. */
export interface DiscoverData {
  kind: string;
  label: string;
  rows: DiscoverRow[];
}
