import { diagnostic } from '@switchyard/model';
import { hashText } from '../../diagram/hash.js';
import { renderMermaid } from '../../mermaid/render-mermaid.js';
import { useRender } from '../context.js';

/** Cached in place of an SVG when the text is not a diagram we can draw, so every build reports it again. */
const failed = '<!--sy-mermaid-error:';

/**
 * A ```mermaid fence, drawn at build time. Text that is not a diagram we can draw shows as code with a
 * note, and a diagnostic points at the fence.
 */
export function Mermaid({ code = '', line }: { code?: string; line?: string | number }) {
  const { diagrams, report, resource } = useRender();
  const svg = diagrams.svg(hashText(`mermaid-1:${code}`), () =>
    renderMermaid(code).catch((error: Error) => `${failed}${error.message.replace(/--/g, '- -')}-->`),
  );
  if (svg?.startsWith(failed)) {
    const message = svg.slice(failed.length, -3);
    if (resource) {
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
    <sy-diagram class="sy-diagram-frame sy-mermaid" tabindex={0} aria-label="Diagram">
      {svg ? (
        <div class="sy-diagram-canvas" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <div class="sy-diagram-canvas">Drawing…</div>
      )}
    </sy-diagram>
  );
}
