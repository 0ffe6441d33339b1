import { posix } from 'node:path';
import { createRootReader } from '@switchyard/loader';
import {
  type Catalog,
  type ImpactOwner,
  type ImpactRef,
  impactOf,
  impactRef,
  isMessageKind,
  type Resource,
} from '@switchyard/model';
import {
  type CompatChange,
  type CompatFormat,
  type CompatibilityMode,
  compareSchemaVersions,
  compatFormatOf,
  defaultCompatibilityMode,
  isBreaking,
  isTransitive,
  parseCompatibilityMode,
} from '@switchyard/schemas';

export interface ClassifiedChange extends CompatChange {
  breaking: boolean;
  /** The version the new schema was compared with. */
  against: string;
}

/** One message whose schema changed, with every change classified under its mode. */
export interface SchemaDiff {
  message: ImpactRef;
  file: string;
  format: CompatFormat;
  mode: CompatibilityMode;
  changes: ClassifiedChange[];
  breaking: boolean;
  /** For a breaking change: who it hurts and whom to ask. */
  hurts?: { consumers: ImpactRef[]; flows: ImpactRef[]; owners: ImpactOwner[] };
  /** When a version could not be read or parsed. */
  error?: string;
}

interface Side {
  root: string;
  catalog: Catalog;
}

type Read = (path: string) => string | undefined;

/** The text of a message's `schemaPath`, read only from inside the catalog folder. */
function schemaText(read: Read, r: Resource): { file: string; text: string } | undefined {
  const path = (r.data as { schemaPath?: unknown }).schemaPath;
  if (typeof path !== 'string') return undefined;
  const file = posix.normalize(posix.join(r.source.dir, path));
  const text = read(file);
  return text === undefined ? undefined : { file, text };
}

/** The mode a message promises: its `x-compatibility`, else the catalog's `compatibility`, else BACKWARD. */
export function modeOf(message: Resource, catalogMode: unknown): CompatibilityMode {
  return (
    parseCompatibilityMode(message.custom['x-compatibility']) ??
    parseCompatibilityMode(catalogMode) ??
    defaultCompatibilityMode
  );
}

/** Compares the schema of every message present in both catalogs whose schema text changed. */
export function schemaChanges(base: Side, head: Side, catalogMode: unknown): SchemaDiff[] {
  const out: SchemaDiff[] = [];
  const readBase = createRootReader(base.root);
  const readHead = createRootReader(head.root);
  for (const [key, list] of head.catalog.versions) {
    const now = list[0] as Resource;
    if (!isMessageKind(now.kind)) continue;
    const before = base.catalog.versions.get(key)?.[0];
    const next = schemaText(readHead, now);
    const prev = before && schemaText(readBase, before);
    if (!next || !prev || next.text === prev.text) continue;
    const format = compatFormatOf(next.file, next.text);
    if (!format) continue;
    const mode = modeOf(now, catalogMode);
    const entry: SchemaDiff = {
      message: impactRef(now),
      file: next.file,
      format,
      mode,
      changes: [],
      breaking: false,
    };
    // Transitive modes also compare with every earlier version the head catalog keeps.
    const earlier = isTransitive(mode)
      ? list
          .slice(1)
          .filter((r) => r.version !== (before as Resource).version)
          .map((r) => ({ version: r.version, schema: schemaText(readHead, r) }))
      : [];
    const targets = [{ version: (before as Resource).version, schema: prev }, ...earlier];
    for (const target of targets) {
      if (!target.schema) continue;
      try {
        for (const c of compareSchemaVersions(format, target.schema.text, next.text)) {
          const breaking = isBreaking(c, mode);
          // From older versions, only what breaks adds anything to the report.
          if (target !== targets[0] && !breaking) continue;
          entry.changes.push({ ...c, breaking, against: target.version });
        }
      } catch (error) {
        entry.error = `${target.version}: ${(error as Error).message}`;
      }
    }
    entry.breaking = entry.changes.some((c) => c.breaking);
    if (entry.breaking) {
      const impact = impactOf(head.catalog, now, { depth: 1 });
      entry.hurts = {
        consumers: impact.consumers.map((c) => c.resource),
        flows: impact.flows.map((f) => ({
          key: f.key,
          kind: 'flow',
          id: f.id,
          version: f.version,
          name: f.name,
          file: f.file,
        })),
        owners: impact.owners,
      };
    }
    out.push(entry);
  }
  return out;
}
