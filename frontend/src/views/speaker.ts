// One speaker: everything they said, across outlets and dates, each claim
// with its review status and a summary of its evidence.

import { type Article, type Claim, type Evidence, getArticle, getSpeaker, listEvidence } from '../api';
import { append, h } from '../dom';
import { excerpt, formatDate, speakerDetail } from '../format';
import { isKind, kindClass, kindLabel } from '../kinds';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';

export async function speakerView({ root, params, signal }: ViewContext): Promise<void> {
  const id = Number(params[0]);
  document.title = 'Speaker · Crosscheck';
  const status = h('p', { class: 'muted', role: 'status' }, 'Loading speaker…');
  root.appendChild(status);
  let speaker;
  try {
    speaker = await getSpeaker(id, signal);
  } catch (err) {
    if (signal.aborted) return;
    status.remove();
    const p = problemOf(err);
    append(root, h('h1', null, p.status === 404 ? 'Speaker not found' : 'Could not load the speaker'), problemBox(p));
    return;
  }
  const ids = [...new Set(speaker.claims.map((c) => c.article_id))];
  const [articles, evidence] = await Promise.all([
    Promise.all(ids.map((a) => getArticle(a, signal).catch(() => null))),
    Promise.all(speaker.claims.map((c) => listEvidence(c.id, signal).catch(() => [] as Evidence[]))),
  ]);
  if (signal.aborted) return;
  status.remove();
  document.title = `${speaker.name} · Crosscheck`;
  const byArticle = new Map<number, Article | null>(ids.map((a, i) => [a, articles[i] ?? null]));
  const evidenceOf = new Map<number, Evidence[]>(speaker.claims.map((c, i) => [c.id, evidence[i] ?? []]));

  const groups = ids
    .map((a) => ({ id: a, article: byArticle.get(a) ?? null, claims: speaker.claims.filter((c) => c.article_id === a) }))
    .sort((x, y) => (x.article?.published_at ?? '').localeCompare(y.article?.published_at ?? '') || x.id - y.id);
  const outlets = new Set(groups.map((g) => g.article?.outlet?.name).filter(Boolean));
  const linked = speaker.claims.filter((c) => (evidenceOf.get(c.id) ?? []).length > 0).length;
  const detail = speakerDetail({ ...speaker, mention: null });

  append(
    root,
    h(
      'header',
      { class: 'article-head' },
      h('h1', null, speaker.name),
      h('p', { class: 'meta' }, [detail, speaker.kind].filter(Boolean).join(' · ')),
      speaker.aliases.length ? h('p', { class: 'muted' }, `Also named: ${speaker.aliases.join('; ')}`) : null,
      h(
        'p',
        { class: 'speaker-stats' },
        `${speaker.claims.length} claim${speaker.claims.length === 1 ? '' : 's'} in ${groups.length} article${groups.length === 1 ? '' : 's'} from ${outlets.size} outlet${outlets.size === 1 ? '' : 's'}; ${linked} with evidence.`,
      ),
    ),
    ...groups.map((g) =>
      h(
        'section',
        { class: 'speaker-group', 'aria-label': g.article?.title ?? `Article ${g.id}` },
        h(
          'h2',
          null,
          h('a', { href: `/articles/${g.id}` }, g.article?.title || `Article ${g.id}`),
        ),
        h(
          'p',
          { class: 'meta' },
          h('span', { class: 'outlet' }, g.article?.outlet?.name ?? 'Unknown outlet'),
          g.article?.published_at ? ` · ${formatDate(g.article.published_at)}` : '',
        ),
        h('ol', { class: 'speaker-claims' }, ...g.claims.sort((a, b) => a.content.start - b.content.start).map((c) => claimRow(c, evidenceOf.get(c.id) ?? []))),
      ),
    ),
    speaker.claims.length ? null : h('p', { class: 'empty' }, 'No claims are attributed to this speaker.'),
  );
}

function claimRow(c: Claim, ev: Evidence[]): HTMLLIElement {
  const count = (s: string) => ev.filter((e) => e.stance === s).length;
  const parts = [
    [count('corroborates'), 'corroborating', 'stance-corroborates'],
    [count('conflicts'), 'conflicting', 'stance-conflicts'],
    [count('context'), 'context', 'stance-context'],
  ] as const;
  return h(
    'li',
    { class: `speaker-claim status-${c.status}`, 'data-claim': c.id },
    h(
      'p',
      { class: 'claim-top' },
      h('span', { class: `badge ${kindClass(c.kind)}` }, isKind(c.kind) ? kindLabel[c.kind] : String(c.kind)),
      h('span', { class: `status-badge status-${c.status}` }, c.status),
      h('a', { href: `/articles/${c.article_id}#claim-${c.id}` }, `Claim ${c.id}`),
    ),
    h('blockquote', { class: 'claim-content' }, excerpt(c.content.text, 400)),
    h(
      'p',
      { class: 'evidence-summary' },
      ev.length
        ? [
            'Evidence: ',
            ...parts
              .filter(([n]) => n > 0)
              .flatMap(([n, label, cls], i) => [i ? ' · ' : '', h('span', { class: `stance-badge ${cls}` }, `${n} ${label}`)]),
            ` (${[...new Set(ev.map((e) => e.outlet_name))].join(', ')})`,
          ].reduce<HTMLElement>((p, x) => (append(p, x), p), h('span'))
        : h('span', { class: 'muted' }, 'No evidence linked yet'),
    ),
  );
}
