// Search in real Chromium: typing in the popup returns ranked, highlighted results as you type;
// query filters and facets narrow the side panel's results; a paper captured while the popup is
// open becomes searchable without reopening anything. The pages are real ones from ../shared:
// without it the suite is skipped with a warning naming it (an error on CI).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { describeShared, sharedPages } from '../helpers/shared';
import { launch, read, shot, type Session } from './harness';

const SEARCH = 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9';
const ARXIV = 'https://arxiv.org/list/cs/2301?skip=0&show=3';

const PAGES = ['pages/google-scholar/search-crispr-p1.html', 'pages/arxiv/list-cs-2301.html'];

describeShared('search', PAGES, () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve([
      { url: SEARCH, body: read(join(sharedPages, 'google-scholar/search-crispr-p1.html')) },
      { url: ARXIV, body: read(join(sharedPages, 'arxiv/list-cs-2301.html')) },
    ]);
    const page = await s.open(SEARCH);
    await s.waitForCapture(await s.tabIdOf(page), (x) => !!x.summary);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('ranks and highlights results in the popup as you type, with keyboard navigation', async () => {
    const popup = await s.extPage('popup.html', { width: 400, height: 600 });
    const box = popup.getByLabel('Search your papers');
    await box.pressSequentially('cas9 structres', { delay: 30 }); // typo, typed key by key
    const results = popup.getByRole('listbox', { name: 'Search results' });
    await expect.poll(() => results.getByRole('option').first().textContent()).toContain('CRISPR–Cas9 structures and mechanisms');
    const marks = await results.getByRole('option').first().locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['cas9', 'structures']));
    await box.fill('');
    await box.pressSequentially('crispr', { delay: 20 });
    await expect.poll(() => results.getByRole('option').count()).toBeGreaterThan(2);
    await box.press('ArrowDown');
    await expect.poll(() => results.locator('[aria-selected="true"]').count()).toBe(1);
    expect(await results.getByRole('option').nth(1).getAttribute('aria-selected')).toBe('true');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    await shot(popup, 'popup-empty-after-esc');
    await popup.close();
  });

  it('filters with the query syntax and facets in the side panel', async () => {
    const panel = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    const box = panel.getByLabel('Search your papers');
    const results = panel.getByRole('listbox', { name: 'Search results' });
    await box.fill('crispr year:2016');
    await expect
      .poll(async () => {
        const ts = await results.getByRole('option').allTextContents();
        return ts.length > 0 && ts.every((t) => t.includes('2016'));
      })
      .toBe(true);

    await box.fill('crispr');
    // Every captured paper mentions CRISPR: wait for this query's count, not the previous one's.
    await expect.poll(() => panel.locator('.result-count').textContent()).toBe('10 results');
    await expect.poll(() => panel.getByRole('group', { name: 'Filter by year' }).count()).toBe(1);
    const before = 10;
    await panel.getByRole('group', { name: 'Filter by year' }).getByRole('button').first().click();
    await expect.poll(() => box.inputValue()).toMatch(/^crispr year:\d{4} $/);
    await expect
      .poll(async () => Number((await panel.locator('.result-count').textContent())!.match(/\d+/)?.[0] ?? -1))
      .toBeLessThan(before);
    await shot(panel, 'sidepanel-search-facets-light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.getByLabel('Search syntax').click();
    await shot(panel, 'sidepanel-search-help-dark');
    await panel.emulateMedia({ colorScheme: 'light' });

    await box.fill('author:"doudna"');
    // Results update as the query changes: wait for the new ones.
    await expect
      .poll(async () => {
        const ts = await results.getByRole('option').allTextContents();
        return ts.length > 0 && ts.every((t) => t.includes('Doudna'));
      })
      .toBe(true);
    await box.fill('crispr -cas9 has:code');
    await expect.poll(() => panel.locator('.empty').textContent()).toContain('No papers match');
    await box.fill('year:abc');
    // Shown beside the results and said in their polite status (not an alert on every keystroke).
    await expect.poll(() => panel.locator('.search-warning').first().textContent()).toContain('is not a year');
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'is not a year' }).count()).toBe(1);
    await panel.close();
  });

  it('finds a paper captured while the popup is open, without reopening', async () => {
    const popup = await s.extPage('popup.html', { width: 400, height: 600 });
    await popup.getByLabel('Search your papers').fill('quantum spins glyph');
    await expect.poll(() => popup.locator('.empty').textContent()).toContain('No papers match');
    const page = await s.open(ARXIV);
    await s.waitForCapture(await s.tabIdOf(page), (x) => !!x.summary);
    const results = popup.getByRole('listbox', { name: 'Search results' });
    await expect.poll(() => results.getByRole('option').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await popup.close();
  });
});
