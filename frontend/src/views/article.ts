// One article: its text with every claim highlighted, the claim list beside
// it, and the selected claim's inspector: actions (confirm, reject, edit,
// speaker, split, merge, create, undo), its history and its evidence.
// Selecting a claim in the text or the list selects it everywhere. Every
// change is sent at once; a change made against a stale version opens the
// conflict dialog instead of overwriting. The selected claim's highlight has
// a handle at each end: drag one (or focus it and use the arrow keys) to
// change the content span. Under the title, the article's story (to compare
// outlets); above the text, who the article is assigned to. The selected
// claim links to its statement page: where else it was said.

import {
  type Article,
  type Claim,
  type ClaimChange,
  type Kind,
  createClaim,
  getArticle,
  getClaim,
  kinds,
  mergeClaims,
  patchClaim,
  splitClaim,
  undoClaim,
  claimHistory,
  currentUser,
  assignArticle,
  getSession,
  listAssignees,
  listAssignments,
  unassignArticle,
} from '../api';
import { append, clear, h } from '../dom';
import { actorName, describeChange, excerpt, formatDate, formatDateTime, percent, safeHref, speakerDetail, speakerName } from '../format';
import { type SpanEnd, edgeRect, moveEnd, offsetAtPoint, renderText, spanMismatches } from '../highlight';
import { isKind, kindClass, kindHelp, kindLabel, kindOrder } from '../kinds';
import { CodePoints } from '../offsets';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';
import { selectRange, selectionIn, trimSpan, wordStep } from '../textpos';
import { type ClaimView, conflictDialog, speakerDialog, viewOf } from './dialogs';
import { evidencePanel } from './evidence';
import { choiceQuery, defaultChoice } from './exports';
import type { ArticleState } from './new';
import { storyLinks } from './stories';

/** A span being chosen in the text with the keyboard or the mouse. */
interface Picker {
  /** range: a span; point: a place inside [lo, hi], shown as [lo, point). */
  mode: 'range' | 'point';
  start: number;
  end: number;
  lo: number;
  hi: number;
  what: string;
  apply: (start: number, end: number) => void;
}

function byPosition(a: Claim, b: Claim): number {
  return a.content.start - b.content.start || a.content.end - b.content.end || a.id - b.id;
}

