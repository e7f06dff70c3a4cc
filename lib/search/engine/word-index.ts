/**
 * Words (of the primary text, of author names, of venues) → papers, with the vocabulary sorted
 * for prefix ranges: "papers with a word starting with p" is the union of the sets of the words in
 * p's range, computed on demand and cached until the next change.
 */
import { orInto, SetIndex, type SavedSet } from './doc-sets';

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

/** A word → papers index with sorted-vocabulary prefix sets. */
export class WordIndex {
  readonly sets: SetIndex;
  /** Sorted vocabulary (may still hold removed words, skipped on use) and words added since. */
  private sorted: string[] = [];
  private fresh: string[] = [];
  private cache = new Map<string, Uint32Array>();

  /** `space.words`: the length of every bitset, shared with the other indexes of the engine. */
  constructor(private space: { words: number }) {
    this.sets = new SetIndex(space);
  }

  /** Index doc `d`'s words (all of them in one call; empty words are skipped). */
  addDoc(d: number, words: string[]): void {
    for (const w of words) if (w && this.sets.add(w, d)) this.fresh.push(w);
  }

  /** Remove doc `d` from the sets of its words. */
  deleteDoc(d: number, words: string[]): void {
    for (const w of words) if (w) this.sets.delete(w, d);
  }

  /** Forget cached prefix sets (after any change). */
  changed(): void {
    this.cache.clear();
  }

  /** Papers with exactly this word. */
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

  /** Widen every bitset to `words` 32-bit words. */
  grow(words: number): void {
    this.sets.grow(words);
    this.cache.clear();
  }

  /** The sets as JSON, in vocabulary order (so loading needs no sort). */
  save(): [string, SavedSet][] {
    return this.sets.save(this.vocab());
  }

  /** Read sets saved by {@link save}. */
  load(saved: [string, SavedSet][]): void {
    this.sets.load(saved);
    this.sorted = saved.map(([w]) => w);
    this.fresh = [];
  }

  /** Bytes held by the sets and the cached prefix sets. */
  bytes(): number {
    let b = this.sets.bytes();
    for (const s of this.cache.values()) b += s.byteLength;
    return b;
  }
}
