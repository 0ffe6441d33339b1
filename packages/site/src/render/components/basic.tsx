import { type ComponentChildren, isValidElement, toChildArray, type VNode } from 'preact';
import { useId } from 'preact/hooks';
import { useRender } from '../context.js';
import { promptContext } from './impact.js';

type Children = { children?: ComponentChildren };

const icons: Record<string, string> = {
  note: 'ℹ',
  info: 'ℹ',
  tip: '💡',
  success: '✓',
  warning: '⚠',
  caution: '⚠',
  danger: '⛔',
  important: '❗',
};

/** EventCatalog 1.x admonition types, by the style they share with ours. */
const typeAliases: Record<string, string> = { alert: 'danger', error: 'danger' };

/**
 * `:::info` blocks and `<Admonition type title>`. 1.x bodies write `<Admonition>` bare (an info note) or
 * with `type` "info", "warning" or "alert"; an unknown type is styled as a note but keeps its name.
 */
export function Admonition({
  type = 'note',
  title,
  children,
}: Children & { type?: string; title?: string; className?: string }) {
  const name = String(type).trim() || 'note';
  const style = typeAliases[name] ?? (icons[name] ? name : 'note');
  return (
    <aside class={`sy-admonition sy-admonition--${style}`} aria-label={title ?? name}>
      <p class="sy-admonition__title">
        <span aria-hidden="true">{icons[style] ?? 'ℹ'}</span>{' '}
        {title ?? name[0]?.toUpperCase() + name.slice(1)}
      </p>
      <div class="sy-admonition__body">{children}</div>
    </aside>
  );
}

/** Site-absolute hrefs written in bodies (`/docs/...`) get the configured base. */
export function useHref(): (href: string | undefined) => string | undefined {
  const { urls } = useRender();
  return (href) => (href?.startsWith('/') && !href.startsWith('//') ? urls.page(href) : href);
}

export function Tiles({ children, title }: Children & { title?: string }) {
  return (
    <section class="sy-tiles">
      {title && <h3>{title}</h3>}
      <div class="sy-tiles__grid">{children}</div>
    </section>
  );
}

export function Tile({
  title,
  description,
  href,
  icon,
}: {
  title?: string;
  description?: string;
  href?: string;
  icon?: string;
}) {
  const fix = useHref();
  const body = (
    <>
      {icon && <span class="sy-tile__icon" aria-hidden="true" data-icon={icon} />}
      <span class="sy-tile__title">{title}</span>
      {description && <span class="sy-tile__description">{description}</span>}
    </>
  );
  const url = fix(href);
  return url ? (
    <a class="sy-tile" href={url}>
      {body}
    </a>
  ) : (
    <div class="sy-tile">{body}</div>
  );
}

export function AccordionGroup({ children }: Children) {
  return <div class="sy-accordion-group">{children}</div>;
}

export function Accordion({ title, children }: Children & { title?: string }) {
  return (
    <details class="sy-accordion">
      <summary>{title ?? 'Details'}</summary>
      <div>{children}</div>
    </details>
  );
}

export function Steps({ children, title }: Children & { title?: string }) {
  return (
    <section class="sy-steps">
      {title && <h3>{title}</h3>}
      <ol>{children}</ol>
    </section>
  );
}

export function Step({ title, children }: Children & { title?: string }) {
  return (
    <li class="sy-step">
      {title && <p class="sy-step__title">{title}</p>}
      <div>{children}</div>
    </li>
  );
}

type TabProps = { label?: string; title?: string; value?: string; children?: ComponentChildren };

/** A small stable id from text, so a page's ids do not depend on render order. */
function idFrom(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return (h >>> 0).toString(36);
}

