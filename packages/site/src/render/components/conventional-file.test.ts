import type { Resource } from '@switchyard/model';
import type { SchemaEntry } from '@switchyard/schemas';
import { describe, expect, it } from 'vitest';
import { bodyUses, conventionalSites, defaultSchemaFile, inFolder } from './conventional-file.js';

/** A resource in `events/Paid` with the given body and frontmatter; only what these functions read. */
function event(body: string, data: Record<string, unknown> = {}): Resource {
  return { key: 'event:paid@1.0.0', body, data, source: { dir: 'events/Paid' } } as unknown as Resource;
}

const files = (...paths: string[]) => {
  const set = new Set(paths);
  return (path: string) => (set.has(path) ? 'text' : undefined);
};

describe('1.x conventional files', () => {
  it('resolves written paths against the resource folder', () => {
    expect(inFolder(event(''), 'schema.json')).toBe('events/Paid/schema.json');
    expect(inFolder(event(''), './specs/../schema.avsc')).toBe('events/Paid/schema.avsc');
    expect(inFolder(event(''), '../Shared/schema.json')).toBe('events/Shared/schema.json');
  });

  it('keeps what climbs above the root or is absolute as such, for the reader to refuse', () => {
    expect(inFolder(event(''), '../../../../etc/passwd')).toBe('../../etc/passwd');
    expect(inFolder(event(''), '/etc/passwd')).toBe('/etc/passwd');
  });

  it('takes schemaPath first, else the first schema.* of the folder that exists', () => {
    const read = files('events/Paid/schema.avsc', 'events/Paid/schema.proto');
    expect(defaultSchemaFile(event(''), read)).toBe('schema.avsc');
    expect(defaultSchemaFile(event('', { schemaPath: 'v2.json' }), read)).toBe('v2.json');
    expect(defaultSchemaFile(event(''), files())).toBeUndefined();
  });

  it('tells bare uses from uses that name a file', () => {
    expect(bodyUses('<Schema />', ['Schema'], true)).toBe(true);
    expect(bodyUses('<Schema file="a.json" />', ['Schema'], true)).toBe(false);
    expect(bodyUses('<SchemaViewer title="x" />', ['Schema'])).toBe(false);
    expect(bodyUses('<SchemaViewer title="x" />', ['Schema', 'SchemaViewer'])).toBe(true);
  });

  it('asks for the folder schema only for a bare <Schema /> of a resource that names none', () => {
    const read = files('events/Paid/schema.json', 'events/Paid/openapi.yml');
    expect(conventionalSites(event('<Schema />'), read, [])).toEqual([
      expect.objectContaining({ file: 'events/Paid/schema.json', written: 'schema.json', role: 'schema' }),
    ]);
    expect(conventionalSites(event('<Schema file="a.json" />'), read, [])).toEqual([]);
    expect(conventionalSites(event('<Schema />', { schemaPath: 'a.json' }), read, [])).toEqual([]);
    expect(conventionalSites(event('No components.'), read, [])).toEqual([]);
  });

  it('asks for openapi.* for <OpenAPI /> unless an OpenAPI spec is named already', () => {
    const read = files('events/Paid/openapi.yml');
    expect(conventionalSites(event('<OpenAPI />'), read, [])).toEqual([
      expect.objectContaining({ file: 'events/Paid/openapi.yml', role: 'specification', hint: 'openapi' }),
    ]);
    const named = [{ file: 'events/Paid/api.yaml', role: 'specification', parsed: { format: 'openapi' } }];
    expect(conventionalSites(event('<OpenAPI />'), read, named as SchemaEntry[])).toEqual([]);
  });
});
