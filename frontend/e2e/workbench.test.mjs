// Claim actions on the article page, against the real server: confirm,
// reject, undo, edit (kind, content span, cue), speaker (known and new),
// split, merge, create from a selection, the conflict dialog, and that
// every change survives a reload and says who made it and when.

import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { api, demoArticles, ingest } from './data.mjs';
import { desktop, phone, setup, shot, watchPage } from './server.mjs';

let env;
let skip = '';
let page;
let problems = [];
let article; // the Press TV article as stored
let path = '';

before(
  async () => {
    env = await setup('workbench');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    const [presstv, ...others] = await demoArticles();
    article = await ingest(env.baseURL, presstv);
    for (const a of others) await ingest(env.baseURL, a);
    path = `/articles/${article.id}`;
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

const claimOf = (id) => api(env.baseURL, `/claims/${id}`);
const claimsNow = async () => (await api(env.baseURL, `/articles/${article.id}`)).claims;
const selectedId = () => page.locator('.claim-list button[aria-current="true"]').getAttribute('data-claim').then(Number);
const waitStatus = (id, status) => page.locator(`.claim-list button[data-claim="${id}"][data-status="${status}"]`).waitFor();

/** until polls fn until it returns something truthy. */
async function until(fn, what, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) {
      // The API has the change; let the page finish taking it in (it is
      // aria-busy while a change is saved) before the next key.
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      return v;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(claimId) {
  // A full load each time, so each test starts from a fresh view (no undo
  // stack or open panel left from the one before); going from #claim-A to
  // #claim-B in place has its own test at the end.
  await page.goto('about:blank');
  await page.goto(claimId ? `${path}#claim-${claimId}` : path);
  await page.locator('.claim-list button').first().waitFor();
  if (claimId) await page.locator(`.claim-list button[data-claim="${claimId}"][aria-current="true"]`).waitFor();
  // Keys go to the page, not to a control.
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
}

test('a confirms, r rejects, both move on; u undoes; the result survives a reload with who and when', async (t) => {
  if (skip) return t.skip(skip);
  await open();
  await page.keyboard.press('j');
  const first = await selectedId();
  await page.keyboard.press('a');
  await waitStatus(first, 'confirmed');
  const second = await selectedId();
  assert.notEqual(second, first, 'a moves to the next claim');
  await page.keyboard.press('r');
  await waitStatus(second, 'rejected');
  assert.equal((await claimOf(first)).status, 'confirmed');
  assert.equal((await claimOf(second)).status, 'rejected');

  await page.keyboard.press('u');
  await waitStatus(second, 'unreviewed');
  assert.equal((await claimOf(second)).status, 'unreviewed');
  assert.equal(await selectedId(), second, 'undo selects the claim it changed');

  // The visible buttons do the same.
  await page.getByRole('button', { name: /^Reject/ }).click();
  await waitStatus(second, 'rejected');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await waitStatus(second, 'unreviewed');
  // Ctrl+Z is undo too.
  await page.locator(`.claim-list button[data-claim="${second}"]`).click();
  await page.keyboard.press('a');
  await waitStatus(second, 'confirmed');
  await page.keyboard.press('Control+z');
  await waitStatus(second, 'unreviewed');

  await page.reload();
  await open(first);
  await waitStatus(first, 'confirmed');
  await page.locator('.last-change', { hasText: /confirmed by anonymous reviewer/ }).waitFor();
  assert.match(await page.locator('.last-change').textContent(), /\d{4}, \d\d:\d\d/);
  await page.locator('.history summary').click();
  assert.match(await page.locator('.history-list').textContent(), /system: extracted/);
  await shot(page, 'workbench-desktop.png');
  assert.deepEqual(problems, []);
});

test('e edits the kind, the content span (keys or a mouse selection) and the cue', async (t) => {
  if (skip) return t.skip(skip);
  const target = (await claimsNow()).find((c) => c.kind === 'indirect' && c.cue && c.speaker?.name === 'Viktor Poznikhir');
  assert.ok(target, 'an indirect claim by Poznikhir with a cue');
  await open(target.id);
  await page.keyboard.press('e');
  const kind = page.locator('#edit-kind');
  await kind.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'edit-kind', 'e focuses the kind');
  await kind.selectOption('mixed');
  await until(async () => (await claimOf(target.id)).kind === 'mixed', 'kind mixed');
  await page.locator(`.claim-list button[data-claim="${target.id}"] .badge`, { hasText: 'Mixed' }).waitFor();
  await shot(page, 'edit-desktop.png');

  // The content span with the keyboard: the start moves one word right.
  await page.getByRole('button', { name: 'Change content span' }).click();
  await page.locator('.picker-bar').waitFor();
  await page.keyboard.press('Shift+ArrowRight');
  await shot(page, 'picker-desktop.png');
  await page.keyboard.press('Enter');
  const words = target.content.text.split(/\s+/);
  await until(async () => (await claimOf(target.id)).content.text === target.content.text.slice(words[0].length).trimStart(), 'content without its first word');

  // With the mouse: select text, then use it.
  const wanted = 'an attack on a UN aid convoy';
  await page.evaluate((wanted) => {
    const box = document.querySelector('.article-text');
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, all.length]);
      all += n.textContent;
    }
    const at = all.indexOf(wanted);
    const find = (u) => {
      for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= u) return [nodes[i][0], u - nodes[i][1]];
    };
    const [a, ao] = find(at);
    const [b, bo] = find(at + wanted.length);
    getSelection().setBaseAndExtent(a, ao, b, bo);
  }, wanted);
  await page.getByRole('button', { name: 'Change content span' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await until(async () => (await claimOf(target.id)).content.text === wanted, 'content from the mouse selection');

  // The cue: remove it, then undo brings it back.
  await page.getByRole('button', { name: 'Remove cue' }).click();
  await until(async () => (await claimOf(target.id)).cue === null, 'cue removed');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('u');
  await until(async () => (await claimOf(target.id)).cue?.text === target.cue.text, 'cue back after undo');
  assert.deepEqual(problems, []);
});

