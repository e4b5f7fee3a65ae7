// The reviewer's main path: ingest the seed article through the form, find
// it in the list, read it with its claims highlighted, move through claims
// with the keyboard.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { desktop, phone, repoRoot, setup, shot, waitForArticle, watchPage } from './server.mjs';

const samplePath = join(repoRoot, '..', 'shared', 'samples', 'presstv-2016-09-28-russia-syria.txt');
const title = 'Russia says to continue Syria work with US';

let env;
let skip = '';
let page;
let problems = [];
let sample = '';
let articlePath = '';

before(
  async () => {
    env = await setup('articles');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    sample = await readFile(samplePath, 'utf8');
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

test('the seed article is ingested through the form', async (t) => {
  if (skip) return t.skip(skip);
  await page.goto('/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Outlet').fill('Press TV');
  await page.getByLabel('URL (optional)').fill('https://www.presstv.ir/Detail/2016/09/28/486833/Russia-Syria-US');
  await page.getByLabel('Published (optional)').fill('2016-09-28');
  await page.getByLabel('Text', { exact: true }).fill(sample);
  await shot(page, 'new-filled-desktop.png');
  await page.getByRole('button', { name: 'Add article' }).click();
  articlePath = await waitForArticle(page);
  assert.equal(await page.locator('h1').textContent(), title);
  assert.deepEqual(problems, []);
});

test('the article is in the list with its outlet, date and claim count', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(articlePath, 'needs the ingested article');
  const id = Number(articlePath.split('/').pop());
  const api = await (await fetch(`${env.baseURL}/api/v1/articles/${id}`)).json();

  await page.goto('/');
  const row = page.locator('table.articles tbody tr', { has: page.getByRole('link', { name: title }) });
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[0], title);
  assert.equal(cells[1], 'Press TV');
  assert.match(cells[2], /^28 Sept? 2016$/);
  assert.equal(cells[3], String(api.claim_count));
  assert.ok(api.claim_count > 0, 'the seed article should yield claims');
  await shot(page, 'list-desktop.png');

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto('/');
  await phonePage.getByRole('link', { name: title }).waitFor();
  await shot(phonePage, 'list-phone.png');
  await phonePage.close();

  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(`**${articlePath}`);
  assert.deepEqual(problems, []);
});

