// One article: its text with every claim highlighted, and the claim list
// beside it. Selecting a claim in either place selects it in both.

import { type Article, type Claim, getArticle } from '../api';
import { append, h } from '../dom';
import { excerpt, formatDate, percent, safeHref, speakerDetail, speakerName } from '../format';
import { renderText, spanMismatches } from '../highlight';
import { isKind, kindClass, kindHelp, kindLabel, kindOrder } from '../kinds';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';
import type { ArticleState } from './new';

export async function articleView({ root, params, signal, state }: ViewContext): Promise<void> {
  const id = Number(params[0]);
  document.title = 'Article · Crosscheck';
  const status = h('p', { class: 'muted', role: 'status' }, 'Loading article…');
  root.appendChild(status);

  let article: Article;
  try {
    article = await getArticle(id, signal);
  } catch (err) {
    if (signal.aborted) return;
    status.remove();
    const p = problemOf(err);
    append(
      root,
      h('h1', null, p.status === 404 ? 'Article not found' : 'Could not load the article'),
      problemBox(p),
      h('p', null, h('a', { href: '/' }, 'Back to the articles')),
    );
    return;
  }
  if (signal.aborted) return;
  status.remove();
  document.title = `${article.title || `Article ${article.id}`} · Crosscheck`;

  const text = article.text ?? '';
  const claims = [...(article.claims ?? [])].sort(
    (a, b) => a.content.start - b.content.start || a.content.end - b.content.end || a.id - b.id,
  );

  append(root, header(article, claims.length));
  if ((state as ArticleState | null)?.duplicate) {
    root.appendChild(
      h('p', { class: 'notice', role: 'status' }, 'This text was already stored, so nothing new was added: here is the stored article.'),
    );
  }
  const mismatched = spanMismatches(text, claims);
  if (mismatched.length) {
    root.appendChild(
      h(
        'p',
        { class: 'notice warning' },
        `${mismatched.length} claim${mismatched.length === 1 ? '' : 's'} point at text that differs from the claim’s own copy (claim ${mismatched.map((c) => c.id).join(', ')}).`,
      ),
    );
  }

  const textBox = h('div', { class: 'article-text', lang: article.language || null }, renderText(text, claims));
  const list = h('ol', { class: 'claim-list' }, ...claims.map(claimItem));
  const help = helpDialog();
  const helpButton = h(
    'button',
    { type: 'button', class: 'link-button keys-button', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': 'Shift+?' },
    'Keyboard shortcuts',
  );
  helpButton.addEventListener('click', () => toggleHelp(help));

  append(
    root,
    h('div', { class: 'legend-bar' }, legend(claims), helpButton),
    h(
      'div',
      { class: 'article-layout' },
      h('section', { class: 'text-panel', 'aria-label': 'Article text' }, text ? textBox : h('p', { class: 'muted' }, 'This article has no text.')),
      h(
        'aside',
        { class: 'claims-panel', 'aria-labelledby': 'claims-heading' },
        h('h2', { id: 'claims-heading' }, `Claims (${claims.length})`),
        claims.length ? list : h('p', { class: 'muted' }, 'No claims were found in this article.'),
      ),
    ),
    help,
  );

  // Selection: one claim at a time, shown in the list and in the text.
  let selected: number | null = null;
  const index = new Map(claims.map((c, i) => [c.id, i]));

  function select(claimId: number, scroll: { text: boolean; list: boolean }): void {
    if (!index.has(claimId)) return;
    for (const el of root.querySelectorAll('.is-selected, .is-cue, .is-mention')) {
      el.classList.remove('is-selected', 'is-cue', 'is-mention');
    }
    for (const el of list.querySelectorAll('[aria-current]')) el.removeAttribute('aria-current');
    selected = claimId;

    const marks = textBox.querySelectorAll<HTMLElement>(`mark[data-claims~="${claimId}"]`);
    for (const m of marks) m.classList.add('is-selected');
    for (const el of textBox.querySelectorAll(`[data-cue~="${claimId}"]`)) el.classList.add('is-cue');
    for (const el of textBox.querySelectorAll(`[data-mention~="${claimId}"]`)) el.classList.add('is-mention');
    const item = list.querySelector<HTMLElement>(`button[data-claim="${claimId}"]`);
    item?.setAttribute('aria-current', 'true');

    const behavior: ScrollBehavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    if (scroll.text) marks[0]?.scrollIntoView({ block: 'center', behavior });
    if (scroll.list && item) scrollWithin(item, behavior, scroll.text);
    history.replaceState(history.state, '', `#claim-${claimId}`);
  }

  list.addEventListener('click', (ev) => {
    const button = (ev.target as Element).closest<HTMLButtonElement>('button[data-claim]');
    if (button) select(Number(button.dataset.claim), { text: true, list: false });
  });

  textBox.addEventListener('click', (ev) => {
    const mark = (ev.target as Element).closest<HTMLElement>('mark[data-claims]');
    if (!mark) return;
    // Where claims overlap, clicking again moves to the next claim covering the spot.
    const ids = (mark.dataset.claims ?? '').split(' ').map(Number);
    const at = selected === null ? -1 : ids.indexOf(selected);
    const next = ids[(at + 1) % ids.length];
    if (next !== undefined) select(next, { text: false, list: true });
  });

  document.addEventListener(
    'keydown',
    (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
      if (ev.key === '?') {
        ev.preventDefault();
        toggleHelp(help);
        return;
      }
      if (help.open || !claims.length) return;
      if (ev.key === 'j' || ev.key === 'k') {
        ev.preventDefault();
        const at = selected === null ? -1 : index.get(selected)!;
        const to =
          ev.key === 'j'
            ? Math.min(at + 1, claims.length - 1)
            : at < 0
              ? claims.length - 1
              : Math.max(at - 1, 0);
        const claim = claims[to];
        if (claim) {
          select(claim.id, { text: true, list: true });
          list.querySelector<HTMLElement>(`button[data-claim="${claim.id}"]`)?.focus({ preventScroll: true });
        }
      }
    },
    { signal },
  );

  // A link to #claim-12 opens with that claim selected.
  const fromHash = /^#claim-(\d+)$/.exec(location.hash);
  if (fromHash) select(Number(fromHash[1]), { text: true, list: true });
}

function header(a: Article, claimCount: number): HTMLElement {
  const href = safeHref(a.url);
  const meta: (Node | string)[] = [];
  const add = (...parts: (Node | string)[]) => {
    if (meta.length) meta.push(' · ');
    meta.push(h('span', { class: 'meta-item' }, ...parts));
  };
  if (a.outlet?.name) meta.push(h('span', { class: 'outlet' }, a.outlet.name));
  if (a.byline) add(a.byline);
  if (a.published_at) add('Published ', h('time', { datetime: a.published_at }, formatDate(a.published_at)));
  add(`${claimCount} claim${claimCount === 1 ? '' : 's'}`);
  if (href) add(h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original'));
  return h(
    'header',
    { class: 'article-head' },
    h('p', { class: 'crumbs' }, h('a', { href: '/' }, '← Articles')),
    h('h1', null, a.title || `Article ${a.id}`),
    h('p', { class: 'meta' }, ...meta),
  );
}

function legend(claims: readonly Claim[]): HTMLElement {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Claim kinds' },
    ...kindOrder.map((k) =>
      h(
        'li',
        { title: kindHelp[k] },
        h('mark', { class: `hl swatch ${kindClass(k)}`, 'aria-hidden': 'true' }, 'Aa'),
        ` ${kindLabel[k]}`,
        h('span', { class: 'count' }, ` ${counts.get(k) ?? 0}`),
      ),
    ),
  );
}

function claimItem(c: Claim): HTMLLIElement {
  const detail = speakerDetail(c.speaker);
  const kind = isKind(c.kind) ? kindLabel[c.kind] : String(c.kind);
  return h(
    'li',
    null,
    h(
      'button',
      { type: 'button', class: `claim ${kindClass(c.kind)}`, 'data-claim': c.id, id: `claim-${c.id}` },
      h(
        'span',
        { class: 'claim-top' },
        h('span', { class: `badge ${kindClass(c.kind)}` }, kind),
        h('span', { class: 'confidence', title: 'Extractor confidence' }, percent(c.confidence)),
        c.status && c.status !== 'unreviewed' ? h('span', { class: `status status-${c.status}` }, c.status) : null,
      ),
      h('span', { class: 'speaker' }, speakerName(c)),
      detail ? h('span', { class: 'speaker-detail' }, detail) : null,
      c.cue?.text ? h('span', { class: 'cue' }, 'Cue: ', h('q', null, c.cue.text)) : null,
      h('span', { class: 'content' }, excerpt(c.content.text ?? '', 180)),
    ),
  );
}

function helpDialog(): HTMLDialogElement {
  const keys: [string, string][] = [
    ['j', 'Next claim'],
    ['k', 'Previous claim'],
    ['?', 'Show or hide this list'],
    ['Esc', 'Close this list'],
  ];
  const close = h('button', { type: 'button', class: 'button secondary' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'help', 'aria-labelledby': 'help-heading' },
    h('h2', { id: 'help-heading' }, 'Keyboard shortcuts'),
    h('dl', { class: 'keys' }, ...keys.flatMap(([k, what]) => [h('dt', null, h('kbd', null, k)), h('dd', null, what)])),
    h('p', { class: 'muted' }, 'Click a highlight to select its claim; click again where claims overlap to move to the next one.'),
    close,
  );
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the box) closes the dialog.
  dialog.addEventListener('click', (ev) => {
    if (ev.target === dialog) {
      const r = dialog.getBoundingClientRect();
      const inside = ev.clientX >= r.left && ev.clientX <= r.right && ev.clientY >= r.top && ev.clientY <= r.bottom;
      if (!inside) dialog.close();
    }
  });
  return dialog;
}

