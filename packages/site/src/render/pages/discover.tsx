import { type Kind, kindDef, kinds, pluralLabel } from '@switchyard/model';
import { useRender } from '../context.js';
import { Layout } from '../layout.js';

/** Kinds with a Discover table: every versioned resource kind (people have directories, docs a sidebar). */
export const discoverKinds: Kind[] = kinds.filter(
  (k) => kindDef(k).versioned && kindDef(k).identifiedBy === 'frontmatter',
);

/** `/discover/{plural}`: the table is drawn in the browser from `api/discover/{plural}.json`, with filters in the URL. */
export function DiscoverPage({ kind }: { kind: Kind }) {
  const { urls } = useRender();
  const def = kindDef(kind);
  return (
    <Layout title={`Discover ${pluralLabel(kind)}`} section="discover" path={`/discover/${def.plural}`} wide>
      <h1>Discover</h1>
      <nav class="sy-tabs-nav" aria-label="Kinds">
        {discoverKinds.map((k) => (
          <a
            key={k}
            href={urls.page(`/discover/${kindDef(k).plural}`)}
            aria-current={k === kind ? 'page' : undefined}
          >
            {pluralLabel(k)}
          </a>
        ))}
      </nav>
      <div data-sy-discover={def.plural}>
        <noscript>The table needs JavaScript.</noscript>
      </div>
    </Layout>
  );
}

/** The MCP client configuration (Claude Desktop, Cursor and others read this shape); see docs/mcp.md. */
const mcpSnippet = JSON.stringify(
  { mcpServers: { switchyard: { command: 'npx', args: ['switchyard', 'mcp', '/path/to/catalog'] } } },
  null,
  2,
);

/** `/settings`: the resolved configuration, as Switchyard uses it, and how to connect an AI assistant. */
export function SettingsPage() {
  const { config } = useRender();
  return (
    <Layout title="Settings" section="settings" path="/settings" wide>
      <h1>Settings</h1>
      <p class="sy-lead">The configuration this site was built with, after defaults.</p>
      <pre class="sy-code">
        <code>{JSON.stringify(config, null, 2)}</code>
      </pre>
      <h2 id="mcp">Connect an AI assistant</h2>
      <p>
        <code>switchyard mcp</code> serves this catalog to AI assistants (Claude, Cursor, VS Code...) over the
        Model Context Protocol: search, producers and consumers, flows, schemas, owners, impact. Add it to
        your client's MCP configuration, with the path of the catalog folder:
      </p>
      <pre class="sy-code">
        <code>{mcpSnippet}</code>
      </pre>
    </Layout>
  );
}
