import { describe, expect, it } from 'vitest';
import { choiceFrom, choiceQuery, defaultChoice, exportCommand, exportFile, exportPath, shellQuote } from './exports';

describe('exportPath', () => {
  it('is the claim CSV with no filters by default', () => {
    expect(exportPath(defaultChoice())).toBe('/api/v1/exports/claims.csv');
  });

  it('names table, format and bundle, and carries the filters set', () => {
    const c = { ...defaultChoice(), table: 'evidence' as const, format: 'jsonl' as const, bundle: true, outlet: 'Sample Wire', kind: 'direct', from: '2016-09-28', to: '2016-09-30', story: ' 4 ' };
    expect(exportPath(c)).toBe('/api/v1/exports/evidence.jsonl.zip?outlet=Sample+Wire&kind=direct&story=4&from=2016-09-28&to=2016-09-30');
  });

  it('keeps JSON-LD to claims and never bundles it', () => {
    const c = { ...defaultChoice(), table: 'evidence' as const, format: 'claimreview.jsonld' as const, bundle: true, status: 'confirmed' };
    expect(exportFile(c)).toBe('claims.claimreview.jsonld');
    expect(exportPath(c)).toBe('/api/v1/exports/claims.claimreview.jsonld?status=confirmed');
    expect(exportFile({ ...defaultChoice(), format: 'annotations.jsonld' })).toBe('claims.annotations.jsonld');
    expect(exportFile({ ...defaultChoice(), format: 'parquet', bundle: true })).toBe('claims.parquet.zip');
  });

  it('encodes what a URL must not hold raw', () => {
    expect(exportPath({ ...defaultChoice(), speaker: 'Zakharova & co' })).toBe('/api/v1/exports/claims.csv?speaker=Zakharova+%26+co');
  });
});

describe('choiceFrom and choiceQuery', () => {
  it('round-trip through the page’s address', () => {
    const c = { ...defaultChoice(), table: 'evidence' as const, format: 'parquet' as const, bundle: true, outlet: 'Press TV', story: '3' };
    const q = choiceQuery(c);
    expect(q).toBe('?table=evidence&format=parquet&bundle=1&outlet=Press+TV&story=3');
    expect(choiceFrom(q)).toEqual(c);
    expect(choiceQuery(defaultChoice())).toBe('');
  });

  it('falls back to the defaults for values it does not know', () => {
    expect(choiceFrom('?table=users&format=xlsx')).toEqual(defaultChoice());
  });
});

describe('exportCommand', () => {
  it('is the same export with crosscheck export, quoted for a shell', () => {
    expect(exportCommand({ ...defaultChoice(), outlet: 'Press TV', kind: 'direct' })).toBe(
      "crosscheck export --table claims --format csv --outlet 'Press TV' --kind direct --out crosscheck-claims.csv",
    );
  });

  it('is null when the command cannot say it', () => {
    expect(exportCommand({ ...defaultChoice(), story: '2' })).toBeNull();
    expect(exportCommand({ ...defaultChoice(), outlet: '12' })).toBeNull();
  });

  it('quotes single quotes', () => {
    expect(shellQuote("O'Brien")).toBe(`'O'\\''Brien'`);
    expect(shellQuote('https://x.example/a?b=c')).toBe(`'https://x.example/a?b=c'`);
  });
});
