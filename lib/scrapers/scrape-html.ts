/**
 * Read a fetched page's HTML with the adapters, as if it had been visited: parsed by the DOM parser
 * (scripts never run in a parsed document) and handed to the registry in automatic mode. Used by the
 * opt-in completion of opened PDFs (lib/background/pdf-complete.ts), in Chrome's offscreen document
 * and Firefox's background page (the MV3 service worker has no DOMParser).
 */
import { scrapePage } from './registry';
import type { ScrapeResult } from '../core/types';

/** The registry's reading of `html` as the page at `url`; null when it holds nothing to capture. */
export function scrapeHtml(html: string, url: string): ScrapeResult | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links resolve against the page, not the extension.
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return scrapePage(doc, new URL(url), { mode: 'auto' }).result;
}
