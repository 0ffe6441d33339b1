// Times each MCP tool on a catalog, after load: `node packages/mcp/scripts/measure-tools.mjs <catalog> [runs]`.
// Build first (`npx tsc -b`). Generate a 10,000-resource catalog with
// `node -e "import('./bench/dist/generate.js').then((m) => m.generateCatalog('/tmp/sy-10k', { resources: 10000 }))"`.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createCatalogMcpServer } from '@switchyard/mcp';
import { consumersOf, producersOf } from '@switchyard/model';
import { loadCatalogState } from '../../cli/dist/commands/serve.js';

const [dir, runsText = '20'] = process.argv.slice(2);
const runs = Number(runsText);
const ms = (t) => Math.round(t * 10) / 10;
let t = performance.now();
const { loaded, state } = await loadCatalogState(dir);
const catalog = loaded.catalog;
console.log(`load: ${catalog.resources.length} resources in ${Math.round(performance.now() - t)} ms`);
t = performance.now();
state.search('warm up');
console.log(`search index: ${Math.round(performance.now() - t)} ms (once, on first search)`);
t = performance.now();
await state.fields();
console.log(`schema field index: ${Math.round(performance.now() - t)} ms (once, in the background)`);

const latest = (kind) => catalog.latestByKind.get(kind) ?? [];
const message =
  latest('event').find((m) => producersOf(catalog, m).length > 0 && consumersOf(catalog, m).length > 1) ??
  latest('event')[0];
const service = [...latest('service')].sort(
  (a, b) => (catalog.outgoing.get(b.key) ?? []).length - (catalog.outgoing.get(a.key) ?? []).length,
)[0];
const flow = [...latest('flow')].sort((a, b) => (b.data.steps ?? []).length - (a.data.steps ?? []).length)[0];
const server = createCatalogMcpServer({ getState: () => state });
const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
await server.connect(serverSide);
const client = new Client({ name: 'measure', version: '1' });
await client.connect(clientSide);

const calls = [
  ['search_catalog', { query: 'order payment' }],
  ['get_resource', { ref: message.key }],
  ['get_producers_and_consumers', { ref: message.key }],
  ['get_service_messages', { ref: service.key }],
  ['explain_flow', { ref: flow.key }],
  ['find_messages_by_field', { field: 'occurredAt' }],
  ['find_messages_by_field', { field: 'promotionId' }],
  ['get_schema', { ref: message.key }],
  ['get_owners', { ref: service.key }],
  ['impact_of_change', { ref: message.key }],
  ['impact_of_change', { ref: service.key }],
];
console.log(`\n${'tool'.padEnd(28)} ${'argument'.padEnd(44)} min ms  median ms  max ms`);
for (const [name, args] of calls) {
  const times = [];
  let error = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await client.callTool({ name, arguments: args });
    times.push(performance.now() - start);
    if (result.isError) error = ` ERROR: ${result.content[0].text}`;
  }
  times.sort((a, b) => a - b);
  const arg = String(args.ref ?? args.query ?? args.field);
  console.log(
    `${name.padEnd(28)} ${arg.padEnd(44)} ${String(ms(times[0])).padStart(6)} ${String(ms(times[Math.floor(runs / 2)])).padStart(10)} ${String(ms(times[runs - 1])).padStart(7)}${error}`,
  );
}
await client.close();
