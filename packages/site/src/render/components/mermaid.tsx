import { diagnostic, nameOf } from '@switchyard/model';
import { resourceGraph } from '../../diagram/from-catalog.js';
import { hashText } from '../../diagram/hash.js';
import { toMermaid } from '../../diagram/mermaid.js';
import { renderMermaid } from '../../mermaid/render-mermaid.js';
import { useRender } from '../context.js';
import { Placeholder } from './basic.js';

/** Cached in place of an SVG when the text is not a diagram we can draw, so every build reports it again. */
const failed = '<!--sy-mermaid-error:';

interface MermaidProps {
  /** The text of a ```mermaid fence (the fence's line in the body in `line`). */
  code?: string;
  line?: string | number;
  /** EventCatalog 1.x: charts to draw instead of the resource's producers and consumers. */
  charts?: unknown;
  chart?: unknown;
  title?: string;
}

/**
 * `<Mermaid>`: a ```mermaid fence, the 1.x `charts` (or `chart`) given as props, or without either the
 * resource's graph (producers → message → consumers, a service's messages...) as a Mermaid flowchart.
 */
export function Mermaid({ code, line, charts, chart, title }: MermaidProps) {
  const texts = code !== undefined ? [code] : [charts, chart].flat().filter((c) => typeof c === 'string');
  const given = code !== undefined || charts !== undefined || chart !== undefined;
  return (
    <>
      {title && (
        <p class="sy-diagram-title">
          <strong>{title}</strong>
        </p>
      )}
      {!given ? (
        <ResourceMermaid />
      ) : texts.length > 0 ? (
        texts.map((text) => <MermaidChart key={text} code={text} line={line} />)
      ) : (
        <Placeholder name="Mermaid" reason="its charts prop holds no chart text." />
      )}
    </>
  );
}

/** The page's resource drawn as Mermaid, from the same graph `<NodeGraph />` draws. */
function ResourceMermaid() {
  const { catalog, resource } = useRender();
  if (!resource || resource.kind === 'doc') {
    return (
      <Placeholder
        name="Mermaid"
        reason="without charts it draws a resource's producers and consumers, and this page is not a resource."
      />
    );
  }
  // No links: the renderer draws Mermaid `click` lines as nodes.
  const text = toMermaid(resourceGraph(catalog, resource, () => ''));
  return <MermaidChart code={text} generated={`the graph of ${nameOf(resource)}`} />;
}

/**
 * One chart, drawn at build time. Text that is not a diagram we can draw shows as code with a note, and a
 * diagnostic points at the fence (not for `generated` text, which the author did not write).
 */
function MermaidChart({
  code,
  line,
  generated,
}: {
  code: string;
  line?: string | number | undefined;
  generated?: string;
}) {
  const { diagrams, report, resource } = useRender();
  const svg = diagrams.svg(hashText(`mermaid-1:${code}`), () =>
    renderMermaid(code).catch((error: Error) => `${failed}${error.message.replace(/--/g, '- -')}-->`),
  );
  if (svg?.startsWith(failed)) {
    const message = svg.slice(failed.length, -3);
    if (resource && !generated) {
      report(
        diagnostic('mermaid-syntax', `The Mermaid diagram could not be drawn: ${message}`, {
          file: resource.source.file,
          line: resource.source.bodyLine + Math.max(0, Number(line ?? 1) - 1),
          column: 1,
        }),
      );
    }
    return (
      <figure class="sy-mermaid sy-mermaid--failed">
        <pre>
          <code class="language-mermaid">{code}</code>
        </pre>
        <figcaption>This Mermaid diagram could not be drawn: {message}</figcaption>
      </figure>
    );
  }
  return (
    <sy-diagram
      class="sy-diagram-frame sy-mermaid"
      tabindex={0}
      aria-label={generated ? `Diagram: ${generated}` : 'Diagram'}
    >
      {svg ? (
        <div class="sy-diagram-canvas" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <div class="sy-diagram-canvas">Drawing…</div>
      )}
    </sy-diagram>
  );
}
