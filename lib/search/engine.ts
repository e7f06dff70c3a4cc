/**
 * The paper search engine: a MiniSearch full-text index plus a compact in-memory table of what
 * filters, sorting, facets and phrase checks need, and sets of papers over that table, all kept in
 * step incrementally (no rebuilds) and serialised so they are loaded, not rebuilt.
 *
 * Every paper has a dense doc number (freed numbers are reused). A set of papers is a bitset
 * (Uint32Array, a bit a paper) once it is larger than that bitset would be, else a plain list of
 * doc numbers (or one number). Sets: every word of the primary text (title, authors, venue,
 * keywords, categories, tl;dr; stop words too), of author names and of venues, with their
 * vocabularies sorted, so "papers with a word starting with p" is the union over p's range (cached
 * until the next change); and per value: year, has: flags, site, category, collection, venue name.
 *
 * Query plan (measured with bench/_prof.ts, 271 keystrokes of a fixed query mix, 2 slow cores:
 * at 100k papers p50 49 → 0.4 ms and p95 85–95 → 2–6 ms; at 10k p50 5 → 0.2 ms and p95 7–19 →
 * 1–6 ms, the high ends on a first pass with cold caches):
 * - Terms are folded (case, accents) and English stop words dropped; no stemming: prefix matching
 *   already covers the suffixes a user is typing, and stemming makes half-typed words miss.
 * - Filters first become a candidate bitset: year/has/site/cat/collection from their value sets,
 *   author:/venue: from the word-prefix sets of their words (exact for one word), "phrases" from the
 *   text's, -exclusions by removing the text's. What a set cannot decide (several author words in
 *   one name, a venue or phrase as a sequence, an exclusion inside author names) is checked on the
 *   candidates only. Filters alone used to scan every paper (40–170 ms at 100k); now < 2 ms.
 * - "Common" terms (in more than 4 % of papers, like "learning" in an ML library), 1–2 letter
 *   prefixes and a prefix of a common word being typed ("lear…") are too unselective to look up:
 *   each is the set of papers with a word starting with it, AND-ed into the candidates. That is
 *   exactly the `text.includes(' ' + term)` scan it replaces (40 ms a term at 100k), in microseconds.
 * - "Rare" terms are scored by our own executor over MiniSearch's inverted index (its documented
 *   `protected` members; minisearch is pinned to 7.2.0), reproducing MiniSearch's scoring exactly:
 *   BM25+ with its parameters, field boosts, prefix and fuzzy weights, AND of the words, × the number
 *   of words. It differs in how it gets there: postings outside the candidates, or of a doc that
 *   missed an earlier (cheaper) word, are skipped before any work; scores accumulate in typed arrays
 *   instead of an object per posting; a word with no match at all ends the query. MiniSearch's own
 *   search spent 40–110 ms at 100k allocating results for a prefix like "generativ"; this walks the
 *   same postings in 1–3 ms. Title/authors/venue/keywords/categories/tl;dr first, the abstract only
 *   when that finds fewer results than asked for. The last word is a prefix while it is being typed
 *   (earlier words of 4+ letters too); unknown words of 4+ letters forgive one typo, of 6+ letters
 *   two. Expansions (the vocabulary terms a word matches) are cached until the index changes.
 * - A query of only common words and prefixes ranks by where the words are (in the first 100
 *   characters, roughly the title, counts double), then citations; a position is only looked up
 *   for papers whose best possible score could still enter the top k.
 * Matches stream into a running top-k compared on typed arrays; `total` is exact; facets are counted
 * on the bitset of all matches (popcount per value), 30 → 2 ms for 100k matches.
 * Memory at 100k papers (bench corpus): 493 bitsets ≈ 6–8 MB, lists of 1.2M doc numbers ≈ 5 MB
 * (9 MB in Node), per-doc arrays and scratch ≈ 7–8 MB: +29 MB next to MiniSearch's ≈ 600 MB. Saving
 * the sets adds ≈ 8 % to the saved index and loads them in ≈ 0.15 s instead of 1.5 s of tokenising.
 */
import MiniSearch from 'minisearch';
import { foldText } from '../core/normalize';
import { isEmptyQuery, type HasFlag, type ParsedQuery } from './query';
import type { PaperRecord } from '../core/types';

/** Bump when the index format or options change: a persisted index of another version is rebuilt. */
export const INDEX_VERSION = 5;

/** Fields indexed by MiniSearch. */
export const SEARCH_FIELDS = ['title', 'authors', 'venue', 'keywords', 'categories', 'tldr', 'abstract'] as const;
const PRIMARY_FIELDS = ['title', 'authors', 'venue', 'keywords', 'categories', 'tldr'];
const BOOST: Record<string, number> = { title: 3, authors: 2.5, venue: 1.2, keywords: 1.2, categories: 1, tldr: 0.8, abstract: 0.5 };
/** MiniSearch's default search weights and BM25 parameters (what our executor reproduces). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;
const MAX_FUZZY = 2;

import { processTerm, STOP_WORDS, venueName } from './terms';
export { processTerm, venueName, STOP_WORDS } from './terms';

/** The document shape MiniSearch sees. */
interface SearchDoc {
  id: string;
  title: string;
  authors: string;
  venue: string;
  keywords: string;
  categories: string;
  tldr: string;
  abstract: string;
}

const FLAG: Record<HasFlag, number> = { code: 1, abstract: 2, tldr: 4, pdf: 8 };
const FLAG_KEYS = ['1', '2', '4', '8'];

/** What filters, sorting, facets and phrase checks need of a paper. */
export interface DocMeta {
  year?: number;
  citations: number;
  addedAt: number;
  /** " title authors venue keywords tldr" folded, with a leading space (word-prefix checks). */
  text: string;
  /** Folded author names, each with a leading space (" geoffrey e hinton"). */
  authors: string[];
  /** Venue without the year, as shown (for facets). */
  venue?: string;
  /** Folded venue with a leading space (venue: filter). */
  venueKey: string;
  sites: string[];
  cats: string[];
  flags: number;
  collections: string[];
}

