/**
 * Full-text search over the library with MiniSearch: which fields are indexed and boosted, how
 * terms are folded (case, accents), prefix matching on the word being typed and light fuzzy
 * matching for typos. Pure apart from the MiniSearch instance it owns.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { foldAccents } from './normalize';
import type { PaperRecord } from './types';

/** The document shape the index stores (only ids are stored; records come from the database). */
export interface SearchDoc {
  id: string;
  title: string;
  authors: string;
  venue: string;
  abstract: string;
  tldr: string;
  keywords: string;
  categories: string;
}

/** Fields indexed, and their boosts. Title and authors matter most. */
export const SEARCH_FIELDS = ['title', 'authors', 'venue', 'abstract', 'tldr', 'keywords', 'categories'] as const;
const BOOST: Partial<Record<keyof SearchDoc, number>> = { title: 3, authors: 2.5, venue: 1.2, keywords: 1.2, tldr: 0.8, abstract: 0.5 };

/** Very common English words: matching them would only make queries slow and noisy. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has in is it its of on or that the to was were with via we our this these'.split(' '),
);

/** Fold a term for indexing and querying; null drops it. */
export function processTerm(term: string): string | null {
  const t = foldAccents(term.toLowerCase()).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!t || STOP_WORDS.has(t)) return null;
  return t;
}

/** Turn a paper into the document the index sees. */
export function toSearchDoc(p: PaperRecord): SearchDoc {
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.join(', '),
    venue: p.venue ?? '',
    abstract: p.abstract ?? '',
    tldr: p.tldr ?? '',
    keywords: (p.keywords ?? []).join(', '),
    categories: (p.categories ?? []).join(' '),
  };
}

/** A new, empty paper index. */
export function createIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    processTerm,
    searchOptions: { boost: BOOST, prefix: true, combineWith: 'AND' },
  });
}

/** Add or replace papers in the index (incremental; no rebuild). */
export function upsertPapers(index: MiniSearch<SearchDoc>, papers: PaperRecord[]): void {
  for (const p of papers) {
    if (index.has(p.id)) index.replace(toSearchDoc(p));
    else index.add(toSearchDoc(p));
  }
}

/** A search hit: the paper id, its score and the query terms it matched (for highlighting). */
export interface Hit {
  id: string;
  score: number;
  terms: string[];
}

/**
 * Search: every word must match (AND), the last word as a prefix (it is being typed), words of 4+
 * letters tolerate typos (edit distance ~20 %). Falls back to OR when AND finds nothing.
 */
export function searchIndex(index: MiniSearch<SearchDoc>, query: string, limit = 50): Hit[] {
  const q = query.trim();
  if (!q) return [];
  const opts = {
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1 || _term.length >= 3,
    fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
  };
  let res: SearchResult[] = index.search(q, { ...opts, combineWith: 'AND' });
  if (res.length === 0) res = index.search(q, { ...opts, combineWith: 'OR' });
  return res.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
}
