/**
 * A group's parent, as both layouts read `DiagramGroup.parent`: undefined when the parent is unknown or
 * the chain of parents loops back (a cycle), so a bad `parent` makes a top-level group, never a hang.
 */
export function groupParentOf(
  byId: ReadonlyMap<string, { parent: string | undefined }>,
): (id: string) => string | undefined {
  return (id) => {
    const parent = byId.get(id)?.parent;
    if (!parent || !byId.has(parent)) return undefined;
    const chain = new Set([id]);
    for (let p: string | undefined = parent; p; p = byId.get(p)?.parent) {
      if (chain.has(p)) return undefined;
      chain.add(p);
    }
    return parent;
  };
}
