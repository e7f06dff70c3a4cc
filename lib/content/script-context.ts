/**
 * A silent stand-in for WXT's `ContentScriptContext`, swapped in at build time (the
 * `wxt/utils/content-script-context` alias in wxt.config.ts) for every content script.
 *
 * WXT 0.21's context, constructed by its content-script wrapper before `main` runs, posts a
 * "content script started" message to the page (`window.postMessage`, its type containing the
 * extension id) and invalidates itself when the page dispatches the matching event: any page could
 * learn that Paperdex is installed and switch its capture off. It cannot be configured not to.
 * This class keeps the context's lifecycle API but talks to nobody: it posts nothing, listens to
 * no page event, and is invalid only when the extension runtime is gone (extension reloaded or
 * removed), which a page cannot cause. Paperdex's content scripts own their lifecycle
 * (lib/content/page-watch.ts) and do not use the context beyond this.
 */
import { browser } from 'wxt/browser';

/** The lifecycle context handed to a content script's `main`; see the module comment. */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  /** Same parameters as WXT's context (the wrapper passes them); nothing is done with them. */
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  /** Aborted once the extension runtime is gone. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension was reloaded or removed (`browser.runtime.id` is gone). */
  get isInvalid(): boolean {
    if (!runtimeAlive()) this.notifyInvalidated();
    return this.controller.signal.aborted;
  }

  /** The opposite of {@link isInvalid}. */
  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Run `cb` when the context is invalidated. Returns a function removing the listener. */
  onInvalidated(cb: () => void): () => void {
    this.controller.signal.addEventListener('abort', cb);
    return () => this.controller.signal.removeEventListener('abort', cb);
  }

  /** Invalidate the context (runs the `onInvalidated` listeners). */
  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** Invalidate the context: the extension runtime is gone. */
  notifyInvalidated(): void {
    this.abort('Extension context invalidated');
  }
}

/**
 * Whether this content script's extension still runs. `chrome.runtime.id` becomes undefined (or
 * throws) in a content script orphaned by an extension reload; a page cannot change it, since the
 * content script's globals live in its own isolated world.
 */
export function runtimeAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}
