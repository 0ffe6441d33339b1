/**
 * `<sy-diagram>`: makes the inline SVG it wraps explorable. Standalone browser module, no dependencies.
 *
 * - Zoom: toolbar buttons (in, out, fit); keys + / - / 0 while the element has focus; pinch (touch or
 *   trackpad) and ctrl/⌘ + wheel always; the plain mouse wheel once the diagram has focus (a click in it
 *   gives it focus), so scrolling past a diagram still scrolls the page.
 * - Pan: drag with the mouse or one finger (one finger once the diagram has focus); arrow keys.
 * - Highlight: clicking or focusing a node (`[data-node]`) lights it and what lies within `data-depth` hops
 *   (1 by default, 'all' for everything connected) and fades the rest; clicking the background or pressing
 *   Escape clears. Inside a visualiser page (`[data-sy-vis]`) the first click on a linked node focuses it,
 *   the second follows the link. Methods `focusNode`, `refocus`, `clearFocus`, `reveal`, `fit` and
 *   `replaceSvg` let the visualiser drive it; each change of focus dispatches `sy-focus` ({ref}).
 * - Readable start: with `data-min-label="8"`, a map whose smallest node text would show under 8 px when
 *   fitted opens zoomed until it shows at 8 px, on `data-subject` (a node's or group's ref: centred on it
 *   when it fits, else from its top left corner; without a subject, on the node with the most edges);
 *   "Fit" shows the whole map.
 *
 * Works on the SVG that `renderDiagramSvg` emits: nodes `[data-node][data-id]`, edges
 * `[data-edge][data-from][data-to]` (from/to are node ids; without them `data-edge="{from}->{to}"` is
 * matched against `data-node`). Zooming rewrites the SVG's viewBox; the original is restored by "fit".
 */

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

const zoomStep = 1.25;
/** Zoom limits relative to the fitted view. */
const minZoom = 0.5;
const maxZoom = 10;
/** Pointer travel in px before a press becomes a drag (and the click after it is swallowed). */
const dragThreshold = 4;

