// The new-article form. The server validates; its problem document is shown
// beside the form and the input is kept, so a mistake costs nothing.

import { createArticle, fetchFromURL, type NewArticle, type Problem } from '../api';
import { append, h } from '../dom';
import { fieldMessage, problemBox, problemOf } from '../problem';
import type { ViewContext } from '../router';

interface Field {
  name: keyof NewArticle;
  label: string;
  hint?: string;
  control: HTMLInputElement | HTMLTextAreaElement;
  error: HTMLElement;
}

/** ArticleState is the history state the form hands to the article view. */
export interface ArticleState {
  duplicate?: boolean;
}

export function newView({ root, signal, navigate }: ViewContext): void {
  document.title = 'New article · Crosscheck';

  const fields: Field[] = [
    field('title', 'Title', h('input', { type: 'text', autocomplete: 'off' })),
    field('outlet', 'Outlet', h('input', { type: 'text', autocomplete: 'off' }), 'The publication, e.g. Press TV'),
    field(
      'url',
      'URL (optional)',
      h('input', { type: 'url', inputmode: 'url', autocomplete: 'off', placeholder: 'https://' }),
      'Give only the URL (and optionally the outlet), with no text, to have the page fetched: its title, date and text are read from it.',
    ),
    field('published_at', 'Published (optional)', h('input', { type: 'date' })),
    field(
      'text',
      'Text',
      h('textarea', { rows: 16, spellcheck: 'false' }),
      'Paste the article as it appears; it is stored exactly as given. Leave it empty to fetch the page at the URL instead.',
    ),
  ];
  const byName = new Map(fields.map((f) => [f.name as string, f]));
  const label = (name: string) => {
    const f = byName.get(fieldName(name));
    return f ? plainLabel(f) : name;
  };

  const summary = h('div', { class: 'form-problem', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Add article');
  const form = h(
    'form',
    { class: 'article-form', novalidate: true },
    ...fields.map((f) =>
      h(
        'div',
        { class: `field field-${f.name}` },
        h('label', { for: f.control.id }, f.label),
        f.hint ? h('p', { class: 'hint', id: `${f.control.id}-hint` }, f.hint) : null,
        f.control,
        f.error,
      ),
    ),
    h('div', { class: 'actions' }, submit),
  );

  append(
    root,
    h('div', { class: 'page-head' }, h('h1', null, 'New article')),
    h('div', { class: 'form-layout' }, form, summary),
  );

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const value = (name: keyof NewArticle) => byName.get(name)!.control.value;
    const input: NewArticle = {
      title: value('title').trim(),
      outlet: value('outlet').trim(),
      // The text is stored exactly as given: claim offsets point into it.
      text: value('text'),
    };
    const url = value('url').trim();
    if (url) input.url = url;
    const published = value('published_at').trim();
    if (published) input.published_at = published;

    submit.disabled = true;
    submit.textContent = 'Adding…';
    form.setAttribute('aria-busy', 'true');
    try {
      if (url && !input.text.trim()) {
        // No text: the server fetches the page in a job; follow its progress.
        // A title or date is sent too, for the server to say they are read from the page.
        const doc = await fetchFromURL(url, input.outlet, signal, { title: input.title, published_at: published });
        if (signal.aborted) return;
        navigate(`/jobs/${doc.job.id}`);
        return;
      }
      const { article, created } = await createArticle(input, signal);
      if (signal.aborted) return;
      const state: ArticleState = { duplicate: !created };
      navigate(`/articles/${article.id}`, state);
    } catch (err) {
      if (signal.aborted) return;
      show(problemOf(err));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Add article';
      form.removeAttribute('aria-busy');
    }
  }

  function show(p: Problem): void {
    for (const f of fields) {
      f.error.textContent = '';
      f.error.hidden = true;
      f.control.removeAttribute('aria-invalid');
    }
    let first: Field | undefined;
    for (const e of p.errors) {
      const f = byName.get(fieldName(e.field));
      if (!f) continue;
      const said = fieldMessage(plainLabel(f), e.message);
      f.error.textContent = f.error.textContent ? `${f.error.textContent} ${said}` : said;
      f.error.hidden = false;
      f.control.setAttribute('aria-invalid', 'true');
      first ??= f;
    }
    summary.replaceChildren(problemBox(p, label));
    summary.querySelector<HTMLElement>('.problem')?.focus({ preventScroll: false });
    if (first && window.matchMedia('(max-width: 800px)').matches) first.control.scrollIntoView({ block: 'center' });
  }
}

/** plainLabel is a field's label without "(optional)". */
function plainLabel(f: Field): string {
  return f.label.replace(/ \(optional\)$/, '');
}

function field(name: keyof NewArticle, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string): Field {
  const id = `f-${name}`;
  control.id = id;
  control.name = name;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const f: Field = { name, label, control, error };
  if (hint) f.hint = hint;
  return f;
}

/** fieldName reads the server's name for a field: "text", "/text" or "body.text" all mean text. */
export function fieldName(field: string): string {
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}
