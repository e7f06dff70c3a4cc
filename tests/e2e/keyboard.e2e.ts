// Issue 17, keyboard only, in real Chromium: in the popup and in the side panel's search, type a
// query, move through the results with ↓/↑ (the search box is a WAI-ARIA combobox: focus stays in
// it, `aria-activedescendant` names the selected option), Tab to the selected result's Star and
// press Space, Tab to its ⋯ menu, open it with Enter and close it with Esc (focus back on ⋯),
// Shift+Tab back to the search box and open the paper with Enter. After the mouse-free setup
// (capture a Scholar profile, open the extension page) every step is page.keyboard.
//
// Expected values are read off the fixture (tests/fixtures/google-scholar/profile-coauthors.html):
// Maria Lindqvist's four articles and their "view citation" URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers/dom';
import { launch, read, shot, type Session } from './harness';

const PROFILE = 'https://scholar.google.com/citations?hl=en&user=Xq3vN0sAAAAJ&view_op=list_works&sortby=pubdate';
const VIEW =
  'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=Xq3vN0sAAAAJ&sortby=pubdate&citation_for_view=Xq3vN0sAAAAJ:';
/** Each article's title → its page (the title links of the profile). */
const URLS: Record<string, string> = {
  'Deep learning for calving front detection in Greenland outlet glaciers': `${VIEW}u5HHmVD_uO8C`,
  'Sea-ice drift from Sentinel-1 image pairs: a benchmark': `${VIEW}d1gkVwhDpl0C`,
  'Ice Sheet Mass Balance Inter-comparison Exercise: the 2020 assessment': `${VIEW}9yKSN-GCB0IC`,
  'Glacier surface velocity mapping with feature tracking': `${VIEW}qjMakFHDy7sC`,
};

/** What has keyboard focus: its role, accessible-name attribute, pressed state, and whether it is the search box. */
function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      tag: e?.tagName.toLowerCase() ?? '',
      role: e?.getAttribute('role') ?? null,
      label: e?.getAttribute('aria-label') ?? null,
      pressed: e?.getAttribute('aria-pressed') ?? null,
      // The row of a row action button (components/ResultList.tsx: .row-actions[data-row]).
      row: e?.closest('.row-actions')?.getAttribute('data-row') ?? null,
    };
  });
}

/** Every id `aria-controls` names is an element in the page now (axe aria-valid-attr-value). */
function controlsExist(page: Page) {
  return page.evaluate(() => {
    const ids = document.querySelector('[role=combobox]')?.getAttribute('aria-controls')?.split(/\s+/) ?? [];
    return ids.length > 0 && ids.every((id) => document.getElementById(id)?.getAttribute('role') === 'listbox');
  });
}

/**
 * Press `key` until focus is on an element matching `done` (at most `max` times); returns what has
 * focus. On the way no row action button but those of row `selected` takes focus: only the selected
 * row's are in the tab order.
 */
async function pressUntil(page: Page, key: string, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, selected: string, max = 80) {
  for (let k = 0; k < max; k++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.row !== null) expect(f.row).toBe(selected);
    if (done(f)) return f;
  }
  throw new Error(`${key} × ${max} never reached the element wanted; focus is on ${JSON.stringify(await focused(page))}`);
}

