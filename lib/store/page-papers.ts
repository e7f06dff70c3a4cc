/**
 * The popup's list of a page's papers, each marked `new` (not in the library before this visit),
 * `updated` (known, and this visit added to it) or `known` (already in the library, unchanged):
 * the private place where Paperdex says which of a page's papers it already had (in-page badges are
 * an opt-in, since the page's own scripts can read them). New ones first. Kept compact in the
 * per-tab state: the first few papers, how many more, and this visit's marks by paper id (bounded).
 */
import type { ScrapedPaper } from '../core/types';
import type { PaperMark } from './capture';

/** How many of a page's papers the tab state lists (the rest are counted). */
export const PAGE_PAPERS_SHOWN = 10;
/** Papers of one visit whose "new" / "updated" mark is remembered across its re-scrapes. */
export const VISIT_MARKS_MAX = 2000;
/** Longest title kept in the tab state (a listing's titles are short; a hostile one is cut). */
const MAX_TITLE = 300;

/** A paper's mark on the page. */
export type PageMark = 'new' | 'updated' | 'known';
const RANK: Record<PageMark, number> = { new: 0, updated: 1, known: 2 };

/** One of the page's papers, as the popup lists it. */
export interface PagePaper {
  /** Library id of the paper. */
  id: string;
  title: string;
  mark: PageMark;
}

/** The page's papers for the popup: the first few (new first) with their marks, and how many more there are. */
export interface PagePapers {
  papers: PagePaper[];
  more: number;
  /** This visit's papers marked new or updated so far, by id: a re-scrape keeps their marks. */
  visit?: Record<string, Exclude<PageMark, 'known'>>;
}

const fromCapture = (s: PaperMark['status']): PageMark => (s === 'unchanged' ? 'known' : s);
/** The stronger of two marks: what this visit did first is what it did (new > updated > known). */
const stronger = (a: PageMark | undefined, b: PageMark): PageMark => (a && RANK[a] < RANK[b] ? a : b);

/**
 * List a capture's papers with their marks, new ones first (page order within a mark). `marks[i]` is
 * what the capture did to `papers[i]` (lib/store/capture.ts); `previous` is this visit's earlier
 * list (same visit id), whose marks win: a re-scrape of the same visit finds everything known
 * because its first capture stored it. A paper on the page twice is listed once.
 */
export function pagePaperList(
  papers: Pick<ScrapedPaper, 'title'>[],
  marks: (PaperMark | undefined)[] | undefined,
  previous?: PagePapers,
): PagePapers {
  const earlier = new Map<string, PageMark>(Object.entries(previous?.visit ?? {}));
  for (const p of previous?.papers ?? []) earlier.set(p.id, stronger(earlier.get(p.id), p.mark));
  const seen = new Set<string>();
  const all: PagePaper[] = [];
  papers.forEach((p, i) => {
    const m = marks?.[i];
    const title = (p.title ?? '').trim();
    if (!m || !title || seen.has(m.paperId)) return;
    seen.add(m.paperId);
    all.push({
      id: m.paperId,
      title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title,
      mark: stronger(earlier.get(m.paperId), fromCapture(m.status)),
    });
  });
  // Array.prototype.sort is stable: page order within each mark.
  const ordered = [...all].sort((a, b) => RANK[a.mark] - RANK[b.mark]);
  const visit: NonNullable<PagePapers['visit']> = {};
  let n = 0;
  // Earlier marks first (they are this visit's oldest), then this capture's.
  for (const [id, mark] of [...earlier, ...all.map((p) => [p.id, p.mark] as const)]) {
    if (mark === 'known' || id in visit) continue;
    if (n++ >= VISIT_MARKS_MAX) break;
    visit[id] = mark;
  }
  const shown = ordered.slice(0, PAGE_PAPERS_SHOWN);
  return { papers: shown, more: ordered.length - shown.length, ...(n ? { visit } : {}) };
}
