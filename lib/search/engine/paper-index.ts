/**
 * The search index of one library ({@link PaperIndex}): the MiniSearch full-text index
 * (./mini-index.ts) and the paper table with its sets (./doc-table.ts), kept in step incrementally
 * (no rebuilds) and serialised so they are loaded, not rebuilt; and the query plan over them.
 *
 * Query plan (measured with a profiling script, 271 keystrokes of a fixed query mix, 2 slow cores:
 * at 100k papers p50 49 → 0.4 ms and p95 85–95 → 2–6 ms; at 10k p50 5 → 0.2 ms and p95 7–19 →
 * 1–6 ms, the high ends on a first pass with cold caches):
 * - Terms are folded (case, accents) and English stop words dropped; no stemming: prefix matching
 *   already covers the suffixes a user is typing, and stemming makes half-typed words miss.
 * - Filters first become a candidate bitset (./filter-plan.ts); what a set cannot decide is checked
 *   on the candidates only.
 * - "Common" terms (in more than 4 % of papers, like "learning" in an ML library), 1–2 letter
 *   prefixes and a prefix of a common word being typed ("lear…") are too unselective to look up:
 *   each is the set of papers with a word starting with it, AND-ed into the candidates. That is
 *   exactly the `text.includes(' ' + term)` scan it replaces (40 ms a term at 100k), in microseconds.
 * - "Rare" terms are scored by our own executor over MiniSearch's inverted index (./executor.ts).
 *   Title/authors/venue/keywords/categories/tl;dr first, the abstract and the user's note only when
 *   that finds fewer results than asked for. The last word is a prefix while it is being typed (earlier words of 4+
 *   letters too); unknown words of 4+ letters forgive one typo, of 6+ letters two.
 * - A query of only common words and prefixes ranks by where the words are (./scan.ts).
 * Matches stream into a running top-k compared on typed arrays (./top-k.ts); `total` is exact;
 * facets are counted on the bitset of all matches (./facets.ts).
 * Memory at 100k papers (bench corpus): 493 bitsets ≈ 6–8 MB, lists of 1.2M doc numbers ≈ 5 MB
 * (9 MB in Node), per-doc arrays and scratch ≈ 7–8 MB: +29 MB next to MiniSearch's ≈ 600 MB. Saving
 * the sets adds ≈ 8 % to the saved index and loads them in ≈ 0.15 s instead of 1.5 s of tokenising.
 */
import type MiniSearch from 'minisearch';
import { isEmptyQuery, type ParsedQuery } from '../query';
import type { Hit, SearchOptions, SearchResponse } from '../search-types';
import { processTerm, STOP_WORDS } from '../../core/terms';
import { andInto, andNotInto } from './doc-sets';
import { DocTable, toMeta, type SavedTable } from './doc-table';
import { Executor, type LookupWord } from './executor';
import { facetsOf } from './facets';
import { filterPlan } from './filter-plan';
import { internals, loadMini, newMini, PRIMARY_FIELDS, SEARCH_FIELDS, toDoc, type SearchDoc } from './mini-index';
import { listAll, rankScan } from './scan';
import { TopK, type Row } from './top-k';
import type { PaperRecord } from '../../core/types';

/** Bump when the index format or options change: a persisted index of another version is rebuilt. */
export const INDEX_VERSION = 6;

/** Most typos forgiven in one word. */
const MAX_FUZZY = 2;

/** The search index of one library. */
export class PaperIndex {
  private mini: MiniSearch<SearchDoc>;
  private table: DocTable;
  private exec: Executor;
  /** Newest `updatedAt` indexed: catch-up after a restart reads papers changed since. */
  stamp = 0;

  constructor(mini?: MiniSearch<SearchDoc>) {
    this.mini = mini ?? newMini();
    this.table = new DocTable(internals(this.mini));
    this.exec = new Executor(this.mini, this.table);
  }

  get size(): number {
    return this.table.count;
  }

