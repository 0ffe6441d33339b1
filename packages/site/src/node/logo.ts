import { configFiles, resolveInside } from '@switchyard/loader';
import { type Diagnostic, diagnostic, type ResolvedConfig } from '@switchyard/model';
import { isExternal } from './link-target.js';

/**
 * The config with its logo as pages link it. As in EventCatalog, `logo.src` names a file in `public/`
 * (`/logo.svg` and `logo.svg` alike), which the build copies to the site root: pages link it from there,
 * whatever their depth. A logo that is not in `public/` is left out, and `missing` says which it was.
 */
export function resolveLogo(
  root: string,
  config: ResolvedConfig,
): { config: ResolvedConfig; missing?: string } {
  const logo = config.logo;
  const src = logo?.src;
  if (!logo || !src || isExternal(src) || /^data:/i.test(src)) return { config };
  const file = src.trim().replace(/^\/+/, '');
  const found = resolveInside(root, `public/${file}`);
  if (file && 'real' in found && found.path.startsWith('public/'))
    return { config: { ...config, logo: { ...logo, src: `/${file}` } } };
  const { src: _dropped, ...rest } = logo;
  return { config: { ...config, logo: rest }, missing: src };
}

/** A logo not in `public/`, reported at its line in the config file that names it. */
export function missingLogo(src: string, read: (path: string) => string | undefined): Diagnostic {
  let at = { file: '', line: 1, column: 1 };
  for (const file of configFiles) {
    const text = read(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(src));
    if (line !== -1) at = { file, line: line + 1, column: (lines[line]?.indexOf(src) ?? 0) + 1 };
    else if (!at.file) at = { file, line: 1, column: 1 };
  }
  return diagnostic('broken-link', `The logo "${src}" is not in public/, so pages show no logo.`, at, {
    hint: `Add the file as public/${src.replace(/^\/+/, '')}, or fix logo.src in the config (a path in public/ or an https:// URL).`,
  });
}
