// A fetch job's progress: the new-article form sends a URL without text,
// the server answers with a job, and this page polls it until the article
// is stored or the job gives up. The job's id is in the address, so a
// reload (or another tab) picks the polling up again.

import { type FetchJob, getJob } from '../api';
import { append, h } from '../dom';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';

export type JobPhase = 'queued' | 'running' | 'retrying' | 'completed' | 'failed';

export interface JobSummary {
  phase: JobPhase;
  /** One line for the status region: "Fetching (attempt 2 of 5)". */
  headline: string;
  /** More words, or empty. */
  detail: string;
  /** The last error, or empty. */
  lastError: string;
  /** No more changes will come. */
  done: boolean;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** lastError is the latest attempt's error message, or empty. */
export function lastError(j: FetchJob): string {
  let latest: FetchJob['errors'][number] | undefined;
  for (const e of j.errors ?? []) if (!latest || e.attempt >= latest.attempt) latest = e;
  return latest?.error ?? '';
}

/**
 * describeJob says where a fetch job is. River's states: available and
 * pending wait for a worker; scheduled waits for its time (a retry when an
 * attempt already failed); running is being worked; retryable failed an
 * attempt and will try again; completed stored the article; cancelled
 * (an error retrying cannot cure) and discarded (out of attempts) failed.
 */
export function describeJob(j: FetchJob, now: Date = new Date()): JobSummary {
  const err = lastError(j);
  const of = j.max_attempts ? ` of ${j.max_attempts}` : '';
  const when = (iso: string) => {
    const t = new Date(iso);
    if (Number.isNaN(t.getTime())) return '';
    const s = Math.round((t.getTime() - now.getTime()) / 1000);
    return s <= 1 ? 'now' : s < 120 ? `in ${s} seconds` : `at ${timeFormat.format(t)}`;
  };
  switch (j.state) {
    case 'completed':
      return {
        phase: 'completed',
        headline: j.created === false ? 'Done: this page’s text was already stored' : 'Done: the article is stored',
        detail: j.attempt > 1 ? `It took ${j.attempt} attempts.` : '',
        lastError: err,
        done: true,
      };
    case 'cancelled':
      return { phase: 'failed', headline: 'Failed: the page cannot be stored', detail: 'Trying again would not help, so the job stopped.', lastError: err, done: true };
    case 'discarded':
      return { phase: 'failed', headline: `Failed after ${j.attempt} attempt${j.attempt === 1 ? '' : 's'}`, detail: 'The job gave up.', lastError: err, done: true };
    case 'running':
      return { phase: 'running', headline: `Fetching the page (attempt ${j.attempt}${of})`, detail: '', lastError: err, done: false };
    case 'retryable':
      return {
        phase: 'retrying',
        headline: `Attempt ${j.attempt}${of} failed; retrying`,
        detail: `Next attempt ${when(j.scheduled_at)}.`,
        lastError: err,
        done: false,
      };
    case 'scheduled':
      if (j.attempt > 0 || err) {
        return { phase: 'retrying', headline: `Attempt ${j.attempt}${of} failed; retrying`, detail: `Next attempt ${when(j.scheduled_at)}.`, lastError: err, done: false };
      }
      return { phase: 'queued', headline: 'Queued', detail: `Starts ${when(j.scheduled_at)}.`, lastError: '', done: false };
    default:
      // available or pending: after a failed attempt, that is a retry waiting for a worker.
      if (j.attempt > 0 || err) {
        return { phase: 'retrying', headline: `Attempt ${j.attempt}${of} failed; retrying`, detail: 'Waiting for a worker.', lastError: err, done: false };
      }
      return { phase: 'queued', headline: 'Queued: waiting for a worker', detail: '', lastError: '', done: false };
  }
}

/** pollDelay is how long to wait before asking again: quick at first, then every few seconds. */
export function pollDelay(polls: number): number {
  return Math.min(500 + polls * 250, 3000);
}

const steps: { phase: JobPhase; label: string }[] = [
  { phase: 'queued', label: 'Queued' },
  { phase: 'running', label: 'Fetching' },
  { phase: 'completed', label: 'Stored' },
];

function stepsList(s: JobSummary): HTMLElement {
  const at = s.phase === 'retrying' ? 1 : s.phase === 'failed' ? -1 : steps.findIndex((x) => x.phase === s.phase);
  return h(
    'ol',
    { class: 'job-steps', 'aria-label': 'Progress' },
    ...steps.map((step, i) => {
      const state = s.phase === 'completed' || i < at ? 'done' : i === at ? 'current' : 'todo';
      return h(
        'li',
        { class: `step-${state}`, 'aria-current': state === 'current' ? 'step' : null },
        step.label,
        h('span', { class: 'visually-hidden' }, state === 'done' ? ' (done)' : state === 'current' ? ' (now)' : ''),
      );
    }),
  );
}

export async function jobView({ root, params, signal }: ViewContext): Promise<void> {
  const id = Number(params[0]);
  document.title = `Job ${id} · Crosscheck`;
  const status = h('div', { class: 'job-status', role: 'status', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading the job…'));
  const body = h('div', { class: 'job-body' });
  append(root, h('div', { class: 'page-head' }, h('h1', null, 'Fetching an article')), status, body);

  let polls = 0;
  let lastPhase = '';
  let lastAttempt = -1;
  for (;;) {
    let job: FetchJob;
    try {
      job = (await getJob(id, signal)).job;
    } catch (err) {
      if (signal.aborted) return;
      const p = problemOf(err);
      // A dropped connection or a busy server: keep polling.
      if (p.status === 0 || p.status >= 500 || p.status === 429) {
        status.replaceChildren(problemBox(p), h('p', { class: 'muted' }, 'Trying again…'));
        await sleep(pollDelay(++polls) * 2, signal);
        if (signal.aborted) return;
        continue;
      }
      status.replaceChildren(h('p', null, p.status === 404 ? 'There is no such job.' : 'Could not read the job.'));
      body.replaceChildren(problemBox(p), h('p', null, h('a', { href: '/new' }, 'Add an article')));
      return;
    }
    if (signal.aborted) return;
    const s = describeJob(job);
    // Re-render only on change, so the status region speaks once per step.
    if (s.phase !== lastPhase || job.attempt !== lastAttempt || s.done) {
      lastPhase = s.phase;
      lastAttempt = job.attempt;
      render(job, s);
    }
    if (s.done) return;
    await sleep(pollDelay(++polls), signal);
    if (signal.aborted) return;
  }

  function render(job: FetchJob, s: JobSummary): void {
    root.dataset.jobState = job.state;
    append(
      clearChildren(status),
      h(
        'p',
        { class: `job-headline phase-${s.phase}`, 'data-phase': s.phase },
        h('span', { class: 'job-mark', 'aria-hidden': 'true' }, { queued: '…', running: '↻', retrying: '↻', completed: '✓', failed: '✗' }[s.phase]),
        ' ',
        s.headline,
      ),
      s.detail ? h('p', { class: 'muted' }, s.detail) : null,
      // Once stored, an earlier attempt's error is history: it stays in the Errors list below.
      s.lastError && s.phase !== 'completed' ? h('p', { class: s.phase === 'failed' ? 'job-error problem' : 'job-error notice warning' }, 'Last error: ', h('span', { class: 'job-error-text' }, s.lastError)) : null,
      job.article_id ? h('p', null, h('a', { class: 'button job-article', href: `/articles/${job.article_id}` }, 'Open the article')) : null,
      s.phase === 'failed' ? h('p', null, h('a', { href: '/new' }, 'Try another URL or paste the text')) : null,
    );
    const errors = job.errors ?? [];
    append(
      clearChildren(body),
      stepsList(s),
      h(
        'dl',
        { class: 'job-facts' },
        h('dt', null, 'URL'),
        h('dd', null, h('a', { href: job.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, job.url)),
        job.outlet ? h('dt', null, 'Outlet') : null,
        job.outlet ? h('dd', null, job.outlet) : null,
        h('dt', null, 'Attempts'),
        h('dd', null, `${job.attempt} of ${job.max_attempts}`),
        h('dt', null, 'Job'),
        h('dd', null, `${job.id} (${job.state})`),
      ),
      errors.length
        ? h(
            'details',
            { class: 'job-errors', open: s.phase === 'failed' },
            h('summary', null, `Errors (${errors.length})`),
            h('ol', null, ...errors.map((e) => h('li', null, `Attempt ${e.attempt}: ${e.error}`))),
          )
        : null,
    );
  }
}

function clearChildren(el: HTMLElement): HTMLElement {
  el.replaceChildren();
  return el;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
