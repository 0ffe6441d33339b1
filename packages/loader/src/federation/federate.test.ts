import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { consumersOf, latestOf } from '@switchyard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines } from '../_test-helpers.js';
import { loadCatalog } from '../load-catalog.js';
import { federateCatalog, lockFileName, writeFederationLock } from './federate.js';
import { federationCache } from './fetch-source.js';
import { writeFederatedFolder } from './write-federated.js';

const temp = mkdtempSync(join(tmpdir(), 'eco-federate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
const page = (fields: string) => `---\n${fields.trim()}\n---\n\nProse.\n`;
const team = (summary: string) => page(`id: platform\nname: Platform\nsummary: ${summary}`);
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd })
    .toString()
    .trim();
const hubConfig = (hub: string, federation: unknown) =>
  write(hub, {
    'eventcatalog.config.js': `export default ${JSON.stringify({ title: 'Hub', federation })};\n`,
  });

const sources = [
  { name: 'orders', path: '../orders' },
  { name: 'payments', path: '../payments' },
  { name: 'shipping', git: '../shipping.git', ref: 'main' },
];
let repo: string;

beforeAll(() => {
  write(join(temp, 'orders'), {
    'services/Orders/index.mdx': page(
      'id: order-service\nname: Orders\nversion: 1.0.0\nowners: [platform]\nsends:\n  - id: order-placed',
    ),
    'events/OrderPlaced/index.mdx': page('id: order-placed\nname: Order Placed\nversion: 1.0.0'),
    'teams/platform.mdx': team('From orders.'),
  });
  write(join(temp, 'payments'), {
    'services/Payments/index.mdx': page(
      'id: payment-service\nname: Payments\nversion: 1.0.0\nreceives:\n  - id: order-placed',
    ),
    'services/Broken/index.mdx': page('id: broken-service\nname: Broken\nversion: 1.0.0\nrecieves: []'),
    'teams/platform.mdx': team('From payments.'),
  });
  repo = join(temp, 'shipping');
  write(repo, {
    'catalog/services/Shipping/index.mdx': page(
      'id: shipping-service\nname: Shipping\nversion: 1.0.0\nreceives:\n  - id: order-placed',
    ),
  });
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'first');
  // A bare clone stands for the remote, as a URL would.
  git(temp, 'clone', '--quiet', '--bare', repo, join(temp, 'shipping.git'));
});

