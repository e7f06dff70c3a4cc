// The first slice end to end in real Chromium: Google Scholar pages served at their real URLs are
// captured by the content script, stored by the background, reported by the popup, searchable,
// and exported by the side panel's "Export JSON" in the documented format. The pages are real ones
// from ../shared: without it the suite is skipped with a warning naming it (an error on CI).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { describeShared, sharedPages } from '../helpers/shared';
import { download, launch, read, shot, type Session } from './harness';

const PROFILE = 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ&hl=en';
const SEARCH = 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9';

const PAGES = ['pages/google-scholar/profile-kietzig.html', 'pages/google-scholar/search-crispr-p1.html'];

describeShared('Google Scholar → IndexedDB → popup → export', PAGES, () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve([
      { url: PROFILE, body: read(join(sharedPages, 'google-scholar/profile-kietzig.html')) },
      { url: SEARCH, body: read(join(sharedPages, 'google-scholar/search-crispr-p1.html')) },
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('captures a profile, shows it in the popup with the site metrics, and finds its papers', async () => {
    const page = await s.open(PROFILE);
    const tabId = await s.tabIdOf(page);
    const state = await s.waitForCapture(tabId, (st) => !!st.summary);
    expect(state.summary).toMatchObject({ authorName: 'Anne Kietzig', papersFound: 2, papersNew: 2 });

    // "Show more" appends rows later: the content script captures them too.
    await page.evaluate(() => {
      const body = document.querySelector('#gsc_a_b')!;
      const row = body.querySelector('tr.gsc_a_tr')!.cloneNode(true) as HTMLElement;
      row.querySelector('a.gsc_a_at')!.textContent = 'Superhydrophobic surfaces created by femtosecond laser irradiation';
      row
        .querySelector('a.gsc_a_at')!
        .setAttribute('href', '/citations?view_op=view_citation&hl=en&user=8daWuo4AAAAJ&citation_for_view=8daWuo4AAAAJ:u5HHmVD_uO8C');
      row.querySelector('.gsc_a_y span')!.textContent = '2009';
      body.append(row);
    });
    const after = await s.waitForCapture(tabId, (st) => st.summary?.papersFound === 3);
    expect(after.summary).toMatchObject({ papersFound: 3, papersNew: 3 });

    const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await expect.poll(() => popup.getByTestId('page-headline').textContent()).toBe('Anne Kietzig — 3 papers captured');
    // The site's numbers next to the ones computed over the collected papers.
    const vs = popup.getByRole('table', { name: /Google Scholar metrics next to metrics over collected papers/ });
    await expect.poll(() => vs.locator('tbody tr').count()).toBe(4);
    const rows = await vs.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split(/\s+/).join(' '))).toEqual(['Citations 1,338 1', 'h-index 17 1', 'i10-index 21 0', 'Papers — 3']);
    expect(await popup.locator('.coverage').textContent()).toContain('3 papers of this author collected so far');
    await shot(popup, 'popup-profile-light');

    // Search box is focused on open; typing searches with prefix + light fuzzy.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search your papers');
    await popup.keyboard.type('nanofluid copper');
    const results = popup.getByRole('listbox', { name: 'Search results' });
    await expect
      .poll(() => results.getByRole('option').first().textContent())
      .toContain('Interaction of oxygen functionalized multi-walled carbon nanotube nanofluids with copper');
    await popup.getByLabel('Search your papers').fill('femtosecnd laser'); // typo
    await expect
      .poll(() => results.getByRole('option').first().textContent())
      .toContain('Superhydrophobic surfaces created by femtosecond laser irradiation');
    await shot(popup, 'popup-search-light');
    await popup.close();
  });

  it('captures a search page, and revisiting pages adds no duplicates', async () => {
    const page = await s.open(SEARCH);
    const tabId = await s.tabIdOf(page);
    const st = await s.waitForCapture(tabId, (x) => !!x.summary);
    expect(st.summary).toMatchObject({ papersFound: 10, papersNew: 10 });

    await page.reload();
    const again = await s.waitForCapture(tabId, (x) => !!x.summary && x.updatedAt > st.updatedAt);
    expect(again.summary).toMatchObject({ papersFound: 10, papersNew: 0 });

    const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await expect.poll(() => popup.getByTestId('page-headline').textContent()).toBe('10 papers captured');
    await expect.poll(() => popup.getByTestId('page-counts').textContent()).toContain('10 already in your library');
    await popup.getByLabel('Search your papers').fill('crispr');
    await expect.poll(() => popup.getByRole('option').count()).toBeGreaterThanOrEqual(5);
    await shot(popup, 'popup-search-crispr-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'popup-search-crispr-dark');
    await popup.getByLabel('Search your papers').fill('');
    await shot(popup, 'popup-page-dark');
    await popup.close();
    await page.close();
  });

  it('exports everything as paperdex/collection v1 JSON from the side panel', async () => {
    const profile = await s.open(PROFILE); // a revisit: still no duplicates
    await s.waitForCapture(await s.tabIdOf(profile), (x) => x.summary?.papersNew === 0);

    const panel = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    await panel.getByRole('tab', { name: /Authors/ }).click();
    await panel.getByRole('button', { name: 'Anne Kietzig' }).click();
    await expect.poll(() => panel.getByRole('table', { name: /Google Scholar metrics next to/ }).textContent()).toContain('1,338');
    // Charts: the site's per-year bars (11 years), papers per year; accessible with a table.
    const perYear = panel.getByRole('img', { name: /Citations per year \(Google Scholar\)/ });
    await expect.poll(() => perYear.locator('rect.bar').count()).toBe(11);
    await expect.poll(() => panel.getByRole('img', { name: /Collected papers per year/ }).count()).toBe(1);
    const all = panel.getByRole('table', { name: 'Metrics over collected papers', exact: true });
    const cell = (label: string) =>
      all
        .locator('tr', { has: panel.locator('th', { hasText: new RegExp(`^${label}`) }) })
        .first()
        .locator('td');
    expect(await cell('h-index').innerText()).toBe('1');
    expect(await cell('Citations per paper').innerText()).toBe('0.3');
    // Un-ticking a paper recomputes the metrics without it.
    await panel.getByRole('checkbox', { name: /Count “Boiling heat transfer/ }).uncheck();
    await expect.poll(() => cell('Citations per paper').innerText()).toBe('0.0');
    await panel.getByRole('checkbox', { name: /Count “Boiling heat transfer/ }).check();
    await shot(panel, 'sidepanel-author-light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await shot(panel, 'sidepanel-author-dark');
    await panel.emulateMedia({ colorScheme: 'light' });

    // Compare two authors side by side.
    await panel.getByRole('button', { name: 'Compare with others' }).click();
    await panel.getByRole('button', { name: 'JA Doudna' }).click();
    await panel.getByRole('button', { name: 'Compare with others' }).click();
    const cmp = panel.getByRole('region', { name: 'Compare authors' });
    await expect.poll(() => cmp.locator('table.compare > thead th').count()).toBe(3);
    expect(await cmp.locator('table.compare tr', { hasText: 'h-index (reported)' }).innerText()).toMatch(/17/);
    expect(await cmp.getByRole('img', { name: /Collected papers per year/ }).count()).toBe(1);
    await shot(panel, 'sidepanel-compare-light');
    await panel.getByRole('tab', { name: /Authors/ }).click();

    const { name, text } = await download(panel, () => panel.getByRole('button', { name: 'Export JSON' }).click());
    expect(name).toMatch(/^paperdex-all-papers-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(text);
    expect(data).toMatchObject({ format: 'paperdex/collection', version: 1, collection: { id: 'all', name: 'All papers' } });
    expect(Number.isNaN(Date.parse(data.exportedAt))).toBe(false);
    expect(data.papers).toHaveLength(13); // 3 profile rows + 10 search results, no duplicates
    const titles = data.papers.map((p: { title: string }) => p.title);
    expect(new Set(titles).size).toBe(13);
    expect(titles).toContain('CRISPR–Cas9 structures and mechanisms');
    expect(titles.some((t: string) => t.startsWith('['))).toBe(false);
    const crispr = data.papers.find((p: { title: string }) => p.title === 'CRISPR–Cas9 structures and mechanisms');
    expect(crispr).toMatchObject({ authors: ['F Jiang', 'JA Doudna'], year: 2017, citations: 2020 });
    expect(crispr.sources).toEqual([{ site: 'google-scholar', url: SEARCH, capturedAt: expect.any(String), citations: 2020 }]);

    const anne = data.authors.find((a: { name: string }) => a.name === 'Anne Kietzig');
    expect(anne).toMatchObject({
      affiliation: expect.stringContaining('McGill'),
      interests: ['laser micromachining', 'wetting', 'biomimetics'],
      homepage: 'http://kietzig-lab.mcgill.ca/',
      profiles: [{ site: 'google-scholar', id: '8daWuo4AAAAJ' }],
    });
    expect(anne.paperIds).toHaveLength(3);
    expect(anne.reported).toHaveLength(1); // same metrics on every revisit: one snapshot
    expect(anne.reported[0]).toMatchObject({
      site: 'google-scholar',
      citations: 1338,
      hIndex: 17,
      i10Index: 21,
      since: { year: 2014, citations: 1149, hIndex: 16, i10Index: 21 },
      citationsPerYear: { '2009': 6, '2013': 56, '2018': 348, '2019': 83 },
    });

    const search = await s.extPage('sidepanel.html');
    await search.getByLabel('Search your papers').fill('cas9 structures');
    const list = search.getByRole('listbox', { name: 'Search results' });
    await expect.poll(() => list.getByRole('option').first().textContent()).toContain('CRISPR–Cas9 structures and mechanisms');
    await shot(search, 'sidepanel-search-light');
  });

  it('stores nothing from a CAPTCHA page', async () => {
    const url = 'https://scholar.google.com/scholar?q=unusual+traffic+test';
    s.serve([
      {
        url,
        body: `<html><body><div id="gs_captcha_ccl"><h1>Please show you're not a robot</h1><p>Our systems have detected unusual traffic from your computer network.</p><form id="gs_captcha_f"></form></div></body></html>`,
      },
    ]);
    const page = await s.open(url);
    const tabId = await s.tabIdOf(page);
    const st = await s.waitForCapture(tabId);
    expect(st.found).toBe(0);
    expect(st.summary).toBeUndefined();
  });
});
