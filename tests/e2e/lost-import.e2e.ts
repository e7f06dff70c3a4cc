// Issue 13, "imported papers can become permanently unsearchable", in real Chromium: start an
// import in the side panel, capture a page while it runs, close the side panel mid-import (so no
// final message), let the host save its index (it now holds the capture, stamped later than every
// imported row: the old timestamp watermark skipped them all), close the browser, relaunch with the
// same profile: every stored paper (imported and captured) is found by a word of its title, and
// the host caught up from its saved index and change sequence (no rebuild).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../helpers/dom';
import { launch, read, type Session } from './harness';

// Runs in extension pages via page.evaluate.
declare const chrome: any;

const ABS = 'https://arxiv.org/abs/2301.01234v2';
const ABS_HTML = join(repoRoot, 'tests/fixtures/arxiv/abs-2301.01234v2.html');
// Enough that the import is still running when the capture is stored (1,000 papers per chunk).
const PAPERS = 20_000;

/** A distinct made-up word per number (letters only, fixed length: no word is another's prefix). */
function word(i: number): string {
  let s = '';
  for (let k = 0; k < 4; k++, i = Math.floor(i / 26)) s = String.fromCharCode(97 + (i % 26)) + s;
  return 'zq' + s;
}

/** A CSL-JSON file (as Zotero writes) of PAPERS papers, each with its own title word. */
function cslFile(): string {
  return JSON.stringify(
    Array.from({ length: PAPERS }, (_, i) => ({
      id: `item-${i}`,
      type: 'article-journal',
      title: `Sparse ${word(i)} estimation for graphs`,
      author: [{ family: 'Okafor', given: 'Ada' }],
      issued: { 'date-parts': [[2000 + (i % 25)]] },
    })),
  );
}

/** Ask the search host (started by the page) for a query; undefined while it starts. */
function search(page: Page, query: string) {
  return page.evaluate(
    async (q) => chrome.runtime.sendMessage({ paperdex: 1, type: 'search', data: { query: q, limit: 1 } }),
    query,
  ) as Promise<{ ready: boolean; hits: { id: string }[] } | undefined>;
}

/** The change sequence the saved index holds, and that of this paper's last change. */
function savedSeqs(page: Page, paperId: string) {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('paperdex');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const get = (store: string, key: string) =>
      new Promise<any>((res, rej) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const [saved, change] = [await get('meta', 'searchIndexSeq'), await get('changes', id)];
    db.close();
    return { saved: (saved?.value as number | undefined) ?? -1, paper: (change?.seq as number | undefined) ?? Infinity };
  }, paperId);
}

/** Every stored paper, read from the extension's IndexedDB, that search does not find by a title word. */
function unfound(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('paperdex');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const papers = await new Promise<{ id: string; title: string }[]>((res, rej) => {
      const r = db.transaction('papers').objectStore('papers').getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    const missing: string[] = [];
    for (const p of papers) {
      // The import's own word, else the title (a captured paper).
      const q = p.title.match(/zq[a-z]+/)?.[0] ?? p.title;
      const res = await chrome.runtime.sendMessage({ paperdex: 1, type: 'search', data: { query: q, limit: 20 } });
      if (!res?.hits?.some((h: { id: string }) => h.id === p.id)) missing.push(p.title);
    }
    return { stored: papers.length, missing };
  }, null);
}

describe('lost import (issue 13)', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'paperdex-e2e-relaunch-'));
  let s: Session | undefined;
  afterAll(async () => {
    await s?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('every paper of an import interrupted by a capture and a closed side panel is searchable after a relaunch', async () => {
    s = await launch({ profileDir });
    s.serve([{ url: ABS, body: read(ABS_HTML) }]);
    const panel = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    // The host has started (and saved its first, empty index).
    await expect.poll(async () => (await search(panel, 'anything'))?.ready, { timeout: 30_000 }).toBe(true);

    await panel
      .getByRole('tab', { name: 'Collections' })
      .or(panel.getByRole('button', { name: 'Collections', exact: true }))
      .first()
      .click();
    await panel.getByLabel('Choose a file to import').setInputFiles({
      name: 'library.json',
      mimeType: 'application/json',
      buffer: Buffer.from(cslFile()),
    });
    await panel.getByRole('button', { name: `Import ${PAPERS.toLocaleString('en-US')} papers` }).click();
    // Once the first chunk is in, capture a page in another tab while the import goes on.
    await expect
      .poll(async () => (await panel.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')) ?? '', {
        timeout: 30_000,
      })
      .toMatch(/^[1-9]/);
    const tab = await s.open(ABS);
    const captured = await s.waitForCapture(await s.tabIdOf(tab), (x) => !!x.summary);
    expect(captured.summary!.papersNew).toBe(1);
    const capturedId = (captured.summary as unknown as { paperIds: string[] }).paperIds[0];
    // Close the side panel mid-import: the import stops after the chunk being written, and no
    // final message reaches the host.
    const done = Number(await panel.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value'));
    expect(done).toBeLessThan(PAPERS);
    await panel.close();
    // The host saves its index (15 s after its last change): it holds the capture.
    const popup = await s.extPage('popup.html');
    await expect
      .poll(
        async () => {
          const q = await savedSeqs(popup, capturedId);
          return q.saved >= q.paper;
        },
        { timeout: 45_000, interval: 500 },
      )
      .toBe(true);
    await s.close();

    s = await launch({ profileDir });
    const again = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    await expect.poll(async () => (await search(again, 'anything'))?.ready, { timeout: 60_000 }).toBe(true);
    const { stored, missing } = await unfound(again);
    // At least one committed chunk of the import (1,000 papers) and the capture are stored.
    expect(stored).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
    expect((await search(again, 'contrastive pretraining tabular'))!.hits).toHaveLength(1);
    // Caught up from the saved index and its sequence, not rebuilt.
    const stats = await again.evaluate(async () => chrome.runtime.sendMessage({ paperdex: 1, type: 'searchStats', data: {} }), null);
    expect(stats).toMatchObject({ ready: true, builtFromScratch: false });
    expect(stats.size).toBe(stored);
  });
});
