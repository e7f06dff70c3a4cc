// One bad row costs that row, never the page (issue 16, case 3), in real Chromium: an arXiv listing
// served at its real URL, built from the project's own fixture (tests/helpers/arxiv-rows.ts), with
// 30 normal rows and one with 5,001 authors. The library holds the 30, the popup says what was
// skipped and why. And a snippet nested 12,000 deep (built by the page's own script, as HTML parsers
// cap nesting) is scraped whole: 30 of 30.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot, type Session } from './harness';
import { ARXIV_LISTING_URL, arxivListing, rowTitle } from '../helpers/arxiv-rows';

/** Titles of the papers in the library, read by an extension page from IndexedDB. */
async function libraryTitles(s: Session): Promise<string[]> {
  const p = await s.extPage('sidepanel.html');
  const titles = await p.evaluate(
    () =>
      new Promise<string[]>((res, rej) => {
        const o = indexedDB.open('paperdex');
        o.onerror = () => rej(o.error);
        o.onsuccess = () => {
          const req = o.result.transaction('papers').objectStore('papers').getAll();
          req.onsuccess = () => {
            o.result.close();
            res((req.result as { title: string }[]).map((x) => x.title));
          };
          req.onerror = () => rej(req.error);
        };
      }),
  );
  await p.close();
  return titles;
}

describe('bad rows', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('30 normal rows and one with 5,001 authors: 30 stored; the popup says 1 skipped and why', async () => {
    s.serve([{ url: ARXIV_LISTING_URL, body: arxivListing(31, { 31: { authors: 5001 } }) }]);
    const page = await s.open(ARXIV_LISTING_URL);
    const tabId = await s.tabIdOf(page);
    const st = await s.waitForCapture(tabId, (x) => !!x.summary);
    expect(st.summary!.papersFound).toBe(30);

    const titles = await libraryTitles(s);
    expect(titles).toHaveLength(30);
    expect(titles).toContain(rowTitle(1));
    expect(titles).not.toContain(rowTitle(31));

    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600, colorScheme });
      await expect.poll(() => popup.getByTestId('page-headline').textContent()).toBe('30 of 31 papers captured — 1 skipped');
      expect(await popup.getByTestId('page-skipped').textContent()).toBe('Skipped: row 31: 5,001 authors (at most 5,000)');
      expect(await popup.getByText('Not captured automatically').count()).toBe(0);
      await shot(popup, `popup-bad-rows-${colorScheme}`);
      await popup.close();
    }
    await page.close();
  });

  it('a snippet nested 12,000 deep by the page script: 30 of 30 scraped, its text stored whole', async () => {
    const url = 'https://arxiv.org/list/cs.AI/new';
    const deepText = 'Deeply nested abstract text that a recursive walker never reached.';
    // The page's script nests row 7's abstract 12,000 elements deep (the HTML parser would cap it).
    const script = `<script>(() => {
      const p = document.querySelectorAll('dd p.mathjax')[6];
      p.textContent = '';
      // Blink's layout recurses too (a 12,000-deep rendered tree crashes the tab): the page keeps
      // the chain in a collapsed block, as "show more" snippets are, so only scripts walk it.
      p.hidden = true;
      let at = p;
      for (let d = 0; d < 12000; d++) at = at.appendChild(document.createElement(d % 2 ? 'span' : 'em'));
      at.textContent = ${JSON.stringify(deepText)};
      document.documentElement.dataset.nested = '1';
    })();</script>`;
    const body = arxivListing(30)
      .replaceAll(ARXIV_LISTING_URL, url)
      .replaceAll('/list/cs.LG/', '/list/cs.AI/')
      .replace('</body>', `${script}</body>`)
      .replaceAll('Listing row', 'Deep listing row')
      // Other arXiv ids than the first test's rows (the same ids would merge into those papers).
      .replaceAll('2406.2', '2406.3');
    s.serve([{ url, body }]);
    const page = await s.open(url);
    expect(await page.evaluate(() => document.documentElement.dataset.nested)).toBe('1');
    const tabId = await s.tabIdOf(page);
    const st = await s.waitForCapture(tabId, (x) => !!x.summary);
    expect(st.errors).toEqual([]);
    expect(st.summary!.papersFound).toBe(30);
    const deep = (await libraryTitles(s)).filter((t) => t.startsWith('Deep listing row'));
    expect(deep).toHaveLength(30);

    const abstract = await (async () => {
      const p = await s.extPage('sidepanel.html');
      const got = await p.evaluate(
        (title) =>
          new Promise<string | undefined>((res) => {
            const o = indexedDB.open('paperdex');
            o.onsuccess = () => {
              const req = o.result.transaction('papers').objectStore('papers').getAll();
              req.onsuccess = () => res((req.result as { title: string; abstract?: string }[]).find((x) => x.title === title)?.abstract);
            };
          }),
        'Deep listing row 7: sparse routing study',
      );
      await p.close();
      return got;
    })();
    expect(abstract).toBe(deepText);
    await page.close();
  });
});
