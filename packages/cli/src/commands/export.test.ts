import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { cli } from './_test-cli.js';

const acme = fileURLToPath(new URL('../../../../examples/acme/', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'eco-export-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const validators = [
  domainEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

async function exportAcme() {
  const run = await cli(
    temp,
    'export',
    'backstage',
    acme,
    '--out',
    temp,
    '--site-url',
    'https://catalog.acme.example',
  );
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const text = readFileSync(join(temp, 'catalog-info.yaml'), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS() as Entity);
}

describe('switchyard export backstage', () => {
  it("writes entities that pass Backstage's own validators, with resolvable relations", async () => {
    const entities = await exportAcme();
    for (const entity of entities) {
      const checked = await policy.enforce(structuredClone(entity));
      expect(checked, entity.metadata.name).toBeDefined();
      const results = await Promise.all(validators.map((v) => v.check(checked as Entity)));
      expect(results.filter(Boolean), `${entity.kind} ${entity.metadata.name}`).toHaveLength(1);
    }
    const refs = new Set(entities.map((e) => stringifyEntityRef(e)));
    const resolves = (ref: string, kind: string) =>
      refs.has(stringifyEntityRef(parseEntityRef(ref, { defaultKind: kind, defaultNamespace: 'default' })));

    const kinds = new Set(entities.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['API', 'Component', 'Domain', 'Group', 'Resource', 'System', 'User']);
    for (const e of entities) {
      const spec = e.spec as Record<string, unknown>;
      if (typeof spec.owner === 'string')
        expect(resolves(spec.owner, 'Group'), `${e.metadata.name} owner`).toBe(true);
      for (const api of [
        ...((spec.providesApis as string[]) ?? []),
        ...((spec.consumesApis as string[]) ?? []),
      ]) {
        expect(resolves(api, 'API'), `${e.metadata.name} → ${api}`).toBe(true);
      }
      for (const dep of (spec.dependsOn as string[]) ?? [])
        expect(resolves(dep, 'Component'), dep).toBe(true);
      if (typeof spec.system === 'string') expect(resolves(spec.system, 'System')).toBe(true);
      if (typeof spec.domain === 'string') expect(resolves(spec.domain, 'Domain')).toBe(true);
      expect(e.metadata.links?.[0]?.url).toMatch(/^https:\/\/catalog\.acme\.example\/docs\//);
    }

    const orderService = entities.find((e) => e.kind === 'Component' && e.metadata.name === 'order-service');
    expect(orderService?.spec).toMatchObject({
      type: 'service',
      owner: 'group:ordering-platform',
      system: 'order-management-system',
      dependsOn: ['resource:order-database'],
    });
    expect(orderService?.spec?.providesApis).toEqual(
      expect.arrayContaining(['api:order-created', 'api:create-order', 'api:order-service-asyncapi']),
    );
    expect(orderService?.spec?.consumesApis).toEqual(expect.arrayContaining(['api:shipment-dispatched']));
    // The validators do reject: the same entity without its lifecycle fails.
    const { lifecycle: _, ...withoutLifecycle } = orderService?.spec ?? {};
    await expect(
      componentEntityV1alpha1Validator.check({ ...(orderService as Entity), spec: withoutLifecycle }),
    ).rejects.toThrow(/lifecycle/);
    const spec = entities.find((e) => e.metadata.name === 'order-service-asyncapi');
    expect(spec?.spec).toMatchObject({ type: 'asyncapi' });
    expect(String(spec?.spec?.definition)).toMatch(/^asyncapi: 3\.0\.0/);
    const user = entities.find((e) => e.kind === 'User' && e.metadata.name === 'raj-patel');
    expect(user?.spec?.memberOf).toEqual(['payments-platform']);
    expect(orderService?.metadata.annotations?.['switchyard.dev/embed-url']).toBe(
      'https://catalog.acme.example/docs/services/order-service?embed=1',
    );
  });

  it('does not replace a catalog-info.yaml it did not write, unless --force', async () => {
    const dir = mkdtempSync(join(temp, 'mine-'));
    writeFileSync(join(dir, 'catalog-info.yaml'), 'apiVersion: backstage.io/v1alpha1\n');
    const refused = await cli(temp, 'export', 'backstage', acme, '--out', dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/was not written by Switchyard; pass --force/);
    expect(readFileSync(join(dir, 'catalog-info.yaml'), 'utf8')).toBe('apiVersion: backstage.io/v1alpha1\n');
    expect((await cli(temp, 'export', 'backstage', acme, '--out', dir, '--force')).code).toBe(0);
    expect((await cli(temp, 'export', 'backstage', acme, '--out', dir)).code).toBe(0);
  });
});
