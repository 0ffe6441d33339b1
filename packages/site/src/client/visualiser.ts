/**
 * The visualiser page (`[data-sy-vis]`): search within the map, depth of focus, layout direction (both
 * directions are laid out at build time), showing and hiding kinds from the legend, SVG and PNG export, the
 * flow walkthrough, and for big maps clusters fetched and opened on click. The map itself is a
 * `<sy-diagram>` (diagram.ts), driven through its methods.
 */
import { exportPng, exportSvg } from './visualiser-export.js';

interface MapElement extends HTMLElement {
  focusNode(ref: string): boolean;
  refocus(): void;
  clearFocus(): void;
  reveal(el: Element): void;
  fit(): void;
  replaceSvg(markup: string): void;
}

interface Step {
  id: string;
  title: string;
  summary?: string;
}

const frames = (vis: HTMLElement) => [...vis.querySelectorAll<MapElement>('sy-diagram')];
const shown = (vis: HTMLElement) => frames(vis).find((f) => !f.hidden) ?? frames(vis)[0];

/** Hides nodes of unchecked kinds, and edges with a hidden end, in every frame. */
function applyKinds(vis: HTMLElement): void {
  const hidden = new Set(
    [...vis.querySelectorAll<HTMLInputElement>('input[data-kind]')]
      .filter((i) => !i.checked)
      .map((i) => i.dataset.kind),
  );
  for (const frame of frames(vis)) {
    const gone = new Set<string>();
    for (const node of frame.querySelectorAll('[data-node]')) {
      const kind = [...node.classList].find(
        (c) => c.startsWith('sy-node--') && !c.startsWith('sy-node--tone'),
      );
      const off = kind !== undefined && hidden.has(kind.slice('sy-node--'.length));
      node.classList.toggle('is-hidden', off);
      if (off) gone.add(node.getAttribute('data-id') ?? '');
    }
    for (const edge of frame.querySelectorAll('[data-edge]')) {
      const off =
        gone.has(edge.getAttribute('data-from') ?? '') || gone.has(edge.getAttribute('data-to') ?? '');
      edge.classList.toggle('is-hidden', off);
    }
    frame.refocus?.();
  }
}

/** Marks the nodes whose label or `data-node` contains the query; Enter focuses and centres the first. */
function applySearch(vis: HTMLElement, query: string, reveal: boolean): void {
  const q = query.trim().toLowerCase();
  for (const frame of frames(vis)) {
    const svg = frame.querySelector('svg');
    if (!svg) continue;
    let first: Element | undefined;
    for (const node of svg.querySelectorAll('[data-node]')) {
      const text = `${node.textContent ?? ''} ${node.getAttribute('data-node') ?? ''}`.toLowerCase();
      const match = q !== '' && text.includes(q) && !node.classList.contains('is-hidden');
      node.classList.toggle('is-match', match);
      if (match) first ??= node;
    }
    if (reveal && first && !frame.hidden) {
      frame.focusNode(first.getAttribute('data-node') ?? '');
      frame.reveal(first);
    }
  }
  const count = vis.querySelectorAll('sy-diagram:not([hidden]) .is-match').length;
  const input = vis.querySelector<HTMLInputElement>('[data-vis-search]');
  input?.setAttribute('aria-description', q ? `${count} matching` : '');
}

function setDirection(vis: HTMLElement, direction: string): void {
  const before = shown(vis);
  const focused = before?.querySelector('[data-node].is-active')?.getAttribute('data-node');
  for (const frame of frames(vis)) frame.hidden = frame.dataset.direction !== direction;
  for (const b of vis.querySelectorAll<HTMLButtonElement>('[data-vis-direction]')) {
    b.setAttribute('aria-pressed', String(b.dataset.visDirection === direction));
  }
  const now = shown(vis);
  if (focused && now) now.focusNode(focused);
}

