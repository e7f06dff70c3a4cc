// The side panel's UX fixes of issue 14, in real Chromium on real pages served at their real URLs
// (Google Scholar, DBLP, the ACL Anthology, arXiv): the author list keeps its figures apart as text,
// authors from sites that show no citations say "no citation data" (not 0, no empty chart), every
// tab stays reachable at 320 and 400 px with a Compare tab, toasts go away on their own (not while
// hovered), Esc closes the ⋯ menu and the help popover and gives focus back, deleting a collection
// and removing a paper from one can be undone exactly, and "Delete all data" offers a backup first.
// Screenshots of each changed view at 320, 400, 1100 and 1400 px, light and dark.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describeShared, sharedPages } from '../helpers/shared';
import { download, launch, screenshotDir, shot, type Session } from './harness';
import { REAL_PAGES } from './scenarios';

const PAGES = Object.values(REAL_PAGES).map((p) => `pages/${p.file}`);
/** Papers on the four pages: Scholar 2, arXiv 3, DBLP 27 (31 entries, 4 preprints merge), ACL 6. */
const TOTAL = 2 + 3 + 27 + 6;
const WIDTHS = [320, 400, 1100, 1400];

/** Wait two frames: charts re-measure their width (ResizeObserver) after a resize. */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * Screenshots of the page as it is, at every width, light and dark: the whole page, or with
 * `viewport` what is on screen (a modal dialog, a toast: fixed to the viewport).
 */
