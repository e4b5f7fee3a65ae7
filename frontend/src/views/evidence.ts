// The evidence panel for one claim: the links it has (stance, outlet,
// passage, who, when), the passages other outlets' reports suggest with
// their score and reason, and a search over other articles. 1, 2 and 3 link
// the active suggestion or search result as corroborating, conflicting or
// context; [ and ] move between them; / goes to the search box.

import {
  type Candidate,
  type Claim,
  type Evidence,
  type Stance,
  candidates,
  linkEvidence,
  listEvidence,
  patchEvidence,
  searchClaims,
  stances,
  currentUser,
} from '../api';
import { append, clear, h } from '../dom';
import { actorName, excerpt, formatDate, formatDateTime, percent } from '../format';
import { problemBox, problemOf } from '../problem';

export const stanceLabel: Record<Stance, string> = {
  corroborates: 'Corroborates',
  conflicts: 'Conflicts',
  context: 'Context',
};

const stanceKey: Record<Stance, string> = { corroborates: '1', conflicts: '2', context: '3' };

function isStance(s: unknown): s is Stance {
  return typeof s === 'string' && (stances as readonly string[]).includes(s);
}

/** A passage that can be linked: a suggestion or a search result. */
interface Pickable {
  source: 'suggestion' | 'search';
  articleId: number;
  articleTitle: string;
  outlet: string;
  publishedAt: string | null;
  passageClaimId: number;
  start: number;
  end: number;
  text: string;
  score: number;
  reason: string;
  suggestion: Candidate['suggestion'] | null;
  linkedAs: string | null;
}

export interface EvidencePanel {
  el: HTMLElement;
  /** Shows the evidence of a claim (or nothing); reloads when called again. */
  show(claim: Claim | null): Promise<void>;
  /** Handles the panel's keys; true when the key was used. */
  key(ev: KeyboardEvent): boolean;
  /** The links of the claim shown, as last loaded. */
  links(): Evidence[];
}

