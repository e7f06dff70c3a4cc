/**
 * The MiniSearch full-text index: its fields, boosts and options, the document it sees of a paper,
 * and the parts of its internals the query executor (./executor.ts) reads. The one module that
 * constructs MiniSearch; minisearch is pinned to 7.2.0 because of those internals.
 */
import MiniSearch from 'minisearch';
import { processTerm } from '../../core/terms';
import type { PaperRecord } from '../../core/types';

/** Fields indexed by MiniSearch. */
export const SEARCH_FIELDS = ['title', 'authors', 'venue', 'keywords', 'categories', 'tldr', 'abstract', 'note'] as const;
/**
 * Every field but the abstract and the user's note: searched first, those two only when they find
 * too little (note words match as abstract words do). At most 8 fields: the doc table keeps 8
 * field lengths a doc.
 */
export const PRIMARY_FIELDS = ['title', 'authors', 'venue', 'keywords', 'categories', 'tldr'];
/** Field boosts, as MiniSearch's `boost` search option. */
export const BOOST: Record<string, number> = {
  title: 3,
  authors: 2.5,
  venue: 1.2,
  keywords: 1.2,
  categories: 1,
  tldr: 0.8,
  abstract: 0.5,
  note: 0.5,
};
/** MiniSearch's default search weights and BM25+ parameters (what our executor reproduces). */
export const SCORING = { prefixWeight: 0.375, fuzzyWeight: 0.45, k: 1.2, b: 0.7, d: 0.5 };

/** The document shape MiniSearch sees. */
export interface SearchDoc {
  id: string;
  title: string;
  authors: string;
  venue: string;
  keywords: string;
  categories: string;
  tldr: string;
  abstract: string;
  /** The user's note (lib/core/fields.ts USER_FIELDS). */
  note: string;
}

/** MiniSearch's options: the same for a new index and a loaded one. */
export function miniOptions() {
  return {
    fields: [...SEARCH_FIELDS],
    storeFields: [] as string[],
    // Split on anything that is not a letter or digit, as query folding does (lib/core/normalize.ts):
    // MiniSearch's default keeps symbols such as "<" inside tokens ("<b>robustness</b>").
    tokenize: (text: string) => text.replace(/['’`]/g, '').split(/[^\p{L}\p{N}]+/u),
    processTerm,
    searchOptions: { boost: BOOST },
  };
}

/** A new, empty MiniSearch index. */
export function newMini(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(miniOptions());
}

/** A MiniSearch index from its JSON form (as `JSON.stringify` of the index writes it). */
export function loadMini(js: unknown): MiniSearch<SearchDoc> {
  return MiniSearch.loadJS(js as never, miniOptions());
}

/** A paper as MiniSearch indexes it. */
export function toDoc(p: PaperRecord): SearchDoc {
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.join(', '),
    venue: p.venue ?? '',
    keywords: (p.keywords ?? []).join(', '),
    categories: (p.categories ?? []).join(' '),
    tldr: p.tldr ?? '',
    abstract: p.abstract ?? '',
    note: p.note ?? '',
  };
}

/** Postings of a term: field id → (short doc id → term frequency). */
export type FieldTermData = Map<number, Map<number, number>>;

/** MiniSearch's radix tree of terms. */
interface RadixMap {
  get(key: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [FieldTermData, number]>;
}

/** The parts of MiniSearch our executor reads: its documented `protected` members (7.2.0). */
export interface MiniInternals {
  _index: RadixMap;
  _documentCount: number;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _idToShortId: Map<string, number>;
}

/** The internals of `mini`, typed. */
export function internals(mini: MiniSearch<SearchDoc>): MiniInternals {
  return mini as unknown as MiniInternals;
}
