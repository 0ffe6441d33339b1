import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: {
      '@switchyard/model': src('model'),
      '@switchyard/loader': src('loader'),
      '@switchyard/site': src('site'),
      '@switchyard/schemas': src('schemas'),
      '@switchyard/api': src('api'),
      '@switchyard/mcp': src('mcp'),
      switchyard: src('switchyard'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'bench/src/**/*.test.ts'],
    testTimeout: 30_000,
    // Removing a built site from a temporary folder can take seconds on a busy machine.
    hookTimeout: 60_000,
  },
});
