import { describe, expect, it } from 'vitest';
import { actorName, claimTitle, describeChange, excerpt, formatDate, percent, safeHref, speakerDetail, speakerName } from './format';
import { claimAt } from './testdata';

describe('format', () => {
  it('shows dates as UTC days', () => {
    expect(formatDate('2016-09-28')).toMatch(/28 Sept? 2016/);
    expect(formatDate('2016-09-28T23:30:00-05:00')).toMatch(/29 Sept? 2016/);
    expect(formatDate(null)).toBe('');
    expect(formatDate('garbage')).toBe('garbage');
  });

  it('shortens long text at a word boundary', () => {
    expect(excerpt('short  text\n here')).toBe('short text here');
    const long = 'word '.repeat(100);
    const e = excerpt(long, 50);
    expect(Array.from(e).length).toBeLessThanOrEqual(50);
    expect(e.endsWith('word…')).toBe(true);
    // Never splits a surrogate pair.
    expect(excerpt('😀'.repeat(20), 10)).toBe(`${'😀'.repeat(9)}…`);
  });

  it('shows confidence as a percentage', () => {
    expect(percent(0.876)).toBe('88%');
    expect(percent(1.2)).toBe('100%');
    expect(percent(Number.NaN)).toBe('');
  });

  it('describes speakers', () => {
    const s = { id: 1, name: 'A', role: 'Spokesman', organisation: 'Ministry', kind: 'person', mention: null };
    expect(speakerDetail(s)).toBe('Spokesman, Ministry');
    expect(speakerDetail({ ...s, role: '' })).toBe('Ministry');
    expect(speakerDetail({ ...s, role: 'Ministry' })).toBe('Ministry');
    expect(speakerDetail(null)).toBe('');
    const c = claimAt('x y', 'y', { kind: 'assertion' });
    expect(speakerName(c)).toBe('The outlet');
    expect(speakerName({ ...c, kind: 'direct' })).toBe('Unknown speaker');
    expect(claimTitle({ ...c, speaker: s })).toBe('A (Spokesman, Ministry) · Assertion');
  });

  it('allows only http and https links', () => {
    expect(safeHref('https://www.presstv.ir/Detail/2016/09/28/x')).toBe('https://www.presstv.ir/Detail/2016/09/28/x');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref('')).toBeNull();
  });
});

describe('describeChange', () => {
  const base = { status: 'unreviewed', kind: 'direct', content_start: 1, content_end: 5, speaker_id: 2, cue_start: null, cue_end: null };
  it('names what an update changed', () => {
    expect(describeChange('update', base, { ...base, status: 'confirmed' })).toBe('confirmed');
    expect(describeChange('update', base, { ...base, kind: 'indirect' })).toBe('kind direct → indirect');
    expect(describeChange('update', base, { ...base, content_end: 9, cue_start: 3, cue_end: 4 })).toBe('content span, cue');
  });
  it('prefixes other actions and reads JSON given as a string', () => {
    expect(describeChange('undo', JSON.stringify({ ...base, status: 'confirmed' }), base)).toBe('undo: back to unreviewed');
    expect(describeChange('split', base, base)).toBe('split');
  });
  it('calls a missing actor an anonymous reviewer', () => {
    expect(actorName(null)).toBe('anonymous reviewer');
    expect(actorName(7)).toBe('user 7');
    const me = { id: 7, name: 'Rita', email: 'r@example.org' };
    expect(actorName(7, me)).toBe('Rita (you)');
    expect(actorName(8, me)).toBe('user 8');
    expect(actorName(8, me, 'Sam Reviewer')).toBe('Sam Reviewer');
    expect(actorName(7, { ...me, name: '' })).toBe('r@example.org (you)');
    expect(actorName(null, me)).toBe('anonymous reviewer');
  });
});
