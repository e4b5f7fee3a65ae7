import { describe, expect, it } from 'vitest';
import type { Claim, Kind } from './api';
import { type Mark, marksOf, segments } from './segments';

function content(claim: number, start: number, end: number): Mark {
  return { claim, start, end, role: 'content' };
}

/** Checks the invariants every result must keep. */
function checkCover(length: number, segs: ReturnType<typeof segments>) {
  let at = 0;
  for (const s of segs) {
    expect(s.start).toBe(at);
    expect(s.end).toBeGreaterThan(s.start);
    at = s.end;
  }
  expect(at).toBe(length);
}

describe('segments', () => {
  it('returns the whole text when nothing is marked', () => {
    expect(segments(10, [])).toEqual([{ start: 0, end: 10, content: [], cue: [], mention: [] }]);
  });

  it('returns nothing for the empty text', () => {
    expect(segments(0, [content(1, 0, 3)])).toEqual([]);
  });

  it('cuts around disjoint claims', () => {
    const segs = segments(20, [content(2, 12, 18), content(1, 2, 5)]);
    checkCover(20, segs);
    expect(segs.map((s) => [s.start, s.end, s.content])).toEqual([
      [0, 2, []],
      [2, 5, [1]],
      [5, 12, []],
      [12, 18, [2]],
      [18, 20, []],
    ]);
  });

  it('splits overlapping claims into flat pieces, innermost first', () => {
    // Claim 1 covers 0..10, claim 2 (a partial quote) 4..7 inside it.
    const segs = segments(10, [content(1, 0, 10), content(2, 4, 7)]);
    checkCover(10, segs);
    expect(segs.map((s) => [s.start, s.end, s.content])).toEqual([
      [0, 4, [1]],
      [4, 7, [2, 1]],
      [7, 10, [1]],
    ]);
  });

  it('handles claims that cross without nesting', () => {
    const segs = segments(10, [content(1, 0, 6), content(2, 3, 10)]);
    checkCover(10, segs);
    expect(segs.map((s) => s.content)).toEqual([[1], [1, 2], [2]]);
  });

  it('keeps cues and mentions apart from content', () => {
    const marks: Mark[] = [
      content(1, 10, 20),
      { claim: 1, start: 0, end: 4, role: 'mention' },
      { claim: 1, start: 5, end: 9, role: 'cue' },
    ];
    const segs = segments(20, marks);
    checkCover(20, segs);
    expect(segs).toEqual([
      { start: 0, end: 4, content: [], cue: [], mention: [1] },
      { start: 4, end: 5, content: [], cue: [], mention: [] },
      { start: 5, end: 9, content: [], cue: [1], mention: [] },
      { start: 9, end: 10, content: [], cue: [], mention: [] },
      { start: 10, end: 20, content: [1], cue: [], mention: [] },
    ]);
  });

  it('clamps spans to the text and drops empty or inverted ones', () => {
    const segs = segments(5, [content(1, -3, 2), content(2, 4, 99), content(3, 3, 3), content(4, 4, 1)]);
    checkCover(5, segs);
    expect(segs.map((s) => [s.start, s.end, s.content])).toEqual([
      [0, 2, [1]],
      [2, 4, []],
      [4, 5, [2]],
    ]);
  });

  it('lists a claim once even when given twice', () => {
    const segs = segments(3, [content(1, 0, 3), content(1, 0, 3)]);
    expect(segs).toEqual([{ start: 0, end: 3, content: [1], cue: [], mention: [] }]);
  });

  it('covers the text exactly for many random spans', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const length = 1 + rand(200);
      const marks: Mark[] = [];
      for (let i = 0; i < rand(30); i++) {
        const a = rand(length + 10) - 5;
        marks.push({ claim: i, start: a, end: a + rand(40), role: (['content', 'cue', 'mention'] as const)[rand(3)]! });
      }
      const segs = segments(length, marks);
      checkCover(length, segs);
      for (const s of segs) {
        for (const m of marks) {
          const covers = m.start <= s.start && m.end >= s.end && m.start < m.end;
          const listed = s[m.role].includes(m.claim);
          if (covers) expect(listed).toBe(true);
        }
      }
    }
  });
});

describe('marksOf', () => {
  it('marks each piece of a content in pieces, not the interruption', () => {
    const claim = {
      id: 9,
      content: { start: 0, end: 30, text: '', spans: [[0, 10], [20, 30]] as [number, number][] },
      cue: null,
      speaker: null,
    } as unknown as Claim;
    expect(marksOf([claim])).toEqual([
      { claim: 9, start: 0, end: 10, role: 'content' },
      { claim: 9, start: 20, end: 30, role: 'content' },
    ]);
  });

  it('takes content, cue and speaker mention of each claim', () => {
    const claim: Claim = {
      id: 5,
      article_id: 1,
      kind: 'direct' as Kind,
      content: { start: 20, end: 30, text: '' },
      cue: { start: 12, end: 16, text: 'said' },
      speaker: {
        id: 3,
        name: 'Viktor Poznikhir',
        role: '',
        organisation: '',
        kind: 'person',
        mention: { start: 0, end: 10, text: 'Poznikhir' },
      },
      confidence: 0.9,
      extractor_version: 'x',
      status: 'unreviewed',
      created_at: '',
      updated_at: '',
    };
    expect(marksOf([claim, { ...claim, id: 6, cue: null, speaker: null }])).toEqual([
      { claim: 5, start: 20, end: 30, role: 'content' },
      { claim: 5, start: 12, end: 16, role: 'cue' },
      { claim: 5, start: 0, end: 10, role: 'mention' },
      { claim: 6, start: 20, end: 30, role: 'content' },
    ]);
  });
});
