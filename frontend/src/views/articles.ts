// The article list: newest first, a page at a time, with who each article
// is assigned to for review.

import { type Article, type Assignment, assignmentsByArticle, getSession, listArticles, listAssignments } from '../api';
import { append, h } from '../dom';
import { formatDate } from '../format';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';

const pageSize = 50;

export async function articlesView({ root, signal }: ViewContext): Promise<void> {
  document.title = 'Articles · Crosscheck';
  const status = h('p', { class: 'muted', role: 'status' }, 'Loading articles…');
  append(
    root,
    h('div', { class: 'page-head' }, h('h1', null, 'Articles'), h('a', { class: 'button', href: '/new' }, 'New article')),
    status,
  );

  const body = h('tbody');
  const table = h(
    'table',
    { class: 'articles' },
    h('caption', { class: 'visually-hidden' }, 'Stored articles, newest first'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Title'),
        h('th', { scope: 'col' }, 'Outlet'),
        h('th', { scope: 'col' }, 'Published'),
        h('th', { scope: 'col', class: 'num' }, 'Claims'),
        h('th', { scope: 'col' }, 'Assigned to'),
      ),
    ),
    body,
  );
  const more = h('button', { type: 'button', class: 'button secondary' }, 'Load more');
  let token = '';
  let shown = 0;

  async function load(): Promise<void> {
    more.disabled = true;
    try {
      const page = await listArticles({ pageSize, pageToken: token, signal });
      if (signal.aborted) return;
      const cells = new Map<number, HTMLElement>();
      for (const a of page.items) {
        const tr = row(a);
        cells.set(a.id, tr.querySelector<HTMLElement>('td.assignee')!);
        body.appendChild(tr);
      }
      void fillAssignees(page.items.map((a) => a.id), cells, signal);
      shown += page.items.length;
      token = page.next_page_token;
      status.remove();
      if (shown === 0) {
        append(
          root,
          h(
            'p',
            { class: 'empty' },
            'No articles yet. ',
            h('a', { href: '/new' }, 'Add the first one'),
            '.',
          ),
        );
        return;
      }
      if (!table.isConnected) root.appendChild(table);
      if (token) root.appendChild(more);
      else more.remove();
    } catch (err) {
      if (signal.aborted) return;
      status.remove();
      root.appendChild(problemBox(problemOf(err)));
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener('click', () => void load());
  await load();
}

/** fillAssignees writes who has each article into its row; the list stands without it. */
async function fillAssignees(ids: number[], cells: Map<number, HTMLElement>, signal: AbortSignal): Promise<void> {
  if (!ids.length) return;
  let list: Assignment[];
  try {
    list = await listAssignments({ articles: ids, signal });
  } catch {
    for (const td of cells.values()) td.textContent = '';
    return;
  }
  const me = (await getSession())?.user.id ?? null;
  const byArticle = assignmentsByArticle(list);
  for (const [id, td] of cells) {
    const a = byArticle.get(id);
    td.replaceChildren(
      a
        ? h('span', { class: a.assignee.id === me ? 'assignee is-mine' : 'assignee', title: a.assignee.email }, a.assignee.id === me ? `${a.assignee.name} (you)` : a.assignee.name)
        : h('span', { class: 'muted' }, '—'),
    );
  }
}

function row(a: Article): HTMLTableRowElement {
  const published = a.published_at
    ? h('time', { datetime: a.published_at }, formatDate(a.published_at))
    : h('span', { class: 'muted' }, '—');
  return h(
    'tr',
    null,
    h('td', { 'data-label': 'Title', class: 'title' }, h('a', { href: `/articles/${a.id}` }, a.title || `Article ${a.id}`)),
    h('td', { 'data-label': 'Outlet' }, a.outlet?.name || h('span', { class: 'muted' }, '—')),
    h('td', { 'data-label': 'Published' }, published),
    h('td', { 'data-label': 'Claims', class: 'num' }, a.claim_count ?? 0),
    h('td', { 'data-label': 'Assigned to', class: 'assignee' }),
  );
}
