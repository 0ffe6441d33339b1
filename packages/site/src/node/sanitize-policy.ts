/**
 * The raw HTML policy for Markdown/MDX bodies (docs/security.md): which HTML elements and attributes a
 * body may use. An allow-list, so what is not named here is removed; element names are HTML's own.
 */

/** Elements a body may use as written. */
export const allowedElements = new Set(
  (
    'a abbr address article aside b bdi bdo blockquote br caption center cite code col colgroup dd del details ' +
    'dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li mark nav ol p ' +
    'picture pre q rp rt ruby s samp section small source span strike strong sub summary sup table tbody td ' +
    'tfoot th thead time tr tt u ul var wbr video audio track'
  ).split(' '),
);

/** Elements removed with everything inside them; other unknown elements are unwrapped (their text stays). */
export const droppedElements = new Set(
  (
    'script style iframe frame frameset object embed applet base link meta noscript template title textarea ' +
    'select option form input button svg math xmp plaintext noembed noframes portal dialog head html body'
  ).split(' '),
);

const globalAttributes = new Set([
  'key',
  'id',
  'class',
  'className',
  'title',
  'lang',
  'dir',
  'role',
  'style',
  'hidden',
]);

const elementAttributes: Record<string, readonly string[]> = {
  a: ['href', 'name', 'target', 'rel', 'hreflang'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'srcset', 'srcSet', 'align'],
  source: ['src', 'srcset', 'srcSet', 'type', 'media'],
  video: ['src', 'poster', 'controls', 'width', 'height', 'muted', 'loop'],
  audio: ['src', 'controls', 'muted', 'loop'],
  track: ['src', 'kind', 'label', 'srclang', 'srcLang'],
  td: ['colspan', 'colSpan', 'rowspan', 'rowSpan', 'align', 'valign'],
  th: ['colspan', 'colSpan', 'rowspan', 'rowSpan', 'align', 'valign', 'scope'],
  col: ['span', 'width'],
  colgroup: ['span'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  details: ['open'],
  time: ['datetime', 'dateTime'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime', 'dateTime'],
  ins: ['cite', 'datetime', 'dateTime'],
  p: ['align'],
  div: ['align'],
  h1: ['align'],
  h2: ['align'],
  h3: ['align'],
};

/** Attributes no element or component may take from content: script hooks and raw HTML doors. */
export function isForbiddenAttribute(name: string): boolean {
  return (
    /^on/i.test(name) ||
    name === 'dangerouslySetInnerHTML' ||
    name === 'srcdoc' ||
    name === 'srcDoc' ||
    name === 'formaction' ||
    name === 'formAction' ||
    name === 'ref'
  );
}

/** Whether `name` may appear on `element` (a lowercase HTML element, or a component: capitalised). */
export function isAllowedAttribute(element: string, name: string): boolean {
  if (isForbiddenAttribute(name)) return false;
  if (isComponentName(element)) return true;
  if (name.startsWith('aria-') || name.startsWith('data-')) return true;
  return globalAttributes.has(name) || (elementAttributes[element]?.includes(name) ?? false);
}

export const isComponentName = (name: string) => /^[A-Z]/.test(name) || name.includes('.');

/** Names an expression in a body may read, besides its own arrow-function parameters. */
export const allowedGlobals: Record<string, ReadonlySet<string> | 'any'> = {
  frontmatter: 'any',
  props: 'any',
  undefined: 'any',
  NaN: 'any',
  Infinity: 'any',
  Math: 'any',
  JSON: new Set(['stringify', 'parse']),
  Object: new Set(['keys', 'values', 'entries', 'fromEntries']),
  Array: new Set(['isArray', 'from', 'of']),
  String: 'any',
  Number: 'any',
  Boolean: 'any',
};

/** Property names that lead from data to code (`x.constructor.constructor('…')()`). */
export const forbiddenProperties = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
