import {
  buildResource,
  type Diagnostic,
  diagnostic,
  type FieldIssue,
  type Kind,
  kindDef,
  locate,
  type NodeRef,
  type Resource,
  validateFrontmatter,
} from '@switchyard/model';
import { parseFrontmatter } from './frontmatter.js';
import { scanImports } from './imports.js';

export interface FileInput {
  /** Relative to the root, `/`-separated. */
  file: string;
  dir: string;
  kind: Kind;
  text: string;
  /** For attachments: the resource they document. */
  attachedTo?: NodeRef;
  /** For custom docs: the id from the path. */
  pathId?: string;
  /** The catalog is an EventCatalog 1.x catalog (resources known by name). */
  v1?: boolean;
  /** The catalog omits versions everywhere: a resource without `version` has the empty version. */
  versionless?: boolean;
}

/**
 * Turns one file's text into a resource of a known kind, with every problem found in it.
 * Pure: the caller reads the file. Returns no resource when the file cannot stand for one.
 */
export function readResource(input: FileInput): { resource?: Resource; diagnostics: Diagnostic[] } {
  const { file, kind, text } = input;
  const def = kindDef(kind);
  const parsed = parseFrontmatter(text);
  const diagnostics: Diagnostic[] = parsed.errors.map((e) =>
    diagnostic(e.code, e.message, { file, line: e.line, column: e.column }),
  );
  if (diagnostics.length > 0) return { diagnostics };
  const optionalFrontmatter = def.identifiedBy === 'attachment';
  if (!parsed.hasFrontmatter && !optionalFrontmatter) {
    const needs =
      def.identifiedBy === 'path'
        ? 'title and summary'
        : def.versioned
          ? 'id, name and version'
          : 'id and name';
    diagnostics.push(
      diagnostic(
        'missing-frontmatter',
        `This ${def.label.toLowerCase()} file has no frontmatter.`,
        { file, line: 1, column: 1 },
        {
          hint: `Start the file with a YAML block between two "---" lines holding at least ${needs}.`,
        },
      ),
    );
    return { diagnostics };
  }
  const source = {
    file,
    dir: input.dir,
    bodyLine: parsed.bodyLine,
    position: parsed.position,
  };
  const raw = parsed.data === undefined && optionalFrontmatter ? {} : parsed.data;
  const checked = validateFrontmatter(def, raw, {
    ...(input.v1 ? { v1: true } : {}),
    ...(input.versionless ? { versionless: true } : {}),
  });
  for (const issue of checked.issues) diagnostics.push(toDiagnostic(issue, { source }));
  if (!checked.data) return { diagnostics };

  const data = checked.data as Record<string, unknown>;
  let id: string;
  let version: string;
  if (def.identifiedBy === 'attachment' && input.attachedTo) {
    id = input.attachedTo.id;
    version = input.attachedTo.version ?? '';
  } else if (def.identifiedBy === 'path' && input.pathId !== undefined) {
    id = input.pathId;
    version = '';
  } else {
    id = String(data.id);
    version = def.versioned ? String(data.version) : '';
    // Versionless: no version written, none made up (`key` is `kind:id`, the page has no version in its URL).
    if (input.versionless && def.versioned && (raw as { version?: unknown }).version === undefined) {
      version = '';
      data.version = '';
    }
  }
  const resource: Resource = buildResource({
    kind,
    id,
    version,
    data: checked.data as never,
    custom: checked.custom,
    body: parsed.body,
    source,
    imports: scanImports(parsed.body, parsed.bodyLine),
    ...(input.attachedTo ? { attachedTo: input.attachedTo } : {}),
  });
  return { resource, diagnostics };
}

function toDiagnostic(issue: FieldIssue, resource: Pick<Resource, 'source'>): Diagnostic {
  const at = locate(resource, issue.path, issue.atKey === true);
  return diagnostic(issue.code, issue.message, at, issue.hint ? { hint: issue.hint } : {});
}
