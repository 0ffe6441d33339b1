import { isKind, pluralLabel } from '@switchyard/model';
import type { DiagramInput } from '../../diagram/types.js';

/** One step of a flow walkthrough: the node it highlights (`data-id`), its title and summary. */
export interface WalkStep {
  id: string;
  title: string;
  summary?: string;
}

const extraKinds: Record<string, string> = {
  actor: 'Actors',
  custom: 'Outcomes',
  external: 'External systems',
  step: 'Steps',
  more: 'Clusters',
};

function kindName(kind: string): string {
  if (isKind(kind)) return pluralLabel(kind).replace(/^\w/, (c) => c.toUpperCase());
  return extraKinds[kind] ?? kind;
}

/** Kinds on the map with their counts; each entry toggles its kind (the client hides and shows). */
export function Legend({ input }: { input: DiagramInput }) {
  const counts = new Map<string, number>();
  for (const n of input.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const hasEvents = counts.has('event');
  const hasRequests = counts.has('command') || counts.has('query');
  return (
    <aside class="sy-vis__legend" aria-label="Legend">
      <p class="sy-vis__legend-title">Legend</p>
      <ul>
        {[...counts].map(([kind, count]) => (
          <li key={kind}>
            <label class={`sy-vis__kind sy-vis__kind--${kind}`}>
              <input type="checkbox" checked data-kind={kind} />
              <span class="sy-vis__swatch" aria-hidden="true" />
              {kindName(kind)} <span class="sy-muted">({count})</span>
            </label>
          </li>
        ))}
      </ul>
      {(hasEvents || hasRequests || (input.groups?.length ?? 0) > 0) && (
        <ul class="sy-vis__lines">
          {hasEvents && (
            <li>
              <span class="sy-vis__line sy-vis__line--event" /> event (rounded)
            </li>
          )}
          {counts.has('command') && (
            <li>
              <span class="sy-vis__line sy-vis__line--command" /> command
            </li>
          )}
          {counts.has('query') && (
            <li>
              <span class="sy-vis__line sy-vis__line--query" /> query
            </li>
          )}
          {(input.groups?.length ?? 0) > 0 && (
            <li>
              <span class="sy-vis__line sy-vis__line--group" /> domain / system
            </li>
          )}
        </ul>
      )}
      {input.edges.some((e) => e.tone === 'trigger') && (
        <ul class="sy-vis__lines">
          <li>
            <span class="sy-vis__line sy-vis__line--trigger" /> triggers: receiving one makes a service send
            the other
          </li>
        </ul>
      )}
      {input.edges.some((e) => e.tone === 'failure' || e.tone === 'compensation') && (
        <ul class="sy-vis__lines">
          <li>
            <span class="sy-vis__line sy-vis__line--failure" /> failure path
          </li>
          {input.edges.some((e) => e.tone === 'compensation') && (
            <li>
              <span class="sy-vis__line sy-vis__line--compensation" /> compensation
            </li>
          )}
        </ul>
      )}
    </aside>
  );
}

/** Search, depth, direction and export; the client wires them (client/visualiser.ts). */
export function VisualiserToolbar({ directions, flow }: { directions: string[]; flow: boolean }) {
  return (
    <div class="sy-vis__toolbar" role="toolbar" aria-label="Map controls">
      <input
        type="search"
        class="sy-vis__search"
        placeholder="Search this map…"
        aria-label="Search this map"
        data-vis-search
      />
      <label class="sy-vis__control">
        Depth
        <select data-vis-depth aria-label="Depth around the focused node">
          <option value="1">1</option>
          <option value="2">2</option>
          <option value="all">All</option>
        </select>
      </label>
      {directions.length > 1 && (
        <fieldset class="sy-vis__segmented" aria-label="Layout direction">
          {directions.includes('RIGHT') && (
            <button type="button" data-vis-direction="RIGHT" aria-pressed={directions[0] === 'RIGHT'}>
              Left → right
            </button>
          )}
          {directions.includes('DOWN') && (
            <button type="button" data-vis-direction="DOWN" aria-pressed={directions[0] === 'DOWN'}>
              Top → bottom
            </button>
          )}
        </fieldset>
      )}
      <span class="sy-vis__spacer" />
      {flow && (
        <button type="button" data-vis-walk="start">
          Walk through
        </button>
      )}
      <button type="button" data-vis-export="svg">
        Export SVG
      </button>
      <button type="button" data-vis-export="png">
        Export PNG
      </button>
    </div>
  );
}

/** The flow walkthrough panel: one step at a time, highlighted on the map with its summary. */
export function Walkthrough({ steps }: { steps: WalkStep[] }) {
  return (
    <section class="sy-vis__walk" data-vis-walkthrough hidden aria-live="polite" aria-label="Walkthrough">
      <script type="application/json" data-vis-steps dangerouslySetInnerHTML={{ __html: stepsJson(steps) }} />
      <div class="sy-vis__walk-text">
        <p class="sy-vis__walk-count" data-vis-walk-count />
        <p class="sy-vis__walk-title" data-vis-walk-title />
        <p class="sy-vis__walk-summary" data-vis-walk-summary />
      </div>
      <div class="sy-vis__walk-buttons">
        <button type="button" data-vis-walk="prev">
          Previous
        </button>
        <button type="button" data-vis-walk="next">
          Next
        </button>
        <button type="button" data-vis-walk="stop">
          Close
        </button>
      </div>
    </section>
  );
}

/** JSON safe inside a `<script>`: no `</script>` or comment openers. */
function stepsJson(steps: WalkStep[]): string {
  return JSON.stringify(steps).replace(/</g, '\\u003c');
}
