// The comparison view against the real server: the demo reports (Press
// TV and two fictional outlets on the Urum al-Kubra convoy) grouped into
// one story; its matrix of statements against outlets; a statement with
// every outlet that carried it; the article page's link to its story; and
// moving an article to another story and back.

import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { api, demoArticles, ingest } from './data.mjs';
import { addUser, desktop, phone, setup, shot, watchPage } from './server.mjs';

let env;
let skip = '';
let page;
let problems = [];
const stored = {}; // outlet name → stored article (with claims)
let storyId = 0;

before(
  async () => {
    env = await setup('stories');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    for (const a of await demoArticles()) stored[a.outlet] = await ingest(env.baseURL, a);
    const press = stored['Press TV'];
    const gazette = stored['Example Gazette'];
    // A reviewer's decisions: the aid group's denial contradicts Poznikhir's
    // account of the convoy attack.
    const quote = press.claims.find((c) => /involvement of opposition groups/.test(c.content.text));
    const denial = gazette.claims.find((c) => /seen no evidence/.test(c.content.text));
    if (quote && denial) {
      await api(env.baseURL, `/claims/${quote.id}/evidence`, {
        method: 'POST',
        body: JSON.stringify({
          article_id: gazette.id,
          passage_start: denial.content.start,
          passage_end: denial.content.end,
          passage_claim_id: denial.id,
          stance: 'conflicts',
        }),
      });
    }
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

/** expectedState reads an API cell as the page should show it. */
function expectedState(cell) {
  if (!cell) return 'absent';
  const stance = cell.stance || cell.suggested?.stance;
  if (stance === 'conflicts') return 'contradicts';
  if (stance === 'corroborates') return 'corroborates';
  if (stance) return 'context';
  return cell.reports ? 'reports' : 'absent';
}

test('the stories page lists the demo story with its outlets, articles and dates', async (t) => {
  if (skip) return t.skip(skip);
  const list = await api(env.baseURL, '/stories');
  assert.equal(list.items.length, 1, 'the three demo reports are one story');
  storyId = list.items[0].id;
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stories' }).click();
  await page.waitForURL('**/stories');
  const row = page.locator('table.stories tbody tr').first();
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  assert.match(cells[0], new RegExp(`^${list.items[0].title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.equal(cells[1], '3');
  assert.equal(cells[2], '3');
  assert.match(cells[3], /^28 Sept? 2016 – 29 Sept? 2016$/);
  assert.equal(await page.locator('.site-nav a[aria-current="page"]').textContent(), 'Stories');
  await shot(page, 'stories-desktop.png');
  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto('/stories');
  await phonePage.locator('table.stories tbody tr').first().waitFor();
  await shot(phonePage, 'stories-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('the story page shows the matrix of statements against outlets, as the API has it', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(storyId, 'needs the story');
  const cmp = await api(env.baseURL, `/stories/${storyId}`);
  await page.goto(`/stories/${storyId}`);
  const table = page.locator('table.matrix');
  await table.waitFor();
  assert.equal(await page.locator('h1').textContent(), cmp.story.title);

  const heads = await table.locator('thead th').allTextContents();
  assert.deepEqual(heads, ['Statement', ...cmp.outlets.map((o) => o.name)]);
  assert.deepEqual(
    cmp.outlets.map((o) => o.name).sort(),
    ['Example Gazette', 'Press TV', 'Sample Wire'],
  );
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), cmp.statements.length);
  assert.ok(cmp.statements[0].reports >= 2, 'the first statement is carried by several outlets');

  // Every cell says in words what the API says, and the states are all there.
  const seen = new Set();
  for (const [i, st] of cmp.statements.entries()) {
    const row = rows.nth(i);
    assert.equal(Number(await row.getAttribute('data-claim')), st.claim_id);
    const cells = await row.locator('td.cell').evaluateAll((tds) =>
      tds.map((td) => ({ outlet: td.dataset.outlet, state: td.dataset.state, text: td.textContent, href: td.querySelector('a')?.getAttribute('href') ?? null })),
    );
    assert.equal(cells.length, cmp.outlets.length);
    for (const [j, o] of cmp.outlets.entries()) {
      const api = st.cells[String(o.id)];
      const want = expectedState(api);
      seen.add(want);
      assert.equal(cells[j].outlet, String(o.id));
      assert.equal(cells[j].state, want, `statement ${st.claim_id}, ${o.name}`);
      const word = { reports: 'Reports', corroborates: 'Corroborates', contradicts: 'Contradicts', context: 'Context', absent: 'Not reported' }[want];
      assert.ok(cells[j].text.includes(word), `cell text ${JSON.stringify(cells[j].text)} says ${word}`);
      if (api?.claim_ids?.length) {
        assert.equal(cells[j].href, `/articles/${api.article_ids[0]}#claim-${api.claim_ids[0]}`);
      } else {
        assert.equal(cells[j].href, null);
      }
    }
  }
  for (const s of ['reports', 'corroborates', 'contradicts', 'absent']) assert.ok(seen.has(s), `some cell ${s}`);
  // The reviewer's contradiction is marked as reviewed.
  const contra = page.locator('td.cell[data-state="contradicts"][data-source="reviewer"]');
  assert.ok((await contra.count()) >= 1);
  assert.match(await contra.first().textContent(), /Contradicts \(reviewed\)/);
  await shot(page, 'story-matrix-desktop.png');
  await shot(page, 'story-matrix-full-desktop.png', { fullPage: true });

  // The long tail of statements one outlet carries alone can be hidden.
  await page.getByLabel('Only statements that two or more outlets carry or answer').check();
  const shared = cmp.statements.filter((st) => cmp.outlets.filter((o) => expectedState(st.cells[String(o.id)]) !== 'absent').length >= 2);
  assert.ok(shared.length >= 2 && shared.length < cmp.statements.length);
  assert.equal(await page.locator('table.matrix tbody tr:visible').count(), shared.length);
  await shot(page, 'story-matrix-shared-desktop.png');

  // A cell links to the claim selected in its article.
  const link = page.locator('td.cell[data-state="corroborates"] a').first();
  const href = await link.getAttribute('href');
  const claimId = href.split('#claim-')[1];
  await link.click();
  await page.waitForURL(`**${href}`);
  await page.waitForFunction((id) => document.querySelector('.claim-list button[aria-current="true"]')?.dataset.claim === id, claimId);

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto(`/stories/${storyId}`);
  await phonePage.locator('table.matrix').waitFor();
  await shot(phonePage, 'story-matrix-phone.png');
  // The matrix scrolls inside its box; the page itself does not scroll sideways.
  assert.ok(await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways page scroll on a phone');
  await phonePage.locator('table.matrix tbody tr').nth(1).scrollIntoViewIfNeeded();
  await shot(phonePage, 'story-matrix-rows-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('a statement lists every outlet that carried it', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(storyId, 'needs the story');
  const cmp = await api(env.baseURL, `/stories/${storyId}`);
  const first = cmp.statements[0];
  const st = await api(env.baseURL, `/statements/${first.claim_id}`);
  assert.ok(st.outlets >= 2);

  await page.goto(`/stories/${storyId}`);
  await page.locator(`tr[data-claim="${first.claim_id}"] a.statement-link`).click();
  await page.waitForURL(`**/statements/${first.claim_id}`);
  const rows = page.locator('table.appearances tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), st.appearances.length);
  const outlets = await page.locator('table.appearances td.outlet').allTextContents();
  assert.deepEqual([...new Set(outlets)].sort(), [...new Set(st.appearances.map((a) => a.outlet_name))].sort());
  assert.match(await page.locator('.article-head .meta').textContent(), new RegExp(`Carried by ${st.outlets} outlets`));
  assert.equal(await page.locator('blockquote.statement-text').textContent(), st.text);
  // Each appearance links to its claim in its article.
  const hrefs = await page.locator('table.appearances td.title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, st.appearances.map((a) => `/articles/${a.article_id}#claim-${a.claim_id}`));
  await shot(page, 'statement-desktop.png');

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto(`/statements/${first.claim_id}`);
  await phonePage.locator('table.appearances tbody tr').first().waitFor();
  await shot(phonePage, 'statement-phone.png');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('the article page links to its story', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(storyId, 'needs the story');
  await page.goto(`/articles/${stored['Sample Wire'].id}`);
  const link = page.locator('.article-head .story-link a');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), `/stories/${storyId}`);
  assert.match(await page.locator('.article-head .story-link').textContent(), /3 outlets, 3 articles/);
  await link.click();
  await page.waitForURL(`**/stories/${storyId}`);
  await page.locator('table.matrix').waitFor();
  assert.deepEqual(problems, []);
});

test('a reviewer moves an article into a new story and back', async (t) => {
  if (skip) return t.skip(skip);
  assert.ok(storyId, 'needs the story');
  const gazette = stored['Example Gazette'];
  await page.goto(`/stories/${storyId}`);
  const item = page.locator(`.story-articles li[data-article="${gazette.id}"]`);
  await item.getByText('Move to another story').click();
  const select = item.getByLabel('Move to');
  await page.waitForFunction((id) => !document.querySelector(`#move-${id}`).disabled, gazette.id);
  await select.selectOption('new');
  await item.getByLabel('New story’s title').fill('Aid group disputes convoy account');
  await shot(page, 'story-move-desktop.png');
  await item.getByRole('button', { name: 'Move' }).click();
  await page.waitForURL((u) => /\/stories\/\d+$/.test(u.pathname) && u.pathname !== `/stories/${storyId}`);
  const newId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.locator('h1', { hasText: 'Aid group disputes convoy account' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Moved' }).waitFor();

  // The API agrees: the article is in the new story, the old one lost it.
  assert.equal((await api(env.baseURL, `/articles/${gazette.id}/story`)).story.id, newId);
  const old = await api(env.baseURL, `/stories/${storyId}`);
  assert.deepEqual(old.articles.map((a) => a.outlet_name).sort(), ['Press TV', 'Sample Wire']);
  assert.ok(!old.outlets.some((o) => o.name === 'Example Gazette' && o.in_story));
  assert.deepEqual(await page.locator('table.matrix thead th').allTextContents(), ['Statement', 'Example Gazette']);
  await shot(page, 'story-moved-desktop.png');

  // And back into the first story, chosen from the list.
  const back = page.locator(`.story-articles li[data-article="${gazette.id}"]`);
  await back.getByText('Move to another story').click();
  await page.waitForFunction((id) => !document.querySelector(`#move-${id}`).disabled, gazette.id);
  await back.getByLabel('Move to').selectOption(String(storyId));
  await back.getByRole('button', { name: 'Move' }).click();
  await page.waitForURL(`**/stories/${storyId}`);
  await page.locator('table.matrix').waitFor();
  assert.equal((await api(env.baseURL, `/articles/${gazette.id}/story`)).story.id, storyId);
  assert.equal((await api(env.baseURL, `/stories/${storyId}`)).articles.length, 3);
  // The story it left is empty, and gone.
  const gone = await fetch(`${env.baseURL}/api/v1/stories/${newId}`);
  assert.equal(gone.status, 404);
  assert.deepEqual(problems, []);
});

test('a researcher reads the comparison but is offered no moves', async (t) => {
  if (skip) return t.skip(skip);
  if (!env.bin) return t.skip('needs its own server to add an account');
  assert.ok(storyId, 'needs the story');
  const rena = { email: 'rena@example.org', role: 'researcher', name: 'Rena Researcher', password: 'a long researcher passphrase 7' };
  await addUser(env, rena);
  const context = await env.browser.newContext({ viewport: desktop, baseURL: env.baseURL, reducedMotion: 'reduce' });
  const res = await context.request.post('/api/v1/session', { data: { email: rena.email, password: rena.password } });
  assert.equal(res.status(), 200);
  const p = await context.newPage();
  const seen = watchPage(p);
  await p.goto(`/stories/${storyId}`);
  await p.locator('table.matrix').waitFor();
  await p.locator('.account-role', { hasText: 'researcher' }).waitFor();
  assert.equal(await p.locator('details.move').count(), 0, 'no move controls');
  await p.goto('/stories');
  await p.locator('table.stories').waitFor();
  assert.equal(await p.getByRole('button', { name: 'Group new articles' }).count(), 0);
  await context.close();
  assert.deepEqual(seen, []);
});
