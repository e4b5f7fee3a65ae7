// The workbench's dialogs: choosing a claim's speaker (autocomplete over
// known speakers, or a new one with role and organisation), and the
// conflict dialog shown when someone else changed a claim meanwhile.

import { type Claim, type Speaker, type SpeakerInput, findSpeakers } from '../api';
import { append, clear, h } from '../dom';
import { excerpt, speakerDetail } from '../format';
import { isKind, kindLabel } from '../kinds';

export type SpeakerChoice = { speaker_id: number; name: string } | { speaker: SpeakerInput } | { clear_speaker: true };

let uid = 0;

function closeOnBackdrop(dialog: HTMLDialogElement): void {
  dialog.addEventListener('click', (ev) => {
    if (ev.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (ev.clientX < r.left || ev.clientX > r.right || ev.clientY < r.top || ev.clientY > r.bottom) dialog.close();
  });
}

/** speakerDialog asks for a claim's speaker; open resolves to the choice, or null when cancelled. */
export function speakerDialog(): { el: HTMLDialogElement; open: (claim: Claim) => Promise<SpeakerChoice | null> } {
  const n = ++uid;
  const heading = h('h2', { id: `speaker-heading-${n}` }, 'Speaker');
  const current = h('p', { class: 'muted' });
  const input = h('input', {
    id: `speaker-name-${n}`,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `speaker-options-${n}`,
  });
  const listbox = h('ul', { id: `speaker-options-${n}`, role: 'listbox', class: 'options', 'aria-label': 'Speakers' });
  const role = h('input', { id: `speaker-role-${n}`, type: 'text', autocomplete: 'off' });
  const org = h('input', { id: `speaker-org-${n}`, type: 'text', autocomplete: 'off' });
  const kind = h(
    'select',
    { id: `speaker-kind-${n}` },
    ...['person', 'organisation', 'anonymous', 'outlet'].map((k) => h('option', { value: k }, k[0]!.toUpperCase() + k.slice(1))),
  );
  const createButton = h('button', { type: 'submit', class: 'button' }, 'Create and assign');
  const newForm = h(
    'form',
    { class: 'new-speaker', hidden: true },
    h('h3', null, 'New speaker'),
    h('div', { class: 'field' }, h('label', { for: role.id }, 'Role (optional)'), role),
    h('div', { class: 'field' }, h('label', { for: org.id }, 'Organisation (optional)'), org),
    h('div', { class: 'field' }, h('label', { for: kind.id }, 'Kind'), kind),
    createButton,
  );
  const removeButton = h('button', { type: 'button', class: 'button secondary' }, 'Remove speaker');
  const cancelButton = h('button', { type: 'button', class: 'button secondary' }, 'Cancel');
  const el = h(
    'dialog',
    { class: 'modal speaker-dialog', 'aria-labelledby': heading.id },
    heading,
    current,
    h(
      'div',
      { class: 'field' },
      h('label', { for: input.id }, 'Name'),
      h('p', { class: 'hint', id: `speaker-hint-${n}` }, 'Type to find a known speaker; ↓ ↑ choose, Enter assigns.'),
      input,
      listbox,
    ),
    newForm,
    h('div', { class: 'dialog-actions' }, removeButton, cancelButton),
  );
  input.setAttribute('aria-describedby', `speaker-hint-${n}`);
  closeOnBackdrop(el);

  let options: ({ speaker: Speaker } | { create: string })[] = [];
  let active = -1;
  let resolve: ((c: SpeakerChoice | null) => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  function finish(choice: SpeakerChoice | null): void {
    const r = resolve;
    resolve = null;
    if (el.open) el.close();
    r?.(choice);
  }
  el.addEventListener('close', () => finish(null));

  function renderOptions(): void {
    clear(listbox);
    options.forEach((o, i) => {
      const li = h('li', { role: 'option', id: `speaker-opt-${n}-${i}`, 'aria-selected': i === active ? 'true' : 'false', class: 'option' });
      if ('speaker' in o) {
        const detail = speakerDetail(o.speaker);
        append(li, h('strong', null, o.speaker.name), detail ? h('span', { class: 'muted' }, ` — ${detail}`) : null, h('span', { class: 'muted' }, ` (${o.speaker.kind})`));
      } else {
        append(li, 'Create “', h('strong', null, o.create), '” as a new speaker…');
      }
      li.addEventListener('mousedown', (ev) => ev.preventDefault());
      li.addEventListener('click', () => choose(i));
      listbox.appendChild(li);
    });
    input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
    if (active >= 0) input.setAttribute('aria-activedescendant', `speaker-opt-${n}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  async function lookup(): Promise<void> {
    const q = input.value.trim();
    const mine = ++seq;
    let found: Speaker[] = [];
    try {
      found = await findSpeakers(q);
    } catch {
      found = [];
    }
    if (mine !== seq) return;
    options = found.slice(0, 8).map((s) => ({ speaker: s }));
    if (q && !found.some((s) => s.name.toLowerCase() === q.toLowerCase())) options.push({ create: q });
    active = options.length ? 0 : -1;
    renderOptions();
  }

  function choose(i: number): void {
    const o = options[i];
    if (!o) return;
    if ('speaker' in o) {
      finish({ speaker_id: o.speaker.id, name: o.speaker.name });
      return;
    }
    newForm.hidden = false;
    newForm.querySelector('h3')!.textContent = `New speaker: ${o.create}`;
    role.focus();
  }

  input.addEventListener('input', () => {
    newForm.hidden = true;
    clearTimeout(timer);
    timer = setTimeout(() => void lookup(), 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!options.length) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      renderOptions();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      // Wait for the lookup of what was just typed before choosing.
      clearTimeout(timer);
      void lookup().then(() => {
        if (active >= 0) choose(active);
      });
    }
  });
  newForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = input.value.trim();
    if (!name) return;
    finish({ speaker: { name, role: role.value.trim(), organisation: org.value.trim(), kind: kind.value } });
  });
  removeButton.addEventListener('click', () => finish({ clear_speaker: true }));
  cancelButton.addEventListener('click', () => finish(null));

  function open(claim: Claim): Promise<SpeakerChoice | null> {
    heading.textContent = `Speaker of claim ${claim.id}`;
    current.textContent = claim.speaker ? `Now: ${claim.speaker.name}${speakerDetail(claim.speaker) ? `, ${speakerDetail(claim.speaker)}` : ''}` : 'Now: no speaker';
    input.value = claim.speaker?.name ?? '';
    role.value = '';
    org.value = '';
    kind.value = 'person';
    newForm.hidden = true;
    options = [];
    active = -1;
    renderOptions();
    removeButton.disabled = !claim.speaker;
    el.showModal();
    input.focus();
    input.select();
    void lookup();
    return new Promise((r) => {
      resolve = r;
    });
  }

  return { el, open };
}

/** What a version of a claim looks like to the reviewer, field by field. */
export interface ClaimView {
  status: string;
  kind: string;
  speaker: string;
  cue: string;
  content: string;
}

export function viewOf(c: Claim): ClaimView {
  return {
    status: c.status,
    kind: isKind(c.kind) ? kindLabel[c.kind] : String(c.kind),
    speaker: c.speaker ? c.speaker.name : '(none)',
    cue: c.cue?.text ?? '(none)',
    content: excerpt(c.content.text, 400),
  };
}

/**
 * conflictDialog shows a claim as the reviewer meant to leave it beside the
 * claim as it is saved now, and resolves to the reviewer's choice: keep the
 * saved version, or apply their change on top of it.
 */
export function conflictDialog(): {
  el: HTMLDialogElement;
  open: (what: string, mine: ClaimView, theirs: Claim) => Promise<'theirs' | 'mine'>;
} {
  const n = ++uid;
  const heading = h('h2', { id: `conflict-heading-${n}` }, 'Someone else changed this claim');
  const intro = h('p');
  const table = h('table', { class: 'compare' });
  const keep = h('button', { type: 'button', class: 'button' }, 'Keep the saved version');
  const mineButton = h('button', { type: 'button', class: 'button secondary' }, 'Apply my change to it');
  const el = h(
    'dialog',
    { class: 'modal conflict-dialog', 'aria-labelledby': heading.id, role: 'alertdialog' },
    heading,
    intro,
    table,
    h('div', { class: 'dialog-actions' }, keep, mineButton),
  );
  let resolve: ((c: 'theirs' | 'mine') => void) | null = null;
  const finish = (c: 'theirs' | 'mine') => {
    const r = resolve;
    resolve = null;
    if (el.open) el.close();
    r?.(c);
  };
  keep.addEventListener('click', () => finish('theirs'));
  mineButton.addEventListener('click', () => finish('mine'));
  el.addEventListener('close', () => finish('theirs'));

  function open(what: string, mine: ClaimView, theirs: Claim): Promise<'theirs' | 'mine'> {
    const saved = viewOf(theirs);
    intro.textContent = `While you were working, claim ${theirs.id} was changed by someone else (it is now version ${theirs.version ?? '?'}). Your change (${what}) was not saved. Compare the two and choose.`;
    clear(table);
    const rows: [keyof ClaimView, string][] = [
      ['status', 'Status'],
      ['kind', 'Kind'],
      ['speaker', 'Speaker'],
      ['cue', 'Cue'],
      ['content', 'Content'],
    ];
    append(
      table,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Your version'), h('th', { scope: 'col' }, 'Saved version (theirs)'))),
      h(
        'tbody',
        null,
        ...rows.map(([k, label]) =>
          h(
            'tr',
            { class: mine[k] !== saved[k] ? 'differs' : null },
            h('th', { scope: 'row' }, label),
            h('td', { 'data-version': 'mine' }, mine[k]),
            h('td', { 'data-version': 'theirs' }, saved[k]),
          ),
        ),
      ),
    );
    el.showModal();
    keep.focus();
    return new Promise((r) => {
      resolve = r;
    });
  }
  return { el, open };
}
