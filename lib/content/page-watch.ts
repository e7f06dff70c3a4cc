/**
 * The auto-capture content script's lifecycle: when to look at the page again. DOM changes (a
 * MutationObserver) and URL changes (in-app navigation) schedule a re-capture through a debounce
 * with a maximum wait, so a page that never stops changing is still captured every few seconds.
 *
 * Nothing here can be switched off by the page: the observer and the URL poll are the content
 * script's own (a page cannot reach them from its world), page events such as `popstate` only make
 * the watcher compare the real URL again, and the watcher stops only when the extension runtime is
 * gone. (WXT's `ctx.onInvalidated` and `wxt:locationchange` are page-dispatchable events and are
 * not used; see lib/content/script-context.ts.)
 */
import { browser } from 'wxt/browser';
import { isWhereQuery } from '../messaging/messaging';
import { debounce } from './content-capture';

/** What {@link watchPage} needs, injected so it runs in tests without a browser. */
export interface WatchEnv {
  win: Pick<Window, 'setInterval' | 'clearInterval' | 'addEventListener' | 'removeEventListener'> & {
    MutationObserver: typeof MutationObserver;
  };
  doc: Document;
  href: () => string;
  /** Look at the page again (the capturer's `run`). */
  run: () => void;
  /** The URL changed in-app (told at once, before the debounced `run`): the tab's state is about the old page. */
  moved?: (href: string) => void;
  /** False once the extension is gone: the watcher then stops. */
  alive: () => boolean;
  /** Quiet time after the last change before re-capturing. */
  debounceMs?: number;
  /** Longest wait since the first change still pending. */
  maxWaitMs?: number;
  /** How often the URL is compared (history API navigations fire no event a script can trust). */
  pollMs?: number;
}

/** Watch the page for changes and navigation; returns a function that stops watching. */
export function watchPage(env: WatchEnv): () => void {
  const later = debounce(
    () => {
      if (env.alive()) env.run();
      else stop();
    },
    env.debounceMs ?? 600,
    env.maxWaitMs ?? 3000,
  );
  const observer = new env.win.MutationObserver(later);
  observer.observe(env.doc.documentElement, { childList: true, subtree: true });

  let lastHref = env.href();
  const checkUrl = () => {
    if (!env.alive()) return stop();
    const href = env.href();
    if (href === lastHref) return;
    lastHref = href;
    env.moved?.(href);
    later();
  };
  const poll = env.win.setInterval(checkUrl, env.pollMs ?? 1000);
  // Faster than the poll for back/forward and hash links; a forged event only triggers a check.
  env.win.addEventListener('popstate', checkUrl);
  env.win.addEventListener('hashchange', checkUrl);

  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    env.win.clearInterval(poll);
    env.win.removeEventListener('popstate', checkUrl);
    env.win.removeEventListener('hashchange', checkUrl);
  }
  return stop;
}

/**
 * Answer the background's "which page are you on?" ({@link isWhereQuery}) with the page's URL, so a
 * tab's state is kept across loads that are no navigation (a frame, a hash) and dropped after one.
 * Only the extension itself can ask (`browser.tabs.sendMessage`); anything else is not answered.
 */
export function answerWhereQueries(href: () => string): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isWhereQuery(msg)) return undefined;
    sendResponse(href());
    return undefined;
  });
}