function createElementClass(): CustomElementConstructor {
  return class SyDiagram extends HTMLElement {
    #svg: SVGSVGElement | undefined;
    #home: View | undefined;
    #view: View | undefined;
    #listeners: AbortController | undefined;
    readonly #pointers = new Map<number, { x: number; y: number }>();
    #drag: { x: number; y: number; moved: boolean; id: number } | undefined;
    #pinch: { distance: number } | undefined;
    #swallowClick = false;
    /** Whether the node under the last press was already focused (focus moves to it before the click). */
    #wasActive = false;

    connectedCallback(): void {
      const svg = this.querySelector('svg');
      if (!svg) return;
      this.#svg = svg;
      if (!this.#home) {
        const box = svg.viewBox.baseVal;
        const width = box && box.width > 0 ? box.width : Number(svg.getAttribute('width')) || 0;
        const height = box && box.height > 0 ? box.height : Number(svg.getAttribute('height')) || 0;
        if (!width || !height) return;
        this.#home = { x: box?.x ?? 0, y: box?.y ?? 0, w: width, h: height };
        this.#view = { ...this.#home };
      }
      if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
      if (!this.hasAttribute('role')) this.setAttribute('role', 'group');
      if (!this.hasAttribute('aria-label')) {
        const title = svg.querySelector('title')?.textContent?.trim();
        this.setAttribute('aria-label', title ? `${title} (zoomable diagram)` : 'Zoomable diagram');
      }
      this.#ensureToolbar();
      this.#listen(svg);
      if (this.dataset.minLabel && !this.hidden) this.readableStart();
    }

    /** The node with the most edges: where a map without a subject opens when it is zoomed in. */
    #hub(svg: SVGSVGElement): SVGGraphicsElement | undefined {
      const degree = new Map<string, number>();
      for (const e of svg.querySelectorAll('[data-from]')) {
        for (const end of [e.getAttribute('data-from'), e.getAttribute('data-to')])
          if (end) degree.set(end, (degree.get(end) ?? 0) + 1);
      }
      let best: string | undefined;
      for (const [id, d] of degree) if (best === undefined || d > (degree.get(best) ?? 0)) best = id;
      return best === undefined
        ? undefined
        : ([...svg.querySelectorAll<SVGGraphicsElement>('[data-id]')].find(
            (n) => n.getAttribute('data-id') === best,
          ) ?? undefined);
    }

    /**
     * Opens the map at the zoom where its smallest node text shows at `data-min-label` px, when fitting it
     * whole would show it smaller: on the subject (`data-subject`) when there is one, else on the node with
     * the most edges.
     */
    readableStart(): void {
      const svg = this.#svg;
      const home = this.#home;
      const wanted = Number(this.dataset.minLabel);
      if (!svg || !home || !wanted) return;
      const rect = svg.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return;
      const fitted = Math.min(rect.width / home.w, rect.height / home.h);
      const smallest = Math.min(
        ...[...svg.querySelectorAll('.sy-node text')].map(
          (t) => Number.parseFloat(getComputedStyle(t).fontSize) || 99,
        ),
      );
      if (!Number.isFinite(smallest) || fitted * smallest >= wanted) return;
      const scale = (wanted / smallest) * 1.02;
      const w = rect.width / scale;
      const h = rect.height / scale;
      const subject = this.dataset.subject;
      const target = subject
        ? [...svg.querySelectorAll<SVGGraphicsElement>('[data-node], [data-group]')].find(
            (el) => el.getAttribute('data-node') === subject || el.getAttribute('data-group') === subject,
          )
        : this.#hub(svg);
      const box = target?.getBBox?.() ?? { x: home.x, y: home.y, width: 0, height: 0 };
      const margin = 24 / scale;
      const x = box.width <= w - 2 * margin ? box.x + box.width / 2 - w / 2 : box.x - margin;
      const y = box.height <= h - 2 * margin ? box.y + box.height / 2 - h / 2 : box.y - margin;
      this.#view = { x, y, w, h };
      this.#apply();
    }

    disconnectedCallback(): void {
      this.#listeners?.abort();
      this.#listeners = undefined;
      this.#pointers.clear();
      this.#drag = undefined;
      this.#pinch = undefined;
    }

    #ensureToolbar(): void {
      if (this.querySelector(':scope > .sy-diagram__toolbar')) return;
      const bar = document.createElement('div');
      bar.className = 'sy-diagram__toolbar';
      bar.setAttribute('role', 'toolbar');
      bar.setAttribute('aria-label', 'Diagram controls');
      const button = (label: string, text: string, action: string) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = text;
        b.title = label;
        b.setAttribute('aria-label', label);
        b.dataset.action = action;
        bar.append(b);
      };
      button('Zoom in', '+', 'in');
      button('Zoom out', '−', 'out');
      button('Fit to view', 'Fit', 'fit');
      this.prepend(bar);
    }

    #listen(svg: SVGSVGElement): void {
      this.#listeners?.abort();
      const controller = new AbortController();
      this.#listeners = controller;
      const signal = controller.signal;
      this.addEventListener('click', (e) => this.#onToolbarClick(e), { signal });
      this.addEventListener('keydown', (e) => this.#onKey(e), { signal });
      this.addEventListener('focusin', (e) => this.#onFocusIn(e), { signal });
      this.addEventListener('focusout', (e) => this.#onFocusOut(e), { signal });
      svg.addEventListener('wheel', (e) => this.#onWheel(e), { signal, passive: false });
      svg.addEventListener('pointerdown', (e) => this.#onPointerDown(e), { signal });
      svg.addEventListener('pointermove', (e) => this.#onPointerMove(e), { signal });
      for (const type of ['pointerup', 'pointercancel'] as const) {
        svg.addEventListener(type, (e) => this.#onPointerUp(e), { signal });
      }
      svg.addEventListener('click', (e) => this.#onSvgClick(e), { signal, capture: true });
      svg.addEventListener('dragstart', (e) => e.preventDefault(), { signal });
    }

    // View

    #apply(): void {
      const v = this.#view;
      if (!v || !this.#svg) return;
      this.#svg.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.h}`);
    }

    /** Zooms by `factor` (>1 zooms in) keeping the SVG point (cx, cy) still; the view's centre by default. */
    #zoom(factor: number, cx?: number, cy?: number): void {
      const v = this.#view;
      const home = this.#home;
      if (!v || !home) return;
      const w = Math.min(home.w / minZoom, Math.max(home.w / maxZoom, v.w / factor));
      const ratio = w / v.w;
      const px = cx ?? v.x + v.w / 2;
      const py = cy ?? v.y + v.h / 2;
      this.#view = { x: px - (px - v.x) * ratio, y: py - (py - v.y) * ratio, w, h: v.h * ratio };
      this.#apply();
    }

    /** Moves the view by a distance in screen pixels. */
    #pan(dx: number, dy: number): void {
      const v = this.#view;
      const scale = this.#svg?.getScreenCTM()?.a;
      if (!v || !scale) return;
      this.#view = { ...v, x: v.x - dx / scale, y: v.y - dy / scale };
      this.#apply();
    }

    #fit(): void {
      if (!this.#home) return;
      this.#view = { ...this.#home };
      this.#apply();
    }

    /** A screen point in the SVG's user coordinates. */
    #toSvg(clientX: number, clientY: number): { x: number; y: number } | undefined {
      const ctm = this.#svg?.getScreenCTM();
      if (!ctm) return undefined;
      const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
      return { x: p.x, y: p.y };
    }

    #zoomAtClient(factor: number, clientX: number, clientY: number): void {
      const p = this.#toSvg(clientX, clientY);
      this.#zoom(factor, p?.x, p?.y);
    }

    // Input

    #onToolbarClick(e: MouseEvent): void {
      const action = (e.target as Element | null)
        ?.closest?.('.sy-diagram__toolbar button')
        ?.getAttribute('data-action');
      if (action === 'in') this.#zoom(zoomStep);
      else if (action === 'out') this.#zoom(1 / zoomStep);
      else if (action === 'fit') this.#fit();
    }

    #onKey(e: KeyboardEvent): void {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const pan = 40;
      switch (e.key) {
        case '+':
        case '=':
          this.#zoom(zoomStep);
          break;
        case '-':
        case '_':
          this.#zoom(1 / zoomStep);
          break;
        case '0':
          this.#fit();
          break;
        case 'ArrowLeft':
          this.#pan(pan, 0);
          break;
        case 'ArrowRight':
          this.#pan(-pan, 0);
          break;
        case 'ArrowUp':
          this.#pan(0, pan);
          break;
        case 'ArrowDown':
          this.#pan(0, -pan);
          break;
        case 'Escape':
          if (!this.#svg?.hasAttribute('data-highlight')) return;
          this.#clearHighlight();
          break;
        default:
          return;
      }
      e.preventDefault();
    }

    #onWheel(e: WheelEvent): void {
      // Trackpad pinches arrive as wheel events with ctrlKey set.
      if (!(e.ctrlKey || e.metaKey || this.matches(':focus-within'))) return;
      e.preventDefault();
      const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const factor = Math.exp(-e.deltaY * lines * (e.ctrlKey ? 0.01 : 0.0015));
      this.#zoomAtClient(factor, e.clientX, e.clientY);
    }

    #onPointerDown(e: PointerEvent): void {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      this.#wasActive = this.#nodeOf(e.target)?.classList.contains('is-active') ?? false;
      this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.#pointers.size === 1) {
        this.#drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
        this.#pinch = undefined;
      } else if (this.#pointers.size === 2) {
        this.#drag = undefined;
        this.#pinch = { distance: this.#pointerDistance() };
        this.#swallowClick = true;
      }
    }

    #pointerDistance(): number {
      const [a, b] = [...this.#pointers.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    }

    #onPointerMove(e: PointerEvent): void {
      const last = this.#pointers.get(e.pointerId);
      if (!last) return;
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.#pinch && this.#pointers.size >= 2) {
        const distance = this.#pointerDistance();
        const [a, b] = [...this.#pointers.values()];
        if (a && b && this.#pinch.distance > 0 && distance > 0) {
          this.#pan(dx / 2, dy / 2);
          this.#zoomAtClient(distance / this.#pinch.distance, (a.x + b.x) / 2, (a.y + b.y) / 2);
        }
        this.#pinch.distance = distance;
        return;
      }
      const drag = this.#drag;
      if (!drag || drag.id !== e.pointerId) return;
      if (!drag.moved) {
        if (Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < dragThreshold) return;
        // A touch drag pans the diagram only once it has focus; before that it scrolls the page.
        if (e.pointerType === 'touch' && !this.hasAttribute('data-active')) {
          this.#drag = undefined;
          return;
        }
        drag.moved = true;
        this.#svg?.setPointerCapture(e.pointerId);
        this.setAttribute('data-dragging', '');
      }
      this.#pan(dx, dy);
    }

    #onPointerUp(e: PointerEvent): void {
      this.#pointers.delete(e.pointerId);
      if (this.#drag?.id === e.pointerId) {
        if (this.#drag.moved) this.#swallowClick = true;
        this.#drag = undefined;
        this.removeAttribute('data-dragging');
      }
      if (this.#pointers.size < 2) this.#pinch = undefined;
    }

    #onSvgClick(e: MouseEvent): void {
      if (this.#swallowClick) {
        this.#swallowClick = false;
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const node = this.#nodeOf(e.target);
      // In the visualiser a first click focuses a linked node; a click on the focused node follows the link.
      // A keyboard "click" (detail 0) follows the link: Tab already focused and lit the node.
      if (node && this.closest('[data-sy-vis]') && e.detail !== 0 && !this.#wasActive) e.preventDefault();
      this.#wasActive = false;
      if (node) this.#highlight(node);
      else this.#clearHighlight();
    }

    #onFocusIn(e: FocusEvent): void {
      this.setAttribute('data-active', '');
      const node = this.#nodeOf(e.target);
      if (node) this.#highlight(node);
    }

    #onFocusOut(e: FocusEvent): void {
      const next = e.relatedTarget as Node | null;
      if (next && this.contains(next)) return;
      this.removeAttribute('data-active');
    }

    // Highlight

    #nodeOf(target: EventTarget | null): Element | undefined {
      const el = target instanceof Element ? target.closest('[data-node]') : null;
      return el && this.#svg?.contains(el) ? el : undefined;
    }

    /** How far focus reaches: the element's `data-depth` (a number, or 'all'); 1 by default. */
    #depth(): number {
      const raw = this.getAttribute('data-depth');
      if (raw === 'all') return Number.POSITIVE_INFINITY;
      const n = Number(raw);
      return Number.isFinite(n) && n >= 1 ? n : 1;
    }

    /**
     * Lights a node, and the nodes and edges within `data-depth` hops of it (edges either way; hidden ones
     * are not followed); the stylesheet fades the rest. Announces `sy-focus` with the node's `data-node`.
     */
    #highlight(node: Element): void {
      const svg = this.#svg;
      if (!svg) return;
      this.#clearHighlight();
      const keyOf = (el: Element) => el.getAttribute('data-id') ?? el.getAttribute('data-node') ?? '';
      const byKey = new Map<string, Element>();
      for (const n of svg.querySelectorAll('[data-node]')) byKey.set(keyOf(n), n);
      const links = new Map<string, { edge: Element; other: string }[]>();
      for (const edge of svg.querySelectorAll('[data-edge]')) {
        if (edge.classList.contains('is-hidden')) continue;
        let from = edge.getAttribute('data-from');
        let to = edge.getAttribute('data-to');
        if (from === null || to === null)
          [from = '', to = ''] = (edge.getAttribute('data-edge') ?? '').split('->');
        for (const [a, b] of [
          [from, to],
          [to, from],
        ] as const) {
          const list = links.get(a) ?? [];
          list.push({ edge, other: b });
          links.set(a, list);
        }
      }
      const start = keyOf(node);
      const seen = new Set([start]);
      let frontier = [start];
      for (let d = 0; d < this.#depth() && frontier.length > 0; d++) {
        const next: string[] = [];
        for (const key of frontier) {
          for (const { edge, other } of links.get(key) ?? []) {
            if (byKey.get(other)?.classList.contains('is-hidden')) continue;
            edge.classList.add('is-lit');
            if (!seen.has(other)) {
              seen.add(other);
              next.push(other);
            }
          }
        }
        frontier = next;
      }
      for (const key of seen) byKey.get(key)?.classList.add('is-lit');
      node.classList.add('is-active');
      svg.setAttribute('data-highlight', '');
      this.dispatchEvent(
        new CustomEvent('sy-focus', { bubbles: true, detail: { ref: node.getAttribute('data-node') } }),
      );
    }

    /** Focuses the node whose `data-node` (or `data-id`) is `ref`; false when the map has none. */
    focusNode(ref: string): boolean {
      const node = [...(this.#svg?.querySelectorAll('[data-node]') ?? [])].find(
        (n) => n.getAttribute('data-node') === ref || n.getAttribute('data-id') === ref,
      );
      if (!node) return false;
      this.#highlight(node);
      return true;
    }

    /** Re-applies the focus (after the depth or the visible kinds changed). */
    refocus(): void {
      const active = this.#svg?.querySelector('[data-node].is-active');
      if (active) this.#highlight(active);
    }

    clearFocus(): void {
      this.#clearHighlight();
    }

    /** Centres the view on an element of the map, zoomed so it reads at its drawn size or larger. */
    reveal(el: Element): void {
      const box = (el as SVGGraphicsElement).getBBox?.();
      const home = this.#home;
      if (!box || !home) return;
      const w = Math.min(home.w, Math.max(box.width * 4, 600));
      const h = (w * home.h) / home.w;
      this.#view = { x: box.x + box.width / 2 - w / 2, y: box.y + box.height / 2 - h / 2, w, h };
      this.#apply();
    }

    fit(): void {
      this.#fit();
    }

    /** Swaps in another laid-out SVG (a cluster of a big map), resetting the view. */
    replaceSvg(markup: string): void {
      const canvas = this.querySelector('.sy-diagram-canvas') ?? this;
      canvas.innerHTML = markup;
      this.#home = undefined;
      this.connectedCallback();
    }

    #clearHighlight(): void {
      const svg = this.#svg;
      if (!svg) return;
      svg.removeAttribute('data-highlight');
      for (const el of svg.querySelectorAll('.is-lit, .is-active'))
        el.classList.remove('is-lit', 'is-active');
      this.dispatchEvent(new CustomEvent('sy-focus', { bubbles: true, detail: { ref: null } }));
    }
  };
}

if (typeof customElements !== 'undefined' && !customElements.get('sy-diagram')) {
  customElements.define('sy-diagram', createElementClass());
}

export {};
