// Issue 14, in real Chromium: the popup lists a page's papers new ones first, each marked in words
// "new", "updated" or "already known"; with the search box empty it shows recently captured and
// recently opened papers; and author search finds a captured author by a mistyped surname.
//
// Expected values are read off the pages: page A lists papers 1–3; page B lists 4, 1, 2 (with its
// abstract this time), 5, 3. The Scholar profile fixture shows "Maria Lindqvist", "Associate
// Professor, Uppsala University", h-index 21 (All), and four articles cited 57, –, 1045 and 3 times
// (so an h-index of 3 over the collected papers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers/dom';
import { launch, read, shot, type Session } from './harness';
import { arxivListing, type ListEntry } from './pages';

const PAGE_A = 'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=3';
const PAGE_B = 'https://arxiv.org/list/cs.LG/new';
const PROFILE = 'https://scholar.google.com/citations?hl=en&user=Xq3vN0sAAAAJ&view_op=list_works&sortby=pubdate';

const entry = (n: number): ListEntry => ({
  id: `2604.${String(41000 + n)}`,
  title: `Popup list probe ${n}: calibrated retrieval for long documents`,
  authors: [`Ines Castellanos${n}`, 'Tomas Berg'],
});
const title = (n: number) => entry(n).title;
const ABSTRACT_2 = 'We calibrate dense retrievers on documents longer than their context window.';

/** Page B: paper 2 now comes with its abstract (an arXiv "new" listing shows abstracts). */
function pageB(): string {
  const html = arxivListing([4, 1, 2, 5, 3].map(entry));
  const at = html.indexOf(title(2));
  const end = html.indexOf('</div></dd>', at);
  return `${html.slice(0, end)}</div><p class='mathjax'>${ABSTRACT_2}</p></dd>${html.slice(end + '</div></dd>'.length)}`;
}

