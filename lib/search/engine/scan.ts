/**
 * Matches found without the inverted index: every paper of a candidate bitset (filters alone), or
 * of the word-prefix sets of words too common or too short to look up, ranked by where the words
 * are. Both stream into the running top-k and mark the bitset facets are counted on.
 */
import type { DocTable } from './doc-table';
import type { DocCheck } from './filter-plan';
import type { TopK } from './top-k';

/**
 * Every paper of `bits` passing `check` into the top-k (score 0: filters only). By date, newest
 * doc numbers first: they are mostly the papers added last, so the top k fills at once and the
 * rest is rejected by one comparison (oldest first, ties keep the order papers were added in).
 */
export function listAll(
  t: DocTable,
  bits: Uint32Array,
  check: DocCheck,
  top: TopK,
  matched: Uint32Array | undefined,
  newestFirst: boolean,
): void {
  const docs = t.docs;
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
 * (in the first 100 characters, roughly the title) counts double, then citations. The position is
 * looked up only for papers whose best possible score could still enter the top k.
 */
export function rankScan(
  t: DocTable,
  bits: Uint32Array,
  check: DocCheck,
  scan: string[],
  top: TopK,
  matched: Uint32Array | undefined,
): void {
  const { docs, citeScore } = t;
  const needles = scan.map((w) => ' ' + w);
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
      for (const w of needles) score += text.indexOf(w) < 100 ? 2 : 1;
      score += cs;
      if (top.enters(d, score)) top.insert(d, score, 0);
    }
  }
  top.total += total;
}
