// The export page: choose a table, a format and filters; the page shows
// the API URL (to script the same download) and the command line, and links
// to the file. The choice lives in the page's own query string, so a
// reload or a shared link keeps it.

import { ApiError, type OutletCount, kinds, listOutlets, problemFrom } from '../api';
import { append, h } from '../dom';
import { isKind, kindLabel } from '../kinds';
import { problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';

export type ExportTable = 'claims' | 'evidence' | 'history';

/** The tables, as the API names them, with what one row is. */
export const tables: { value: ExportTable; label: string }[] = [
  { value: 'claims', label: 'Claims: one row per claim, with its article, outlet, speaker and evidence counts' },
  { value: 'evidence', label: 'Evidence links: one row per link between a claim and another report’s passage' },
  {
    value: 'history',
    label: 'History: one row per recorded change to the claims or their evidence links (who, when, before and after)',
  },
];

function isTable(t: string | null): t is ExportTable {
  return tables.some((x) => x.value === t);
}
export type ExportFormat = 'csv' | 'jsonl' | 'parquet' | 'claimreview.jsonld' | 'annotations.jsonld';

/** What to export. Empty strings do not filter. */
export interface ExportChoice {
  table: ExportTable;
  format: ExportFormat;
  /** A zip of the file and its datapackage.json; tabular formats only. */
  bundle: boolean;
  outlet: string;
  speaker: string;
  kind: string;
  status: string;
  story: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, exclusive. */
  to: string;
}

export const formats: { value: ExportFormat; label: string; claimsOnly: boolean; tabular: boolean }[] = [
  { value: 'csv', label: 'CSV', claimsOnly: false, tabular: true },
  { value: 'jsonl', label: 'JSON Lines', claimsOnly: false, tabular: true },
  { value: 'parquet', label: 'Parquet', claimsOnly: false, tabular: true },
  { value: 'claimreview.jsonld', label: 'ClaimReview JSON-LD (reviewed claims)', claimsOnly: true, tabular: false },
  { value: 'annotations.jsonld', label: 'Web Annotations JSON-LD', claimsOnly: true, tabular: false },
];

export const statuses = ['unreviewed', 'confirmed', 'edited', 'rejected'] as const;

const filterKeys = ['outlet', 'speaker', 'kind', 'status', 'story', 'from', 'to'] as const;

export function defaultChoice(): ExportChoice {
  return { table: 'claims', format: 'csv', bundle: false, outlet: '', speaker: '', kind: '', status: '', story: '', from: '', to: '' };
}

function formatInfo(f: string) {
  return formats.find((x) => x.value === f);
}

/**
 * normalize makes a choice the API accepts: JSON-LD formats are claims
 * only and never bundled.
 */
export function normalize(c: ExportChoice): ExportChoice {
  const out = { ...c };
  const info = formatInfo(out.format) ?? formats[0]!;
  out.format = info.value;
  if (info.claimsOnly) out.table = 'claims';
  if (!info.tabular) out.bundle = false;
  for (const k of filterKeys) out[k] = out[k].trim();
  return out;
}

/** exportFile is the file name the API serves, e.g. claims.csv, evidence.jsonl.zip or history.parquet. */
export function exportFile(c: ExportChoice): string {
  const n = normalize(c);
  const info = formatInfo(n.format)!;
  const base = info.claimsOnly ? `claims.${n.format}` : `${n.table}.${n.format}`;
  return n.bundle ? `${base}.zip` : base;
}

/** exportPath is the API path of the export with its filters, e.g. /api/v1/exports/claims.csv?outlet=Press+TV. */
export function exportPath(c: ExportChoice): string {
  const n = normalize(c);
  const q = new URLSearchParams();
  for (const k of filterKeys) if (n[k]) q.set(k, n[k]);
  const s = q.toString();
  return `/api/v1/exports/${exportFile(n)}${s ? `?${s}` : ''}`;
}

/** choiceQuery is the export page's own query string for a choice (its address keeps the choice). */
export function choiceQuery(c: ExportChoice): string {
  const n = normalize(c);
  const d = defaultChoice();
  const q = new URLSearchParams();
  if (n.table !== d.table) q.set('table', n.table);
  if (n.format !== d.format) q.set('format', n.format);
  if (n.bundle) q.set('bundle', '1');
  for (const k of filterKeys) if (n[k]) q.set(k, n[k]);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** choiceFrom reads a choice from the page's query string; unknown values fall back to the defaults. */
export function choiceFrom(search: string): ExportChoice {
  const q = new URLSearchParams(search);
  const c = defaultChoice();
  const table = q.get('table');
  if (isTable(table)) c.table = table;
  const format = q.get('format');
  if (format && formatInfo(format)) c.format = format as ExportFormat;
  c.bundle = q.get('bundle') === '1' || q.get('bundle') === 'true';
  for (const k of filterKeys) c[k] = q.get(k) ?? '';
  return normalize(c);
}

/** shellQuote quotes a word for a POSIX shell when it needs quoting. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * exportCommand is the same export with `crosscheck export`, or null when
 * the command cannot express it (it has no story filter, and names
 * outlets and speakers, not ids).
 */
export function exportCommand(c: ExportChoice): string | null {
  const n = normalize(c);
  if (n.story || /^\d+$/.test(n.outlet) || /^\d+$/.test(n.speaker)) return null;
  const args = ['crosscheck', 'export', '--table', n.table, '--format', n.format];
  if (n.bundle) args.push('--bundle');
  for (const k of ['outlet', 'speaker', 'kind', 'status', 'from', 'to'] as const) if (n[k]) args.push(`--${k}`, n[k]);
  args.push('--out', `crosscheck-${exportFile(n)}`);
  return args.map(shellQuote).join(' ');
}

export function exportsView({ root, signal }: ViewContext): void {
  document.title = 'Export · Crosscheck';
  let choice = choiceFrom(location.search);

  const control = <T extends HTMLInputElement | HTMLSelectElement>(el: T, name: string): T => {
    el.id = `export-${name}`;
    el.name = name;
    return el;
  };
  const tableRadios = tables.map((t) => h('input', { type: 'radio', name: 'table', value: t.value, id: `export-table-${t.value}` }));
  const format = control(h('select', null, ...formats.map((f) => h('option', { value: f.value }, f.label))), 'format');
  const bundle = control(h('input', { type: 'checkbox' }), 'bundle');
  const outlet = control(h('select', null, h('option', { value: '' }, 'Any outlet')), 'outlet');
  const speaker = control(h('input', { type: 'text', autocomplete: 'off', placeholder: 'name or id' }), 'speaker');
  const kind = control(
    h('select', null, h('option', { value: '' }, 'Any kind'), ...kinds.map((k) => h('option', { value: k }, isKind(k) ? kindLabel[k] : k))),
    'kind',
  );
  const status = control(
    h('select', null, h('option', { value: '' }, 'Any status'), ...statuses.map((s) => h('option', { value: s }, s.charAt(0).toUpperCase() + s.slice(1)))),
    'status',
  );
  const story = control(h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'story id' }), 'story');
  const from = control(h('input', { type: 'date' }), 'from');
  const to = control(h('input', { type: 'date' }), 'to');

  const url = h('input', { type: 'text', id: 'export-url', readonly: true, class: 'export-url', spellcheck: 'false' });
  const copy = h('button', { type: 'button', class: 'button secondary small' }, 'Copy URL');
  const copied = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const curl = h('code', { class: 'export-curl' });
  const command = h('code', { class: 'export-command' });
  const commandNote = h('p', { class: 'muted small' });
  const download = h('a', { class: 'button export-download', href: '#', download: '' }, 'Download');
  const check = h('div', { class: 'export-check', 'aria-live': 'polite' });

  const field = (label: string, el: HTMLElement, hint?: string) =>
    h('div', { class: 'field' }, h('label', { for: el.id }, label), hint ? h('p', { class: 'hint' }, hint) : null, el);

  const form = h(
    'form',
    { class: 'export-form', novalidate: true, 'aria-label': 'What to export' },
    h(
      'fieldset',
      { class: 'export-table' },
      h('legend', null, 'Table'),
      ...tables.map((t, i) => h('label', { for: tableRadios[i]!.id }, tableRadios[i]!, ` ${t.label}`)),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Format'),
      field('Format', format),
      h('div', { class: 'field checkbox' }, bundle, ' ', h('label', { for: bundle.id }, 'Bundle as a zip with datapackage.json (Frictionless data package)')),
    ),
    h(
      'fieldset',
      { class: 'export-filters' },
      h('legend', null, 'Filters'),
      field('Outlet', outlet, 'Whose articles'),
      field('Speaker', speaker, 'Canonical name or id'),
      field('Kind', kind, 'How the claim is carried'),
      field('Review status', status, 'As reviewers left it'),
      field('Story', story, 'A story’s id, as in /stories/12'),
      field('Published from', from, 'On or after this day'),
      field('Published before', to, 'Before this day'),
    ),
  );
  const result = h(
    'section',
    { class: 'export-result', 'aria-labelledby': 'export-result-heading' },
    h('h2', { id: 'export-result-heading' }, 'Your export'),
    h('div', { class: 'field' }, h('label', { for: url.id }, 'API URL'), h('div', { class: 'url-row' }, url, copy), copied),
    h('p', { class: 'muted small' }, 'Scripts send the same URL, with an API token: ', curl),
    h('p', { class: 'muted small' }, 'Or on the server: ', command),
    commandNote,
    h('p', null, download),
    check,
  );
  append(
    root,
    h('div', { class: 'page-head' }, h('h1', null, 'Export')),
    h(
      'p',
      { class: 'lede muted' },
      'Download the claim table, the evidence links or the history of changes to them, read in one consistent snapshot. The filters choose claims; the evidence and history tables hold the rows of the claims chosen. The X-Crosscheck-Snapshot and X-Crosscheck-Rows trailers of the response give its time and row count.',
    ),
    h('div', { class: 'export-layout' }, form, result),
  );

  function fill(c: ExportChoice): void {
    for (const r of tableRadios) r.checked = r.value === c.table;
    format.value = c.format;
    bundle.checked = c.bundle;
    if (c.outlet && ![...outlet.options].some((o) => o.value === c.outlet)) outlet.append(h('option', { value: c.outlet }, c.outlet));
    outlet.value = c.outlet;
    speaker.value = c.speaker;
    kind.value = c.kind;
    status.value = c.status;
    story.value = c.story;
    from.value = c.from;
    to.value = c.to;
  }

  function checkedTable(): ExportTable {
    const v = tableRadios.find((r) => r.checked)?.value ?? '';
    return isTable(v) ? v : 'claims';
  }

  function read(): ExportChoice {
    return normalize({
      table: checkedTable(),
      format: format.value as ExportFormat,
      bundle: bundle.checked,
      outlet: outlet.value,
      speaker: speaker.value,
      kind: kind.value,
      status: status.value,
      story: story.value,
      from: from.value,
      to: to.value,
    });
  }

  function show(): void {
    const info = formatInfo(choice.format)!;
    // JSON-LD files are of claims and never bundled.
    for (const r of tableRadios) {
      r.disabled = info.claimsOnly && r.value !== 'claims';
      if (info.claimsOnly) r.checked = r.value === 'claims';
    }
    bundle.disabled = !info.tabular;
    if (!info.tabular) bundle.checked = false;
    const path = exportPath(choice);
    const abs = new URL(path, location.origin).href;
    url.value = abs;
    curl.textContent = `curl -H "Authorization: Bearer $TOKEN" -o crosscheck-${exportFile(choice)} ${shellQuote(abs)}`;
    const cmd = exportCommand(choice);
    command.textContent = cmd ?? '';
    command.hidden = cmd === null;
    commandNote.textContent = cmd === null ? '`crosscheck export` names outlets and speakers and has no story filter: use the URL for this one.' : '';
    download.href = path;
    download.setAttribute('download', `crosscheck-${exportFile(choice)}`);
    download.textContent = `Download ${exportFile(choice)}`;
    check.replaceChildren();
    const q = choiceQuery(choice);
    if (location.search !== q) history.replaceState(history.state, '', `/exports${q}`);
  }

  // Text fields are read, never rewritten, while the user types.
  const update = () => {
    choice = read();
    show();
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (ev) => ev.preventDefault());
  copy.addEventListener('click', () => {
    url.select();
    const done = (ok: boolean) => (copied.textContent = ok ? 'Copied.' : 'Select the URL and copy it.');
    if (navigator.clipboard) navigator.clipboard.writeText(url.value).then(() => done(true), () => done(false));
    else done(false);
  });
  // A filter that the server refuses (a bad date range, an unknown outlet
  // id) would download an error page: check first and say why instead.
  download.addEventListener('click', (ev) => {
    if (download.dataset.checked === download.href) return;
    ev.preventDefault();
    const href = download.href;
    check.replaceChildren('Checking the filters…');
    // Only the status is wanted: the body is dropped as soon as it starts.
    fetch(href, { credentials: 'same-origin', signal })
      .then(async (res) => {
        if (res.ok) {
          void res.body?.cancel();
          check.replaceChildren();
          download.dataset.checked = href;
          download.click();
          return;
        }
        throw new ApiError(problemFrom(res.status, res.headers.get('Content-Type') ?? '', await res.text()));
      })
      .catch((err: unknown) => {
        if (signal.aborted) return;
        check.replaceChildren(problemBox(problemOf(err)));
      });
  });

  fill(choice);
  show();
  listOutlets(signal)
    .then((list: OutletCount[]) => {
      if (signal.aborted) return;
      const keep = outlet.value;
      outlet.replaceChildren(
        h('option', { value: '' }, 'Any outlet'),
        ...list.map((o) => h('option', { value: o.name }, `${o.name} (${o.article_count})`)),
      );
      if (keep && !list.some((o) => o.name === keep)) outlet.append(h('option', { value: keep }, keep));
      outlet.value = keep;
    })
    .catch((err: unknown) => {
      if (signal.aborted) return;
      check.replaceChildren(problemBox(problemOf(err)));
    });
}
