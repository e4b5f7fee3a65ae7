// One statement and every outlet that carried it: the same quote reported
// by several outlets is one statement with several appearances.

import { type Statement, type StatementAppearance, getStatement } from '../api';
import { append, h } from '../dom';
import { formatDate, percent } from '../format';
import { isKind, kindLabel } from '../kinds';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';
import { claimHref } from './matrix';

/** outletsOf groups a statement's appearances by outlet, in the order they come (the claim asked about first). */
export function outletsOf(st: Statement): { outletId: number; outletName: string; appearances: StatementAppearance[] }[] {
  const out: { outletId: number; outletName: string; appearances: StatementAppearance[] }[] = [];
  const at = new Map<number, number>();
  for (const a of st.appearances) {
    let i = at.get(a.outlet_id);
    if (i === undefined) {
      i = out.length;
      at.set(a.outlet_id, i);
      out.push({ outletId: a.outlet_id, outletName: a.outlet_name, appearances: [] });
    }
    out[i]!.appearances.push(a);
  }
  return out;
}

export async function statementView({ root, params, signal }: ViewContext): Promise<void> {
  const id = Number(params[0]);
  document.title = 'Statement · Crosscheck';
  const status = h('p', { class: 'muted', role: 'status' }, 'Loading the statement…');
  root.appendChild(status);
  let st: Statement;
  try {
    st = await getStatement(id, signal);
  } catch (err) {
    if (signal.aborted) return;
    status.remove();
    const p = problemOf(err);
    append(root, h('h1', null, p.status === 404 ? 'Statement not found' : 'Could not load the statement'), problemBox(p));
    return;
  }
  if (signal.aborted) return;
  status.remove();
  const groups = outletsOf(st);
  const first = st.appearances[0];
  document.title = `Statement ${st.claim_id} · Crosscheck`;
  append(
    root,
    h(
      'header',
      { class: 'article-head' },
      h('p', { class: 'crumbs' }, first ? h('a', { href: claimHref(st.claim_id, first.article_id) }, '← The claim in its article') : h('a', { href: '/stories' }, '← Stories')),
      h('h1', null, 'Statement'),
      h('blockquote', { class: 'statement-text' }, st.text),
      h(
        'p',
        { class: 'meta' },
        `Carried by ${st.outlets} outlet${st.outlets === 1 ? '' : 's'}, ${st.appearances.length} appearance${st.appearances.length === 1 ? '' : 's'}. `,
        h('span', { class: 'muted' }, 'Appearances are claims whose text is alike this one (trigram similarity of at least 50%).'),
      ),
    ),
  );
  const body = h('tbody');
  for (const g of groups) {
    g.appearances.forEach((a, i) => {
      body.appendChild(
        h(
          'tr',
          { 'data-outlet': a.outlet_id, 'data-claim': a.claim_id },
          h('td', { 'data-label': 'Outlet', class: i === 0 ? 'outlet' : 'outlet repeat' }, g.outletName),
          h(
            'td',
            { 'data-label': 'Article', class: 'title' },
            h('a', { href: claimHref(a.claim_id, a.article_id) }, a.article_title || `Article ${a.article_id}`),
            a.claim_id === st.claim_id ? h('span', { class: 'this-claim' }, ' (this claim)') : null,
          ),
          h('td', { 'data-label': 'Published' }, a.published_at ? h('time', { datetime: a.published_at }, formatDate(a.published_at)) : h('span', { class: 'muted' }, '—')),
          h('td', { 'data-label': 'Speaker' }, a.speaker || h('span', { class: 'muted' }, 'nobody named')),
          h('td', { 'data-label': 'Kind' }, isKind(a.kind) ? kindLabel[a.kind] : a.kind),
          h('td', { 'data-label': 'Wording', class: 'wording' }, a.content.text),
          h('td', { 'data-label': 'Alike', class: 'num' }, percent(a.similarity)),
        ),
      );
    });
  }
  root.appendChild(
    h(
      'table',
      { class: 'articles appearances' },
      h('caption', { class: 'visually-hidden' }, 'Every outlet that carried the statement'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Outlet'),
          h('th', { scope: 'col' }, 'Article'),
          h('th', { scope: 'col' }, 'Published'),
          h('th', { scope: 'col' }, 'Speaker'),
          h('th', { scope: 'col' }, 'Kind'),
          h('th', { scope: 'col' }, 'Wording'),
          h('th', { scope: 'col', class: 'num' }, 'Alike'),
        ),
      ),
      body,
    ),
  );
}