export function evidencePanel(opts: { announce: (msg: string) => void; headingLevel?: 'h2' | 'h3' }): EvidencePanel {
  const H = opts.headingLevel ?? 'h3';
  const Sub = H === 'h2' ? 'h3' : 'h4';
  const linksBox = h('div', { class: 'evidence-links' });
  const suggestBox = h('div', { class: 'suggestions' });
  const searchInput = h('input', {
    type: 'search',
    id: `evidence-search-${Math.random().toString(36).slice(2, 8)}`,
    class: 'search-input',
    autocomplete: 'off',
    'aria-keyshortcuts': '/',
  });
  const searchLabel = h('label', { for: searchInput.id }, 'Search other articles');
  const searchResults = h('div', { class: 'search-results' });
  const searchForm = h(
    'form',
    { class: 'evidence-search', role: 'search' },
    searchLabel,
    h('div', { class: 'search-row' }, searchInput, h('button', { type: 'submit', class: 'button secondary' }, 'Search')),
  );
  const problemArea = h('div', { class: 'evidence-problem' });
  const el = h(
    'section',
    { class: 'evidence', 'aria-label': 'Evidence' },
    h(H, null, 'Evidence'),
    problemArea,
    linksBox,
    suggestBox,
    searchForm,
    searchResults,
  );

  let claim: Claim | null = null;
  let links: Evidence[] = [];
  let suggestions: Pickable[] = [];
  let results: Pickable[] = [];
  let active = 0;
  let loadToken = 0;
  let busy = false;
  let loading = false;

  const all = () => [...suggestions, ...results];

  function renderLinks(): void {
    clear(linksBox);
    append(linksBox, h(Sub, null, `Linked evidence (${links.length})`));
    if (!links.length) {
      linksBox.appendChild(h('p', { class: 'muted' }, 'No evidence linked yet.'));
      return;
    }
    linksBox.appendChild(
      h(
        'ul',
        { class: 'link-list' },
        ...links.map((l) => {
          const stanceSelect = h(
            'select',
            { 'aria-label': `Stance of the link to ${l.outlet_name}`, class: 'stance-select' },
            ...stances.map((s) => h('option', { value: s, selected: s === l.stance }, stanceLabel[s])),
          );
          stanceSelect.addEventListener('change', () => void restance(l, stanceSelect.value as Stance));
          return h(
            'li',
            { class: `evidence-link stance-${l.stance}`, 'data-evidence': l.id },
            h(
              'p',
              { class: 'link-head' },
              h('span', { class: `stance-badge stance-${l.stance}` }, isStance(l.stance) ? stanceLabel[l.stance] : l.stance),
              ' ',
              h('strong', null, l.outlet_name),
              ' · ',
              h('a', { href: `/articles/${l.article_id}${l.passage_claim_id ? `#claim-${l.passage_claim_id}` : ''}` }, l.article_title),
            ),
            h('blockquote', { class: 'passage' }, excerpt(l.passage_text, 280)),
            h(
              'p',
              { class: 'who muted' },
              `Linked by ${actorName(l.created_by, currentUser())} · `,
              h('time', { datetime: l.updated_at }, formatDateTime(l.updated_at)),
              l.suggested_stance && l.suggested_stance !== l.stance ? ` · suggested ${l.suggested_stance}` : '',
            ),
            h('label', { class: 'inline-field' }, 'Stance ', stanceSelect),
          );
        }),
      ),
    );
  }

  function pickableItem(p: Pickable, i: number): HTMLElement {
    const buttons = stances.map((s) =>
      h(
        'button',
        {
          type: 'button',
          class: `button small stance-button stance-${s}`,
          'aria-keyshortcuts': stanceKey[s],
          'data-stance': s,
          title: `${stanceLabel[s]} (key ${stanceKey[s]})`,
        },
        stanceLabel[s],
        h('kbd', { 'aria-hidden': 'true' }, stanceKey[s]),
      ),
    );
    const item = h(
      'li',
      {
        class: `pickable${p.linkedAs ? ' is-linked' : ''}`,
        'data-index': i,
        tabindex: -1,
        'aria-current': i === active ? 'true' : null,
      },
      h(
        'p',
        { class: 'link-head' },
        p.source === 'suggestion' ? h('span', { class: 'score', title: 'Match score' }, percent(p.score)) : null,
        p.source === 'suggestion' ? ' ' : null,
        h('strong', null, p.outlet),
        ' · ',
        h('a', { href: `/articles/${p.articleId}#claim-${p.passageClaimId}` }, p.articleTitle),
        p.publishedAt ? ` · ${formatDate(p.publishedAt)}` : '',
      ),
      h('blockquote', { class: 'passage' }, excerpt(p.text, 280)),
      p.reason ? h('p', { class: 'reason muted' }, p.reason) : null,
      p.suggestion
        ? h(
            'p',
            { class: 'suggested' },
            'Suggested: ',
            h('span', { class: `stance-badge stance-${p.suggestion.stance}` }, isStance(p.suggestion.stance) ? stanceLabel[p.suggestion.stance] : p.suggestion.stance),
            p.suggestion.why ? ` (${p.suggestion.why})` : '',
          )
        : null,
      p.linkedAs ? h('p', { class: 'linked-as' }, `Linked as ${p.linkedAs}`) : null,
      h('div', { class: 'stance-buttons', role: 'group', 'aria-label': 'Link this passage as' }, ...buttons),
    );
    for (const b of buttons) {
      b.addEventListener('click', () => {
        active = i;
        void link(b.dataset.stance as Stance);
      });
    }
    item.addEventListener('focusin', () => setActive(i, false));
    return item;
  }

  function renderPickables(): void {
    clear(suggestBox);
    clear(searchResults);
    append(suggestBox, h(Sub, null, `Suggested passages (${suggestions.length})`));
    if (loading) {
      suggestBox.appendChild(h('p', { class: 'muted' }, 'Loading suggestions…'));
    } else if (suggestions.length) {
      suggestBox.appendChild(h('ol', { class: 'pick-list' }, ...suggestions.map((p, i) => pickableItem(p, i))));
    } else {
      suggestBox.appendChild(h('p', { class: 'muted' }, 'No other outlet’s report has a passage like this claim. Search other articles below.'));
    }
    if (results.length) {
      append(
        searchResults,
        h(Sub, null, `Search results (${results.length})`),
        h('ol', { class: 'pick-list' }, ...results.map((p, i) => pickableItem(p, suggestions.length + i))),
      );
    }
  }

  function setActive(i: number, scroll: boolean): void {
    const items = all();
    if (!items.length) return;
    active = Math.max(0, Math.min(i, items.length - 1));
    for (const li of el.querySelectorAll<HTMLElement>('li.pickable')) {
      if (Number(li.dataset.index) === active) {
        li.setAttribute('aria-current', 'true');
        if (scroll) li.scrollIntoView({ block: 'nearest' });
      } else li.removeAttribute('aria-current');
    }
  }

  async function reloadLinks(): Promise<void> {
    if (!claim) return;
    links = await listEvidence(claim.id);
    renderLinks();
  }

  async function link(stance: Stance): Promise<void> {
    const p = all()[active];
    if (!claim || !p || busy) return;
    busy = true;
    clear(problemArea);
    const claimId = claim.id;
    try {
      await linkEvidence(claimId, {
        article_id: p.articleId,
        passage_start: p.start,
        passage_end: p.end,
        passage_claim_id: p.passageClaimId,
        stance,
        ...(p.suggestion ? { suggested_stance: p.suggestion.stance, suggested_score: p.suggestion.score } : {}),
      });
      if (claim?.id !== claimId) return;
      p.linkedAs = stance;
      opts.announce(`Linked ${p.outlet}’s passage as ${stanceLabel[stance].toLowerCase()}.`);
      await reloadLinks();
      // Move on to the next passage not linked yet.
      const items = all();
      const next = items.findIndex((q, k) => k > active && !q.linkedAs);
      const keep = active;
      renderPickables();
      setActive(next >= 0 ? next : keep, true);
    } catch (err) {
      problemArea.appendChild(problemBox(problemOf(err)));
    } finally {
      busy = false;
    }
  }

  async function restance(l: Evidence, stance: Stance): Promise<void> {
    clear(problemArea);
    try {
      await patchEvidence(l.id, l.version, { stance });
      opts.announce(`Link to ${l.outlet_name} now ${stanceLabel[stance].toLowerCase()}.`);
    } catch (err) {
      const p = problemOf(err);
      if (p.status === 409 || p.status === 412) {
        p.detail = `${p.detail || 'Someone else changed this link.'} The link as it is now is shown; choose again if you still want to change it.`;
      }
      problemArea.appendChild(problemBox(p));
    }
    await reloadLinks().catch(() => {});
  }

  searchInput.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      searchInput.blur();
    }
  });

  searchForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void search(searchInput.value.trim());
  });

  async function search(q: string): Promise<void> {
    if (!claim) return;
    clear(problemArea);
    if (!q) {
      results = [];
      renderPickables();
      return;
    }
    const claimNow = claim;
    try {
      const hits = await searchClaims(q);
      if (claim !== claimNow) return;
      results = hits
        .filter((hit) => hit.claim.article_id !== claimNow.article_id)
        .map((hit) => ({
          source: 'search' as const,
          // The hit's article.id is not filled in by the server; the claim's article_id is.
          articleId: hit.claim.article_id,
          articleTitle: hit.article.title,
          outlet: hit.article.outlet,
          publishedAt: hit.article.published_at,
          passageClaimId: hit.claim.id,
          start: hit.claim.content.start,
          end: hit.claim.content.end,
          text: hit.claim.content.text,
          score: hit.score,
          reason: hit.fuzzy ? 'close in spelling' : '',
          suggestion: null,
          linkedAs: links.find((l) => l.passage_claim_id === hit.claim.id)?.stance ?? null,
        }));
      renderPickables();
      opts.announce(`${results.length} passage${results.length === 1 ? '' : 's'} found in other articles.`);
      if (results.length) {
        setActive(suggestions.length, true);
        // From the search box straight to the first result, where 1, 2 and 3 work.
        el.querySelector<HTMLElement>(`li.pickable[data-index="${suggestions.length}"]`)?.focus();
      }
    } catch (err) {
      problemArea.appendChild(problemBox(problemOf(err)));
    }
  }

  async function show(c: Claim | null): Promise<void> {
    const token = ++loadToken;
    const same = claim?.id === c?.id;
    claim = c;
    if (!same) {
      // Never leave another claim's passages up while this one's load.
      results = [];
      suggestions = [];
      links = [];
      searchInput.value = '';
      active = 0;
      loading = true;
      renderLinks();
      renderPickables();
    }
    clear(problemArea);
    if (!c) {
      links = [];
      suggestions = [];
      renderLinks();
      renderPickables();
      return;
    }
    try {
      const [l, cands] = await Promise.all([listEvidence(c.id), candidates(c.id)]);
      if (token !== loadToken) return;
      loading = false;
      links = l;
      suggestions = cands.map((x) => ({
        source: 'suggestion' as const,
        articleId: x.article_id,
        articleTitle: x.article_title,
        outlet: x.outlet_name,
        publishedAt: x.published_at,
        passageClaimId: x.passage_claim_id,
        start: x.passage.start,
        end: x.passage.end,
        text: x.passage.text,
        score: x.score,
        reason: x.reason,
        suggestion: x.suggestion,
        linkedAs: x.evidence_stance ?? l.find((e) => e.passage_claim_id === x.passage_claim_id)?.stance ?? null,
      }));
      renderLinks();
      renderPickables();
      if (!same) {
        const first = all().findIndex((p) => !p.linkedAs);
        setActive(first >= 0 ? first : 0, false);
      } else setActive(active, false);
    } catch (err) {
      if (token !== loadToken) return;
      loading = false;
      renderPickables();
      problemArea.appendChild(problemBox(problemOf(err)));
    }
  }

  function key(ev: KeyboardEvent): boolean {
    if (!claim) return false;
    if (loading && /^[123\[\]]$/.test(ev.key)) {
      ev.preventDefault();
      return true;
    }
    const stance = ev.key === '1' ? 'corroborates' : ev.key === '2' ? 'conflicts' : ev.key === '3' ? 'context' : null;
    if (stance) {
      ev.preventDefault();
      void link(stance);
      return true;
    }
    if (ev.key === ']' || ev.key === '[') {
      ev.preventDefault();
      setActive(active + (ev.key === ']' ? 1 : -1), true);
      return true;
    }
    if (ev.key === '/') {
      ev.preventDefault();
      searchInput.focus();
      searchInput.select();
      return true;
    }
    return false;
  }

  renderLinks();
  renderPickables();
  return { el, show, key, links: () => links };
}
