import { describe, expect, it } from 'vitest';
import type { Statement, StatementAppearance } from '../api';
import { outletsOf } from './statement';

function at(claim: number, outlet: number, name: string): StatementAppearance {
  return {
    claim_id: claim,
    article_id: claim * 10,
    article_title: `A${claim}`,
    outlet_id: outlet,
    outlet_name: name,
    published_at: null,
    kind: 'direct',
    speaker: '',
    content: { start: 0, end: 1, text: 'x' },
    similarity: 1,
  };
}

describe('outletsOf', () => {
  it('groups appearances by outlet in the order they come', () => {
    const st: Statement = { claim_id: 1, text: 'x', outlets: 2, appearances: [at(1, 5, 'Press TV'), at(2, 6, 'Sample Wire'), at(3, 5, 'Press TV')] };
    const g = outletsOf(st);
    expect(g.map((o) => o.outletName)).toEqual(['Press TV', 'Sample Wire']);
    expect(g[0]!.appearances.map((a) => a.claim_id)).toEqual([1, 3]);
  });
});
