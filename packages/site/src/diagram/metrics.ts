import { isKind, kindDef } from '@switchyard/model';
import type { DiagramNode } from './types.js';

/**
 * Sizes shared by the layout (which reserves room) and the SVG renderer (which draws into it). Text widths
 * are estimates for a system sans-serif; they err wide so text stays inside its box.
 */
export const nodeMetrics = {
  padX: 12,
  padTop: 9,
  padBottom: 10,
  kindSize: 10,
  kindLine: 14,
  nameSize: 13,
  nameLine: 17,
  subSize: 11,
  subLine: 15,
  gap: 3,
  minWidth: 150,
  maxWidth: 236,
  radius: 8,
  /** Characters per label line, and lines at most. */
  charsPerLine: 22,
  maxLines: 3,
} as const;

/** Room above a group's children for its caption, and the caption's font size. */
export const groupCaption = { top: 30, pad: 14, size: 12 } as const;

export const labelMetrics = {
  size: 11,
  line: 14,
  padX: 6,
  padY: 3,
  charsPerLine: 26,
  maxLines: 2,
} as const;

const wide = /[MWmw@%]|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u;
const narrow = /[iljtfI.,:;'|!()[\]\s]/;

/** Estimated width in px of `text` at font size `size` (bold and uppercase run wider). */
export function textWidth(text: string, size: number, style: 'normal' | 'bold' | 'caps' = 'normal'): number {
  const factor = style === 'caps' ? 0.76 : style === 'bold' ? 0.68 : 0.61;
  let units = 0;
  for (const ch of text) units += wide.test(ch) ? 1.5 : narrow.test(ch) ? 0.55 : 1;
  return units * size * factor;
}

/** Breaks a word longer than `max` characters, after `.`, `-`, `_` or `/` where it can. */
function splitLongWord(word: string, max: number): string[] {
  const parts: string[] = [];
  let rest = word;
  // Linear in the word's length: a 200,000-character name must not take minutes (fuzz suite).
  while (rest.length > max && [...rest.slice(0, max * 2 + 2)].length > max) {
    const head = [...rest.slice(0, max * 2 + 2)].slice(0, max).join('');
    const soft = Math.max(
      head.lastIndexOf('.'),
      head.lastIndexOf('-'),
      head.lastIndexOf('_'),
      head.lastIndexOf('/'),
    );
    const cut = soft >= max / 2 ? soft + 1 : head.length;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * Wraps text onto lines of about `perLine` characters, at most `maxLines` of them; the last line ends in
 * '…' when text was cut. Never returns an empty array.
 */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => splitLongWord(w, perLine));
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if ([...candidate].length <= perLine || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = [...(kept[maxLines - 1] ?? '')];
  kept[maxLines - 1] = `${last
    .slice(0, Math.max(1, perLine - 1))
    .join('')
    .trimEnd()}…`;
  return kept;
}

/** Shortens text with '…' until its estimated width fits `width`. */
export function fitText(
  text: string,
  width: number,
  size: number,
  style?: 'normal' | 'bold' | 'caps',
): string {
  if (textWidth(text, size, style) <= width) return text;
  // No character is narrower than 0.3 em, so more than this many never fit (keeps this linear).
  const chars = [...text.slice(0, Math.ceil(width / (0.3 * size)) * 2 + 2)];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, style) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

const diagramKinds: Record<string, string> = {
  actor: 'Actor',
  custom: 'Step',
  step: 'Step',
  external: 'External system',
  message: 'Message',
  more: '',
};

/** The small caps line above a node's label: its kindLabel, else the kind's name ('Data store' for containers). */
export function kindText(node: Pick<DiagramNode, 'kind' | 'kindLabel'>): string {
  if (node.kindLabel !== undefined) return node.kindLabel.toUpperCase();
  const name = isKind(node.kind) ? kindDef(node.kind).label : (diagramKinds[node.kind] ?? node.kind);
  return name.toUpperCase();
}

/** A node's wrapped label and box size. */
export function measureNode(node: DiagramNode): { lines: string[]; width: number; height: number } {
  const m = nodeMetrics;
  const lines = wrapText(node.label, m.charsPerLine, m.maxLines);
  const kind = kindText(node);
  const inner = Math.max(
    ...lines.map((l) => textWidth(l, m.nameSize, 'bold')),
    textWidth(kind, m.kindSize, 'caps'),
    node.sublabel ? textWidth(node.sublabel, m.subSize) : 0,
  );
  const width = Math.ceil(Math.min(m.maxWidth, Math.max(m.minWidth, inner + 2 * m.padX)));
  const height =
    m.padTop +
    (kind ? m.kindLine + m.gap : 0) +
    lines.length * m.nameLine +
    (node.sublabel ? m.gap + m.subLine : 0) +
    m.padBottom;
  return { lines, width, height };
}

/** An edge label's wrapped lines and box size. */
export function measureLabel(text: string): { lines: string[]; width: number; height: number } {
  const m = labelMetrics;
  const lines = wrapText(text, m.charsPerLine, m.maxLines);
  const width = Math.ceil(Math.max(...lines.map((l) => textWidth(l, m.size))) + 2 * m.padX);
  return { lines, width, height: lines.length * m.line + 2 * m.padY };
}