async function shots(page: Page, name: string, widths = WIDTHS, viewport = false): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const w of widths) {
      await page.setViewportSize({ width: w, height: 900 });
      await settle(page);
      if (viewport) await page.screenshot({ path: join(screenshotDir, `ux-${name}-${w}-${scheme}.png`) });
      else {
        // From the top: a full-page capture of a scrolled page shows the sticky top bar mid-page.
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, `ux-${name}-${w}-${scheme}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 400, height: 900 });
  await settle(page);
}

/** One collection record as stored (read from the extension's own IndexedDB). */
function storedCollection(page: Page, name: string) {
  return page.evaluate(
    (n) =>
      new Promise<Record<string, unknown> | null>((res, rej) => {
        const o = indexedDB.open('paperdex');
        o.onerror = () => rej(o.error);
        o.onsuccess = () => {
          const req = o.result.transaction('collections').objectStore('collections').getAll();
          req.onsuccess = () => {
            o.result.close();
            res((req.result as { name: string }[]).find((c) => c.name === n) ?? null);
          };
        };
      }),
    name,
  );
}

/** The toast region's messages, as shown. */
const toastTexts = (page: Page) => page.getByTestId('toasts').locator('.toast-text').allInnerTexts();

describeShared('side panel UX (issue 14)', PAGES, () => {
  let s: Session;
  let panel: Page;
  beforeAll(async () => {
    s = await launch();
    s.serve(Object.values(REAL_PAGES).map((p) => ({ url: p.url, body: readFileSync(join(sharedPages, p.file), 'utf8') })));
    for (const p of Object.values(REAL_PAGES)) {
      const tab = await s.open(p.url);
      const st = await s.waitForCapture(await s.tabIdOf(tab), (x) => !!x.summary);
      expect(st.summary!.papersFound, p.url).toBe(p.papers);
      await tab.close();
    }
    panel = await s.extPage('sidepanel.html', { width: 400, height: 900 });
    // Every capture is in the library before the tests look (the count is live).
    await panel.getByRole('tab', { name: `Papers ${TOTAL}` }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  const tab = (name: string) => panel.getByRole('tab', { name, exact: name === 'Settings' });
  const openAuthor = async (name: string) => {
    await tab('Authors').click();
    await panel.getByRole('list', { name: 'Authors' }).getByRole('button', { name }).click();
    await expect.poll(() => panel.locator('h1.author-name').textContent()).toBe(name);
  };

  it('the author list keeps each figure apart, as text', async () => {
    await tab('Authors').click();
    const list = panel.getByRole('list', { name: 'Authors' });
    const figures = (name: string) => list.getByRole('listitem').filter({ hasText: name }).locator('.figures');
    // Read from the Scholar profile: 2 papers listed, Citations 1338, h-index 17 ("All" column).
    await expect.poll(() => figures('Anne Kietzig').innerText()).toBe('2 papers collected · h-index 17 reported · 1,338 citations');
    expect(await figures('Anne Kietzig').textContent()).toBe('2 papers collected · h-index 17 reported · 1,338 citations');
    // DBLP shows neither citations nor an h-index: only what was collected, no "0".
    expect(await figures('Aaron Clauset').innerText()).toBe('27 papers collected');
    await shots(panel, 'author-list');
  });

  for (const [who, site] of [
    [REAL_PAGES.dblp.author, 'DBLP'],
    [REAL_PAGES.acl.author, 'ACL Anthology'],
  ] as const) {
    it(`an author captured on ${site} shows "no citation data", not 0, and no empty citations chart`, async () => {
      await openAuthor(who);
      const vs = panel.getByRole('table', { name: `${site} metrics next to metrics over collected papers` });
      const row = (label: string) => vs.getByRole('row', { name: new RegExp(`^${label}`) });
      for (const label of ['Citations', 'h-index', 'i10-index']) expect(await row(label).innerText(), label).toMatch(/no citation data$/);
      expect(await row('Papers').innerText()).toMatch(new RegExp(`${who === REAL_PAGES.dblp.author ? 27 : 6}$`));
      await expect.poll(() => panel.getByTestId('no-citation-data').innerText()).toMatch(/^No citation data\. None of these \d+ papers/);
      const charts = await panel.locator('figure.chart figcaption').allInnerTexts();
      expect(charts).toContain('Collected papers per year');
      expect(charts.filter((c) => /citation/i.test(c))).toEqual([]);
      expect(await panel.locator('.author-charts').innerText()).toContain('Citations: no citation data.');
      // The metric table lists only what holds without counts: no h-index of 0.
      const metrics = panel.getByRole('table', { name: 'Metrics over collected papers', exact: true });
      expect(await metrics.innerText()).not.toMatch(/h-index|g-index/);
      expect(await metrics.getByRole('row', { name: /^Papers Number of papers/ }).innerText()).toMatch(
        new RegExp(`${who === REAL_PAGES.dblp.author ? 27 : 6}$`),
      );
      if (who === REAL_PAGES.dblp.author) await shots(panel, 'author-dblp');
    });
  }

  it('an author page with citations: metrics beside charts on a wide panel, charts of a fixed size', async () => {
    await openAuthor('Anne Kietzig');
    const chart = panel.locator('figure.chart svg').first();
    await expect.poll(() => chart.count()).toBe(1);
    for (const w of [400, 1100, 1400]) {
      await panel.setViewportSize({ width: w, height: 900 });
      await settle(panel);
      const box = (await chart.boundingBox())!;
      // Real pixel size: 150 px high at every width, never wider than 640 px.
      expect(Math.round(box.height), `chart height at ${w}px`).toBe(150);
      expect(box.width, `chart width at ${w}px`).toBeLessThanOrEqual(640);
      const fontPx = await panel
        .locator('figure.chart text.axis')
        .first()
        .evaluate((t) => (t as SVGGraphicsElement).getBoundingClientRect().height);
      expect(fontPx, `axis label height at ${w}px`).toBeLessThan(16);
      const metrics = (await panel.locator('.author-metrics').boundingBox())!;
      const charts = (await panel.locator('.author-charts').boundingBox())!;
      if (w >= 1100) expect(charts.x, 'charts beside the metrics').toBeGreaterThan(metrics.x + metrics.width - 1);
      else expect(charts.y, 'charts above the metrics').toBeLessThan(metrics.y);
      const table = (await panel.getByRole('table', { name: 'Metrics over collected papers', exact: true }).boundingBox())!;
      expect(table.width).toBeLessThanOrEqual(640);
    }
    await panel.setViewportSize({ width: 400, height: 900 });
    await shots(panel, 'author-scholar');
  });

  it('with a Compare tab, every tab is in sight and works at 400 and 320 px', async () => {
    await openAuthor('Anne Kietzig');
    await panel.getByRole('button', { name: 'Compare with others' }).click();
    await openAuthor(REAL_PAGES.dblp.author);
    await panel.getByRole('button', { name: 'Compare with others' }).click();
    await expect.poll(() => tab('Compare').getAttribute('aria-selected')).toBe('true');
    const compare = panel.getByRole('region', { name: 'Compare authors' });
    const header = compare.getByRole('columnheader', { name: new RegExp(REAL_PAGES.dblp.author) });
    expect(await header.innerText()).toContain('no citation data');
    const cites = compare.getByRole('row', { name: /^Citations \(collected\)/ });
    expect((await cites.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['1', '—']);
    expect(await compare.innerText()).toContain(`No citation data for ${REAL_PAGES.dblp.author}`);
    await shots(panel, 'compare');

    for (const width of [400, 320]) {
      await panel.setViewportSize({ width, height: 900 });
      await settle(panel);
      const nav = panel.getByRole('tablist');
      expect(await nav.evaluate((n) => n.scrollWidth <= n.clientWidth), `no hidden overflow at ${width}px`).toBe(true);
      for (const name of ['Papers', 'Authors', 'Collections', 'Compare', 'Settings']) {
        const t = tab(name);
        const box = (await t.boundingBox())!;
        expect(box.x, `${name} at ${width}px`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${name} at ${width}px`).toBeLessThanOrEqual(width);
        await t.click();
        await expect.poll(() => t.getAttribute('aria-selected'), { message: `${name} at ${width}px` }).toBe('true');
      }
      await expect.poll(() => panel.getByRole('region', { name: 'Settings' }).count()).toBe(1);
      await tab('Compare').click();
      await compare.getByRole('columnheader', { name: /Anne Kietzig/ }).waitFor();
      await settle(panel);
      await shot(panel, `ux-tabbar-${width}-light`);
    }
    await panel.setViewportSize({ width: 400, height: 900 });
  });

  it('a toast goes away on its own, also after switching tabs', async () => {
    await tab('Collections').click();
    const { name } = await download(panel, () => panel.getByRole('button', { name: 'Export JSON' }).first().click());
    expect(name).toMatch(/^paperdex-all-papers-\d{4}-\d{2}-\d{2}\.json$/);
    await expect
      .poll(() => toastTexts(panel))
      .toEqual([expect.stringMatching(new RegExp(`^Exported ${TOTAL} papers and \\d+ authors\\.$`))]);
    await shots(panel, 'toast', [320, 1100], true);
    await tab('Authors').click();
    // Gone within its 5 s (polled, with slack for a slow machine), on the other tab.
    await expect.poll(() => toastTexts(panel), { timeout: 9_000 }).toEqual([]);
    expect(await panel.getByText(/^Exported /).count()).toBe(0);
  });

  it('a toast stays while hovered and has a Dismiss button', async () => {
    const p = await s.context.newPage();
    await p.setViewportSize({ width: 400, height: 900 });
    await p.clock.install();
    await p.goto(`chrome-extension://${s.extensionId}/sidepanel.html`);
    await p.getByRole('tab', { name: 'Collections' }).click();
    await download(p, () => p.getByRole('button', { name: 'Export JSON' }).first().click());
    const toast = p.getByTestId('toasts').locator('.toast');
    await expect.poll(() => toast.count()).toBe(1);
    await toast.hover();
    await p.clock.fastForward(12_000);
    expect(await toast.count(), 'kept while hovered').toBe(1);
    await p.mouse.move(5, 5);
    await p.clock.fastForward(6_000);
    await expect.poll(() => toast.count(), { message: 'gone 5 s after the pointer left' }).toBe(0);
    await download(p, () => p.getByRole('button', { name: 'Export JSON' }).first().click());
    await expect.poll(() => toast.count()).toBe(1);
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    expect(await toast.count()).toBe(0);
    await p.close();
  });

  it('Esc closes the ⋯ menu and the search help, and focus goes back to their buttons', async () => {
    await tab('Papers').click();
    const box = panel.getByLabel('Search your papers');
    await box.fill('nanofluids');
    const more = panel.getByLabel(/^Actions for/).first();
    await expect.poll(() => more.count()).toBe(1);
    await more.click();
    const isOpen = (l: Locator) => l.evaluate((el) => (el.closest('details') as HTMLDetailsElement).open);
    const focused = (l: Locator) => l.evaluate((el) => document.activeElement === el);
    expect(await isOpen(more)).toBe(true);
    await more.locator('xpath=..').getByLabel('New collection name').focus();
    await panel.keyboard.press('Escape');
    expect(await isOpen(more)).toBe(false);
    expect(await focused(more)).toBe(true);
    expect(await box.inputValue(), 'Esc in the menu does not clear the search').toBe('nanofluids');
    // Esc on the ⋯ button itself, once more.
    await more.click();
    await panel.keyboard.press('Escape');
    expect(await isOpen(more)).toBe(false);
    expect(await focused(more)).toBe(true);

    const help = panel.getByLabel('Search syntax');
    await help.click();
    expect(await isOpen(help)).toBe(true);
    await panel.keyboard.press('Escape');
    expect(await isOpen(help)).toBe(false);
    expect(await focused(help)).toBe(true);
    await box.fill('');
  });

  it('deleting a collection can be undone: same name, createdAt and papers', async () => {
    await tab('Collections').click();
    await panel.getByLabel('Collection name').fill('Network science');
    await panel.getByRole('button', { name: 'Create collection' }).click();
    await expect.poll(() => toastTexts(panel)).toContain('Created collection “Network science”.');
    await openAuthor(REAL_PAGES.dblp.author);
    await panel.getByLabel(`Add all of ${REAL_PAGES.dblp.author}'s papers to a collection`).selectOption({ label: 'Network science' });
    await expect.poll(() => panel.locator('.add-all [role=status]').textContent()).toMatch(/Added 27 papers/);

    await tab('Collections').click();
    const card = panel.getByRole('article', { name: 'Collection Network science' });
    await expect.poll(() => card.innerText()).toContain('27 papers');
    const before = await storedCollection(panel, 'Network science');
    expect(before).toMatchObject({ name: 'Network science', createdAt: expect.any(Number) });

    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await card.getByRole('button', { name: 'Delete collection' }).click();
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => toastTexts(panel)).toContain('Deleted collection “Network science”; its 27 papers stay in your library.');
    expect(await storedCollection(panel, 'Network science')).toBeNull();
    await shots(panel, 'collections-deleted', [320, 1100], true);
    await panel
      .getByTestId('toasts')
      .locator('.toast', { hasText: /^Deleted collection/ })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(() => card.innerText()).toContain('27 papers');
    expect(await storedCollection(panel, 'Network science')).toEqual(before);
  });

  it('removing a paper from a collection can be undone', async () => {
    const card = panel.getByRole('article', { name: 'Collection Network science' });
    await card.getByText('Papers in this collection').click();
    const list = card.getByRole('list', { name: 'Papers in Network science' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(27);
    const first = list.getByRole('listitem').first();
    const title = await first.locator('.cp-title').evaluate((el) => el.firstChild!.textContent!);
    await shots(panel, 'collections');
    await first.getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => card.locator('.collection-head').innerText()).toContain('26 papers');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(26);
    const removed = panel.getByTestId('toasts').locator('.toast', { hasText: /^Removed / });
    await expect.poll(() => removed.locator('.toast-text').innerText()).toMatch(/^Removed “.+” from “Network science”\.$/);
    expect(await list.innerText()).not.toContain(title);
    await removed.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card.locator('.collection-head').innerText()).toContain('27 papers');
    await expect.poll(() => list.innerText()).toContain(title);
  });

  it('"Delete all data" offers a JSON backup of everything first', async () => {
    await tab('Settings').click();
    const opener = panel.getByRole('button', { name: 'Delete all Paperdex data…' });
    await opener.click();
    const dialog = panel.getByRole('dialog', { name: 'Download a backup first' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('button').allInnerTexts()).toEqual([
      'Export JSON of everything',
      'Delete all data without a backup',
      'Cancel',
    ]);
    await shots(panel, 'settings-wipe-dialog', WIDTHS, true);
    await panel.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await opener.evaluate((el) => document.activeElement === el)).toBe(true);
    expect(await panel.getByRole('tab', { name: /^Papers/ }).innerText()).toBe(`Papers ${TOTAL}`);

    await opener.click();
    const file = await download(panel, () => dialog.getByRole('button', { name: 'Export JSON of everything' }).click());
    expect(file.name).toMatch(/^paperdex-all-papers-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(file.text);
    expect(data).toMatchObject({ format: 'paperdex/collection', version: 1, collection: { id: 'all' } });
    expect(data.papers).toHaveLength(TOTAL);
    expect(data.collections.find((c: { name: string }) => c.name === 'Network science').paperIds).toHaveLength(27);
    await expect
      .poll(() => dialog.getByRole('status').innerText())
      .toMatch(new RegExp(`^Saved ${file.name}: ${TOTAL} papers, \\d+ authors\\.$`));
    await dialog.getByRole('button', { name: 'Delete all data', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => panel.getByRole('region', { name: 'Settings' }).getByRole('status').innerText())
      .toBe(`Deleted ${TOTAL} papers and everything else Paperdex stored.`);
    await expect.poll(() => panel.getByRole('tab', { name: /^Papers/ }).innerText()).toBe('Papers 0');
    await shots(panel, 'settings', [320, 1100]);
  });
});