const quoteStart = /^[“"‘'«„]/u;

export async function articleView({ root, params, signal, state, onHashChange }: ViewContext): Promise<void> {
  const id = Number(params[0]);
  // A link to #claim-12 of this article (or Back to one) selects that claim
  // without loading the article again. While it loads, the hash is read
  // once it is here (below).
  let ready = false;
  onHashChange((hash) => {
    const cid = claimFromHash(hash);
    if (ready && cid !== null) select(cid, { text: true, list: true });
  });
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
  const cp = new CodePoints(text);
  const points = Array.from(text);
  let claims = [...(article.claims ?? [])].sort(byPosition);

  const head = header(article, claims.length);
  head.appendChild(storyLinks(article.id, signal));
  append(root, head, assignControl(article.id, signal));
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

  const textBox = h('div', { class: 'article-text', lang: article.language || null, tabindex: -1 });
  const list = h('ol', { class: 'claim-list' });
  const claimsHeading = h('h2', { id: 'claims-heading' });
  const legendSlot = h('div', { class: 'legend-slot' });
  const help = helpDialog();
  const helpButton = h(
    'button',
    { type: 'button', class: 'link-button keys-button', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': 'Shift+?' },
    'Keyboard shortcuts',
  );
  helpButton.addEventListener('click', () => toggleHelp(help));

  // The inspector: the selected claim, its actions, history and evidence.
  const saveStatus = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const actionProblem = h('div', { class: 'action-problem' });
  const inspectorHeading = h('h2', { id: 'inspector-heading' }, 'No claim selected');
  const summary = h('div', { class: 'claim-summary' });
  const lastChange = h('p', { class: 'last-change muted' });
  const historyList = h('ol', { class: 'history-list' });
  const historySummary = h('summary', null, 'History');
  const historyBox = h('details', { class: 'history' }, historySummary, historyList, historyExport(article));
  const editPanel = h('div', { class: 'edit-panel', hidden: true });
  const evidence = evidencePanel({ announce });
  const speakerBox = speakerDialog();
  const conflict = conflictDialog();

  const buttons = {
    prev: actionButton('Previous', 'k', 'K'),
    next: actionButton('Next', 'j', 'J'),
    confirm: actionButton('Confirm', 'a', 'A', 'primary'),
    reject: actionButton('Reject', 'r', 'R', 'danger'),
    edit: actionButton('Edit', 'e', 'E'),
    speaker: actionButton('Speaker', 's', 'S'),
    split: actionButton('Split', 'x', 'X'),
    merge: actionButton('Merge with next', 'm', 'M'),
    create: actionButton('New claim from selection', 'c', 'C'),
    undo: actionButton('Undo', 'u', 'U Control+Z'),
  };
  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': 'Claim actions' },
    buttons.confirm,
    buttons.reject,
    buttons.edit,
    buttons.speaker,
    buttons.split,
    buttons.merge,
    buttons.create,
    buttons.undo,
    buttons.prev,
    buttons.next,
  );
  const inspector = h(
    'section',
    { class: 'inspector', 'aria-labelledby': 'inspector-heading' },
    inspectorHeading,
    summary,
    lastChange,
    toolbar,
    saveStatus,
    actionProblem,
    editPanel,
    historyBox,
    evidence.el,
  );

  const pickerText = h('span', { class: 'picker-text' });
  const pickerApply = h('button', { type: 'button', class: 'button small' }, 'Apply');
  const pickerCancel = h('button', { type: 'button', class: 'button small secondary' }, 'Cancel');
  const pickerBar = h(
    'div',
    { class: 'picker-bar', hidden: true, role: 'region', 'aria-label': 'Choosing text' },
    h('p', { class: 'picker-what' }),
    h(
      'p',
      { class: 'picker-keys' },
      h('kbd', null, '←'), h('kbd', null, '→'), ' move the end by a word · ',
      h('kbd', null, 'Shift'), '+', h('kbd', null, '←'), h('kbd', null, '→'), ' move the start · ',
      h('kbd', null, 'Alt'), ' by one character · or select with the mouse · ',
      h('kbd', null, 'Enter'), ' applies · ', h('kbd', null, 'Esc'), ' cancels',
    ),
    h('p', { class: 'picker-preview' }, pickerText),
    h('div', { class: 'picker-actions' }, pickerApply, pickerCancel),
  );

  append(
    root,
    h('div', { class: 'legend-bar' }, legendSlot, helpButton),
    h(
      'div',
      { class: 'article-layout' },
      h('section', { class: 'text-panel', 'aria-label': 'Article text' }, text ? textBox : h('p', { class: 'muted' }, 'This article has no text.')),
      h(
        'div',
        { class: 'side' },
        inspector,
        h('aside', { class: 'claims-panel', 'aria-labelledby': 'claims-heading' }, claimsHeading, list),
      ),
    ),
    pickerBar,
    help,
    speakerBox.el,
    conflict.el,
  );

  let selected: number | null = null;
  let picker: Picker | null = null;
  const undoStack: number[] = [];
  let busy = false;
  // While a change is being saved, keys that change claims wait; aria-busy
  // tells assistive technology (and the browser tests) so.
  const setBusy = (v: boolean): void => {
    busy = v;
    if (v) root.setAttribute('aria-busy', 'true');
    else root.removeAttribute('aria-busy');
  };
  let historyToken = 0;

  const find = (cid: number | null) => (cid === null ? undefined : claims.find((c) => c.id === cid));
  const indexOf = (cid: number | null) => claims.findIndex((c) => c.id === cid);

  function announce(msg: string): void {
    saveStatus.textContent = msg;
  }

  function renderAll(): void {
    // A re-render replaces the text's nodes; keep the reviewer's selection
    // across it, or a claim saved meanwhile would wipe a selection made to
    // act on.
    const kept = selectionIn(textBox, cp);
    clear(textBox);
    textBox.appendChild(renderText(text, claims));
    if (kept && kept.end > kept.start) selectRange(textBox, cp, kept.start, kept.end);
    for (const m of textBox.querySelectorAll<HTMLElement>('mark[data-claim]')) {
      const c = find(Number(m.dataset.claim));
      if (c && c.status !== 'unreviewed') m.classList.add(`status-${c.status}`);
    }
    clear(list);
    append(list, ...claims.map(claimItem));
    claimsHeading.textContent = `Claims (${claims.length})`;
    const reviewed = claims.filter((c) => c.status !== 'unreviewed').length;
    append(claimsHeading, h('span', { class: 'progress-note' }, ` · ${reviewed} reviewed`));
    clear(legendSlot);
    legendSlot.appendChild(legend(claims));
    if (!claims.length) list.appendChild(h('li', { class: 'muted' }, 'No claims were found in this article.'));
    placeHandles();
  }

  function upsert(items: Claim[]): void {
    for (const c of items) {
      if (c.article_id !== article.id) continue;
      const i = claims.findIndex((x) => x.id === c.id);
      if (i >= 0) claims[i] = c;
      else claims.push(c);
    }
    claims = claims.sort(byPosition);
    renderAll();
  }

  function select(claimId: number, scroll: { text: boolean; list: boolean }): void {
    // A change saved after the reader left the page must not touch the
    // address of the page they went to.
    if (signal.aborted || indexOf(claimId) < 0) return;
    const changed = selected !== claimId;
    for (const el of root.querySelectorAll('.is-selected, .is-cue, .is-mention')) {
      el.classList.remove('is-selected', 'is-cue', 'is-mention');
    }
    for (const el of list.querySelectorAll('[aria-current]')) el.removeAttribute('aria-current');
    selected = claimId;
    if (draft && draft.claim !== claimId) cancelDraft();

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
    renderInspector();
    placeHandles();
    if (changed) {
      editPanel.hidden = true;
      clear(actionProblem);
      void evidence.show(find(claimId) ?? null);
    }
  }

  /** reselect shows the selection again after the text and list were rebuilt. */
  function reselect(): void {
    if (selected !== null && indexOf(selected) >= 0) select(selected, { text: false, list: false });
    else renderInspector();
  }

  function renderInspector(): void {
    const c = find(selected);
    clear(summary);
    for (const b of Object.values(buttons)) b.disabled = !c;
    buttons.create.disabled = false;
    buttons.undo.disabled = !c && !undoStack.length;
    if (!c) {
      inspectorHeading.textContent = 'No claim selected';
      summary.appendChild(h('p', { class: 'muted' }, 'Press j to select the first claim, or click a highlight.'));
      lastChange.textContent = '';
      historyBox.hidden = true;
      return;
    }
    const kind = isKind(c.kind) ? kindLabel[c.kind] : String(c.kind);
    inspectorHeading.textContent = `Claim ${c.id}`;
    const detail = speakerDetail(c.speaker);
    append(
      summary,
      h(
        'p',
        { class: 'claim-top' },
        h('span', { class: `badge ${kindClass(c.kind)}` }, kind),
        h('span', { class: `status-badge status-${c.status}` }, statusLabel(c.status)),
        h('span', { class: 'confidence', title: 'Extractor confidence' }, percent(c.confidence)),
      ),
      h(
        'p',
        { class: 'speaker-line' },
        h('span', { class: 'label' }, 'Speaker: '),
        c.speaker ? h('a', { href: `/speakers/${c.speaker.id}`, class: 'speaker' }, c.speaker.name) : h('span', { class: 'speaker' }, speakerName(c)),
        detail ? h('span', { class: 'speaker-detail' }, ` — ${detail}`) : null,
      ),
      c.cue?.text ? h('p', { class: 'cue' }, 'Cue: ', h('q', null, c.cue.text)) : null,
      h('blockquote', { class: 'claim-content' }, excerpt(c.content.text ?? '', 400)),
      h(
        'p',
        { class: 'claim-statement' },
        h('a', { href: statementHref(c.id), class: 'claim-statement-link' }, 'Where else was this said'),
        h('span', { class: 'muted' }, ': every outlet that carried this statement'),
      ),
    );
    buttons.merge.disabled = !nextMergeable(c);
    void loadHistory(c);
  }

  async function loadHistory(c: Claim): Promise<void> {
    const token = ++historyToken;
    historyBox.hidden = false;
    try {
      const entries = await claimHistory(c.id, signal);
      if (token !== historyToken) return;
      clear(historyList);
      const last = entries[entries.length - 1];
      lastChange.textContent = last
        ? `Last change: ${describeChange(last.action, last.before, last.after)} by ${actorName(last.actor_id, currentUser(), last.actor_name)} · ${formatDateTime(last.at)}`
        : `Extracted by ${c.extractor_version || 'the extractor'} (system) · ${formatDateTime(c.created_at)}; not changed since`;
      historySummary.textContent = `History (${entries.length})`;
      append(
        historyList,
        ...[...entries].reverse().map((e) =>
          h('li', null, h('time', { datetime: e.at }, formatDateTime(e.at)), ` ${actorName(e.actor_id, currentUser(), e.actor_name)}: ${describeChange(e.action, e.before, e.after)}`),
        ),
        h('li', null, h('time', { datetime: c.created_at }, formatDateTime(c.created_at)), ` system: extracted (${c.extractor_version})`),
      );
    } catch (err) {
      if (signal.aborted || token !== historyToken) return;
      lastChange.textContent = `History unavailable: ${problemOf(err).title}`;
    }
  }

  function nextMergeable(c: Claim): Claim | undefined {
    return claims.slice(indexOf(c.id) + 1).find((o) => o.status !== 'rejected');
  }

  function showProblem(err: unknown): void {
    clear(actionProblem);
    const box = problemBox(problemOf(err));
    actionProblem.appendChild(box);
    box.scrollIntoView({ block: 'nearest' });
  }

  /** previewOf is a claim as a change would leave it, for the conflict dialog. */
  function previewOf(c: Claim, change: ClaimChange, speakerLabel?: string): ClaimView {
    const v = viewOf(c);
    if (change.status) v.status = change.status;
    if (change.kind) v.kind = kindLabel[change.kind];
    if (change.clear_speaker) v.speaker = '(none)';
    if (speakerLabel) v.speaker = speakerLabel;
    if (change.clear_cue) v.cue = '(none)';
    if (change.cue) v.cue = cp.slice(change.cue.start, change.cue.end);
    if (change.content) v.content = excerpt(cp.slice(change.content.start, change.content.end), 400);
    return v;
  }

  /**
   * act runs one change. On success the claims it returns replace the old
   * ones; on a 409 the conflict dialog shows both versions and, if the
   * reviewer asks, the change is made again against the saved version.
   */
  async function act(
    c: Claim,
    what: string,
    run: () => Promise<Claim[]>,
    mine: ClaimView,
    then?: (changed: Claim[]) => void,
  ): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    clear(actionProblem);
    announce(`Saving: ${what}…`);
    try {
      let changed: Claim[];
      try {
        changed = await run();
      } catch (err) {
        const p = problemOf(err);
        const current = p.current as Claim | undefined;
        if (p.status !== 409 || !current || typeof current !== 'object') throw err;
        upsert([current]);
        reselect();
        announce(`Not saved: claim ${current.id} was changed by someone else.`);
        const choice = await conflict.open(what, mine, current);
        if (choice === 'theirs') {
          announce(`Kept the saved version of claim ${current.id}; your change was dropped.`);
          return false;
        }
        changed = await run();
      }
      upsert(changed);
      undoStack.push(c.id);
      announce(`Saved: claim ${c.id} ${what}.`);
      reselect();
      then?.(changed);
      return true;
    } catch (err) {
      announce('');
      showProblem(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function patch(c: Claim, change: ClaimChange, what: string, speakerLabel?: string, then?: () => void): Promise<boolean> {
    return act(
      c,
      what,
      async () => [await patchClaim(c.id, find(c.id)?.version ?? c.version ?? 0, change)],
      previewOf(c, change, speakerLabel),
      then,
    );
  }

  function move(by: 1 | -1): void {
    if (!claims.length) return;
    const at = indexOf(selected);
    const to = by > 0 ? Math.min(at + 1, claims.length - 1) : at < 0 ? claims.length - 1 : Math.max(at - 1, 0);
    const claim = claims[to];
    if (claim) {
      select(claim.id, { text: true, list: true });
    }
  }

  async function setStatus(statusValue: 'confirmed' | 'rejected'): Promise<void> {
    const c = find(selected);
    if (!c) return;
    const ok = await patch(c, { status: statusValue }, statusValue);
    // Move on only from the claim just reviewed: the reader may have chosen
    // another one (a click, a link to #claim-N) while it was saved.
    if (ok && selected === c.id && indexOf(c.id) < claims.length - 1) move(1);
  }

  async function undo(): Promise<void> {
    const target = undoStack.length ? undoStack[undoStack.length - 1]! : selected;
    if (target === null || busy) return;
    setBusy(true);
    clear(actionProblem);
    try {
      const changed = await undoClaim(target);
      undoStack.pop();
      upsert(changed);
      select(target, { text: true, list: true });
      announce(`Undone: the last change to claim ${target}.`);
    } catch (err) {
      showProblem(err);
    } finally {
      setBusy(false);
    }
  }

  async function chooseSpeaker(): Promise<void> {
    const c = find(selected);
    if (!c) return;
    const choice = await speakerBox.open(c);
    if (!choice) return;
    if ('clear_speaker' in choice) await patch(c, { clear_speaker: true }, 'speaker removed');
    else if ('speaker_id' in choice) await patch(c, { speaker_id: choice.speaker_id }, `speaker ${choice.name}`, choice.name);
    else await patch(c, { speaker: choice.speaker }, `new speaker ${choice.speaker.name}`, choice.speaker.name);
    list.querySelector<HTMLElement>(`button[data-claim="${c.id}"]`)?.focus({ preventScroll: true });
  }

  async function merge(): Promise<void> {
    const c = find(selected);
    if (!c) return;
    const other = nextMergeable(c);
    if (!other) {
      announce('There is no later claim to merge with.');
      return;
    }
    const mine = viewOf(c);
    mine.content = excerpt(cp.slice(Math.min(c.content.start, other.content.start), Math.max(c.content.end, other.content.end)), 400);
    await act(
      c,
      `merged with claim ${other.id}`,
      async () => {
        const a = find(c.id) ?? c;
        const b = find(other.id) ?? other;
        const merged = await mergeClaims(a.id, a.version ?? 0, b.id, b.version ?? 0);
        return [merged, await getClaim(b.id)];
      },
      mine,
    );
  }

  function split(): void {
    const c = find(selected);
    if (!c) return;
    const { start, end } = c.content;
    const sel = selectionIn(textBox, cp);
    if (sel) {
      const at = sel.start > start && sel.start < end ? sel.start : sel.end > start && sel.end < end ? sel.end : null;
      if (at !== null) {
        doSplit(c, at);
        return;
      }
    }
    // No caret inside the claim: choose the place with the keyboard, from the middle.
    let at = wordStep(points, start + Math.floor((end - start) / 2), 1);
    if (at >= end) at = wordStep(points, end, -1);
    startPicker({ mode: 'point', start, end: at, lo: start, hi: end, what: `Split claim ${c.id}: the highlighted part becomes the first claim`, apply: (_s, e) => doSplit(c, e) });
  }

  function doSplit(c: Claim, at: number): void {
    const mine = viewOf(c);
    mine.content = `${excerpt(cp.slice(c.content.start, at), 200)} ‖ ${excerpt(cp.slice(at, c.content.end), 200)}`;
    void act(
      c,
      `split at ${at}`,
      async () => {
        const r = await splitClaim(c.id, find(c.id)?.version ?? c.version ?? 0, at);
        return [r.first, r.second];
      },
      mine,
    );
  }

  function guessKind(span: { start: number; end: number }): Kind {
    return quoteStart.test(cp.slice(span.start, span.end)) ? 'direct' : 'assertion';
  }

  function create(): void {
    const sel = selectionIn(textBox, cp);
    if (sel && sel.end > sel.start) {
      void doCreate(trimSpan(points, sel.start, sel.end));
      return;
    }
    const c = find(selected);
    const from = c ? c.content.end : 0;
    const s = wordStep(points, wordStep(points, from, 1), -1);
    const e = wordStep(points, s, 1);
    startPicker({ mode: 'range', start: s, end: e, lo: 0, hi: points.length, what: 'New claim: choose its text', apply: (a, b) => void doCreate({ start: a, end: b }) });
  }

  async function doCreate(span: { start: number; end: number }): Promise<void> {
    if (span.end <= span.start || busy) return;
    setBusy(true);
    clear(actionProblem);
    try {
      const kind = guessKind(span);
      const c = await createClaim(article.id, { kind, content: span });
      upsert([c]);
      undoStack.push(c.id);
      document.getSelection()?.removeAllRanges();
      select(c.id, { text: true, list: true });
      announce(`Saved: new claim ${c.id} (${kindLabel[kind]}). Set its kind with e and its speaker with s.`);
    } catch (err) {
      showProblem(err);
    } finally {
      setBusy(false);
    }
  }

  // ---- The picker: choosing a span in the text -------------------------

  function showPicker(): void {
    if (!picker) return;
    selectRange(textBox, cp, picker.start, picker.end);
    pickerBar.querySelector('.picker-what')!.textContent = picker.what;
    pickerText.textContent = picker.end > picker.start ? `“${excerpt(cp.slice(picker.start, picker.end), 300)}”` : '(nothing chosen yet)';
  }

  function startPicker(p: Picker): void {
    picker = p;
    cancelDraft();
    placeHandles(); // hidden while text is chosen another way
    pickerBar.hidden = false;
    document.body.classList.add('picking');
    textBox.focus({ preventScroll: true });
    showPicker();
    const m = textBox.querySelector('mark.is-selected');
    (m ?? textBox).scrollIntoView({ block: 'center' });
  }

  function endPicker(apply: boolean): void {
    const p = picker;
    picker = null;
    placeHandles();
    pickerBar.hidden = true;
    document.body.classList.remove('picking');
    document.getSelection()?.removeAllRanges();
    if (apply && p) {
      const span = p.mode === 'range' ? trimSpan(points, p.start, p.end) : { start: p.start, end: p.end };
      if (span.end > span.start || p.mode === 'point') p.apply(span.start, span.end);
    }
  }

  function pickerKey(ev: KeyboardEvent): void {
    const p = picker!;
    if (ev.key === 'Escape') {
      ev.preventDefault();
      endPicker(false);
      announce('Cancelled.');
      return;
    }
    if (ev.key === 'Enter') {
      ev.preventDefault();
      endPicker(true);
      return;
    }
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    ev.preventDefault();
    const dir = ev.key === 'ArrowRight' ? 1 : -1;
    const by = ev.altKey ? 'char' : 'word';
    if (p.mode === 'point') {
      p.end = Math.min(Math.max(wordStep(points, p.end, dir, by), p.lo + 1), p.hi - 1);
    } else if (ev.shiftKey) {
      p.start = Math.min(wordStep(points, p.start, dir, by), p.end - 1);
      if (dir > 0) p.start = trimSpan(points, p.start, p.end).start;
      p.start = Math.max(p.start, p.lo);
    } else {
      p.end = Math.max(wordStep(points, p.end, dir, by), p.start + 1);
      p.end = Math.min(p.end, p.hi);
    }
    showPicker();
  }

  pickerApply.addEventListener('click', () => endPicker(true));
  pickerCancel.addEventListener('click', () => endPicker(false));
  document.addEventListener(
    'selectionchange',
    () => {
      if (!picker) return;
      const sel = selectionIn(textBox, cp);
      if (!sel) return;
      if (picker.mode === 'range' && sel.end > sel.start) {
        picker.start = sel.start;
        picker.end = sel.end;
      } else if (picker.mode === 'point' && sel.end > picker.lo && sel.end < picker.hi && sel.start === sel.end) {
        picker.end = sel.end;
      } else return;
      pickerText.textContent = `“${excerpt(cp.slice(picker.start, picker.end), 300)}”`;
    },
    { signal },
  );

  // ---- The edit panel: kind, content span, cue, speaker mention --------

  function openEdit(): void {
    const c = find(selected);
    if (!c) return;
    if (!editPanel.hidden) {
      editPanel.hidden = true;
      buttons.edit.focus();
      return;
    }
    renderEdit(c);
    editPanel.hidden = false;
    editPanel.querySelector<HTMLElement>('select')?.focus();
  }

  function renderEdit(c: Claim): void {
    clear(editPanel);
    const kindSelect = h(
      'select',
      { id: 'edit-kind' },
      ...kinds.map((k) => h('option', { value: k, selected: k === c.kind }, kindLabel[k])),
    );
    kindSelect.addEventListener('change', () => {
      const k = kindSelect.value;
      if (isKind(k) && k !== find(c.id)?.kind) void patch(find(c.id) ?? c, { kind: k }, `kind ${kindLabel[k]}`, undefined, () => editPanel.querySelector<HTMLElement>('#edit-kind')?.focus());
    });
    const fromSelection = (fallback: { start: number; end: number }) => {
      const sel = selectionIn(textBox, cp);
      return sel && sel.end > sel.start ? sel : fallback;
    };
    const spanButton = h('button', { type: 'button', class: 'button small secondary' }, 'Change content span');
    spanButton.addEventListener('click', () => {
      const cur = find(c.id) ?? c;
      const init = fromSelection(cur.content);
      startPicker({ mode: 'range', ...init, lo: 0, hi: points.length, what: `Content of claim ${c.id}`, apply: (s, e) => void patch(find(c.id) ?? c, { content: { start: s, end: e } }, 'content span') });
    });
    const cueButton = h('button', { type: 'button', class: 'button small secondary' }, c.cue ? 'Change cue' : 'Set cue');
    cueButton.addEventListener('click', () => {
      const cur = find(c.id) ?? c;
      const before = wordStep(points, cur.content.start, -1);
      const init = fromSelection(cur.cue ?? { start: before, end: wordStep(points, before, 1) });
      startPicker({ mode: 'range', ...init, lo: 0, hi: points.length, what: `Cue of claim ${c.id} (the verb of saying)`, apply: (s, e) => void patch(find(c.id) ?? c, { cue: { start: s, end: e } }, 'cue') });
    });
    const clearCue = h('button', { type: 'button', class: 'button small secondary', disabled: !c.cue }, 'Remove cue');
    clearCue.addEventListener('click', () => void patch(find(c.id) ?? c, { clear_cue: true }, 'cue removed'));
    const mentionButton = h('button', { type: 'button', class: 'button small secondary', disabled: !c.speaker }, 'Change speaker mention');
    mentionButton.addEventListener('click', () => {
      const cur = find(c.id) ?? c;
      const init = fromSelection(cur.speaker?.mention ?? { start: cur.content.start, end: wordStep(points, cur.content.start, 1) });
      startPicker({ mode: 'range', ...init, lo: 0, hi: points.length, what: `Where the text names the speaker of claim ${c.id}`, apply: (s, e) => void patch(find(c.id) ?? c, { mention: { start: s, end: e } }, 'speaker mention') });
    });
    const close = h('button', { type: 'button', class: 'link-button' }, 'Close editing');
    close.addEventListener('click', () => {
      editPanel.hidden = true;
      buttons.edit.focus();
    });
    // These act on the text selection: pressing them must not take it away.
    for (const b of [spanButton, cueButton, mentionButton]) b.addEventListener('mousedown', (ev) => ev.preventDefault());
    append(
      editPanel,
      h('h3', null, `Edit claim ${c.id}`),
      h('p', { class: 'hint' }, 'Changes are saved as you make them. Select text with the mouse first to use it, or choose it with the arrow keys.'),
      h('div', { class: 'field inline-field' }, h('label', { for: 'edit-kind' }, 'Kind'), kindSelect),
      h('div', { class: 'edit-row' }, h('span', { class: 'label' }, 'Content: '), h('q', null, excerpt(c.content.text, 120)), ' ', spanButton),
      h('div', { class: 'edit-row' }, h('span', { class: 'label' }, 'Cue: '), c.cue ? h('q', null, c.cue.text) : h('span', { class: 'muted' }, 'none'), ' ', cueButton, ' ', clearCue),
      h('div', { class: 'edit-row' }, h('span', { class: 'label' }, 'Speaker mention: '), c.speaker?.mention ? h('q', null, c.speaker.mention.text) : h('span', { class: 'muted' }, 'none'), ' ', mentionButton),
      close,
    );
  }
  editPanel.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      editPanel.hidden = true;
      buttons.edit.focus();
    }
  });

  // ---- Handles: drag the ends of the selected claim's content span -----

  const handles: Record<SpanEnd, HTMLElement> = { start: spanHandle('start'), end: spanHandle('end') };
  /** The span the handles show while being moved, before it is saved; null shows the claim as saved. */
  let draft: { claim: number; start: number; end: number } | null = null;
  let dragging = false;
  let justDragged = false;

  function shownSpan(c: Claim): { start: number; end: number } {
    return draft && draft.claim === c.id ? draft : c.content;
  }

  /** placeHandles puts the handles at the ends of the selected claim's span (or the span being chosen). */
  function placeHandles(): void {
    const c = find(selected);
    const show = !!c && !!text && !picker && currentUser()?.role !== 'researcher';
    for (const which of ['start', 'end'] as const) {
      const el = handles[which];
      if (!show || !c) {
        el.hidden = true;
        continue;
      }
      if (el.parentNode !== textBox) textBox.appendChild(el);
      const span = shownSpan(c);
      const at = span[which];
      const r = edgeRect(textBox, cp, at, which);
      if (!r) {
        el.hidden = true;
        continue;
      }
      el.hidden = false;
      el.style.left = `${r.left}px`;
      el.style.top = `${r.top}px`;
      el.style.height = `${r.height}px`;
      el.setAttribute('aria-label', `${which === 'start' ? 'Start' : 'End'} of claim ${c.id}`);
      el.setAttribute('aria-valuemin', '0');
      el.setAttribute('aria-valuemax', String(cp.length));
      el.setAttribute('aria-valuenow', String(at));
      el.setAttribute(
        'aria-valuetext',
        which === 'start'
          ? `starts at “${excerpt(cp.slice(at, Math.min(span.end, at + 60)), 40)}”`
          : `ends with “${excerpt(cp.slice(Math.max(span.start, at - 40), at), 40)}”`,
      );
    }
  }

  /** setDraft moves one end of the selected claim's span, shown but not saved yet. */
  function setDraft(c: Claim, which: SpanEnd, pos: number): void {
    const next = moveEnd(shownSpan(c), which, pos, cp.length);
    draft = { claim: c.id, ...next };
    textBox.classList.add('span-editing');
    selectRange(textBox, cp, next.start, next.end);
    placeHandles();
  }

  function cancelDraft(): void {
    if (!draft) return;
    draft = null;
    textBox.classList.remove('span-editing');
    document.getSelection()?.removeAllRanges();
    placeHandles();
  }

  async function saveDraft(): Promise<void> {
    const d = draft;
    const c = find(d?.claim ?? null);
    if (!d || !c) return;
    const span = trimSpan(points, d.start, d.end);
    if (span.end <= span.start || (span.start === c.content.start && span.end === c.content.end)) {
      cancelDraft();
      return;
    }
    const refocus = (['start', 'end'] as const).find((w) => document.activeElement === handles[w]);
    cancelDraft();
    await patch(c, { content: span }, 'content span');
    if (refocus) handles[refocus].focus({ preventScroll: true });
  }

  for (const which of ['start', 'end'] as const) {
    const el = handles[which];
    el.addEventListener('pointerdown', (ev) => {
      const c = find(selected);
      if (ev.button !== 0 || busy || !c) return;
      ev.preventDefault();
      el.focus({ preventScroll: true });
      // Where the text is read: the handle's line, wherever on the handle
      // it was grabbed.
      const r = el.getBoundingClientRect();
      const dx = ev.clientX - (r.left + r.width / 2);
      const dy = ev.clientY - (r.top + r.height / 2);
      const pointer = ev.pointerId;
      const stop = new AbortController();
      dragging = true;
      textBox.classList.add('span-dragging');
      const end = (e: PointerEvent) => {
        if (e.pointerId !== pointer) return;
        stop.abort();
        dragging = false;
        textBox.classList.remove('span-dragging');
        justDragged = true;
        setTimeout(() => (justDragged = false), 0);
        if (e.type === 'pointercancel') cancelDraft();
        else void saveDraft();
      };
      document.addEventListener(
        'pointermove',
        (e) => {
          if (e.pointerId !== pointer) return;
          e.preventDefault();
          const pos = offsetAtPoint(textBox, cp, e.clientX - dx, e.clientY - dy);
          const cur = find(c.id);
          if (pos !== null && cur) setDraft(cur, which, pos);
        },
        { signal: stop.signal },
      );
      document.addEventListener('pointerup', end, { signal: stop.signal });
      document.addEventListener('pointercancel', end, { signal: stop.signal });
      signal.addEventListener('abort', () => stop.abort(), { signal: stop.signal });
    });
    el.addEventListener('keydown', (ev) => {
      const c = find(selected);
      if (!c || ev.ctrlKey || ev.metaKey) return;
      if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight') {
        ev.preventDefault();
        const dir = ev.key === 'ArrowRight' ? 1 : -1;
        const span = shownSpan(c);
        let pos = wordStep(points, span[which], dir, ev.altKey ? 'char' : 'word');
        // By word, an end lands beside a word, not on the space next to it.
        if (!ev.altKey && which === 'start' && dir > 0) pos = trimSpan(points, pos, span.end).start;
        if (!ev.altKey && which === 'end' && dir < 0) pos = trimSpan(points, span.start, pos).end;
        setDraft(c, which, pos);
        announce(`Claim ${c.id}: ${el.getAttribute('aria-valuetext') ?? ''}. Enter saves, Escape cancels.`);
      } else if (ev.key === 'Enter') {
        ev.preventDefault();
        void saveDraft();
      } else if (ev.key === 'Escape' && draft) {
        ev.preventDefault();
        cancelDraft();
        announce('Span change cancelled.');
      }
    });
    el.addEventListener('blur', (ev) => {
      // Moving between the two handles keeps the change being made.
      if (!dragging && !Object.values(handles).includes(ev.relatedTarget as HTMLElement)) cancelDraft();
    });
  }
  // The handles follow the text when it reflows.
  const reflow = new ResizeObserver(() => {
    if (!dragging) placeHandles();
  });
  reflow.observe(textBox);
  signal.addEventListener('abort', () => reflow.disconnect());

  // ---- Wiring -----------------------------------------------------------

  buttons.prev.addEventListener('click', () => move(-1));
  buttons.next.addEventListener('click', () => move(1));
  buttons.confirm.addEventListener('click', () => void setStatus('confirmed'));
  buttons.reject.addEventListener('click', () => void setStatus('rejected'));
  buttons.edit.addEventListener('click', openEdit);
  buttons.speaker.addEventListener('click', () => void chooseSpeaker());
  buttons.split.addEventListener('click', split);
  buttons.merge.addEventListener('click', () => void merge());
  buttons.create.addEventListener('click', create);
  buttons.undo.addEventListener('click', () => void undo());
  // Buttons that act on the text selection must not take it away on press.
  for (const b of [buttons.create, buttons.split]) b.addEventListener('mousedown', (ev) => ev.preventDefault());

  list.addEventListener('click', (ev) => {
    const button = (ev.target as Element).closest<HTMLButtonElement>('button[data-claim]');
    if (button) select(Number(button.dataset.claim), { text: true, list: false });
  });

  textBox.addEventListener('click', (ev) => {
    if (picker) return;
    // The end of a drag of a span handle is no click on a claim.
    if (justDragged || (ev.target as Element).closest('.span-handle')) return;
    // Selecting text to act on it is not a click on a claim.
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed) return;
    const mark = (ev.target as Element).closest<HTMLElement>('mark[data-claims]');
    if (!mark) return;
    // Where claims overlap, clicking again moves to the next claim covering the spot.
    const ids = (mark.dataset.claims ?? '').split(' ').map(Number);
    const at = selected === null ? -1 : ids.indexOf(selected);
    const next = ids[(at + 1) % ids.length];
    if (next !== undefined) select(next, { text: false, list: true });
  });

  const anyDialogOpen = () => [help, speakerBox.el, conflict.el].some((d) => d.open);

  document.addEventListener(
    'keydown',
    (ev) => {
      if (ev.defaultPrevented) return;
      if (picker) {
        pickerKey(ev);
        return;
      }
      if (typing(ev.target)) return;
      if (anyDialogOpen()) {
        if (help.open && ev.key === '?') {
          ev.preventDefault();
          help.close();
        }
        return;
      }
      if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey && ev.key.toLowerCase() === 'z') {
        ev.preventDefault();
        void undo();
        return;
      }
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === '?') {
        ev.preventDefault();
        toggleHelp(help);
        return;
      }
      if (help.open) return;
      if (evidence.key(ev)) return;
      const keyed: Record<string, () => void> = {
        j: () => {
          move(1);
          focusSelectedItem();
        },
        k: () => {
          move(-1);
          focusSelectedItem();
        },
        a: () => void setStatus('confirmed'),
        r: () => void setStatus('rejected'),
        e: openEdit,
        s: () => void chooseSpeaker(),
        x: split,
        m: () => void merge(),
        c: create,
        u: () => void undo(),
      };
      const fn = keyed[ev.key];
      if (!fn) return;
      if (ev.key !== 'c' && ev.key !== 'u' && ev.key !== 'j' && ev.key !== 'k' && selected === null) return;
      ev.preventDefault();
      fn();
    },
    { signal },
  );

  function focusSelectedItem(): void {
    if (selected === null) return;
    list.querySelector<HTMLElement>(`button[data-claim="${selected}"]`)?.focus({ preventScroll: true });
  }

  renderAll();
  renderInspector();
  // A link to #claim-12 opens with that claim selected.
  const fromHash = claimFromHash(location.hash);
  if (fromHash !== null) select(fromHash, { text: true, list: true });
  ready = true;
}

