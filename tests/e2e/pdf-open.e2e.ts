// Issue 15, opened PDFs, in real Chromium: no content script runs in the PDF viewer, so Paperdex
// recognises an arXiv PDF URL (served as application/pdf at its real URL) from the tab's updates.
// Opening it records an unknown paper, marked incomplete, that search finds; visiting its abs page
// completes it (title, authors); reopening the PDF marks it opened again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../helpers/dom';
import { launch, read, shot, type Session } from './harness';
import { MINIMAL_PDF } from './scenarios';

const PDF = 'https://arxiv.org/pdf/2301.01234v2';
const ABS = 'https://arxiv.org/abs/2301.01234v2';

interface Stored {
  id: string;
  title: string;
  authors: string[];
  incomplete?: string;
  ids: { arxiv?: string };
}

/** The stored paper with this arXiv id, and its 'pdf' openings (times), read from IndexedDB. */
function storedArxiv(page: Page, arxiv: string) {
  return page.evaluate(async (want) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('paperdex');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((res, rej) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result as T[]);
        r.onerror = () => rej(r.error);
      });
    const papers = (await all<any>('papers')).filter((p) => p.ids?.arxiv === want);
    const openings = (await all<any>('openings')).filter((o) => papers.some((p) => p.id === o.paperId) && o.how === 'pdf');
    db.close();
    return { papers, pdfOpenedAt: openings.map((o) => o.at as number).sort((a, b) => a - b) };
  }, arxiv) as Promise<{ papers: Stored[]; pdfOpenedAt: number[] }>;
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const ABS_HTML = () => read(join(repoRoot, 'tests/fixtures/arxiv/abs-2301.01234v2.html'));
/** The landing page the opt-in completion fetches for PDF (its version-free abs page). */
const LANDING = 'https://arxiv.org/abs/2301.01234';

describe('opened PDFs (Chromium)', () => {
  let s: Session;
  let ext: Page;
  /** Times the landing page was asked for: with the opt-in off, only the user's own visit. */
  let landingHits = 0;
  beforeAll(async () => {
    s = await launch();
    s.serve([
      { url: PDF, body: MINIMAL_PDF, contentType: 'application/pdf' },
      { url: ABS, body: ABS_HTML() },
      {
        url: LANDING,
        body: () => {
          landingHits++;
          return ABS_HTML();
        },
      },
    ]);
    ext = await s.extPage('sidepanel.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('an opened arXiv PDF is recorded as incomplete, completed by its abs page, and marked opened again', async () => {
    const pdfTab = await s.open(PDF);
    const first = await until(
      'the PDF was not recorded',
      () => storedArxiv(ext, '2301.01234'),
      (v) => v.papers.length === 1 && v.pdfOpenedAt.length > 0,
    );
    expect(first.papers[0]).toMatchObject({ title: 'arXiv 2301.01234 (PDF)', authors: [], incomplete: 'pdf' });
    // The opt-in completion is off: Paperdex asked nothing of the site.
    expect(landingHits).toBe(0);
    expect(s.extensionRequests).toEqual([]);

    // Search finds it by its id, marked as known only from its PDF.
    await ext.reload();
    await ext.getByLabel('Search your papers').fill('2301.01234');
    await expect.poll(async () => ext.getByText('arXiv 2301.01234 (PDF)').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => ext.getByText(/opened as PDF; details not seen yet/).count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await shot(ext, 'pdf-open-incomplete-1100-light');
    await pdfTab.close();

    // The abs page completes the same record.
    const absTab = await s.open(ABS);
    await s.waitForCapture(await s.tabIdOf(absTab), (st) => st.found > 0);
    const done = await until(
      'the abs page did not complete the record',
      () => storedArxiv(ext, '2301.01234'),
      (v) => v.papers.length === 1 && v.papers[0].incomplete === undefined,
    );
    expect(done.papers[0]).toMatchObject({
      id: first.papers[0].id,
      title: 'Contrastive Pretraining for Tabular Anomaly Detection',
      authors: ['Mina Lee', 'Rafael Souza', 'Ingrid Halvorsen'],
    });
    const completedAt = Date.now();

    // Reopening the PDF: no new record, a newer 'pdf' opening.
    await s.open(PDF);
    const again = await until(
      'reopening the PDF was not recorded',
      () => storedArxiv(ext, '2301.01234'),
      (v) => v.pdfOpenedAt.some((t) => t >= completedAt - 1000),
    );
    expect(again.papers).toHaveLength(1);
    expect(again.papers[0].title).toBe('Contrastive Pretraining for Tabular Anomaly Detection');
  });
});

describe('opened PDFs, completed from the landing page (opt-in, Chromium)', () => {
  let s: Session;
  let landingHits = 0;
  beforeAll(async () => {
    s = await launch();
    s.serve([
      { url: PDF, body: MINIMAL_PDF, contentType: 'application/pdf' },
      {
        url: LANDING,
        body: () => {
          landingHits++;
          return ABS_HTML();
        },
      },
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('with "Complete opened PDFs" on, the landing page is fetched once and completes the paper, no visit needed', async () => {
    const panel = await s.extPage('sidepanel.html', { width: 400 });
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByTestId('complete-pdfs').locator('input[type=checkbox]').check();
    await shot(panel, 'settings-complete-pdfs-400-light');
    await s.open(PDF);
    const done = await until(
      'the landing page did not complete the record',
      () => storedArxiv(panel, '2301.01234'),
      (v) => v.papers.length === 1 && v.papers[0].incomplete === undefined,
    );
    expect(done.papers[0]).toMatchObject({
      title: 'Contrastive Pretraining for Tabular Anomaly Detection',
      authors: ['Mina Lee', 'Rafael Souza', 'Ingrid Halvorsen'],
    });
    expect(landingHits).toBe(1);
  });
});
