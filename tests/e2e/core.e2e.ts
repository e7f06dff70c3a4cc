// The core scenarios (tests/e2e/scenarios.ts), run in both browsers: Chromium through Playwright
// and Firefox ESR through Puppeteer/WebDriver BiDi. Same scenario code, two drivers.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { haveShared } from '../helpers/dom';
import { chromiumDriver } from './drivers/chromium';
import { firefoxAvailable, firefoxDriver } from './drivers/firefox';
import { captureOnSites, clickCapture, exportWipeImport, popupSearch, serveRealPages, sidePanel, type Driver } from './scenarios';

const browsers: [string, () => Promise<Driver>, boolean][] = [
  ['chromium', chromiumDriver, true],
  // On CI the Firefox build and firefox-esr must be there (.ci/run installs them).
  ['firefox', firefoxDriver, !!process.env.CI || firefoxAvailable()],
];

for (const [name, make, enabled] of browsers) {
  describe.skipIf(!enabled || !haveShared())(`core scenarios in ${name}`, () => {
    let d: Driver;
    beforeAll(async () => {
      d = await make();
      serveRealPages(d);
    });
    afterAll(async () => {
      await d?.close();
    });
    it('captures Google Scholar, arXiv, DBLP and the ACL Anthology at their real URLs', () => captureOnSites(d));
    it('searches from the popup', () => popupSearch(d));
    it('shows authors, metrics and charts in the side panel / sidebar', () => sidePanel(d));
    // Puppeteer can't emulate prefers-color-scheme over BiDi; Chromium covers dark mode.
    it.skipIf(name === 'firefox')('…in dark mode too', () => sidePanel(d, true));
    it('exports a collection, wipes the library, imports it back', () => exportWipeImport(d));
    it.skipIf(name === 'firefox')('captures an unknown page on a toolbar click', () => clickCapture(d));
  });
}
