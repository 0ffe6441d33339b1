import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface LinkReport {
  pages: number;
  links: number;
  /** Internal links that lead nowhere, with the page they are on. */
  broken: { page: string; href: string }[];
  /** Links to sections later work owns (maps, schema explorer), counted apart. */
  pending: { page: string; href: string }[];
}

const pendingPrefixes: string[] = [];

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

function exists(root: string, path: string): boolean {
  const target = join(root, path);
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return true;
  }
  return false;
}

/**
 * Checks every internal `href` and `src` of every page of a built site against the files written, the
 * way a static host would resolve them. Fragment-only and external links are not checked.
 */
export function checkLinks(outDir: string, base = '/'): LinkReport {
  const prefix = base.replace(/\/+$/, '');
  const report: LinkReport = { pages: 0, links: 0, broken: [], pending: [] };
  for (const file of htmlFiles(outDir)) {
    report.pages++;
    const page = `/${relative(outDir, file)}`;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = (m[1] as string).replace(/&amp;/g, '&');
      if (!raw.startsWith('/') || raw.startsWith('//')) continue;
      report.links++;
      let path = decodeURIComponent(raw.split(/[?#]/)[0] as string);
      if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length) || '/';
      if (exists(outDir, path)) continue;
      (pendingPrefixes.some((p) => path.startsWith(p)) ? report.pending : report.broken).push({
        page,
        href: raw,
      });
    }
  }
  return report;
}