function miniOptions() {
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

function toDoc(p: PaperRecord): SearchDoc {
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.join(', '),
    venue: p.venue ?? '',
    keywords: (p.keywords ?? []).join(', '),
    categories: (p.categories ?? []).join(' '),
    tldr: p.tldr ?? '',
    abstract: p.abstract ?? '',
  };
}

function toMeta(p: PaperRecord): DocMeta {
  const text =
    ' ' +
    foldText(
      [p.title, p.authors.join(' '), p.venue ?? '', (p.keywords ?? []).join(' '), (p.categories ?? []).join(' '), p.tldr ?? ''].join(' '),
    );
  let flags = 0;
  if (p.codeUrl || p.hasCode) flags |= FLAG.code;
  if (p.abstract) flags |= FLAG.abstract;
  if (p.tldr) flags |= FLAG.tldr;
  if (p.pdfUrl) flags |= FLAG.pdf;
  return {
    year: p.year,
    citations: p.citations ?? 0,
    addedAt: p.addedAt,
    text,
    authors: p.authors.map((a) => ' ' + foldText(a)),
    venue: venueName(p.venue),
    venueKey: ' ' + foldText(p.venue ?? ''),
    sites: [...new Set(p.sources.map((s) => s.site))],
    cats: (p.categories ?? []).map((c) => c.toLowerCase()),
    flags,
    collections: p.collectionIds ?? [],
  };
}

export type SortOrder = 'relevance' | 'newest' | 'cited';

/**
 * The best `k` items in order, without sorting all of them: a short sorted buffer that only
 * changes when an item beats its last entry. O(n log k) for the large match sets of short prefixes.
 */
export function topK<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (items.length <= k * 4) return items.sort(cmp).slice(0, k);
  const best = items.slice(0, k).sort(cmp);
  for (let i = k; i < items.length; i++) {
    const x = items[i];
    if (cmp(x, best[k - 1]) >= 0) continue;
    let lo = 0,
      hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(x, best[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, x);
    best.pop();
  }
  return best;
}

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

export interface Facets {
  year: [string, number][];
  venue: [string, number][];
  site: [string, number][];
  category: [string, number][];
}

export interface SearchResponse {
  hits: Hit[];
  total: number;
  facets?: Facets;
  /** Query words to highlight as prefixes (the word being typed). */
  prefixes: string[];
  tookMs: number;
}

const SITE_ALIASES: Record<string, string> = {
  scholar: 'google-scholar',
  gs: 'google-scholar',
  google: 'google-scholar',
  s2: 'semantic-scholar',
  semantic: 'semantic-scholar',
  semanticscholar: 'semantic-scholar',
  acl: 'acl-anthology',
  aclanthology: 'acl-anthology',
};

// ---------------------------------------------------------------------------------------------
// Sets of doc numbers.

/** A bitset over doc numbers with its population count. */
class Bits {
  constructor(
    public w: Uint32Array,
    public n = 0,
  ) {}
}

/** A set of doc numbers: one number, a short unsorted list, or (once larger than that) a bitset. */
type DocSet = number | number[] | Bits;

function hasBit(w: Uint32Array, d: number): boolean {
  return (w[d >>> 5] & (1 << (d & 31))) !== 0;
}

/** Number of bits set in both `a` and `b`. */
function popcountAnd(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    let x = a[i] & b[i];
    if (!x) continue;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
}

/** A set as saved: a doc number, a list of them, or a bitset in base64 (little-endian words). */
type SavedSet = number | number[] | string;

function bitsToBase64(w: Uint32Array): string {
  let end = w.length;
  while (end > 0 && w[end - 1] === 0) end--;
  const bytes = new Uint8Array(w.buffer, w.byteOffset, end * 4);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x4000) s += String.fromCharCode(...bytes.subarray(i, i + 0x4000));
  return btoa(s);
}

function base64ToBits(s: string, words: number): Uint32Array {
  const bin = atob(s);
  const w = new Uint32Array(Math.max(words, Math.ceil(bin.length / 4)));
  const bytes = new Uint8Array(w.buffer);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return w;
}

/** OR a set into a bitset. */
function orInto(v: DocSet, out: Uint32Array): void {
  if (typeof v === 'number') out[v >>> 5] |= 1 << (v & 31);
  else if (Array.isArray(v)) for (const d of v) out[d >>> 5] |= 1 << (d & 31);
  else {
    const w = v.w;
    for (let i = 0; i < w.length; i++) out[i] |= w[i];
  }
}

/** `cand` AND `s` (a fresh copy of `s` when there is no `cand` yet). */
function andInto(cand: Uint32Array | null, s: Uint32Array): Uint32Array {
  if (!cand) return s.slice();
  for (let i = 0; i < cand.length; i++) cand[i] &= s[i];
  return cand;
}

/**
 * Keys (words, filter values) to sets of doc numbers, maintained per doc. Adding all keys of one
 * doc in a row makes duplicate adds cheap to detect (the doc is already last in the list).
 */
class SetIndex {
  readonly map = new Map<string, DocSet>();
  constructor(private space: { words: number }) {}

  /** Add doc `d` to the set of `key`; true when the key is new. */
  add(key: string, d: number): boolean {
    const v = this.map.get(key);
    if (v === undefined) {
      this.map.set(key, d);
      return true;
    }
    if (typeof v === 'number') {
      if (v !== d) this.map.set(key, [v, d]);
    } else if (Array.isArray(v)) {
      if (v[v.length - 1] === d) return false;
      v.push(d);
      // A list longer than the bitset would be (in 32-bit words) becomes the bitset.
      if (v.length > 16 && v.length > this.space.words) {
        const b = new Bits(new Uint32Array(this.space.words), v.length);
        orInto(v, b.w);
        this.map.set(key, b);
      }
    } else if (!hasBit(v.w, d)) {
      v.w[d >>> 5] |= 1 << (d & 31);
      v.n++;
    }
    return false;
  }