/** The keyboard-only walk through one search view (popup or side panel). */
async function walk(s: Session, page: Page, view: string): Promise<void> {
  await page.bringToFront();
  const box = page.getByRole('combobox', { name: 'Search your papers' });
  // The search box has focus on load (autofocus); the rest is the keyboard.
  await expect.poll(async () => (await focused(page)).role).toBe('combobox');
  expect(await box.getAttribute('aria-autocomplete')).toBe('list');
  // Nothing selected yet; aria-controls names only lists that are there.
  expect(await box.getAttribute('aria-activedescendant')).toBeNull();
  if ((await box.getAttribute('aria-expanded')) === 'true') expect(await controlsExist(page)).toBe(true);
  else expect(await box.getAttribute('aria-controls')).toBeNull();

  await page.keyboard.type('lindqvist');
  const list = page.getByRole('listbox', { name: 'Search results' });
  const options = list.getByRole('option');
  await expect.poll(() => options.count()).toBe(4);
  await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
  expect(await controlsExist(page)).toBe(true);
  expect(await box.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
  // The first result is selected (Enter would open it).
  expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(0).getAttribute('id'));

  // ↓ ↓ ↑: the selection moves, one option at a time is selected, focus never leaves the box.
  for (const [key, at] of [
    ['ArrowDown', 1],
    ['ArrowDown', 2],
    ['ArrowUp', 1],
  ] as const) {
    await page.keyboard.press(key);
    const id = await options.nth(at).getAttribute('id');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe(id);
    expect(await options.nth(at).getAttribute('aria-selected')).toBe('true');
    expect(await list.locator('[role=option][aria-selected=true]').count()).toBe(1);
    expect((await focused(page)).role).toBe('combobox');
  }
  const title = (await options.nth(1).locator('.t').textContent())!.trim();
  expect(Object.keys(URLS)).toContain(title);
  // Rows hold no controls; of the row actions beside them only the selected row's two are tab stops.
  expect(await list.locator('a, button, input, select, textarea, summary, [tabindex]').count()).toBe(0);
  expect(await page.locator('.row-actions :is(button, summary)[tabindex="0"]').count()).toBe(2);
  expect(await page.locator('.row-actions[data-row="1"] :is(button, summary)[tabindex="0"]').count()).toBe(2);

  // Tab reaches the selected result's Star; Space stars it.
  const star = await pressUntil(page, 'Tab', (f) => !!f.label?.startsWith('Star “'), '1');
  expect(star).toMatchObject({ tag: 'button', label: `Star “${title.slice(0, 60)}”`, pressed: 'false', row: '1' });
  await page.keyboard.press('Space');
  await expect.poll(async () => (await focused(page)).pressed).toBe('true');
  // The search re-runs once the index has the star: the result shows it (a mark, not a control).
  await expect.poll(() => options.filter({ hasText: title }).getByRole('img', { name: 'Starred' }).count(), { timeout: 10_000 }).toBe(1);
  expect((await focused(page)).label).toBe(`Star “${title.slice(0, 60)}”`);

  // Tab: its ⋯ menu; Enter opens it, Esc closes it and gives focus back to ⋯.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'summary', label: `Actions for “${title.slice(0, 60)}”`, row: '1' });
  await page.keyboard.press('Enter');
  const menu = page.locator('details.paper-actions[open] .menu');
  await expect.poll(() => menu.isVisible()).toBe(true);
  // The menu is outside the listbox.
  expect(await list.locator('.menu').count()).toBe(0);
  await shot(page, `keyboard-${view}-menu-open`);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('details.paper-actions[open]').count()).toBe(0);
  expect(await focused(page)).toMatchObject({ tag: 'summary', label: `Actions for “${title.slice(0, 60)}”` });

  // Shift+Tab back to the search box; the same result is still selected; Enter opens it in a new tab.
  await pressUntil(page, 'Shift+Tab', (f) => f.role === 'combobox', '1');
  expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
  const [opened] = await Promise.all([s.context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await expect.poll(() => opened.url()).toBe(URLS[title]);
  await opened.close();

  // Searching again by the star finds that paper, starred.
  await page.bringToFront();
  await expect.poll(async () => (await focused(page)).role).toBe('combobox');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('is:starred');
  await expect.poll(() => options.allTextContents()).toHaveLength(1);
  expect((await options.first().locator('.t').textContent())!.trim()).toBe(`★ ${title}`);
  expect(await options.first().getByRole('img', { name: 'Starred' }).count()).toBe(1);
  // Unstar it again for the next view (the keyboard still: Tab to its Star, Space): no starred paper is left.
  expect(await pressUntil(page, 'Tab', (f) => !!f.label?.startsWith('Star “'), '0')).toMatchObject({ pressed: 'true' });
  await page.keyboard.press('Space');
  await expect.poll(() => page.locator('.empty').textContent(), { timeout: 10_000 }).toBe('No papers match “is:starred”.');
}

describe('keyboard only (issue 17)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve([
      { url: PROFILE, body: read(join(fixturesDir, 'google-scholar/profile-coauthors.html')) },
      ...Object.values(URLS).map((url) => ({
        url,
        body: '<!DOCTYPE html><html lang="en"><title>Citation</title><p>A paper page.</p></html>',
      })),
    ]);
    const page = await s.open(PROFILE);
    await s.waitForCapture(await s.tabIdOf(page), (x) => x.summary?.papersFound === 4);
    await page.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('popup: search, move through the results, star one, open and close its menu, open it', async () => {
    const popup = await s.extPage('popup.html', { width: 400, height: 600 });
    await walk(s, popup, 'popup');
    await popup.close();
  });

  it('side panel: the same in its search', async () => {
    const panel = await s.extPage('sidepanel.html', { width: 1100, height: 900 });
    await walk(s, panel, 'sidepanel');
    await panel.close();
  });
});
