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
      const body = url === '/api/v1/session' ? '{"user":{"id":1,"email":"r@example.org","name":"Rita","role":"reviewer"},"csrf_token":"tok","via":"session"}' : '{"id":3,"version":2}';
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

  it('sends PUT for moving an article and assigning it, with the CSRF token', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body =
        url === '/api/v1/session'
          ? '{"user":{"id":1,"email":"r@example.org","name":"Rita","role":"reviewer"},"csrf_token":"tok","via":"session"}'
          : url.endsWith('/story')
            ? '{"story_id":4}'
            : '{"article_id":3,"assignee":{"id":2,"name":"Sam"}}';
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    vi.resetModules();
    const fresh = await import('./api');
    expect(await fresh.moveArticle(3, { story_id: 4 })).toBe(4);
    await fresh.assignArticle(3, 2);
    const puts = calls.filter((c) => c.init.method === 'PUT');
    expect(puts.map((c) => c.url)).toEqual(['/api/v1/articles/3/story', '/api/v1/articles/3/assignee']);
    expect(puts.map((c) => (c.init.headers as Record<string, string>)['X-CSRF-Token'])).toEqual(['tok', 'tok']);
    expect(JSON.parse(String(puts[1]?.init.body))).toEqual({ user_id: 2 });
  });

  it('uses the token of a new sign-in, not the one read before it', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init });
      if (url === '/api/v1/session' && init.method === 'POST') {
        return new Response('{"user":{"id":2,"email":"r@example.org","name":"Rita","role":"reviewer"},"csrf_token":"new","via":"session"}', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      if (url === '/api/v1/session') return new Response('{"title":"Unauthorized","status":401}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
      return new Response('{"id":3,"version":2}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    vi.resetModules();
    const fresh = await import('./api');
    expect(await fresh.getSession()).toBeNull();
    const s = await fresh.signIn('r@example.org', 'pw');
    expect(s.user.name).toBe('Rita');
    expect(fresh.currentUser()?.role).toBe('reviewer');
    await fresh.patchClaim(3, 1, { status: 'confirmed' });
    const patch = calls.find((c) => c.url === '/api/v1/claims/3');
    expect((patch?.init.headers as Record<string, string>)['X-CSRF-Token']).toBe('new');
    const post = calls.find((c) => c.url === '/api/v1/session' && c.init.method === 'POST');
    expect((post?.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('reports a throttled sign-in with its wait, and 401s to the handler', async () => {
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      if (url === '/api/v1/session' && init.method === 'POST') {
        return new Response('{"title":"Too Many Requests","status":429}', { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '31' } });
      }
      return new Response('{"title":"Unauthorized","status":401,"detail":"sign in"}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
    });
    vi.resetModules();
    const fresh = await import('./api');
    const err = await fresh.signIn('r@example.org', 'pw').catch((e: unknown) => e);
    expect((err as InstanceType<typeof fresh.ApiError>).status).toBe(429);
    expect((err as InstanceType<typeof fresh.ApiError>).retryAfter).toBe(31);
    const seen: number[] = [];
    fresh.onUnauthorized((p) => seen.push(p.status));
    await fresh.getArticle(1).catch(() => {});
    expect(await fresh.getSession(true)).toBeNull(); // the session route itself does not redirect
    expect(seen).toEqual([401]);
  });

  it('says a researcher cannot change claims, and retries once with a fresh CSRF token', async () => {
    let session = 0;
    let writes = 0;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      if (url === '/api/v1/session') {
        session++;
        return new Response(`{"user":{"id":5,"email":"x@example.org","name":"","role":"researcher"},"csrf_token":"t${session}","via":"session"}`, {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      writes++;
      const token = (init.headers as Record<string, string>)['X-CSRF-Token'];
      const detail = token === 't1' ? 'a write with the session cookie needs the session\'s CSRF token in the X-CSRF-Token header' : 'this needs the reviewer role; you are a researcher';
      return new Response(JSON.stringify({ title: 'Forbidden', status: 403, detail }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
    });
    vi.resetModules();
    const fresh = await import('./api');
    const err = await fresh.patchClaim(3, 1, { status: 'confirmed' }).catch((e: unknown) => e);
    expect((err as InstanceType<typeof fresh.ApiError>).problem.detail).toBe('Your role (researcher) cannot change claims.');
    expect(writes).toBe(2);
    expect(session).toBe(2);
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
