// One paper, wherever it was seen: the same paper captured from an arXiv listing, its OpenReview
// forum and a Google Scholar search page is one paper with three sources in "Export JSON"; on a
// later listing page, papers already in the library carry the "in Paperdex" badge (badges opted in
// for those sites in Settings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../helpers/dom';
import { download, launch, shot, type Session } from './harness';

const TITLE = 'Sparse Mixture-of-Experts Routing with Learned Temperature';
const fixture = (p: string) => readFileSync(join(fixturesDir, p), 'utf8');

// The arXiv listing fixture's first entry (arXiv:2406.04101, Okafor, Lindqvist, Tanaka) as it
// would also appear on OpenReview and Google Scholar: the trimmed fixtures of those adapters with
// their paper swapped for this one.
const ARXIV = { url: 'https://arxiv.org/list/cs.LG/new', body: fixture('arxiv/list-cs-LG-new.html') };
const OPENREVIEW = {
  url: 'https://openreview.net/forum?id=Xk3tPq9LmZ',
  body: fixture('openreview/forum-iclr2020-forumnote.html')
    .replaceAll('Sharing Knowledge in Multi-Task Deep Reinforcement Learning', TITLE)
    .replace(
      /<span><a href="\/profile\?email=carlo[\s\S]*?Jan Peters<\/a> <\/span>/,
      '<span><a href="/profile?id=~Chidi_Okafor1">Chidi Okafor</a>, <a href="/profile?id=~Maja_Lindqvist1">Maja Lindqvist</a>, <a href="/profile?id=~Hiroshi_Tanaka2">Hiroshi Tanaka</a> </span>',
    )
    .replaceAll('Jan Peters', 'Hiroshi Tanaka')
    .replaceAll('rkgpv2VFvr', 'Xk3tPq9LmZ')
    .replaceAll('2020', '2024')
    .replaceAll('2019', '2024'),
};
const SCHOLAR = {
  url: 'https://scholar.google.com/scholar?hl=en&q=mixture+of+experts+temperature',
  body: fixture('google-scholar/search-prefixes.html')
    .replace(
      'Semi-supervised classification with <b>graph </b>convolutional <b>networks</b>',
      'Sparse mixture-of-experts routing with learned temperature',
    )
    .replace(
      /<a href="\/citations\?user=83HL5FwAAAAJ[^"]*">TN Kipf<\/a>, <a href="\/citations\?user=8200InoAAAAJ[^"]*">M Welling<\/a>&nbsp;- arXiv preprint arXiv:1609.02907, 2016/,
      'C Okafor, M Lindqvist, H Tanaka&nbsp;- arXiv preprint arXiv:2406.04101, 2024',
    )
    .replaceAll('1609.02907', '2406.04101'),
};

describe('cross-site identity', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve([ARXIV, OPENREVIEW, SCHOLAR]);
    // In-page badges are an opt-in per site (the site's scripts can read them): on for the two
    // sites whose badges these tests look at, as a user would turn them on.
    const panel = await s.extPage('sidepanel.html');
    await panel.getByRole('tab', { name: 'Settings' }).click();
    const badgeSites = panel.getByRole('group', { name: 'Show badges on' });
    for (const site of ['Google Scholar', 'arXiv']) await badgeSites.getByRole('checkbox', { name: site }).check();
    await panel.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('merges the same paper from arXiv, OpenReview and Scholar into one with three sources', async () => {
    const arxiv = await s.open(ARXIV.url);
    const a = await s.waitForCapture(await s.tabIdOf(arxiv), (x) => !!x.summary);
    expect(a.summary!.papersNew).toBe(a.summary!.papersFound);

    const forum = await s.open(OPENREVIEW.url);
    const o = await s.waitForCapture(await s.tabIdOf(forum), (x) => !!x.summary);
    expect(o.summary).toMatchObject({ papersFound: 1, papersNew: 0 });

    const scholar = await s.open(SCHOLAR.url);
    const tabId = await s.tabIdOf(scholar);
    const g = await s.waitForCapture(tabId, (x) => !!x.summary);
    expect(g.summary!.papersNew).toBe(g.summary!.papersFound - 1);

    // The popup says how many of this page's papers were new vs already known.
    const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await expect
      .poll(() => popup.getByTestId('page-counts').textContent())
      .toMatch(/^\d+ new · \d+ updated · \d+ already in your library$/);
    const counts = (await popup.getByTestId('page-counts').textContent())!;
    const [nNew, nUpd, nKnown] = counts.match(/\d+/g)!.map(Number);
    expect(nNew).toBe(g.summary!.papersFound - 1);
    expect(nUpd + nKnown).toBe(1);
    await popup.close();

    // The known paper is badged on the Scholar page, inside its title heading.
    await expect.poll(() => scholar.locator('h3.gs_rt paperdex-badge').count()).toBe(1);
    const badged = await scholar.locator('h3.gs_rt:has(paperdex-badge)').textContent();
    expect(badged?.toLowerCase()).toContain('sparse mixture-of-experts routing with learned temperature');
    expect(await scholar.locator('paperdex-badge').first().getAttribute('title')).toBe('Already in your Paperdex library');
    await shot(scholar, 'scholar-page-with-badge');

    const panel = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    const { text } = await download(panel, () => panel.getByRole('button', { name: 'Export JSON' }).click());
    const data = JSON.parse(text);
    const matches = data.papers.filter((p: { title: string }) => p.title.toLowerCase() === TITLE.toLowerCase());
    expect(matches).toHaveLength(1);
    const paper = matches[0];
    expect(paper.sources.map((x: { site: string }) => x.site).sort()).toEqual(['arxiv', 'google-scholar', 'openreview']);
    expect(paper.ids).toMatchObject({ arxiv: '2406.04101', openreview: 'Xk3tPq9LmZ' });
    expect(paper.authors).toEqual(['Chidi Okafor', 'Maja Lindqvist', 'Hiroshi Tanaka']); // full names win over initials
    expect(paper.title).toBe(TITLE);
  });

  it('badges known papers on a listing page when it is opened again', async () => {
    const again = await s.open(ARXIV.url);
    await s.waitForCapture(await s.tabIdOf(again), (x) => !!x.summary && x.summary.papersNew === 0);
    const entries = await again.locator('div.list-title').count();
    await expect.poll(() => again.locator('div.list-title paperdex-badge').count()).toBe(entries);
    // The page's layout is intact: badges add no text to the titles adapters read.
    expect(await again.locator('div.list-title').first().textContent()).not.toContain('in Paperdex');
  });
});
