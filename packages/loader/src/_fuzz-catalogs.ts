import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Kind, kindDef } from '@switchyard/model';
import fc from 'fast-check';

/**
 * Random and mutated catalogs for the fuzz suites (loader and site build). A catalog is a list of files;
 * each is either a well-formed resource (which must survive every other file's damage) or a hostile one.
 */
export interface FuzzFile {
  path: string;
  content: string | Uint8Array;
  /** A resource that is valid on its own: it must be in the catalog whatever else is there. */
  valid?: { kind: Kind; id: string };
}

const folderOf: Partial<Record<Kind, string>> = {
  domain: 'domains',
  system: 'systems',
  service: 'services',
  event: 'events',
  command: 'commands',
  query: 'queries',
  channel: 'channels',
  container: 'containers',
  flow: 'flows',
  entity: 'entities',
  agent: 'agents',
  adr: 'adrs',
  'data-product': 'data-products',
  diagram: 'diagrams',
};
export const fuzzKinds = Object.keys(folderOf) as Kind[];

const yamlText = (value: unknown) => JSON.stringify(value);

/** Frontmatter as YAML flow text (JSON is YAML), so every generated value round-trips exactly. */
export function resourceFile(id: string, data: Record<string, unknown>, body = '') {
  const lines = Object.entries({ id, name: `Name of ${id}`, version: '1.0.0', ...data }).map(
    ([k, v]) => `${k}: ${yamlText(v)}`,
  );
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

export const pathFor = (kind: Kind, id: string) => `${folderOf[kind]}/${id}/index.mdx`;

/** A value of any JSON shape, so a field that wants a string gets a list, a number, a map or null. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.constant(''),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), {
    maxKeys: 3,
  }),
  fc.constant({ id: 42, version: [] }),
  fc.constant([{ id: null }, 'x', 7]),
);

/** A resource of a random kind whose fields (from the kind's own schema) hold values of random types. */
const mistypedResource = (n: number) =>
  fc.constantFrom(...fuzzKinds).chain((kind) => {
    const fields = Object.keys(kindDef(kind).schema.shape);
    return fc
      .dictionary(fc.constantFrom(...fields), wrongValue, { minKeys: 1, maxKeys: Math.min(6, fields.length) })
      .map(
        (data): FuzzFile => ({
          path: pathFor(kind, `mistyped-${n}`),
          content: resourceFile(`mistyped-${n}`, data),
        }),
      );
  });

const deepYaml = (depth: number) => `---\nid: deep\nname: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n`;
const deepMap = (depth: number) =>
  `---\nid: deepmap\nname: x\nversion: 1.0.0\nbadges:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} v\n---\n`;
const aliasBomb = () => {
  const lines = ['---', 'id: bomb', 'name: bomb', 'version: 1.0.0', 'a0: &a0 ["lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  lines.push('summary: *a11', '---', '');
  return lines.join('\n');
};

/** Files no catalog should hold, each a known way to break a naive loader. */
const hostileContent = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Uint8Array.from([0xff, 0xfe, 0xc3, ...b])),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Uint8Array.from([0x00, ...b, 0x00])),
  fc.constant(''),
  fc.constant('---\n'),
  fc.constant('---\n---\n'),
  fc.constant('---\n- a\n- b\n---\nbody'),
  fc.constant('---\njust a string\n---\n'),
  fc.constant('---\n42\n---\n'),
  fc.constant('---\nid: [unclosed\n---\n'),
  fc.constant('---\nid: dup\nid: dup2\nname: x\nname: y\nversion: 1.0.0\n---\n'),
  fc.constant('---\n!!js/function "function(){ globalThis.__pwned = 1 }"\n---\n'),
  fc.constant('---\nid: tagged\nname: !!binary aGVsbG8=\nversion: !!timestamp 2001-12-14\n---\n'),
  fc.constant(deepYaml(5000)),
  fc.constant(deepMap(200)),
  fc.constant(aliasBomb()),
  fc.constant('---\nid: &x [*x]\n---\n'),
  fc.constant('---\nid: __proto__\nname: constructor\nversion: 1.0.0\n__proto__: { polluted: true }\n---\n'),
  fc.constant(`---\nid: longline\nname: "${'x'.repeat(200_000)}"\nversion: 1.0.0\n---\n`),
  fc.constant(
    `---\nid: deep-body\nname: b\nversion: 1.0.0\n---\n${'> '.repeat(2000)}x\n${'*'.repeat(5000)}\n`,
  ),
  fc.constant('---\nid: unterminated\nname: x\nversion: 1.0.0\n'),
  fc.constant('\uFEFF---\r\nid: crlf\r\nname: x\r\nversion: 1.0.0\r\n---\r\n{frontmatter.nope.deeper}\r\n'),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `---\n${s}\n---\n${s}`),
);

const hostileFile = (n: number) =>
  fc
    .tuple(fc.constantFrom(...fuzzKinds), hostileContent)
    .map(([kind, content]): FuzzFile => ({ path: pathFor(kind, `hostile-${n}`), content }));

/** Pointers that loop: a domain containing itself, a flow step leading to itself, mutual containment. */
const cyclicFiles = (n: number): FuzzFile[] => [
  {
    path: pathFor('domain', `loop-${n}`),
    content: resourceFile(`loop-${n}`, {
      domains: [{ id: `loop-${n}` }, { id: `loop-b-${n}` }],
      services: [{ id: `loop-${n}` }],
    }),
    valid: { kind: 'domain', id: `loop-${n}` },
  },
  {
    path: pathFor('domain', `loop-b-${n}`),
    content: resourceFile(`loop-b-${n}`, { domains: [{ id: `loop-${n}` }] }),
    valid: { kind: 'domain', id: `loop-b-${n}` },
  },
  {
    path: pathFor('flow', `circle-${n}`),
    content: resourceFile(`circle-${n}`, {
      steps: [
        { id: 1, title: 'Self', next_step: 1, flow: { id: `circle-${n}` } },
        { id: 2, title: 'Back', next_steps: [1, 2, { id: 3 }] },
      ],
    }),
    valid: { kind: 'flow', id: `circle-${n}` },
  },
];

/** A valid resource, to check that damage elsewhere never costs a good file its place. */
const validFile = (n: number) =>
  fc
    .tuple(fc.constantFrom(...fuzzKinds), fc.string({ maxLength: 40 }), fc.string({ maxLength: 80 }))
    .map(([kind, summary, body]): FuzzFile => {
      const id = `valid-${n}`;
      // Bodies are arbitrary text; MDX may refuse them, but the page must still be there.
      return {
        path: pathFor(kind, id),
        content: resourceFile(id, { summary }, body),
        valid: { kind, id },
      };
    });

/** A whole catalog: some valid resources, some with mistyped fields, some hostile files, a cycle or not. */
export const fuzzCatalog = fc
  .tuple(
    fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    fc.array(fc.nat(), { maxLength: 3 }),
    fc.array(fc.nat(), { maxLength: 3 }),
    fc.boolean(),
  )
  .chain(([valid, mistyped, hostile, cycles]) =>
    fc
      .tuple(
        fc.tuple(...valid.map((_, i) => validFile(i))),
        fc.tuple(...mistyped.map((_, i) => mistypedResource(i))),
        fc.tuple(...hostile.map((_, i) => hostileFile(i))),
      )
      .map(([v, m, h]) => [...v, ...m, ...h, ...(cycles ? cyclicFiles(0) : [])] as FuzzFile[]),
  );

export function writeCatalog(root: string, files: readonly FuzzFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
}

/** Resolves with the promise's value, or rejects when it takes longer than `ms` (a hang is a failure). */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
