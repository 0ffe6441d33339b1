import { type Diagnostic, diagnostic, type Resource } from '@switchyard/model';
import type { TocEntry } from '../render/layout.js';

/**
 * Bodies longer than this are not compiled as MDX: compile time grows with length (a 6 MB body took
 * minutes in the fuzz suite), and no page of prose is this long. They show as plain text, with a warning.
 */
export const maxBodyChars = 512 * 1024;

export const isOversizedBody = (resource: Resource) => resource.body.length > maxBodyChars;

export function oversizedBody(
  resource: Resource,
  report: (d: Diagnostic) => void,
): { body: preact.JSX.Element; toc: TocEntry[] } {
  const size = (resource.body.length / 1024 / 1024).toFixed(1);
  report(
    diagnostic(
      'body-too-large',
      `The body is ${size} MB, more than the ${maxBodyChars / 1024} KB Switchyard compiles; it is shown as plain text.`,
      { file: resource.source.file, line: resource.source.bodyLine, column: 1 },
    ),
  );
  return { body: <pre class="sy-plain-body">{resource.body}</pre>, toc: [] };
}