  has(id: string): boolean {
    return this.table.numOf(id) !== undefined;
  }

  /** Ids of every indexed paper. */
  ids(): IterableIterator<string> {
    return this.table.ids();
  }

  private changed(): void {
    this.table.changed();
    this.exec.changed();
  }

  /** Add or replace papers (incremental). */
  upsert(papers: PaperRecord[]): void {
    const t = this.table;
    for (const p of papers) {
      let d = t.numOf(p.id);
      if (d !== undefined) {
        t.unindex(d);
        this.mini.discard(p.id);
      } else d = t.allocate(p.id);
      this.mini.add(toDoc(p));
      t.index(d, p.id, toMeta(p));
      if (p.updatedAt > this.stamp) this.stamp = p.updatedAt;
    }
    this.changed();
    // MiniSearch vacuums discarded documents in the background by itself (autoVacuum).
  }

  /** Remove papers (incremental). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) if (this.table.release(id)) this.mini.discard(id);
    this.changed();
  }

  /** Papers with this term, over the title/authors/venue/keywords/tl;dr fields. */
  docFrequency(term: string): number {
    return STOP_WORDS.has(term) ? 0 : this.table.text.count(term);
  }

  /**
   * Bytes held by the doc-number structures: `sets` (word, filter and cached prefix sets, as
   * bitsets or lists) and `arrays` (per-doc typed arrays and query scratch).
   */
  indexBytes(): { sets: number; arrays: number } {
    const { sets, arrays } = this.table.bytes();
    return { sets, arrays: arrays + this.exec.bytes() };
  }

  private isCommon(term: string): boolean {
    return this.size >= 2000 && this.docFrequency(term) > this.size * 0.04;
  }

  /** Whether `term` is a known word (or, for the word being typed, starts one). */
  private known(term: string, asPrefix: boolean): boolean {
    if (this.docFrequency(term) > 0) return true;
    if (!asPrefix) return false;
    for (const w of this.table.text.from(term)) if (!STOP_WORDS.has(w)) return true;
    return false;
  }

  /** A prefix being typed that starts a common word ("learn…") is as unselective as the word. */
  private isCommonPrefix(prefix: string): boolean {
    if (this.size < 2000) return false;
    const min = this.size * 0.04;
    const text = this.table.text;
    for (const w of text.from(prefix)) if (!STOP_WORDS.has(w) && text.count(w) > min) return true;
    return false;
  }

  /** The words to look up in MiniSearch's index, with their expansions, and how often each occurs. */
  private lookupWords(lookup: string[], last: string | undefined): LookupWord[] {
    const lookLast = lookup.includes(last ?? '\u0000') ? last : undefined;
    const mult = new Map<string, number>();
    for (const t of lookup) mult.set(t, (mult.get(t) ?? 0) + 1);
    return [...mult].map(([t, k]) => {
      // The word being typed is a prefix; earlier words of 4+ letters too ("manif mix").
      const prefix = t === lookLast || t.length >= 4;
      // Typo tolerance only for words that aren't known words (or starts of one): fuzzy
      // matching every correctly typed word would cost much and add noise. One typo from 4
      // letters, two from 6 ("modles" → "models" is two edits).
      const typo = t.length >= 4 && !this.known(t, t === lookLast);
      const maxDist = typo ? Math.min(MAX_FUZZY, Math.round(t.length * (t.length >= 6 ? 0.34 : 0.25))) : 0;
      return { exps: this.exec.expand(t, prefix, maxDist), mult: k };
    });
  }

