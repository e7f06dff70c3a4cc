// Issue 14, "Copy a citation", in real Chromium: a Scholar profile is captured at its real URL;
// in the popup the user searches, selects a result and copies its BibTeX from the ⋯ menu and its
// BibTeX, Markdown link and APA citation by shortcut; in the side panel "Copy all as BibTeX" copies
// every entry of the result list. The test reads the system clipboard and compares it with the
// text a user would paste, written by hand from the fixture (tests/fixtures/google-scholar/
// profile-coauthors.html) and the Export BibTeX / APA rules — never from the code's output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers/dom';
import { launch, read, shot, type Session } from './harness';

const PROFILE = 'https://scholar.google.com/citations?hl=en&user=Xq3vN0sAAAAJ&view_op=list_works&sortby=pubdate';
const VIEW =
  'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=Xq3vN0sAAAAJ&sortby=pubdate&citation_for_view=Xq3vN0sAAAAJ:';

const CALVING = 'Deep learning for calving front detection in Greenland outlet glaciers';
const SEA_ICE = 'Sea-ice drift from Sentinel-1 image pairs: a benchmark';
const IMBIE = 'Ice Sheet Mass Balance Inter-comparison Exercise: the 2020 assessment';
const VELOCITY = 'Glacier surface velocity mapping with feature tracking';

/** The Export BibTeX entry of each paper of the profile, as read off the page. */
const BIBTEX: Record<string, string> = {
  [CALVING]:
    '@article{lindqvist2023deep,\n' +
    `  title = {${CALVING}},\n` +
    '  author = {Lindqvist, M and Okafor, J and Sato, K},\n' +
    '  year = {2023},\n' +
    '  journal = {The Cryosphere},\n' +
    '  volume = {17},\n' +
    '  number = {4},\n' +
    '  pages = {1553--1570},\n' +
    `  url = {${VIEW}u5HHmVD_uO8C}\n` +
    '}\n',
  [SEA_ICE]:
    '@inproceedings{brandt2022sea,\n' +
    `  title = {${SEA_ICE}},\n` +
    '  author = {Brandt, T and Lindqvist, M},\n' +
    '  year = {2022},\n' +
    '  booktitle = {EGU General Assembly Conference Abstracts},\n' +
    `  url = {${VIEW}d1gkVwhDpl0C}\n` +
    '}\n',
  [IMBIE]:
    '@article{shepherd2020ice,\n' +
    `  title = {${IMBIE}},\n` +
    // The page cuts the list ("…"): BibTeX says "and others".
    '  author = {Shepherd, A and Ivins, E and Rignot, E and Smith, B and Lindqvist, M and others},\n' +
    '  year = {2020},\n' +
    '  journal = {Nature},\n' +
    '  volume = {579},\n' +
    '  pages = {233--239},\n' +
    `  url = {${VIEW}9yKSN-GCB0IC}\n` +
    '}\n',
  [VELOCITY]:
    '@misc{lindqvistglacier,\n' + `  title = {${VELOCITY}},\n` + '  author = {Lindqvist, M},\n' + `  url = {${VIEW}qjMakFHDy7sC}\n` + '}\n',
};

/** What the system clipboard holds, as text (and its HTML flavour, when there is one). */
async function clipboard(page: Page): Promise<{ text: string; html?: string }> {
  await page.bringToFront();
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const text = await navigator.clipboard.readText();
    const withHtml = items.find((i) => i.types.includes('text/html'));
    return { text, html: withHtml ? await (await withHtml.getType('text/html')).text() : undefined };
  });
}

/** Put something else on the clipboard, so each copy is seen to change it. */
async function clearClipboard(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => navigator.clipboard.writeText('(before)'));
}

/** Move the popup's selection with ↓ to the result titled `title`; returns its option. */
async function select(page: Page, title: string) {
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  const titles = await options.allTextContents();
  const i = titles.findIndex((t) => t.startsWith(title));
  expect(i).not.toBe(-1);
  for (let k = 0; k < i; k++) await page.getByLabel('Search your papers').press('ArrowDown');
  await expect.poll(() => options.nth(i).getAttribute('aria-selected')).toBe('true');
  return options.nth(i);
}

