import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createArticle, getArticle, listArticles, problemFrom } from './api';

describe('problemFrom', () => {
  it('reads an RFC 9457 problem document with field errors', () => {
    const body = JSON.stringify({
      type: 'https://crosscheck.example/problems/invalid',
      title: 'Invalid article',
      status: 422,
      detail: 'The article has 2 problems.',
      instance: '/api/v1/articles',
      errors: [
        { field: 'text', message: 'must not be empty' },
        { field: 'title', message: 'must not be empty' },
      ],
    });
    const p = problemFrom(422, 'application/problem+json', body);
    expect(p).toEqual({
      type: 'https://crosscheck.example/problems/invalid',
      title: 'Invalid article',
      status: 422,
      detail: 'The article has 2 problems.',
      instance: '/api/v1/articles',
      errors: [
        { field: 'text', message: 'must not be empty' },
        { field: 'title', message: 'must not be empty' },
      ],
    });
  });

  it('trusts the HTTP status over the body', () => {
    const p = problemFrom(400, 'application/problem+json', '{"title":"Bad","status":200}');
    expect(p.status).toBe(400);
    expect(p.title).toBe('Bad');
  });

  it('fills a title from the status when the body has none', () => {
    expect(problemFrom(404, 'application/problem+json', '{}').title).toBe('Not found');
    expect(problemFrom(500, '', '').title).toBe('Server error');
    expect(problemFrom(599, '', '').title).toBe('Server error');
    expect(problemFrom(418, '', '').title).toBe('HTTP 418');
  });

  it('takes message or error from other JSON error shapes', () => {
    expect(problemFrom(400, 'application/json', '{"message":"no"}').detail).toBe('no');
    expect(problemFrom(400, 'application/json', '{"error":"nope"}').detail).toBe('nope');
  });

  it('survives malformed JSON and odd error entries', () => {
    const p = problemFrom(400, 'application/problem+json', '{"title": ');
    expect(p.title).toBe('Bad request');
    const q = problemFrom(
      422,
      'application/problem+json',
      '{"errors":[null, 3, "plain", {"field":"url"}, {"field":"url","message":"bad scheme"}]}',
    );
    expect(q.errors).toEqual([
      { field: '', message: 'plain' },
      { field: 'url', message: 'bad scheme' },
    ]);
  });

  it('keeps plain text but never an HTML page', () => {
    expect(problemFrom(502, 'text/plain', 'upstream down\n').detail).toBe('upstream down');
    expect(problemFrom(502, 'text/html', '<html><body>Bad gateway</body></html>').detail).toBe('');
  });

  it('ignores JSON that is not an object', () => {
    expect(problemFrom(400, 'application/json', '["a"]').errors).toEqual([]);
  });
});

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubFetch(status: number, body: string, contentType = 'application/json') {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': contentType } });
    });
    return calls;
  }

  it('lists articles with paging parameters', async () => {
    const calls = stubFetch(200, '{"items":[],"next_page_token":""}');
    const page = await listArticles({ pageSize: 20, pageToken: 'abc' });
    expect(page).toEqual({ items: [], next_page_token: '' });
    expect(calls[0]?.url).toBe('/api/v1/articles?page_size=20&page_token=abc');
  });

  it('tolerates a page without items', async () => {
    stubFetch(200, '{}');
    expect(await listArticles()).toEqual({ items: [], next_page_token: '' });
  });

  it('posts JSON and tells new from existing articles', async () => {
    const calls = stubFetch(201, '{"id":7}');
    const res = await createArticle({ text: 't', title: 'T', outlet: 'O' });
    expect(res).toEqual({ article: { id: 7 }, created: true });
    const post = calls.find((c) => c.url === '/api/v1/articles');
    expect(post?.init.method).toBe('POST');
    expect(JSON.parse(String(post?.init.body))).toEqual({ text: 't', title: 'T', outlet: 'O' });
    stubFetch(200, '{"id":7}');
    expect((await createArticle({ text: 't', title: 'T', outlet: 'O' })).created).toBe(false);
  });

  it('sends the session’s CSRF token with writes, asking for it once', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body = url === '/api/v1/session' ? '{"csrf_token":"tok"}' : '{"id":3,"version":2}';
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    vi.resetModules();
    const fresh = await import('./api');
    await fresh.patchClaim(3, 1, { status: 'confirmed' });
    await fresh.patchClaim(3, 2, { status: 'rejected' });
    const patches = calls.filter((c) => c.url === '/api/v1/claims/3');
    expect(patches.map((c) => (c.init.headers as Record<string, string>)['X-CSRF-Token'])).toEqual(['tok', 'tok']);
    expect(JSON.parse(String(patches[0]?.init.body))).toEqual({ status: 'confirmed', version: 1 });
    expect(calls.filter((c) => c.url === '/api/v1/session')).toHaveLength(1);
  });

  it('reads the claim as it is now from a 409', () => {
    const p = problemFrom(409, 'application/problem+json', '{"title":"Conflict","current":{"id":4,"version":3}}');
    expect(p.current).toEqual({ id: 4, version: 3 });
  });

  it('throws ApiError with the problem', async () => {
    stubFetch(404, '{"title":"Article not found","status":404,"detail":"No article 9."}', 'application/problem+json');
    const err = await getArticle(9).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(404);
    expect((err as ApiError).problem.detail).toBe('No article 9.');
  });

  it('turns a dropped connection into a status 0 problem', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await getArticle(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(0);
    expect((err as ApiError).problem.title).toBe('Network error');
  });

  it('rejects a success response that is not JSON', async () => {
    stubFetch(200, '<!doctype html>', 'text/html');
    const err = await getArticle(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem.title).toBe('Unexpected response');
  });
});
