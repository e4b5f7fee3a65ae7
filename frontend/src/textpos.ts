// Positions in the rendered article text. The text box holds the article's
// text as text nodes (some inside <mark>/<span>), in order and nothing else,
// so a DOM position maps to a UTF-16 index into the text by counting the
// characters of the text nodes before it, and from there to a code point
// offset (what the API speaks) through CodePoints.

import type { CodePoints } from './offsets';

/** utf16At is the UTF-16 index into root's text of the DOM position (node, offset). */
export function utf16At(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** domAt finds the text node and offset for UTF-16 index u of root's text. */
export function domAt(root: Node, u: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let count = 0;
  let last: Node | null = null;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const len = t.textContent?.length ?? 0;
    if (u <= count + len) return { node: t, offset: Math.max(0, u - count) };
    count += len;
    last = t;
  }
  return last ? { node: last, offset: last.textContent?.length ?? 0 } : { node: root, offset: 0 };
}

/** selectionIn reads the window's selection as code point offsets into root's text, or null when it is elsewhere. */
export function selectionIn(root: Node, cp: CodePoints): { start: number; end: number } | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  const a = cp.fromUtf16(utf16At(root, r.startContainer, r.startOffset));
  const b = cp.fromUtf16(utf16At(root, r.endContainer, r.endOffset));
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** selectRange sets the window's selection to code points [start, end) of root's text. */
export function selectRange(root: Node, cp: CodePoints, start: number, end: number): void {
  const sel = document.getSelection();
  if (!sel) return;
  const a = domAt(root, cp.toUtf16(start));
  const b = domAt(root, cp.toUtf16(end));
  sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
}

const wordChar = /[\p{L}\p{N}_'’-]/u;

/**
 * wordStep moves a code point position in text to the next word boundary in
 * direction dir: forwards to the end of the next word, backwards to the
 * start of the previous one. by 'char' moves one code point.
 */
export function wordStep(points: readonly string[], pos: number, dir: 1 | -1, by: 'word' | 'char' = 'word'): number {
  const n = points.length;
  let i = Math.min(Math.max(pos, 0), n);
  if (by === 'char') return Math.min(Math.max(i + dir, 0), n);
  const isWord = (k: number) => k >= 0 && k < n && wordChar.test(points[k]!);
  if (dir > 0) {
    while (i < n && !isWord(i)) i++;
    while (i < n && isWord(i)) i++;
  } else {
    while (i > 0 && !isWord(i - 1)) i--;
    while (i > 0 && isWord(i - 1)) i--;
  }
  return i;
}

/** trimSpan narrows [start, end) so that it neither starts nor ends with white space. */
export function trimSpan(points: readonly string[], start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(points[s]!)) s++;
  while (e > s && /\s/u.test(points[e - 1]!)) e--;
  return { start: s, end: e };
}

/** sentenceAfter is the span of the sentence that starts at or after pos (white space skipped). */
export function sentenceAfter(points: readonly string[], pos: number): { start: number; end: number } {
  const n = points.length;
  let s = Math.min(Math.max(pos, 0), n);
  while (s < n && /[\s.!?,;:”"’]/u.test(points[s]!)) s++;
  let e = s;
  while (e < n && !/[.!?\n]/u.test(points[e]!)) e++;
  if (e < n && points[e] !== '\n') e++;
  return trimSpan(points, s, e);
}

/** lineAround is the span of the line (a paragraph, in ingested text) holding [start, end), trimmed. */
export function lineAround(points: readonly string[], start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, points.length));
  while (s > 0 && points[s - 1] !== '\n') s--;
  let e = Math.max(s, Math.min(end, points.length));
  while (e < points.length && points[e] !== '\n') e++;
  return trimSpan(points, s, e);
}
