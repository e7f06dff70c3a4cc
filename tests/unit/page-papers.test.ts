// The popup's list of a page's papers (lib/store/page-papers.ts): new ones first, marked new /
// updated / already known from what the capture did (lib/store/capture.ts), kept across re-scrapes
// of one visit, bounded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { PAGE_PAPERS_SHOWN, VISIT_MARKS_MAX, pagePaperList, type PagePapers } from '../../lib/store/page-papers';
import type { ScrapeResult, ScrapedPaper } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-page-papers-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const paper = (i: number, extra: Partial<ScrapedPaper> = {}): ScrapedPaper => ({
  title: `Marked paper ${i} on sparse retrieval`,
  authors: ['Karen Spärck Jones'],
  year: 2024,
  ids: { arxiv: `2403.${String(30000 + i)}` },
  ...extra,
});
const page = (papers: ScrapedPaper[], url = 'https://arxiv.org/list/cs.IR/new'): ScrapeResult => ({
  site: 'arxiv',
  kind: 'listing',
  url,
  papers,
});

/** Capture and list, as the background does. */
async function capture(r: ScrapeResult, previous?: PagePapers) {
  const s = await saveCapture(db, r);
  return pagePaperList(r.papers, s.marks, previous);
}
const marks = (l: PagePapers) => l.papers.map((p) => [p.title.replace(/^Marked paper (\d+).*/, '$1'), p.mark]);

describe('the page’s papers, new first', () => {
  it('page B after page A: new ones first, then updated, then already known, page order within each', async () => {
    // Page A has papers 1, 2, 3 (paper 2 without its citation count).
    await capture(page([paper(1), paper(2), paper(3)], 'https://arxiv.org/list/cs.IR/a'));
    // Page B: 4 (new), 1 (same as before), 2 (now with a citation count: updated), 5 (new), 3 (same).
    const b = await capture(page([paper(4), paper(1), paper(2, { citations: 12 }), paper(5), paper(3)]));
    expect(marks(b)).toEqual([
      ['4', 'new'],
      ['5', 'new'],
      ['2', 'updated'],
      ['1', 'known'],
      ['3', 'known'],
    ]);
    expect(b.more).toBe(0);
    // Each entry names its library paper.
    const ids = await Promise.all(b.papers.map(async (p) => (await db.papers.get(p.id))?.title));
    expect(ids).toEqual(b.papers.map((p) => p.title));
  });

  it('agrees with the capture’s counts', async () => {
    await capture(page([paper(1), paper(2)]));
    const r = page([paper(1, { citations: 3 }), paper(2), paper(3)]);
    const s = await saveCapture(db, r);
    expect([s.papersNew, s.papersUpdated, s.papersUnchanged]).toEqual([1, 1, 1]);
    expect(s.marks!.map((m) => m?.status)).toEqual(['updated', 'unchanged', 'new']);
  });

  it('a paper twice on the page is listed once; an untitled row is not listed', async () => {
    const r = page([paper(1), { ...paper(2), title: '  ' }, paper(1)]);
    const l = await capture(r);
    expect(marks(l)).toEqual([['1', 'new']]);
  });

  it('a re-scrape of the same visit keeps what the visit did first, beyond the shown ones too', async () => {
    await capture(page([paper(0)]));
    // The visit's first capture: 0 known, 1..14 new (only 10 shown).
    const rows = [paper(0), ...Array.from({ length: 14 }, (_, i) => paper(i + 1))];
    const first = await capture(page(rows));
    expect(first.papers).toHaveLength(PAGE_PAPERS_SHOWN);
    expect(first.more).toBe(5);
    expect(marks(first).every(([, m]) => m === 'new')).toBe(true);
    // "Show more" appends 15 and re-scrapes: all were stored by this visit, still new; 15 is new.
    const again = await capture(page([...rows, paper(15)]), first);
    expect(again.more).toBe(6);
    expect(Object.values(again.visit!).filter((m) => m === 'new')).toHaveLength(15);
    expect(again.papers.map((p) => p.mark)).toEqual(Array(PAGE_PAPERS_SHOWN).fill('new'));
    // The known one stays last and known.
    const all = pagePaperList([...rows, paper(15)], (await saveCapture(db, page([...rows, paper(15)]))).marks, again);
    expect(all.more).toBe(6);
    expect(all.visit![first.papers[0].id]).toBe('new');
    expect(Object.keys(all.visit!)).toHaveLength(15);
  });

  it('long titles are cut, and the visit’s marks are bounded', () => {
    const long = 'x'.repeat(1000);
    const rows = Array.from({ length: VISIT_MARKS_MAX + 50 }, (_, i) => ({ title: i ? `t${i}` : long }));
    const l = pagePaperList(
      rows,
      rows.map((_, i) => ({ paperId: `p-${i}`, status: 'new' as const })),
    );
    expect(l.papers[0].title).toHaveLength(300);
    expect(l.papers[0].title.endsWith('…')).toBe(true);
    expect(l.papers).toHaveLength(PAGE_PAPERS_SHOWN);
    expect(l.more).toBe(VISIT_MARKS_MAX + 50 - PAGE_PAPERS_SHOWN);
    expect(Object.keys(l.visit!)).toHaveLength(VISIT_MARKS_MAX);
  });
});
