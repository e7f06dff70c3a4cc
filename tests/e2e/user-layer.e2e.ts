// Issue 14, "your own layer on every paper", end to end: the shared scenario (./user-layer-scenario.ts
// `userLayer`: capture a fixture arXiv page at its real URL, star / status / tag / note it in the
// popup, find it with `is:starred tag:"…"` and a note word in the side panel, read the exported
// Paperdex JSON and BibTeX, delete all data, import the JSON, find it all again) in Chromium and in
// Firefox ESR; then, in Chromium, screenshots of the changed views (the popup result's actions and
// the side panel's paper) at 400 and 1100 px, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumDriver } from './drivers/chromium';
import { firefoxAvailable, firefoxDriver, firefoxExtensionDir, FIREFOX } from './drivers/firefox';
import { waitIn, type Driver } from './scenarios';
import { LAYER_PAGE, LAYER_QUERY, openPaperMenu, showResult, userLayer } from './user-layer-scenario';

const browsers: [string, () => Promise<Driver>, boolean][] = [
  ['chromium', chromiumDriver, true],
  ['firefox', firefoxDriver, !!process.env.CI || firefoxAvailable()],
];

for (const [name, make, enabled] of browsers) {
  const suite = `the user's own layer in ${name}`;
  if (!enabled) {
    console.warn(`[paperdex] ${FIREFOX} or ${firefoxExtensionDir} not found (npm run build:firefox): skipped: ${suite}`);
    describe.skip(suite, () => it.skip('needs Firefox ESR and the Firefox build', () => undefined));
    continue;
  }
  describe(suite, () => {
    let d: Driver;
    beforeAll(async () => {
      d = await make();
    });
    afterAll(async () => {
      await d?.close();
    });

    it('star, status, tag and note in the popup; found, exported, wiped, imported and found again', () => userLayer(d));

    // Chromium only: Firefox's BiDi backend cannot emulate the dark scheme (see core.e2e.ts).
    it.skipIf(name === 'firefox')('screenshots: popup result actions and side panel paper, 400 and 1100 px, light and dark', async () => {
      for (const dark of [false, true]) {
        for (const width of [400, 1100]) {
          const scheme = dark ? 'dark' : 'light';
          const popup = await d.extPage('popup.html', { width, height: 640, dark });
          await showResult(popup, LAYER_QUERY, LAYER_PAGE.title);
          await openPaperMenu(popup, LAYER_PAGE.title);
          // The menu opens over the row: its controls are on screen, inside the page.
          const box = await popup.evaluate(() => {
            const m = document.querySelector('details.paper-actions[open] .menu')!.getBoundingClientRect();
            return { left: m.left, right: m.right, width: document.documentElement.clientWidth };
          }, null);
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.right).toBeLessThanOrEqual(box.width);
          await popup.shot(`user-layer-popup-${width}-${scheme}`);
          await popup.close();

          const panel = await d.extPage('sidepanel.html', { width, height: 900, dark });
          await showResult(panel, LAYER_QUERY, LAYER_PAGE.title);
          await waitIn(panel, () => document.querySelector('.facets')?.textContent?.includes('reading group'));
          await panel.shot(`user-layer-panel-${width}-${scheme}`);
          await openPaperMenu(panel, LAYER_PAGE.title);
          await panel.shot(`user-layer-panel-menu-${width}-${scheme}`);
          await panel.close();
        }
      }
    });
  });
}
