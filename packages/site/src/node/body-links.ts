import { join } from 'node:path';
import { copyInside, refusalText, rootPolicy } from '@switchyard/loader';
import { type Catalog, type Diagnostic, diagnostic, type Location, type Resource } from '@switchyard/model';
import { hasPage, type Urls } from '../urls.js';
import type { LinkLedger } from './check-links.js';
import { catalogTarget, outputIndex, siteTarget, targetKey } from './link-target.js';
import type { LinkFact } from './remark-links.js';

/** Where catalog files that bodies link to (a spec, an image beside the page) are copied, by catalog path. */
export const linkedFilesPath = '/_sy/files/';

/** A hand-written link as the site serves it, or why it cannot. */
type Resolved =
  | {
      /** Site path without the base, with the query and fragment written (`/docs/events/x/1.0.0#schema`). */
      path: string;
      /** The link with the base (what `<a>` and `<img>` carry). */
      url: string;
      key: string;
      /** The catalog file to copy into the output for it. */
      copy?: string;
    }
  | { problem: string; hint: string; code?: 'file-outside-catalog' };

interface Place extends Location {
  href: string;
}

/** What a build thread's body links found, for the main thread's check after writing (`state`, `merge`). */
export interface BodyLinkState {
  pending: [string, Place[]][];
  copies: string[];
  handKeys: string[];
  handHrefs: string[];
}

export type BodyLinks = ReturnType<typeof createBodyLinks>;

/**
 * The policy for links written in bodies and custom docs, for one build. A link relative to its file
 * leads to the page built from the `.md`/`.mdx` file it names (or from the folder's index), or to a copy
 * of any other catalog file; one that climbs above the catalog root, or names nothing, is reported where
 * it is written. Site-absolute links (`/docs/...`) get the base and are checked once the build is written,
 * against the same output as every link Switchyard writes itself (`finish`).
 */