function toggleHelp(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close();
  else dialog.showModal();
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/**
 * scrollWithin brings a claim into view. On wide screens the claim panel
 * scrolls on its own: it is scrolled so the item sits a third of the way down
 * the part of the panel on screen, and the page moves only by what the panel
 * cannot (when the panel's top is still below the fold). The page itself is
 * never moved when textScrolled: the highlight just scrolled to wins.
 */
function scrollWithin(item: HTMLElement, behavior: ScrollBehavior, textScrolled: boolean): void {
  const panel = item.closest<HTMLElement>('.claims-panel');
  if (!panel || panel.scrollHeight <= panel.clientHeight + 1 || getComputedStyle(panel).overflowY === 'visible') {
    if (!textScrolled) item.scrollIntoView({ block: 'nearest', behavior });
    return;
  }
  const pr = panel.getBoundingClientRect();
  const heading = panel.querySelector('h2')?.getBoundingClientRect().height ?? 0;
  const top = Math.max(pr.top, 0) + heading;
  const bottom = Math.min(pr.bottom, window.innerHeight);
  const ir = item.getBoundingClientRect();
  if (ir.top >= top && ir.bottom <= bottom) return;
  const want = ir.top - (top + Math.max(0, (bottom - top - ir.height) / 3));
  const room = want > 0 ? panel.scrollHeight - panel.clientHeight - panel.scrollTop : -panel.scrollTop;
  const byPanel = want > 0 ? Math.min(want, room) : Math.max(want, room);
  panel.scrollBy({ top: byPanel, behavior });
  const rest = want - byPanel;
  if (!textScrolled && Math.abs(rest) > 1) {
    window.scrollBy({ top: rest, behavior });
  }
}