test('s assigns a known speaker or creates one with role and organisation', async (t) => {
  if (skip) return t.skip(skip);
  const target = (await claimsNow()).find((c) => c.kind === 'assertion');
  await open(target.id);
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: /Speaker of claim/ });
  await dialog.waitFor();
  await page.keyboard.type('Kerry');
  await dialog.getByRole('option', { name: /John Kerry/ }).waitFor();
  await shot(page, 'speaker-dialog-desktop.png');
  await page.keyboard.press('Enter');
  await until(async () => (await claimOf(target.id)).speaker?.name === 'John Kerry', 'speaker John Kerry');
  await page.locator('.inspector .speaker', { hasText: 'John Kerry' }).waitFor();

  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('s');
  await dialog.waitFor();
  await page.keyboard.type('Jane Roe');
  await dialog.getByRole('option', { name: /Create “Jane Roe”/ }).waitFor();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Role (optional)').waitFor();
  await page.keyboard.type('Spokeswoman');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Example Ministry');
  await page.keyboard.press('Enter');
  const c = await until(async () => {
    const c = await claimOf(target.id);
    return c.speaker?.name === 'Jane Roe' && c;
  }, 'new speaker Jane Roe');
  assert.equal(c.speaker.role, 'Spokeswoman');
  assert.equal(c.speaker.organisation, 'Example Ministry');
  assert.equal(c.speaker.kind, 'person');
  assert.deepEqual(problems, []);
});

