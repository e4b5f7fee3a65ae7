// The "done when" of the reviewer's workbench: the seed sample goes from raw
// text to fully reviewed claims, each with at least one evidence link, with
// the keyboard alone; then the review queue and the speaker page.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { api, demoArticles, ingest } from './data.mjs';
import { desktop, phone, repoRoot, setup, shot, watchPage } from './server.mjs';

const samplePath = join(repoRoot, '..', 'shared', 'samples', 'presstv-2016-09-28-russia-syria.txt');

let env;
let skip = '';
let page;
let problems = [];
let others = [];
let articleId = 0;

before(
  async () => {
    env = await setup('review');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    // The other outlets' reports of the same event, where evidence comes from.
    const [, ...rest] = await demoArticles();
    for (const a of rest) others.push(await ingest(env.baseURL, a));
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
  await env?.stop?.();
});

const focusedLabel = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
  });

/** tabTo presses Tab until the focused element's label or text matches. */
async function tabTo(re) {
  for (let i = 0; i < 25; i++) {
    if (re.test((await focusedLabel()).trim())) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${re}`);
}

const selectedId = () => page.locator('.claim-list button[aria-current="true"]').getAttribute('data-claim').then(Number);
const suggestionsLoaded = () =>
  page.waitForFunction(() => {
    const s = document.querySelector('.inspector .suggestions');
    return s && !s.textContent.includes('Loading');
  });

test('done when: the seed sample goes from raw text to reviewed claims with evidence, by keyboard alone', async (t) => {
  if (skip) return t.skip(skip);
  const sample = await readFile(samplePath, 'utf8');
  await page.goto('/new');
  await page.locator('form').waitFor();
  await tabTo(/^Title$/);
  await page.keyboard.type('Russia says to continue Syria work with US');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Press TV');
  await tabTo(/^Text$/);
  await page.keyboard.insertText(sample);
  await tabTo(/^Add article$/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/articles\/\d+$/);
  articleId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.locator('.claim-list button').first().waitFor();
  const count = await page.locator('.claim-list button').count();
  assert.ok(count >= 10, `the seed sample yields claims (${count})`);

  await page.keyboard.press('j');
  const seen = [];
  for (let i = 0; i < count; i++) {
    const id = await selectedId();
    assert.ok(!seen.includes(id), 'a moves on to a new claim each time');
    seen.push(id);
    await page.locator('.inspector h2', { hasText: `Claim ${id}` }).waitFor();
    await suggestionsLoaded();
    const links = page.locator('.inspector .evidence-links li');
    if (i === 2) {
      // One claim gets its evidence from the search box.
      await page.keyboard.press('/');
      await page.keyboard.type('convoy');
      await page.keyboard.press('Enter');
      await page.locator('.inspector .search-results li.pickable').first().waitFor();
      await shot(page, 'evidence-search-desktop.png');
      await page.keyboard.press('3');
    } else {
      const active = page.locator('.inspector .suggestions li.pickable[aria-current="true"]');
      assert.equal(await active.count(), 1, `claim ${id} has a suggested passage`);
      const suggested = (await active.locator('.suggested .stance-badge').textContent()).trim();
      await page.keyboard.press({ Corroborates: '1', Conflicts: '2', Context: '3' }[suggested]);
    }
    await links.first().waitFor();
    if (i === 0) await shot(page, 'evidence-desktop.png');
    await page.keyboard.press('a');
    await page.locator(`.claim-list button[data-claim="${id}"][data-status="confirmed"]`).waitFor();
  }
  await shot(page, 'reviewed-desktop.png');

  const article = await api(env.baseURL, `/articles/${articleId}`);
  assert.equal(article.claims.length, count);
  for (const c of article.claims) {
    assert.equal(c.status, 'confirmed', `claim ${c.id} is reviewed`);
    const ev = await api(env.baseURL, `/claims/${c.id}/evidence`);
    assert.ok(ev.items.length >= 1, `claim ${c.id} has an evidence link`);
    for (const e of ev.items) assert.ok(others.some((o) => o.id === e.article_id), 'evidence comes from another outlet');
  }
  const searched = await api(env.baseURL, `/claims/${seen[2]}/evidence`);
  assert.equal(searched.items[0].stance, 'context');
  assert.deepEqual(problems, []);
});

test('the review queue: filters, progress, a confirms, r rejects, n skips, evidence in place', async (t) => {
  if (skip) return t.skip(skip);
  const wire = others.find((o) => o.outlet.name === 'Sample Wire');
  await page.goto('/review');
  await page.locator('#filter-outlet option', { hasText: 'Sample Wire' }).waitFor({ state: 'attached' });
  await page.locator('#filter-outlet').selectOption({ label: 'Sample Wire' });
  await page.waitForURL(`**/review?outlet=${wire.outlet.id}`);
  const progress = page.locator('.queue-progress .progress-text');
  await progress.filter({ hasText: `0 of ${wire.claims.length} reviewed` }).waitFor();
  const current = async () => Number((await page.locator('.queue-card .claim-top .muted').textContent()).replace(/\D/g, ''));
  const first = await current();
  assert.ok(wire.claims.some((c) => c.id === first), 'the queue shows a claim of the chosen outlet');
  assert.match(await page.locator('.queue-source').textContent(), /Sample Wire/);
  assert.ok((await page.locator('.queue-context mark').textContent()).length > 0, 'the claim is shown in its context');
  await page.locator('.queue-evidence li.pickable').first().waitFor();
  await shot(page, 'review-desktop.png');

  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('1');
  await page.locator('.queue-evidence .evidence-links li').first().waitFor();
  await page.keyboard.press('a');
  await progress.filter({ hasText: `1 of ${wire.claims.length} reviewed` }).waitFor();
  const second = await current();
  assert.notEqual(second, first);
  assert.equal((await api(env.baseURL, `/claims/${first}`)).status, 'confirmed');
  await page.keyboard.press('r');
  await progress.filter({ hasText: `2 of ${wire.claims.length} reviewed` }).waitFor();
  assert.equal((await api(env.baseURL, `/claims/${second}`)).status, 'rejected');
  const third = await current();
  await page.keyboard.press('n');
  await page.waitForFunction((third) => !document.querySelector('.queue-card .claim-top .muted')?.textContent.includes(String(third)), third);
  assert.equal((await api(env.baseURL, `/claims/${third}`)).status, 'unreviewed', 'n skips without a change');
  assert.match(await progress.textContent(), new RegExp(`^2 of ${wire.claims.length} reviewed$`));

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto(`/review?outlet=${wire.outlet.id}`);
  await phonePage.locator('.queue-context mark').waitFor();
  await shot(phonePage, 'review-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('the speaker page: everything one speaker said across outlets, with evidence summaries', async (t) => {
  if (skip) return t.skip(skip);
  const { items } = await api(env.baseURL, '/speakers?q=Poznikhir');
  const speaker = items.find((s) => s.name === 'Viktor Poznikhir');
  assert.ok(speaker);
  const full = await api(env.baseURL, `/speakers/${speaker.id}`);
  await page.goto(`/speakers/${speaker.id}`);
  await page.locator('h1', { hasText: 'Viktor Poznikhir' }).waitFor();
  assert.equal(await page.locator('.speaker-claim').count(), full.claims.length);
  const outlets = new Set(await page.locator('.speaker-group .meta .outlet').allTextContents());
  assert.equal(outlets.size, new Set(full.claims.map((c) => c.article_id)).size > 1 ? outlets.size : 1);
  assert.ok(outlets.has('Press TV'));
  // Claims reviewed in the first test have their evidence counted.
  if (articleId) {
    const mine = full.claims.find((c) => c.article_id === articleId);
    const summary = await page.locator(`.speaker-claim[data-claim="${mine.id}"] .evidence-summary`).textContent();
    assert.match(summary, /\d (corroborating|conflicting|context)/);
  }
  await shot(page, 'speaker-desktop.png');
  // The speaker is one link away from a claim.
  await page.locator('.speaker-claim a').first().click();
  await page.waitForURL(/\/articles\/\d+#claim-\d+$/);
  await page.locator('.inspector .speaker', { hasText: 'Viktor Poznikhir' }).click();
  await page.waitForURL(`**/speakers/${speaker.id}`);
  assert.deepEqual(problems, []);
});
