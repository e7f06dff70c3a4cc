/**
 * The paper search engine, as the search host (lib/search/host/) and the tests use it: a MiniSearch
 * full-text index plus a compact in-memory table of what filters, sorting, facets and phrase checks
 * need, and sets of papers over that table (./paper-index.ts describes the query plan). Only the
 * search host loads it; extension pages ask the host through messaging (lint enforces this). The
 * shapes of its answers are in ../search-types.ts, which pages may import.
 */
export { PaperIndex } from './paper-index';
export { topK } from './top-k';