test('x splits a claim, m merges it back, c creates a claim from a selection or from the keyboard', async (t) => {
  if (skip) return t.skip(skip);
  const before = await claimsNow();
  const long = before.filter((c) => c.kind === 'direct').sort((a, b) => b.content.text.length - a.content.text.length)[0];
  await open(long.id);
  await page.keyboard.press('x');
  await page.locator('.picker-bar').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const split = await until(async () => {
    const c = await claimOf(long.id);
    return c.content.end < long.content.end && c;
  }, 'the first half');
  const known = new Set(before.map((c) => c.id));
  const second = (await claimsNow()).find((c) => !known.has(c.id));
  assert.ok(second, 'the second half is a claim of its own');
  assert.ok(second.content.start >= split.content.end);
  assert.equal(second.content.end, long.content.end);

  await page.locator(`.claim-list button[data-claim="${long.id}"][aria-current="true"]`).waitFor();
  await page.keyboard.press('m');
  await until(async () => (await claimOf(long.id)).content.end === long.content.end, 'merged back');
  assert.equal((await claimOf(second.id)).status, 'rejected', 'the merged-in claim is rejected, not deleted');
  // The page has taken the merge in before the next step selects text.
  await waitStatus(second.id, 'rejected');

  // A selection made with the mouse, then c.
  const wanted = 'Lieutenant-General Viktor Poznikhir';
  const found = await page.evaluate((wanted) => {
    const box = document.querySelector('.article-text');
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf(wanted);
      if (i >= 0) {
        getSelection().setBaseAndExtent(n, i, n, i + wanted.length);
        return true;
      }
    }
    return false;
  }, wanted);
  assert.ok(found, `the text holds "${wanted}" in one piece`);
  assert.equal(await page.evaluate(() => getSelection().toString()), wanted);
  await page.keyboard.press('c');
  const made = await until(async () => (await claimsNow()).find((c) => c.content.text === wanted), 'a claim of the selection');
  assert.equal(made.extractor_version, 'reviewer');
  await page.locator(`.claim-list button[data-claim="${made.id}"][aria-current="true"]`).waitFor();

  // Without a selection, c lets the keyboard choose: two words after the selected claim.
  const count = (await claimsNow()).length;
  await page.keyboard.press('c');
  await page.locator('.picker-bar').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await until(async () => (await claimsNow()).length === count + 1, 'a claim chosen with the keyboard');
  assert.deepEqual(problems, []);
});

test('a change to a claim someone else changed meanwhile shows both versions and lets the reviewer choose', async (t) => {
  if (skip) return t.skip(skip);
  const [one, two] = (await claimsNow()).filter((c) => c.status === 'unreviewed' && c.kind === 'indirect');
  await open(one.id);
  // Someone else rejects it behind this page's back.
  await api(env.baseURL, `/claims/${one.id}`, { method: 'PATCH', body: JSON.stringify({ version: one.version, status: 'rejected' }) });
  await page.keyboard.press('a');
  const dialog = page.getByRole('alertdialog', { name: 'Someone else changed this claim' });
  await dialog.waitFor();
  const row = dialog.locator('tr', { has: page.locator('th', { hasText: 'Status' }) });
  assert.equal(await row.locator('td[data-version="mine"]').textContent(), 'confirmed');
  assert.equal(await row.locator('td[data-version="theirs"]').textContent(), 'rejected');
  await shot(page, 'conflict-desktop.png');
  await dialog.getByRole('button', { name: 'Apply my change to it' }).click();
  await until(async () => (await claimOf(one.id)).status === 'confirmed', 'mine applied on top');

  await open(two.id);
  await api(env.baseURL, `/claims/${two.id}`, { method: 'PATCH', body: JSON.stringify({ version: two.version, status: 'rejected' }) });
  await page.keyboard.press('a');
  await dialog.waitFor();
  await page.keyboard.press('Enter'); // the default: keep the saved version
  await dialog.waitFor({ state: 'hidden' });
  await waitStatus(two.id, 'rejected');
  assert.equal((await claimOf(two.id)).status, 'rejected', 'nothing was overwritten');
  assert.deepEqual(problems, []);
});

