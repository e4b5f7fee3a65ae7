// Work assigned to each reviewer, against the real server: a reviewer signs
// in, assigns an article to herself and another to a colleague on the
// article page; the article list shows who has what; her review queue
// serves her article's claims first and counts her part; the queue's story
// filter; and dragging the ends of a claim's highlight changes its span
// (checked through the API), as do the handles' keys.

import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { api, demoArticles, ingest } from './data.mjs';
import { addUser, desktop, setup, shot, watchPage } from './server.mjs';

const rita = { email: 'rita@example.org', role: 'reviewer', name: 'Rita Reviewer', password: 'correct horse battery' };
const olsen = { email: 'olsen@example.org', role: 'reviewer', name: 'Olsen', password: 'another long password' };

const bakery = {
  title: 'A new bakery opens in Leeds',
  outlet: 'Example Gazette',
  published_at: '2017-03-01',
  text:
    'A new bakery opens in Leeds\n\n' +
    '"We will bake every night so the shelves are full by six," said Mary Baker, the owner, on Saturday.\n\n' +
    'The Mayor of Leeds said the bakery would bring twelve jobs to the street.',
};

let env;
let skip = '';
let page;
let problems = [];
let articles = []; // the demo articles as stored, oldest first
let cake; // the bakery article

before(
  async () => {
    if (process.env.E2E_BASE_URL) {
      skip = 'needs its own server (it creates accounts)';
      return;
    }
    env = await setup('assign');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    await addUser(env, rita);
    await addUser(env, olsen);
    for (const a of await demoArticles()) articles.push(await ingest(env.baseURL, a));
    cake = await ingest(env.baseURL, bakery);
    const context = await env.browser.newContext({ viewport: desktop, baseURL: env.baseURL, reducedMotion: 'reduce' });
    page = await context.newPage();
    problems = watchPage(page);
    // Rita signs in on the page.
    await page.goto('/signin');
    await page.getByLabel('Email').fill(rita.email);
    await page.getByLabel('Password').fill(rita.password);
    await page.keyboard.press('Enter');
    await page.locator('#account .account-name', { hasText: rita.name }).waitFor();
  },
  { timeout: 300_000 },
);

beforeEach(() => {
  problems.length = 0;
});

after(async () => {
  await env?.stop?.();
});

