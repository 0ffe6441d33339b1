import { readFileSync } from 'node:fs';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyInside, rootPolicy } from '@switchyard/loader';
import { diagramCss } from '../../diagram/render-svg.js';
import { copyPublic } from '../copy-public.js';
import { type Build, stylesFile } from './context.js';

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The assets stage: Switchyard's stylesheet and browser scripts, and the catalog's own stylesheet and
 * `public/` folder (through the path policy only).
 */
export async function copyAssets(build: Build): Promise<void> {
  const work = build.output.work;
  await mkdir(join(work, '_sy'), { recursive: true });
  // Diagram styles ship once in the stylesheet, not in every SVG.
  await writeFile(
    join(work, '_sy/site.css'),
    `${readFileSync(join(packageRoot, 'assets/site.css'), 'utf8')}\n${diagramCss}\n`,
  );
  // The browser scripts and the shared modules they import (`../shared/url-policy.js`), as compiled.
  for (const dir of ['client', 'shared']) {
    const from = join(packageRoot, 'dist/browser', dir);
    await mkdir(join(work, '_sy', dir), { recursive: true });
    for (const f of await readdir(from)) {
      if (f.endsWith('.js')) await cp(join(from, f), join(work, '_sy', dir, f));
    }
  }
  await mkdir(join(work, '_sy/vendor'), { recursive: true });
  await cp(fileURLToPath(import.meta.resolve('minisearch')), join(work, '_sy/vendor/minisearch.js'));
  const policy = rootPolicy(build.loaded.root);
  if (build.hasCustomStyles) await copyInside(policy, stylesFile, join(work, '_sy', stylesFile));
  await copyPublic(policy, work, build.report);
  build.phase('assets');
}
