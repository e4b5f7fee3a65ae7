// The sign-in page (/signin?next=/path): email and password, clear errors
// (a wrong password, too many attempts and how long to wait), then back to
// where the user came from.

import { ApiError, getSession, signIn } from '../api';
import { safeNext, throttleMessage } from '../auth';
import { append, h } from '../dom';
import { problemOf } from '../problem';
import type { ViewContext } from '../router';

/** SignInState is the history state that says why the user was sent here. */
export interface SignInState {
  message?: string;
}

export async function signInView({ root, signal, state, navigate }: ViewContext): Promise<void> {
  document.title = 'Sign in · Crosscheck';
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  const why = (state as SignInState | null)?.message ?? (next !== '/' ? 'Sign in to continue.' : '');

  const email = h('input', {
    id: 'signin-email',
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    spellcheck: 'false',
    autocapitalize: 'off',
    required: true,
  });
  const password = h('input', {
    id: 'signin-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('div', { class: 'signin-error', id: 'signin-error', role: 'alert', tabindex: -1, hidden: true });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Sign in');
  const signedInNote = h('p', { class: 'signin-note', hidden: true });
  const form = h(
    'form',
    { class: 'signin-form', novalidate: true, 'aria-describedby': 'signin-error' },
    h('div', { class: 'field' }, h('label', { for: email.id }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: password.id }, 'Password'), password),
    error,
    h('div', { class: 'actions' }, submit),
  );

  append(
    root,
    h(
      'section',
      { class: 'signin', 'aria-labelledby': 'signin-title' },
      h('h1', { id: 'signin-title' }, 'Sign in'),
      why ? h('p', { class: 'signin-why', role: 'status' }, why) : null,
      signedInNote,
      form,
    ),
  );
  // The email field takes the focus, after the router has focused the
  // heading of a page reached by a link.
  setTimeout(() => {
    if (!signal.aborted && !form.contains(document.activeElement)) email.focus();
  }, 0);

  // Say so when the browser is already signed in; signing in again is allowed.
  void getSession().then((s) => {
    if (signal.aborted || !s) return;
    signedInNote.textContent = `You are signed in as ${s.user.name || s.user.email} (${s.user.role}). Signing in again replaces that session.`;
    signedInNote.hidden = false;
  });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void send();
  });

  function fail(message: string, focus: HTMLInputElement | null): void {
    error.textContent = message;
    error.hidden = false;
    for (const c of [email, password]) c.removeAttribute('aria-invalid');
    if (focus) {
      focus.setAttribute('aria-invalid', 'true');
      focus.focus();
      focus.select();
    } else {
      error.focus();
    }
  }

  async function send(): Promise<void> {
    const address = email.value.trim();
    if (!address || !password.value) {
      fail(!address ? 'Enter your email address.' : 'Enter your password.', !address ? email : password);
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    form.setAttribute('aria-busy', 'true');
    try {
      await signIn(address, password.value);
      if (signal.aborted) return;
      navigate(next);
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && err.status === 401) {
        fail('Wrong email or password.', password);
      } else if (err instanceof ApiError && err.status === 429) {
        fail(throttleMessage(err.retryAfter), null);
      } else if (err instanceof ApiError && err.status === 400) {
        fail('Enter an email address and a password.', email);
      } else {
        const p = problemOf(err);
        fail(`Could not sign in: ${p.detail || p.title}`, null);
      }
    } finally {
      submit.disabled = false;
      submit.textContent = 'Sign in';
      form.removeAttribute('aria-busy');
    }
  }
}
