import { describe, expect, it } from 'vitest';
import type { FetchJob } from '../api';
import { describeJob, lastError, pollDelay } from './jobs';

const now = new Date('2026-11-25T12:00:00Z');

function job(over: Partial<FetchJob>): FetchJob {
  return {
    id: 1,
    kind: 'fetch_article',
    state: 'available',
    attempt: 0,
    max_attempts: 5,
    url: 'http://127.0.0.1:1/page',
    errors: [],
    article_id: null,
    created_at: now.toISOString(),
    scheduled_at: now.toISOString(),
    finalized_at: null,
    ...over,
  };
}

describe('describeJob', () => {
  it('reads each state as a phase', () => {
    expect(describeJob(job({}), now)).toMatchObject({ phase: 'queued', done: false });
    expect(describeJob(job({ state: 'pending' }), now).phase).toBe('queued');
    expect(describeJob(job({ state: 'running', attempt: 1 }), now)).toMatchObject({ phase: 'running', headline: 'Fetching the page (attempt 1 of 5)' });
    expect(describeJob(job({ state: 'completed', attempt: 1, article_id: 9, created: true }), now)).toMatchObject({
      phase: 'completed',
      done: true,
      headline: 'Done: the article is stored',
    });
    expect(describeJob(job({ state: 'completed', attempt: 1, article_id: 9, created: false }), now).headline).toMatch(/already stored/);
  });

  it('says which attempt failed, why, and when the next comes', () => {
    const errors = [
      { at: now.toISOString(), attempt: 1, error: 'first' },
      { at: now.toISOString(), attempt: 2, error: 'fetch: 503 Service Unavailable' },
    ];
    const s = describeJob(job({ state: 'retryable', attempt: 2, errors, scheduled_at: new Date(now.getTime() + 16_000).toISOString() }), now);
    expect(s).toMatchObject({ phase: 'retrying', headline: 'Attempt 2 of 5 failed; retrying', detail: 'Next attempt in 16 seconds.', done: false });
    expect(s.lastError).toBe('fetch: 503 Service Unavailable');
    // A retry waiting for its time is scheduled, with the attempt already made.
    expect(describeJob(job({ state: 'scheduled', attempt: 1, errors: errors.slice(0, 1) }), now).phase).toBe('retrying');
    expect(describeJob(job({ state: 'scheduled', attempt: 0 }), now).phase).toBe('queued');
    // Once due, the retry is available again: still a retry, not a fresh job.
    expect(describeJob(job({ state: 'available', attempt: 1, errors: errors.slice(0, 1) }), now)).toMatchObject({
      phase: 'retrying',
      headline: 'Attempt 1 of 5 failed; retrying',
      lastError: 'first',
    });
  });

  it('fails for good on cancelled and discarded jobs, with the error', () => {
    const errors = [{ at: now.toISOString(), attempt: 1, error: 'fetch: 404 Not Found' }];
    expect(describeJob(job({ state: 'cancelled', attempt: 1, errors }), now)).toMatchObject({ phase: 'failed', done: true, lastError: 'fetch: 404 Not Found' });
    expect(describeJob(job({ state: 'discarded', attempt: 5, errors }), now)).toMatchObject({ phase: 'failed', headline: 'Failed after 5 attempts' });
  });
});

describe('lastError and pollDelay', () => {
  it('takes the latest attempt’s error', () => {
    expect(lastError(job({}))).toBe('');
    expect(lastError(job({ errors: [{ at: '', attempt: 3, error: 'c' }, { at: '', attempt: 1, error: 'a' }] }))).toBe('c');
  });

  it('polls quickly at first, then every three seconds', () => {
    expect(pollDelay(0)).toBe(500);
    expect(pollDelay(2)).toBe(1000);
    expect(pollDelay(100)).toBe(3000);
  });
});
