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

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** formatDateTime shows when a change was made, in the reader's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return dateTimeFormat.format(d);
}

/**
 * actorName names who made a change: the signed-in user's own changes as
 * "(you)", others' by the name the history gives (their id when it gives
 * none), and null actors (changes made without an account, as the test
 * server allows) as anonymous.
 */
export function actorName(actorId: number | null | undefined, me?: { id: number; name: string; email: string } | null, name?: string): string {
  if (actorId === null || actorId === undefined) return 'anonymous reviewer';
  if (me && me.id === actorId) return `${me.name || me.email} (you)`;
  return name || `user ${actorId}`;
}

type Fields = Record<string, unknown>;

function fieldsOf(v: unknown): Fields {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Fields;
  if (typeof v === 'string' && v) {
    // The API's description calls these base64; accept either.
    try {
      const parsed: unknown = JSON.parse(v.trim().startsWith('{') ? v : atob(v));
      if (parsed && typeof parsed === 'object') return parsed as Fields;
    } catch {
      return {};
    }
  }
  return {};
}

/**
 * describeChange says in a few words what one audit entry changed:
 * "confirmed", "kind direct → indirect", "content span", "split", "undo".
 */
export function describeChange(action: string, before: unknown, after: unknown): string {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const parts: string[] = [];
  if (a.status !== b.status && typeof a.status === 'string') parts.push(a.status === 'unreviewed' ? 'back to unreviewed' : a.status);
  if (a.kind !== b.kind && typeof a.kind === 'string') parts.push(`kind ${String(b.kind ?? '?')} → ${a.kind}`);
  if (a.content_start !== b.content_start || a.content_end !== b.content_end) parts.push('content span');
  if (a.speaker_id !== b.speaker_id) parts.push('speaker');
  if (a.mention_start !== b.mention_start || a.mention_end !== b.mention_end) parts.push('speaker mention');
  if (a.cue_start !== b.cue_start || a.cue_end !== b.cue_end) parts.push(a.cue_start === null ? 'cue removed' : 'cue');
  const what = parts.join(', ');
  if (action === 'update') return what || 'saved (no change)';
  return what ? `${action}: ${what}` : action;
}
