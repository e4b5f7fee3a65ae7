// The one module that talks to Crosscheck's HTTP API (/api/v1). Everything
// else renders what these functions return. Failures of any kind (a problem
// document, another error body, a dropped connection) arrive as ApiError.

export const kinds = ['direct', 'indirect', 'mixed', 'assertion', 'caption', 'headline'] as const;
export type Kind = (typeof kinds)[number];

export type ClaimStatus = 'unreviewed' | 'confirmed' | 'edited' | 'rejected';

/** A half-open range of Unicode code point offsets into an article's text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Outlet {
  id: number;
  name: string;
  domain: string | null;
}

/**
 * A claim's content: its whole range and, when the content is in pieces (a
 * quotation interrupted by "he said"), each piece as [start, end) code points.
 * text is the whole range's text, interruptions included.
 */
export interface Content extends Span {
  spans?: [number, number][];
}

export interface Speaker {
  id: number;
  name: string;
  role: string;
  organisation: string;
  kind: string;
  mention: Span | null;
}

export interface Claim {
  id: number;
  article_id: number;
  kind: Kind;
  content: Content;
  speaker: Speaker | null;
  cue: Span | null;
  confidence: number;
  extractor_version: string;
  status: ClaimStatus;
  version?: number;
  created_at: string;
  updated_at: string;
}

export interface Article {
  id: number;
  outlet: Outlet | null;
  url: string;
  title: string;
  byline: string;
  published_at: string | null;
  language: string;
  ingested_at: string;
  content_hash: string;
  claim_count: number;
  text?: string;
  claims?: Claim[];
}

export interface Page<T> {
  items: T[];
  next_page_token: string;
}

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem details document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors: FieldError[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

const reasons: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/**
 * problemFrom reads an error response body into a Problem, whatever shape it
 * has: a problem document, some other JSON, plain text or nothing. The HTTP
 * status wins over a status in the body, which could be stale.
 */
export function problemFrom(status: number, contentType: string, body: string): Problem {
  const fallbackTitle = reasons[status] ?? (status >= 500 ? 'Server error' : `HTTP ${status}`);
  const problem: Problem = {
    type: 'about:blank',
    title: fallbackTitle,
    status,
    detail: '',
    instance: '',
    errors: [],
  };
  const isJSON = /\bjson\b/i.test(contentType);
  let parsed: unknown;
  if (isJSON || /^\s*\{/.test(body)) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>;
    problem.type = str(o.type) || problem.type;
    problem.title = str(o.title) || problem.title;
    problem.detail = str(o.detail) || str(o.message) || str(o.error);
    problem.instance = str(o.instance);
    if (Array.isArray(o.errors)) {
      for (const e of o.errors) {
        if (e && typeof e === 'object') {
          const fe = e as Record<string, unknown>;
          const message = str(fe.message) || str(fe.detail);
          if (message) problem.errors.push({ field: str(fe.field), message });
        } else if (typeof e === 'string' && e) {
          problem.errors.push({ field: '', message: e });
        }
      }
    }
  } else if (!isJSON && !/^\s*</.test(body)) {
    // Plain text from a proxy or an unhandled path; never echo HTML pages.
    problem.detail = body.trim().slice(0, 500);
  }
  return problem;
}

/** networkProblem describes a request that got no HTTP response at all. */
export function networkProblem(err: unknown): Problem {
  return {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: `The server could not be reached${err instanceof Error && err.message ? ` (${err.message})` : ''}.`,
    instance: '',
    errors: [],
  };
}

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal | undefined;
}

const base = '/api/v1';

async function request<T>(path: string, opts: RequestOptions = {}): Promise<{ status: number; data: T }> {
  const init: RequestInit = {
    method: opts.method ?? 'GET',
    headers: { Accept: 'application/json, application/problem+json' },
    signal: opts.signal ?? null,
  };
  if (opts.body !== undefined) {
    init.body = JSON.stringify(opts.body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(base + path, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(networkProblem(err));
  }
  const text = await res.text();
  if (!res.ok) {
    throw new ApiError(problemFrom(res.status, res.headers.get('Content-Type') ?? '', text));
  }
  try {
    return { status: res.status, data: JSON.parse(text) as T };
  } catch {
    throw new ApiError({
      ...problemFrom(res.status, '', ''),
      title: 'Unexpected response',
      detail: 'The server answered with something that is not JSON.',
    });
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface ListOptions {
  pageSize?: number;
  pageToken?: string;
  signal?: AbortSignal;
}

export async function listArticles(opts: ListOptions = {}): Promise<Page<Article>> {
  const q = query({ page_size: opts.pageSize, page_token: opts.pageToken });
  const { data } = await request<Page<Article>>(`/articles${q}`, { signal: opts.signal });
  return { items: data.items ?? [], next_page_token: data.next_page_token ?? '' };
}

export async function getArticle(id: number, signal?: AbortSignal): Promise<Article> {
  const { data } = await request<Article>(`/articles/${encodeURIComponent(id)}`, { signal });
  return data;
}

export interface NewArticle {
  text: string;
  title: string;
  outlet: string;
  url?: string;
  published_at?: string;
}

/**
 * createArticle stores an article and returns it with its claims; created is
 * false when the same text was already stored (the API answers 200 with the
 * existing article instead of 201).
 */
export async function createArticle(
  input: NewArticle,
  signal?: AbortSignal,
): Promise<{ article: Article; created: boolean }> {
  const { status, data } = await request<Article>('/articles', { method: 'POST', body: input, signal });
  return { article: data, created: status === 201 };
}

export interface ClaimQuery extends ListOptions {
  article?: number;
  speaker?: string;
  kind?: Kind;
  q?: string;
}

export async function listClaims(opts: ClaimQuery = {}): Promise<Page<Claim>> {
  const q = query({
    article: opts.article,
    speaker: opts.speaker,
    kind: opts.kind,
    q: opts.q,
    page_size: opts.pageSize,
    page_token: opts.pageToken,
  });
  const { data } = await request<Page<Claim>>(`/claims${q}`, { signal: opts.signal });
  return { items: data.items ?? [], next_page_token: data.next_page_token ?? '' };
}

export async function getClaim(id: number, signal?: AbortSignal): Promise<Claim> {
  const { data } = await request<Claim>(`/claims/${encodeURIComponent(id)}`, { signal });
  return data;
}