function walkthrough(vis: HTMLElement): void {
  const panel = vis.querySelector<HTMLElement>('[data-vis-walkthrough]');
  const data = panel?.querySelector('[data-vis-steps]')?.textContent;
  if (!panel || !data) return;
  const steps = JSON.parse(data) as Step[];
  let at = -1;
  const show = (i: number) => {
    at = Math.max(0, Math.min(steps.length - 1, i));
    const step = steps[at];
    if (!step) return;
    panel.hidden = false;
    panel.dataset.step = String(at);
    const set = (sel: string, text: string) => {
      const el = panel.querySelector(sel);
      if (el) el.textContent = text;
    };
    set('[data-vis-walk-count]', `Step ${at + 1} of ${steps.length}`);
    set('[data-vis-walk-title]', step.title);
    set('[data-vis-walk-summary]', step.summary ?? '');
    const frame = shown(vis);
    if (frame?.focusNode(step.id)) {
      const node = frame.querySelector(`[data-id="${CSS.escape(step.id)}"]`);
      if (node) frame.reveal(node);
    }
    const prev = panel.querySelector<HTMLButtonElement>('[data-vis-walk="prev"]');
    const next = panel.querySelector<HTMLButtonElement>('[data-vis-walk="next"]');
    if (prev) prev.disabled = at === 0;
    if (next) next.disabled = at === steps.length - 1;
  };
  vis.addEventListener('click', (e) => {
    const action = (e.target as Element | null)?.closest?.('[data-vis-walk]')?.getAttribute('data-vis-walk');
    if (action === 'start') show(0);
    else if (action === 'next') show(at + 1);
    else if (action === 'prev') show(at - 1);
    else if (action === 'stop') {
      panel.hidden = true;
      at = -1;
      shown(vis)?.clearFocus();
      shown(vis)?.fit();
    }
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') show(at + 1);
    else if (e.key === 'ArrowLeft') show(at - 1);
  });
}

/** Big maps: a click on a cluster (`data-node="cluster:..."`) fetches its laid-out SVG and opens it. */
function clusters(vis: HTMLElement): void {
  const src = vis.dataset.clusters;
  if (!src) return;
  let index: Promise<{ clusters: { id: string; label: string; src: string }[] }> | undefined;
  const frame = frames(vis)[0];
  if (!frame) return;
  let overview = frame.querySelector('.sy-diagram-canvas')?.innerHTML ?? '';
  // An overview of hundreds of clusters comes as a file of its own.
  const overviewSrc = vis.dataset.overview;
  if (overviewSrc) {
    void fetch(overviewSrc)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))))
      .then((markup) => {
        overview = markup;
        if (!vis.dataset.cluster) frame.replaceSvg(markup);
        applyKinds(vis);
      })
      .catch(() => {
        frame.replaceSvg('<p class="sy-muted">The map could not be loaded.</p>');
      });
  }
  const back = document.createElement('button');
  back.type = 'button';
  back.textContent = '← All clusters';
  back.className = 'sy-vis__back';
  back.hidden = true;
  vis.querySelector('.sy-vis__toolbar')?.prepend(back);
  back.addEventListener('click', () => {
    frame.replaceSvg(overview);
    back.hidden = true;
    vis.dataset.cluster = '';
  });
  frame.addEventListener(
    'click',
    async (e) => {
      const ref = (e.target as Element | null)?.closest?.('[data-node]')?.getAttribute('data-node') ?? '';
      if (!ref.startsWith('cluster:')) return;
      e.preventDefault();
      e.stopPropagation();
      index ??= fetch(src).then((r) => r.json());
      const cluster = (await index).clusters.find((c) => c.id === ref.slice('cluster:'.length));
      if (!cluster) return;
      const markup = await (await fetch(cluster.src)).text();
      frame.replaceSvg(markup);
      vis.dataset.cluster = cluster.id;
      back.hidden = false;
      applyKinds(vis);
    },
    { capture: true },
  );
}

function setup(vis: HTMLElement): void {
  const name = vis.querySelector('h1')?.textContent?.trim() || 'map';
  vis.addEventListener('change', (e) => {
    const target = e.target as HTMLElement;
    if (target.matches('input[data-kind]')) applyKinds(vis);
    if (target.matches('[data-vis-depth]')) {
      const depth = (target as HTMLSelectElement).value;
      for (const frame of frames(vis)) {
        frame.setAttribute('data-depth', depth);
        frame.refocus();
      }
    }
  });
  const search = vis.querySelector<HTMLInputElement>('[data-vis-search]');
  search?.addEventListener('input', () => applySearch(vis, search.value, false));
  search?.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') applySearch(vis, search.value, true);
  });
  vis.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest?.('button');
    if (!button) return;
    const direction = button.getAttribute('data-vis-direction');
    if (direction) setDirection(vis, direction);
    const format = button.getAttribute('data-vis-export');
    const svg = shown(vis)?.querySelector('svg');
    if (format && svg) (format === 'png' ? exportPng : exportSvg)(svg, name);
  });
  walkthrough(vis);
  clusters(vis);
}

export function initVisualiser(): void {
  for (const vis of document.querySelectorAll<HTMLElement>('[data-sy-vis]')) setup(vis);
}
