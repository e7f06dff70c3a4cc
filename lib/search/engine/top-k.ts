/**
 * Keeping the best k of many matches without sorting them all: {@link topK} for arrays and the
 * running {@link TopK} that a query's matches stream into, compared on doc numbers and scores (no
 * object per match: a short prefix or a filter alone can match every paper).
 */

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

/** A row of the running top-k: doc number, score and the tier it came from (for its terms). */
export interface Row {
  d: number;
  score: number;
  tier: number;
}

/** The running top-k of a query, and its exact total. */
export class TopK {
  rows: Row[] = [];
  total = 0;
  /** `cmp` orders two matches by doc number and score: negative when the first ranks higher. */
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
