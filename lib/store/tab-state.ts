/**
 * Per-tab "what this page held" state for the popup, kept in `storage.session` (the MV3 service
 * worker may be killed at any time, so nothing lives only in its memory). Cleared when a tab closes.
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
  /** The page's papers with a "known before / new" mark, for the popup (never sent to the page). */
  pagePapers?: PagePapers;
  /** Rows validation left out (rejected rows with reasons, or rows past the page-size limit). */
  rows?: RowReport;
  /** The page's capture could not be read at all (its reason is in `errors`). */
  unreadable?: boolean;
  updatedAt: number;
}

const key = (tabId: number) => `tab:${tabId}`;

/** Read a tab's state; undefined when nothing was recorded for it. */
export async function getTabState(tabId: number): Promise<TabState | undefined> {
  const got = await browser.storage.session.get(key(tabId));
  return got[key(tabId)] as TabState | undefined;
}

/** Record a tab's state. */
export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

/** Forget a tab. */
export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
