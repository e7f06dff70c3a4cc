// Chrome's offscreen document: starts the search worker (entrypoints/search-worker.ts →
// lib/search/host/search-worker.ts) and answers search messages through it; runs the sync worker
// (entrypoints/sync-worker.ts, opt-in) with the configuration the background hands it; and reads
// fetched landing pages for the opt-in PDF completion (the service worker has no DOMParser).
import { browser } from 'wxt/browser';
import { registerHandlers, sendMessage } from '@/lib/messaging/messaging';
import { workerClientHandlers } from '@/lib/search/host/search-worker-client';
import { scrapeHtml } from '@/lib/scrapers/scrape-html';
import { startSyncHost, type SyncHost } from '@/lib/sync/sync-host';

const worker = new Worker(browser.runtime.getURL('/search-worker.js'));
let sync: SyncHost | undefined;
registerHandlers({
  ...workerClientHandlers(worker),
  scrapeHtml: async ({ html, url }) => ({ result: scrapeHtml(html, url) }),
  async syncRun({ config, now }) {
    // The worker starts with the first configuration that turns sync on (never for users without sync).
    if (!sync && !config?.enabled) return { ok: true };
    sync ??= startSyncHost(browser.runtime.getURL('/sync-worker.js'), (ids, settings) => {
      void sendMessage('syncApplied', { ids, settings }).catch((e: unknown) => console.warn('[paperdex] sync: not told', e));
    });
    sync.run(config, now);
    return { ok: true };
  },
});
