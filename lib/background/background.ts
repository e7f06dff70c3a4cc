/**
 * The background's behaviour: receive validated captures from content scripts, store them, keep
 * the per-tab state and toolbar badge up to date. The entrypoint only calls {@link startBackground}.
 */
import { watchOptionalCapture } from './host-groups';
import { recordPdfOpen } from '../store/pdf-open';
import { pdfPaperOf } from '../core/pdf-urls';
import { readLanding, type ParseLanding } from './pdf-complete';
import { scrapeHtml } from '../scrapers/scrape-html';
import { browser } from 'wxt/browser';
import { saveCapture } from '../store/capture';
import { getDb } from '../store/db';
import { registerHandlers, sendMessage, WHERE_QUERY, type Handlers } from '../messaging/messaging';
import { autoLinkAuthor } from '../store/authors';
import { captureTabNow } from '../ui/capture-now';
import { SITE_NAMES } from '../store/library';
import { autoCaptureAllowed, badgesAllowed, getSettings } from '../store/settings';
import { INDEX_VERSION_KEY, SearchHost, searchHostHandlers } from '../search/host/search-host';
import { clearTabState, getTabState, setTabState, tabNavigated } from '../store/tab-state';
import { pagePaperList } from '../store/page-papers';
import type { ScrapeResult } from '../core/types';
import { spreadOverRows, type RowReport } from '../core/scrape-rows';
import { t } from '../i18n/i18n';
import { pushSyncConfig, syncHandlers, type SyncDeps } from './sync';

/** How a capture's rows were read: what to tell the user, and which page rows are not in `result`. */
interface RowRead {
  report: RowReport;
  dropped: number[];
}

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
    const made = await b.offscreen
      .createDocument({
        url: 'offscreen.html',
        // The document hosts the in-memory search index (a worker-like job the MV3 service
        // worker can't do: it is stopped after 30 s idle and would reload the index each time).
        reasons: ['WORKERS'],
        justification: 'Keeps the search index of the local paper library in memory so search is instant.',
      })
      .then(() => true)
      .catch((e: unknown) => {
        if (!/single offscreen document/i.test(String(e))) throw e;
        return false;
      });
    // A new document (browser start, or it was closed): sync resumes there, when it is on.
    if (made) void pushSyncConfig(syncDeps).catch((e: unknown) => console.warn('[paperdex] sync not resumed:', e));
  })().finally(() => {
    creating = undefined;
  });
  return creating;
}

/** What sync needs of the background (lib/background/sync.ts). */
const syncDeps: SyncDeps = { ensureHost: () => ensureSearchHost(), notifyIndex: (ids) => notifyIndex(ids) };

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

/**
 * Explain a storage failure in words a user can act on. Worded here, in the UI language of the
 * moment (the tab state keeps the sentence; a popup opened after a language change shows it as it was).
 */
