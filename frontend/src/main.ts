import './style.css';
import { h } from './dom';
import { createRouter } from './router';
import { articleView } from './views/article';
import { articlesView } from './views/articles';
import { newView } from './views/new';
import { reviewView } from './views/review';
import { speakerView } from './views/speaker';

const main = document.getElementById('main');
if (!main) throw new Error('index.html has no #main');

const router = createRouter(
  main,
  [
    { pattern: /^\/$/, view: articlesView },
    { pattern: /^\/articles\/(\d+)$/, view: articleView },
    { pattern: /^\/new$/, view: newView },
    { pattern: /^\/review$/, view: reviewView },
    { pattern: /^\/speakers\/(\d+)$/, view: speakerView },
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
      const here = a.pathname === '/' ? path === '/' || path.startsWith('/articles/') : path === a.pathname;
      if (here) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  },
);

void router.start();