const ABS_5 = `https://arxiv.org/abs/${entry(5).id}`;
const absPage = (n: number) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>[${entry(n).id}] ${title(n)}</title>
<meta name="citation_title" content="${title(n)}"><meta name="citation_author" content="Castellanos${n}, Ines">
<meta name="citation_author" content="Berg, Tomas"><meta name="citation_arxiv_id" content="${entry(n).id}"></head>
<body><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>${title(n)}</h1>
<div class="authors"><span class="descriptor">Authors:</span><a href="/a/castellanos_i_1">Ines Castellanos${n}</a>, <a href="/a/berg_t_1">Tomas Berg</a></div>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>A probe paper.</blockquote></div></body></html>`;

/** The page card's list: [title, mark] per row, as shown. */
async function pageList(popup: Page): Promise<[string, string][]> {
  const rows = popup.getByTestId('page-papers').getByRole('listitem');
  return rows.evaluateAll((lis) =>
    lis.map((li) => [li.querySelector('.title')!.textContent ?? '', li.querySelector('.mark')!.textContent ?? '']),
  ) as Promise<[string, string][]>;
}

/** Titles listed under a recent list (by its accessible name). */
const recentTitles = (popup: Page, name: string) =>
  popup
    .getByRole('listbox', { name })
    .getByRole('option')
    .evaluateAll((os) => os.map((o) => o.querySelector('.t')?.textContent ?? ''));

describe('the popup’s page list, recent lists and author search (issue 14)', () => {
  let s: Session;
  let tabB: number;
  beforeAll(async () => {
    s = await launch();
    s.serve([
      { url: PAGE_A, body: arxivListing([1, 2, 3].map(entry)) },
      { url: PAGE_B, body: pageB() },
      { url: ABS_5, body: absPage(5) },
      // Paper 3's page, opened from a result, holds nothing to capture (so the opening recorded is the result's).
      {
        url: `https://arxiv.org/abs/${entry(3).id}`,
        body: '<!DOCTYPE html><html><head><title>Loading</title></head><body><p>Loading…</p></body></html>',
      },
      { url: PROFILE, body: read(join(fixturesDir, 'google-scholar/profile-coauthors.html')) },
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('page B after page A: new papers first, each marked new / updated / already known in words', async () => {
    const a = await s.open(PAGE_A);
    const stA = await s.waitForCapture(await s.tabIdOf(a), (x) => !!x.summary);
    expect(stA.summary).toMatchObject({ papersFound: 3, papersNew: 3 });
    const b = await s.open(PAGE_B);
    tabB = await s.tabIdOf(b);
    const st = await s.waitForCapture(tabB, (x) => !!x.summary);
    expect(st.summary).toMatchObject({ papersFound: 5, papersNew: 2, papersUpdated: 1, papersUnchanged: 2 });

    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await s.extPage(`popup.html?tabId=${tabB}`, { width: 400, height: 600, colorScheme });
      await expect.poll(() => popup.getByTestId('page-papers').getByRole('listitem').count()).toBe(5);
      expect(await pageList(popup)).toEqual([
        [title(4), 'new'],
        [title(5), 'new'],
        [title(2), 'updated'],
        [title(1), 'already known'],
        [title(3), 'already known'],
      ]);
      expect(await popup.getByTestId('page-counts').textContent()).toBe('2 new · 1 updated · 2 already in your library');
      expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      await shot(popup, `popup-lists-page-marks-${colorScheme}`);
      await popup.close();
    }
  });

  it('with the search box empty: recently captured, and after opening a result or a paper page, recently opened', async () => {
    const popup = await s.extPage(`popup.html?tabId=${tabB}`, { width: 400, height: 600 });
    // Page B is listed on the card already: "Recently captured" shows what else was (page A).
    await expect.poll(() => recentTitles(popup, 'Recently captured')).toEqual([title(1), title(2), title(3)]);
    expect(await popup.getByRole('heading', { name: 'Recently captured' }).isVisible()).toBe(true);
    expect(await popup.getByRole('listbox', { name: 'Recently opened' }).count()).toBe(0);

    // Open a search result by clicking it (an option holds no link): a new tab with the paper's page.
    const box = popup.getByLabel('Search your papers');
    await box.fill('popup list probe 3');
    const result = popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
    await expect.poll(() => result.textContent()).toContain(title(3));
    const [opened] = await Promise.all([s.context.waitForEvent('page'), result.locator('.t').click()]);
    await expect.poll(() => opened.url()).toBe(`https://arxiv.org/abs/${entry(3).id}`);
    await opened.close();
    await box.fill('');
    await expect.poll(() => recentTitles(popup, 'Recently opened')).toEqual([title(3)]);
    expect(await popup.getByTestId('recent-opened').textContent()).toContain('opened just now');

    // Visiting a paper's own page (captured there) opens it too; it comes first.
    const abs = await s.open(ABS_5);
    await s.waitForCapture(await s.tabIdOf(abs), (x) => !!x.summary);
    await expect.poll(() => recentTitles(popup, 'Recently opened')).toEqual([title(5), title(3)]);
    expect(await popup.getByTestId('recent-opened').getByRole('option').first().locator('xpath=..').textContent()).toContain(
      'visited just now',
    );

    // A recent paper opens like a search result: ↓ selects it, Enter opens it.
    await box.press('ArrowDown');
    expect(await popup.getByRole('listbox', { name: 'Recently opened' }).getByRole('option').first().getAttribute('aria-selected')).toBe(
      'true',
    );
    const [again] = await Promise.all([s.context.waitForEvent('page'), box.press('Enter')]);
    await expect.poll(() => again.url()).toBe(ABS_5);
    await again.close();
    await abs.close();

    await shot(popup, 'popup-lists-recent-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'popup-lists-recent-dark');
    await popup.close();
  });

  it('author search in the popup finds a captured author by a mistyped surname', async () => {
    const profile = await s.open(PROFILE);
    await s.waitForCapture(await s.tabIdOf(profile), (x) => x.summary?.authorName === 'Maria Lindqvist');
    await profile.close();
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await s.extPage('popup.html', { width: 400, height: 600, colorScheme });
      await popup.getByLabel('Search your papers').fill('Lindquist'); // "v" typed as "u"
      const hit = popup.getByRole('list', { name: 'Matching authors' }).getByRole('listitem').first();
      await expect.poll(() => hit.locator('.author-link').textContent()).toBe('Maria Lindqvist');
      expect(await hit.locator('.a').textContent()).toBe('Associate Professor, Uppsala University');
      // The figures, separated in the text itself (not run together as "…collectedh-index…").
      await expect
        .poll(async () => (await hit.locator('.figures').textContent())?.split(' · '))
        .toEqual(['4 papers collected', 'h-index 21 reported', 'h-index 3 computed', '2,345 citations']);
      await shot(popup, `popup-lists-author-hit-${colorScheme}`);
      await popup.close();
    }
  });
});