export function describeStorageError(e: unknown): string {
  const err = e as { name?: string; inner?: { name?: string }; message?: string };
  const names = [err?.name, err?.inner?.name];
  if (names.includes('QuotaExceededError')) return t('capture_outOfStorage');
  return t('capture_saveFailed', { error: err?.message ?? String(e) });
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
  rows?: RowRead,
) {
  // Rows left out by validation: the popup says how many and why; badges map back to page rows.
  const report = rows && (rows.report.skipped > 0 || rows.report.limit !== undefined) ? rows.report : undefined;
  const spread = (known: boolean[] | undefined) => known && rows && spreadOverRows(known, rows.dropped, rows.report.total, false);
  if (!result || (result.papers.length === 0 && !result.author)) {
    await setTabState(tabId, {
      url,
      found: 0,
      errors,
      updatedAt: Date.now(),
      site: result?.site,
      kind: result?.kind,
      onDemand,
      rows: report,
    });
    await setBadge(tabId, errors.length ? '!' : '', errors.length > 0);
    return { ok: true as const, summary: undefined };
  }
  const settings = await getSettings();
  if (!onDemand) {
    if (!autoCaptureAllowed(settings, result.site)) {
      const skipped = settings.autoCapture ? t('capture_offForSite', { site: SITE_NAMES[result.site] }) : t('capture_paused');
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
      // Paused or off here: the page is told nothing about the library (no lookup at all).
      return { ok: true as const, summary: undefined, skipped };
    }
  }
  let saved: Awaited<ReturnType<typeof saveCapture>>;
  try {
    saved = await saveCapture(getDb(), result, { visitId });
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
  // Committed: from here on the answer is "stored" whatever else fails, so the content script
  // stops resending and the popup never says a stored page could not be saved.
  const { known, marks, ...summary } = saved;
  try {
    // The same person's profile on another site, with shared papers: link them.
    if (summary.authorId) summary.authorId = await autoLinkAuthor(getDb(), summary.authorId);
  } catch (e) {
    console.error('[paperdex] linking the author failed', e);
  }
  try {
    await notifyIndex(summary.paperIds);
  } catch (e) {
    // The search host catches up from the change log when it next runs.
    console.error('[paperdex] search host not told of the capture', e);
  }
  try {
    const previous = await getTabState(tabId);
    const pagePapers = pagePaperList(result.papers, marks, previous?.visitId === visitId ? previous?.pagePapers : undefined);
    await setTabState(tabId, {
      url,
      site: result.site,
      kind: result.kind,
      found: summary.papersFound,
      summary,
      errors,
      onDemand,
      rows: report,
      visitId,
      pagePapers: pagePapers.papers.length ? pagePapers : undefined,
      updatedAt: Date.now(),
    });
    await setBadge(tabId, summary.papersFound > 999 ? '999+' : String(summary.papersFound || '✓'));
    // Which papers are known reaches the page only with the user's opt-in for this site (its
    // scripts can read the badges), never while capture is paused or off there.
    const toPage = badgesAllowed(settings, result.site) ? (spread(known) ?? known) : undefined;
    return { ok: true as const, summary, known: toPage };
  } catch (e) {
    console.error('[paperdex] tab state after a stored capture failed', e);
    return { ok: true as const, summary };
  }
}

const handlers: Partial<Handlers> = {
  async capture(data, sender) {
    const tabId = sender.tab!.id!;
    // The page may only report captures of itself.
    if (data.result && new URL(data.result.url).origin !== new URL(sender.tab?.url ?? sender.url ?? data.url).origin) {
      return { ok: false, error: 'capture URL does not match the sending page' };
    }
    if (data.invalid) {
      // The envelope (site, kind, url, author) could not be read: nothing can be stored, but the tab
      // says why, so the popup never claims this is a page Paperdex does not capture.
      const error = t('capture_unreadable', { reason: data.invalid });
      const errors = [...data.errors, error];
      await setTabState(tabId, {
        url: data.url,
        site: data.adapter,
        found: 0,
        errors,
        unreadable: true,
        onDemand: data.onDemand,
        updatedAt: Date.now(),
      });
      await setBadge(tabId, '!', true);
      return { ok: false, error };
    }
    const rows = data.rows && data.dropped ? { report: data.rows, dropped: data.dropped } : undefined;
    return captureForTab(tabId, data.url, data.result, data.errors, data.visitId, data.onDemand, rows);
  },
  async pageMoved(data, sender) {
    const tabId = sender.tab!.id!;
    // A page can only speak of itself: a URL on another origin is ignored.
    const from = sender.url ?? sender.tab?.url;
    if (from && URL.canParse(data.url) && new URL(data.url).origin === new URL(from).origin) await tabNavigated(tabId, data.url);
    return { ok: true };
  },
  async ensureSearchHost() {
    await ensureSearchHost();
    return { ok: true };
  },
  ...syncHandlers(syncDeps),
};

/**
 * The tab changed (`tabs.onUpdated`, which fires without the `tabs` permission — for a navigation,
 * but also for a frame, a hash, a history entry or a title): drop its
 * state unless it is still about the page shown. The tab's URL is known where Paperdex may see it
 * (activeTab); else the auto-capture content script is asked; no answer means the tab left the
 * pages Paperdex captures on, so a state recorded before is about a page no longer shown.
 */
export async function tabUpdated(tabId: number, url: string | undefined): Promise<void> {
  const before = await getTabState(tabId);
  if (!before) return;
  const shown =
    url ??
    (await browser.tabs
      .sendMessage(tabId, WHERE_QUERY, { frameId: 0 })
      .then((r: unknown) => (typeof r === 'string' ? r : undefined))
      .catch(() => undefined));
  await tabNavigated(tabId, shown, before.updatedAt);
}

/** Record an opened PDF of a known site (see lib/store/pdf-open.ts) and index it. Never throws. */
export async function pdfOpened(url: string, title: string | undefined): Promise<void> {
  const pp = pdfPaperOf(url);
  if (!pp) return;
  try {
    // Paused (or off for the site): nothing is recorded automatically, opened PDFs included.
    const settings = await getSettings();
    if (!autoCaptureAllowed(settings, pp.site)) return;
    const r = await recordPdfOpen(getDb(), url, title);
    // Only a record known from its PDF alone changes what search holds (new, or renamed by the tab's title).
    if (!r?.incomplete) return;
    await notifyIndex([r.paperId]);
    if (r.landing && settings.completeOpenedPdfs) await completeOpenedPdf(r.landing);
  } catch (e) {
    console.error('[paperdex] recording an opened PDF failed', e);
  }
}

/** Landing pages being read now (a PDF tab reports several updates). */
const completing = new Set<string>();

/**
 * The opt-in completion (lib/background/pdf-complete.ts): fetch the landing page once and store it
 * as a capture of that page. Failures leave the paper incomplete and are logged, never thrown.
 */
async function completeOpenedPdf(landing: string): Promise<void> {
  if (completing.has(landing)) return;
  completing.add(landing);
  try {
    const parse: ParseLanding = import.meta.env.FIREFOX
      ? async (html, url) => scrapeHtml(html, url)
      : async (html, url) => {
          await ensureSearchHost();
          return (await sendMessage('scrapeHtml', { html, url })).result;
        };
    const result = await readLanding(landing, parse);
    const saved = await saveCapture(getDb(), result);
    await notifyIndex(saved.paperIds);
  } catch (e) {
    console.warn('[paperdex] the landing page of an opened PDF was not read:', e instanceof Error ? e.message : e);
  } finally {
    completing.delete(landing);
  }
}

/** storage.local key: when the welcome page was opened (removing the extension forgets it). */
const WELCOME_SHOWN = 'welcomeShownAt';

/**
 * Open the welcome page unless it was opened before. Chromium reports "install" again at every
 * start for an extension loaded from the command line (--load-extension: `npm run dev`, the E2E
 * tests), so the reason alone would open it on every start there.
 */
async function openWelcomeOnce(): Promise<void> {
  if ((await browser.storage.local.get(WELCOME_SHOWN))[WELCOME_SHOWN]) return;
  await browser.storage.local.set({ [WELCOME_SHOWN]: Date.now() });
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}

/** Wire listeners. Called once per service-worker start. */
export function startBackground(): void {
  registerHandlers(handlers);
  // The welcome page, once: on a first install only (not on an update, nor on a browser start).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openWelcomeOnce().catch(() => undefined);
  });
  // Automatic capture on the host groups the user granted (optional host permissions).
  watchOptionalCapture();
  // Start (or reconnect to) the search host early so the first search is warm.
  void ensureSearchHost().catch((e) => console.warn('[paperdex] search host not started:', e));
  // Sync, when the user turned it on, runs again after the browser restarts: in Chrome
  // ensureSearchHost (above) hands the configuration to each new offscreen document (a restarted
  // service worker finds the document, and its sync worker, still running); Firefox starts it here.
  if (import.meta.env.FIREFOX) void pushSyncConfig(syncDeps).catch((e) => console.warn('[paperdex] sync not started:', e));
  browser.tabs.onRemoved.addListener((tabId) => void clearTabState(tabId));
  // Every update: without the `tabs` permission a navigation's commit arrives with its `url` field
  // stripped (an empty change), and its start as `status: 'loading'`. A tab with no state costs one read.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void tabUpdated(tabId, change.url ?? tab.url).catch(() => undefined));
  // Opened PDFs (no content script runs in a PDF viewer): seen in the same updates, on the hosts
  // Paperdex has permission for (without the `tabs` permission other tabs' URLs are not shown).
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    const url = change.url ?? (change.status === 'complete' || change.title !== undefined ? tab.url : undefined);
    if (url) void pdfOpened(url, change.title ?? tab.title);
  });
  // Keyboard shortcut: capture the current page on demand (the shortcut grants activeTab).
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'capture-page' && tab?.id !== undefined) {
      captureTabNow(tab.id).catch(async (e: unknown) => {
        await setTabState(tab.id!, {
          url: tab.url ?? '',
          found: 0,
          errors: [t('capture_shortcutFailed', { error: e instanceof Error ? e.message : String(e) })],
          updatedAt: Date.now(),
          onDemand: true,
        });
      });
    }
  });
  // Ask the browser not to evict the collection under storage pressure.
  void (globalThis.navigator?.storage?.persist?.() ?? Promise.resolve(false)).catch(() => false);
}
