import { describe, expect, it } from 'vitest';
import type { Problem } from './api';
import { parseRetryAfter, roleRefusal, safeNext, signInHref, throttleMessage, waitText, writeWhat } from './auth';

const problem = (status: number, detail: string): Problem => ({ type: 'about:blank', title: 'Forbidden', status, detail, instance: '', errors: [] });

describe('safeNext', () => {
  it('keeps in-app paths with their query and hash', () => {
    expect(safeNext('/articles/3?x=1#claim-9')).toBe('/articles/3?x=1#claim-9');
    expect(safeNext('/review?kind=direct')).toBe('/review?kind=direct');
  });
  it('refuses anything that could leave the site', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'articles/3', '', null, undefined, '/a\nb']) {
      expect(safeNext(bad)).toBe('/');
    }
  });
  it('does not come back to the sign-in page', () => {
    expect(safeNext('/signin')).toBe('/');
    expect(safeNext('/signin?next=/new')).toBe('/');
  });
});

describe('signInHref', () => {
  it('carries the return path, encoded', () => {
    expect(signInHref('/articles/3#claim-9')).toBe('/signin?next=%2Farticles%2F3%23claim-9');
    expect(signInHref('/')).toBe('/signin');
    expect(signInHref('//evil.example')).toBe('/signin');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('31')).toBe(31);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });
  it('gives null for nothing or nonsense', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('-5')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('waitText and throttleMessage', () => {
  it('rounds up to a readable unit', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(31)).toBe('31 seconds');
    expect(waitText(61)).toBe('2 minutes');
    expect(waitText(3600)).toBe('1 hour');
    expect(waitText(0)).toBe('1 second');
  });
  it('says how long to wait when the server says', () => {
    expect(throttleMessage(31)).toBe('Too many failed sign-ins for this email. Try again in 31 seconds.');
    expect(throttleMessage(null)).toMatch(/Wait a while/);
  });
});

describe('roleRefusal', () => {
  const serverSays = 'this needs the reviewer role; you are a researcher';
  it('names the role on a 403 to a claim change', () => {
    const p = roleRefusal(problem(403, serverSays), 'PATCH', '/claims/5', null);
    expect(p.detail).toBe('Your role (researcher) cannot change claims.');
    expect(p.title).toBe('Not allowed');
    expect(p.status).toBe(403);
  });
  it('uses the session role when the server does not say', () => {
    expect(roleRefusal(problem(403, 'forbidden'), 'POST', '/claims/5/undo', 'researcher').detail).toBe('Your role (researcher) cannot change claims.');
  });
  it('leaves CSRF refusals, reads and other statuses alone', () => {
    const csrf = problem(403, 'a write with the session cookie needs the session CSRF token in the X-CSRF-Token header');
    expect(roleRefusal(csrf, 'PATCH', '/claims/5', 'researcher')).toBe(csrf);
    const read = problem(403, serverSays);
    expect(roleRefusal(read, 'GET', '/users', 'researcher')).toBe(read);
    const conflict = problem(409, 'stale');
    expect(roleRefusal(conflict, 'PATCH', '/claims/5', 'researcher')).toBe(conflict);
    const unknown = problem(403, 'no');
    expect(roleRefusal(unknown, 'PATCH', '/claims/5', null)).toBe(unknown);
  });
  it('says what the write would have done', () => {
    expect(writeWhat('POST', '/articles/4/claims')).toBe('change claims');
    expect(writeWhat('POST', '/claims/4/evidence')).toBe('change claims');
    expect(writeWhat('PATCH', '/evidence/2')).toBe('change claims');
    expect(writeWhat('POST', '/articles')).toBe('add articles');
    expect(writeWhat('POST', '/users')).toBe('manage accounts and outlets');
    expect(writeWhat('POST', '/jobs')).toBe('make this change');
  });
});
