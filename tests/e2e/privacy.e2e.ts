// Issue 16, case 1: "the site can read your library". A paper captured on arXiv, then a Google
// Scholar search page listing it whose own script probes the DOM for ~2 s (every element,
// attribute and text, open shadow roots, and elements that were not there when it started — a
// closed shadow root's host is one) for anything Paperdex inserted. With the defaults the probe
// finds nothing, although the paper is known (the popup lists it as "updated": known before); with the
// opt-in for Google Scholar the badge appears and the probe sees it (so the probe can fail); with
// auto-capture paused and the opt-in still on, nothing appears again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers/dom';
import { launch, shot, type Session } from './harness';

const fixture = (p: string) => readFileSync(join(fixturesDir, p), 'utf8');

/** The arXiv abstract page of the fixture (arXiv:2301.01234, Lee, Souza, Halvorsen). */
const ABS = { url: 'https://arxiv.org/abs/2301.01234v2', body: fixture('arxiv/abs-2301.01234v2.html') };
const KNOWN_TITLE = 'Contrastive pretraining for tabular anomaly detection';

/**
 * The page's own script, as a curious site could ship it: a baseline of every element when it
 * runs (before any content script at document_idle), then a scan every 25 ms for 2 s. Findings are
 * kept in `window.__probe` (the page's world, where Playwright's evaluate runs).
 */
const PROBE = `<script>
(() => {
  const baseline = new Set();
  const findings = [];
  const seen = new Set();
  const note = (what) => { if (!seen.has(what)) { seen.add(what); findings.push({ what, atMs: Math.round(performance.now() - t0) }); } };
  const walk = (root, visit) => {
    for (const el of root.querySelectorAll('*')) { visit(el); if (el.shadowRoot) walk(el.shadowRoot, visit); }
  };
  walk(document, (el) => baseline.add(el));
  baseline.add(document.documentElement);
  const t0 = performance.now();
  const scan = () => {
    walk(document, (el) => {
      const tag = el.tagName.toLowerCase();
      if (!baseline.has(el)) note('new element <' + tag + '>' + (el.shadowRoot ? ' (open shadow root)' : ''));
      if (/paperdex/i.test(tag)) note('element <' + tag + '>');
      for (const a of el.attributes) if (/paperdex/i.test(a.name + '=' + a.value)) note('attribute ' + a.name + '="' + a.value + '" on <' + tag + '>');
    });
    for (const a of document.documentElement.attributes) if (/paperdex/i.test(a.name + a.value)) note('root attribute ' + a.name);
    if (/paperdex/i.test(document.body.innerText)) note('text mentioning Paperdex');
  };
  window.__probe = { findings, done: false, scan };
  const timer = setInterval(scan, 25);
  setTimeout(() => { clearInterval(timer); scan(); window.__probe.done = true; }, 2000);
})();
</script>`;

/** The trimmed Scholar fixture with its first result swapped for the arXiv paper, plus the probe. */
const SCHOLAR = {
  url: 'https://scholar.google.com/scholar?hl=en&q=tabular+anomaly+contrastive',
  body: fixture('google-scholar/search-prefixes.html')
    .replace('Semi-supervised classification with <b>graph </b>convolutional <b>networks</b>', KNOWN_TITLE)
    .replace(
      /<a href="\/citations\?user=83HL5FwAAAAJ[^"]*">TN Kipf<\/a>, <a href="\/citations\?user=8200InoAAAAJ[^"]*">M Welling<\/a>&nbsp;- arXiv preprint arXiv:1609.02907, 2016/,
      'M Lee, R Souza, I Halvorsen&nbsp;- arXiv preprint arXiv:2301.01234, 2023',
    )
    .replaceAll('1609.02907', '2301.01234')
    .replace('</body>', `${PROBE}</body>`),
};

interface Finding {
  what: string;
  atMs: number;
}

/** Wait for the page's probe to finish its 2 s, then scan once more and return what it found. */
async function probeFindings(page: Page): Promise<Finding[]> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __probe?: { done: boolean } }).__probe?.done ?? false), { timeout: 10_000 })
    .toBe(true);
  return page.evaluate(() => {
    const p = (window as unknown as { __probe: { findings: Finding[]; scan(): void } }).__probe;
    p.scan();
    return p.findings;
  });
}

