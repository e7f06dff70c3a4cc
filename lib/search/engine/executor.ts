/**
 * The query executor for "rare" words: it scores over MiniSearch's inverted index (its documented
 * `protected` members), reproducing MiniSearch's scoring exactly (BM25+ with its parameters, field
 * boosts, prefix and fuzzy weights, AND of the words, × the number of words), but gets there by
 * another way: postings outside the candidates, or of a doc that missed an earlier (cheaper) word,
 * are skipped before any work, and scores accumulate in typed arrays instead of an object per
 * posting. MiniSearch's own search spent 40–110 ms at 100k allocating results for a prefix like
 * "generativ"; this walks the same postings in 1–3 ms. Expansions (the vocabulary terms a word
 * matches) are cached until the index changes.
 */
import type MiniSearch from 'minisearch';
import type { DocTable } from './doc-table';
import { BOOST, internals, SCORING, type FieldTermData, type MiniInternals, type SearchDoc } from './mini-index';

/** A vocabulary term a query word matches, with MiniSearch's weight for the kind of match. */
export interface Expansion {
  term: string;
  data: FieldTermData;
  weight: number;
  /** Per field: postings of live docs (while MiniSearch holds postings of discarded docs). */
  live?: Map<number, number>;
}

/** A looked-up query word: its expansions, and how often it occurs in the query. */
export interface LookupWord {
  exps: Expansion[];
  mult: number;
}

/** Scores looked-up words over MiniSearch's postings, restricted to candidate bitsets. */
export class Executor {
  private expCache = new Map<string, Expansion[]>();
  /** Scratch by doc number: score and number of query words matched so far, docs touched. */
  private acc = new Float64Array(0);
  private hits = new Uint16Array(0);
  private touched = new Int32Array(0);

  constructor(
    private mini: MiniSearch<SearchDoc>,
    private table: DocTable,
  ) {}

  private get ms(): MiniInternals {
    return internals(this.mini);
  }

  /** Forget cached expansions (after any change to the index). */
  changed(): void {
    this.expCache.clear();
  }

  /** Bytes of the scratch arrays. */
  bytes(): number {
    return this.acc.byteLength + this.hits.byteLength + this.touched.byteLength;
  }

  /** The vocabulary terms `term` matches (exact, prefix, fuzzy), as MiniSearch expands them. */
  expand(term: string, prefix: boolean, maxDist: number): Expansion[] {
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
        out.push({ term: t, data, weight: (SCORING.prefixWeight * t.length) / (t.length + 0.3 * dist) });
      }
    }
    if (maxDist) {
      for (const [t, [data, dist]] of index.fuzzyGet(term, maxDist)) {
        if (!dist || prefixed.has(t)) continue;
        out.push({ term: t, data, weight: (SCORING.fuzzyWeight * t.length) / (t.length + dist) });
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
      const shortDoc = this.table.shortDoc;
      for (const short of postings.keys()) if (short < shortDoc.length && shortDoc[short] >= 0) n++;
      e.live.set(fid, n);
    }
    return n;
  }

  /** Scratch for every doc number of the table (zeroed: each run leaves it zeroed). */
  private scratch(): void {
    const cap = this.table.cap;
    if (this.acc.length === cap) return;
    this.acc = new Float64Array(cap);
    this.hits = new Uint16Array(cap);
    this.touched = new Int32Array(cap);
  }

  /**
   * MiniSearch's AND query over `fields`, scored exactly as MiniSearch scores it (BM25 with its
   * parameters, field boosts, prefix/fuzzy weights, × the number of query words), restricted to
   * the `cand` bitset. Calls `emit` for every match. Words are walked cheapest first; a doc that
   * missed an earlier word is skipped before any work.
   */
  runTier(lookup: LookupWord[], fields: string[], cand: Uint32Array | null, emit: (d: number, score: number) => void): void {
    const ms = this.ms;
    const fieldIds = fields.map((f) => ms._fieldIds[f]);
    const boosts = fields.map((f) => BOOST[f] ?? 1);
    const words = lookup
      .map((w) => ({ ...w, cost: w.exps.reduce((n, e) => n + fieldIds.reduce((k, f) => k + (e.data.get(f)?.size ?? 0), 0), 0) }))
      .sort((a, b) => a.cost - b.cost);
    if (!words.length || words[0].cost === 0) return;
    this.scratch();
    const { acc, hits, touched } = this;
    const { shortDoc, fieldLen } = this.table;
    const { k: K, b: B, d: D } = SCORING;
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
            acc[d] += c * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avgLen)));
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
}