/** `<Tabs>` of `<TabItem label>`: a tablist and one panel per tab (client/tabs.ts switches them). */
export function Tabs({ children }: Children) {
  const items = toChildArray(children).filter(isValidElement) as VNode<TabProps>[];
  const labels = items.map(
    (item, i) => item.props.label ?? item.props.title ?? item.props.value ?? `Tab ${i + 1}`,
  );
  const base = `sy-tabs-${idFrom(labels.join('|') + textOf(children).slice(0, 200))}`;
  return (
    <div class="sy-tabs" data-sy-tabs>
      <div class="sy-tabs__list" role="tablist">
        {labels.map((label, i) => (
          <button
            key={label}
            type="button"
            role="tab"
            class="sy-tabs__tab"
            id={`${base}-tab-${i}`}
            aria-controls={`${base}-panel-${i}`}
            aria-selected={i === 0 ? 'true' : 'false'}
            tabIndex={i === 0 ? 0 : -1}
          >
            {label}
          </button>
        ))}
      </div>
      {items.map((item, i) => (
        <div
          key={labels[i]}
          class="sy-tabs__panel"
          role="tabpanel"
          id={`${base}-panel-${i}`}
          aria-labelledby={`${base}-tab-${i}`}
          hidden={i !== 0}
        >
          {item.props.children}
        </div>
      ))}
    </div>
  );
}

/** One tab of `<Tabs>`; outside Tabs it shows as a labelled section. */
export function TabItem({ label, title, children }: TabProps) {
  return (
    <section class="sy-tab">
      <p class="sy-tab__label">{label ?? title}</p>
      {children}
    </section>
  );
}

/** A prompt for an AI assistant, with Copy and "Open in Cursor". */
export function Prompt({
  description,
  title,
  actions = ['copy', 'cursor'],
  children,
}: Children & { description?: string; title?: string; actions?: string[]; icon?: string }) {
  // Numbered by its place in the page, so the same page renders the same bytes on any thread.
  const id = `sy-prompt-${useId()}`;
  const text = textOf(children).trim().replace(/\s+/g, ' ');
  const { catalog, resource } = useRender();
  const context = resource ? promptContext(catalog, resource) : undefined;
  return (
    <figure class="sy-prompt">
      <figcaption class="sy-prompt__head">
        <span class="sy-prompt__title">{title ?? description ?? 'Prompt'}</span>
        <span class="sy-prompt__actions">
          {actions.includes('copy') && (
            <button type="button" class="sy-button" data-sy-copy={id}>
              Copy
            </button>
          )}
          {actions.includes('copy') && context && (
            <button type="button" class="sy-button" data-sy-copy={`${id}-context`}>
              Copy with context
            </button>
          )}
          {actions.includes('cursor') && (
            <a
              class="sy-button"
              href={`cursor://anysphere.cursor-deeplink/prompt?text=${encodeURIComponent(text)}`}
            >
              Open in Cursor
            </a>
          )}
        </span>
      </figcaption>
      <pre class="sy-prompt__text" id={id}>
        {text}
      </pre>
      {context && (
        <pre hidden id={`${id}-context`}>
          {`${text}\n\n${context}`}
        </pre>
      )}
    </figure>
  );
}

/** The plain text of rendered children (strings and nested elements). */
export function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  const props = (node as { props?: { children?: unknown } }).props;
  return props ? textOf(props.children) : '';
}

/**
 * What stands in for a component Switchyard cannot render (custom Astro components), or for one of ours
 * that has nothing to show here: then `reason` says why, as a sentence.
 */
export function Placeholder({ name, quiet, reason }: { name: string; quiet?: boolean; reason?: string }) {
  return (
    <div
      class={`sy-placeholder${quiet ? ' sy-placeholder--quiet' : ''}`}
      data-component={name}
      role={quiet ? undefined : 'note'}
    >
      {quiet ? null : reason ? (
        <>
          <code>{`<${name} />`}</code> is not shown: {reason}
        </>
      ) : (
        <>
          The component <code>{name}</code> cannot be rendered by Switchyard.
        </>
      )}
    </div>
  );
}

/** Miro, Lucid, draw.io, FigJam and IcePanel boards, embedded as the catalog author asked. */
export function Embed({
  src,
  url,
  title,
  height = 480,
}: {
  src?: string;
  url?: string;
  title?: string;
  height?: number;
}) {
  const target = src ?? url;
  if (!target || !/^https:\/\//.test(target)) return <Placeholder name={title ?? 'Embed'} />;
  return (
    <iframe class="sy-embed" src={target} title={title ?? 'Embedded board'} height={height} loading="lazy" />
  );
}