describe('privacy: a page cannot read the library', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve([ABS, SCHOLAR]);
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Open the side panel's Settings (at popup width). */
  async function settingsPanel(colorScheme: 'light' | 'dark' = 'light') {
    const panel = await s.extPage('sidepanel.html', { width: 400, height: 1100, colorScheme });
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByTestId('badges-explained').waitFor();
    return panel;
  }

  it('with the defaults the Scholar page finds nothing, although the popup lists its paper as known', async () => {
    const abs = await s.open(ABS.url);
    await s.waitForCapture(await s.tabIdOf(abs), (x) => !!x.summary);

    const scholar = await s.open(SCHOLAR.url);
    const tabId = await s.tabIdOf(scholar);
    const st = await s.waitForCapture(tabId, (x) => !!x.summary);
    expect(st.summary).toMatchObject({ papersFound: 5, papersNew: 4 });
    expect(await probeFindings(scholar)).toEqual([]);
    expect(await scholar.locator('paperdex-badge').count()).toBe(0);

    // The popup's page card says which of the page's papers the library already had.
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600, colorScheme });
      const rows = popup.getByTestId('page-papers').getByRole('listitem');
      await expect.poll(() => rows.count()).toBe(5);
      const marks = await rows.evaluateAll((lis) =>
        lis.map((li) => [li.querySelector('.title')!.textContent, li.querySelector('.mark')!.textContent]),
      );
      // The known paper gains this row's citation count and Scholar id: marked "updated" (it was in
      // the library; this page added to it), after the four new ones.
      expect(marks.filter(([, m]) => m === 'updated').map(([t]) => t?.toLowerCase())).toEqual([KNOWN_TITLE.toLowerCase()]);
      expect(marks.map(([, m]) => m)).toEqual(['new', 'new', 'new', 'new', 'updated']);
      await shot(popup, `popup-page-papers-${colorScheme}`);
      await popup.close();
    }
  });

  it('opted in for Google Scholar: the badge appears, and the probe sees it', async () => {
    const panel = await settingsPanel();
    expect(await panel.getByTestId('badges-explained').textContent()).toContain(
      "The site's own scripts can see these badges and learn which of its papers are in your library.",
    );
    const badgeSites = panel.getByRole('group', { name: 'Show badges on' });
    const scholarBox = badgeSites.getByRole('checkbox', { name: 'Google Scholar' });
    // Off on every site by default.
    expect(await badgeSites.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await shot(panel, 'settings-badges-light');
    const dark = await settingsPanel('dark');
    await shot(dark, 'settings-badges-dark');
    await dark.close();
    await scholarBox.check();
    await panel.close();

    const scholar = await s.open(SCHOLAR.url);
    const findings = await probeFindings(scholar);
    expect(findings.map((f) => f.what)).toContain('new element <paperdex-badge>');
    expect(findings.map((f) => f.what)).toContain('element <paperdex-badge>');
    const badged = await scholar.locator('h3.gs_rt:has(paperdex-badge)').allTextContents();
    // The first visit stored this page's other papers too: now every badged row is one of them.
    expect(badged.map((t) => t.toLowerCase())).toContain(KNOWN_TITLE.toLowerCase());
    expect(await scholar.locator('paperdex-badge').count()).toBe(badged.length);
  });

  it('opted in, but auto-capture paused: nothing appears and the page learns nothing', async () => {
    const panel = await settingsPanel();
    await panel.getByRole('checkbox', { name: /Capture automatically/ }).uncheck();
    expect(
      await panel
        .getByRole('group', { name: 'Show badges on' })
        .getByRole('checkbox', { name: /Google Scholar/ })
        .isChecked(),
    ).toBe(true);
    await panel.close();

    const t0 = Date.now();
    const scholar = await s.open(SCHOLAR.url);
    const st = await s.waitForCapture(await s.tabIdOf(scholar), (x) => x.updatedAt >= t0 && !!x.skipped);
    expect(st.skipped).toBe('Automatic capture is paused.');
    expect(await probeFindings(scholar)).toEqual([]);
    expect(await scholar.locator('paperdex-badge').count()).toBe(0);
  });
});
