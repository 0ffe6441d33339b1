/**
 * Exports a drawn map as a standalone SVG (styles inlined from the page, so it looks the same anywhere)
 * or as a PNG at twice its size.
 */

/** Properties copied from the page's computed style onto each exported element. */
const styled = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'letter-spacing',
  'display',
];

/** The map as standalone SVG text: the whole diagram (not the zoomed view), styles inlined, a background. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [copy, ...copy.querySelectorAll('*')];
  source.forEach((el, i) => {
    const out = target[i] as Element | undefined;
    if (!out || el.tagName === 'title' || el.tagName === 'desc') return;
    const css = getComputedStyle(el);
    const decl = styled.map((p) => `${p}:${css.getPropertyValue(p)}`).join(';');
    out.setAttribute('style', decl);
  });
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.querySelectorAll('.is-hidden').forEach((el) => {
    el.remove();
  });
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  const page = getComputedStyle(svg.closest('.sy-diagram-frame') ?? document.body).backgroundColor;
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', page && page !== 'rgba(0, 0, 0, 0)' ? page : '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

function download(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'map';

export function exportSvg(svg: SVGSVGElement, name: string): void {
  download(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }), `${fileName(name)}.svg`);
}

export function exportPng(svg: SVGSVGElement, name: string): void {
  const text = standaloneSvg(svg);
  const width = Number(svg.getAttribute('width')) || 800;
  const height = Number(svg.getAttribute('height')) || 600;
  const image = new Image();
  image.onload = () => {
    const scale = Math.min(2, 16_000 / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) return;
    g.scale(scale, scale);
    g.drawImage(image, 0, 0, width, height);
    canvas.toBlob((blob) => {
      if (blob) download(blob, `${fileName(name)}.png`);
    }, 'image/png');
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}
