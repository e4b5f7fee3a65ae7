// The export page against the real server: choosing table, format and
// filters shows the API URL, the page's own address keeps the choice, and
// the download link downloads the same file the API serves; the history
// table holds a change made through the API.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, beforeEach, test } from 'node:test';
import { api, demoArticles, ingest } from './data.mjs';
import { desktop, phone, setup, shot, watchPage } from './server.mjs';

let env;
let skip = '';
let page;
let problems = [];
const stored = {};

before(
  async () => {
    env = await setup('exports');
    if (env.skip) {
      skip = env.skip;
      return;
    }
    for (const a of await demoArticles()) stored[a.outlet] = await ingest(env.baseURL, a);
    const context = await env.browser.newContext({ viewport: desktop, baseURL: env.baseURL, reducedMotion: 'reduce', acceptDownloads: true });
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

/** csvRows splits a CSV into records, minding quoted fields with line breaks. */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test('choosing filters shows the API URL, and the link downloads that file', async (t) => {
  if (skip) return t.skip(skip);
  const wire = stored['Sample Wire'];
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
  await page.waitForURL('**/exports');
  const url = page.getByLabel('API URL');
  assert.equal(await url.inputValue(), `${env.baseURL}/api/v1/exports/claims.csv`);

  // The outlet list comes from the API.
  await page.waitForFunction(() => document.querySelectorAll('#export-outlet option').length > 1);
  await page.getByLabel('Outlet', { exact: true }).selectOption('Sample Wire');
  await page.getByLabel('Published from').fill('2016-09-28');
  await page.getByLabel('Published before').fill('2016-09-29');
  const want = '/api/v1/exports/claims.csv?outlet=Sample+Wire&from=2016-09-28&to=2016-09-29';
  await page.waitForFunction((w) => document.querySelector('#export-url').value.endsWith(w), want);
  assert.equal(await url.inputValue(), env.baseURL + want);
  assert.equal(await page.locator('.export-command').textContent(),
    "crosscheck export --table claims --format csv --outlet 'Sample Wire' --from 2016-09-28 --to 2016-09-29 --out crosscheck-claims.csv");
  // The page's own address keeps the choice.
  assert.equal(new URL(page.url()).search, '?outlet=Sample+Wire&from=2016-09-28&to=2016-09-29');
  await shot(page, 'exports-desktop.png');

  const link = page.getByRole('link', { name: 'Download claims.csv' });
  assert.equal(await link.getAttribute('href'), want);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'crosscheck-claims.csv');
  const file = await readFile(await download.path(), 'utf8');

  // The same bytes as the API's, and one row per claim of the outlet's article.
  const direct = await (await fetch(env.baseURL + want)).text();
  assert.equal(file, direct);
  const rows = csvRows(file.trimEnd());
  const header = rows[0];
  for (const col of ['claim_id', 'article_id', 'outlet', 'kind', 'story_id']) assert.ok(header.includes(col), `header has ${col}: ${header.join(',')}`);
  const article = await api(env.baseURL, `/articles/${wire.id}`);
  assert.equal(rows.length - 1, article.claims.length, 'one row per claim of Sample Wire');
  const ids = rows.slice(1).map((r) => Number(r[header.indexOf('claim_id')])).sort((a, b) => a - b);
  assert.deepEqual(ids, article.claims.map((c) => c.id).sort((a, b) => a - b));
  assert.deepEqual(problems, []);
});

test('JSON-LD is of claims only; the reload keeps the choice; a story filter has no command', async (t) => {
  if (skip) return t.skip(skip);
  const { items } = await api(env.baseURL, '/stories');
  const story = items[0].id;
  await page.goto(`/exports?table=evidence&format=jsonl&bundle=1&story=${story}`);
  assert.equal(await page.getByLabel('API URL').inputValue(), `${env.baseURL}/api/v1/exports/evidence.jsonl.zip?story=${story}`);
  assert.ok(await page.locator('#export-table-evidence').isChecked());
  assert.ok(await page.getByLabel(/Bundle as a zip/).isChecked());
  assert.ok(await page.locator('.export-command').isHidden());

  await page.locator('#export-format').selectOption('annotations.jsonld');
  await page.waitForFunction(() => document.querySelector('#export-url').value.includes('claims.annotations.jsonld'));
  assert.ok(await page.locator('#export-table-evidence').isDisabled());
  assert.ok(await page.locator('#export-table-claims').isChecked());
  assert.ok(await page.getByLabel(/Bundle as a zip/).isDisabled());

  // The link's file is the API's: a JSON-LD collection of the story's claims.
  const href = await page.locator('a.export-download').getAttribute('href');
  assert.equal(href, `/api/v1/exports/claims.annotations.jsonld?story=${story}`);
  const body = await page.evaluate(async (h) => (await fetch(h)).json(), href);
  assert.ok(JSON.stringify(body['@context']).includes('anno.jsonld'), 'a web annotation collection');

  await page.reload();
  assert.equal(await page.getByLabel('API URL').inputValue(), `${env.baseURL}${href}`);

  const phonePage = await env.browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, baseURL: env.baseURL });
  await phonePage.goto('/exports?outlet=Press+TV&kind=direct');
  await phonePage.getByLabel('API URL').waitFor();
  await shot(phonePage, 'exports-phone.png', { fullPage: true });
  assert.ok(await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll on a phone');
  await phonePage.close();
  assert.deepEqual(problems, []);
});

