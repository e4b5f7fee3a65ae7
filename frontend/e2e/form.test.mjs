// The new-article form's failure paths, hostile article text, and pages the
// server answers with the app's index.html.

import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { desktop, phone, setup, shot, waitForArticle, watchPage } from './server.mjs';

const hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';

let env;
let skip = '';
let page;
let problems = [];

before(
  async () => {
    env = await setup('form');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    const context = await env.browser.newContext({ viewport: desktop, baseURL: env.baseURL, reducedMotion: 'reduce' });
    page = await context.newPage();
    problems = watchPage(page);
  },
  { timeout: 300_000 },
);

// Each test answers for the page errors it causes, not for earlier ones.
beforeEach(() => {
  problems.length = 0;
});

after(async () => {
  await env?.stop?.();
});

test('an empty form shows the problem and keeps the input', async (t) => {
  if (skip) return t.skip(skip);
  await page.goto('/new');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/articles') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Add article' }).click();
  const res = await answer;
  assert.ok(res.status() >= 400 && res.status() < 500, `an empty article is refused (status ${res.status()})`);
  assert.match(res.headers()['content-type'] ?? '', /application\/problem\+json/);
  const problem = await res.json();

  const alert = page.locator('.form-problem [role="alert"]');
  await alert.waitFor();
  const said = await alert.textContent();
  assert.ok(said.includes(problem.title), 'the summary shows the problem title');
  if (problem.detail) assert.ok(said.includes(problem.detail), 'the summary shows the detail');
  // Each field error is shown next to its field.
  const known = { text: 'Text', title: 'Title', outlet: 'Outlet', url: 'URL (optional)', published_at: 'Published (optional)' };
  const fields = (problem.errors ?? []).map((e) => ({ ...e, name: e.field.split(/[./]/).filter(Boolean).pop() }));
  assert.ok(fields.some((e) => e.name === 'text'), 'the problem names the empty text field');
  for (const e of fields.filter((e) => known[e.name])) {
    const err = page.locator(`#f-${e.name}-error`);
    await err.waitFor({ state: 'visible' });
    assert.ok((await err.textContent()).includes(e.message), `${e.name} shows its message`);
    assert.equal(await page.getByLabel(known[e.name], { exact: true }).getAttribute('aria-invalid'), 'true');
  }
  assert.match(page.url(), /\/new$/);
  await shot(page, 'new-errors-desktop.png');

  // Input survives a failed submit.
  await page.getByLabel('Title').fill('Only a title');
  await page.getByLabel('Published (optional)').fill('2016-09-28');
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.locator('.form-problem [role="alert"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('form[aria-busy]'));
  assert.equal(await page.getByLabel('Title').inputValue(), 'Only a title');
  assert.equal(await page.getByLabel('Published (optional)').inputValue(), '2016-09-28');

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto('/new');
  await phonePage.getByRole('button', { name: 'Add article' }).click();
  await phonePage.locator('.form-problem [role="alert"]').waitFor();
  await phonePage.evaluate(() => window.scrollTo(0, 0));
  await shot(phonePage, 'new-errors-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('hostile markup in an article is shown as text and never runs', async (t) => {
  if (skip) return t.skip(skip);
  const text = `Breaking: officials said ${hostile} was found.\n\n“This is ${hostile} a test,” said Jane Doe, a spokeswoman.\n`;
  await page.goto('/new');
  await page.getByLabel('Title').fill(`Hostile ${hostile}`);
  await page.getByLabel('Outlet').fill(`Evil <b>Outlet</b>`);
  await page.getByLabel('Text', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add article' }).click();
  const path = await waitForArticle(page);

  await page.locator('.article-text').waitFor();
  assert.equal(await page.locator('.article-text').evaluate((el) => el.textContent), text);
  assert.equal(await page.locator('h1').textContent(), `Hostile ${hostile}`);
  await page.getByText('<script>window.__pwned=1</script>', { exact: false }).first().waitFor();
  assert.equal(await page.locator('main img, main script, main b').count(), 0);

  // The list shows the hostile title as text too; reload both pages from the server.
  await page.goto('/');
  await page.getByRole('link', { name: `Hostile ${hostile}` }).waitFor();
  assert.equal(await page.locator('main img, main script').count(), 0);
  await page.goto(path);
  await page.locator('.article-text').waitFor();
  await page.waitForTimeout(300); // an onerror handler would have fired by now
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, 'hostile-desktop.png');
  assert.deepEqual(problems, []);
});

test('an unknown article says so', async (t) => {
  if (skip) return t.skip(skip);
  await page.goto('/articles/987654321');
  await page.getByRole('heading', { name: 'Article not found' }).waitFor();
  assert.equal(await page.locator('.problem').count(), 1);
  assert.deepEqual(problems, []);
});

test('the server gives app routes the app and missing assets a 404', async (t) => {
  if (skip) return t.skip(skip);
  for (const path of ['/', '/new', '/articles/1', '/no/such/page']) {
    const res = await fetch(env.baseURL + path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type'), /^text\/html/, path);
    assert.equal(res.headers.get('cache-control'), 'no-cache', path);
  }
  const missing = await fetch(`${env.baseURL}/assets/nothing-here.js`);
  assert.equal(missing.status, 404);
  const html = await (await fetch(env.baseURL)).text();
  const asset = html.match(/\/assets\/[^"]+\.js/)?.[0];
  assert.ok(asset, 'index.html names a script under /assets/');
  const res = await fetch(env.baseURL + asset);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('cache-control'), /immutable/);

  await page.goto('/no/such/page');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  assert.deepEqual(problems, []);
});
