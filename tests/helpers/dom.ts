// Test helpers: parse HTML into a Document with happy-dom (no scripts run, nothing fetched), and
// the fixtures folder. The real saved pages in ../shared are located by ./shared.ts (re-exported).
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { haveSharedFor } from './shared';

export { describeShared, haveSharedFor, sharedPages, sharedSeeds } from './shared';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = resolve(repoRoot, 'tests/fixtures');

/**
 * Whether ../shared is present (see ./shared.ts): skipped checks are named in a warning (`what`,
 * else the test file's real-page checks), and with CI set a missing ../shared throws.
 */
export function haveShared(what?: string): boolean {
  const file = expect.getState().testPath;
  return haveSharedFor(what ?? `the real-page checks of ${file ? basename(file) : 'this test file'}`);
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
