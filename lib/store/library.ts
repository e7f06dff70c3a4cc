/**
 * Read queries the popup and side panel make over the library: counts, authors with their
 * collected papers, the latest site-reported metrics. Pure functions of the db.
 */
import type { PaperdexDB } from './db';
import type { AuthorRecord, PaperRecord, ReportedSnapshot, StoredSiteId } from '../core/types';

export { SITE_NAMES } from '../core/sites';

/** Number of papers and authors in the library. */
export async function libraryCounts(db: PaperdexDB): Promise<{ papers: number; authors: number }> {
  const [papers, authors] = await Promise.all([db.papers.count(), db.authors.count()]);
  return { papers, authors };
}

/** Papers by id, in the order given; missing ids are skipped. */
export async function papersByIds(db: PaperdexDB, ids: string[]): Promise<PaperRecord[]> {
  const got = await db.papers.bulkGet(ids);
  return got.filter((p): p is PaperRecord => !!p);
}

/** The most recent metrics snapshot an author's profile reported, optionally for one site. */
export function latestReported(a: AuthorRecord, site?: StoredSiteId): ReportedSnapshot | undefined {
  const snaps = site ? a.reported.filter((r) => r.site === site) : a.reported;
  return snaps.reduce<ReportedSnapshot | undefined>((best, r) => (!best || r.capturedAt > best.capturedAt ? r : best), undefined);
}

/** An author's collected papers, most cited first. */
export async function authorPapers(db: PaperdexDB, a: AuthorRecord): Promise<PaperRecord[]> {
  const papers = await papersByIds(db, a.paperIds);
  return papers.sort((x, y) => (y.citations ?? -1) - (x.citations ?? -1) || (y.year ?? 0) - (x.year ?? 0));
}
