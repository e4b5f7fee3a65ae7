// Claims may overlap (a partial quotation inside reported speech; a cue
// inside another claim), but DOM elements cannot straddle each other. The
// text is therefore cut at every span boundary into segments, each knowing
// every span that covers it; a segment is rendered as one flat element.

import type { Claim } from './api';

/** What part a span plays for its claim. */
export type Role = 'content' | 'cue' | 'mention';

/** A span of code point offsets [start, end) belonging to one claim. */
export interface Mark {
  start: number;
  end: number;
  claim: number;
  role: Role;
}

/** A piece of the text between two consecutive boundaries. */
export interface Segment {
  start: number;
  end: number;
  /** Claims whose content covers the segment, innermost (shortest) first. */
  content: number[];
  /** Claims whose cue covers the segment. */
  cue: number[];
  /** Claims whose speaker mention covers the segment. */
  mention: number[];
}

/**
 * marksOf lists the spans of claims: content (each piece, when the content
 * is in pieces), cue and speaker mention.
 */
export function marksOf(claims: readonly Claim[]): Mark[] {
  const marks: Mark[] = [];
  for (const c of claims) {
    const pieces = c.content.spans?.length ? c.content.spans : [[c.content.start, c.content.end] as const];
    for (const [start, end] of pieces) marks.push({ start, end, claim: c.id, role: 'content' });
    if (c.cue) marks.push({ start: c.cue.start, end: c.cue.end, claim: c.id, role: 'cue' });
    const m = c.speaker?.mention;
    if (m) marks.push({ start: m.start, end: m.end, claim: c.id, role: 'mention' });
  }
  return marks;
}

/**
 * segments cuts [0, length) at every boundary of marks and returns the
 * pieces in order; together they cover the text exactly once. Marks are
 * clamped to the text; empty or inverted ones are dropped.
 */
export function segments(length: number, marks: readonly Mark[]): Segment[] {
  const valid: Mark[] = [];
  for (const m of marks) {
    const start = Math.max(0, Math.min(m.start, length));
    const end = Math.max(0, Math.min(m.end, length));
    if (Number.isFinite(start) && Number.isFinite(end) && start < end) valid.push({ ...m, start, end });
  }

  const bounds = new Set<number>([0, length]);
  for (const m of valid) {
    bounds.add(m.start);
    bounds.add(m.end);
  }
  const cuts = [...bounds].sort((a, b) => a - b);

  const starting = new Map<number, Mark[]>();
  for (const m of valid) {
    const list = starting.get(m.start);
    if (list) list.push(m);
    else starting.set(m.start, [m]);
  }

  const out: Segment[] = [];
  let active: Mark[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    active = active.filter((m) => m.end > start);
    const begun = starting.get(start);
    if (begun) active.push(...begun);

    const content = active
      .filter((m) => m.role === 'content')
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.claim - b.claim)
      .map((m) => m.claim);
    out.push({
      start,
      end,
      content: unique(content),
      cue: unique(active.filter((m) => m.role === 'cue').map((m) => m.claim)),
      mention: unique(active.filter((m) => m.role === 'mention').map((m) => m.claim)),
    });
  }
  return out;
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
