// Chrome's offscreen document: starts the search worker (entrypoints/search-worker.ts →
// lib/search/host/search-worker.ts) and answers search messages through it.
import { browser } from 'wxt/browser';
import { registerHandlers } from '@/lib/messaging/messaging';
import { workerClientHandlers } from '@/lib/search/host/search-worker-client';

const worker = new Worker(browser.runtime.getURL('/search-worker.js'));
registerHandlers(workerClientHandlers(worker));