  delete(key: string, d: number): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    if (typeof v === 'number') {
      if (v === d) this.map.delete(key);
    } else if (Array.isArray(v)) {
      const i = v.indexOf(d);
      if (i < 0) return;
      v[i] = v[v.length - 1];
      v.pop();
      if (v.length === 1) this.map.set(key, v[0]);
    } else if (hasBit(v.w, d)) {
      v.w[d >>> 5] &= ~(1 << (d & 31));
      if (--v.n === 0) this.map.delete(key);
    }
  }

  count(key: string): number {
    const v = this.map.get(key);
    return v === undefined ? 0 : typeof v === 'number' ? 1 : Array.isArray(v) ? v.length : v.n;
  }

  /** The union of the sets of the keys `ok` accepts. */
  union(ok: (key: string) => boolean): Uint32Array {
    const s = new Uint32Array(this.space.words);
    for (const [k, v] of this.map) if (ok(k)) orInto(v, s);
    return s;
  }

  /** The sets as JSON: a number, a list, or a bitset in base64. `keys` orders them. */
  save(keys: Iterable<string> = this.map.keys()): [string, SavedSet][] {
    const out: [string, SavedSet][] = [];
    for (const k of keys) {
      const v = this.map.get(k);
      if (v !== undefined) out.push([k, v instanceof Bits ? bitsToBase64(v.w) : v]);
    }
    return out;
  }

  load(saved: [string, SavedSet][]): void {
    for (const [k, v] of saved) {
      if (typeof v !== 'string') this.map.set(k, v);
      else {
        const w = base64ToBits(v, this.space.words);
        this.map.set(k, new Bits(w, popcountAnd(w, w)));
      }
    }
  }

  /** Widen every bitset to `words` 32-bit words. */
  grow(words: number): void {
    for (const v of this.map.values()) {
      if (v instanceof Bits) {
        const w = new Uint32Array(words);
        w.set(v.w);
        v.w = w;
      }
    }
  }

  /** Bytes held by the sets (list entries counted at 4 bytes, as small integers in V8). */
  bytes(): number {
    let b = 0;
    for (const v of this.map.values()) b += typeof v === 'number' ? 0 : Array.isArray(v) ? 16 + 4 * v.length : v.w.byteLength;
    return b;
  }
}

/**
 * Words (of the primary text, of author names, of venues) → papers, with the vocabulary sorted
 * for prefix ranges: "papers with a word starting with p" is the union of the sets of the words in
 * p's range, computed on demand and cached until the next change.
 */
class WordIndex {
  readonly sets: SetIndex;
  /** Sorted vocabulary (may still hold removed words, skipped on use) and words added since. */
  private sorted: string[] = [];
  private fresh: string[] = [];
  private cache = new Map<string, Uint32Array>();

  constructor(private space: { words: number }) {
    this.sets = new SetIndex(space);
  }

  /** Index doc `d`'s words (all of them in one call). */
  add(d: number, words: string[]): void {
    for (const w of words) if (w && this.sets.add(w, d)) this.fresh.push(w);
  }

  delete(d: number, words: string[]): void {
    for (const w of words) if (w) this.sets.delete(w, d);
  }

  /** Forget cached prefix sets (after any change). */
  changed(): void {
    this.cache.clear();
  }

  count(word: string): number {
    return this.sets.count(word);
  }

  /** The sorted vocabulary: a few new words are inserted in place, many merged by sorting again. */
  vocab(): string[] {
    if (this.fresh.length) {
      const v = this.sorted;
      if (this.fresh.length <= Math.max(8, v.length / 1000)) {
        for (const w of this.fresh) {
          const i = lowerBound(v, w);
          if (v[i] !== w) v.splice(i, 0, w);
        }
      } else {
        const all = v.concat(this.fresh).sort();
        this.sorted = all.filter((w, i) => (i === 0 || w !== all[i - 1]) && this.sets.map.has(w));
      }
      this.fresh = [];
    }
    return this.sorted;
  }

  /** Words starting with `prefix`, in order. */
  *from(prefix: string): Generator<string> {
    const v = this.vocab();
    for (let i = lowerBound(v, prefix); i < v.length && v[i].startsWith(prefix); i++) if (this.sets.map.has(v[i])) yield v[i];
  }

  /** Papers with a word starting with `p`. Read-only: cached until the next change. */
  prefixSet(p: string): Uint32Array {
    let s = this.cache.get(p);
    if (!s) {
      s = new Uint32Array(this.space.words);
      for (const w of this.from(p)) orInto(this.sets.map.get(w)!, s);
      if (this.cache.size >= 64) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(p, s);
    }
    return s;
  }

  grow(words: number): void {
    this.sets.grow(words);
    this.cache.clear();
  }

  /** The sets as JSON, in vocabulary order (so loading needs no sort). */
  save(): [string, SavedSet][] {
    return this.sets.save(this.vocab());
  }

  load(saved: [string, SavedSet][]): void {
    this.sets.load(saved);
    this.sorted = saved.map(([w]) => w);
    this.fresh = [];
  }

  bytes(): number {
    let b = this.sets.bytes();
    for (const s of this.cache.values()) b += s.byteLength;
    return b;
  }
}

/** The words of a doc's author names. */
function authorWords(m: DocMeta): string[] {
  return m.authors.length === 1 ? m.authors[0].split(' ') : m.authors.join('').split(' ');
}

/** The parts of MiniSearch our executor reads: its documented `protected` members (7.2.0). */
type FieldTermData = Map<number, Map<number, number>>;
interface RadixMap {
  get(key: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [FieldTermData, number]>;
}
interface MiniInternals {
  _index: RadixMap;
  _documentCount: number;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _idToShortId: Map<string, number>;
}

/** A vocabulary term a query word matches, with MiniSearch's weight for the kind of match. */
interface Expansion {
  term: string;
  data: FieldTermData;
  weight: number;
  /** Per field: postings of live docs (while MiniSearch holds postings of discarded docs). */
  live?: Map<number, number>;
}

/** A looked-up query word: its expansions, and how often it occurs in the query. */
interface LookupWord {
  exps: Expansion[];
  mult: number;
}

/** A row of the running top-k: doc number, score and the tier it came from (for its terms). */
interface Row {
  d: number;
  score: number;
  tier: number;
}

/** The running top-k of a query, and its exact total. */
class TopK {
  rows: Row[] = [];
  total = 0;
  constructor(
    private limit: number,
    private cmp: (da: number, sa: number, db: number, sb: number) => number,
  ) {}

