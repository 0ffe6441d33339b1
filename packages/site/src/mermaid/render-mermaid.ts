import { hashText } from '../diagram/hash.js';
import { isSafeStyle, unsafeAttributes } from '../shared/url-policy.js';

/**
 * Mermaid text → SVG at build time (beautiful-mermaid: flowchart, sequence, state, class, ER and xychart;
 * laid out with ELK, no browser needed). Colours follow the site's theme through CSS variables, so one SVG
 * serves light and dark mode. Throws with the library's message when the text is not a diagram it knows.
 */
export async function renderMermaid(text: string): Promise<string> {
  // Loaded when a catalog first has a diagram to draw: 0.4 s of every command's start otherwise.
  const { renderMermaidSVGAsync } = await import('beautiful-mermaid');
  const svg = await renderMermaidSVGAsync(text, {
    bg: 'var(--sy-bg)',
    fg: 'var(--sy-fg)',
    accent: 'var(--sy-accent)',
    transparent: true,
    font: 'system-ui',
  });
  return containMermaidSvg(svg, hashText(text).slice(0, 8));
}

/**
 * Makes the library's SVG safe to inline next to others: no web-font import (the site sends nothing
 * anywhere), styles scoped to this SVG, element ids made unique so two diagrams on a page cannot share
 * markers, and no script or event handler even if a label tried to smuggle one in.
 */
export function containMermaidSvg(svg: string, suffix: string): string {
  const scope = `sy-mermaid-${suffix}`;
  let out = svg
    .replace(/^\s*@import url\([^)]*\);?\s*$/gm, '')
    .replace(/<svg\b/, `<svg class="sy-mermaid-svg ${scope}"`)
    .replace(/^(\s*)text \{/m, `$1.${scope} text {`)
    .replace(/^(\s*)svg \{/m, `$1.${scope} {`);
  const ids = [...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  for (const id of new Set(ids)) {
    const safe = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`\\sid="${safe}"`, 'g'), ` id="${id}-${suffix}"`)
      .replace(new RegExp(`url\\(#${safe}\\)`, 'g'), `url(#${id}-${suffix})`)
      .replace(new RegExp(`href="#${safe}"`, 'g'), `href="#${id}-${suffix}"`);
  }
  if (
    /<(script|foreignObject)\b/i.test(out) ||
    [...out.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)].some((m) => unsafeTag(m[1] as string, m[2] as string)) ||
    [...out.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].some((m) => !isSafeStyle(m[1] as string))
  ) {
    throw new Error(
      'The diagram contains markup that is not allowed (script, event handler, or a URL the URL policy refuses).',
    );
  }
  return out;
}

/** A tag with an event handler, or an attribute whose URL the URL policy refuses (`href`, `fill="url(...)"`). */
function unsafeTag(name: string, attributes: string): boolean {
  const found: Record<string, string> = {};
  for (const m of attributes.matchAll(/([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
    found[m[1] as string] = m[2] ?? m[3] ?? m[4] ?? '';
  return Object.keys(found).some((a) => /^on/i.test(a)) || unsafeAttributes(name, found).length > 0;
}
