import { describe, expect, it } from 'vitest';
import { resourceFromFrontmatter } from '../build-resource.js';
import { buildCatalog } from '../catalog.js';
import { checkGraph } from './graph.js';

const v = { version: '1.0.0' };
const services = [
  resourceFromFrontmatter('service', { id: 'a', name: 'A', ...v, sends: [{ id: 'e1' }] }),
  resourceFromFrontmatter('service', { id: 'b', name: 'B', ...v, receives: [{ id: 'e1' }] }),
];
const e1 = resourceFromFrontmatter('event', { id: 'e1', name: 'E1', ...v });

function codes(extra: Parameters<typeof buildCatalog>[0]) {
  const { catalog } = buildCatalog([...services, e1, ...extra]);
  return checkGraph(catalog).map((d) => `${d.code}: ${d.message}`);
}

describe('checkGraph', () => {
  it('is silent on a flow that agrees with the services', () => {
    const flow = resourceFromFrontmatter('flow', {
      id: 'f',
      name: 'F',
      ...v,
      steps: [
        { id: 's1', title: 'A', service: { id: 'a' }, next_step: 's2' },
        { id: 's2', title: 'E1', message: { id: 'e1' }, next_step: 's3' },
        { id: 's3', title: 'B', service: { id: 'b' } },
      ],
    });
    expect(codes([flow])).toEqual([]);
  });

  it('finds a service followed by a message it does not send, and a message followed by a service that does not receive it', () => {
    const flow = resourceFromFrontmatter('flow', {
      id: 'f',
      name: 'F',
      ...v,
      steps: [
        { id: 's1', title: 'B', service: { id: 'b' }, next_step: 's2' },
        { id: 's2', title: 'E1', message: { id: 'e1' }, next_step: 's3' },
        { id: 's3', title: 'A', service: { id: 'a' } },
      ],
    });
    expect(codes([flow])).toEqual([
      'flow-step-not-sent: Step "s1" (B) leads to "s2" (E1), but B does not send e1.',
      'flow-step-not-received: Step "s2" (E1) leads to "s3" (A), but A does not receive e1.',
    ]);
  });

  it('finds a failure path that only loops, and not one that ends', () => {
    const steps = (loop: boolean) => [
      {
        id: 'start',
        title: 'A',
        service: { id: 'a' },
        next_steps: ['ok', { id: 'undo', label: 'Payment declined' }],
      },
      { id: 'ok', title: 'Done' },
      { id: 'undo', title: 'Undo', next_step: 'again' },
      { id: 'again', title: 'Try undo again', ...(loop ? { next_step: 'undo' } : {}) },
    ];
    const looping = resourceFromFrontmatter('flow', { id: 'f', name: 'F', ...v, steps: steps(true) });
    const ending = resourceFromFrontmatter('flow', { id: 'g', name: 'G', ...v, steps: steps(false) });
    expect(codes([looping])).toEqual([
      'flow-compensation-no-end: The failure path from step "start" to "undo" never reaches a final step: it only loops.',
    ]);
    expect(codes([ending])).toEqual([]);
  });

  it('finds an event nobody sends and a message nobody receives; commands may come from outside', () => {
    const orphan = resourceFromFrontmatter('event', { id: 'lost', name: 'Lost', ...v });
    const command = resourceFromFrontmatter('command', { id: 'do', name: 'Do', ...v });
    expect(codes([orphan, command])).toEqual([
      'message-without-producer: Nothing in the catalog sends Lost (event lost).',
      'message-without-consumer: Nothing in the catalog receives Lost (event lost).',
      'message-without-consumer: Nothing in the catalog receives Do (command do).',
    ]);
  });

  it('leaves a consumer pinned to a version that no longer exists to no-matching-version', () => {
    const pinned = resourceFromFrontmatter('service', {
      id: 'c',
      name: 'C',
      ...v,
      receives: [{ id: 'e1', version: '0.9.0' }],
    });
    const built = buildCatalog([...services, e1, pinned]);
    expect(built.diagnostics.map((d) => d.code)).toEqual(['no-matching-version']);
    expect(checkGraph(built.catalog)).toEqual([]);
  });

  describe('triggers', () => {
    const cmd = resourceFromFrontmatter('command', { id: 'reserve', name: 'Reserve', ...v });
    const ok = resourceFromFrontmatter('event', { id: 'reserved', name: 'Reserved', ...v });
    const no = resourceFromFrontmatter('event', { id: 'unavailable', name: 'Unavailable', ...v });
    const inventory = (sends: string[]) =>
      resourceFromFrontmatter('service', {
        id: 'inventory',
        name: 'Inventory',
        ...v,
        sends: sends.map((id) => ({ id })),
        receives: [
          {
            id: 'reserve',
            triggers: [
              { id: 'reserved', condition: 'in stock' },
              { id: 'unavailable', condition: 'out of stock' },
            ],
          },
        ],
      });

    it('warns where a trigger names a message its service does not send, and only there', () => {
      const { catalog } = buildCatalog([inventory(['reserved']), cmd, ok, no]);
      const found = checkGraph(catalog).filter((d) => d.code === 'trigger-not-sent');
      expect(found.map((d) => d.message)).toEqual([
        'Inventory lists Unavailable (event unavailable) as triggered by what it receives, but does not send it.',
      ]);
      const sending = buildCatalog([inventory(['reserved', 'unavailable']), cmd, ok, no]).catalog;
      expect(checkGraph(sending).filter((d) => d.code === 'trigger-not-sent')).toEqual([]);
    });

    it("checks a flow's message → service → message against the service's triggers", () => {
      const other = resourceFromFrontmatter('event', { id: 'audited', name: 'Audited', ...v });
      const flow = (next: string) =>
        resourceFromFrontmatter('flow', {
          id: 'f',
          name: 'F',
          ...v,
          steps: [
            { id: 'ask', title: 'Reserve', message: { id: 'reserve' }, next_step: 'inv' },
            { id: 'inv', title: 'Inventory', service: { id: 'inventory' }, next_step: 'out' },
            { id: 'out', title: 'Out', message: { id: next } },
          ],
        });
      const run = (next: string) =>
        checkGraph(
          buildCatalog([inventory(['reserved', 'unavailable', 'audited']), cmd, ok, no, other, flow(next)])
            .catalog,
        ).filter((d) => d.code.startsWith('flow-step'));
      expect(run('unavailable')).toEqual([]);
      expect(run('audited').map((d) => d.message)).toEqual([
        'Step "inv" (Inventory) sends audited after receiving reserve, but Inventory\'s triggers for reserve name only reserved, unavailable.',
      ]);
    });
  });
});
