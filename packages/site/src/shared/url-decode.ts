/**
 * The decodings a browser applies to a value before it reads it as a URL, for the URL policy: HTML
 * character references (an attribute value, a Markdown or MDX string) and CSS escapes (`style`, SVG paint).
 * No imports, no DOM: loaded by the browser scripts too.
 */

/**
 * HTML character references: numeric ones (`&#106;`, `&#x6a`, with or without `;`) and the named ones
 * that stand for ASCII (the only ones that can spell a scheme or a separator; others stay as written).
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?|([a-zA-Z][a-zA-Z0-9]*);?)/g,
    (ref, hex, dec, name) => {
      if (name !== undefined) {
        const named = namedAscii[name as string];
        if (named !== undefined && (ref.endsWith(';') || legacy.has(name as string))) return named;
        // `&ampcolon;`: a legacy name decodes as a prefix of a longer one (in text; attributes differ).
        const prefix = [...legacy].find((l) => (name as string).startsWith(l));
        return prefix ? `${namedAscii[prefix]}${ref.slice(prefix.length + 1)}` : ref;
      }
      const code = Number.parseInt((hex ?? dec) as string, hex ? 16 : 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    },
  );
}

/** Named references that stand for ASCII text (HTML's table); `legacy` ones also work without `;`. */
const namedAscii: Record<string, string> = Object.assign(Object.create(null), {
  Tab: '\t',
  NewLine: '\n',
  excl: '!',
  quot: '"',
  QUOT: '"',
  num: '#',
  dollar: '$',
  percnt: '%',
  amp: '&',
  AMP: '&',
  apos: "'",
  lpar: '(',
  rpar: ')',
  ast: '*',
  midast: '*',
  plus: '+',
  comma: ',',
  period: '.',
  sol: '/',
  colon: ':',
  semi: ';',
  lt: '<',
  LT: '<',
  equals: '=',
  gt: '>',
  GT: '>',
  quest: '?',
  commat: '@',
  lsqb: '[',
  lbrack: '[',
  bsol: '\\',
  rsqb: ']',
  rbrack: ']',
  Hat: '^',
  lowbar: '_',
  UnderBar: '_',
  grave: '`',
  DiacriticalGrave: '`',
  lcub: '{',
  lbrace: '{',
  verbar: '|',
  vert: '|',
  VerticalLine: '|',
  rcub: '}',
  rbrace: '}',
  fjlig: 'fj',
});
const legacy = new Set(['quot', 'QUOT', 'amp', 'AMP', 'lt', 'LT', 'gt', 'GT']);

/** CSS escapes (`\6a `, `\:`) as the characters they stand for; an escaped newline is removed. */
export function unescapeCss(css: string): string {
  if (!css.includes('\\')) return css;
  return css.replace(
    /\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|([\s\S]))/g,
    (_, hex, newline, char) => {
      if (newline !== undefined) return '';
      if (char !== undefined) return char;
      const code = Number.parseInt(hex as string, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
        ? '\ufffd'
        : String.fromCodePoint(code);
    },
  );
}
