// Test data: the demo articles (the Press TV report and fictional reports of
// the same event by other outlets), stored through the API.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';

const demoDir = join(repoRoot, 'cmd', 'crosscheck', 'demo');

/** demoArticles lists the demo articles with their text. */
export async function demoArticles() {
  const list = JSON.parse(await readFile(join(demoDir, 'articles.json'), 'utf8'));
  return Promise.all(list.map(async (a) => ({ ...a, text: await readFile(join(demoDir, a.file), 'utf8') })));
}

/** ingest stores one article through the API and returns it with its claims. */
export async function ingest(baseURL, a) {
  const res = await fetch(`${baseURL}/api/v1/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: a.text, title: a.title, outlet: a.outlet, url: a.url, published_at: a.published_at }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`ingest ${a.title}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** api fetches JSON from the API and fails on any error status. */
export async function api(baseURL, path, init = {}) {
  const res = await fetch(`${baseURL}/api/v1${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body}`);
  return JSON.parse(body);
}
