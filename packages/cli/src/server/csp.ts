import { createHash } from 'node:crypto';
import { themeScript } from '@switchyard/site';

const themeScriptHash = `'sha256-${createHash('sha256').update(themeScript).digest('base64')}'`;

/**
 * The Content-Security-Policy built pages satisfy: scripts only from the site itself (plus the one inline
 * theme script, by hash), no plugins, no `<base>` rewriting, forms only to the site. Images and embeds
 * (Miro, Lucid...) may come from https. Inline `style` attributes are allowed (diagrams and badges use
 * them). docs/security.md gives the same header for static hosts.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' ${themeScriptHash}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  'frame-src https:',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers every response of `preview` carries (and `serve` may reuse). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
};
