// Issue 17: axe-core (WCAG 2.0–2.2 A/AA and best practices, ./axe.ts) over every view of the popup,
// the side panel and the welcome page, in light and dark, at the widths they are used at (popup
// 400 px; side panel 400 px, and 1100 px for the wide layouts). Each view must have no serious or
// critical violation: the failure lists each offending element with axe's reason. Moderate and minor
// ones are collected in tests/e2e/screenshots/axe-report.json with a summary printed at the end (the
// README lists them with their reasons). Every view and theme is also saved as a screenshot
// (a11y-<view>-<width>-<theme>.png), and a few in forced colours (Windows high contrast).
//
// The library is real captures of fixture pages at their real URLs, built once: two Google Scholar
// profiles (Maria Lindqvist, 4 papers, 2,345 citations; Lena Weber, 2 papers), an arXiv listing
// (4 papers) and a DBLP person page (Jana Example, 5 papers, no citation data); a collection with
// Maria Lindqvist's papers; a starred paper with a reading status and a tag; two authors compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { fixturesDir, repoRoot } from '../helpers/dom';
import { AxeReport, blocking, formatViolations, runAxe, settle } from './axe';
import { captureAll, launch, read, screenshotDir, shot, shotWhole, type Session } from './harness';

/** A fixture page with the URL it was saved from and what a person read off it (`.expected.json`). */
function fixture(name: string) {
  const exp = JSON.parse(read(join(fixturesDir, `${name}.expected.json`))) as {
    url: string;
    result: { papers: { title: string }[]; author?: { name: string } };
  };
  return { url: exp.url, body: read(join(fixturesDir, `${name}.html`)), papers: exp.result.papers.length, author: exp.result.author?.name };
}

const PROFILE = fixture('google-scholar/profile-coauthors'); // Maria Lindqvist: 4 papers
const PROFILE_2 = fixture('google-scholar/profile-de'); // Lena Weber: 2 papers
const OTHERS = [PROFILE_2, fixture('arxiv/list-cs-LG-new'), fixture('dblp/person-pid')];
const MARIA = PROFILE.author!;
const LENA = PROFILE_2.author!;
const COLLECTION = 'Glaciology reading group';
/** A paper of Maria Lindqvist's profile: starred, "Reading", tagged. */
const STARRED = 'Deep learning for calving front detection';
/** Matches papers of every page (and so facets of every kind). */
const QUERY = 'learning';
const PAPERMEMORY = join(repoRoot, 'tests/unit/formats/papermemory/PaperMemory-data-12.05.2025-10.31.07.json');

const report = new AxeReport();
const THEMES = ['light', 'dark'] as const;

/**
 * Run axe over the page as it is, light then dark: record every violation in the report, save a
 * screenshot of each, and return the serious and critical ones of both themes, one line per node;
 * and the view's structure: exactly one h1 and one main landmark.
 */