describe('copy a citation (issue 14)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    // (Chrome refuses an origin here for extension pages, "opaque origins": grant it for every page.)
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    s.serve([{ url: PROFILE, body: read(join(fixturesDir, 'google-scholar/profile-coauthors.html')) }]);
    const page = await s.open(PROFILE);
    await s.waitForCapture(await s.tabIdOf(page), (x) => x.summary?.papersFound === 4);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('popup: Copy BibTeX from the ⋯ menu; BibTeX, Markdown link and citation by shortcut on the selected result', async () => {
    const popup = await s.extPage('popup.html', { width: 400, height: 600 });
    const box = popup.getByLabel('Search your papers');
    await box.fill('lindqvist');
    const results = popup.getByRole('listbox', { name: 'Search results' });
    await expect.poll(() => results.getByRole('option').count()).toBe(4);

    // The help popover lists the shortcuts.
    await popup.getByLabel('Search syntax').click();
    const help = popup.getByRole('note');
    await expect
      .poll(() => help.locator('.copy-keys').textContent())
      .toBe('Alt+Shift+XCopy BibTeXAlt+Shift+MCopy Markdown linkAlt+Shift+CCopy citation (APA)');
    await help.locator('.copy-keys').scrollIntoViewIfNeeded();
    await shot(popup, 'citations-popup-help-400-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'citations-popup-help-400-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('details.query-help[open]').count()).toBe(0);

    // The ⋯ menu of a result (beside its option, outside the listbox; its name quotes the paper).
    await clearClipboard(popup);
    await popup.getByLabel(`Actions for “${CALVING.slice(0, 60)}”`).click();
    const menu = popup.locator('details.paper-actions[open]').getByRole('group', { name: 'Copy' });
    // (The menu is drawn when it opens.)
    await expect.poll(() => menu.getByRole('button').count()).toBe(3);
    expect(await menu.getByRole('button').allTextContents()).toEqual([
      'Copy BibTeXAlt+Shift+X',
      'Copy Markdown linkAlt+Shift+M',
      'Copy citation (APA)Alt+Shift+C',
    ]);
    await shot(popup, 'citations-popup-menu-400-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'citations-popup-menu-400-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
    await menu.getByRole('button', { name: /^Copy BibTeX/ }).click();
    await expect.poll(() => menu.getByRole('status').textContent()).toBe('Copied BibTeX');
    expect((await clipboard(popup)).text).toBe(BIBTEX[CALVING]);
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('details.paper-actions[open]').count()).toBe(0);

    // The keyboard: select another result with ↓ from the search box and copy it without leaving it.
    await box.focus();
    await select(popup, IMBIE);
    const toast = popup.locator('.copy-toast');
    await clearClipboard(popup);
    await box.press('Alt+Shift+X');
    await expect.poll(() => toast.textContent()).toBe('Copied BibTeX');
    expect((await clipboard(popup)).text).toBe(BIBTEX[IMBIE]);
    expect(await box.inputValue()).toBe('lindqvist'); // nothing typed into the box
    await shot(popup, 'citations-popup-shortcut-toast-light');

    await box.press('Alt+Shift+M');
    await expect.poll(() => toast.textContent()).toBe('Copied Markdown link');
    expect((await clipboard(popup)).text).toBe(`[${IMBIE}](${VIEW}9yKSN-GCB0IC)`);

    await box.press('Alt+Shift+C');
    await expect.poll(() => toast.textContent()).toBe('Copied citation (APA)');
    const cite = await clipboard(popup);
    expect(cite.text).toBe(
      'Shepherd, A., Ivins, E., Rignot, E., Smith, B., Lindqvist, M., et al. (2020). ' +
        `${IMBIE}. Nature, 579, 233–239. ${VIEW}9yKSN-GCB0IC`,
    );
    // The HTML flavour keeps the italics (Chrome may wrap the fragment when reading it back).
    expect(cite.html).toContain('<i>Nature</i>, <i>579</i>, 233–239.');
    expect(await box.inputValue()).toBe('lindqvist');
    // The confirmation goes away by itself.
    await expect.poll(() => toast.textContent(), { timeout: 6000 }).toBe('');
    await popup.close();
  });

  it('side panel: the ⋯ menu copies; "Copy all as BibTeX" gives every entry of the result list, in its order', async () => {
    for (const [width, scheme] of [
      [400, 'light'],
      [1100, 'dark'],
      [400, 'dark'],
      [1100, 'light'],
    ] as const) {
      const panel = await s.extPage('sidepanel.html', { width, height: 900, colorScheme: scheme });
      await panel.getByLabel('Search your papers').fill('lindqvist');
      await expect.poll(() => panel.locator('.result-count').textContent()).toBe('4 results');
      const results = panel.getByRole('listbox', { name: 'Search results' });
      await panel.getByLabel(`Actions for “${SEA_ICE.slice(0, 60)}”`).click();
      const menu = panel.locator('details.paper-actions[open]').getByRole('group', { name: 'Copy' });
      await shot(panel, `citations-sidepanel-menu-${width}-${scheme}`);
      if (width === 400 && scheme === 'light') {
        await clearClipboard(panel);
        await menu.getByRole('button', { name: /^Copy Markdown link/ }).click();
        await expect.poll(() => menu.getByRole('status').textContent()).toBe('Copied Markdown link');
        expect((await clipboard(panel)).text).toBe(`[${SEA_ICE}](${VIEW}d1gkVwhDpl0C)`);
      }
      await panel.keyboard.press('Escape');

      await panel.getByText('Copy, export or collect these results…').click();
      const titles = (await results.getByRole('option').locator('.t').allTextContents()).map((t) => t.trim());
      expect([...titles].sort()).toEqual([CALVING, SEA_ICE, IMBIE, VELOCITY].sort());
      await clearClipboard(panel);
      await panel.getByRole('button', { name: 'Copy all as BibTeX' }).click();
      await expect.poll(() => panel.locator('.copy-all [role=status]').textContent()).toBe('Copied 4 BibTeX entries');
      expect((await clipboard(panel)).text).toBe(titles.map((t) => BIBTEX[t]).join('\n'));
      await shot(panel, `citations-sidepanel-copy-all-${width}-${scheme}`);
      await panel.close();
    }
  });

  it('a collection: "Copy all as BibTeX" copies exactly its Export BibTeX file', async () => {
    const panel = await s.extPage('sidepanel.html', { width: 400, height: 900 });
    await panel.getByRole('tab', { name: 'Collections' }).click();
    await panel.getByLabel('Collection name').fill('Glaciology');
    await panel.getByRole('button', { name: 'Create collection' }).click();
    await panel.getByRole('tab', { name: /Papers/ }).click();
    await panel.getByLabel('Search your papers').fill('lindqvist');
    await expect.poll(() => panel.locator('.result-count').textContent()).toBe('4 results');
    for (const title of [IMBIE, CALVING]) {
      await panel.getByLabel(`Actions for “${title.slice(0, 60)}”`).click();
      await panel.locator('details.paper-actions[open]').getByRole('checkbox', { name: 'Glaciology' }).check();
      await panel.keyboard.press('Escape');
    }
    await panel.getByRole('tab', { name: 'Collections' }).click();
    const card = panel.getByRole('article', { name: 'Collection Glaciology' });
    await expect.poll(() => card.textContent()).toContain('2 papers');
    await clearClipboard(panel);
    await card.getByRole('button', { name: 'Copy all as BibTeX' }).click();
    await expect.poll(() => card.locator('.copy-all [role=status]').textContent()).toBe('Copied 2 BibTeX entries');
    const copied = (await clipboard(panel)).text;
    // The export writes papers by id; either order, both whole entries, nothing else.
    expect([BIBTEX[CALVING] + '\n' + BIBTEX[IMBIE], BIBTEX[IMBIE] + '\n' + BIBTEX[CALVING]]).toContain(copied);
    await shot(panel, 'citations-collection-copy-all-400-light');
    await panel.close();
  });
});
