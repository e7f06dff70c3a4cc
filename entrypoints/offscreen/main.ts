// Chrome's offscreen document: starts the search worker (entrypoints/search-worker.ts →
// lib/search/host/search-worker.ts) and answers search messages through it; it also reads fetched
// landing pages for the opt-in PDF completion (the service worker has no DOMParser).
import { browser } from 'wxt/browser';
import { registerHandlers } from '@/lib/messaging/messaging';
import { workerClientHandlers } from '@/lib/search/host/search-worker-client';
import { scrapeHtml } from '@/lib/scrapers/scrape-html';

const worker = new Worker(browser.runtime.getURL('/search-worker.js'));
registerHandlers({ ...workerClientHandlers(worker), scrapeHtml: async ({ html, url }) => ({ result: scrapeHtml(html, url) }) });
