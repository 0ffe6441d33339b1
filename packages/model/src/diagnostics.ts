/**
 * Diagnostics are data: a stable code, a severity, what happened, what to do, and where.
 * The catalogue below is the one list of codes; docs/diagnostics.md documents each.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  /** Path relative to the catalog root, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Diagnostic extends Location {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  hint?: string;
}

interface CodeInfo {
  severity: Severity;
  /** What to do about it, when the producer has nothing more specific to say. */
  hint: string;
}

export const diagnosticCatalogue = {
  'unreadable-file': {
    severity: 'error',
    hint: 'Check the file exists, is readable and is UTF-8 text.',
  },
  'missing-frontmatter': {
    severity: 'error',
    hint: 'Start the file with a YAML block between two "---" lines holding at least id, name and version.',
  },
  'yaml-syntax': {
    severity: 'error',
    hint: 'Fix the YAML at this position; indentation and unquoted ":" are the usual causes.',
  },
  'invalid-frontmatter': {
    severity: 'error',
    hint: 'Give the field a value of the expected type (see docs/catalog-format.md).',
  },
  'missing-required-field': {
    severity: 'error',
    hint: 'Add the field to the frontmatter.',
  },
  'unknown-field': {
    severity: 'warning',
    hint: 'EventCatalog ignores fields it does not know, and so does Switchyard. Remove the field, fix its spelling, or prefix it with "x-" to keep it as a custom property.',
  },
  'invalid-version': {
    severity: 'warning',
    hint: 'Use a semantic version written as a string, e.g. version: "1.0.0".',
  },
  'duplicate-id': {
    severity: 'warning',
    hint: 'Give each resource of a kind its own id, or move the older one into versioned/<version>/ with a different version.',
  },
  'missing-id': {
    severity: 'warning',
    hint: 'Add an id (EventCatalog 2 and later require one); until then the name is used as the id, as EventCatalog 1 did.',
  },
  'unknown-reference': {
    severity: 'error',
    hint: 'Fix the id, or add the resource it points to.',
  },
  'no-matching-version': {
    severity: 'error',
    hint: 'Point to a version that exists, or to "latest".',
  },
  'unknown-owner': {
    severity: 'warning',
    hint: 'Add a team in teams/<id>.md or a user in users/<id>.md, or fix the id.',
  },
  'missing-file': {
    severity: 'error',
    hint: 'Add the file, or fix the path (it is relative to the resource folder).',
  },
  'file-outside-catalog': {
    severity: 'error',
    hint: 'Keep schemas, specifications and other files inside the catalog folder.',
  },
  'flow-step-unknown-next': {
    severity: 'error',
    hint: 'Point next_step/next_steps to the id of a step in the same flow.',
  },
  'flow-step-duplicate-id': {
    severity: 'error',
    hint: 'Give each step of a flow its own id.',
  },
  'missing-component': {
    severity: 'warning',
    hint: 'Custom Astro components cannot run in Switchyard; the import renders as a placeholder. Add the file or remove the import.',
  },
  'config-error': {
    severity: 'error',
    hint: 'Fix the configuration file; Switchyard goes on with the default settings.',
  },
  'config-unknown-field': {
    severity: 'warning',
    hint: 'Neither Switchyard nor any EventCatalog version has this config field, so it is ignored. Fix its spelling or remove it (docs/catalog-format.md lists the fields Switchyard reads).',
  },
  'mdx-syntax': {
    severity: 'warning',
    hint: 'Fix the MDX at this position (an unclosed tag, or a "<" or "{" meant as text: escape it as \\< or \\{). The page shows the body as plain Markdown meanwhile.',
  },
  'body-too-large': {
    severity: 'warning',
    hint: 'Split the page, or move the data into a file the page links to. Bodies over 512 KB are shown as plain text.',
  },
  'unsafe-content': {
    severity: 'warning',
    hint: 'Raw HTML, event handlers, javascript: URLs, exports and expressions that do more than read frontmatter are removed from bodies. Use Markdown or components instead, or set trustContent: true in the config if every author is trusted (docs/security.md).',
  },
  'mermaid-syntax': {
    severity: 'warning',
    hint: 'Fix the diagram text; Switchyard draws flowchart, sequence, state, class, ER and xychart diagrams. The page shows the text meanwhile.',
  },
  'unknown-component': {
    severity: 'warning',
    hint: 'Use one of the components Switchyard knows (see docs/catalog-format.md), or import it; the page shows a placeholder meanwhile.',
  },
  'build-section-failed': {
    severity: 'error',
    hint: 'This is a bug in Switchyard, not in your catalog: please report it with the message. The rest of the site was built.',
  },
  'version-folder-mismatch': {
    severity: 'warning',
    hint: 'Make the folder name under versioned/ equal the version in the frontmatter.',
  },
  'federation-conflict': {
    severity: 'error',
    hint: 'Remove the resource from one of the sources, give one a new id, or set federation.onConflict to { prefer: "<source>" }.',
  },
  'federation-preferred': {
    severity: 'info',
    hint: 'Two sources hold this resource; the config says which one wins. Remove the other copy to silence this.',
  },
  'federation-source-failed': {
    severity: 'error',
    hint: "Check the source's path, git URL and ref in the federation config, and that git can reach it.",
  },
  'schema-syntax': {
    severity: 'error',
    hint: 'Fix the file at this position so that it parses in its format (JSON, YAML, Avro, Protobuf, GraphQL).',
  },
  'schema-invalid': {
    severity: 'warning',
    hint: 'The file parses but breaks the rules of its format; fix it so that tools reading it agree with the page.',
  },
  'schema-unresolved-ref': {
    severity: 'error',
    hint: 'Point the $ref or import at a file inside the catalog (relative to this file) or at a pointer that exists.',
  },
  'example-invalid': {
    severity: 'warning',
    hint: "Fix the example, or the schema, so that the example is a valid instance of the message's schema.",
  },
  'flow-step-not-sent': {
    severity: 'warning',
    hint: "Add the message to the service's sends, or fix the step the service leads to.",
  },
  'flow-step-not-received': {
    severity: 'warning',
    hint: "Add the message to the service's receives, or fix the step the message leads to.",
  },
  'trigger-not-sent': {
    severity: 'warning',
    hint: "Add the message to the service's sends, or correct the trigger's id.",
  },
  'flow-step-not-triggered': {
    severity: 'warning',
    hint: "Add the message to the triggers of the service's receives entry, or correct the flow.",
  },
  'message-without-producer': {
    severity: 'info',
    hint: 'Add the message to the sends of the service (or domain, or agent) that publishes it.',
  },
  'message-without-consumer': {
    severity: 'info',
    hint: 'Add the message to the receives of the services that consume it, or mark it deprecated if nobody does.',
  },
  'flow-compensation-no-end': {
    severity: 'warning',
    hint: 'Lead the failure path to a final step (an outcome with no next step), so readers see where it ends.',
  },
  'broken-link': {
    severity: 'warning',
    hint: 'Link a page of the site (/docs/events/<id>/<version>), a file relative to this one (../OrderCreated/index.mdx, ./openapi.yml) or a file in public/ (/img/diagram.png). Links to other sites are not checked.',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCatalogue;

/** Makes a diagnostic with the catalogue's severity and hint unless given. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  at: Location,
  options: { hint?: string; severity?: Severity } = {},
): Diagnostic {
  const info: CodeInfo = diagnosticCatalogue[code];
  return {
    code,
    severity: options.severity ?? info.severity,
    message,
    hint: options.hint ?? info.hint,
    file: at.file,
    line: at.line,
    column: at.column,
  };
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts by file, then position, then severity: the order people read them in. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      order[a.severity] - order[b.severity],
  );
}
