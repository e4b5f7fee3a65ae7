// Builders for claims and articles in unit tests.
import type { Article, Claim, Kind } from './api';
import { CodePoints } from './offsets';

let nextId = 1000;

/** claimAt builds a claim whose content is the first occurrence of quote in text (code point offsets). */
export function claimAt(text: string, quote: string, over: Partial<Claim> & { kind?: Kind } = {}): Claim {
  const cp = new CodePoints(text);
  const u = text.indexOf(quote);
  if (u < 0) throw new Error(`claimAt: ${quote} not in text`);
  const start = cp.fromUtf16(u);
  const end = cp.fromUtf16(u + quote.length);
  return {
    id: nextId++,
    article_id: 1,
    kind: 'direct',
    content: { start, end, text: quote },
    speaker: null,
    cue: null,
    confidence: 0.8,
    extractor_version: 'test',
    status: 'unreviewed',
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    ...over,
  };
}

/** spanAt is the code point span of the first occurrence of s in text. */
export function spanAt(text: string, s: string) {
  const cp = new CodePoints(text);
  const u = text.indexOf(s);
  if (u < 0) throw new Error(`spanAt: ${s} not in text`);
  return { start: cp.fromUtf16(u), end: cp.fromUtf16(u + s.length), text: s };
}

export function article(over: Partial<Article> = {}): Article {
  return {
    id: 1,
    outlet: { id: 1, name: 'Press TV', domain: 'presstv.ir' },
    url: '',
    title: 'A title',
    byline: '',
    published_at: '2016-09-28',
    language: 'en',
    ingested_at: '2026-11-01T00:00:00Z',
    content_hash: 'x',
    claim_count: 0,
    ...over,
  };
}
