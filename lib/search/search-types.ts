/**
 * The shapes a search answer takes on its way from the search host to the extension pages: sort
 * orders, options, hits and facets. Their own module so the UI and the messaging registry can name
 * them without importing the engine (lib/search/engine/), which only the search host loads.
 */

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest' | 'cited';

/** Options of one query. */
export interface SearchOptions {
  limit?: number;
  sort?: SortOrder;
  /** Compute facet counts over all matches. */
  facets?: boolean;
  /** Resolve `collection:"name"` to collection ids. */
  collectionIdsByName?: Map<string, string>;
}

/** One result: the paper id, its score and the words to highlight. */
export interface Hit {
  id: string;
  score: number;
  terms: string[];
}

/** Facet counts over all matches: [value, papers] per facet, most papers first (years newest first). */
export interface Facets {
  year: [string, number][];
  venue: [string, number][];
  site: [string, number][];
  category: [string, number][];
  /** The user's tags (tag keys, lower-cased) and reading statuses. */
  tag: [string, number][];
  status: [string, number][];
}

/** The answer to one query. */
export interface SearchResponse {
  hits: Hit[];
  total: number;
  facets?: Facets;
  /** Query words to highlight as prefixes (the word being typed). */
  prefixes: string[];
  tookMs: number;
}
