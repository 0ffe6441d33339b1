import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { kindDef, type MessageKind } from '@switchyard/model';
import { type Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { writableInside } from '../inside-root.js';
import { writeFileAtomic, writeNewFile } from './atomic.js';
import { editResource, formatResourceText, openResource } from './resource-file.js';

/** A path inside the catalog to write to, by the path policy (`writableInside`); throws when it is not. */
export function insideCatalog(root: string, path: string): string {
  const full = writableInside(root, path);
  if (full !== undefined) return full;
  throw new Error(`${path} is outside the catalog at ${root}; nothing was written.`);
}

export interface NewMessage {
  kind: MessageKind;
  id: string;
  name: string;
  version: string;
  summary?: string;
  owners?: string[];
  /** Folder (relative to the root) the message's kind folder goes under, e.g. a service's folder. Default: the root. */
  under?: string;
  /** Folder name; default the id. */
  folder?: string;
  body?: string;
  /** A schema file written beside the message and named by `schemaPath`. */
  schema?: { file: string; content: string };
  /** More frontmatter fields, written after the standard ones. */
  fields?: Record<string, unknown>;
}

/** Creates `<under>/<events|commands|queries>/<folder>/index.mdx` (and its schema). Returns the file written. */
export async function createMessage(root: string, message: NewMessage): Promise<string> {
  const plural = kindDef(message.kind).plural;
  const dir = insideCatalog(root, join(message.under ?? '.', plural, message.folder ?? message.id));
  const file = join(dir, 'index.mdx');
  const data: Record<string, unknown> = { id: message.id, name: message.name, version: message.version };
  if (message.summary) data.summary = message.summary;
  if (message.owners?.length) data.owners = message.owners;
  if (message.schema) data.schemaPath = message.schema.file;
  Object.assign(data, message.fields);
  const body = message.body ?? `\n## Overview\n\n${message.summary ?? message.name}\n`;
  await writeNewFile(file, formatResourceText(data, body.startsWith('\n') ? body : `\n${body}`));
  if (message.schema)
    await writeFileAtomic(insideCatalog(root, join(dir, message.schema.file)), message.schema.content);
  return file;
}

export interface MessagePointer {
  id: string;
  version?: string;
  /** Channels: `to` for sends, `from` for receives. */
  channels?: { id: string; version?: string; parameters?: Record<string, string> }[];
}

/**
 * Adds a pointer to a resource's `sends` or `receives` unless one with that id is there already (then it
 * only sets the version, when given). Comments and key order of the file are kept. Returns true if written.
 */
export function addMessagePointer(
  root: string,
  resourceFile: string,
  list: 'sends' | 'receives',
  pointer: MessagePointer,
): Promise<boolean> {
  return editResource(insideCatalog(root, resourceFile), (doc) => addMessagePointerTo(doc, list, pointer));
}

export const addToSends = (root: string, file: string, pointer: MessagePointer) =>
  addMessagePointer(root, file, 'sends', pointer);
export const addToReceives = (root: string, file: string, pointer: MessagePointer) =>
  addMessagePointer(root, file, 'receives', pointer);

/** `addMessagePointer` on a frontmatter Document in memory. Returns true when it changed something. */
export function addMessagePointerTo(
  doc: Document,
  list: 'sends' | 'receives',
  pointer: MessagePointer,
): boolean {
  const seq = doc.get(list);
  const existing = isSeq(seq)
    ? seq.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === pointer.id)
    : undefined;
  if (existing) {
    if (!pointer.version || existing.get('version') === pointer.version) return false;
    existing.set('version', pointer.version);
    return true;
  }
  const entry: Record<string, unknown> = { id: pointer.id };
  if (pointer.version) entry.version = pointer.version;
  if (pointer.channels?.length) entry[list === 'sends' ? 'to' : 'from'] = pointer.channels;
  if (isSeq(seq)) seq.add(doc.createNode(entry));
  else doc.set(list, doc.createNode([entry]));
  return true;
}

/**
 * Makes `newVersion` the current version of a resource: its folder's files (the index, schemas, specs)
 * are copied into `versioned/<old version>/`, then the index's `version` is set. Child resources
 * (sub-folders) stay where they are. Refuses when that versioned folder exists already.
 */
export async function bumpVersion(root: string, resourceFile: string, newVersion: string): Promise<string> {
  const file = insideCatalog(root, resourceFile);
  const resource = await openResource(file);
  const old = resource.frontmatter.get('version');
  const oldVersion = typeof old === 'string' || typeof old === 'number' ? String(old) : undefined;
  if (!oldVersion) throw new Error(`${file} has no version to bump.`);
  if (oldVersion === newVersion) return file;
  const archived = await archiveVersion(root, file, oldVersion);
  await editResource(file, (doc) => {
    doc.set('version', newVersion);
  });
  return archived;
}

/**
 * Copies the files of a resource's folder (index, schemas, specs; not its changelog nor sub-folders) into
 * `versioned/<version>/`, where the loader finds older versions. Returns the archived index file.
 */
export async function archiveVersion(root: string, resourceFile: string, version: string): Promise<string> {
  const file = insideCatalog(root, resourceFile);
  const dir = dirname(file);
  const target = insideCatalog(root, join(dir, 'versioned', version));
  if (existsSync(target)) throw new Error(`${relative(root, target).split(sep).join('/')} exists already.`);
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || /^changelog\.mdx?$/.test(entry.name) || entry.name.startsWith('.')) continue;
    await copyFile(join(dir, entry.name), join(target, entry.name));
  }
  return join(target, basename(file));
}
