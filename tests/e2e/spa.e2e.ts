// Single-page apps: Semantic Scholar and OpenReview render after load and navigate in-app with
// history.pushState. The content script captures once the app has rendered, and again on each
// in-app navigation. The test plays the app: it serves the app shell at the real URL, then swaps
// in the rendered DOM of the trimmed fixtures, as the app's JavaScript would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers/dom';
import { launch, type Session } from './harness';

const fx = (p: string) => readFileSync(join(fixturesDir, p), 'utf8');

/** Replace the page's body with the body of `html` (what the app renders), optionally at a new URL. */
async function render(page: Page, html: string, pushUrl?: string) {
  await page.evaluate(
    ([h, u]) => {
      if (u) history.pushState({}, '', u);
      const next = new DOMParser().parseFromString(h, 'text/html');
      document.title = next.title || document.title;
      document.body.replaceWith(document.importNode(next.body, true));
    },
    [html, pushUrl ?? ''] as const,
  );
}

describe('single-page apps', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('Semantic Scholar: captures after the app renders, and again after in-app navigation', async () => {
    const author = 'https://www.semanticscholar.org/author/Waleed-Ammar/1741101';
    const paper =
      'https://www.semanticscholar.org/paper/Construction-of-the-Literature-Graph-in-Semantic-Ammar-Groeneveld/649def34f8be52c8b66281af98ae884c09aef38b';
    s.serve([{ url: author, body: fx('semantic-scholar/app-shell-author.html') }]);
    const page = await s.open(author);
    const tabId = await s.tabIdOf(page);
    // The shell holds nothing yet.
    const shell = await s.waitForCapture(tabId);
    expect(shell.found).toBe(0);
    await render(page, fx('semantic-scholar/author-page.html'));
    const a = await s.waitForCapture(tabId, (x) => !!x.summary && x.url === author);
    expect(a.summary).toMatchObject({ papersFound: 3, authorName: 'Waleed Ammar' });
    await render(page, fx('semantic-scholar/paper-page.html'), paper);
    const p = await s.waitForCapture(tabId, (x) => !!x.summary && x.url === paper);
    expect(p.summary!.papersFound).toBe(1);
  });

  it('OpenReview: captures a forum once rendered, then the next forum navigated to in-app', async () => {
    const first = 'https://openreview.net/forum?id=H1xSNiRcF7';
    const second = 'https://openreview.net/forum?id=rkgpv2VFvr';
    s.serve([{ url: first, body: fx('openreview/forum-shell.html') }]);
    const page = await s.open(first);
    const tabId = await s.tabIdOf(page);
    expect((await s.waitForCapture(tabId)).found).toBe(0);
    await render(page, fx('openreview/forum-iclr2019-legacy.html'));
    const one = await s.waitForCapture(tabId, (x) => !!x.summary && x.url === first);
    expect(one.summary!.papersFound).toBe(1);
    await render(page, fx('openreview/forum-iclr2020-forumnote.html'), second);
    const two = await s.waitForCapture(tabId, (x) => !!x.summary && x.url === second);
    expect(two.summary!.papersFound).toBe(1);

    const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    await popup.getByLabel('Search your papers').fill('sharing knowledge multi task');
    await expect
      .poll(() => popup.getByRole('option').first().textContent())
      .toContain('Sharing Knowledge in Multi-Task Deep Reinforcement Learning');
    await popup.getByLabel('Search your papers').fill('probabilistic box embeddings');
    await expect
      .poll(() => popup.getByRole('option').first().textContent())
      .toContain('Smoothing the Geometry of Probabilistic Box Embeddings');
  });
});
