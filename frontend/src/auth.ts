// Pure helpers for signing in: where to go back to, how long to wait after
// too many failures, and what to say when a role may not make a change.
// No DOM and no fetch here, so Vitest covers them directly.

import type { Problem } from './api';

export const signInPath = '/signin';

/**
 * safeNext is the in-app path to return to after signing in. Anything that
 * could leave the site (another origin, "//host", "/\host", a scheme) or
 * loop back to the sign-in page becomes "/".
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, 'http://app.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://app.invalid') return '/';
  if (url.pathname === signInPath || url.pathname.startsWith(`${signInPath}/`)) return '/';
  return url.pathname + url.search + url.hash;
}

/** signInHref is the sign-in page's address that returns to next afterwards. */
export function signInHref(next: string): string {
  const back = safeNext(next);
  return back === '/' ? signInPath : `${signInPath}?next=${encodeURIComponent(back)}`;
}

/**
 * parseRetryAfter reads a Retry-After header (RFC 9110: a number of seconds
 * or an HTTP date) into whole seconds from now; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** waitText says a wait in words: "30 seconds", "2 minutes", "1 hour". Rounded up. */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return unit(Math.ceil(s / 60), 'minute');
  return unit(Math.ceil(s / 3600), 'hour');
}

/** throttleMessage is what the sign-in form says on a 429. */
export function throttleMessage(retryAfter: number | null): string {
  return retryAfter === null
    ? 'Too many failed sign-ins for this email. Wait a while, then try again.'
    : `Too many failed sign-ins for this email. Try again in ${waitText(retryAfter)}.`;
}

/** what a write to path does, in words, for a refusal message. */
export function writeWhat(method: string, path: string): string {
  const p = path.split('?')[0] ?? '';
  if (/^\/claims\b|^\/articles\/[^/]+\/claims\b|^\/evidence\b|^\/claims:/.test(p)) return 'change claims';
  if (method === 'POST' && /^\/articles\/?$/.test(p)) return 'add articles';
  if (/^\/speakers\b/.test(p)) return 'change speakers';
  if (/^\/(users|tokens|outlets)\b/.test(p)) return 'manage accounts and outlets';
  return 'make this change';
}

/**
 * roleRefusal rewrites a 403 on a write into a plain sentence naming the
 * caller's role ("Your role (researcher) cannot change claims."), when the
 * role is known from the session or from the server's detail ("…; you are a
 * researcher"). Other problems come back as they were. A 403 for a missing
 * CSRF token is not about the role and is left alone.
 */
export function roleRefusal(p: Problem, method: string, path: string, role: string | null): Problem {
  if (p.status !== 403 || method === 'GET' || /csrf/i.test(p.detail)) return p;
  const said = /\byou are an? ([a-z]+)/i.exec(p.detail)?.[1]?.toLowerCase();
  const who = said ?? role;
  if (!who) return p;
  return {
    ...p,
    title: 'Not allowed',
    detail: `Your role (${who}) cannot ${writeWhat(method, path)}.`,
  };
}
