// "Opened" sightings (lib/store/openings.ts): order, coalescing, bounds per paper and in all,
// recording a landing-page visit with its capture, and the popup's recent lists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { samePage } from '../../lib/store/tab-state';
import { saveCapture } from '../../lib/store/capture';
import { wipeLibrary } from '../../lib/store/collections';
import {
  COALESCE_MS,
  OPENINGS_MAX,
  OPENINGS_PER_PAPER,
  openingsOf,
  recentlyCaptured,
  recentlyOpened,
  recordOpened,
} from '../../lib/store/openings';
import type { ScrapeResult, ScrapedPaper } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-openings-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const MIN = 60_000;

const paper = (i: number): ScrapedPaper => ({
  title: `Opening study ${i} of attention kernels`,
  authors: ['Grace Hopper'],
  year: 2025,
  ids: { arxiv: `2501.${String(20000 + i)}` },
  url: `https://arxiv.org/abs/2501.${String(20000 + i)}`,
});
const listing = (idx: number[], url = 'https://arxiv.org/list/cs.LG/new'): ScrapeResult => ({
  site: 'arxiv',
  kind: 'listing',
  url,
  papers: idx.map(paper),
});
const abs = (i: number): ScrapeResult => ({ site: 'arxiv', kind: 'paper', url: paper(i).url!, papers: [paper(i)] });

/** Store papers 0..k-1 and return their ids in that order. */
async function stored(k: number): Promise<string[]> {
  const s = await saveCapture(db, listing([...Array(k).keys()]), { now: new Date(T0 - 3600_000) });
  return s.paperIds;
}

describe('recordOpened / openingsOf', () => {
  it('keeps each sighting with its way, newest first', async () => {
    const [a] = await stored(1);
    await recordOpened(a, T0, 'result', db);
    await recordOpened(a, new Date(T0 + 5 * MIN), 'page', db);
    await recordOpened(a, T0 + 10 * MIN, 'pdf', db);
    const h = await openingsOf(a, db);
    expect(h.map((o) => [o.at - T0, o.how])).toEqual([
      [10 * MIN, 'pdf'],
      [5 * MIN, 'page'],
      [0, 'result'],
    ]);
    expect(await openingsOf('p-nothing', db)).toEqual([]);
  });

  it('the same paper opened the same way within a minute is one sighting, moved to the later time', async () => {
    const [a] = await stored(1);
    await recordOpened(a, T0, 'result', db);
    await recordOpened(a, T0 + COALESCE_MS - 1, 'result', db);
    expect((await openingsOf(a, db)).map((o) => o.at)).toEqual([T0 + COALESCE_MS - 1]);
    // Another way, or a minute later: a new sighting.
    await recordOpened(a, T0 + COALESCE_MS, 'pdf', db);
    await recordOpened(a, T0 + 3 * COALESCE_MS, 'pdf', db);
    expect((await openingsOf(a, db)).map((o) => o.how)).toEqual(['pdf', 'pdf', 'result']);
  });

  it(`keeps the newest ${OPENINGS_PER_PAPER} per paper, without touching other papers`, async () => {
    const [a, b] = await stored(2);
    await recordOpened(b, T0, 'result', db);
    for (let i = 0; i < OPENINGS_PER_PAPER + 7; i++) await recordOpened(a, T0 + i * 2 * MIN, 'result', db);
    const h = await openingsOf(a, db);
    expect(h).toHaveLength(OPENINGS_PER_PAPER);
    expect(h[0].at).toBe(T0 + (OPENINGS_PER_PAPER + 6) * 2 * MIN);
    expect(h.at(-1)!.at).toBe(T0 + 7 * 2 * MIN); // the 7 oldest pruned
    expect(await openingsOf(b, db)).toHaveLength(1);
  });

  it(`keeps at most ${OPENINGS_MAX} in all, pruning the oldest`, async () => {
    // Rows put straight in (one per paper id) so the test is quick; the next recording prunes.
    await db.openings.bulkAdd(Array.from({ length: OPENINGS_MAX }, (_, i) => ({ paperId: `p-${i}`, at: T0 + i, how: 'result' as const })));
    await recordOpened('p-new', T0 + OPENINGS_MAX + 1, 'pdf', db);
    expect(await db.openings.count()).toBe(OPENINGS_MAX);
    expect(await openingsOf('p-0', db)).toEqual([]);
    expect(await openingsOf('p-1', db)).toHaveLength(1);
    expect(await openingsOf('p-new', db)).toHaveLength(1);
  });

  it('refuses a missing paper id, a bad time or an unknown way, writing nothing', async () => {
    await expect(recordOpened('', T0, 'result', db)).rejects.toThrow(/no paper id/);
    await expect(recordOpened('p-1', Number.NaN, 'result', db)).rejects.toThrow(/invalid time/);
    await expect(recordOpened('p-1', T0, 'tab' as 'pdf', db)).rejects.toThrow(/unknown way/);
    expect(await db.openings.count()).toBe(0);
  });
});

