// History-API routing: links inside the app change the URL without a page
// load, and the Go server answers every app path with index.html so a
// reload lands on the same view.

import { clear } from './dom';

export interface ViewContext {
  /** The element the view renders into; empty when the view starts. */
  root: HTMLElement;
  /** Capture groups of the route's pattern. */
  params: string[];
  /** Aborted when the user navigates away: cancels fetches and listeners. */
  signal: AbortSignal;
  /** The history state given to navigate, or null. */
  state: unknown;
  navigate: (path: string, state?: unknown) => void;
  /**
   * onHashChange lets the view take a change of the location's hash alone
   * (a link to #claim-12 on the same page, Back or Forward between two such
   * addresses), even while it is still loading. Without it, such a change
   * renders the view again from the start.
   */
  onHashChange: (fn: (hash: string) => void) => void;
}

export type View = (ctx: ViewContext) => void | Promise<void>;

export interface Route {
  pattern: RegExp;
  view: View;
}

export interface Router {
  navigate: (path: string, state?: unknown) => void;
  /** Renders the current URL; call once at start-up. */
  start: () => Promise<void>;
}

export function createRouter(root: HTMLElement, routes: Route[], notFound: View, onChange?: (path: string) => void): Router {
  let current: AbortController | null = null;
  /** The pathname and query the current view was rendered for. */
  let shown = '';
  /** The current view's handler for a change of the hash alone, if it has one. */
  let hashHandler: ((hash: string) => void) | null = null;

  async function render(fromLink: boolean): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    hashHandler = null;
    shown = location.pathname + location.search;
    const path = location.pathname.replace(/\/+$/, '') || '/';
    let view = notFound;
    let params: string[] = [];
    for (const r of routes) {
      const m = r.pattern.exec(path);
      if (m) {
        view = r.view;
        params = m.slice(1);
        break;
      }
    }
    clear(root);
    onChange?.(path);
    if (fromLink) window.scrollTo(0, 0);
    try {
      const onHashChange = (fn: (hash: string) => void) => {
        if (current === controller) hashHandler = fn;
      };
      await view({ root, params, signal: controller.signal, state: history.state, navigate, onHashChange });
    } catch (err) {
      if (controller.signal.aborted) return;
      throw err;
    }
    if (fromLink && !controller.signal.aborted) {
      // Tell screen readers the page changed: focus the new heading.
      const heading = root.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    }
  }

  function navigate(path: string, state: unknown = null): void {
    history.pushState(state, '', path);
    void render(true);
  }

  document.addEventListener('click', (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = (ev.target as Element | null)?.closest?.('a');
    if (!a || !a.href || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    // In-page anchors (error summary links) are the browser's job.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    ev.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
  // A fragment navigation fires popstate too: when only the hash changed and
  // the view takes hash changes, it is told instead of rendered again.
  window.addEventListener('popstate', () => {
    if (hashHandler && location.pathname + location.search === shown) {
      hashHandler(location.hash);
      return;
    }
    void render(true);
  });

  return { navigate, start: () => render(false) };
}
