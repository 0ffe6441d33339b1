/** The subset of YAML values the generator writes in frontmatter. `undefined` entries are left out. */
export type YamlValue =
  | string
  | number
  | boolean
  | undefined
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue };

const plain = /^[A-Za-z_][A-Za-z0-9 _.,()/&+@-]*$/;
const reserved = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);

/** A string as a YAML scalar: plain when unambiguous, single-quoted otherwise (versions always quoted). */
export function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (plain.test(value) && !value.endsWith(' ') && !reserved.has(value.toLowerCase())) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function isMapping(value: YamlValue): value is { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && !Array.isArray(value);
}

function mappingLines(map: { readonly [key: string]: YamlValue }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${pad}${key}: []`);
      else out.push(`${pad}${key}:`, ...sequenceLines(value, indent + 2));
    } else if (isMapping(value)) {
      out.push(`${pad}${key}:`, ...mappingLines(value, indent + 2));
    } else {
      out.push(`${pad}${key}: ${scalar(value as string | number | boolean)}`);
    }
  }
  return out;
}

function sequenceLines(list: readonly YamlValue[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const item of list) {
    if (item === undefined) continue;
    if (Array.isArray(item)) throw new Error('nested sequences are not written');
    if (isMapping(item)) {
      const lines = mappingLines(item, indent + 2);
      const first = lines[0];
      if (first === undefined) {
        out.push(`${pad}- {}`);
        continue;
      }
      out.push(`${pad}- ${first.slice(indent + 2)}`, ...lines.slice(1));
    } else {
      out.push(`${pad}- ${scalar(item as string | number | boolean)}`);
    }
  }
  return out;
}

/** A YAML document for a mapping, EventCatalog style (sequences indented under their key). */
export function toYaml(map: { readonly [key: string]: YamlValue }): string {
  return `${mappingLines(map, 0).join('\n')}\n`;
}

/** A Markdown file with YAML frontmatter. */
export function markdownFile(frontmatter: { readonly [key: string]: YamlValue }, body: string): string {
  return `---\n${toYaml(frontmatter)}---\n\n${body.trim()}\n`;
}