async function axeCheck(page: Page, view: string): Promise<string[]> {
  const width = page.viewportSize()?.width ?? 0;
  const failures: string[] = [];
  for (const scheme of THEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await settle(page);
    const name = `${view}-${width}-${scheme}`;
    const vs = await runAxe(page);
    report.add(name, page.url().replace(/^chrome-extension:\/\/[^/]+/, ''), vs);
    // From the top: a full-page capture of a scrolled page is shifted (and shows the sticky top bar mid-page).
    const scrolled = await page.evaluate(() => {
      const y = scrollY;
      scrollTo(0, 0);
      return y;
    });
    // A modal dialog covers the viewport: what is on screen. Else all of the page (the popup's
    // body scrolls below its top bar: all of it too).
    if (await page.evaluate(() => !!document.querySelector('dialog:modal')))
      await page.screenshot({ path: join(screenshotDir, `a11y-${name}.png`) });
    else await shotWhole(page, `a11y-${name}`);
    await page.evaluate((y) => scrollTo(0, y), scrolled);
    const bad = blocking(vs);
    if (bad.length) failures.push(formatViolations(name, bad));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // One view, one main landmark and one h1 (axe asks for at least one of each, and no second main).
  const { h1, main } = await page.evaluate(() => {
    const shown = (sel: string) =>
      [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => el.checkVisibility() && !el.closest('[aria-hidden=true]'));
    return {
      h1: shown('h1, [role=heading][aria-level="1"]').map((el) => (el.textContent ?? '').trim().slice(0, 60)),
      main: shown('main, [role=main]').length,
    };
  });
  if (h1.length !== 1) failures.push(`${view}-${width}: [structure] ${h1.length} h1 headings (one per view): ${JSON.stringify(h1)}`);
  if (main !== 1) failures.push(`${view}-${width}: [structure] ${main} main landmarks (one per view)`);
  return failures;
}

type Check = (page: Page, view: string) => Promise<void>;

/**
 * A test over one or more views: `check(page, view)` runs axe on each (see {@link axeCheck}); the
 * test fails at the end with every serious or critical violation of all of them.
 */
function views(name: string, fn: (check: Check) => Promise<void>): void {
  it(name, async () => {
    const failures: string[] = [];
    await fn(async (page, view) => {
      failures.push(...(await axeCheck(page, view)));
    });
    if (failures.length) throw new Error(`serious or critical axe violations:\n${failures.join('\n')}`);
  });
}

/** Wait until the locator's first match is visible. */
const visible = (l: Locator, timeout = 15_000) => l.first().waitFor({ state: 'visible', timeout });

describe('accessibility: axe-core over every view, light and dark (issue 17)', () => {
  let s: Session;
  let profileTab: number;
  let panel: Page;
  let built: Promise<void> | undefined;

  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
    if (report.views.length) {
      report.write(join(screenshotDir, 'axe-report.json'));
      console.log(`${report.summary()}\n(full report: ${join(screenshotDir, 'axe-report.json')})`);
    }
  });

  const tab = (name: string) => panel.getByRole('tab', { name: new RegExp(`^${name}`) });
  const search = async (page: Page, q: string) => {
    await page.getByLabel('Search your papers').fill(q);
    // The full search has answered (not the quick title matches shown while it starts).
    await expect.poll(() => page.getByText(/Quick title matches/).count(), { timeout: 15_000 }).toBe(0);
  };
  /** The ⋯ menu button of a search result, by the result's title (its name quotes the title). */
  const menuOf = (title: string) => panel.getByLabel(new RegExp(`Actions for “${title}`));
  /** A result's Star toggle: the pressed-state button beside its ⋯ menu (inside its row, or in the row's actions). */
  const starOf = (title: string) => menuOf(title).locator('xpath=ancestor::*[.//button[@aria-pressed]][1]//button[@aria-pressed]').first();
  const openAuthor = async (name: string) => {
    await tab('Authors').click();
    await panel.getByRole('button', { name, exact: true }).click();
    await visible(panel.getByRole('heading', { name }));
    // Its charts are drawn (they measure their width first).
    await visible(panel.locator('figure svg'));
  };

  /** Build the library once (the first test that needs it): captures, a collection, the user's layer. */
  const library = () =>
    (built ??= (async () => {
      s.serve([PROFILE]);
      const tabPage = await s.open(PROFILE.url);
      profileTab = await s.tabIdOf(tabPage);
      expect((await s.waitForCapture(profileTab, (x) => !!x.summary)).summary!.papersFound).toBe(PROFILE.papers);
      expect((await captureAll(s, OTHERS)).map((x) => x.papersFound)).toEqual(OTHERS.map((p) => p.papers));

      panel = await s.extPage('sidepanel.html', { width: 400, height: 900 });
      // A collection holding Maria Lindqvist's papers.
      await tab('Collections').click();
      await panel.getByLabel('Collection name', { exact: true }).fill(COLLECTION);
      await panel.getByRole('button', { name: 'Create collection' }).click();
      await visible(panel.getByRole('article', { name: `Collection ${COLLECTION}` }));
      await openAuthor(MARIA);
      await panel.getByLabel(`Add all of ${MARIA}'s papers to a collection`).selectOption({ label: COLLECTION });
      await visible(panel.getByText(new RegExp(`Added ${PROFILE.papers} papers`)));
      // One paper starred, being read, tagged.
      await tab('Papers').click();
      await search(panel, 'calving front');
      const star = starOf(STARRED);
      await star.click();
      await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
      await menuOf(STARRED).click();
      await panel.getByLabel('Reading status').selectOption('reading');
      await panel.getByLabel('Add a tag').fill('calving');
      await panel.getByLabel('Add a tag').press('Enter');
      await visible(panel.getByRole('button', { name: /^Remove tag\W*calving/ }));
      await panel.keyboard.press('Escape');
      await expect.poll(() => panel.getByLabel('Add a tag').isVisible()).toBe(false);
      // Two authors in the comparison.
      for (const who of [MARIA, LENA]) {
        await openAuthor(who);
        await panel.getByRole('button', { name: /^Compare with others/ }).click();
      }
      await visible(panel.getByRole('columnheader', { name: new RegExp(LENA) }));
    })());

  // ---- Popup (400 px) ------------------------------------------------------------------------

  views('popup and side panel with an empty library', async (check) => {
    expect(built, 'runs before the library is built').toBeUndefined();
    const popup = await s.extPage('popup.html', { width: 400, height: 600 });
    await visible(popup.getByText('Your library is empty.'));
    await check(popup, 'popup-empty');
    await popup.close();
    const empty = await s.extPage('sidepanel.html', { width: 400, height: 900 });
    await visible(empty.getByText(/Your library is empty/));
    await check(empty, 'panel-empty');
    await empty.close();
  });

  views('popup: the page card of a captured Scholar profile', async (check) => {
    await library();
    const popup = await s.extPage(`popup.html?tabId=${profileTab}`, { width: 400, height: 600 });
    await expect.poll(() => popup.getByTestId('page-headline').textContent()).toContain(MARIA);
    await visible(popup.getByRole('table'));
    await check(popup, 'popup-page');
    await popup.close();
  });

  views('popup: search results', async (check) => {
    await library();
    const popup = await s.extPage(`popup.html?tabId=${profileTab}`, { width: 400, height: 600 });
    await search(popup, QUERY);
    await visible(popup.getByText(STARRED));
    await check(popup, 'popup-search');
    await popup.close();
  });

  views('popup: the search syntax help open', async (check) => {
    await library();
    const popup = await s.extPage(`popup.html?tabId=${profileTab}`, { width: 400, height: 600 });
    await popup.getByLabel('Search syntax').first().click();
    await visible(popup.getByText('Copy the selected result'));
    await check(popup, 'popup-help');
    await popup.close();
  });

  views('popup: the export menu open', async (check) => {
    await library();
    const popup = await s.extPage(`popup.html?tabId=${profileTab}`, { width: 400, height: 600 });
    const exporter = popup.getByRole('region', { name: 'Export a collection' });
    await visible(exporter);
    // A menu button (or disclosure) opens the formats, where the component has one.
    const opener = exporter.locator('[aria-haspopup]:not([aria-haspopup=false]), [aria-expanded], summary');
    if (await opener.count()) await opener.first().click();
    const formats = exporter.getByRole('button', { name: /^(BibTeX|CSV)/ }).or(exporter.getByRole('menuitem', { name: /^(BibTeX|CSV)/ }));
    await visible(formats);
    // In sight (the popup's body scrolls), for the screenshot.
    await formats.last().scrollIntoViewIfNeeded();
    await check(popup, 'popup-export');
    await popup.close();
  });

  // ---- Side panel ----------------------------------------------------------------------------

  views('side panel: recently added (empty search box)', async (check) => {
    await library();
    await panel.setViewportSize({ width: 400, height: 900 });
    await tab('Papers').click();
    await panel.getByLabel('Search your papers').fill('');
    await visible(panel.getByText('Recently added'));
    await check(panel, 'panel-recent');
  });

  views('side panel: search with facets and results, 400 and 1100 px', async (check) => {
    await library();
    await tab('Papers').click();
    await search(panel, QUERY);
    await visible(panel.getByRole('group', { name: /year/i }));
    await visible(panel.getByText(STARRED));
    for (const width of [400, 1100]) {
      await panel.setViewportSize({ width, height: 900 });
      await check(panel, 'panel-search');
    }
    // The tools for the shown results (copy, export, add to a collection), open.
    await panel.getByText(/^Copy, export or collect/).click();
    await visible(panel.getByRole('button', { name: /Copy (all|these).*BibTeX/ }));
    await check(panel, 'panel-result-tools');
    await panel.getByText(/^Copy, export or collect/).click();
    await panel.setViewportSize({ width: 400, height: 900 });
  });

  views('side panel: the ⋯ actions menu of a result open', async (check) => {
    await library();
    await tab('Papers').click();
    await search(panel, QUERY);
    await menuOf(STARRED).click();
    await visible(panel.getByLabel('Add a tag'));
    try {
      await check(panel, 'panel-menu');
    } finally {
      await panel.keyboard.press('Escape');
    }
  });

  views('side panel: authors', async (check) => {
    await library();
    await tab('Authors').click();
    await visible(panel.getByRole('button', { name: LENA, exact: true }));
    await check(panel, 'panel-authors');
  });

  views('side panel: an author page (Scholar metrics, charts), 400 and 1100 px', async (check) => {
    await library();
    await openAuthor(MARIA);
    for (const width of [400, 1100]) {
      await panel.setViewportSize({ width, height: 900 });
      await check(panel, 'panel-author');
    }
    await panel.setViewportSize({ width: 400, height: 900 });
  });

  views('side panel: an author without citation data (DBLP)', async (check) => {
    await library();
    const who = OTHERS[2].author!;
    await tab('Authors').click();
    await panel.getByRole('button', { name: who, exact: true }).click();
    await visible(panel.getByRole('heading', { name: who }));
    await visible(panel.getByTestId('no-citation-data'));
    await check(panel, 'panel-author-nocitations');
  });

  views('side panel: compare two authors, 400 and 1100 px', async (check) => {
    await library();
    await tab('Compare').click();
    await visible(panel.getByRole('columnheader', { name: new RegExp(MARIA) }));
    for (const width of [400, 1100]) {
      await panel.setViewportSize({ width, height: 900 });
      await check(panel, 'panel-compare');
    }
    await panel.setViewportSize({ width: 400, height: 900 });
  });

  views('side panel: collections, one with its papers shown', async (check) => {
    await library();
    await tab('Collections').click();
    const card = panel.getByRole('article', { name: `Collection ${COLLECTION}` });
    await card.getByText('Papers in this collection').click();
    await expect.poll(() => card.getByRole('listitem').count()).toBe(PROFILE.papers);
    await check(panel, 'panel-collections');
    await card.getByText('Papers in this collection').click();
  });

  views('side panel: import, with a file chosen (the preview)', async (check) => {
    await library();
    await tab('Collections').click();
    await panel.getByLabel('Choose a file to import').setInputFiles(PAPERMEMORY);
    await visible(panel.getByText(/\(PaperMemory\): 6 papers/));
    await panel.getByLabel('Choose a file to import').scrollIntoViewIfNeeded();
    try {
      await check(panel, 'panel-import');
    } finally {
      await panel.getByRole('region', { name: 'Import' }).getByRole('button', { name: 'Cancel' }).click();
    }
  });

  views('side panel: settings, and the "Delete all data" dialog', async (check) => {
    await library();
    await panel.getByRole('tab', { name: 'Settings', exact: true }).click();
    await visible(panel.getByRole('region', { name: 'Settings' }));
    await check(panel, 'panel-settings');
    await panel.getByRole('button', { name: 'Delete all Paperdex data…' }).click();
    const dialog = panel.getByRole('dialog');
    await visible(dialog);
    try {
      await check(panel, 'panel-wipe-dialog');
    } finally {
      await panel.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
  });

  views('the welcome page, 1100 and 400 px', async (check) => {
    for (const width of [1100, 400]) {
      const w = await s.extPage('welcome.html', { width, height: 900 });
      await visible(w.getByRole('heading', { level: 1 }));
      await expect.poll(async () => ((await w.getByTestId('capture-shortcut').textContent()) ?? '').length).toBeGreaterThan(0);
      await check(w, 'welcome');
      await w.close();
    }
  });

  it('screenshots in forced colours (Windows high contrast): popup search, side panel search and author page', async () => {
    await library();
    for (const scheme of THEMES) {
      const popup = await s.extPage(`popup.html?tabId=${profileTab}`, {
        width: 400,
        height: 600,
        colorScheme: scheme,
        forcedColors: 'active',
      });
      await search(popup, QUERY);
      await visible(popup.getByText(STARRED));
      await settle(popup);
      await shot(popup, `a11y-forced-popup-search-400-${scheme}`);
      await popup.close();
      await panel.emulateMedia({ colorScheme: scheme, forcedColors: 'active' });
      await tab('Papers').click();
      await search(panel, QUERY);
      await visible(panel.getByText(STARRED));
      await settle(panel);
      await shot(panel, `a11y-forced-panel-search-400-${scheme}`);
      await openAuthor(MARIA);
      await settle(panel);
      await shot(panel, `a11y-forced-panel-author-400-${scheme}`);
    }
    await panel.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });
});
