// The one module that talks to Crosscheck's HTTP API (/api/v1). Everything
// else renders what these functions return. Failures of any kind (a problem
// document, another error body, a dropped connection) arrive as ApiError.

import { parseRetryAfter, roleRefusal } from './auth';

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
  /** Where the claim's article names the speaker; absent outside a claim. */
  mention?: Span | null;
  aliases?: string[];
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
  /** On a 409 from a versioned change: the resource as it is now. */
  current?: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds to wait before trying again, from a Retry-After header; null without one. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
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
    if (o.current !== undefined && o.current !== null) problem.current = o.current;
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
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
}

const base = '/api/v1';

// ---- Accounts -------------------------------------------------------------

export type Role = 'admin' | 'reviewer' | 'researcher';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  created_at?: string;
}

/** A sign-in as GET and POST /api/v1/session describe it. */
export interface Session {
  user: User;
  csrf_token: string;
  expires_at?: string;
  /** "session" (cookie) or "token" (API token). */
  via: string;
}

/**
 * The session as last seen: undefined until asked, null when signed out.
 * A signed-in browser's writes carry its CSRF token; it is asked for once,
 * before the first write (or when the app starts), and replaced whenever
 * the session changes: signing in, signing out, or a 403 that says the
 * token no longer matches.
 */
let session: Session | null | undefined;
let sessionLoad: Promise<Session | null> | null = null;
const sessionListeners = new Set<(s: Session | null) => void>();
let unauthorizedHandler: ((p: Problem) => void) | null = null;

function setSession(s: Session | null): void {
  session = s;
  sessionLoad = Promise.resolve(s);
  for (const fn of sessionListeners) fn(s);
}

/** currentUser is the signed-in user, or null (signed out or not known yet). */
export function currentUser(): User | null {
  return session?.user ?? null;
}

/** onSessionChange calls fn whenever the session is learnt or changes. */
export function onSessionChange(fn: (s: Session | null) => void): () => void {
  sessionListeners.add(fn);
  return () => sessionListeners.delete(fn);
}

/**
 * onUnauthorized sets what happens when an API call (other than the session
 * routes themselves) answers 401: the app sends the user to sign in. The
 * call still fails with its ApiError afterwards.
 */
export function onUnauthorized(fn: ((p: Problem) => void) | null): void {
  unauthorizedHandler = fn;
}

function sessionFrom(v: unknown): Session | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const u = o.user as Record<string, unknown> | undefined;
  if (!u || typeof u !== 'object' || typeof u.id !== 'number') return null;
  const s: Session = {
    user: { id: u.id, email: str(u.email), name: str(u.name), role: str(u.role) as Role },
    csrf_token: str(o.csrf_token),
    via: str(o.via) || 'session',
  };
  if (typeof o.expires_at === 'string') s.expires_at = o.expires_at;
  return s;
}

/**
 * getSession asks the server who is signed in; null when no one is. With
 * fresh false it answers from what is already known.
 */
export function getSession(fresh = false): Promise<Session | null> {
  if (!fresh && sessionLoad) return sessionLoad;
  const load = fetch(`${base}/session`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (res) => (res.ok ? sessionFrom(await res.json()) : null))
    .catch(() => null);
  sessionLoad = load;
  void load.then((s) => {
    if (sessionLoad === load) setSession(s);
  });
  return load;
}

async function csrfToken(): Promise<string> {
  return (await getSession())?.csrf_token ?? '';
}

/**
 * signIn starts a session. Wrong credentials fail with an ApiError of status
 * 401; too many failures with 429, whose retryAfter says how many seconds
 * to wait.
 */
export async function signIn(email: string, password: string): Promise<Session> {
  let res: Response;
  try {
    res = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email, password }),
    });
  } catch (err) {
    throw new ApiError(networkProblem(err));
  }
  const text = await res.text();
  if (!res.ok) {
    throw new ApiError(problemFrom(res.status, res.headers.get('Content-Type') ?? '', text), parseRetryAfter(res.headers.get('Retry-After')));
  }
  let s: Session | null = null;
  try {
    s = sessionFrom(JSON.parse(text));
  } catch {
    s = null;
  }
  if (!s) {
    throw new ApiError({ ...problemFrom(res.status, '', ''), title: 'Unexpected response', detail: 'The server answered the sign-in with no user.' });
  }
  // The token asked for before signing in belonged to no session.
  setSession(s);
  return s;
}