test('the text is shown exactly as ingested with every claim highlighted', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(articlePath, 'needs the ingested article');
  await page.goto(articlePath);
  const textBox = page.locator('.article-text');
  await textBox.waitFor();
  assert.equal(await textBox.evaluate((el) => el.textContent), sample);
  assert.equal(await textBox.evaluate((el) => getComputedStyle(el).whiteSpace), 'pre-wrap');

  const id = Number(articlePath.split('/').pop());
  const api = await (await fetch(`${env.baseURL}/api/v1/articles/${id}`)).json();
  assert.ok(api.claims.length > 0);
  // Every claim's marks, joined, are exactly the claim's text: the offsets
  // (code points) were converted right.
  const marked = await page.evaluate(() => {
    const out = {};
    for (const m of document.querySelectorAll('.article-text mark[data-claims]')) {
      for (const id of m.dataset.claims.split(' ')) out[id] = (out[id] ?? '') + m.textContent;
    }
    return out;
  });
  const points = Array.from(sample);
  const cut = (start, end) => points.slice(start, end).join('');
  for (const c of api.claims) {
    assert.equal(cut(c.content.start, c.content.end), c.content.text, `claim ${c.id}: the API's offsets are code points`);
    // A content in pieces is highlighted piece by piece, its interruption not.
    const want = c.content.spans?.length ? c.content.spans.map(([s, e]) => cut(s, e)).join('') : c.content.text;
    assert.equal(marked[c.id], want, `claim ${c.id} (${c.kind}) highlight`);
  }
  assert.equal(await page.locator('.article-text mark mark').count(), 0, 'highlights never nest');
  assert.equal(await page.locator('.claim-list > li').count(), api.claims.length);

  // Poznikhir is named in the list, and on hover over his quote.
  const item = page.locator('.claim-list button', { has: page.locator('.speaker', { hasText: /^Viktor Poznikhir$/ }) });
  assert.ok((await item.count()) > 0, 'a claim by Viktor Poznikhir is listed');
  const claimId = await item.first().getAttribute('data-claim');
  const title = await page.locator(`.article-text mark[data-claims~="${claimId}"]`).first().getAttribute('title');
  assert.match(title, /Viktor Poznikhir/);

  // The legend names every kind.
  const legend = await page.locator('.legend li').allTextContents();
  for (const k of ['Direct quote', 'Indirect', 'Mixed', 'Assertion', 'Caption', 'Headline']) {
    assert.ok(legend.some((l) => l.includes(k)), `legend shows ${k}`);
  }
  await shot(page, 'article-desktop.png');
  await shot(page, 'article-full-desktop.png', { fullPage: true });

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto(articlePath);
  await phonePage.locator('.article-text mark').first().waitFor();
  await shot(phonePage, 'article-top-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

/** selection reads which claim the list and the text show as selected. */
function selection() {
  return page.evaluate(() => {
    const item = document.querySelector('.claim-list button[aria-current="true"]');
    const marks = [...document.querySelectorAll('.article-text mark.is-selected')];
    const r = marks[0]?.getBoundingClientRect();
    return {
      item: item?.dataset.claim ?? null,
      marks: marks.map((m) => m.dataset.claims.split(' ')),
      markInView: r ? r.top >= 0 && r.bottom <= window.innerHeight : false,
      focused: document.activeElement?.dataset?.claim ?? null,
    };
  });
}

test('j and k move the selection through the claims', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(articlePath, 'needs the ingested article');
  await page.goto(articlePath);
  await page.locator('.claim-list').waitFor();
  const ids = await page.locator('.claim-list button').evaluateAll((bs) => bs.map((b) => b.dataset.claim));
  assert.ok(ids.length >= 3, 'needs a few claims');

  await page.locator('h1').click(); // focus the page, not a form control
  await page.keyboard.press('j');
  let s = await selection();
  assert.equal(s.item, ids[0]);
  assert.ok(s.marks.length > 0 && s.marks.every((m) => m.includes(ids[0])), 'the first claim is marked in the text');
  assert.equal(s.focused, ids[0]);

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  s = await selection();
  assert.equal(s.item, ids[2]);
  assert.ok(s.marks.every((m) => m.includes(ids[2])));

  await page.keyboard.press('k');
  s = await selection();
  assert.equal(s.item, ids[1]);
  assert.ok(s.marks.length > 0 && s.marks.every((m) => m.includes(ids[1])));
  assert.match(page.url(), new RegExp(`#claim-${ids[1]}$`));

  // Far down the list, the highlight is scrolled into view.
  for (let i = 0; i < ids.length; i++) await page.keyboard.press('j');
  s = await selection();
  assert.equal(s.item, ids[ids.length - 1]);
  assert.ok(s.markInView, 'the last claim’s highlight is scrolled into view');
  await shot(page, 'article-selected-end-desktop.png');
  assert.deepEqual(problems, []);
});

test('clicking a highlight selects its claim in the list', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(articlePath, 'needs the ingested article');
  await page.goto(articlePath);
  const item = page.locator('.claim-list button', { has: page.locator('.speaker', { hasText: /^Viktor Poznikhir$/ }) }).first();
  const id = await item.getAttribute('data-claim');
  await page.locator(`.article-text mark[data-claim="${id}"]`).first().click();
  await page.waitForFunction((id) => document.querySelector('.claim-list button[aria-current="true"]')?.dataset.claim === id, id);
  // The selected item is on screen, inside the part of the claim panel that shows.
  const onScreen = await page.evaluate(() => {
    const item = document.querySelector('.claim-list button[aria-current="true"]').getBoundingClientRect();
    const panel = document.querySelector('.claims-panel').getBoundingClientRect();
    return item.top >= Math.max(panel.top, 0) && item.bottom <= Math.min(panel.bottom, window.innerHeight);
  });
  assert.ok(onScreen, 'the selected claim is scrolled into view in the list');
  const s = await selection();
  assert.ok(s.marks.length > 0 && s.marks.every((m) => m.includes(id)));
  assert.ok((await page.locator('.article-text .is-mention').count()) > 0 || (await page.locator('.article-text .is-cue').count()) > 0,
    'the speaker mention or cue of the selected claim is shown');
  await shot(page, 'article-selected-desktop.png');

  // A link to the claim opens the page with it selected (the server falls back to index.html).
  await page.goto(`${articlePath}#claim-${id}`);
  await page.waitForFunction((id) => document.querySelector('.claim-list button[aria-current="true"]')?.dataset.claim === id, id);

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto(`${articlePath}#claim-${id}`);
  await phonePage.locator('.article-text mark.is-selected').first().waitFor();
  await shot(phonePage, 'article-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('? shows the key list and Escape closes it', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(articlePath, 'needs the ingested article');
  await page.goto(articlePath);
  await page.locator('.claim-list').waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor({ state: 'visible' });
  const text = await dialog.textContent();
  assert.match(text, /Next claim/);
  assert.match(text, /Previous claim/);
  await shot(page, 'help-desktop.png');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // j still works after the dialog closes.
  await page.keyboard.press('j');
  assert.ok((await selection()).item);
  assert.deepEqual(problems, []);
});

test('sending the same text again opens the stored article', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(articlePath, 'needs the ingested article');
  await page.goto('/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Outlet').fill('Press TV');
  await page.getByLabel('Text', { exact: true }).fill(sample);
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.waitForURL(`**${articlePath}`);
  await page.getByText('This text was already stored').waitFor();
  assert.deepEqual(problems, []);
});