  /** Whether a match with this score (or an upper bound of it) would enter the top k. */
  enters(d: number, score: number): boolean {
    const r = this.rows;
    return r.length < this.limit || (this.limit > 0 && this.cmp(d, score, r[this.limit - 1].d, r[this.limit - 1].score) < 0);
  }

  /** Insert a match that `enters`. */
  insert(d: number, score: number, tier: number): void {
    const r = this.rows;
    if (r.length === this.limit) r.pop();
    let lo = 0,
      hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(d, score, r[mid].d, r[mid].score) < 0) hi = mid;
      else lo = mid + 1;
    }
    r.splice(lo, 0, { d, score, tier });
  }
}

/** The search index of one library. */
export class PaperIndex {
  private mini: MiniSearch<SearchDoc>;
  /** Doc number → meta / id; free numbers are reused. */
  private docs: (DocMeta | undefined)[] = [];
  private idOf: string[] = [];
  private num = new Map<string, number>();
  private free: number[] = [];
  private count = 0;
  /** Capacity in docs (a multiple of 1024) and in 32-bit words; shared by every bitset. */
  private cap = 0;
  private space = { words: 0 };
  private live = new Uint32Array(0);
  /** Per doc number: what ranking compares (typed, so hot loops touch no objects). */
  private addedArr = new Float64Array(0);
  private yearArr = new Int32Array(0);
  private citeArr = new Float64Array(0);
  /** log1p(citations) × 0.05: the citation part of the scan-path score. */
  private citeScore = new Float64Array(0);
  /** MiniSearch short id of each doc, and back (-1: none / discarded). */
  private docShort = new Int32Array(0);
  private shortDoc = new Int32Array(0);
  /** MiniSearch's field lengths (tokens) of each doc, 8 slots a doc: BM25 reads them per posting. */
  private fieldLen = new Uint16Array(0);
  /** Executor scratch, by doc number: score and number of query words matched so far. */
  private acc = new Float64Array(0);
  private hits = new Uint16Array(0);
  private touched = new Int32Array(0);
  /** Words (stop words too) of the primary text, of author names, of venues → papers. */
  private text = new WordIndex(this.space);
  private authorIdx = new WordIndex(this.space);
  private venueIdx = new WordIndex(this.space);
  /** Filter values → papers. */
  private years = new SetIndex(this.space);
  private flags = new SetIndex(this.space);
  private sites = new SetIndex(this.space);
  private cats = new SetIndex(this.space);
  private colls = new SetIndex(this.space);
  /** Venue names as facets show them → papers. */
  private venueNames = new SetIndex(this.space);
  private expCache = new Map<string, Expansion[]>();
  /** Newest `updatedAt` indexed: catch-up after a restart reads papers changed since. */
  stamp = 0;

  constructor(mini?: MiniSearch<SearchDoc>) {
    this.mini = mini ?? new MiniSearch<SearchDoc>(miniOptions());
  }

