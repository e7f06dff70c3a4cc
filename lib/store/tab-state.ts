/**
 * Per-tab "what this page held" state for the popup, kept in `storage.session` (the MV3 service
 * worker may be killed at any time, so nothing lives only in its memory). A state is about one page:
 * it carries the URL it describes, is dropped when the tab goes elsewhere (navigation, an in-app
 * route change) and cleared when the tab closes; readers compare it with the tab's URL.
 */
import { browser } from 'wxt/browser';
import type { CaptureSummary } from './capture';
import type { SiteId } from '../core/types';
import type { PagePapers } from './page-papers';
import type { RowReport } from '../core/scrape-rows';

/** What the popup shows about the current tab. */
export interface TabState {
  url: string;
  /** Adapter that claimed the page, if any. */
  site?: SiteId;
  kind?: CaptureSummary['kind'];
  /** Papers the page held (after validation). */
  found: number;
  summary?: CaptureSummary;
  /** Adapter errors and storage errors, shown to the user. */
  errors: string[];
  /** Why nothing was stored although the page held papers (auto-capture paused / off for the site). */
  skipped?: string;
  /** The capture was asked for by the user (click-capture). */
  onDemand?: boolean;
  /** The page visit this state is about (a re-scrape of the same visit keeps its "known before" marks). */
  visitId?: string;
  /** The page's papers marked new / updated / already known, new first (bounded), for the popup; never sent to the page. */
  pagePapers?: PagePapers;
  /** Rows validation left out (rejected rows with reasons, or rows past the page-size limit). */
  rows?: RowReport;
  /** The page's capture could not be read at all (its reason is in `errors`). */
  unreadable?: boolean;
  updatedAt: number;
}

const key = (tabId: number) => `tab:${tabId}`;

/**
 * Whether two URLs are the same page: equal but for the fragment (a `#section` link stays on the
 * page; any other difference, path or query, is another page). Unparsable URLs compare as text.
 */
export function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = '';
    y.hash = '';
    return x.href === y.href;
  } catch {
    return a === b;
  }
}

/**
 * Read a tab's state; undefined when nothing was recorded for it, or, given the tab's current URL,
 * when the state is about another page (the tab has moved on since).
 */
export async function getTabState(tabId: number, url?: string): Promise<TabState | undefined> {
  const got = await browser.storage.session.get(key(tabId));
  const state = got[key(tabId)] as TabState | undefined;
  return state && url !== undefined && !samePage(state.url, url) ? undefined : state;
}

/**
 * The tab is now showing `url`: forget its state unless it is about that page. With the URL
 * unknown (`undefined`: the tab shows no page Paperdex may see), the state is forgotten. Given
 * `seen` (the `updatedAt` of the state the caller judged), only that state is: a capture of the new
 * page recorded meanwhile stays.
 */
export async function tabNavigated(tabId: number, url: string | undefined, seen?: number): Promise<void> {
  const state = await getTabState(tabId);
  if (!state || (url !== undefined && samePage(state.url, url))) return;
  if (seen !== undefined && state.updatedAt !== seen) return;
  await clearTabState(tabId);
}

/** Record a tab's state. */
export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

/** Forget a tab. */
export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
