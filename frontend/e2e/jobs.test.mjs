// Ingest from a URL against the real server and its job queue: the form
// sends only a URL, the page follows the fetch job (queued, retrying after
// a failed attempt with the attempt and the error, running, completed with
// a link to the article, or failed with the error), and a reload of the
// job's address picks the progress up again. The pages fetched are served
// by this test on loopback, which the server is started allowed to fetch.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { after, before, beforeEach, test } from 'node:test';
import { api } from './data.mjs';
import { desktop, phone, setup, shot, watchPage } from './server.mjs';

const article = `<!DOCTYPE html><html lang="en"><head><title>Convoy attacked near Aleppo</title>
<meta name="author" content="Jane Reporter"></head>
<body><article><h1>Convoy attacked near Aleppo</h1>
<p>An aid convoy was struck on Monday evening near the town of Urum al-Kubra, west of Aleppo, killing at least twenty people, according to the Syrian Arab Red Crescent.</p>
<p>"We saw the trucks burning from the hills," said a resident who gave his name only as Ahmed. The United Nations said it was suspending all aid convoys in Syria.</p>
</article></body></html>`;

let env;
let skip = '';
let page;
let problems = [];
let site; // the loopback pages
let siteURL = '';
let flakyHits = 0;
let releaseFlaky = () => {};
const held = new Promise((resolve) => (releaseFlaky = resolve));

before(
  async () => {
    // The server's fetch jobs may reach this test's loopback pages.
    process.env.CROSSCHECK_ALLOW_PRIVATE_FETCH = 'true';
    env = await setup('jobs');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    site = createServer((req, res) => {
      if (req.url === '/flaky') {
        // The first attempt fails with a 503; the second is held until the
        // test has seen it running, then gets the page.
        flakyHits++;
        if (flakyHits === 1) {
          res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy');
          return;
        }
        void held.then(() => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(article));
        return;
      }
      if (req.url === '/ok') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(article.replaceAll('Convoy attacked', 'Second convoy attacked').replace('twenty', 'thirty'));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such page');
    });
    site.listen(0, '127.0.0.1');
    await once(site, 'listening');
    siteURL = `http://127.0.0.1:${site.address().port}`;
    const context = await env.browser.newContext({ viewport: desktop, baseURL: env.baseURL, reducedMotion: 'reduce' });
    page = await context.newPage();
    problems = watchPage(page);
  },
  { timeout: 300_000 },
);

beforeEach(() => {
  problems.length = 0;
});

after(async () => {
  releaseFlaky();
  site?.closeAllConnections?.();
  site?.close();
  await env?.stop?.();
});

/** submitURL sends the new-article form with only a URL and an outlet, and returns the job's id. */
async function submitURL(url) {
  await page.goto('/new');
  // Record every phase the job page shows, across the in-app navigation.
  await page.evaluate(() => {
    window.phases = [];
    new MutationObserver(() => {
      const p = document.querySelector('.job-headline')?.dataset.phase;
      if (p && window.phases.at(-1) !== p) window.phases.push(p);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByLabel('URL (optional)').fill(url);
  await page.getByLabel('Outlet').fill('Loopback Times');
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.waitForURL(/\/jobs\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

test('a URL is fetched by a job whose retries, error and result the page shows, across a reload', async (t) => {
  if (skip) return t.skip(skip);
  const id = await submitURL(`${siteURL}/flaky`);
  assert.equal(await page.locator('h1').textContent(), 'Fetching an article');

  // The first attempt failed; the second runs, held by the page's server.
  const running = page.locator('.job-headline[data-phase="running"]', { hasText: 'attempt 2 of 5' });
  await running.waitFor({ timeout: 60_000 });
  assert.match(await page.locator('.job-error-text').textContent(), /answered 503 Service Unavailable/);
  const phases = await page.evaluate(() => window.phases);
  t.diagnostic(`phases seen: ${phases.join(' → ')}`);
  // River waits about a second (attempt⁴ seconds) before the retry; the page polls more often.
  assert.ok(phases.includes('retrying'), `phases seen: ${phases}`);
  assert.ok(!phases.slice(phases.indexOf('retrying')).includes('queued'), 'a retry is never shown as a fresh queued job');
  const job = (await api(env.baseURL, `/jobs/${id}`)).job;
  assert.equal(job.state, 'running');
  assert.equal(job.attempt, 2);
  assert.equal(job.errors.length, 1);
  await shot(page, 'job-running-desktop.png');

  // A reload of the job's address shows the same progress.
  await page.reload();
  await running.waitFor();
  assert.match(await page.locator('.job-error-text').textContent(), /503/);
  assert.match(await page.locator('.job-facts').textContent(), /Attempts2 of 5/);
  assert.equal(await page.locator('.job-steps li[aria-current="step"]').textContent(), 'Fetching (now)');

  releaseFlaky();
  const open = page.getByRole('link', { name: 'Open the article' });
  await open.waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.job-headline').textContent(), /Done: the article is stored/);
  const done = (await api(env.baseURL, `/jobs/${id}`)).job;
  assert.equal(done.state, 'completed');
  assert.equal(await open.getAttribute('href'), `/articles/${done.article_id}`);
  await shot(page, 'job-completed-desktop.png');
  await open.click();
  await page.waitForURL(`**/articles/${done.article_id}`);
  await page.locator('h1', { hasText: 'Convoy attacked near Aleppo' }).waitFor();
  assert.deepEqual(problems, []);
});

test('a page that cannot be fetched fails at once, with the error', async (t) => {
  if (skip) return t.skip(skip);
  const id = await submitURL(`${siteURL}/missing`);
  const failed = page.locator('.job-headline[data-phase="failed"]');
  await failed.waitFor({ timeout: 30_000 });
  assert.match(await failed.textContent(), /Failed/);
  assert.match(await page.locator('.job-error-text').textContent(), /answered 404 Not Found/);
  assert.equal((await api(env.baseURL, `/jobs/${id}`)).job.state, 'cancelled');
  assert.ok(await page.getByRole('link', { name: /Try another URL/ }).isVisible());
  await shot(page, 'job-failed-desktop.png');

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto(`/jobs/${id}`);
  await phonePage.locator('.job-headline[data-phase="failed"]').waitFor();
  await shot(phonePage, 'job-failed-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('a quick fetch completes and links to its article; an unknown job says so', async (t) => {
  if (skip) return t.skip(skip);
  await submitURL(`${siteURL}/ok`);
  await page.getByRole('link', { name: 'Open the article' }).waitFor({ timeout: 30_000 });
  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto(new URL(page.url()).pathname);
  await phonePage.getByRole('link', { name: 'Open the article' }).waitFor();
  await shot(phonePage, 'job-completed-phone.png');
  await phonePage.close();

  await page.goto('/jobs/999999');
  await page.getByText('There is no such job.').waitFor();
  // The 404 is the point here.
  assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
});