describe('federateCatalog', () => {
  it('merges folders and a git repository; a conflict is an error naming both sources', async () => {
    const hub = join(temp, 'hub-error');
    hubConfig(hub, {
      sources: sources.map((s) => (s.git ? { ...s, git: '../shipping.git', dir: 'catalog' } : s)),
    });
    const merged = await federateCatalog(hub);

    const event = latestOf(merged.catalog, 'event', 'order-placed');
    expect(
      event &&
        consumersOf(merged.catalog, event)
          .map((p) => p.resource.id)
          .sort(),
    ).toEqual(['payment-service', 'shipping-service']);
    expect(merged.origin.get('service:shipping-service@1.0.0')).toBe('shipping');
    expect(lines(merged.diagnostics.filter((d) => d.severity !== 'info'))).toEqual([
      '../payments/services/Broken/index.mdx:5:1 warning unknown-field: Unknown field "recieves" for a service. [source: payments]',
      '../payments/teams/platform.mdx:2:5 error federation-conflict: The team "platform" is in sources "orders" (../orders/teams/platform.mdx) and "payments" (../payments/teams/platform.mdx); the one from "orders" is used.',
    ]);
    expect(latestOf(merged.catalog, 'team', 'platform')?.data.summary).toBe('From orders.');

    const commit = git(repo, 'rev-parse', 'HEAD');
    expect(existsSync(join(federationCache(hub), 'shipping', 'catalog/services/Shipping/index.mdx'))).toBe(
      true,
    );
    await writeFederationLock(merged);
    const lock = JSON.parse(readFileSync(join(hub, lockFileName), 'utf8'));
    expect(lock.sources.map((s: { name: string }) => s.name)).toEqual([
      'hub',
      'orders',
      'payments',
      'shipping',
    ]);
    expect(lock.sources[3]).toMatchObject({ git: '../shipping.git', ref: 'main', commit, resources: 1 });
    expect(lock.sources[1].digest).toMatch(/^[0-9a-f]{64}$/);

    // Written out as one folder, the merged catalog loads by itself with the same resources.
    const written = await writeFederatedFolder(merged, '.switchyard/merged');
    expect(written.renamed).toEqual([]);
    const reloaded = await loadCatalog(written.out);
    expect(reloaded.catalog.resources.map((r) => r.key).sort()).toEqual(
      merged.catalog.resources.map((r) => r.key).sort(),
    );
    // Only the broken file's own problem remains; the conflict was settled when merging.
    expect(lines(reloaded.diagnostics.filter((d) => d.severity !== 'info'))).toEqual([
      'services/Broken/index.mdx:5:1 warning unknown-field: Unknown field "recieves" for a service.',
    ]);
    await expect(writeFederatedFolder(merged, '../orders')).rejects.toThrow(/holds a source catalog/);
    await expect(writeFederatedFolder(merged, '.switchyard/merged')).resolves.toMatchObject({ renamed: [] });
  });

  it('settles a conflict in favour of the preferred source, as configured', async () => {
    const hub = join(temp, 'hub-prefer');
    hubConfig(hub, { sources: sources.slice(0, 2), onConflict: { prefer: 'payments' } });
    const merged = await federateCatalog(hub);
    const conflict = merged.diagnostics.filter((d) => d.code.startsWith('federation-'));
    expect(conflict.map((d) => [d.severity, d.code, d.message])).toEqual([
      [
        'info',
        'federation-preferred',
        'The team "platform" is in sources "orders" (../orders/teams/platform.mdx) and "payments" (../payments/teams/platform.mdx); "payments" is preferred by the config.',
      ],
    ]);
    expect(latestOf(merged.catalog, 'team', 'platform')?.data.summary).toBe('From payments.');
    expect(merged.origin.get('team:platform')).toBe('payments');
  });

  it('keeps a git source at the locked commit until asked to update', async () => {
    const hub = join(temp, 'hub-lock');
    hubConfig(hub, [{ name: 'shipping', git: '../shipping.git', ref: 'main', dir: 'catalog' }]);
    const first = await federateCatalog(hub);
    await writeFederationLock(first);
    const pinned = first.sources[1]?.commit;

    write(repo, {
      'catalog/events/Shipped/index.mdx': page('id: parcel-shipped\nname: Parcel Shipped\nversion: 1.0.0'),
    });
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'second');
    git(repo, 'push', '--quiet', join(temp, 'shipping.git'), 'main');

    const locked = await federateCatalog(hub);
    expect(locked.sources[1]?.commit).toBe(pinned);
    expect(latestOf(locked.catalog, 'event', 'parcel-shipped')).toBeUndefined();

    const updated = await federateCatalog(hub, { update: true });
    expect(updated.sources[1]?.commit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(latestOf(updated.catalog, 'event', 'parcel-shipped')).toBeDefined();
  });

  it('reports a source that cannot be fetched, and merges the rest', async () => {
    const hub = join(temp, 'hub-missing');
    hubConfig(hub, [
      { name: 'gone', git: '../nowhere.git' },
      { name: 'orders', path: '../orders' },
    ]);
    const merged = await federateCatalog(hub);
    expect(merged.diagnostics.find((d) => d.code === 'federation-source-failed')?.message).toMatch(
      /^Source "gone" was not merged: git clone failed/,
    );
    expect(latestOf(merged.catalog, 'service', 'order-service')).toBeDefined();
  });
});
