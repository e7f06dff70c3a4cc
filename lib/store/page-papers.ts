/**
 * The popup's list of a page's papers with a "known before / new" mark: the private place where
 * Paperdex says which of a page's papers were already in the library (in-page badges are an
 * opt-in, since the page's own scripts can read them). Kept compact in the per-tab state.
 */
import { titleKey } from '../core/normalize';
import type { ScrapedPaper } from '../core/types';

/** How many of a page's papers the tab state lists (the rest are counted). */
export const PAGE_PAPERS_SHOWN = 10;
/** Longest title kept in the tab state (a listing's titles are short; a hostile one is cut). */
const MAX_TITLE = 300;

/** One of the page's papers, as the popup lists it. */
export interface PagePaper {
  title: string;
  /** Already in the library when this visit first saw it. */
  known: boolean;
}

/** The page's papers for the popup: the first few with their marks, and how many more there are. */
export interface PagePapers {
  papers: PagePaper[];
  more: number;
}

/**
 * List a capture's papers with their marks. `known[i]` is whether `papers[i]` was in the library
 * before this capture; `previous` is this visit's earlier list (same visit id), whose marks win:
 * a re-scrape of the same visit finds everything known because its first capture stored it.
 */
export function pagePaperList(papers: Pick<ScrapedPaper, 'title'>[], known: boolean[] | undefined, previous?: PagePapers): PagePapers {
  const before = new Map((previous?.papers ?? []).map((p) => [titleKey(p.title), p.known]));
  const titled = papers.map((p, i) => ({ title: (p.title ?? '').trim(), known: !!known?.[i] })).filter((p) => p.title);
  const shown = titled.slice(0, PAGE_PAPERS_SHOWN).map((p) => ({
    title: p.title.length > MAX_TITLE ? `${p.title.slice(0, MAX_TITLE - 1)}…` : p.title,
    known: before.get(titleKey(p.title)) ?? p.known,
  }));
  return { papers: shown, more: titled.length - shown.length };
}
