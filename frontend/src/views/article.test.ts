import { describe, expect, it } from 'vitest';
import { choiceFrom } from './exports';
import { claimFromHash, historyExportHref, statementHref } from './article';

describe('statementHref', () => {
  it('is the claim’s statement page', () => {
    expect(statementHref(123)).toBe('/statements/123');
  });
});

describe('historyExportHref', () => {
  it('opens the export page on the history of the outlet’s claims', () => {
    const href = historyExportHref('Press TV');
    expect(href).toBe('/exports?table=history&outlet=Press+TV');
    const c = choiceFrom(href.slice(href.indexOf('?')));
    expect(c.table).toBe('history');
    expect(c.outlet).toBe('Press TV');
  });

  it('exports every claim’s history when the outlet is unknown', () => {
    expect(historyExportHref(undefined)).toBe('/exports?table=history');
  });

  it('escapes what a query must not hold raw', () => {
    expect(historyExportHref('A&B #1')).toBe('/exports?table=history&outlet=A%26B+%231');
  });
});

describe('claimFromHash', () => {
  it('reads #claim-N and nothing else', () => {
    expect(claimFromHash('#claim-12')).toBe(12);
    expect(claimFromHash('')).toBeNull();
    expect(claimFromHash('#claim-')).toBeNull();
    expect(claimFromHash('#claim-12x')).toBeNull();
    expect(claimFromHash('#f-text')).toBeNull();
  });
});
