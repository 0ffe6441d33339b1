import { options, type VNode } from 'preact';

/**
 * URLs a page may carry: relative paths, fragments, and the schemes below. `javascript:`, `vbscript:`,
 * `data:` (other than images) and every unknown scheme are refused. Browsers ignore tabs, newlines and
 * leading control characters in a scheme (`java\tscript:`), so those are removed before looking.
 */
const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel', 'cursor', 'vscode', 'slack', 'msteams']);
const safeDataImage = /^data:image\/(?:png|gif|jpe?g|webp|avif|svg\+xml)[;,]/i;

export function isSafeUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these, so must we
  const bare = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
  if (scheme === undefined) return true; // relative, absolute path, fragment or query
  if (scheme === 'data') return safeDataImage.test(bare);
  return allowedSchemes.has(scheme);
}

/** The URL when it is safe, else undefined (so `href={safeUrl(x)}` leaves the attribute out). */
export function safeUrl(url: string | undefined | null): string | undefined {
  return typeof url === 'string' && isSafeUrl(url) ? url : undefined;
}

/** Attributes whose value a browser loads or navigates to. */
const urlProps = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'formaction',
  'xlinkHref',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
  'ping',
]);

let installed = false;

/**
 * Every element any page renders passes through here (Preact's vnode hook), so a URL from content that
 * reaches an `href` or `src` by any path (frontmatter, badges, Tiles, Markdown links, config) is checked
 * once, in one place. String event handlers (`onerror="..."`) are dropped too: pages attach behaviour
 * only from their own scripts.
 */
export function installUrlGuard(): void {
  if (installed) return;
  installed = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (typeof vnode.type === 'string' && vnode.props) {
      const props = vnode.props as Record<string, unknown>;
      for (const name in props) {
        const value = props[name];
        if (typeof value !== 'string') continue;
        if (urlProps.has(name) && !isSafeUrl(value)) delete props[name];
        else if (name.length > 2 && (name[0] === 'o' || name[0] === 'O') && /^on/i.test(name))
          delete props[name];
        else if (name === 'srcset' || name === 'srcSet') {
          if (value.split(',').some((part) => !isSafeUrl(part.trim()))) delete props[name];
        }
      }
    }
    previous?.(vnode);
  };
}
