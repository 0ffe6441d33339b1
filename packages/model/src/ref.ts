import type { Kind } from './kinds/kind.js';

/**
 * The one string form of a node in the graph: `kind:id@version` (`team:ops`, `user:jane` have no version).
 * Used as map keys, in `data-node` attributes, in JSON and on the command line.
 */
export type NodeKey = string;

export interface NodeRef {
  kind: Kind;
  id: string;
  version?: string;
}

export function formatRef(ref: NodeRef): NodeKey {
  return ref.version === undefined || ref.version === ''
    ? `${ref.kind}:${ref.id}`
    : `${ref.kind}:${ref.id}@${ref.version}`;
}

/**
 * Reads `kind:id[@version]`. Throws with the expected form quoted when the text is not one.
 * The kind is not checked against the registry here: callers that take user input check it.
 */
export function parseRef(text: string): NodeRef {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    throw new Error(
      `"${text}" is not a resource reference; expected "kind:id" or "kind:id@version", e.g. "event:order-created@1.0.0"`,
    );
  }
  const kind = text.slice(0, colon) as Kind;
  const rest = text.slice(colon + 1);
  const at = rest.lastIndexOf('@');
  if (at > 0) return { kind, id: rest.slice(0, at), version: rest.slice(at + 1) };
  return { kind, id: rest };
}
