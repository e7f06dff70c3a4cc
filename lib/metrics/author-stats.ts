/**
 * Descriptive statistics of an author over their collected papers, for the author page and the
 * comparison: top co-authors, venues and categories, and the history of what sites reported.
 * Pure: records in, plain data out (metric formulas live in lib/metrics/metrics.ts).
 */
import { venueName } from '../core/terms';
import { nameKey, surname } from '../core/normalize';
import type { AuthorRecord, PaperRecord, SiteId } from '../core/types';

/** The most frequent values, most frequent first (ties alphabetical). */
function top(values: string[], n: number): [string, number][] {
  const c = new Map<string, number>();
  for (const v of values) if (v) c.set(v, (c.get(v) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

/** Co-authors across the papers, excluding the author (matched by name key or surname). */
export function topCoauthors(author: AuthorRecord, papers: PaperRecord[], n = 8): [string, number][] {
  const self = nameKey(author.name);
  const selfSur = surname(author.name);
  const names: string[] = [];
  for (const p of papers) {
    for (const a of new Set(p.authors)) {
      if (nameKey(a) === self || (surname(a) === selfSur && nameKey(a).split(' ')[0] === self.split(' ')[0])) continue;
      if (/^anonymous\b/i.test(a)) continue;
      names.push(a);
    }
  }
  return top(names, n);
}

/** Venues (without years) across the papers. */
export function topVenues(papers: PaperRecord[], n = 8): [string, number][] {
  return top(
    papers.map((p) => venueName(p.venue) ?? ''),
    n,
  );
}

/** Categories across the papers. */
export function topCategories(papers: PaperRecord[], n = 8): [string, number][] {
  return top(
    papers.flatMap((p) => p.categories ?? []),
    n,
  );
}

/** One reported value over time, per site: points of (epoch ms, value). */
export function reportedHistory(author: AuthorRecord, metric: 'hIndex' | 'citations' | 'i10Index', site?: SiteId): [number, number][] {
  return author.reported
    .filter((r) => (!site || r.site === site) && typeof r[metric] === 'number')
    .map((r) => [Date.parse(r.capturedAt), r[metric] as number] as [number, number])
    .filter(([t]) => Number.isFinite(t))
    .sort((a, b) => a[0] - b[0]);
}
