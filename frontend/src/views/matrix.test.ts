import { describe, expect, it } from 'vitest';
import type { Comparison } from '../api';
import { articleOfClaim, buildMatrix, cellState, claimHref, rowSummary } from './matrix';

// Two outlets carry Poznikhir's quote; a third only appears through a
// reviewer's evidence link that contradicts it.
const cmp: Comparison = {
  story: {
    id: 7,
    title: 'Convoy',
    entities: ['aleppo'],
    first_published_at: '2016-09-28T00:00:00Z',
    last_published_at: '2016-09-29T00:00:00Z',
    article_count: 2,
    outlet_count: 2,
    created_at: '2026-01-01T00:00:00Z',
  },
  outlets: [
    { id: 1, name: 'Press TV', in_story: true },
    { id: 2, name: 'Sample Wire', in_story: true },
    { id: 3, name: 'Example Gazette', in_story: false },
  ],
  articles: [
    { id: 10, title: 'A', outlet_id: 1, outlet_name: 'Press TV', published_at: null, url: '' },
    { id: 20, title: 'B', outlet_id: 2, outlet_name: 'Sample Wire', published_at: null, url: '' },
  ],
  statements: [
    {
      claim_id: 100,
      text: 'We count on our partners.',
      kind: 'direct',
      speaker: 'Viktor Poznikhir',
      cells: {
        '1': { reports: true, claim_ids: [100], article_ids: [10] },
        '2': { reports: true, claim_ids: [200, 201], suggested: { stance: 'corroborates', score: 0.6, why: '' } },
        '3': { reports: false, stance: 'conflicts', evidence_ids: [5] },
      },
      reports: 2,
      corroborates: 2,
      conflicts: 1,
    },
    {
      claim_id: 101,
      text: 'Only Press TV says this.',
      kind: 'assertion',
      speaker: '',
      cells: { '1': { reports: true, claim_ids: [101] } },
      reports: 1,
      corroborates: 1,
      conflicts: 0,
    },
  ],
  truncated: false,
};

describe('cellState', () => {
  it('prefers a reviewer’s stance, then the suggestion, then carrying it', () => {
    expect(cellState(undefined)).toEqual({ state: 'absent', source: 'none' });
    expect(cellState({ reports: true })).toEqual({ state: 'reports', source: 'carried' });
    expect(cellState({ reports: true, suggested: { stance: 'conflicts', score: 1, why: '' } })).toEqual({ state: 'contradicts', source: 'suggested' });
    expect(cellState({ reports: true, stance: 'corroborates', suggested: { stance: 'conflicts', score: 1, why: '' } })).toEqual({
      state: 'corroborates',
      source: 'reviewer',
    });
    expect(cellState({ reports: false, stance: 'context' })).toEqual({ state: 'context', source: 'reviewer' });
    expect(cellState({ reports: false })).toEqual({ state: 'absent', source: 'none' });
  });
});

describe('buildMatrix', () => {
  const m = buildMatrix(cmp);

  it('has a column per outlet and a row per statement, in the API’s order', () => {
    expect(m.columns.map((c) => c.name)).toEqual(['Press TV', 'Sample Wire', 'Example Gazette']);
    expect(m.rows.map((r) => r.claimId)).toEqual([100, 101]);
    expect(m.rows[0]!.cells.map((c) => c.outletName)).toEqual(['Press TV', 'Sample Wire', 'Example Gazette']);
  });

  it('labels every cell in words, not colour alone', () => {
    const [press, wire, gazette] = m.rows[0]!.cells;
    expect(press).toMatchObject({ state: 'reports', label: 'Reports', claimId: 100, articleId: 10, appearances: 1 });
    expect(wire).toMatchObject({ state: 'corroborates', label: 'Corroborates (suggested)', claimId: 200, appearances: 2 });
    expect(gazette).toMatchObject({ state: 'contradicts', label: 'Contradicts (reviewed)', claimId: null, reports: false });
    expect(gazette!.description).toMatch(/reviewer linked Example Gazette’s report as contradicting/i);
    expect(wire!.description).toMatch(/Sample Wire carries the statement \(2 times\)/);
    expect(m.rows[1]!.cells[1]).toMatchObject({ state: 'absent', label: 'Not reported', claimId: null });
  });

  it('finds each claim’s article, falling back to the outlet’s only article', () => {
    // Sample Wire's cell has no article_ids: its one article in the story is the one.
    expect(m.rows[0]!.cells[1]!.articleId).toBe(20);
    expect(articleOfClaim(cmp, 101)).toBe(10);
    expect(articleOfClaim(cmp, 999)).toBeNull();
    expect(m.rows[0]!.articleId).toBe(10);
  });

  it('sums up a row in words', () => {
    expect(rowSummary(m.rows[0]!)).toBe('2 outlets report it · 1 corroborates · 1 contradicts');
    expect(rowSummary(m.rows[1]!)).toBe('1 outlet reports it');
  });
});

describe('claimHref', () => {
  it('links to the claim in its article, or to its statement', () => {
    expect(claimHref(5, 3)).toBe('/articles/3#claim-5');
    expect(claimHref(5, null)).toBe('/statements/5');
  });
});