test('a filter the server refuses is explained instead of downloaded', async (t) => {
  if (skip) return t.skip(skip);
  await page.goto('/exports?from=2016-10-01&to=2016-09-01');
  await page.locator('a.export-download').click();
  const alert = page.locator('.export-check [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /from must be before to/);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test('the history table has a row for a change made through the API', async (t) => {
  if (skip) return t.skip(skip);
  const wire = stored['Sample Wire'];
  const { claims } = await api(env.baseURL, `/articles/${wire.id}`);
  const target = claims[0];
  const changed = await api(env.baseURL, `/claims/${target.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ status: 'rejected', version: target.version }),
  });
  assert.equal(changed.status, 'rejected');

  await page.goto('/exports?outlet=Sample+Wire');
  await page.getByRole('radio', { name: /History: one row per recorded change/ }).check();
  const want = '/api/v1/exports/history.csv?outlet=Sample+Wire';
  await page.waitForFunction((w) => document.querySelector('#export-url').value.endsWith(w), want);
  assert.equal(new URL(page.url()).search, '?table=history&outlet=Sample+Wire');
  assert.equal(await page.locator('.export-command').textContent(),
    "crosscheck export --table history --format csv --outlet 'Sample Wire' --out crosscheck-history.csv");
  // JSON-LD is of claims: choosing it takes the history table away, and CSV gives it back.
  await page.locator('#export-format').selectOption('claimreview.jsonld');
  assert.ok(await page.locator('#export-table-history').isDisabled());
  await page.locator('#export-format').selectOption('csv');
  await page.getByRole('radio', { name: /History: one row per recorded change/ }).check();
  await page.waitForFunction((w) => document.querySelector('#export-url').value.endsWith(w), want);

  const link = page.getByRole('link', { name: 'Download history.csv' });
  assert.equal(await link.getAttribute('href'), want);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'crosscheck-history.csv');
  const rows = csvRows((await readFile(await download.path(), 'utf8')).trimEnd());
  const header = rows[0];
  assert.deepEqual(header, ['change_id', 'at', 'txid', 'actor_id', 'actor', 'actor_email', 'action', 'entity', 'entity_id', 'claim_id', 'before', 'after']);
  const col = (r, name) => r[header.indexOf(name)];
  const mine = rows.slice(1).filter((r) => col(r, 'entity') === 'claim' && Number(col(r, 'entity_id')) === target.id);
  assert.equal(mine.length, 1, `one change to claim ${target.id}: ${JSON.stringify(rows)}`);
  const row = mine[0];
  assert.equal(Number(col(row, 'claim_id')), target.id);
  assert.equal(JSON.parse(col(row, 'before')).status, 'unreviewed');
  assert.equal(JSON.parse(col(row, 'after')).status, 'rejected');
  assert.equal(col(row, 'actor_id'), '', 'an anonymous write has no actor');
  // Only the outlet's claims: every row is about a claim of Sample Wire.
  const ids = new Set(claims.map((c) => c.id));
  for (const r of rows.slice(1)) assert.ok(ids.has(Number(col(r, 'claim_id'))), `claim ${col(r, 'claim_id')} is Sample Wire's`);
  assert.deepEqual(problems, []);
});
