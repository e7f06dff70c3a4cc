/**
 * The background's behaviour: receive validated captures from content scripts, store them, keep
 * the per-tab state and toolbar badge up to date. The entrypoint only calls {@link startBackground}.
 */
import { browser } from 'wxt/browser';
import { lookupKnown, saveCapture } from '../store/capture';
import { getDb } from '../store/db';
import { registerHandlers, sendMessage, type Handlers } from '../messaging/messaging';
import { autoLinkAuthor } from '../store/authors';
import { captureTabNow } from '../ui/capture-now';
import { SITE_NAMES } from '../store/library';
import { autoCaptureAllowed, getSettings } from '../store/settings';
import { INDEX_VERSION_KEY, SearchHost, searchHostHandlers } from '../search/host/search-host';
import { clearTabState, setTabState } from '../store/tab-state';
import type { ScrapeResult } from '../core/types';

/** In Firefox (no offscreen documents) the search host lives here, in the background page. */
let localHost: SearchHost | undefined;
let creating: Promise<void> | undefined;

/**
 * Make sure the search host runs: Chrome's offscreen document (created once, kept while the
 * browser runs), or in Firefox (no offscreen API) a host in this background page. The branch is
 * chosen at build time (`import.meta.env.FIREFOX`), so Chrome's service worker does not bundle
 * the search engine and Firefox's background page has no offscreen code.
 */
export async function ensureSearchHost(): Promise<void> {
  if (import.meta.env.FIREFOX) {
    if (!localHost) {
      localHost = new SearchHost(getDb());
      registerHandlers(searchHostHandlers(localHost));
    }
    return;
  }
  const b = browser as unknown as {
    offscreen: { createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void> };
    runtime: { getContexts?(f: { contextTypes: string[] }): Promise<unknown[]> };
  };
  creating ??= (async () => {
    const existing = (await b.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
    if (existing.length) return;
    await b.offscreen
      .createDocument({
        url: 'offscreen.html',
        // The document hosts the in-memory search index (a worker-like job the MV3 service
        // worker can't do: it is stopped after 30 s idle and would reload the index each time).
        reasons: ['WORKERS'],
        justification: 'Keeps the search index of the local paper library in memory so search is instant.',
      })
      .catch((e: unknown) => {
        if (!/single offscreen document/i.test(String(e))) throw e;
      });
  })().finally(() => {
    creating = undefined;
  });
  return creating;
}

/** Re-index changed papers in the search host, then tell open pages. */
export async function notifyIndex(ids: string[]): Promise<void> {
  if (!ids.length) return;
  try {
    await ensureSearchHost();
    if (import.meta.env.FIREFOX) await localHost!.update(ids);
    else await sendMessage('indexChanged', { ids });
    await browser.storage.session.set({ [INDEX_VERSION_KEY]: Date.now() });
  } catch (e) {
    // The host catches up from the database when it next starts.
    console.warn('[paperdex] search index update deferred:', e);
  }
}

/** Explain a storage failure in words a user can act on. */
export function describeStorageError(e: unknown): string {
  const err = e as { name?: string; inner?: { name?: string }; message?: string };
  const names = [err?.name, err?.inner?.name];
  if (names.includes('QuotaExceededError')) {
    return 'Your browser ran out of storage space for Paperdex. Free some disk space or export and delete old papers; nothing from this page was saved.';
  }
  return `Could not save this page: ${err?.message ?? String(e)}`;
}

async function setBadge(tabId: number, text: string, error = false): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: error ? '#b3261e' : '#2f5fb3' });
  } catch {
    /* tab closed meanwhile */
  }
}

/** Store a scrape for a tab, recording the outcome for the popup. Never throws. */
export async function captureForTab(
  tabId: number,
  url: string,
  result: ScrapeResult | null,
  errors: string[],
  visitId?: string,
  onDemand = false,
) {
  if (!result || (result.papers.length === 0 && !result.author)) {
    await setTabState(tabId, { url, found: 0, errors, updatedAt: Date.now(), site: result?.site, kind: result?.kind, onDemand });
    await setBadge(tabId, errors.length ? '!' : '', errors.length > 0);
    return { ok: true as const, summary: undefined };
  }
  if (!onDemand) {
    const settings = await getSettings();
    if (!autoCaptureAllowed(settings, result.site)) {
      const skipped = settings.autoCapture ? `Automatic capture is off for ${SITE_NAMES[result.site]}.` : 'Automatic capture is paused.';
      await setTabState(tabId, {
        url,
        site: result.site,
        kind: result.kind,
        found: result.papers.length,
        errors,
        skipped,
        updatedAt: Date.now(),
      });
      await setBadge(tabId, '');
      const known = settings.showBadges ? await lookupKnown(getDb(), result.papers) : undefined;
      return { ok: true as const, summary: undefined, skipped, known };
    }
  }
  try {
    const { known, ...summary } = await saveCapture(getDb(), result, { visitId });
    // The same person's profile on another site, with shared papers: link them.
    if (summary.authorId) summary.authorId = await autoLinkAuthor(getDb(), summary.authorId);
    await notifyIndex(summary.paperIds);
    const { showBadges } = await getSettings();
    await setTabState(tabId, {
      url,
      site: result.site,
      kind: result.kind,
      found: summary.papersFound,
      summary,
      errors,
      onDemand,
      updatedAt: Date.now(),
    });
    await setBadge(tabId, summary.papersFound > 999 ? '999+' : String(summary.papersFound || '✓'));
    return { ok: true as const, summary, known: showBadges ? known : undefined };
  } catch (e) {
    const error = describeStorageError(e);
    console.error('[paperdex] capture failed', e);
    await setTabState(tabId, {
      url,
      site: result.site,
      kind: result.kind,
      found: result.papers.length,
      errors: [...errors, error],
      updatedAt: Date.now(),
    });
    await setBadge(tabId, '!', true);
    return { ok: false as const, error };
  }
}

const handlers: Partial<Handlers> = {
  async capture(data, sender) {
    const tabId = sender.tab!.id!;
    // The page may only report captures of itself.
    if (data.result && new URL(data.result.url).origin !== new URL(sender.tab?.url ?? sender.url ?? data.url).origin) {
      return { ok: false, error: 'capture URL does not match the sending page' };
    }
    return captureForTab(tabId, data.url, data.result, data.errors, data.visitId, data.onDemand);
  },
  async ensureSearchHost() {
    await ensureSearchHost();
    return { ok: true };
  },
};

/** Wire listeners. Called once per service-worker start. */
export function startBackground(): void {
  registerHandlers(handlers);
  // Start (or reconnect to) the search host early so the first search is warm.
  void ensureSearchHost().catch((e) => console.warn('[paperdex] search host not started:', e));
  browser.tabs.onRemoved.addListener((tabId) => void clearTabState(tabId));
  // Keyboard shortcut: capture the current page on demand (the shortcut grants activeTab).
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'capture-page' && tab?.id !== undefined) {
      captureTabNow(tab.id).catch(async (e: unknown) => {
        await setTabState(tab.id!, {
          url: tab.url ?? '',
          found: 0,
          errors: [`Could not capture this page: ${e instanceof Error ? e.message : String(e)}`],
          updatedAt: Date.now(),
          onDemand: true,
        });
      });
    }
  });
  // Ask the browser not to evict the collection under storage pressure.
  void (globalThis.navigator?.storage?.persist?.() ?? Promise.resolve(false)).catch(() => false);
}
