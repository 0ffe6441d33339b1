import { options, type VNode } from 'preact';
import { unsafeAttributes } from '../shared/url-policy.js';

let installed = false;

/**
 * Every element any page renders passes through here (Preact's vnode hook), so a URL from content that
 * reaches an attribute by any path (frontmatter, badges, Tiles, Markdown links, config) is checked once,
 * by the URL policy (`shared/url-policy.ts`): an attribute it refuses is left out, so a link becomes
 * inert text. String event handlers (`onerror="..."`) are dropped too: pages attach behaviour only from
 * their own scripts.
 */
export function installUrlGuard(): void {
  if (installed) return;
  installed = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (typeof vnode.type === 'string' && vnode.props) {
      const props = vnode.props as Record<string, unknown>;
      for (const name of unsafeAttributes(vnode.type, props)) delete props[name];
      for (const name in props) {
        if (typeof props[name] === 'string' && name.length > 2 && /^on/i.test(name)) delete props[name];
      }
    }
    previous?.(vnode);
  };
}
