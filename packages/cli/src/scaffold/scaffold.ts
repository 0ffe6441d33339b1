import { stringify } from 'yaml';
import { kebab, pascal } from './names.js';

export interface ScaffoldAnswers {
  /** Organisation or catalog title, e.g. "Acme Inc". */
  title: string;
  domain: string;
  service: string;
  event: string;
  team: string;
}

export const defaultAnswers: ScaffoldAnswers = {
  title: 'My Company',
  domain: 'Orders',
  service: 'Order Service',
  event: 'Order Placed',
  team: 'Platform Team',
};

const page = (data: Record<string, unknown>, body: string) =>
  `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.trim()}\n`;

/** The files of a new catalog, by path relative to its folder. Pure: the caller writes them. */
export function scaffoldFiles(answers: ScaffoldAnswers, cliVersion: string): Map<string, string> {
  const ids = {
    domain: kebab(answers.domain),
    service: kebab(answers.service),
    event: kebab(answers.event),
    team: kebab(answers.team),
  };
  const domainDir = `domains/${pascal(answers.domain)}`;
  const serviceDir = `${domainDir}/services/${pascal(answers.service)}`;
  const eventDir = `${serviceDir}/events/${pascal(answers.event)}`;
  const files = new Map<string, string>();

  files.set(
    'eventcatalog.config.js',
    `// Settings of this catalog, read by Switchyard (and by EventCatalog).\nexport default ${JSON.stringify(
      {
        title: answers.title,
        organizationName: answers.title,
        base: '/',
        trailingSlash: false,
        outDir: 'dist',
      },
      null,
      2,
    )};\n`,
  );
  files.set(
    'package.json',
    `${JSON.stringify(
      {
        name: kebab(answers.title) || 'catalog',
        private: true,
        type: 'module',
        scripts: {
          check: 'switchyard check',
          build: 'switchyard build',
          dev: 'switchyard dev',
          preview: 'switchyard preview',
        },
        devDependencies: { switchyard: `^${cliVersion}` },
      },
      null,
      2,
    )}\n`,
  );
  files.set('.gitignore', 'node_modules/\ndist/\n.switchyard/\n');
  files.set(
    'README.md',
    `# ${answers.title} catalog\n\nThe architecture of ${answers.title}, documented as code.\n\n` +
      '- `npm run dev`: the site on http://localhost:3000, reloading on save\n' +
      '- `npm run check`: every problem with its file, line and column\n' +
      '- `npm run build`: the static site in `dist/`\n',
  );
  files.set(
    `teams/${ids.team}.mdx`,
    page(
      { id: ids.team, name: answers.team, summary: `The team that owns the ${answers.domain} domain.` },
      `## What we look after\n\nThe [[domain|${ids.domain}]] domain and the [[service|${ids.service}]].`,
    ),
  );
  files.set(
    `${domainDir}/index.mdx`,
    page(
      {
        id: ids.domain,
        name: answers.domain,
        version: '0.1.0',
        summary: `Everything about ${answers.domain.toLowerCase()}.`,
        owners: [ids.team],
        services: [{ id: ids.service }],
      },
      '## Overview\n\nWhat this domain is responsible for, in a few sentences.\n\n<NodeGraph />',
    ),
  );
  files.set(
    `${serviceDir}/index.mdx`,
    page(
      {
        id: ids.service,
        name: answers.service,
        version: '0.1.0',
        summary: `Publishes ${answers.event}.`,
        owners: [ids.team],
        sends: [{ id: ids.event, version: '0.1.0' }],
      },
      `## Overview\n\nWhat the service does and why. It announces [[event|${ids.event}]].\n\n<NodeGraph />`,
    ),
  );
  files.set(
    `${eventDir}/index.mdx`,
    page(
      {
        id: ids.event,
        name: answers.event,
        version: '0.1.0',
        summary: `Raised when ${answers.event.toLowerCase()} happens.`,
        owners: [ids.team],
        schemaPath: 'schema.json',
      },
      '## Overview\n\nWhen this event is raised and what consumers may rely on.\n\n<SchemaViewer file="schema.json" />',
    ),
  );
  files.set(
    `${eventDir}/schema.json`,
    `${JSON.stringify(
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: answers.event,
        type: 'object',
        required: ['id', 'occurredAt'],
        properties: {
          id: { type: 'string', format: 'uuid', description: 'Identifier of the event.' },
          occurredAt: { type: 'string', format: 'date-time' },
        },
      },
      null,
      2,
    )}\n`,
  );
  return files;
}
