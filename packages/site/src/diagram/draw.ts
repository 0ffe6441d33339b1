import { layoutDiagram, layoutDiagramSync } from './layout.js';
import { type RenderSvgOptions, renderDiagramSvg } from './render-svg.js';
import type { DiagramInput } from './types.js';

/**
 * A diagram's SVG: drawn at once when its layout needs no ELK (every graph but wrapped chains), else a
 * promise of it. Pages ask through `diagrams.svg(key, () => drawDiagram(...))`, so most draw in one pass.
 */
export function drawDiagram(input: DiagramInput, options: RenderSvgOptions): string | Promise<string> {
  const laid = layoutDiagramSync(input);
  return laid
    ? renderDiagramSvg(laid, options)
    : layoutDiagram(input).then((l) => renderDiagramSvg(l, options));
}
