// Renders an article's text with its claims marked. The text is added as
// text nodes only (it is hostile input), cut into flat segments so that
// overlapping claims never nest elements.

import type { Claim } from './api';
import { h } from './dom';
import { claimTitle } from './format';
import { kindClass } from './kinds';
import { CodePoints } from './offsets';
import { marksOf, segments } from './segments';
import { domAt, utf16At } from './textpos';

/**
 * renderText returns the text as a fragment in which every piece covered by
 * a claim is a <mark class="hl kind-…" data-claims="…" data-claim="…">. The
 * innermost claim (data-claim) decides the colour and receives clicks;
 * data-claims lists every claim covering the piece. Cue and speaker mention
 * pieces carry data-cue / data-mention so the selected claim can show them.
 */
export function renderText(text: string, claims: readonly Claim[]): DocumentFragment {
  const cp = new CodePoints(text);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const frag = document.createDocumentFragment();

  for (const seg of segments(cp.length, marksOf(claims))) {
    const piece = cp.slice(seg.start, seg.end);
    const roles = {
      'data-cue': seg.cue.length ? seg.cue.join(' ') : null,
      'data-mention': seg.mention.length ? seg.mention.join(' ') : null,
    };
    const primary = seg.content[0] !== undefined ? byId.get(seg.content[0]) : undefined;
    if (primary) {
      frag.appendChild(
        h(
          'mark',
          {
            class: `hl ${kindClass(primary.kind)}`,
            'data-claim': primary.id,
            'data-claims': seg.content.join(' '),
            title: seg.content.map((id) => byId.get(id)).filter((c) => c !== undefined).map(claimTitle).join('\n'),
            ...roles,
          },
          piece,
        ),
      );
    } else if (roles['data-cue'] || roles['data-mention']) {
      frag.appendChild(h('span', { class: 'role', ...roles }, piece));
    } else {
      frag.appendChild(document.createTextNode(piece));
    }
  }
  return frag;
}

/** spanMismatches lists claims whose content.text differs from the text at their offsets. */
export function spanMismatches(text: string, claims: readonly Claim[]): Claim[] {
  const cp = new CodePoints(text);
  return claims.filter((c) => c.content.text !== undefined && cp.slice(c.content.start, c.content.end) !== c.content.text);
}

// ---- Handles: dragging the ends of a claim's highlight -------------------
//
// The selected claim's content span has a handle at each end. A handle is
// dragged (pointer events) to a new place in the text, which snaps to the
// nearest boundary between characters, or moved with the arrow keys; the
// helpers below turn a place on screen into a code point offset and back.

export type SpanEnd = 'start' | 'end';

/**
 * moveEnd returns span with one end moved to pos, clamped to [0, length]
 * and never past the other end: a content span keeps at least one code
 * point.
 */
export function moveEnd(span: { start: number; end: number }, which: SpanEnd, pos: number, length: number): { start: number; end: number } {
  const p = Math.min(Math.max(Math.trunc(pos) || 0, 0), length);
  if (which === 'start') return { start: Math.min(p, Math.max(span.end - 1, 0)), end: span.end };
  return { start: span.start, end: Math.max(p, Math.min(span.start + 1, length)) };
}

/** caretAt is the DOM position nearest the viewport point (x, y), or null where there is no text. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = typeof document.caretRangeFromPoint === 'function' ? document.caretRangeFromPoint(x, y) : null;
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * offsetAtPoint is the code point offset into root's text of the boundary
 * between characters nearest the viewport point (x, y); null when the point
 * is not over root's text.
 */
export function offsetAtPoint(root: Node, cp: CodePoints, x: number, y: number): number | null {
  const at = caretAt(x, y);
  if (!at || !root.contains(at.node)) return null;
  return cp.fromUtf16(utf16At(root, at.node, at.offset));
}

/**
 * edgeRect is where a handle for offset goes, in root's coordinates (root
 * being the positioned box holding the text): for a start, the left edge of
 * the character at offset; for an end, the right edge of the character
 * before it. Null when the text has no box there (hidden, or empty).
 */
export function edgeRect(root: HTMLElement, cp: CodePoints, offset: number, which: SpanEnd): { left: number; top: number; height: number } | null {
  const n = cp.length;
  if (n === 0) return null;
  const from = which === 'start' ? Math.min(offset, n - 1) : Math.max(offset - 1, 0);
  const a = domAt(root, cp.toUtf16(from));
  const b = domAt(root, cp.toUtf16(from + 1));
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  // A range starting at the very end of one text node has an empty first
  // box; the character's own box is the wide one.
  const all = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  const wide = all.filter((r) => r.width > 0);
  const rects = wide.length ? wide : all;
  const r = which === 'start' ? rects[0] : rects[rects.length - 1];
  if (!r) return null;
  const box = root.getBoundingClientRect();
  const x = which === 'start' ? r.left : r.right;
  return {
    left: x - box.left - root.clientLeft + root.scrollLeft,
    top: r.top - box.top - root.clientTop + root.scrollTop,
    height: r.height,
  };
}
