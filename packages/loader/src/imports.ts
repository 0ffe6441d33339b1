/** An MDX `import` statement at the top level of a body. */
export interface MdxImport {
  name: string;
  from: string;
  line: number;
  column: number;
}

const statement = /^import\s+([\w$]+|\{[^}]*\}|\*\s+as\s+[\w$]+)\s+from\s+(['"])([^'"]+)\2;?\s*$/;

/** Finds `import X from '...'` lines outside code fences. `firstLine` is the file line the body starts on. */
export function scanImports(body: string, firstLine: number): MdxImport[] {
  if (!body.includes('import')) return [];
  const out: MdxImport[] = [];
  let inFence = false;
  body.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    const m = statement.exec(line);
    if (m)
      out.push({
        name: (m[1] as string).trim(),
        from: m[3] as string,
        line: firstLine + i,
        column: line.indexOf(m[2] as string) + 1,
      });
  });
  return out;
}
