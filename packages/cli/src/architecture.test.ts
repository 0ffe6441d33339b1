import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The claims of docs/architecture.md and docs/security.md that a reading of the code can check: each rule
 * that matters lives in one module, and a second copy anywhere fails here. Test files and test helpers
 * (`_*.ts`) are not product code and are left out.
 */
const packages = fileURLToPath(new URL('../../', import.meta.url));

const sources: { file: string; text: string }[] = readdirSync(packages).flatMap((pkg) => {
  let files: string[];
  try {
    files = readdirSync(`${packages}${pkg}/src`, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return files
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !/(^|\/)_[^/]*$/.test(f))
    .map((f) => ({ file: `${pkg}/src/${f}`, text: readFileSync(`${packages}${pkg}/src/${f}`, 'utf8') }));
});

/** The files whose code (comments left out) matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return sources
    .filter(({ text }) => pattern.test(text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/.*$/gm, '$1')))
    .map(({ file }) => file)
    .sort();
}

describe('one policy, one place', () => {
  it('reads the source of every package', () => {
    expect(sources.length).toBeGreaterThan(200);
    expect(sources.some((s) => s.file === 'loader/src/inside-root.ts')).toBe(true);
  });

  it('judges URLs in one module, by an allow-list: no code keeps a list of dangerous schemes', () => {
    // The diagnostic catalogue's explanation of `unsafe-content` is text shown to users.
    expect(filesMatching(/javascript:|vbscript:/i)).toEqual(['model/src/diagnostics.ts']);
    expect(filesMatching(/\blinkSchemes\b/)).toEqual(['site/src/shared/url-policy.ts']);
  });

  it('checks every attribute of every page through one Preact hook', () => {
    expect(filesMatching(/options\.vnode\s*=/)).toEqual(['site/src/render/safe-url.ts']);
  });

  it('decides what lies inside a root in one module: only it and the walk it steers call realpath', () => {
    expect(filesMatching(/\brealpath(Sync)?\b/)).toEqual([
      // Finds the output folder through the root's real path, to leave it out.
      'loader/src/catalog-ignore.ts',
      'loader/src/inside-root.ts',
      // Resolves links as it lists folders, and asks the policy (`containsReal`) whether to follow each.
      'loader/src/walk.ts',
    ]);
  });

  it('serves files through one static server', () => {
    expect(filesMatching(/\bserveStatic\b/)).toEqual(['api/src/http/static-files.ts']);
    expect(filesMatching(/\bcreateReadStream\b|\.pipe\(\s*res\b/)).toEqual([]);
  });

  it('watches folders through one watcher', () => {
    expect(
      filesMatching(/\bfs\.watch\(|import\s*\{[^}]*\bwatch\b[^}]*\}\s*from\s*'node:fs|chokidar/),
    ).toEqual(['loader/src/watch-tree.ts']);
  });

  it('inlines markup only where the markup is our own or has passed the URL policy', () => {
    // Diagram and Mermaid SVG (drawn by diagram/render-svg.ts and mermaid/render-mermaid.ts, both through
    // the URL policy), the theme script, JSON with `<` escaped, and the sanitiser's own allow-list.
    expect(filesMatching(/dangerouslySetInnerHTML\s*=/)).toEqual([
      'site/src/render/components/diagrams.tsx',
      'site/src/render/components/mermaid.tsx',
      'site/src/render/layout.tsx',
      'site/src/render/pages/visualiser-parts.tsx',
      'site/src/render/pages/visualiser.tsx',
    ]);
  });

  it('leaves the graph to the model: no other package reads its edge indexes', () => {
    const outside = filesMatching(
      /\.(outgoing|incoming)\.get\(|\bcatalog\.(edges|outgoing|incoming)\b/,
    ).filter((f) => !f.startsWith('model/'));
    expect(outside).toEqual([]);
  });

  it('reads catalog files only through the loader: no other package opens a file by joining a root', () => {
    const outside = filesMatching(
      /read(File|FileSync)\(\s*(join|resolve)\(\s*(\w+\.)*(root|catalogRoot|catalogDir)\b/,
    ).filter((f) => !f.startsWith('loader/'));
    expect(outside).toEqual([]);
  });
});
