import { Layout } from '../layout.js';

/**
 * `/schemas/explorer` ("Schemas & APIs"): every schema and spec in one list, drawn in the browser from
 * `api/schemas/index.json` with filters (format, kind, domain, owner, text or field name), and a From/To
 * comparison of two versions read from `api/schemas/diff/{kind}/{id}.json`.
 */
export function ExplorerPage({ path }: { path: string }) {
  return (
    <Layout title="Schemas & APIs" section="schemas" path={path} wide>
      <h1>Schemas &amp; APIs</h1>
      <p class="sy-lead">
        Every schema and API spec in the catalog. Search by name or by field (<code>orderId</code>), filter,
        and compare any two versions.
      </p>
      <div class="sy-explorer" data-sy-schemas>
        <noscript>
          The list needs JavaScript; each schema also has its own page, linked from its resource.
        </noscript>
      </div>
    </Layout>
  );
}