/** claimFromHash reads the claim a location hash names (#claim-12), or null. */
export function claimFromHash(hash: string): number | null {
  const m = /^#claim-(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** statementHref is a claim's statement page: every outlet that carried it. */
export function statementHref(claimId: number): string {
  return `/statements/${claimId}`;
}

/**
 * historyExportHref is the export page set to the change history of the
 * claims of an outlet, or of all claims when the outlet is unknown.
 */
export function historyExportHref(outlet: string | undefined): string {
  return `/exports${choiceQuery({ ...defaultChoice(), table: 'history', outlet: outlet ?? '' })}`;
}

/** historyExport is the history panel's way to the whole history of the outlet's claims, as a file. */
function historyExport(a: Article): HTMLElement {
  const outlet = a.outlet?.name;
  return h(
    'p',
    { class: 'history-export' },
    h('a', { href: historyExportHref(outlet) }, outlet ? `Export the history of every ${outlet} claim` : 'Export the history of every claim'),
  );
}

function spanHandle(which: SpanEnd): HTMLElement {
  return h('span', {
    class: `span-handle span-${which}`,
    role: 'slider',
    tabindex: 0,
    hidden: true,
    'aria-orientation': 'horizontal',
    'aria-keyshortcuts': 'ArrowLeft ArrowRight Alt+ArrowLeft Alt+ArrowRight Enter Escape',
    title: `Drag to move the ${which} of the claim, or use the arrow keys (Alt: by a character) and Enter`,
  });
}

/**
 * assignControl shows who the article is assigned to for review and lets a
 * signed-in reviewer give it to themselves or someone else. Anyone else (a
 * researcher, a visitor) sees who has it, read-only.
 */
function assignControl(articleId: number, signal: AbortSignal): HTMLElement {
  const select = h('select', { id: 'article-assignee', disabled: true }, h('option', { value: '' }, 'Nobody'));
  const mine = h('button', { type: 'button', class: 'button small secondary', hidden: true }, 'Assign to me');
  const status = h('span', { class: 'assign-status', role: 'status', 'aria-live': 'polite' });
  const box = h('div', { class: 'assign-control' }, h('label', { for: select.id }, 'Assigned to'), select, mine, status);
  let current: number | null = null;
  let me: number | null = null;

  const settle = () => {
    select.value = current === null ? '' : String(current);
    mine.hidden = me === null || current === me;
  };

  async function load(): Promise<void> {
    const session = await getSession();
    // Only reviewers and admins hand out work. Not asking otherwise matters:
    // a visitor who is not signed in would be sent to sign in by the 401.
    const mayAssign = session?.user.role === 'reviewer' || session?.user.role === 'admin';
    const [list, people] = await Promise.all([
      listAssignments({ articles: [articleId], signal }),
      mayAssign ? listAssignees(signal).catch(() => null) : Promise.resolve(null),
    ]);
    me = session?.user.id ?? null;
    const a = list[0];
    current = a?.assignee.id ?? null;
    if (!people) {
      box.replaceChildren(h('span', { class: 'label' }, 'Assigned to: '), h('span', { class: 'assignee' }, a ? a.assignee.name : 'nobody'));
      return;
    }
    if (a && !people.some((p) => p.id === a.assignee.id)) people.push(a.assignee);
    append(select, ...people.map((p) => h('option', { value: p.id }, p.id === me ? `${p.name} (you)` : p.name)));
    select.disabled = false;
    settle();
  }

  async function assign(userId: number | null): Promise<void> {
    select.disabled = true;
    mine.disabled = true;
    status.textContent = 'Saving…';
    try {
      if (userId === null) {
        await unassignArticle(articleId);
        status.textContent = 'Saved: nobody has this article now.';
      } else {
        const a = await assignArticle(articleId, userId);
        status.textContent = `Saved: assigned to ${a.assignee.id === me ? 'you' : a.assignee.name}.`;
      }
      current = userId;
    } catch (err) {
      const p = problemOf(err);
      status.textContent = `Not saved: ${p.detail || p.title}`;
    } finally {
      select.disabled = false;
      mine.disabled = false;
      settle();
    }
  }

  select.addEventListener('change', () => void assign(select.value ? Number(select.value) : null));
  mine.addEventListener('click', () => {
    if (me !== null) void assign(me);
  });
  load().catch((err: unknown) => {
    if (!signal.aborted) status.textContent = `Assignment unavailable: ${problemOf(err).title}`;
  });
  return box;
}

function actionButton(label: string, key: string, shortcut: string, tone?: 'primary' | 'danger'): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: `button small ${tone ?? 'secondary'} action`, 'aria-keyshortcuts': shortcut },
    label,
    h('kbd', { 'aria-hidden': 'true' }, key),
  );
}

