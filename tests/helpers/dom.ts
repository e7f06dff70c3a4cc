// Test helpers: parse HTML into a Document with happy-dom (no scripts run, nothing fetched), and
// locate the real saved pages in ../shared/pages beside the checkout.
import { Window } from 'happy-dom';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = resolve(repoRoot, 'tests/fixtures');
/** ../shared/pages beside the checkout (CI puts shared/ there). */
export const sharedPages = resolve(repoRoot, '../shared/pages');
/** ../shared/seeds beside the checkout. */
export const sharedSeeds = resolve(repoRoot, '../shared/seeds');

/**
 * Whether the shared real pages are present. On CI (CI=true) they must be: a missing shared/
 * fails loudly instead of silently skipping the real-markup checks.
 */
export function haveShared(): boolean {
  const ok = existsSync(sharedPages);
  if (!ok && process.env.CI) throw new Error(`shared pages not found at ${sharedPages}`);
  return ok;
}

/** Parse `html` as the page at `url`. */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return doc as unknown as Document;
}

/** Read a file and parse it as the page at `url`. */
export function loadPage(path: string, url: string): Document {
  return parseHtml(readFileSync(path, 'utf8'), url);
}
