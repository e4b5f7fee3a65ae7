import { describe, expect, it } from 'vitest';
import { choiceFrom, choiceQuery, defaultChoice, exportCommand, exportFile, exportPath, shellQuote, tables } from './exports';

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

  it('serves the history table in every tabular format, bundled or not, with the same filters', () => {
    const c = { ...defaultChoice(), table: 'history' as const, outlet: 'Press TV', status: 'confirmed' };
    expect(exportPath(c)).toBe('/api/v1/exports/history.csv?outlet=Press+TV&status=confirmed');
    expect(exportFile({ ...c, format: 'jsonl' })).toBe('history.jsonl');
    expect(exportFile({ ...c, format: 'parquet', bundle: true })).toBe('history.parquet.zip');
    expect(exportPath({ ...defaultChoice(), table: 'history', story: '7', from: '2016-09-28' })).toBe('/api/v1/exports/history.csv?story=7&from=2016-09-28');
    // JSON-LD describes claims, never their history.
    expect(exportFile({ ...c, format: 'claimreview.jsonld' })).toBe('claims.claimreview.jsonld');
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

  it('keeps the history table', () => {
    const c = { ...defaultChoice(), table: 'history' as const, format: 'jsonl' as const, kind: 'direct' };
    const q = choiceQuery(c);
    expect(q).toBe('?table=history&format=jsonl&kind=direct');
    expect(choiceFrom(q)).toEqual(c);
    expect(choiceFrom('?table=history&format=annotations.jsonld').table).toBe('claims');
    expect(tables.map((t) => t.value)).toEqual(['claims', 'evidence', 'history']);
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

  it('exports the history with --table history', () => {
    expect(exportCommand({ ...defaultChoice(), table: 'history', format: 'parquet', bundle: true, speaker: 'Maria Zakharova', to: '2016-10-01' })).toBe(
      "crosscheck export --table history --format parquet --bundle --speaker 'Maria Zakharova' --to 2016-10-01 --out crosscheck-history.parquet.zip",
    );
    expect(exportCommand({ ...defaultChoice(), table: 'history', story: '3' })).toBeNull();
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
