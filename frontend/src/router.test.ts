// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { type ViewContext, createRouter } from './router';

describe('createRouter', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  function pop(path: string): void {
    history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }

  it('tells a view that takes hash changes instead of rendering it again', async () => {
    history.replaceState(null, '', '/articles/1');
    const root = document.createElement('main');
    document.body.append(root);
    const renders: string[] = [];
    const hashes: string[] = [];
    const signals: AbortSignal[] = [];
    const article = (ctx: ViewContext) => {
      renders.push(location.pathname + location.hash);
      signals.push(ctx.signal);
      ctx.onHashChange((hash) => hashes.push(hash));
    };
    const other = () => {
      renders.push(location.pathname);
    };
    const router = createRouter(root, [
      { pattern: /^\/articles\/(\d+)$/, view: article },
      { pattern: /^\/other$/, view: other },
    ], () => {});
    await router.start();
    expect(renders).toEqual(['/articles/1']);

    pop('/articles/1#claim-5');
    pop('/articles/1#claim-7');
    expect(hashes).toEqual(['#claim-5', '#claim-7']);
    expect(renders).toEqual(['/articles/1']);
    expect(signals[0]?.aborted).toBe(false);

    // Another article, or another page, is rendered.
    pop('/articles/2#claim-9');
    expect(renders).toEqual(['/articles/1', '/articles/2#claim-9']);
    expect(signals[0]?.aborted).toBe(true);
    pop('/other');
    pop('/other#x');
    // A view that does not take hash changes is rendered again, as before.
    expect(renders).toEqual(['/articles/1', '/articles/2#claim-9', '/other', '/other']);
    expect(hashes).toEqual(['#claim-5', '#claim-7']);
  });
});
