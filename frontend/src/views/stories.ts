// Stories: the list of stories (one event as several outlets report it),
// and one story's comparison matrix of statements against outlets, with
// its articles and a way to move an article to another story.

import {
  type ComparedArticle,
  type Comparison,
  type Story,
  articleStory,
  getComparison,
  getSession,
  groupStories,
  listStories,
  moveArticle,
} from '../api';
import { append, h } from '../dom';
import { excerpt, formatDate } from '../format';
import { isKind, kindLabel } from '../kinds';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';
import { type MatrixCell, buildMatrix, claimHref, rowSummary, stateLabel, stateSymbol } from './matrix';

const pageSize = 50;

/** dateRange shows a story's first and last publication days. */
export function dateRange(first: string | null, last: string | null): string {
  const a = formatDate(first);
  const b = formatDate(last);
  if (!a && !b) return '';
  if (!a || !b || a === b) return a || b;
  return `${a} – ${b}`;
}

/**
 * canWrite: reviewers and admins may move articles and group stories;
 * anonymous visitors may try and the server decides. Waits for the session
 * when the page has just loaded.
 */
async function canWrite(): Promise<boolean> {
  return (await getSession())?.user.role !== 'researcher';
}

export async function storiesView({ root, signal, navigate }: ViewContext): Promise<void> {
  document.title = 'Stories · Crosscheck';
  const params = new URLSearchParams(location.search);
  const multi = params.get('min_outlets') === '2';
  const status = h('p', { class: 'muted', role: 'status' }, 'Loading stories…');
  const filter = h('input', { type: 'checkbox', id: 'stories-multi', checked: multi });
  filter.addEventListener('change', () => {
    const q = filter.checked ? '?min_outlets=2' : '';
    navigate(`/stories${q}`);
  });
  const writer = await canWrite();
  if (signal.aborted) return;
  const groupButton = h('button', { type: 'button', class: 'button secondary' }, 'Group new articles');
  const groupStatus = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  groupButton.addEventListener('click', () => {
    groupButton.disabled = true;
    groupStatus.replaceChildren('Grouping…');
    groupStories()
      .then((n) => {
        if (n === 0) {
          groupStatus.replaceChildren('Every article is already in a story.');
          return;
        }
        location.reload();
      })
      .catch((err: unknown) => groupStatus.replaceChildren(problemBox(problemOf(err))))
      .finally(() => (groupButton.disabled = false));
  });
  append(
    root,
    h('div', { class: 'page-head' }, h('h1', null, 'Stories'), writer ? groupButton : null),
    h(
      'p',
      { class: 'lede muted' },
      'A story is one event as several outlets report it. Open one to compare who reports, corroborates or contradicts each statement.',
    ),
    h('p', { class: 'stories-filter' }, filter, ' ', h('label', { for: filter.id }, 'Only stories reported by two or more outlets')),
    groupStatus,
    status,
  );

  const body = h('tbody');
  const table = h(
    'table',
    { class: 'articles stories' },
    h('caption', { class: 'visually-hidden' }, 'Stories, newest first'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Story'),
        h('th', { scope: 'col', class: 'num' }, 'Outlets'),
        h('th', { scope: 'col', class: 'num' }, 'Articles'),
        h('th', { scope: 'col' }, 'Published'),
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
      const page = await listStories({ pageSize, pageToken: token, signal, ...(multi ? { minOutlets: 2 } : {}) });
      if (signal.aborted) return;
      for (const s of page.items) body.appendChild(storyRow(s));
      shown += page.items.length;
      token = page.next_page_token;
      status.remove();
      if (shown === 0) {
        root.appendChild(
          h('p', { class: 'empty' }, multi ? 'No story is reported by two or more outlets yet.' : 'No stories yet: add articles and they are grouped into stories.'),
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

function storyRow(s: Story): HTMLTableRowElement {
  const dates = dateRange(s.first_published_at, s.last_published_at);
  return h(
    'tr',
    null,
    h(
      'td',
      { 'data-label': 'Story', class: 'title' },
      h('a', { href: `/stories/${s.id}` }, s.title || `Story ${s.id}`),
      s.entities.length ? h('span', { class: 'story-names muted' }, ` ${s.entities.slice(0, 4).join(', ')}`) : null,
    ),
    h('td', { 'data-label': 'Outlets', class: 'num' }, s.outlet_count),
    h('td', { 'data-label': 'Articles', class: 'num' }, s.article_count),
    h('td', { 'data-label': 'Published' }, dates || h('span', { class: 'muted' }, '—')),
  );
}

/** MovedState is the history state the story page gets after a move. */
export interface MovedState {
  moved?: { articleId: number; title: string; from: number };
}

export async function storyView({ root, params, signal, state, navigate }: ViewContext): Promise<void> {
  const id = Number(params[0]);
  document.title = 'Story · Crosscheck';
  const status = h('p', { class: 'muted', role: 'status' }, 'Loading the comparison…');
  root.appendChild(status);
  let cmp: Comparison;
  try {
    cmp = await getComparison(id, signal);
  } catch (err) {
    if (signal.aborted) return;
    status.remove();
    const p = problemOf(err);
    append(
      root,
      h('h1', null, p.status === 404 ? 'Story not found' : 'Could not load the story'),
      problemBox(p),
      h('p', null, h('a', { href: '/stories' }, 'See the stories')),
    );
    return;
  }
  if (signal.aborted) return;
  status.remove();
  const st = cmp.story;
  document.title = `${st.title || `Story ${st.id}`} · Crosscheck`;

  const meta: (Node | string)[] = [];
  const add = (...parts: (Node | string)[]) => {
    if (meta.length) meta.push(' · ');
    meta.push(h('span', { class: 'meta-item' }, ...parts));
  };
  add(`${st.outlet_count} outlet${st.outlet_count === 1 ? '' : 's'}`);
  add(`${st.article_count} article${st.article_count === 1 ? '' : 's'}`);
  const dates = dateRange(st.first_published_at, st.last_published_at);
  if (dates) add(dates);
  add(h('a', { href: `/exports?story=${st.id}` }, 'Export its claims'));
  append(
    root,
    h(
      'header',
      { class: 'article-head story-head' },
      h('p', { class: 'crumbs' }, h('a', { href: '/stories' }, '← Stories')),
      h('h1', null, st.title || `Story ${st.id}`),
      h('p', { class: 'meta' }, ...meta),
      st.entities.length
        ? h('p', { class: 'story-names muted' }, `Names: ${st.entities.slice(0, 12).join(', ')}${st.entities.length > 12 ? ', …' : ''}`)
        : null,
    ),
  );
  const moved = (state as MovedState | null)?.moved;
  if (moved) {
    root.appendChild(
      h(
        'p',
        { class: 'notice', role: 'status' },
        `Moved “${moved.title}” into this story. `,
        h('a', { href: `/stories/${moved.from}` }, 'Back to the story it left'),
        ' (if it still has articles).',
      ),
    );
  }

  // The articles first: a short list, and where a misplaced one is moved.
  root.appendChild(h('h2', { id: 'articles-heading' }, 'Articles in this story'));
  const list = h('ul', { class: 'story-articles', 'aria-labelledby': 'articles-heading' });
  root.appendChild(list);
  const writer = await canWrite();
  if (signal.aborted) return;
  const others = writer ? otherStories(id, signal) : null;
  for (const a of cmp.articles) list.appendChild(articleItem(a, id, others, navigate));

  root.appendChild(h('h2', { id: 'matrix-heading' }, 'Who reports what'));
  root.appendChild(legend());
  if (cmp.truncated) {
    root.appendChild(h('p', { class: 'notice warning' }, 'This story has more claims than the comparison groups; the matrix shows the first ones.'));
  }
  const matrix = matrixTable(cmp);
  const shared = h('input', { type: 'checkbox', id: 'matrix-shared' });
  shared.addEventListener('change', () => matrix.classList.toggle('only-shared', shared.checked));
  if (cmp.statements.length) {
    root.appendChild(
      h('p', { class: 'stories-filter' }, shared, ' ', h('label', { for: shared.id }, 'Only statements that two or more outlets carry or answer')),
    );
  }
  root.appendChild(matrix);
}

function legend(): HTMLElement {
  const states = ['reports', 'corroborates', 'contradicts', 'context', 'absent'] as const;
  return h(
    'div',
    { class: 'matrix-legend' },
    h(
      'ul',
      { 'aria-label': 'What the cells mean' },
      ...states.map((s) => h('li', null, h('span', { class: `cell-mark state-${s}`, 'aria-hidden': 'true' }, stateSymbol[s]), ` ${stateLabel[s]}`)),
    ),
    h(
      'p',
      { class: 'muted' },
      '“Reviewed” is a reviewer’s evidence link; “suggested” is the tool’s reading of the outlet’s wording, not yet reviewed. Open a statement to see every outlet that carried it.',
    ),
  );
}

function matrixTable(cmp: Comparison): HTMLElement {
  const m = buildMatrix(cmp);
  if (m.rows.length === 0) {
    return h('p', { class: 'empty' }, 'No claims in this story’s articles yet.');
  }
  const table = h(
    'table',
    { class: 'matrix' },
    h('caption', { class: 'visually-hidden' }, 'Statements (rows) against outlets (columns)'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'statement-col' }, 'Statement'),
        ...m.columns.map((o) =>
          h('th', { scope: 'col', 'data-outlet': o.id }, o.name, o.in_story ? null : h('span', { class: 'muted small' }, ' (evidence only)')),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      ...m.rows.map((r) =>
        h(
          'tr',
          { 'data-claim': r.claimId, 'data-single': r.cells.filter((c) => c.state !== 'absent').length < 2 },
          h(
            'th',
            { scope: 'row', class: 'statement-col' },
            h('a', { class: 'statement-link', href: `/statements/${r.claimId}` }, excerpt(r.text, 220)),
            h(
              'span',
              { class: 'statement-meta muted' },
              [r.speaker, isKind(r.kind) ? kindLabel[r.kind] : r.kind].filter(Boolean).join(' · '),
              h('br'),
              rowSummary(r),
            ),
          ),
          ...r.cells.map((c) => cellTd(c)),
        ),
      ),
    ),
  );
  return h('div', { class: 'matrix-scroll', role: 'region', 'aria-labelledby': 'matrix-heading', tabindex: 0 }, table);
}

function cellTd(c: MatrixCell): HTMLTableCellElement {
  const mark = h('span', { class: `cell-mark state-${c.state}`, 'aria-hidden': 'true' }, stateSymbol[c.state]);
  const words = h('span', { class: 'cell-label' }, c.label);
  const content =
    c.claimId !== null
      ? h('a', { href: claimHref(c.claimId, c.articleId), title: c.description }, mark, ' ', words)
      : h('span', { title: c.description }, mark, ' ', words);
  return h(
    'td',
    { class: `cell state-${c.state} source-${c.source}`, 'data-outlet': c.outletId, 'data-state': c.state, 'data-source': c.source },
    content,
    c.appearances > 1 ? h('span', { class: 'muted small' }, ` ×${c.appearances}`) : null,
    h('span', { class: 'visually-hidden' }, `: ${c.description}`),
  );
}

/** otherStories lists stories an article could move to (the newest 200). */
async function otherStories(current: number, signal: AbortSignal): Promise<Story[]> {
  const page = await listStories({ pageSize: 200, signal });
  return page.items.filter((s) => s.id !== current);
}

const newStoryValue = 'new';

/** articleItem is one of the story's articles; with others (the stories it could go to), a form to move it. */
function articleItem(a: ComparedArticle, storyId: number, others: Promise<Story[]> | null, navigate: ViewContext['navigate']): HTMLLIElement {
  const li = h(
    'li',
    { 'data-article': a.id },
    h('a', { class: 'title', href: `/articles/${a.id}` }, a.title || `Article ${a.id}`),
    h(
      'span',
      { class: 'muted' },
      ` ${a.outlet_name}`,
      a.published_at ? ' · ' : '',
      a.published_at ? h('time', { datetime: a.published_at }, formatDate(a.published_at)) : null,
    ),
  );
  if (!others) return li;
  const n = a.id;
  const select = h('select', { id: `move-${n}`, name: 'story' }, h('option', { value: '' }, 'Loading stories…'));
  select.disabled = true;
  const title = h('input', { type: 'text', id: `move-title-${n}`, autocomplete: 'off', value: a.title });
  const titleField = h('span', { class: 'field-inline', hidden: true }, h('label', { for: title.id }, 'New story’s title'), ' ', title);
  const button = h('button', { type: 'submit', class: 'button small' }, 'Move');
  const out = h('div', { class: 'move-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'move-form', 'aria-label': `Move “${a.title}” to another story` },
    h('label', { for: select.id }, 'Move to'),
    ' ',
    select,
    ' ',
    titleField,
    ' ',
    button,
    out,
  );
  const details = h('details', { class: 'move' }, h('summary', null, 'Move to another story'), form);
  li.appendChild(details);

  void others.then(
    (list) => {
      select.replaceChildren(
        h('option', { value: '' }, 'Choose a story…'),
        ...list.map((s) => h('option', { value: s.id }, `${s.title || `Story ${s.id}`} (${dateRange(s.first_published_at, s.last_published_at) || 'undated'})`)),
        h('option', { value: newStoryValue }, 'A new story…'),
      );
      select.disabled = false;
    },
    (err: unknown) => {
      select.replaceChildren(h('option', { value: newStoryValue }, 'A new story…'));
      select.disabled = false;
      out.replaceChildren(problemBox(problemOf(err)));
    },
  );
  select.addEventListener('change', () => {
    titleField.hidden = select.value !== newStoryValue;
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = select.value;
    if (!v) {
      out.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, 'Choose a story to move the article to.'));
      return;
    }
    const to = v === newStoryValue ? { new_story_title: title.value.trim() } : { story_id: Number(v) };
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    out.replaceChildren('Moving…');
    moveArticle(a.id, to)
      .then((target) => {
        const moved: MovedState = { moved: { articleId: a.id, title: a.title, from: storyId } };
        navigate(`/stories/${target}`, moved);
      })
      .catch((err: unknown) => out.replaceChildren(problemBox(problemOf(err))))
      .finally(() => {
        button.disabled = false;
        form.removeAttribute('aria-busy');
      });
  });
  return li;
}

/**
 * storyLinks is the line the article page shows under its header: the
 * article's story and a link to compare it. It fills itself in when the
 * story is known and stays empty for an article in no story.
 */
export function storyLinks(articleId: number, signal: AbortSignal): HTMLElement {
  const p = h('p', { class: 'story-link meta' });
  articleStory(articleId, signal)
    .then((s) => {
      if (!s || signal.aborted) return;
      append(
        p,
        'Story: ',
        h('a', { href: `/stories/${s.id}` }, s.title || `Story ${s.id}`),
        ` · ${s.outlet_count} outlet${s.outlet_count === 1 ? '' : 's'}, ${s.article_count} article${s.article_count === 1 ? '' : 's'}: compare who reports what`,
      );
    })
    .catch(() => {
      // The link is a convenience; the article page works without it.
    });
  return p;
}
