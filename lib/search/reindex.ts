/**
 * For extension pages that change papers (import, delete, collections): have the search host
 * re-read them, then tell open pages to re-run their queries.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/messaging';
import { INDEX_VERSION_KEY } from './index-version';

/** Re-index these papers. Never throws: the host catches up from the database on its next start. */
export async function reindex(ids: string[]): Promise<void> {
  if (!ids.length) return;
  try {
    await sendMessage('ensureSearchHost', {});
    for (let i = 0; i < ids.length; i += 50_000) await sendMessage('indexChanged', { ids: ids.slice(i, i + 50_000) });
    await browser.storage.session.set({ [INDEX_VERSION_KEY]: Date.now() });
  } catch (e) {
    console.warn('[paperdex] re-index deferred:', e);
  }
}