export function createBodyLinks(root: string, catalog: Catalog, files: readonly string[], urls: Urls) {
  const base = urls.page('/');
  const prefix = base.replace(/\/+$/, '');
  const known = new Set(files);
  const policy = rootPolicy(root);
  // Made on the first relative link: a dev server opens a build per save, and most bodies have none.
  let pages: Map<string, Resource> | undefined;
  const pageOf = {
    get(file: string): Resource | undefined {
      if (!pages) {
        pages = new Map();
        for (const r of catalog.resources) if (hasPage(r)) pages.set(r.source.file, r);
      }
      return pages.get(file);
    },
  };
  const copies = new Set<string>();
  /** Targets checked after writing, with where each is written. */
  const pending = new Map<string, Place[]>();
  /** What hand-written links lead to, and the hrefs as written: the output check leaves these to `check`. */
  const handKeys = new Set<string>();
  const handHrefs = new Set<string>();

  const fileResource = (file: string) =>
    pageOf.get(file) ??
    [`${file}.mdx`, `${file}.md`, `${file}/index.mdx`, `${file}/index.md`]
      .map((f) => pageOf.get(f))
      .find(Boolean);

  function resolve(href: string, fromFile: string): Resolved | undefined {
    const relative = catalogTarget(href, fromFile);
    if (relative === undefined) {
      const written = href.trim();
      const withBase =
        written.startsWith('/') && prefix && written !== prefix && !written.startsWith(`${prefix}/`)
          ? `${prefix}${written}`
          : written;
      const target = siteTarget(withBase, base, base);
      if (!target || 'outside' in target) return undefined;
      return { path: withBase.slice(prefix.length), url: withBase, key: targetKey(target.path) };
    }
    if ('outside' in relative) {
      return {
        problem: `The link "${href}" climbs above the catalog folder; the site holds nothing there.`,
        hint: 'Move the file into the catalog and link it relative to this file, or link it by its full https:// URL.',
      };
    }
    const resource = fileResource(relative.file);
    if (resource) {
      return {
        path: `${urls.resourcePath(resource)}${relative.suffix}`,
        url: `${urls.resource(resource)}${relative.suffix}`,
        key: targetKey(urls.resourcePath(resource)),
      };
    }
    if (!known.has(relative.file)) {
      const found = policy.resolve(relative.file);
      if ('refused' in found && found.refused === 'link-out') {
        return {
          problem: `The link "${href}" names ${relative.file}, which ${refusalText['link-out']}; it is not copied.`,
          hint: 'Move the file into the catalog (a copy, not a link), or link it by its full https:// URL.',
          code: 'file-outside-catalog',
        };
      }
    }
    if (/\.mdx?$/i.test(relative.file) || !known.has(relative.file)) {
      return {
        problem: `The link "${href}" names ${known.has(relative.file) ? 'a file no page is built from' : 'no file in the catalog'} (${relative.file || '.'}).`,
        hint: 'Fix the path (it is relative to this file), or link a page by its site path, such as /docs/events/<id>/<version>.',
      };
    }
    const path = `${linkedFilesPath}${relative.file.split('/').map(encodeURIComponent).join('/')}`;
    return {
      path: `${path}${relative.suffix}`,
      url: `${urls.asset(path)}${relative.suffix}`,
      key: targetKey(`${linkedFilesPath}${relative.file}`),
      copy: relative.file,
    };
  }

  const resolveAndNote = (href: string, fromFile: string) => {
    const resolved = resolve(href, fromFile);
    handHrefs.add(href);
    if (resolved && 'key' in resolved) {
      handKeys.add(resolved.key);
      if (resolved.copy) copies.add(resolved.copy);
    }
    return resolved;
  };

  return {
    /** What this build's bodies linked to so far, as data a thread can send. */
    state(): BodyLinkState {
      return {
        pending: [...pending],
        copies: [...copies],
        handKeys: [...handKeys],
        handHrefs: [...handHrefs],
      };
    },

    /** Adds what a build thread's bodies linked to, so `finish` checks and copies it with the rest. */
    merge(state: BodyLinkState): void {
      for (const [key, places] of state.pending) pending.set(key, [...(pending.get(key) ?? []), ...places]);
      for (const file of state.copies) copies.add(file);
      for (const key of state.handKeys) handKeys.add(key);
      for (const href of state.handHrefs) handHrefs.add(href);
    },

    /** Reports the links of a body that lead nowhere now, and keeps the rest to check after writing. */
    check(resource: Resource, links: readonly LinkFact[], report: (d: Diagnostic) => void): void {
      const file = resource.source.file;
      for (const link of links) {
        const resolved = resolveAndNote(link.href, file);
        if (!resolved) continue;
        const at = { file, line: resource.source.bodyLine + link.line - 1, column: link.column };
        if ('problem' in resolved) {
          report(diagnostic(resolved.code ?? 'broken-link', resolved.problem, at, { hint: resolved.hint }));
          continue;
        }
        const places = pending.get(resolved.key) ?? [];
        places.push({ ...at, href: link.href });
        pending.set(resolved.key, places);
      }
    },

    /**
     * How the body's links are written in its page: `<a href>` and `<img src>` as full URLs, component
     * `href`s (`<Tile>`) as site paths, which components give the base themselves.
     */
    rewriter(resource: Resource): (href: string, element: boolean) => string {
      return (href, element) => {
        const resolved = resolveAndNote(href, resource.source.file);
        if (!resolved || 'problem' in resolved) return href;
        const out = element ? resolved.url : resolved.path;
        handHrefs.add(out);
        return out;
      };
    },

    /**
     * After everything is written into `work`: copies the catalog files bodies link to, then reports every
     * hand-written link whose target is missing where it is written, and every other link of the pages that
     * leads nowhere (a link Switchyard wrote, so a bug) against the page it is on.
     */
    async finish(work: string, ledger: LinkLedger, report: (d: Diagnostic) => void): Promise<void> {
      // Through the path policy: a file that is not really inside the catalog is not copied.
      for (const file of copies) await copyInside(policy, file, join(work, linkedFilesPath, file));
      const has = outputIndex(work);
      for (const [key, places] of pending) {
        if (has(key)) continue;
        for (const p of places) {
          report(
            diagnostic('broken-link', `The link "${p.href}" leads to no page or file of the site.`, {
              file: p.file,
              line: p.line,
              column: p.column,
            }),
          );
        }
      }
      // One report per href: a relative one leads somewhere else from every page that has it.
      const generated = new Map<string, { page: string; pages: number }>();
      for (const [key, seen] of ledger.broken(work)) {
        if (handKeys.has(key) || handHrefs.has(seen.href)) continue;
        const known = generated.get(seen.href);
        if (known) known.pages++;
        else generated.set(seen.href, { page: seen.page, pages: 1 });
      }
      for (const [href, { page, pages }] of generated) {
        const more = pages > 1 ? ` (and ${pages - 1} more pages)` : '';
        report(
          diagnostic(
            'broken-link',
            `The page ${page}${more} links to "${href}", which the build did not write.`,
            { file: '', line: 1, column: 1 },
            {
              hint: 'This is a bug in Switchyard, not in your catalog: please report it with the message.',
            },
          ),
        );
      }
    },
  };
}

type Node = { type?: unknown; props?: Record<string, unknown> } | Node[] | string | number | null | undefined;

/** Rewrites the links of a body's element tree in place, before it renders: `a`, `img`, and component hrefs. */
export function rewriteLinks(node: Node, fix: (href: string, element: boolean) => string): void {
  if (Array.isArray(node)) {
    for (const child of node) rewriteLinks(child, fix);
    return;
  }
  if (!node || typeof node !== 'object' || !node.props) return;
  const props = node.props;
  if (node.type === 'a' && typeof props.href === 'string') props.href = fix(props.href, true);
  else if (node.type === 'img' && typeof props.src === 'string') props.src = fix(props.src, true);
  else if (typeof node.type === 'function' && typeof props.href === 'string')
    props.href = fix(props.href, false);
  rewriteLinks(props.children as Node, fix);
}
