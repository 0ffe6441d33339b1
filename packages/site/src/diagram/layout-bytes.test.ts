import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadCatalog } from '@switchyard/loader';
import { getResource, type Resource } from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { flowDiagram } from './from-catalog.js';
import { type Geometry, geometryBytes, layoutDiagram } from './layout.js';

const fixtureDir = fileURLToPath(
  new URL('../../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);

/** A full collection (the `gc` that `--expose-gc` gives, without starting Node with the flag). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('the layout cache’s byte estimate', () => {
  it('is within a third of what V8 holds for real layouts, so the cache’s bound means what it says', async () => {
    const { catalog } = await loadCatalog(fixtureDir);
    const flow = getResource(catalog, 'flow', 'checkout-saga') as Resource<'flow'>;
    const laid = await layoutDiagram(flowDiagram(catalog, flow, () => '/'));
    // Fresh copies of a real layout's geometry, in the shape the cache keeps.
    const copy = (seed: number): Geometry => ({
      nodes: laid.nodes.map((n, index) => ({
        x: n.x + seed,
        y: n.y,
        width: n.width,
        height: n.height,
        index,
        lines: n.lines.map((line) => `${line}${seed}`),
      })),
      edges: laid.edges.map((e, index) => ({
        index,
        sections: e.sections.map((points) => points.map((p) => ({ x: p.x + seed, y: p.y }))),
        ...(e.label
          ? {
              label: {
                ...e.label,
                x: e.label.x + seed,
                lines: e.label.lines.map((line) => `${line}${seed}`),
              },
            }
          : {}),
      })),
      width: laid.width,
      height: laid.height,
    });
    expect(laid.edges.some((e) => e.label)).toBe(true);
    const count = 2_000;
    const held: Geometry[] = [];
    collect();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < count; i++) held.push(copy(i + 0.5));
    collect();
    const measured = (process.memoryUsage().heapUsed - before) / count;
    const estimated = held.reduce((sum, g) => sum + geometryBytes(g), 0) / count;
    expect(held).toHaveLength(count);
    expect(estimated / measured).toBeGreaterThan(0.67);
    expect(estimated / measured).toBeLessThan(1.5);
  });
});