  /** Run a parsed query. */
  search(q: ParsedQuery, opts: SearchOptions = {}): SearchResponse {
    const t0 = performance.now();
    const limit = opts.limit ?? 50;
    const terms = q.terms.map((t) => processTerm(t)).filter((t): t is string => !!t);
    const last = q.lastIsPrefix ? terms[terms.length - 1] : undefined;
    const prefixes = last ? [last] : [];
    const sort = opts.sort ?? 'relevance';
    const table = this.table;
    const { addedArr: added, yearArr: year, citeArr: cites, docs } = table;

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
    let matched: Uint32Array | undefined = opts.facets ? new Uint32Array(table.space.words) : undefined;
    const { cand: filtered, check } = filterPlan(table, q, opts);
    let cand = filtered;

    let lookupWords: LookupWord[] = [];
    if (terms.length === 0) {
      // Filters alone (or nothing but stop words with filters): list every match.
      if (!isEmptyQuery(q) || q.terms.length === 0) {
        const bits = cand ?? table.live;
        // Without a check, the matches are the candidates.
        listAll(table, bits, check, top, check ? matched : undefined, sort !== 'cited');
        if (matched && !check) matched = bits;
      }
    } else {
      // Words too short or too common to look up are word-prefix sets AND-ed into the candidates.
      const scan = terms.filter((t) => (t === last ? t.length <= 2 || this.isCommonPrefix(t) : this.isCommon(t)));
      const lookup = terms.filter((t) => !scan.includes(t));
      for (const t of new Set(scan)) cand = andInto(cand, table.text.prefixSet(t));
      if (lookup.length) {
        lookupWords = this.lookupWords(lookup, last);
        const seen = new Uint32Array(table.space.words);
        const take = (tier: number, weight: number) => (d: number, score: number) => {
          if (check && !check(docs[d]!)) return;
          seen[d >>> 5] |= 1 << (d & 31);
          top.total++;
          if (matched) matched[d >>> 5] |= 1 << (d & 31);
          if (top.enters(d, score * weight)) top.insert(d, score * weight, tier);
        };
        this.exec.runTier(lookupWords, PRIMARY_FIELDS, cand, take(1, 1));
        // The abstract, when the other fields found too little.
        if (top.total < limit)
          this.exec.runTier(lookupWords, [...SEARCH_FIELDS], andNotInto(cand?.slice() ?? null, table.live, seen), take(2, 0.8));
      } else rankScan(table, cand ?? table.live, check, scan, top, matched);
      for (const t of scan) prefixes.push(t);
    }

    return {
      hits: this.hitsOf(top.rows, lookupWords),
      total: top.total,
      facets: matched ? facetsOf(table, matched) : undefined,
      prefixes: [...new Set(prefixes)],
      tookMs: performance.now() - t0,
    };
  }

  /** The result rows as hits, with the vocabulary terms each matched (for highlighting). */
  private hitsOf(rows: Row[], lookup: LookupWord[]): Hit[] {
    const { idOf, docShort } = this.table;
    const hits = rows.map((r) => ({ id: idOf[r.d], score: r.score, terms: [] as string[] }));
    if (!lookup.length || !rows.length) return hits;
    const byShort = new Map<number, number>();
    rows.forEach((r, i) => {
      if (r.tier) byShort.set(docShort[r.d], i);
    });
    const fieldIds = internals(this.mini)._fieldIds;
    const fieldSets = [[], PRIMARY_FIELDS, [...SEARCH_FIELDS]].map((fs) => fs.map((f) => fieldIds[f]));
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

  /**
   * Serialise for persistence: the MiniSearch index, the table by doc number (null: a free number)
   * and the sets (rebuilding them from the table on load took 1.5 s at 100k papers; decoding them
   * takes a tenth of that).
   */
  toJSON(): string {
    const { meta, sets } = this.table.save();
    return JSON.stringify({ v: INDEX_VERSION, stamp: this.stamp, mini: this.mini, meta, sets });
  }

  /** Load a serialised index; null when it is of another version or unreadable. */
  static fromJSON(json: string): PaperIndex | null {
    try {
      const o = JSON.parse(json) as SavedTable & { v: number; stamp: number; mini: unknown };
      if (o.v !== INDEX_VERSION) return null;
      const idx = new PaperIndex(loadMini(o.mini));
      idx.table.load(o);
      idx.stamp = o.stamp;
      return idx;
    } catch {
      return null;
    }
  }
}
