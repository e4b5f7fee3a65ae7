// The review queue: the next unreviewed claim across articles, with the
// paragraph around it, its article and outlet, filters and progress. One key
// confirms (a) or rejects (r) and moves on; n skips. The claim's evidence
// panel is here too, so a claim can be linked and confirmed in one place.
// The claims of articles assigned to the signed-in reviewer come first (the
// server orders the queue); the card says whose article a claim is in.

import {
  type Article,
  type Assignee,
  type Claim,
  type OutletCount,
  type QueueArticle,
  type QueueFilters,
  type QueueProgress,
  type Speaker,
  type Story,
  findSpeakers,
  getSession,
  getArticle,
  kinds,
  listOutlets,
  listStories,
  nextInQueue,
  patchClaim,
} from '../api';
import { append, clear, h } from '../dom';
import { formatDate, percent, speakerDetail, speakerName } from '../format';
import { isKind, kindClass, kindLabel } from '../kinds';
import { CodePoints } from '../offsets';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';
import { lineAround } from '../textpos';
import { conflictDialog, viewOf } from './dialogs';
import { evidencePanel } from './evidence';

function filterFromURL(): QueueFilters {
  const q = new URLSearchParams(location.search);
  const num = (k: string) => (q.get(k) && Number.isFinite(Number(q.get(k))) ? Number(q.get(k)) : undefined);
  const kind = q.get('kind') ?? '';
  return { outlet: num('outlet'), speaker: num('speaker'), kind: isKind(kind) ? kind : undefined, story: num('story') };
}

/** assigneeText says whose an article is, from the reviewer's point of view. */
export function assigneeText(a: Assignee | null | undefined, me: number | null): string {
  if (!a) return 'Not assigned';
  return a.id === me ? 'Assigned to you' : `Assigned to ${a.name}`;
}

/** mineText is the signed-in reviewer's part of the queue in words, empty when they have none. */
export function mineText(p: QueueProgress): string {
  return p.mine && p.mine.total ? `assigned to you: ${p.mine.reviewed} of ${p.mine.total} reviewed` : '';
}

