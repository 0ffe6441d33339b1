import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import type { Diagnostic } from '@switchyard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../node/build.js';

const fixture = fileURLToPath(new URL('../../../fixtures/v1-components', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'switchyard-v1-components-')), 'dist');
let diagnostics: Diagnostic[] = [];
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

beforeAll(async () => {
  const loaded = await loadCatalog(fixture);
  expect(loaded.diagnostics).toEqual([]);
  diagnostics = (await buildSite(loaded, { outDir: out })).diagnostics;
}, 60_000);

/** The rendered body of a page (what the MDX components made), without what follows it. */
function body(path: string): string {
  const html = readFileSync(join(out, path, 'index.html'), 'utf8');
  const start = html.indexOf('<div class="sy-prose">');
  const end = html.indexOf('</article>', start);
  return html.slice(start, end);
}

/** The text labels drawn in each SVG of the HTML, one list per diagram. */
const svgTexts = (html: string) =>
  [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) =>
    [...m[0].matchAll(/<text[^>]*>([^<]*)</g)].map((t) => t[1]),
  );

const event = 'docs/events/item-added/0.0.2';

describe('EventCatalog 1.x components', () => {
  it('report nothing but the example that does not fit the schema', () => {
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      'events/ItemAdded/examples/payload.json example-invalid',
    ]);
  });

  it('<Admonition> bare is a note, and the 1.x types info, warning and alert get their styles', () => {
    expect(body(event)).toContain(
      '<aside class="sy-admonition sy-admonition--note" aria-label="note"><p class="sy-admonition__title"><span aria-hidden="true">ℹ</span> Note</p>',
    );
    expect(body(event)).toMatch(
      /<aside class="sy-admonition sy-admonition--danger" aria-label="alert">.*?<\/span> Alert<\/p><div class="sy-admonition__body">Never put card numbers/,
    );
    expect(body('docs/events/item-removed/0.0.1')).toContain('sy-admonition--warning" aria-label="warning"');
    expect(body('docs/services/basket-service/1.0.0')).toContain('sy-admonition--info" aria-label="info"');
  });

  it('<NodeGraph> shows its 1.x title and takes a 1.x maxHeight in pixels', () => {
    expect(body(event)).toMatch(
      /<p class="sy-diagram-title"><strong>Consumer \/ Producer Diagram<\/strong><\/p><sy-diagram class="sy-diagram-frame" tabindex="0" aria-label="Consumer \/ Producer Diagram"><div class="sy-diagram-canvas"><svg/,
    );
    expect(body('docs/services/data-lake/1.0.0')).toContain(
      '<sy-diagram class="sy-diagram-frame" style="--sy-diagram-max:400px"',
    );
  });

  it('<Mermaid /> without charts draws producers → message → consumers; with charts, the charts', () => {
    const html = body(event);
    const own = html.slice(html.indexOf('aria-label="Diagram: the graph of ItemAdded"'));
    expect(svgTexts(own)[0]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Basket Service/),
        expect.stringMatching(/^ItemAdded/),
        expect.stringMatching(/^Data Lake/),
      ]),
    );
    const retries = html.slice(html.indexOf('<strong>Retries</strong>'));
    expect(retries).toMatch(/^<strong>Retries<\/strong><\/p><sy-diagram class="sy-diagram-frame sy-mermaid"/);
    expect(svgTexts(retries)[0]).toEqual(expect.arrayContaining(['Sent', 'Retried']));
    // A domain's and a service's bodies get their own graphs.
    for (const [page, name] of [
      ['docs/domains/shopping/1.0.0', 'Shopping'],
      ['docs/services/basket-service/1.0.0', 'Basket Service'],
    ]) {
      const own = body(page as string).split(`aria-label="Diagram: the graph of ${name}"`)[1] ?? '';
      expect(svgTexts(own)[0]).toEqual(expect.arrayContaining([expect.stringMatching(/^ItemAdded/)]));
    }
  });

  it('<EventExamples /> shows each file of examples/ as a code tab, once', () => {
    const html = body(event);
    const from = html.indexOf('<section class="sy-examples sy-event-examples">');
    const section = html.slice(from, html.indexOf('</section>', from));
    expect(section).toMatch(/^<section class="sy-examples sy-event-examples"><h3>How to trigger event<\/h3>/);
    expect([...section.matchAll(/role="tab"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      'payload.json',
      'trigger.js',
    ]);
    expect(section).toContain('<li>Does not match the schema: basketId should be string but is number</li>');
    expect(section).toContain(
      "<code class=\"language-javascript\">await bus.send('ItemAdded', { basketId: 'b-1'",
    );
    expect(section).toContain('<code class="language-json">{ &quot;basketId&quot;: 7');
    // The page does not list the same examples again after the body.
    const page = readFileSync(join(out, event, 'index.html'), 'utf8');
    expect(page).not.toContain('id="examples"');
  });

  it('<EventExamples /> without an examples/ folder says so', () => {
    expect(body('docs/events/item-removed/0.0.1')).toContain(
      '<div class="sy-placeholder" data-component="EventExamples" role="note"><code>&lt;EventExamples /></code> is not shown: there are no files in events/ItemRemoved/examples/ to show.</div>',
    );
  });

  it('bare <Schema /> and <SchemaViewer /> show the schema.json of the folder', () => {
    const figures = body(event).split('<figure class="sy-schema"').slice(1);
    expect(figures).toHaveLength(2);
    const [schema = '', viewer = ''] = figures;
    for (const f of figures) {
      expect(f).toMatch(
        /^ data-sy-schema="events\/ItemAdded\/schema.json"><figcaption[^>]*><span>schema.json<\/span><span class="sy-badge">JSON Schema<\/span><a class="sy-schema__link" href="\/schemas\/events\/item-added\/0.0.2">Explore<\/a>/,
      );
      expect(f).toContain('<code class="sy-field-name">basketId</code>');
    }
    const tabs = (f: string) => [...f.matchAll(/role="tab"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(tabs(schema)).toEqual(['Raw', 'Fields']);
    expect(tabs(viewer)).toEqual(['Fields', 'Raw']);
    // defaultExpandedDepth='0' starts the tree closed; the default opens the first level.
    expect(viewer).toContain('data-path="item"><details><summary>');
    expect(schema).toContain('data-path="item"><details open><summary>');
    // The file joins the resource's schemas: its schema page is written.
    expect(existsSync(join(out, 'schemas/events/item-added/0.0.2/index.html'))).toBe(true);
  });

  it('bare <Schema /> without a schema file says what it looked for', () => {
    expect(body('docs/events/item-removed/0.0.1')).toContain(
      '<code>&lt;Schema /></code> is not shown: ItemRemoved names no schemaPath, and events/ItemRemoved has none of schema.json, schema.avsc,',
    );
  });

  it('<OpenAPI /> shows the openapi.yaml of the service folder, or says there is none', () => {
    const basket = body('docs/services/basket-service/1.0.0');
    expect(basket).toContain('data-sy-schema="services/Basket Service/openapi.yaml"');
    expect(basket).toContain(
      'OpenAPI 3.0.0: 1 operation. <a href="/docs/services/basket-service/1.0.0/spec/openapi">Open the API page</a>',
    );
    expect(existsSync(join(out, 'docs/services/basket-service/1.0.0/spec/openapi/index.html'))).toBe(true);
    expect(body('docs/services/data-lake/1.0.0')).toContain(
      '<code>&lt;OpenAPI /></code> is not shown: Data Lake names no OpenAPI file in its specifications, and services/Data Lake has none of openapi.yaml',
    );
  });

  it('on a custom page, <NodeGraph id> finds the resource of any kind, and the rest say the page is no resource', () => {
    const html = body('docs/custom/overview');
    expect(html).toContain(
      '<sy-diagram class="sy-diagram-frame" style="--sy-diagram-max:34rem" tabindex="0" aria-label="Map of shopping">',
    );
    expect(html).toMatch(/<desc[^>]*>Basket Service → ItemAdded\. ItemAdded → Data Lake\.<\/desc>/);
    expect(html).toContain(
      "<code>&lt;Mermaid /></code> is not shown: without charts it draws a resource's producers and consumers, and this page is not a resource.",
    );
    expect(html).toContain('<code>&lt;Schema /></code> is not shown: without a file it shows');
  });
});