  private get ms(): MiniInternals {
    return this.mini as unknown as MiniInternals;
  }

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    return this.num.has(id);
  }

  /** Ids of every indexed paper. */
  ids(): IterableIterator<string> {
    return this.num.keys();
  }

  private get wordIndexes(): WordIndex[] {
    return [this.text, this.authorIdx, this.venueIdx];
  }

  private get setIndexes(): SetIndex[] {
    return [this.years, this.flags, this.sites, this.cats, this.colls, this.venueNames];
  }

  /** Room for doc number `d` in every per-doc array and bitset. */
  private ensureCap(d: number): void {
    if (d < this.cap) return;
    // Grow by a quarter at least (amortised copies), in steps of 1024 docs (whole 32-bit words).
    const cap = Math.ceil(Math.max(d + 1, this.cap * 1.25) / 1024) * 1024;
    const words = cap >>> 5;
    const grow = <A extends Float64Array | Int32Array | Uint32Array | Uint16Array>(a: A, b: A, fill?: number): A => {
      if (fill !== undefined) b.fill(fill);
      b.set(a);
      return b;
    };
    this.live = grow(this.live, new Uint32Array(words));
    this.addedArr = grow(this.addedArr, new Float64Array(cap));
    this.yearArr = grow(this.yearArr, new Int32Array(cap));
    this.citeArr = grow(this.citeArr, new Float64Array(cap));
    this.citeScore = grow(this.citeScore, new Float64Array(cap));
    this.docShort = grow(this.docShort, new Int32Array(cap), -1);
    this.fieldLen = grow(this.fieldLen, new Uint16Array(cap * 8));
    this.acc = new Float64Array(cap);
    this.hits = new Uint16Array(cap);
    this.touched = new Int32Array(cap);
    for (const s of this.wordIndexes) s.grow(words);
    for (const s of this.setIndexes) s.grow(words);
    this.cap = cap;
    this.space.words = words;
  }

  /** Put a paper's meta under doc number `d` into every set and per-doc array. */
  private indexDoc(d: number, id: string, m: DocMeta): void {
    this.placeDoc(d, id, m);
    this.text.add(d, m.text.split(' '));
    this.authorIdx.add(d, authorWords(m));
    this.venueIdx.add(d, m.venueKey.split(' '));
    if (m.year !== undefined) this.years.add(String(m.year), d);
    for (const f of FLAG_KEYS) if (m.flags & Number(f)) this.flags.add(f, d);
    for (const s of m.sites) this.sites.add(s, d);
    for (const c of m.cats) this.cats.add(c, d);
    for (const c of m.collections) this.colls.add(c, d);
    if (m.venue) this.venueNames.add(m.venue, d);
  }

  /** The per-doc arrays of doc number `d` (what loading a saved index rebuilds; the sets are saved). */
  private placeDoc(d: number, id: string, m: DocMeta): void {
    this.docs[d] = m;
    this.idOf[d] = id;
    this.live[d >>> 5] |= 1 << (d & 31);
    this.addedArr[d] = m.addedAt;
    this.yearArr[d] = m.year ?? 0;
    this.citeArr[d] = m.citations;
    this.citeScore[d] = Math.log1p(m.citations) * 0.05;
    const short = this.ms._idToShortId.get(id);
    this.docShort[d] = short ?? -1;
    if (short !== undefined) {
      if (short >= this.shortDoc.length) {
        const b = new Int32Array(Math.max(1024, short * 2)).fill(-1);
        b.set(this.shortDoc);
        this.shortDoc = b;
      }
      this.shortDoc[short] = d;
      const lens = this.ms._fieldLength.get(short) ?? [];
      for (let f = 0; f < 8; f++) this.fieldLen[(d << 3) | f] = Math.min(65535, lens[f] ?? 0);
    }
  }

  private unindexDoc(d: number): void {
    const m = this.docs[d];
    if (!m) return;
    this.text.delete(d, m.text.split(' '));
    this.authorIdx.delete(d, authorWords(m));
    this.venueIdx.delete(d, m.venueKey.split(' '));
    if (m.year !== undefined) this.years.delete(String(m.year), d);
    for (const f of FLAG_KEYS) if (m.flags & Number(f)) this.flags.delete(f, d);
    for (const s of m.sites) this.sites.delete(s, d);
    for (const c of m.cats) this.cats.delete(c, d);
    for (const c of m.collections) this.colls.delete(c, d);
    if (m.venue) this.venueNames.delete(m.venue, d);
    const short = this.docShort[d];
    if (short >= 0) this.shortDoc[short] = -1;
    this.docShort[d] = -1;
    this.live[d >>> 5] &= ~(1 << (d & 31));
    this.docs[d] = undefined;
  }

  private changed(): void {
    for (const s of this.wordIndexes) s.changed();
    this.expCache.clear();
  }

  /** Add or replace papers (incremental). */
  upsert(papers: PaperRecord[]): void {
    for (const p of papers) {
      let d = this.num.get(p.id);
      if (d !== undefined) {
        this.unindexDoc(d);
        this.mini.discard(p.id);
      } else {
        d = this.free.pop() ?? this.docs.length;
        this.ensureCap(d);
        this.num.set(p.id, d);
        this.count++;
      }
      this.mini.add(toDoc(p));
      this.indexDoc(d, p.id, toMeta(p));
      if (p.updatedAt > this.stamp) this.stamp = p.updatedAt;
    }
    this.changed();
    // MiniSearch vacuums discarded documents in the background by itself (autoVacuum).
  }

  /** Remove papers (incremental). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const d = this.num.get(id);
      if (d === undefined) continue;
      this.unindexDoc(d);
      this.idOf[d] = '';
      this.num.delete(id);
      this.free.push(d);
      this.count--;
      this.mini.discard(id);
    }
    this.changed();
  }

  /** Papers with this term, over the title/authors/venue/keywords/tl;dr fields. */
  docFrequency(term: string): number {
    return STOP_WORDS.has(term) ? 0 : this.text.count(term);
  }

  /**
   * Bytes held by the doc-number structures: `sets` (word, filter and cached prefix sets, as
   * bitsets or lists) and `arrays` (per-doc typed arrays and query scratch).
   */
  indexBytes(): { sets: number; arrays: number } {
    let sets = this.live.byteLength;
    for (const s of this.wordIndexes) sets += s.bytes();
    for (const s of this.setIndexes) sets += s.bytes();
    const arrays = [
      this.addedArr,
      this.yearArr,
      this.citeArr,
      this.citeScore,
      this.docShort,
      this.shortDoc,
      this.fieldLen,
      this.acc,
      this.hits,
      this.touched,
    ];
    return { sets, arrays: arrays.reduce((n, a) => n + a.byteLength, 0) };
  }

  private isCommon(term: string): boolean {
    return this.count >= 2000 && this.docFrequency(term) > this.count * 0.04;
  }

  /** Whether `term` is a known word (or, for the word being typed, starts one). */
  private known(term: string, asPrefix: boolean): boolean {
    if (this.docFrequency(term) > 0) return true;
    if (!asPrefix) return false;
    for (const w of this.text.from(term)) if (!STOP_WORDS.has(w)) return true;
    return false;
  }

  /** A prefix being typed that starts a common word ("learn…") is as unselective as the word. */
  private isCommonPrefix(prefix: string): boolean {
    if (this.count < 2000) return false;
    const min = this.count * 0.04;
    for (const w of this.text.from(prefix)) if (!STOP_WORDS.has(w) && this.text.count(w) > min) return true;
    return false;
  }

  /**
   * Candidate bitset of the structured filters (null: every paper) and the check left for each
   * candidate (null: none). The bitset is exact for year/has/site/cat/collection and one-word
   * author/venue filters; a superset for longer author/venue filters and phrases, which the check
   * then tests exactly, as it tests exclusions.
   */
  private filterPlan(q: ParsedQuery, opts: SearchOptions): { cand: Uint32Array | null; check: ((m: DocMeta) => boolean) | null } {
    let cand: Uint32Array | null = null;
    if (q.yearFrom !== undefined || q.yearTo !== undefined) {
      const from = q.yearFrom ?? -Infinity,
        to = q.yearTo ?? Infinity;
      cand = andInto(
        cand,
        this.years.union((k) => Number(k) >= from && Number(k) <= to),
      );
    }
    for (const h of q.has)
      cand = andInto(
        cand,
        this.flags.union((k) => k === String(FLAG[h])),
      );
    const notNeed = q.notHas.reduce((f, h) => f | FLAG[h], 0);
    if (notNeed) {
      const s = this.flags.union((k) => (Number(k) & notNeed) !== 0);
      const c = cand ?? this.live.slice();
      for (let i = 0; i < c.length; i++) c[i] &= ~s[i];
      cand = c;
    }
    for (const site of q.sites.map((s) => SITE_ALIASES[s.replace(/[^a-z]/g, '')] ?? s))
      cand = andInto(
        cand,
        this.sites.union((x) => x === site || x.startsWith(site)),
      );
    for (const c of q.categories)
      cand = andInto(
        cand,
        this.cats.union((x) => x === c || x.startsWith(c + '.')),
      );
    for (const c of q.collections.map((c) => opts.collectionIdsByName?.get(c) ?? `\u0000${c}`))
      cand = andInto(
        cand,
        this.colls.union((k) => k === c),
      );
    // Each word of an author name / venue / phrase starts a word of that field / the text.
    const words = (s: string) => s.split(' ').filter(Boolean);
    for (const a of q.authors) for (const w of words(a)) cand = andInto(cand, this.authorIdx.prefixSet(w));
    for (const v of q.venues) for (const w of words(v)) cand = andInto(cand, this.venueIdx.prefixSet(w));
    for (const ph of q.phrases) for (const w of words(ph)) cand = andInto(cand, this.text.prefixSet(w));
    // A paper with a word starting with an excluded word is out (the check still looks for it
    // inside author names, on the far fewer papers left).
    for (const x of q.excludes) {
      if (x.includes(' ')) continue;
      const s = this.text.prefixSet(x);
      const c = cand ?? this.live.slice();
      for (let i = 0; i < c.length; i++) c[i] &= ~s[i];
      cand = c;
    }

    const authors = q.authors.filter((a) => words(a).length > 1).map((a) => words(a).map((w) => ' ' + w));
    const venues = q.venues.filter((v) => words(v).length > 1).map((v) => ' ' + v);
    const phrases = q.phrases.map((ph) => ' ' + ph);
    const excludes = q.excludes;
    const check =
      authors.length || venues.length || phrases.length || excludes.length
        ? (m: DocMeta) => {
            if (authors.length && !authors.every((ws) => m.authors.some((name) => ws.every((w) => name.includes(w))))) return false;
            if (venues.length && !venues.every((v) => m.venueKey.includes(v))) return false;
            if (phrases.length && !phrases.every((ph) => m.text.includes(ph))) return false;
            if (excludes.length && excludes.some((x) => m.text.includes(' ' + x) || m.authors.some((a) => a.includes(x)))) return false;
            return true;
          }
        : null;
    return { cand, check };
  }

  /** The vocabulary terms `term` matches (exact, prefix, fuzzy), as MiniSearch expands them. */
  private expand(term: string, prefix: boolean, maxDist: number): Expansion[] {
    const key = `${term}\u0000${prefix ? 1 : 0}${maxDist}`;
    const hit = this.expCache.get(key);
    if (hit) return hit;
    const index = this.ms._index;
    const out: Expansion[] = [];
    const exact = index.get(term);
    if (exact) out.push({ term, data: exact, weight: 1 });
    const prefixed = new Set<string>();
    if (prefix) {
      for (const [t, data] of index.atPrefix(term)) {
        const dist = t.length - term.length;
        if (!dist) continue;
        prefixed.add(t);
        out.push({ term: t, data, weight: (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * dist) });
      }
    }
    if (maxDist) {
      for (const [t, [data, dist]] of index.fuzzyGet(term, maxDist)) {
        if (!dist || prefixed.has(t)) continue;
        out.push({ term: t, data, weight: (FUZZY_WEIGHT * t.length) / (t.length + dist) });
      }
    }
    if (this.expCache.size >= 256) this.expCache.delete(this.expCache.keys().next().value!);
    this.expCache.set(key, out);
    return out;
  }

  /**
   * Postings of live docs of a term in a field. MiniSearch keeps postings of discarded docs until
   * it vacuums (and drops them from the count as its own search meets them): the document
   * frequency in BM25 counts live docs only. Cached with the expansion, until the index changes.
   */
  private liveCount(e: Expansion, fid: number, postings: Map<number, number>): number {
    e.live ??= new Map();
    let n = e.live.get(fid);
    if (n === undefined) {
      n = 0;
      const shortDoc = this.shortDoc;
      for (const short of postings.keys()) if (short < shortDoc.length && shortDoc[short] >= 0) n++;
      e.live.set(fid, n);
    }
    return n;
  }

  /**
   * MiniSearch's AND query over `fields`, scored exactly as MiniSearch scores it (BM25 with its
   * parameters, field boosts, prefix/fuzzy weights, × the number of query words), restricted to
   * the `cand` bitset. Calls `emit` for every match. Words are walked cheapest first; a doc that
   * missed an earlier word is skipped before any work.
   */
  private runTier(lookup: LookupWord[], fields: string[], cand: Uint32Array | null, emit: (d: number, score: number) => void): void {
    const ms = this.ms;
    const fieldIds = fields.map((f) => ms._fieldIds[f]);
    const boosts = fields.map((f) => BOOST[f] ?? 1);
    const words = lookup
      .map((w) => ({ ...w, cost: w.exps.reduce((n, e) => n + fieldIds.reduce((k, f) => k + (e.data.get(f)?.size ?? 0), 0), 0) }))
      .sort((a, b) => a.cost - b.cost);
    if (!words.length || words[0].cost === 0) return;
    const { acc, hits, touched, shortDoc, fieldLen } = this;
    const N = ms._documentCount;
    const avg = ms._avgFieldLength;
    const dirty = this.mini.dirtCount > 0;
    let nt = 0;
    for (let o = 0; o < words.length; o++) {
      const { exps, mult } = words[o];
      const next = o + 1;
      for (const e of exps) {
        for (let fi = 0; fi < fieldIds.length; fi++) {
          const fid = fieldIds[fi];
          const postings = e.data.get(fid);
          if (!postings) continue;
          const n = dirty ? this.liveCount(e, fid, postings) : postings.size;
          const idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
          const c = e.weight * boosts[fi] * mult * idf;
          const avgLen = avg[fid];
          // Map#forEach: several times faster than for…of over entries here.
          postings.forEach((tf, short) => {
            const d = short < shortDoc.length ? shortDoc[short] : -1;
            if (d < 0) return;
            const h = hits[d];
            if (h !== o && h !== next) return;
            if (o === 0 && h === 0) {
              if (cand && (cand[d >>> 5] & (1 << (d & 31))) === 0) return;
              touched[nt++] = d;
            }
            hits[d] = next;
            const len = fieldLen[(d << 3) | fid];
            acc[d] += c * (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + (BM25_B * len) / avgLen)));
          });
        }
      }
    }
    const all = words.length;
    // MiniSearch multiplies by the number of distinct query words matched: all of them.
    for (let i = 0; i < nt; i++) {
      const d = touched[i];
      if (hits[d] === all) emit(d, acc[d] * all);
      hits[d] = 0;
      acc[d] = 0;
    }
  }

  /** Run a parsed query. */
  search(q: ParsedQuery, opts: SearchOptions = {}): SearchResponse {
    const t0 = performance.now();
    const limit = opts.limit ?? 50;
    const terms = q.terms.map((t) => processTerm(t)).filter((t): t is string => !!t);
    const last = q.lastIsPrefix ? terms[terms.length - 1] : undefined;
    const prefixes = last ? [last] : [];
    const sort = opts.sort ?? 'relevance';
    const { addedArr: added, yearArr: year, citeArr: cites, docs } = this;

    // Matches stream into a running top-k and facet counts, compared on typed arrays: no object
    // per match, since a short prefix or a filter alone can match every paper.
    const top = new TopK(
      limit,
      sort === 'newest'
        ? (da, _sa, db) => year[db] - year[da] || added[db] - added[da]
        : sort === 'cited'
          ? (da, sa, db, sb) => cites[db] - cites[da] || sb - sa
          : terms.length === 0
            ? (da, _sa, db) => added[db] - added[da]
            : (da, sa, db, sb) => sb - sa || cites[db] - cites[da],
    );
    // Facets are counted over the bitset of all matches.
    let matched: Uint32Array | undefined = opts.facets ? new Uint32Array(this.space.words) : undefined;
    const { cand: filtered, check } = this.filterPlan(q, opts);
    let cand = filtered;

    let lookupWords: LookupWord[] = [];
    if (terms.length === 0) {
      // Filters alone (or nothing but stop words with filters): list every match.
      if (!isEmptyQuery(q) || q.terms.length === 0) {
        const bits = cand ?? this.live;
        // Without a check, the matches are the candidates.
        this.listAll(bits, check, top, check ? matched : undefined, sort !== 'cited');
        if (matched && !check) matched = bits;
      }
    } else {
      // Words too short or too common to look up are word-prefix sets AND-ed into the candidates.
      const scan = terms.filter((t) => (t === last ? t.length <= 2 || this.isCommonPrefix(t) : this.isCommon(t)));
      const lookup = terms.filter((t) => !scan.includes(t));
      for (const t of new Set(scan)) cand = andInto(cand, this.text.prefixSet(t));
      if (lookup.length) {
        const lookLast = lookup.includes(last ?? '\u0000') ? last : undefined;
        const mult = new Map<string, number>();
        for (const t of lookup) mult.set(t, (mult.get(t) ?? 0) + 1);
        lookupWords = [...mult].map(([t, k]) => {
          // The word being typed is a prefix; earlier words of 4+ letters too ("manif mix").
          const prefix = t === lookLast || t.length >= 4;
          // Typo tolerance only for words that aren't known words (or starts of one): fuzzy
          // matching every correctly typed word would cost much and add noise. One typo from 4
          // letters, two from 6 ("modles" → "models" is two edits).
          const typo = t.length >= 4 && !this.known(t, t === lookLast);
          const maxDist = typo ? Math.min(MAX_FUZZY, Math.round(t.length * (t.length >= 6 ? 0.34 : 0.25))) : 0;
          return { exps: this.expand(t, prefix, maxDist), mult: k };
        });
        const seen = new Uint32Array(this.space.words);
        const take = (tier: number, weight: number) => (d: number, score: number) => {
          if (check && !check(docs[d]!)) return;
          seen[d >>> 5] |= 1 << (d & 31);
          top.total++;
          if (matched) matched[d >>> 5] |= 1 << (d & 31);
          if (top.enters(d, score * weight)) top.insert(d, score * weight, tier);
        };
        this.runTier(lookupWords, PRIMARY_FIELDS, cand, take(1, 1));
        // The abstract, when the other fields found too little.
        if (top.total < limit) {
          const c2 = cand ? cand.slice() : this.live.slice();
          for (let i = 0; i < c2.length; i++) c2[i] &= ~seen[i];
          this.runTier(lookupWords, [...SEARCH_FIELDS], c2, take(2, 0.8));
        }
      } else this.rankScan(cand ?? this.live, check, scan, top, matched);
      for (const t of scan) prefixes.push(t);
    }

    return {
      hits: this.hitsOf(top.rows, lookupWords),
      total: top.total,
      facets: matched ? this.facetsOf(matched) : undefined,
      prefixes: [...new Set(prefixes)],
      tookMs: performance.now() - t0,
    };
  }

  /**
   * Every paper of `bits` passing `check` into the top-k (score 0: filters only). By date, newest
   * doc numbers first: they are mostly the papers added last, so the top k fills at once and the
   * rest is rejected by one comparison (oldest first, ties keep the order papers were added in).
   */
  private listAll(
    bits: Uint32Array,
    check: ((m: DocMeta) => boolean) | null,
    top: TopK,
    matched: Uint32Array | undefined,
    newestFirst: boolean,
  ): void {
    const docs = this.docs;
    const n = bits.length;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const i = newestFirst ? n - 1 - k : k;
      let x = bits[i];
      while (x) {
        const b = newestFirst ? 31 - Math.clz32(x) : 31 - Math.clz32(x & -x);
        x &= ~(1 << b);
        const d = (i << 5) | b;
        if (check && !check(docs[d]!)) continue;
        total++;
        if (matched) matched[d >>> 5] |= 1 << (d & 31);
        if (top.enters(d, 0)) top.insert(d, 0, 0);
      }
    }
    top.total += total;
  }

  /**
   * Matches of common words and prefixes only, ranked by where the words are: early in the text
   * (the title) counts most, then citations. The position is looked up only for papers whose best
   * possible score could still enter the top k.
   */
  private rankScan(
    bits: Uint32Array,
    check: ((m: DocMeta) => boolean) | null,
    scan: string[],
    top: TopK,
    matched: Uint32Array | undefined,
  ): void {
    const { docs, citeScore } = this;
    const needles = scan.map((t) => ' ' + t);
    const most = 2 * needles.length;
    let total = 0;
    for (let i = 0; i < bits.length; i++) {
      let x = bits[i];
      while (x) {
        const low = x & -x;
        x ^= low;
        const d = (i << 5) | (31 - Math.clz32(low));
        if (check && !check(docs[d]!)) continue;
        total++;
        if (matched) matched[d >>> 5] |= 1 << (d & 31);
        const cs = citeScore[d];
        if (!top.enters(d, most + cs)) continue;
        const text = docs[d]!.text;
        let score = 0;
        for (const t of needles) score += text.indexOf(t) < 100 ? 2 : 1;
        score += cs;
        if (top.enters(d, score)) top.insert(d, score, 0);
      }
    }
    top.total += total;
  }

  /** The result rows as hits, with the vocabulary terms each matched (for highlighting). */
  private hitsOf(rows: Row[], lookup: LookupWord[]): Hit[] {
    const hits = rows.map((r) => ({ id: this.idOf[r.d], score: r.score, terms: [] as string[] }));
    if (!lookup.length || !rows.length) return hits;
    const byShort = new Map<number, number>();
    rows.forEach((r, i) => {
      if (r.tier) byShort.set(this.docShort[r.d], i);
    });
    const fieldSets = [[], PRIMARY_FIELDS, [...SEARCH_FIELDS]].map((fs) => fs.map((f) => this.ms._fieldIds[f]));
    for (const { exps } of lookup) {
      for (const e of exps) {
        for (const [fid, postings] of e.data) {
          const mark = (i: number) => {
            if (fieldSets[rows[i].tier].includes(fid) && !hits[i].terms.includes(e.term)) hits[i].terms.push(e.term);
          };
          if (postings.size <= rows.length) {
            for (const short of postings.keys()) {
              const i = byShort.get(short);
              if (i !== undefined) mark(i);
            }
          } else for (const [short, i] of byShort) if (postings.has(short)) mark(i);
        }
      }
    }
    return hits;
  }

  /** Facet counts over the bitset of all matches: per value, the size of its set AND the matches. */
  private facetsOf(matched: Uint32Array): Facets {
    const count = (idx: SetIndex): [string, number][] => {
      const out: [string, number][] = [];
      for (const [k, v] of idx.map) {
        if (!k) continue;
        let n = 0;
        if (typeof v === 'number') n = hasBit(matched, v) ? 1 : 0;
        else if (Array.isArray(v)) for (const d of v) n += hasBit(matched, d) ? 1 : 0;
        else n = popcountAnd(matched, v.w);
        if (n) out.push([k, n]);
      }
      return out.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    };
    return {
      year: count(this.years)
        .sort((a, b) => b[0].localeCompare(a[0]))
        .slice(0, 30),
      venue: count(this.venueNames).slice(0, 12),
      site: count(this.sites),
      category: count(this.cats).slice(0, 12),
    };
  }

  /** The named set indexes, as saved. */
  private get savedIndexes(): [string, WordIndex | SetIndex][] {
    return [
      ['text', this.text],
      ['authors', this.authorIdx],
      ['venues', this.venueIdx],
      ['years', this.years],
      ['flags', this.flags],
      ['sites', this.sites],
      ['cats', this.cats],
      ['colls', this.colls],
      ['venueNames', this.venueNames],
    ];
  }

  /**
   * Serialise for persistence: the MiniSearch index, the table by doc number (null: a free number)
   * and the sets (rebuilding them from the table on load took 1.5 s at 100k papers; decoding them
   * takes a tenth of that).
   */
  toJSON(): string {
    const meta = Array.from(this.docs, (m, d) => (m ? ([this.idOf[d], m] as const) : null));
    const sets = Object.fromEntries(this.savedIndexes.map(([name, s]) => [name, s.save()]));
    return JSON.stringify({ v: INDEX_VERSION, stamp: this.stamp, mini: this.mini, meta, sets });
  }

  /** Load a serialised index; null when it is of another version or unreadable. */
  static fromJSON(json: string): PaperIndex | null {
    try {
      const o = JSON.parse(json) as {
        v: number;
        stamp: number;
        mini: unknown;
        meta: ([string, DocMeta] | null)[];
        sets: Record<string, [string, SavedSet][]>;
      };
      if (o.v !== INDEX_VERSION) return null;
      const idx = new PaperIndex(MiniSearch.loadJS(o.mini as never, miniOptions()));
      idx.ensureCap(Math.max(0, o.meta.length - 1));
      o.meta.forEach((e, d) => {
        if (!e) {
          idx.idOf[d] = '';
          idx.free.push(d);
          return;
        }
        idx.num.set(e[0], d);
        idx.count++;
        idx.placeDoc(d, e[0], e[1]);
      });
      idx.docs.length = o.meta.length;
      for (const [name, s] of idx.savedIndexes) s.load(o.sets[name]);
      idx.stamp = o.stamp;
      return idx;
    } catch {
      return null;
    }
  }
}

/** First index in sorted `v` whose item is ≥ `x`. */
function lowerBound(v: string[], x: string): number {
  let lo = 0,
    hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