/** signOut ends the session on the server and forgets it here. */
export async function signOut(): Promise<void> {
  try {
    await request<unknown>('/session', { method: 'DELETE' });
  } finally {
    setSession(null);
  }
}

async function request<T>(path: string, opts: RequestOptions = {}, retried = false): Promise<{ status: number; data: T }> {
  const method = opts.method ?? 'GET';
  const init: RequestInit = {
    method,
    headers: { Accept: 'application/json, application/problem+json' },
    signal: opts.signal ?? null,
    credentials: 'same-origin',
  };
  if (opts.body !== undefined) {
    init.body = JSON.stringify(opts.body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }
  let token = '';
  if (method !== 'GET') {
    token = await csrfToken();
    if (token) init.headers = { ...init.headers, 'X-CSRF-Token': token };
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
    let problem = problemFrom(res.status, res.headers.get('Content-Type') ?? '', text);
    const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
    if (res.status === 403 && method !== 'GET' && !retried && /csrf/i.test(problem.detail)) {
      // The session changed since the token was read (another tab signed
      // in or out): read it again and try once more.
      const fresh = (await getSession(true))?.csrf_token ?? '';
      if (fresh && fresh !== token) return request<T>(path, opts, true);
    }
    if (res.status === 401 && path !== '/session') {
      if (session) setSession(null);
      unauthorizedHandler?.(problem);
    }
    problem = roleRefusal(problem, method, path, session?.user.role ?? null);
    throw new ApiError(problem, retryAfter);
  }
  if (res.status === 204 || text === '') return { status: res.status, data: undefined as T };
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

// ---- Reviewing claims ----------------------------------------------------

/** A code point range sent to the API. */
export interface Range {
  start: number;
  end: number;
}

export interface SpeakerInput {
  name: string;
  role?: string;
  organisation?: string;
  /** person (default), organisation, anonymous or outlet */
  kind?: string;
}

/** A change to a claim; fields left out stay as they are. */
export interface ClaimChange {
  status?: ClaimStatus;
  kind?: Kind;
  content?: Range;
  speaker_id?: number;
  speaker?: SpeakerInput;
  clear_speaker?: boolean;
  mention?: Range;
  cue?: Range;
  clear_cue?: boolean;
}

/**
 * patchClaim changes a claim made against version. A stale version fails
 * with an ApiError of status 409 whose problem.current is the claim now.
 */
export async function patchClaim(id: number, version: number, change: ClaimChange): Promise<Claim> {
  const { data } = await request<Claim>(`/claims/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { ...change, version },
  });
  return data;
}

export async function splitClaim(id: number, version: number, at: number): Promise<{ first: Claim; second: Claim }> {
  const { data } = await request<{ first: Claim; second: Claim }>(`/claims/${encodeURIComponent(id)}/split`, {
    method: 'POST',
    body: { at, version },
  });
  return data;
}

/** mergeClaims merges other into the claim id; other is rejected, not deleted. */
export async function mergeClaims(id: number, version: number, otherId: number, otherVersion: number): Promise<Claim> {
  const { data } = await request<Claim>(`/claims/${encodeURIComponent(id)}/merge`, {
    method: 'POST',
    body: { other_id: otherId, version, other_version: otherVersion },
  });
  return data;
}

/** undoClaim undoes the latest change to a claim; it returns every claim that action changed. */
export async function undoClaim(id: number): Promise<Claim[]> {
  const { data } = await request<{ items: Claim[] }>(`/claims/${encodeURIComponent(id)}/undo`, { method: 'POST' });
  return data.items ?? [];
}

export interface NewClaim {
  kind: Kind;
  content: Range;
  speaker_id?: number;
  speaker?: SpeakerInput;
  mention?: Range;
  cue?: Range;
}

export async function createClaim(articleId: number, input: NewClaim): Promise<Claim> {
  const { data } = await request<Claim>(`/articles/${encodeURIComponent(articleId)}/claims`, { method: 'POST', body: input });
  return data;
}

/** One entry of a claim's audit trail. before and after are the claim's fields around the change. */
export interface HistoryEntry {
  id: number;
  actor_id: number | null;
  /** The actor's name or email; empty for changes made by the system. */
  actor_name?: string;
  action: string;
  before: Record<string, unknown> | string | null;
  after: Record<string, unknown> | string | null;
  at: string;
}

export async function claimHistory(id: number, signal?: AbortSignal): Promise<HistoryEntry[]> {
  const { data } = await request<{ items: HistoryEntry[] }>(`/claims/${encodeURIComponent(id)}/history`, { signal });
  return data.items ?? [];
}

export interface Progress {
  reviewed: number;
  total: number;
}

export interface QueueFilter {
  outlet?: number | undefined;
  speaker?: number | undefined;
  kind?: string | undefined;
  after?: number | undefined;
}

export async function reviewNext(filter: QueueFilter, signal?: AbortSignal): Promise<{ claim: Claim | null; progress: Progress }> {
  const q = query({ outlet: filter.outlet, speaker: filter.speaker, kind: filter.kind, after: filter.after });
  const { data } = await request<{ claim: Claim | null; progress: Progress }>(`/review/next${q}`, { signal });
  return { claim: data.claim ?? null, progress: data.progress ?? { reviewed: 0, total: 0 } };
}

export interface OutletCount extends Outlet {
  article_count: number;
}

export async function listOutlets(signal?: AbortSignal): Promise<OutletCount[]> {
  const { data } = await request<{ items: OutletCount[] }>('/outlets', { signal });
  return data.items ?? [];
}

export async function findSpeakers(q: string, signal?: AbortSignal): Promise<Speaker[]> {
  const { data } = await request<{ items: Speaker[] }>(`/speakers${query({ q })}`, { signal });
  return data.items ?? [];
}

export interface SpeakerPage {
  id: number;
  name: string;
  role: string;
  organisation: string;
  kind: string;
  aliases: string[];
  claims: Claim[];
}

export async function getSpeaker(id: number, signal?: AbortSignal): Promise<SpeakerPage> {
  const { data } = await request<SpeakerPage>(`/speakers/${encodeURIComponent(id)}`, { signal });
  return { ...data, claims: data.claims ?? [], aliases: data.aliases ?? [] };
}

// ---- Evidence -----------------------------------------------------------

export const stances = ['corroborates', 'conflicts', 'context'] as const;
export type Stance = (typeof stances)[number];

/** A passage of another outlet's report suggested as evidence for a claim. */
export interface Candidate {
  passage_claim_id: number;
  article_id: number;
  article_title: string;
  outlet_id: number;
  outlet_name: string;
  published_at: string | null;
  kind: string;
  passage: Span;
  same_outlet: boolean;
  score: number;
  shared: string[];
  days_apart: number | null;
  reason: string;
  suggestion: { stance: string; score: number; why: string };
  evidence_id: number | null;
  evidence_stance: string | null;
}

export async function candidates(claimId: number, signal?: AbortSignal): Promise<Candidate[]> {
  const { data } = await request<{ items: Candidate[] }>(`/claims/${encodeURIComponent(claimId)}/candidates`, { signal });
  return data.items ?? [];
}

export interface Evidence {
  id: number;
  claim_id: number;
  article_id: number;
  article_title: string;
  outlet_id: number;
  outlet_name: string;
  passage_start: number;
  passage_end: number;
  passage_text: string;
  passage_claim_id: number | null;
  stance: string;
  note: string;
  suggested_stance: string | null;
  suggested_score: number | null;
  created_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export async function listEvidence(claimId: number, signal?: AbortSignal): Promise<Evidence[]> {
  const { data } = await request<{ items: Evidence[] }>(`/claims/${encodeURIComponent(claimId)}/evidence`, { signal });
  return data.items ?? [];
}

export interface EvidenceInput {
  article_id: number;
  passage_start: number;
  passage_end: number;
  stance: Stance;
  note?: string;
  passage_claim_id?: number;
  suggested_stance?: string;
  suggested_score?: number;
}

/** linkEvidence links a passage to a claim; a second decision on the same passage updates the link. */
export async function linkEvidence(claimId: number, input: EvidenceInput): Promise<Evidence> {
  const { data } = await request<Evidence>(`/claims/${encodeURIComponent(claimId)}/evidence`, { method: 'POST', body: input });
  return data;
}

export async function patchEvidence(id: number, version: number, change: { stance?: Stance; note?: string }): Promise<Evidence> {
  const { data } = await request<Evidence>(`/evidence/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { ...change, version },
  });
  return data;
}

/** One hit of the claim search over every article. */
export interface SearchHit {
  claim: Claim;
  score: number;
  fuzzy: boolean;
  article: { id: number; title: string; url: string; outlet: string; language: string; published_at: string | null };
  review: { status: string };
}

export async function searchClaims(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const { data } = await request<Page<SearchHit>>(`/claims:search${query({ query: text, page_size: 10 })}`, { signal });
  return data.items ?? [];
}

// ==== Stories, statements, exports and jobs ================================
// (the comparison, export and job pages; kept together in this block)

/** A story: one event as several outlets report it. */
export interface Story {
  id: number;
  title: string;
  entities: string[];
  first_published_at: string | null;
  last_published_at: string | null;
  article_count: number;
  outlet_count: number;
  created_at: string;
}

export interface ComparedOutlet {
  id: number;
  name: string;
  /** False for outlets seen only through evidence linked from outside the story. */
  in_story: boolean;
}

export interface ComparedArticle {
  id: number;
  title: string;
  outlet_id: number;
  outlet_name: string;
  published_at: string | null;
  url: string;
}

export interface StanceSuggestion {
  stance: string;
  score: number;
  why: string;
}

/** What one outlet does with one statement. */
export interface ComparisonCell {
  reports: boolean;
  claim_ids?: number[];
  /** The article of each appearance, in the order of claim_ids. */
  article_ids?: number[];
  /** A reviewer's decision from an evidence link. */
  stance?: string;
  evidence_ids?: number[];
  /** The machine's guess when no reviewer decided. */
  suggested?: StanceSuggestion;
}

export interface StatementRow {
  claim_id: number;
  text: string;
  kind: string;
  speaker: string;
  /** Keyed by outlet id. */
  cells: Record<string, ComparisonCell>;
  reports: number;
  corroborates: number;
  conflicts: number;
}

export interface Comparison {
  story: Story;
  outlets: ComparedOutlet[];
  articles: ComparedArticle[];
  statements: StatementRow[];
  truncated: boolean;
}

export interface StoryListOptions extends ListOptions {
  minOutlets?: number;
}

export async function listStories(opts: StoryListOptions = {}): Promise<Page<Story>> {
  const q = query({ min_outlets: opts.minOutlets, page_size: opts.pageSize, page_token: opts.pageToken });
  const { data } = await request<Page<Story>>(`/stories${q}`, { signal: opts.signal });
  return { items: data.items ?? [], next_page_token: data.next_page_token ?? '' };
}

export async function getComparison(storyId: number, signal?: AbortSignal): Promise<Comparison> {
  const { data } = await request<Comparison>(`/stories/${encodeURIComponent(storyId)}`, { signal });
  return {
    ...data,
    outlets: data.outlets ?? [],
    articles: data.articles ?? [],
    statements: (data.statements ?? []).map((s) => ({ ...s, cells: s.cells ?? {} })),
  };
}

/** articleStory is the story an article belongs to; null when it is not grouped yet. */
export async function articleStory(articleId: number, signal?: AbortSignal): Promise<Story | null> {
  const { data } = await request<{ story: Story | null }>(`/articles/${encodeURIComponent(articleId)}/story`, { signal });
  return data.story ?? null;
}

/** Where to move an article: an existing story, or a new one of this title. */
export type StoryMove = { story_id: number } | { new_story_title: string };

/** moveArticle puts an article into another story (reviewers); it returns the story's id. */
export async function moveArticle(articleId: number, to: StoryMove): Promise<number> {
  const { data } = await request<{ story_id: number }>(`/articles/${encodeURIComponent(articleId)}/story`, { method: 'PUT', body: to });
  return data.story_id;
}

/** groupStories places every article that has no story yet; it returns how many. */
export async function groupStories(): Promise<number> {
  const { data } = await request<{ grouped: number }>('/stories/group', { method: 'POST' });
  return data.grouped ?? 0;
}

export interface StatementAppearance {
  claim_id: number;
  article_id: number;
  article_title: string;
  outlet_id: number;
  outlet_name: string;
  published_at: string | null;
  kind: string;
  speaker: string;
  content: Span;
  similarity: number;
}

/** A statement and every outlet that carried it. */
export interface Statement {
  claim_id: number;
  text: string;
  outlets: number;
  appearances: StatementAppearance[];
}

export async function getStatement(claimId: number, signal?: AbortSignal): Promise<Statement> {
  const { data } = await request<Statement>(`/statements/${encodeURIComponent(claimId)}`, { signal });
  return { ...data, appearances: data.appearances ?? [] };
}

export interface JobError {
  at: string;
  attempt: number;
  error: string;
}

/** A fetch job as GET /api/v1/jobs/:id shows it. */
export interface FetchJob {
  id: number;
  kind: string;
  /** available, scheduled, running, retryable, completed, cancelled or discarded */
  state: string;
  attempt: number;
  max_attempts: number;
  url: string;
  outlet?: string;
  errors: JobError[];
  article_id: number | null;
  created?: boolean;
  created_at: string;
  scheduled_at: string;
  finalized_at: string | null;
}

export interface JobDoc {
  job: FetchJob;
  links: { self: string; article?: string };
}

/**
 * fetchFromURL queues a job that fetches the page at url and stores its
 * article (202). The page supplies title and date: extra fields given are
 * sent so that the server can refuse them.
 */
export async function fetchFromURL(
  url: string,
  outlet: string,
  signal?: AbortSignal,
  extra: { title?: string; published_at?: string } = {},
): Promise<JobDoc> {
  const body: Record<string, string> = { url };
  if (outlet) body.outlet = outlet;
  for (const [k, v] of Object.entries(extra)) if (v) body[k] = v;
  const { data } = await request<JobDoc>('/articles', { method: 'POST', body, signal });
  return { ...data, job: { ...data.job, errors: data.job.errors ?? [] } };
}

export async function getJob(id: number, signal?: AbortSignal): Promise<JobDoc> {
  const { data } = await request<JobDoc>(`/jobs/${encodeURIComponent(id)}`, { signal });
  return { ...data, job: { ...data.job, errors: data.job.errors ?? [] } };
}

// ==== Assignments and the review queue ====================================
// (who reviews which article; the queue with its story filter and the
// reviewer's own progress; kept together in this block)

/** Someone an article can be assigned to: a reviewer or an admin. */
export interface Assignee {
  id: number;
  /** The name, or the email when the person has none. */
  name: string;
  email: string;
}

/** An article given to a person to review. */
export interface Assignment {
  article_id: number;
  assignee: Assignee;
  assigned_by: number | null;
  assigned_at: string;
}

/** assignArticle gives an article to a reviewer, replacing any earlier assignee. */
export async function assignArticle(articleId: number, userId: number): Promise<Assignment> {
  const { data } = await request<Assignment>(`/articles/${encodeURIComponent(articleId)}/assignee`, { method: 'PUT', body: { user_id: userId } });
  return data;
}

/** unassignArticle takes an article back from whoever has it. */
export async function unassignArticle(articleId: number): Promise<void> {
  await request<unknown>(`/articles/${encodeURIComponent(articleId)}/assignee`, { method: 'DELETE' });
}

/** listAssignments lists who has the given articles (at most 500), or one user's ('me' for the signed-in one). */
export async function listAssignments(
  opts: { articles?: readonly number[]; user?: number | 'me'; signal?: AbortSignal } = {},
): Promise<Assignment[]> {
  const q = query({ article: opts.articles?.length ? opts.articles.join(',') : undefined, user: opts.user });
  const { data } = await request<{ items: Assignment[] }>(`/assignments${q}`, { signal: opts.signal });
  return data.items ?? [];
}

/** assignmentsByArticle indexes assignments by their article. */
export function assignmentsByArticle(list: readonly Assignment[]): Map<number, Assignment> {
  return new Map(list.map((a) => [a.article_id, a]));
}

/** listAssignees lists the people work can be assigned to (reviewers only may ask). */
export async function listAssignees(signal?: AbortSignal): Promise<Assignee[]> {
  const { data } = await request<{ items: Assignee[] }>('/assignees', { signal });
  return data.items ?? [];
}

/** A queue's progress, with the signed-in reviewer's own part (absent when no one is signed in). */
export interface QueueProgress extends Progress {
  mine?: Progress;
}

/** The queue's filters, with the story. */
export interface QueueFilters extends QueueFilter {
  story?: number | undefined;
}

/** A queue item's article, without its text. */
export interface QueueArticle {
  id: number;
  title: string;
  outlet: string;
  url: string;
  published_at: string | null;
  assignee: Assignee | null;
}

export interface QueueItem {
  claim: Claim | null;
  article: QueueArticle | null;
  progress: QueueProgress;
}

/** nextInQueue is the next unreviewed claim (the reviewer's own articles first), its article and the queue's progress. */
export async function nextInQueue(filter: QueueFilters, signal?: AbortSignal): Promise<QueueItem> {
  const q = query({ outlet: filter.outlet, speaker: filter.speaker, kind: filter.kind, story: filter.story, after: filter.after });
  const { data } = await request<Partial<QueueItem>>(`/review/next${q}`, { signal });
  return {
    claim: data.claim ?? null,
    article: data.article ? { ...data.article, assignee: data.article.assignee ?? null } : null,
    progress: data.progress ?? { reviewed: 0, total: 0 },
  };
}
