// Issue 14: the popup is about the tab's current page. A Scholar profile is captured on its own;
// the same tab then goes to an ordinary publisher page (no scholarly host: nothing runs there).
// The popup must show that page and "Capture this page", never the profile it showed before, and
// capturing it must show the new capture.
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { join } from 'node:path';
import { fixturesDir } from '../helpers/dom';
import { launch, read, shot, type Session } from './harness';

const PROFILE = 'https://scholar.google.com/citations?hl=en&user=Xq3vN0sAAAAJ&view_op=list_works&sortby=pubdate';
const ARTICLE = 'https://journals.example-press.org/article/10.5555/wave-2026-0142';
const ARTICLE_TITLE = 'Tidal mixing in stratified estuaries: a field study';
const ARTICLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${ARTICLE_TITLE} | Journal of Coastal Waves</title>
<meta name="citation_title" content="${ARTICLE_TITLE}">
<meta name="citation_author" content="Lindqvist, Maria">
<meta name="citation_author" content="Okafor, Chidi">
<meta name="citation_publication_date" content="2026/03/14">
<meta name="citation_journal_title" content="Journal of Coastal Waves">
<meta name="citation_doi" content="10.5555/wave-2026-0142">
</head><body><article><h1>${ARTICLE_TITLE}</h1><p>Maria Lindqvist, Chidi Okafor</p>
<section><h2>Abstract</h2><p>We measured tidal mixing over two seasons.</p></section></article></body></html>`;

describe('the popup follows the tab (issue 14)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve([
      { url: PROFILE, body: read(join(fixturesDir, 'google-scholar/profile-coauthors.html')) },
      { url: ARTICLE, body: ARTICLE_HTML },
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('after a captured profile, an ordinary page in the same tab shows that page and "Capture this page"', async () => {
    const page = await s.open(PROFILE);
    const tabId = await s.tabIdOf(page);
    await s.waitForCapture(tabId, (st) => st.summary?.authorName === 'Maria Lindqvist');
    const before = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await expect.poll(() => before.getByTestId('page-headline').textContent()).toMatch(/^Maria Lindqvist — \d+ papers captured$/);
    await before.close();

    // The same tab follows a link to the publisher's page.
    await page.goto(ARTICLE, { waitUntil: 'load' });

    // Even where Paperdex may not see the tab's URL (no toolbar click yet), the profile is gone:
    // the background dropped the state when the tab navigated.
    const hidden = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await expect.poll(() => hidden.getByTestId('page-headline').textContent()).toBe('Not captured automatically');
    expect(await hidden.locator('body').textContent()).not.toContain('Maria Lindqvist');
    await hidden.close();

    // The user's toolbar click (activeTab): the popup names the page and offers to capture it.
    await s.clickToolbar(page);
    const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    const card = popup.getByRole('region', { name: 'This page' });
    await expect.poll(() => card.getByTestId('page-identity').textContent()).toContain(ARTICLE_TITLE);
    expect(await card.getByTestId('page-identity').textContent()).toContain('journals.example-press.org');
    expect(await card.getByTestId('page-headline').textContent()).toBe('Not captured automatically');
    expect(await card.getByRole('button', { name: 'Capture this page' }).isVisible()).toBe(true);
    expect(await card.textContent()).not.toMatch(/Lindqvist — |papers captured/);
    await shot(popup, 'popup-tab-ordinary-page-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'popup-tab-ordinary-page-dark');
    await popup.emulateMedia({ colorScheme: 'light' });

    await card.getByRole('button', { name: 'Capture this page' }).click();
    const st = await s.waitForCapture(tabId, (x) => !!x.summary && x.url === ARTICLE);
    expect(st).toMatchObject({ onDemand: true, summary: { papersFound: 1 } });
    await expect.poll(() => card.getByTestId('page-headline').textContent()).toBe('1 paper captured');
    await expect.poll(() => card.getByTestId('page-papers').textContent()).toContain(ARTICLE_TITLE);
    expect(await card.getByRole('button', { name: 'Capture this page' }).count()).toBe(0);
    await shot(popup, 'popup-tab-captured-light');
    await popup.close();

    // Back to the profile: the content script captures it again and the popup is about it.
    await page.goto(PROFILE, { waitUntil: 'load' });
    await s.waitForCapture(tabId, (x) => x.url === PROFILE && !!x.summary);
    const again = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await expect.poll(() => again.getByTestId('page-headline').textContent()).toMatch(/^Maria Lindqvist — /);
    await again.close();
    await page.close();
  });
});