test('a reviewer assigns articles; the list shows who has them; her queue serves her article first', async (t) => {
  if (skip) return t.skip(skip);
  const [presstv, , last] = articles;
  // Without assignments the queue starts with the oldest article.
  const before = await api(env.baseURL, '/review/next');
  assert.equal(before.claim.article_id, presstv.id);

  // Rita takes the last demo article with one button.
  await page.goto(`/articles/${last.id}`);
  const select = page.locator('#article-assignee');
  await page.locator('#article-assignee:not([disabled]) option', { hasText: 'Olsen' }).waitFor({ state: 'attached' });
  assert.equal(await select.inputValue(), '', 'nobody has it yet');
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await page.locator('.assign-status', { hasText: 'Saved: assigned to you.' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Assign to me' }).isHidden(), true);
  let [mine] = (await api(env.baseURL, `/assignments?article=${last.id}`)).items;
  assert.equal(mine.assignee.email, rita.email);
  await shot(page, 'assign-article-desktop.png');

  // And gives the Press TV article to Olsen, with the keyboard.
  await page.goto(`/articles/${presstv.id}`);
  await page.locator('#article-assignee:not([disabled]) option', { hasText: 'Olsen' }).waitFor({ state: 'attached' });
  await page.getByLabel('Assigned to').focus();
  await page.getByLabel('Assigned to').selectOption({ label: 'Olsen' });
  await page.locator('.assign-status', { hasText: 'Saved: assigned to Olsen.' }).waitFor();
  [mine] = (await api(env.baseURL, `/assignments?article=${presstv.id}`)).items;
  assert.equal(mine.assignee.email, olsen.email);

  // The article list says who has each.
  await page.goto('/');
  const rowOf = (a) => page.locator('table.articles tr', { has: page.locator(`a[href="/articles/${a.id}"]`) });
  await rowOf(last).locator('td.assignee', { hasText: `${rita.name} (you)` }).waitFor();
  await rowOf(presstv).locator('td.assignee', { hasText: 'Olsen' }).waitFor();
  assert.equal((await rowOf(cake).locator('td.assignee').textContent()).trim(), '—');

  // Her queue: her article's claims first, then nobody's, Olsen's last.
  await page.goto('/review');
  const card = page.locator('.queue-card');
  await card.locator('.queue-assignee', { hasText: 'Assigned to you' }).waitFor();
  const current = async () => Number((await card.locator('.claim-top .muted').textContent()).replace(/\D/g, ''));
  const first = await current();
  assert.ok(last.claims.some((c) => c.id === first), `the first claim (${first}) is of her article`);
  await page
    .locator('.queue-progress .progress-mine', { hasText: `assigned to you: 0 of ${last.claims.length} reviewed` })
    .waitFor();
  await shot(page, 'review-assigned-desktop.png');

  // Confirming counts towards her part.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('a');
  await page.locator('.queue-progress .progress-mine', { hasText: `assigned to you: 1 of ${last.claims.length} reviewed` }).waitFor();
  assert.equal((await api(env.baseURL, `/claims/${first}`)).status, 'confirmed');

  // Taking it back: nobody has it.
  await page.goto(`/articles/${last.id}`);
  await page.locator('#article-assignee:not([disabled])').waitFor();
  await page.getByLabel('Assigned to').selectOption({ label: 'Nobody' });
  await page.locator('.assign-status', { hasText: 'Saved: nobody has this article now.' }).waitFor();
  assert.deepEqual((await api(env.baseURL, `/assignments?article=${last.id}`)).items, []);
  assert.deepEqual(problems, []);
});

test('the queue filters by story', async (t) => {
  if (skip) return t.skip(skip);
  const { items: stories } = await api(env.baseURL, '/stories?page_size=500');
  const story = stories.find((s) => s.title === bakery.title);
  assert.ok(story, 'the bakery article has a story of its own');
  await page.goto('/review');
  await page.locator(`#filter-story option[value="${story.id}"]`).waitFor({ state: 'attached' });
  await page.getByLabel('Story').selectOption(String(story.id));
  await page.waitForURL(`**/review?story=${story.id}`);
  const progress = page.locator('.queue-progress .progress-text');
  await progress.filter({ hasText: `0 of ${cake.claims.length} reviewed` }).waitFor();
  const id = Number((await page.locator('.queue-card .claim-top .muted').textContent()).replace(/\D/g, ''));
  assert.ok(cake.claims.some((c) => c.id === id), 'the queue shows a claim of the story');
  assert.match(await page.locator('.queue-source').textContent(), /A new bakery opens in Leeds/);
  // The filter survives a reload.
  await page.reload();
  await progress.filter({ hasText: `0 of ${cake.claims.length} reviewed` }).waitFor();
  assert.equal(await page.getByLabel('Story').inputValue(), String(story.id));
  await shot(page, 'review-story-desktop.png');
  assert.deepEqual(problems, []);
});

/** pointAt is the viewport point just inside the left edge of code point n of the article text. */
function pointAt(n) {
  return page.evaluate((n) => {
    const box = document.querySelector('.article-text');
    const u = Array.from(box.textContent).slice(0, n).join('').length;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.textContent.length;
      if (u < count + len) {
        const r = document.createRange();
        r.setStart(node, u - count);
        r.setEnd(node, u - count + 1);
        const rect = r.getClientRects()[0];
        return { x: rect.left + 1, y: rect.top + rect.height / 2 };
      }
      count += len;
    }
    return null;
  }, n);
}

async function until(fn, what, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('dragging the end of a highlight changes the claim’s span; the handles work by keyboard too', async (t) => {
  if (skip) return t.skip(skip);
  const [presstv] = articles;
  const points = Array.from(presstv.text);
  const target = presstv.claims.find((c) => c.content.end - c.content.start > 80 && !c.content.spans);
  assert.ok(target, 'a long claim to shorten');
  await page.goto(`/articles/${presstv.id}#claim-${target.id}`);
  const end = page.locator('.article-text .span-handle.span-end');
  await end.waitFor();
  assert.equal(await end.getAttribute('aria-valuenow'), String(target.content.end));

  // The new end: after a word some 30 code points before the old one.
  let newEnd = target.content.end - 30;
  while (!/\p{L}/u.test(points[newEnd - 1]) || /\p{L}/u.test(points[newEnd])) newEnd--;
  const to = await pointAt(newEnd);
  await end.scrollIntoViewIfNeeded();
  const box = await end.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move((box.x + to.x) / 2, (box.y + box.height / 2 + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await shot(page, 'span-drag-desktop.png');
  await page.mouse.up();
  const moved = await until(async () => {
    const c = await api(env.baseURL, `/claims/${target.id}`);
    return c.content.end !== target.content.end && c;
  }, 'the span to change');
  assert.equal(moved.content.start, target.content.start, 'the start stays');
  assert.equal(moved.content.end, newEnd, 'the end is where it was dropped');
  assert.equal(moved.content.text, points.slice(moved.content.start, moved.content.end).join(''));
  await page.locator('.save-status', { hasText: `Saved: claim ${target.id} content span.` }).waitFor();
  await page.waitForFunction(
    ([id, n]) => document.querySelector('.article-text .span-handle.span-end')?.getAttribute('aria-valuenow') === String(n) &&
      document.querySelector(`.claim-list button[data-claim="${id}"]`)?.dataset.status === 'edited',
    [target.id, newEnd],
  );

  // The start handle by keyboard: one word on, then Enter.
  const start = page.locator('.article-text .span-handle.span-start');
  await start.focus();
  await page.keyboard.press('ArrowRight');
  const preview = Number(await start.getAttribute('aria-valuenow'));
  assert.ok(preview > moved.content.start, 'the start moves on by a word');
  assert.equal((await api(env.baseURL, `/claims/${target.id}`)).content.start, moved.content.start, 'nothing is saved before Enter');
  await page.keyboard.press('Enter');
  const keyed = await until(async () => {
    const c = await api(env.baseURL, `/claims/${target.id}`);
    return c.content.start !== moved.content.start && c;
  }, 'the start to change');
  assert.equal(keyed.content.start, preview);
  assert.equal(keyed.content.end, newEnd);
  assert.equal(keyed.content.text, points.slice(keyed.content.start, keyed.content.end).join(''));
  // Escape drops a change not saved yet.
  await start.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  assert.equal(await start.getAttribute('aria-valuenow'), String(keyed.content.start));

  const history = await api(env.baseURL, `/claims/${target.id}/history`);
  assert.equal(history.items.length, 2, 'one change per save');
  assert.deepEqual(problems, []);
});