function statusLabel(s: string): string {
  return s === 'unreviewed' ? 'Unreviewed' : s === 'confirmed' ? 'Confirmed' : s === 'rejected' ? 'Rejected' : s === 'edited' ? 'Edited' : s;
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
      { type: 'button', class: `claim ${kindClass(c.kind)} status-${c.status}`, 'data-claim': c.id, 'data-status': c.status, id: `claim-${c.id}` },
      h(
        'span',
        { class: 'claim-top' },
        h('span', { class: `badge ${kindClass(c.kind)}` }, kind),
        h('span', { class: 'confidence', title: 'Extractor confidence' }, percent(c.confidence)),
        h('span', { class: `status status-${c.status}` }, statusLabel(c.status)),
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
    ['a', 'Confirm the claim and go to the next'],
    ['r', 'Reject the claim and go to the next'],
    ['e', 'Edit kind, content span, cue, speaker mention'],
    ['s', 'Choose or create the speaker'],
    ['x', 'Split the claim at the caret (or choose where)'],
    ['m', 'Merge with the next claim'],
    ['c', 'New claim from the selected text (or choose it)'],
    ['u', 'Undo the last change (also Ctrl+Z)'],
    ['1', 'Link the active passage as corroborating'],
    ['2', 'Link the active passage as conflicting'],
    ['3', 'Link the active passage as context'],
    ['[ ]', 'Previous / next suggested passage'],
    ['/', 'Search other articles'],
    ['← →', 'While choosing text: move the end by a word (Shift: the start; Alt: by a character)'],
    ['Enter', 'While choosing text: apply'],
    ['← → Enter', 'On a handle at either end of the selected claim: move that end by a word (Alt: a character), then save'],
    ['?', 'Show or hide this list'],
    ['Esc', 'Close this list, a dialog, or stop choosing text'],
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
  if (!textScrolled) {
    // The panel sits below the inspector: bring its bottom on screen first
    // (the side column is sticky, so it stays there while the page scrolls).
    const below = panel.getBoundingClientRect().bottom - window.innerHeight;
    if (below > 0) window.scrollBy({ top: below, behavior: 'auto' });
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
