import type { Claim, Speaker } from './api';
import { isKind, kindLabel } from './kinds';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * formatDate shows an RFC 3339 timestamp or YYYY-MM-DD date as a day
 * ("28 Sept 2016"). Publication dates are days, so they are read in UTC: a
 * date-only value must not slip to the previous day west of Greenwich.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return dateFormat.format(d);
}

/** excerpt shortens text to at most max characters (code points), at a word boundary if one is near. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  if (points.length <= max) return flat;
  let cut = points.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** percent shows a confidence in [0, 1] as a whole percentage. */
export function percent(confidence: number): string {
  if (!Number.isFinite(confidence)) return '';
  return `${Math.round(Math.min(Math.max(confidence, 0), 1) * 100)}%`;
}

/** speakerDetail is a speaker's role and organisation, whichever are known. */
export function speakerDetail(s: Speaker | null): string {
  if (!s) return '';
  const parts = [s.role, s.organisation].map((p) => (p ?? '').trim()).filter(Boolean);
  // "Spokesman, Foreign Ministry", but not "Foreign Ministry, Foreign Ministry".
  return [...new Set(parts)].join(', ');
}

/** speakerName names who a claim is attributed to, or says it is nobody's. */
export function speakerName(c: Claim): string {
  if (c.speaker?.name) return c.speaker.name;
  if (c.kind === 'assertion' || c.kind === 'caption' || c.kind === 'headline') return 'The outlet';
  return 'Unknown speaker';
}

/** claimTitle is the tooltip of a claim's highlight. */
export function claimTitle(c: Claim): string {
  const kind = isKind(c.kind) ? kindLabel[c.kind] : String(c.kind);
  const detail = speakerDetail(c.speaker);
  return `${speakerName(c)}${detail ? ` (${detail})` : ''} · ${kind}`;
}

/**
 * safeHref returns an http(s) URL unchanged and anything else (javascript:,
 * data:, garbage) as null, for links built from stored article URLs.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