export async function reviewView({ root, signal }: ViewContext): Promise<void> {
  document.title = 'Review queue · Crosscheck';
  const filter = filterFromURL();

  const outletSelect = h('select', { id: 'filter-outlet' }, h('option', { value: '' }, 'All outlets'));
  const speakerSelect = h('select', { id: 'filter-speaker' }, h('option', { value: '' }, 'All speakers'));
  const storySelect = h('select', { id: 'filter-story' }, h('option', { value: '' }, 'All stories'));
  const kindSelect = h(
    'select',
    { id: 'filter-kind' },
    h('option', { value: '' }, 'All kinds'),
    ...kinds.map((k) => h('option', { value: k, selected: filter.kind === k }, kindLabel[k])),
  );
  const filters = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter the queue' },
    h('div', { class: 'field' }, h('label', { for: outletSelect.id }, 'Outlet'), outletSelect),
    h('div', { class: 'field' }, h('label', { for: speakerSelect.id }, 'Speaker'), speakerSelect),
    h('div', { class: 'field' }, h('label', { for: kindSelect.id }, 'Kind'), kindSelect),
    h('div', { class: 'field' }, h('label', { for: storySelect.id }, 'Story'), storySelect),
  );
  const progressText = h('span', { class: 'progress-text' });
  const progressMine = h('span', { class: 'progress-mine' });
  const progressBar = h('progress', { max: 1, value: 0, 'aria-hidden': 'true' });
  const progressBox = h('p', { class: 'queue-progress', role: 'status' }, progressText, progressMine, progressBar);
  const card = h('section', { class: 'queue-card', 'aria-labelledby': 'queue-claim-heading' });
  const saveStatus = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const problemArea = h('div');
  const evidence = evidencePanel({ announce: (m) => (saveStatus.textContent = m), headingLevel: 'h2' });
  const conflict = conflictDialog();

  const confirmButton = button('Confirm and next', 'a', 'primary');
  const rejectButton = button('Reject and next', 'r', 'danger');
  const skipButton = button('Skip', 'n', 'secondary');
  const actions = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Review actions' }, confirmButton, rejectButton, skipButton);

  append(
    root,
    h('div', { class: 'page-head' }, h('h1', null, 'Review queue'), progressBox),
    filters,
    h(
      'div',
      { class: 'queue-layout' },
      h('div', { class: 'queue-main' }, card, actions, saveStatus, problemArea),
      h('div', { class: 'queue-evidence' }, evidence.el),
    ),
    conflict.el,
  );

  const articles = new Map<number, Promise<Article>>();
  const articleOf = (id: number) => {
    let p = articles.get(id);
    if (!p) {
      p = getArticle(id, signal);
      articles.set(id, p);
      p.catch(() => articles.delete(id));
    }
    return p;
  };

  let current: Claim | null = null;
  let currentArticle: QueueArticle | null = null;
  let busy = false;

  void Promise.all([
    listOutlets(signal).catch(() => [] as OutletCount[]),
    findSpeakers('', signal).catch(() => [] as Speaker[]),
    listStories({ pageSize: 500, signal }).then(
      (p) => p.items,
      () => [] as Story[],
    ),
  ]).then(
    ([outlets, speakers, stories]) => {
      append(storySelect, ...stories.map((st) => h('option', { value: st.id, selected: filter.story === st.id }, storyLabel(st))));
      append(outletSelect, ...outlets.map((o) => h('option', { value: o.id, selected: filter.outlet === o.id }, o.name)));
      append(
        speakerSelect,
        ...speakers
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((s) => h('option', { value: s.id, selected: filter.speaker === s.id }, s.name)),
      );
    },
  );

  filters.addEventListener('change', () => {
    filter.outlet = outletSelect.value ? Number(outletSelect.value) : undefined;
    filter.speaker = speakerSelect.value ? Number(speakerSelect.value) : undefined;
    filter.kind = kindSelect.value || undefined;
    filter.story = storySelect.value ? Number(storySelect.value) : undefined;
    const q = new URLSearchParams();
    if (filter.outlet) q.set('outlet', String(filter.outlet));
    if (filter.speaker) q.set('speaker', String(filter.speaker));
    if (filter.kind) q.set('kind', filter.kind);
    if (filter.story) q.set('story', String(filter.story));
    history.replaceState(null, '', `/review${q.size ? `?${q}` : ''}`);
    void load(undefined);
  });
  filters.addEventListener('submit', (ev) => ev.preventDefault());

  function showProgress(p: QueueProgress): void {
    progressText.textContent = `${p.reviewed} of ${p.total} reviewed`;
    const mine = mineText(p);
    progressMine.textContent = mine ? ` · ${mine}` : '';
    progressBar.max = Math.max(p.total, 1);
    progressBar.value = p.reviewed;
  }

  // Filters may change while a load is on its way: only the latest one shows.
  let loads = 0;

  async function load(after: number | undefined): Promise<void> {
    const token = ++loads;
    clear(problemArea);
    try {
      let r = await nextInQueue({ ...filter, after }, signal);
      // Past the end after skipping: start again from the first one left.
      if (!r.claim && after !== undefined && r.progress.reviewed < r.progress.total) r = await nextInQueue(filter, signal);
      if (signal.aborted || token !== loads) return;
      showProgress(r.progress);
      current = r.claim;
      currentArticle = r.article;
      await renderCard(r.claim, r.progress);
      if (token !== loads) return;
      void evidence.show(r.claim);
    } catch (err) {
      if (signal.aborted || token !== loads) return;
      problemArea.appendChild(problemBox(problemOf(err)));
    }
  }

  async function renderCard(c: Claim | null, p: QueueProgress): Promise<void> {
    clear(card);
    for (const b of [confirmButton, rejectButton, skipButton]) b.disabled = !c;
    if (!c) {
      append(
        card,
        h('h2', { id: 'queue-claim-heading' }, p.total ? 'All reviewed' : 'Nothing to review'),
        h('p', null, p.total ? `Every claim in this queue is reviewed (${p.reviewed} of ${p.total}).` : 'No claims match these filters.'),
      );
      return;
    }
    let a: Article | null = null;
    try {
      a = await articleOf(c.article_id);
    } catch {
      a = null;
    }
    const me = (await getSession())?.user.id ?? null;
    if (current !== c) return;
    const kind = isKind(c.kind) ? kindLabel[c.kind] : String(c.kind);
    const detail = speakerDetail(c.speaker);
    append(
      card,
      h(
        'p',
        { class: 'queue-source' },
        h('strong', { class: 'outlet' }, a?.outlet?.name ?? 'Unknown outlet'),
        a?.published_at ? ` · ${formatDate(a.published_at)}` : '',
        ' · ',
        h('a', { href: `/articles/${c.article_id}#claim-${c.id}` }, a?.title || `Article ${c.article_id}`),
      ),
      assigneeLine(currentArticle?.id === c.article_id ? currentArticle.assignee : null, me),
      h(
        'h2',
        { id: 'queue-claim-heading' },
        c.speaker ? h('a', { href: `/speakers/${c.speaker.id}` }, c.speaker.name) : speakerName(c),
        detail ? h('span', { class: 'speaker-detail' }, ` — ${detail}`) : null,
      ),
      h(
        'p',
        { class: 'claim-top' },
        h('span', { class: `badge ${kindClass(c.kind)}` }, kind),
        h('span', { class: 'confidence', title: 'Extractor confidence' }, percent(c.confidence)),
        c.cue?.text ? h('span', { class: 'cue' }, 'Cue: ', h('q', null, c.cue.text)) : null,
        h('span', { class: 'muted' }, `Claim ${c.id}`),
      ),
      context(a, c),
    );
  }

  function context(a: Article | null, c: Claim): HTMLElement {
    if (!a?.text) return h('blockquote', { class: 'queue-context' }, h('mark', { class: `hl is-selected ${kindClass(c.kind)}` }, c.content.text));
    const cp = new CodePoints(a.text);
    const points = Array.from(a.text);
    const para = lineAround(points, c.content.start, c.content.end);
    const s = Math.min(para.start, c.content.start);
    const e = Math.max(para.end, c.content.end);
    return h(
      'blockquote',
      { class: 'queue-context', lang: a.language || null },
      cp.slice(s, c.content.start),
      h('mark', { class: `hl is-selected ${kindClass(c.kind)}` }, cp.slice(c.content.start, c.content.end)),
      cp.slice(c.content.end, e),
    );
  }

  async function decide(status: 'confirmed' | 'rejected'): Promise<void> {
    const c = current;
    if (!c || busy) return;
    busy = true;
    clear(problemArea);
    try {
      try {
        await patchClaim(c.id, c.version ?? 0, { status });
      } catch (err) {
        const p = problemOf(err);
        const now = p.current as Claim | undefined;
        if (p.status !== 409 || !now) throw err;
        const mine = viewOf(c);
        mine.status = status;
        const choice = await conflict.open(status, mine, now);
        if (choice === 'theirs') {
          saveStatus.textContent = `Kept the saved version of claim ${c.id}.`;
          await load(c.id);
          return;
        }
        await patchClaim(c.id, now.version ?? 0, { status });
      }
      saveStatus.textContent = `Saved: claim ${c.id} ${status}.`;
      await load(c.id);
    } catch (err) {
      problemArea.appendChild(problemBox(problemOf(err)));
    } finally {
      busy = false;
    }
  }

  confirmButton.addEventListener('click', () => void decide('confirmed'));
  rejectButton.addEventListener('click', () => void decide('rejected'));
  skipButton.addEventListener('click', () => {
    if (current) {
      saveStatus.textContent = `Skipped claim ${current.id}.`;
      void load(current.id);
    }
  });

  document.addEventListener(
    'keydown',
    (ev) => {
      if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const t = ev.target;
      if (t instanceof HTMLElement && (t.isContentEditable || t.matches('input, textarea, select'))) return;
      if (conflict.el.open) return;
      if (evidence.key(ev)) return;
      if (ev.key === 'a' || ev.key === 'r' || ev.key === 'n') {
        ev.preventDefault();
        if (ev.key === 'a') confirmButton.click();
        else if (ev.key === 'r') rejectButton.click();
        else skipButton.click();
      }
    },
    { signal },
  );

  await load(undefined);
}

function assigneeLine(a: Assignee | null, me: number | null): HTMLElement {
  return h('p', { class: `queue-assignee${a ? (a.id === me ? ' is-mine' : '') : ' is-open'}` }, assigneeText(a, me));
}

function storyLabel(st: Story): string {
  const t = st.title.length > 80 ? `${st.title.slice(0, 79)}…` : st.title;
  return `${t} (${st.article_count} article${st.article_count === 1 ? '' : 's'})`;
}

function button(label: string, key: string, tone: string): HTMLButtonElement {
  return h('button', { type: 'button', class: `button ${tone}`, 'aria-keyshortcuts': key }, label, h('kbd', { 'aria-hidden': 'true' }, key));
}
