/**
 * Sets of papers by doc number, the engine's currency for filters, candidates and facets. A set is
 * a bitset (Uint32Array, a bit a paper) once it is larger than that bitset would be, else a plain
 * list of doc numbers (or one number). {@link SetIndex} maps keys (words, filter values) to such
 * sets, maintained per doc, and saves them as JSON (bitsets in base64).
 */

/** A bitset over doc numbers with its population count. */
export class Bits {
  constructor(
    public w: Uint32Array,
    public n = 0,
  ) {}
}

/** A set of doc numbers: one number, a short unsorted list, or (once larger than that) a bitset. */
export type DocSet = number | number[] | Bits;

/** A set as saved: a doc number, a list of them, or a bitset in base64 (little-endian words). */
export type SavedSet = number | number[] | string;

/** Whether bit `d` is set. */
export function hasBit(w: Uint32Array, d: number): boolean {
  return (w[d >>> 5] & (1 << (d & 31))) !== 0;
}

/** Number of bits set in both `a` and `b`. */
export function popcountAnd(a: Uint32Array, b: Uint32Array): number {
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
export function orInto(v: DocSet, out: Uint32Array): void {
  if (typeof v === 'number') out[v >>> 5] |= 1 << (v & 31);
  else if (Array.isArray(v)) for (const d of v) out[d >>> 5] |= 1 << (d & 31);
  else {
    const w = v.w;
    for (let i = 0; i < w.length; i++) out[i] |= w[i];
  }
}

/** `cand` AND `s` (a fresh copy of `s` when there is no `cand` yet). */
export function andInto(cand: Uint32Array | null, s: Uint32Array): Uint32Array {
  if (!cand) return s.slice();
  for (let i = 0; i < cand.length; i++) cand[i] &= s[i];
  return cand;
}

/** `cand` AND NOT `s`; with no `cand` yet, every paper of `all` (copied) not in `s`. */
export function andNotInto(cand: Uint32Array | null, all: Uint32Array, s: Uint32Array): Uint32Array {
  const c = cand ?? all.slice();
  for (let i = 0; i < c.length; i++) c[i] &= ~s[i];
  return c;
}

/**
 * Keys (words, filter values) to sets of doc numbers, maintained per doc. Adding all keys of one
 * doc in a row makes duplicate adds cheap to detect (the doc is already last in the list).
 */
export class SetIndex {
  readonly map = new Map<string, DocSet>();
  /** `space.words`: the length of every bitset, shared with the other indexes of the engine. */
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

  /** Remove doc `d` from the set of `key` (the key goes with its last doc). */
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

  /** Add doc `d` under each of `keys` (all of one doc's keys in one call). */
  addDoc(d: number, keys: string[]): void {
    for (const k of keys) this.add(k, d);
  }

  /** Remove doc `d` from the sets of `keys`. */
  deleteDoc(d: number, keys: string[]): void {
    for (const k of keys) this.delete(k, d);
  }

  /** Papers under `key`. */
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

  /** Read sets saved by {@link save}. */
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
