// Capture on every site: for each adapter, one of its fixture pages is served at its real URL.
// Pages on the auto-capture hosts are captured by the content script on load; other pages (seed-style
// sites, generic metadata pages) are captured by a toolbar click (activeTab + scripting). Every
// captured paper must then be in "Export JSON". Also: SPA route changes are captured, ordinary
// pages capture nothing, and settings can pause auto-capture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAutoCaptureUrl } from '../../lib/core/hosts';
import { adapters } from '../../lib/scrapers/registry';
import type { ScrapeResult } from '../../lib/core/types';
import { fixturesDir } from '../helpers/dom';
import { download, launch, shot, type Session } from './harness';

interface Case {
  site: string;
  name: string;
  url: string;
  html: string;
  result: ScrapeResult;
}

/** The first positive fixture of an adapter (alphabetical), preferring an auto-captured URL. */
function caseFor(site: string): Case | undefined {
  const dir = join(fixturesDir, site);
  const cases: Case[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.expected.json'))
    .sort()) {
    const exp = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    if (!exp.result || exp.adapter !== site || !exp.result.papers.length) continue;
    const name = f.replace(/\.expected\.json$/, '');
    cases.push({ site, name, url: exp.url, html: readFileSync(join(dir, `${name}.html`), 'utf8'), result: exp.result });
  }
  // https first: Chromium upgrades http navigations to https (and the route is keyed by URL).
  return cases.find((c) => isAutoCaptureUrl(c.url) && c.url.startsWith('https:')) ?? cases[0];
}

/**
 * Papers stored for a page: one per distinct paper (a Scholar cluster page lists versions of one
 * paper, which merge), never more than the page listed.
 */
function expectFound(found: number, c: Case): void {
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThanOrEqual(c.result.papers.length);
  const distinct = new Set(c.result.papers.map((p) => p.title.toLowerCase())).size;
  expect(found).toBeGreaterThanOrEqual(Math.min(distinct, c.result.papers.length) - (c.site === 'google-scholar' ? 1 : 0));
}

const cases = adapters.map((a) => caseFor(a.id)).filter((c): c is Case => !!c);

describe('capture on every site', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve(cases.map((c) => ({ url: c.url, body: c.html })));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has a fixture page for every adapter', () => {
    expect(cases.map((c) => c.site).sort()).toEqual(adapters.map((a) => a.id).sort());
  });

  for (const c of cases) {
    it(`${c.site}: ${c.name} at ${c.url}`, async () => {
      const page = await s.open(c.url);
      const tabId = await s.tabIdOf(page);
      if (isAutoCaptureUrl(c.url)) {
        const st = await s.waitForCapture(tabId, (x) => !!x.summary);
        expectFound(st.summary!.papersFound, c);
      } else {
        // Not a known host: no content script runs there, so the page loaded and nothing was
        // recorded; the capture below is the user's (onDemand).
        const popup0 = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
        await expect.poll(() => popup0.getByTestId('page-headline').textContent()).toBe('Not captured automatically');
        await popup0.close();
        await s.clickToolbar(page); // grants activeTab, as the user's click does
        const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
        await popup.getByRole('button', { name: 'Capture this page' }).click();
        const st = await s.waitForCapture(tabId, (x) => !!x.summary);
        expect(st.onDemand).toBe(true);
        expectFound(st.summary!.papersFound, c);
        await expect.poll(() => popup.getByTestId('page-headline').textContent()).toMatch(/captured$/);
        if (c.site === 'author-profile') await shot(popup, 'popup-click-capture-light');
        await popup.close();
      }
      await page.close();
    });
  }

  it('every captured paper is in Export JSON', async () => {
    const panel = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    const { text } = await download(panel, () => panel.getByRole('button', { name: 'Export JSON' }).click());
    const data = JSON.parse(text);
    const sites = new Set<string>();
    for (const p of data.papers) for (const src of p.sources) sites.add(src.site);
    for (const c of cases) {
      expect(sites, c.site).toContain(c.site);
      for (const p of c.result.papers) {
        const found = data.papers.find(
          (x: { sources: { url: string }[]; title: string }) =>
            x.sources.some((src) => src.url === c.url) &&
            x.title.length > 0 &&
            (x.title === p.title || x.title.toLowerCase() === p.title.toLowerCase()),
        );
        expect(found, `${c.site}: "${p.title}"`).toBeTruthy();
      }
    }
    await shot(panel, 'sidepanel-all-sites-light');
  });

  it('an ordinary page on no scholarly host captures nothing, even when asked', async () => {
    const url = 'https://www.example-news.com/2026/11/science-funding';
    s.serve([
      {
        url,
        body: '<html><head><title>Science funding cut</title><meta property="og:type" content="article"></head><body><article><h1>Science funding cut</h1><p>Researchers reacted (doi:10.1000/xyz123) to the news.</p></article></body></html>',
      },
    ]);
    const page = await s.open(url);
    const tabId = await s.tabIdOf(page);
    await s.clickToolbar(page);
    const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await popup.getByRole('button', { name: 'Capture this page' }).click();
    const st = await s.waitForCapture(tabId);
    expect(st.found).toBe(0);
    await expect.poll(() => popup.getByTestId('page-headline').textContent()).toBe('Nothing to capture on this page');
    await popup.close();
  });

  it('pausing auto-capture in settings stops automatic captures', async () => {
    const c = cases.find((x) => x.site === 'dblp')!;
    const panel = await s.extPage('sidepanel.html');
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('checkbox', { name: /Capture automatically/ }).uncheck();
    await shot(panel, 'sidepanel-settings-light');
    const page = await s.open(c.url);
    const st = await s.waitForCapture(await s.tabIdOf(page));
    expect(st.summary).toBeUndefined();
    expect(st.skipped).toBe('Automatic capture is paused.');
    await panel.getByRole('checkbox', { name: /Capture automatically/ }).check();
    await page.reload();
    const again = await s.waitForCapture(await s.tabIdOf(page), (x) => !!x.summary);
    expectFound(again.summary!.papersFound, c);
  });
});
