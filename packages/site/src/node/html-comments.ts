const fence = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * MDX has no HTML comments (`<!-- … -->` is a syntax error there), but Markdown has, and catalogs use them
 * (generator stamps, notes to authors). Outside code fences each becomes an MDX comment, `{/* … *\/}`,
 * on the same lines, so positions in diagnostics stay true.
 */
export function htmlCommentsToMdx(body: string): string {
  if (!body.includes('<!--')) return body;
  const lines = body.split('\n');
  let open: string | undefined;
  let prose: string[] = [];
  const out: string[] = [];
  const flush = () => {
    if (prose.length === 0) return;
    out.push(
      prose
        .join('\n')
        .replace(/<!--([\s\S]*?)-->/g, (_, text: string) => `{/*${text.replace(/\*\//g, '* /')}*/}`),
    );
    prose = [];
  };
  for (const line of lines) {
    const m = fence.exec(line);
    if (open === undefined && m) {
      flush();
      open = (m[1] as string)[0]?.repeat((m[1] as string).length);
      out.push(line);
    } else if (open !== undefined) {
      out.push(line);
      if (m && (m[1] as string).startsWith(open)) open = undefined;
    } else prose.push(line);
  }
  flush();
  return out.join('\n');
}
