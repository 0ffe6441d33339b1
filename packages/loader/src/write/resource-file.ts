import { readFile } from 'node:fs/promises';
import { type Document, isDocument, parseDocument, stringify } from 'yaml';
import { writeFileAtomic } from './atomic.js';

/** A resource file opened for editing: its frontmatter as a `yaml` Document (comments and key order kept). */
export interface EditableResource {
  file: string;
  frontmatter: Document;
  /** Everything after the closing `---`, byte for byte. */
  body: string;
}

const delimiter = /^---[ \t]*\r?$/m;

/** Splits a Markdown file into its frontmatter Document and body. Throws when there is no frontmatter. */
export function parseResourceText(text: string, file = 'resource'): Omit<EditableResource, 'file'> {
  const source = text.replace(/^\uFEFF/, '');
  const open = source.match(/^---[ \t]*\r?\n/);
  if (!open) throw new Error(`${file} has no frontmatter to edit.`);
  const rest = source.slice(open[0].length);
  const close = delimiter.exec(rest);
  if (!close) throw new Error(`${file}: the frontmatter is never closed with "---".`);
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\n/, '');
  const frontmatter = parseDocument(yamlText);
  if (frontmatter.errors.length > 0) {
    throw new Error(`${file}: the frontmatter is not valid YAML: ${frontmatter.errors[0]?.message ?? ''}`);
  }
  return { frontmatter, body };
}

/** Joins frontmatter and body back into a file's text; the body follows the closing `---` line as given. */
export function formatResourceText(frontmatter: Document | Record<string, unknown>, body: string): string {
  const yamlText = isDocument(frontmatter)
    ? frontmatter.toString({ lineWidth: 0 })
    : stringify(frontmatter, { lineWidth: 0 });
  return `---\n${yamlText.endsWith('\n') ? yamlText : `${yamlText}\n`}---\n${body}`;
}

export async function openResource(file: string): Promise<EditableResource> {
  const text = await readFile(file, 'utf8');
  return { file, ...parseResourceText(text, file) };
}

/** Writes an edited resource back, atomically. The body is written unchanged. */
export async function saveResource(resource: EditableResource): Promise<void> {
  await writeFileAtomic(resource.file, formatResourceText(resource.frontmatter, resource.body));
}

/** Opens a resource, lets `edit` change its frontmatter, and saves it if the text changed. */
export async function editResource(file: string, edit: (frontmatter: Document) => void): Promise<boolean> {
  const before = await readFile(file, 'utf8');
  const resource = { file, ...parseResourceText(before, file) };
  edit(resource.frontmatter);
  const after = formatResourceText(resource.frontmatter, resource.body);
  if (after === before) return false;
  await writeFileAtomic(file, after);
  return true;
}