describe('a visit of a paper’s own landing page is an opening', () => {
  it('a capture of kind "paper" records one, once per visit; listings and search pages do not', async () => {
    await saveCapture(db, listing([0, 1]), { now: new Date(T0) });
    expect(await db.openings.count()).toBe(0);
    const s = await saveCapture(db, abs(1), { now: new Date(T0 + MIN), visitId: 'v-1' });
    // The same visit re-scraped (an in-app re-render): still one.
    await saveCapture(db, abs(1), { now: new Date(T0 + 2 * MIN), visitId: 'v-1' });
    expect((await openingsOf(s.paperIds[0], db)).map((o) => [o.at, o.how])).toEqual([[T0 + MIN, 'page']]);
    // A later visit (another day): another.
    await saveCapture(db, abs(1), { now: new Date(T0 + 86400_000), visitId: 'v-2' });
    expect(await openingsOf(s.paperIds[0], db)).toHaveLength(2);
  });
});

describe('recent lists', () => {
  it('recently opened: each paper once at its latest opening, newest first, deleted papers skipped, bounded', async () => {
    const [a, b, c, d] = await stored(4);
    await recordOpened(a, T0, 'result', db);
    await recordOpened(b, T0 + 2 * MIN, 'page', db);
    await recordOpened(c, T0 + 4 * MIN, 'result', db);
    await recordOpened(a, T0 + 6 * MIN, 'pdf', db);
    await recordOpened(d, T0 + 8 * MIN, 'result', db);
    await db.papers.delete(d);
    const r = await recentlyOpened(10, db);
    expect(r.map((x) => [x.paper.id, x.at - T0, x.how])).toEqual([
      [a, 6 * MIN, 'pdf'],
      [c, 4 * MIN, 'result'],
      [b, 2 * MIN, 'page'],
    ]);
    expect((await recentlyOpened(2, db)).map((x) => x.paper.id)).toEqual([a, c]);
    expect(await recentlyOpened(0, db)).toEqual([]);
  });

  it('recently captured: newest capture first, page order within it, each paper once, a given page left out', async () => {
    const first = await saveCapture(db, listing([0, 1, 2]), { now: new Date(T0) });
    const second = await saveCapture(db, listing([3, 1], 'https://arxiv.org/list/cs.CL/new'), { now: new Date(T0 + MIN) });
    const [p0, p1, p2] = first.paperIds;
    const [p3] = second.paperIds;
    expect((await recentlyCaptured(10, db)).map((x) => [x.paper.id, x.at - T0])).toEqual([
      [p3, MIN],
      [p1, MIN],
      [p0, 0],
      [p2, 0],
    ]);
    expect((await recentlyCaptured(2, db)).map((x) => x.paper.id)).toEqual([p3, p1]);
    // The page the popup already lists (a #fragment is the same page) is not repeated.
    expect((await recentlyCaptured(10, db, (u) => samePage(u, 'https://arxiv.org/list/cs.CL/new#top'))).map((x) => x.paper.id)).toEqual([
      p0,
      p1,
      p2,
    ]);
  });
});

describe('a reading history never outlives its paper', () => {
  it('deleting a paper deletes its openings in the same transaction; other papers keep theirs', async () => {
    const [a, b, c] = await stored(3);
    for (const [i, id] of [a, b, c, a].entries()) await recordOpened(id, T0 + i * 2 * MIN, 'result', db);
    await db.papers.delete(a);
    expect(await openingsOf(a, db)).toEqual([]);
    expect((await db.openings.toArray()).map((o) => o.paperId).sort()).toEqual([b, c].sort());
    await db.papers.bulkDelete([b]);
    expect((await db.openings.toArray()).map((o) => o.paperId)).toEqual([c]);
  });

  it('"Delete all data" leaves no openings', async () => {
    const [a, b] = await stored(2);
    await recordOpened(a, T0, 'pdf', db);
    await recordOpened(b, T0 + MIN, 'page', db);
    await wipeLibrary(db);
    expect(await db.papers.count()).toBe(0);
    expect(await db.openings.count()).toBe(0);
  });
});
