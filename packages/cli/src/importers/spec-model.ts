import type { MessageKind } from '@switchyard/model';

/** What an importer reads out of a spec: the part of a catalog the spec owns. */
export interface ImportedService {
  id: string;
  name: string;
  version: string;
  summary?: string;
  /** Prose for the body of a new service page (escaped for MDX by the planner). */
  description?: string;
  spec: { type: 'openapi' | 'asyncapi'; fileName: string; text: string };
  messages: ImportedMessage[];
  channels: ImportedChannel[];
}

export interface ImportedMessage {
  kind: MessageKind;
  id: string;
  name: string;
  summary?: string;
  description?: string;
  /** How the service uses it; undefined for a message the spec declares but no operation uses. */
  direction?: 'sends' | 'receives';
  /** The channel it travels on (AsyncAPI). */
  channel?: string;
  schema?: { file: string; content: string };
  operation?: { method: string; path: string; statusCodes: string[] };
}

export interface ImportedChannel {
  id: string;
  name: string;
  summary?: string;
  address?: string;
  protocols: string[];
  parameters?: Record<string, { enum?: string[]; default?: string; description?: string }>;
}

export interface ImportOptions {
  serviceId?: string | undefined;
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const stringOr = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** The first paragraph of a description, as a one-line summary. */
export function firstParagraph(text: string | undefined): string | undefined {
  const para = text?.trim().split(/\n\s*\n/)[0];
  return para ? para.replace(/\s*\n\s*/g, ' ') : undefined;
}

const kinds = new Set(['event', 'command', 'query']);

/** `x-switchyard-message-type` (or EventCatalog's `x-eventcatalog-message-type`) on an operation or message. */
export function declaredKind(...objects: unknown[]): MessageKind | undefined {
  for (const o of objects) {
    if (!isObject(o)) continue;
    const value = o['x-switchyard-message-type'] ?? o['x-eventcatalog-message-type'];
    if (typeof value === 'string' && kinds.has(value)) return value as MessageKind;
  }
  return undefined;
}