test('the workbench reads at phone width', async (t) => {
  if (skip) return t.skip(skip);
  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  const c = (await claimsNow())[3];
  await phonePage.goto(`${path}#claim-${c.id}`);
  await phonePage.locator('.inspector .claim-content').waitFor();
  await phonePage.locator('.suggestions li.pickable').first().waitFor();
  await phonePage.locator('.inspector').scrollIntoViewIfNeeded();
  await shot(phonePage, 'workbench-phone.png');
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px too wide)`);
  await phonePage.close();
});

test('the selected claim links to where else it was said, and its history to the outlet’s history export', async (t) => {
  if (skip) return t.skip(skip);
  const c = (await claimsNow()).sort((x, y) => x.content.start - y.content.start)[1];
  await open(c.id);
  // By keyboard: the link comes just before the claim actions.
  await page.getByRole('button', { name: /^Confirm/ }).focus();
  await page.keyboard.press('Shift+Tab');
  const link = page.locator('.inspector a.claim-statement-link');
  assert.ok(await link.evaluate((a) => a === document.activeElement), 'Shift+Tab from Confirm reaches the statement link');
  assert.equal(await link.textContent(), 'Where else was this said');
  assert.equal(await link.getAttribute('href'), `/statements/${c.id}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/statements/${c.id}`);
  await page.locator('table.appearances tbody tr').first().waitFor();
  assert.ok(await page.locator(`table.appearances tr[data-claim="${c.id}"]`).count(), 'the statement page lists this claim');

  await open(c.id);
  await page.locator('.history summary').click();
  const exp = page.locator('.history a', { hasText: 'Export the history of every Press TV claim' });
  assert.equal(await exp.getAttribute('href'), '/exports?table=history&outlet=Press+TV');
  await exp.click();
  await page.waitForURL('**/exports?table=history&outlet=Press+TV');
  assert.ok(await page.locator('#export-table-history').isChecked());
  assert.equal(await page.getByLabel('API URL').inputValue(), `${env.baseURL}/api/v1/exports/history.csv?outlet=Press+TV`);
  assert.deepEqual(problems, []);
});

test('#claim-N within the article selects that claim without reloading it, even while it loads or a change is saved', async (t) => {
  if (skip) return t.skip(skip);
  const ordered = (await claimsNow()).sort((x, y) => x.content.start - y.content.start || x.content.end - y.content.end || x.id - y.id);
  const open3 = ordered.slice(0, -1).filter((c) => c.status === 'unreviewed');
  assert.ok(open3.length >= 3, 'three unreviewed claims');
  const [a, b, c] = open3;
  let loads = 0;
  const counter = (req) => {
    if (new URL(req.url()).pathname === `/api/v1/articles/${article.id}`) loads++;
  };
  page.on('request', counter);
  const slow = (ms) => async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  };
  const hashNow = () => page.evaluate(() => location.hash);
  try {
    // While the article loads, the address moves on to another claim.
    const slowArticle = slow(1000);
    await page.route(`**/api/v1/articles/${article.id}`, slowArticle);
    await page.goto('about:blank');
    loads = 0;
    await page.goto(`${path}#claim-${a.id}`);
    await page.getByRole('status').filter({ hasText: 'Loading article' }).waitFor();
    await page.evaluate((h) => (location.hash = h), `#claim-${b.id}`);
    await page.locator(`.claim-list button[data-claim="${b.id}"][aria-current="true"]`).waitFor();
    await page.unroute(`**/api/v1/articles/${article.id}`, slowArticle);
    assert.equal(await hashNow(), `#claim-${b.id}`);
    assert.equal(loads, 1, 'the article was loaded once');

    // Loaded: a same-document navigation selects the claim in place.
    await page.goto(`${path}#claim-${c.id}`);
    await page.locator(`.claim-list button[data-claim="${c.id}"][aria-current="true"]`).waitFor();
    assert.equal(await page.locator('#inspector-heading').textContent(), `Claim ${c.id}`);
    assert.ok(await page.locator(`mark.is-selected[data-claims~="${c.id}"]`).count());
    assert.equal(loads, 1, 'still loaded once');

    // A change being saved does not take the reader back (or on) from the
    // claim they went to meanwhile.
    const slowPatch = slow(1000);
    await page.route(`**/api/v1/claims/${c.id}`, slowPatch);
    await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/claims/${c.id}`));
    await page.keyboard.press('a');
    await page.locator('[aria-busy="true"]').waitFor();
    await page.evaluate((h) => (location.hash = h), `#claim-${a.id}`);
    await page.locator(`.claim-list button[data-claim="${a.id}"][aria-current="true"]`).waitFor();
    await saved;
    await waitStatus(c.id, 'confirmed');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    assert.equal(await selectedId(), a.id, 'the claim gone to stays selected');
    assert.equal(await hashNow(), `#claim-${a.id}`);
    assert.equal(loads, 1, 'still loaded once');
    await page.unroute(`**/api/v1/claims/${c.id}`, slowPatch);

    // Leaving while a change is saved: the next page's address is its own.
    const slowReject = slow(1000);
    await page.route(`**/api/v1/claims/${a.id}`, slowReject);
    const rejected = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/claims/${a.id}`));
    await page.keyboard.press('r');
    await page.locator('[aria-busy="true"]').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stories' }).click();
    await page.waitForURL('**/stories');
    await rejected;
    await page.locator('h1', { hasText: 'Stories' }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, '/stories');
    await page.unroute(`**/api/v1/claims/${a.id}`, slowReject);
    assert.equal((await claimOf(a.id)).status, 'rejected');
  } finally {
    page.off('request', counter);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
  assert.deepEqual(problems, []);
});
