/**
 * "Opened" sightings and the popup's lists for an empty search box. A paper is opened when the user
 * opens it from Paperdex (a result or link in the popup or side panel: `result`), visits its own
 * landing page (a capture of kind `paper`: `page`), or opens its PDF (`pdf`, from the background's
 * PDF detection). Sightings live in the `openings` table (lib/store/db.ts, version 4): they drive
 * "Recently opened" and a reading history per paper. Only extension pages and the background write
 * them (a content script's IndexedDB would be the web page's).
 *
 * Bounded: the newest {@link OPENINGS_PER_PAPER} per paper and {@link OPENINGS_MAX} in all are kept;
 * a reopening of the same paper the same way within {@link COALESCE_MS} (a reload, a double click)
 * moves the last sighting instead of adding one. Not exported with the library (yet).
 *
 * "Recently captured" reads the captures log (`sources`, recent first).
 */
import Dexie from 'dexie';
import { getDb, type OpenedHow, type OpeningRecord, type PaperdexDB } from './db';
import type { CaptureRecord, PaperRecord } from '../core/types';

export type { OpenedHow, OpeningRecord };
const HOWS: readonly OpenedHow[] = ['result', 'page', 'pdf'];

/** Sightings kept per paper (the newest). */
export const OPENINGS_PER_PAPER = 50;
/** Sightings kept in all (the newest): a reading history, not a log of everything. */
export const OPENINGS_MAX = 5000;
/** The same paper opened the same way again within this long is one sighting (moved to the later time). */
export const COALESCE_MS = 60_000;

/**
 * Record that the user opened a paper. `at` is the time (Date or epoch ms). Throws on a bad paper
 * id, time or way (a caller's bug, not user data). Runs in the caller's transaction when that one
 * includes `openings` (lib/store/capture.ts records landing-page visits with the capture).
 */
export async function recordOpened(paperId: string, at: Date | number, how: OpenedHow, db: PaperdexDB = getDb()): Promise<void> {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (typeof paperId !== 'string' || !paperId) throw new Error('recordOpened: no paper id');
  if (!Number.isFinite(ms)) throw new Error('recordOpened: invalid time');
  if (!HOWS.includes(how)) throw new Error(`recordOpened: unknown way of opening "${String(how)}"`);
  await db.transaction('rw', db.openings, async () => {
    const history = db.openings.where('[paperId+at]').between([paperId, Dexie.minKey], [paperId, Dexie.maxKey]);
    const last = await history.clone().last();
    if (last?.id !== undefined && last.how === how && ms >= last.at && ms - last.at < COALESCE_MS) {
      await db.openings.update(last.id, { at: ms });
      return;
    }
    await db.openings.add({ paperId, at: ms, how });
    const n = await history.clone().count();
    if (n > OPENINGS_PER_PAPER)
      await db.openings.bulkDelete(
        await history
          .clone()
          .limit(n - OPENINGS_PER_PAPER)
          .primaryKeys(),
      );
    const total = await db.openings.count();
    if (total > OPENINGS_MAX)
      await db.openings.bulkDelete(
        await db.openings
          .orderBy('at')
          .limit(total - OPENINGS_MAX)
          .primaryKeys(),
      );
  });
}

/** A paper's reading history: its sightings, newest first. */
export async function openingsOf(paperId: string, db: PaperdexDB = getDb()): Promise<OpeningRecord[]> {
  return db.openings.where('[paperId+at]').between([paperId, Dexie.minKey], [paperId, Dexie.maxKey]).reverse().toArray();
}

/** A paper in one of the popup's recent lists, with when (and how) it got there. */
export interface RecentPaper {
  paper: PaperRecord;
  /** Epoch ms of the latest opening / capture. */
  at: number;
  how?: OpenedHow;
}

/** Fetch the papers of `ids` (in order), skipping deleted ones, up to `limit`. */
async function present<T extends { paperId: string }>(db: PaperdexDB, rows: T[], limit: number): Promise<(T & { paper: PaperRecord })[]> {
  const papers = await db.papers.bulkGet(rows.map((r) => r.paperId));
  const out: (T & { paper: PaperRecord })[] = [];
  rows.forEach((r, i) => {
    const paper = papers[i];
    if (paper && out.length < limit) out.push({ ...r, paper });
  });
  return out;
}

/** Distinct papers to look at for `limit` results: a few more, for papers deleted since. */
const scanFor = (limit: number) => limit * 2 + 10;

/** The papers opened most recently (each once, at its latest opening), newest first. */
export async function recentlyOpened(limit: number, db: PaperdexDB = getDb()): Promise<RecentPaper[]> {
  if (limit <= 0) return [];
  const latest = new Map<string, OpeningRecord>();
  const want = scanFor(limit);
  await db.openings
    .orderBy('at')
    .reverse()
    .until(() => latest.size >= want)
    .each((o) => {
      if (!latest.has(o.paperId)) latest.set(o.paperId, o);
    });
  const got = await present(db, [...latest.values()], limit);
  return got.map(({ paper, at, how }) => ({ paper, at, how }));
}

/**
 * The papers captured most recently (newest capture first, page order within one), each once.
 * Captures whose URL `skip` accepts (the page the popup already lists) are left out.
 */
export async function recentlyCaptured(limit: number, db: PaperdexDB = getDb(), skip?: (url: string) => boolean): Promise<RecentPaper[]> {
  if (limit <= 0) return [];
  const latest = new Map<string, { paperId: string; at: number }>();
  const want = scanFor(limit);
  await db.sources
    .orderBy('at')
    .reverse()
    .until(() => latest.size >= want)
    .each((c: CaptureRecord) => {
      if (skip?.(c.url)) return;
      for (const paperId of c.paperIds) if (!latest.has(paperId) && latest.size < want) latest.set(paperId, { paperId, at: c.at });
    });
  const got = await present(db, [...latest.values()], limit);
  return got.map(({ paper, at }) => ({ paper, at }));
}
