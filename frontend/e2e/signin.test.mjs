// Accounts in the browser, against a server that does NOT let anonymous
// visitors write (reads stay open, as with `serve --demo`): a write sends
// the user to sign in and back; a wrong password and too many attempts say
// so; a reviewer's confirmation carries the session's CSRF token and the
// history names the reviewer; signing out works; a researcher is told their
// role cannot change claims.

import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { demoArticles } from './data.mjs';
import { addUser, desktop, phone, setup, shot, watchPage } from './server.mjs';

const rita = { email: 'r@example.org', role: 'reviewer', name: 'Rita', password: 'correct horse battery' };
const rex = { email: 'rex@example.org', role: 'researcher', name: 'Rex', password: 'researcher password' };

let env;
let skip = '';
let article;
let path = '';
let problems = [];
const contexts = [];

/** signInAPI signs in from Node and returns a fetch that sends the cookie and CSRF token. */
async function signInAPI(user) {
  const res = await fetch(`${env.baseURL}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  assert.equal(res.status, 200, `sign in ${user.email}: ${res.status}`);
  const doc = await res.json();
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (p, init = {}) => {
    const r = await fetch(`${env.baseURL}/api/v1${p}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': doc.csrf_token, ...(init.headers ?? {}) },
    });
    const body = await r.text();
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${r.status} ${body}`);
    return JSON.parse(body);
  };
  return { doc, call };
}

before(
  async () => {
    if (process.env.E2E_BASE_URL) {
      skip = 'needs its own server (it creates accounts and turns anonymous writes off)';
      return;
    }
    env = await setup('signin', { anonymousWrite: false, anonymousRead: true });
    if (env.skip) {
      skip = env.skip;
      return;
    }
    await addUser(env, rita);
    await addUser(env, rex);
    // Writes need an account now: store the article as Rita.
    const { call } = await signInAPI(rita);
    const [presstv] = await demoArticles();
    article = await call('/articles', {
      method: 'POST',
      body: JSON.stringify({ text: presstv.text, title: presstv.title, outlet: presstv.outlet, url: presstv.url, published_at: presstv.published_at }),
    });
    path = `/articles/${article.id}`;
  },
  { timeout: 300_000 },
);

beforeEach(() => {
  problems = [];
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await env?.stop?.();
});

async function newPage(viewport = desktop) {
  const context = await env.browser.newContext({ viewport, baseURL: env.baseURL, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  problems = watchPage(page);
  return page;
}

const api = (p) => fetch(`${env.baseURL}/api/v1${p}`).then((r) => r.json());
const selectedId = (page) => page.locator('.claim-list button[aria-current="true"]').getAttribute('data-claim').then(Number);

/** keys blurs whatever has focus so the page's shortcuts get the keys. */
async function keysToPage(page) {
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
}

async function openArticle(page) {
  await page.goto(path);
  await page.locator('.claim-list button').first().waitFor();
  await keysToPage(page);
}

async function fillSignIn(page, email, password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
}

test('a write sends a visitor to sign in; a wrong password says so; a reviewer confirms with the a key; the history names her; sign out', async (t) => {
  if (skip) return t.skip(skip);
  const page = await newPage();
  await openArticle(page);
  await page.locator('#account a', { hasText: 'Sign in' }).waitFor();

  // Confirming without an account: the server answers 401, the app sends us to sign in.
  await page.keyboard.press('j');
  const first = await selectedId(page);
  await page.keyboard.press('a');
  await page.waitForURL((u) => u.pathname === '/signin');
  const next = new URL(page.url()).searchParams.get('next');
  assert.ok(next?.startsWith(path), `next=${next} returns to the article`);
  await page.locator('.signin-why', { hasText: /sign in/i }).waitFor();
  assert.equal((await api(`/claims/${first}`)).status, 'unreviewed');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'signin-email', 'the email field has focus');
  await shot(page, 'signin-desktop.png');

  // A wrong password.
  await fillSignIn(page, rita.email, 'not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const error = page.locator('#signin-error');
  await error.filter({ hasText: 'Wrong email or password.' }).waitFor();
  assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
  await shot(page, 'signin-wrong-desktop.png');

  // The right one, by keyboard: Enter submits, and we are back on the article.
  await page.getByLabel('Password').fill(rita.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === path);
  await page.locator('#account .account-name', { hasText: 'Rita' }).waitFor();
  assert.match(await page.locator('#account').textContent(), /reviewer/);
  await page.locator('.claim-list button').first().waitFor();

  // Now the a key confirms: the write carries the session's CSRF token.
  await page.locator(`.claim-list button[data-claim="${first}"]`).click();
  await keysToPage(page);
  await page.keyboard.press('a');
  await page.locator(`.claim-list button[data-claim="${first}"][data-status="confirmed"]`).waitFor();
  assert.equal((await api(`/claims/${first}`)).status, 'confirmed');

  // The audit trail records Rita as the actor (the API gives her id) and the page names her.
  const me = await page.evaluate(() => fetch('/api/v1/session').then((r) => r.json()));
  assert.equal(me.user.email, rita.email);
  const history = (await api(`/claims/${first}/history`)).items;
  assert.equal(history.at(-1).actor_id, me.user.id);
  await page.locator(`.claim-list button[data-claim="${first}"]`).click();
  await page.locator('.last-change', { hasText: /confirmed by Rita \(you\)/ }).waitFor();
  await page.locator('.history summary').click();
  assert.match(await page.locator('.history-list').textContent(), /Rita \(you\): confirmed/);
  await shot(page, 'signin-reviewer-desktop.png');

  // Sign out: the session ends on the server too.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname === '/signin');
  await page.locator('.signin-why', { hasText: 'You have signed out.' }).waitFor();
  assert.equal(await page.evaluate(() => fetch('/api/v1/session').then((r) => r.status)), 401);
  await page.goto(path);
  await page.locator('#account a', { hasText: 'Sign in' }).waitFor();
  assert.deepEqual(problems, []);
});

test('a researcher is told their role cannot change claims', async (t) => {
  if (skip) return t.skip(skip);
  const page = await newPage();
  await page.goto(`/signin?next=${encodeURIComponent(path)}`);
  await fillSignIn(page, rex.email, rex.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === path);
  await page.locator('#account .account-role', { hasText: 'researcher' }).waitFor();
  await page.locator('.claim-list button').first().waitFor();
  await keysToPage(page);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const id = await selectedId(page);
  await page.keyboard.press('a');
  await page.locator('[role="alert"]', { hasText: 'Your role (researcher) cannot change claims.' }).waitFor();
  assert.equal(new URL(page.url()).pathname, path, 'a 403 does not send a signed-in user to sign in');
  assert.equal((await api(`/claims/${id}`)).status, 'unreviewed');
  await shot(page, 'signin-researcher-desktop.png');
  await page.setViewportSize(phone);
  await shot(page, 'signin-researcher-phone.png');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the header with the account fits a phone (${overflow}px)`);
  assert.deepEqual(problems, []);
});

test('too many failed sign-ins say how long to wait; the page fits a phone', async (t) => {
  if (skip) return t.skip(skip);
  const email = 'nobody@example.org';
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${env.baseURL}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'guess' }),
    });
    assert.equal(res.status, 401);
  }
  const page = await newPage(phone);
  await page.goto(`/signin?next=${encodeURIComponent(path)}`);
  await shot(page, 'signin-phone.png');
  await fillSignIn(page, email, 'guess again');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#signin-error', { hasText: /Too many failed sign-ins for this email\. Try again in \d+ seconds\./ }).waitFor();
  await shot(page, 'signin-throttled-phone.png');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px)`);
  assert.deepEqual(problems, []);
});
