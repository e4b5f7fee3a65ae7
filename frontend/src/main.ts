import './style.css';
import { type Session, getSession, onSessionChange, onUnauthorized, signOut } from './api';
import { signInHref, signInPath } from './auth';
import { clear, h } from './dom';
import { problemOf } from './problem';
import { createRouter } from './router';
import { articleView } from './views/article';
import { articlesView } from './views/articles';
import { exportsView } from './views/exports';
import { jobView } from './views/jobs';
import { newView } from './views/new';
import { reviewView } from './views/review';
import { type SignInState, signInView } from './views/signin';
import { speakerView } from './views/speaker';
import { statementView } from './views/statement';
import { storiesView, storyView } from './views/stories';

const main = document.getElementById('main');
if (!main) throw new Error('index.html has no #main');
const account = document.getElementById('account');

const here = () => location.pathname + location.search + location.hash;

const router = createRouter(
  main,
  [
    { pattern: /^\/$/, view: articlesView },
    { pattern: /^\/articles\/(\d+)$/, view: articleView },
    { pattern: /^\/stories$/, view: storiesView },
    { pattern: /^\/stories\/(\d+)$/, view: storyView },
    { pattern: /^\/statements\/(\d+)$/, view: statementView },
    { pattern: /^\/exports$/, view: exportsView },
    { pattern: /^\/jobs\/(\d+)$/, view: jobView },
    { pattern: /^\/new$/, view: newView },
    { pattern: /^\/review$/, view: reviewView },
    { pattern: /^\/speakers\/(\d+)$/, view: speakerView },
    { pattern: /^\/signin$/, view: signInView },
  ],
  ({ root }) => {
    document.title = 'Not found · Crosscheck';
    root.append(
      h('h1', null, 'Page not found'),
      h('p', null, 'There is nothing at this address. ', h('a', { href: '/' }, 'See the articles'), '.'),
    );
  },
  (path) => {
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
      const here =
        a.pathname === '/'
          ? path === '/' || path.startsWith('/articles/')
          : a.pathname === '/stories'
            ? path === '/stories' || path.startsWith('/stories/') || path.startsWith('/statements/')
            : a.pathname === '/new'
              ? path === '/new' || path.startsWith('/jobs/')
              : path === a.pathname;
      if (here) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    renderAccount();
  },
);

// Any call that answers 401 sends the user to sign in, and back here after.
onUnauthorized((p) => {
  if (location.pathname === signInPath) return;
  const state: SignInState = {
    message: /token/i.test(p.detail) && !/^sign in \(POST/i.test(p.detail)
      ? `Sign in to continue (${p.detail}).`
      : 'You need to sign in for that. You will come back to this page afterwards.',
  };
  router.navigate(signInHref(here()), state);
});

let known: Session | null | undefined;
onSessionChange((s) => {
  known = s;
  renderAccount();
});

/** renderAccount shows who is signed in, with Sign out, or a Sign in link. */
function renderAccount(): void {
  if (!account) return;
  if (known === undefined) return; // not asked yet: show nothing rather than guess
  clear(account);
  if (!known) {
    if (location.pathname !== signInPath) account.append(h('a', { class: 'signin-link', href: signInHref(here()) }, 'Sign in'));
    return;
  }
  const u = known.user;
  const out = h('button', { type: 'button', class: 'link-button signout' }, 'Sign out');
  out.addEventListener('click', () => {
    out.disabled = true;
    signOut()
      .then(() => router.navigate(signInPath, { message: 'You have signed out.' } satisfies SignInState))
      .catch((err: unknown) => {
        out.disabled = false;
        account.append(h('span', { class: 'account-error', role: 'alert' }, `Could not sign out: ${problemOf(err).title}`));
      });
  });
  account.append(
    h(
      'span',
      { class: 'account-user' },
      h('span', { class: 'account-name' }, u.name || u.email),
      u.name ? h('span', { class: 'account-email' }, u.email) : null,
      h('span', { class: `account-role role-${u.role}` }, u.role),
    ),
    out,
  );
}

void getSession();
void router.start();
