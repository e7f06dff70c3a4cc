/**
 * The compact in-memory paper table: what filters, sorting, facets and phrase checks need of each
 * paper ({@link DocMeta}), under a dense doc number (freed numbers are reused), with typed per-doc
 * arrays for the hot loops and the sets of papers per word and per filter value (./doc-sets.ts,
 * ./word-index.ts), all kept in step incrementally. Every bitset shares one capacity.
 */
import { tagKey } from '../../core/fields';
import { foldText } from '../../core/normalize';
import type { HasFlag } from '../query';
import { venueName } from '../../core/terms';
import { SetIndex, type SavedSet } from './doc-sets';
import type { MiniInternals } from './mini-index';
import { WordIndex } from './word-index';
import type { PaperRecord } from '../../core/types';

/** The bit of each has: flag in {@link DocMeta.flags}. */
export const FLAG: Record<HasFlag, number> = { code: 1, abstract: 2, tldr: 4, pdf: 8, note: 16 };
const FLAG_KEYS = ['1', '2', '4', '8', '16'];

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
  /** The user's layer: starred, reading status, tag keys (lib/core/fields.ts `tagKey`). */
  starred?: true;
  status?: string;
  tags?: string[];
}

/** A paper's row of the table. */
export function toMeta(p: PaperRecord): DocMeta {
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
  if (p.note?.trim()) flags |= FLAG.note;
  const tags = [...new Set((p.tags ?? []).map(tagKey).filter(Boolean))];
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
    ...(p.starred ? { starred: true as const } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(tags.length ? { tags } : {}),
  };
}

/** The words of a doc's author names. */
function authorWords(m: DocMeta): string[] {
  return m.authors.length === 1 ? m.authors[0].split(' ') : m.authors.join('').split(' ');
}

/** A table as saved: [id, meta] by doc number (null: a free number), and the named sets. */
export interface SavedTable {
  meta: ([string, DocMeta] | null)[];
  sets: Record<string, [string, SavedSet][]>;
}

/** The paper table of one index. Fields are read directly by the executor's hot loops. */
export class DocTable {
  /** Doc number → meta / id; free numbers are reused. */
  readonly docs: (DocMeta | undefined)[] = [];
  readonly idOf: string[] = [];
  private num = new Map<string, number>();
  private free: number[] = [];
  count = 0;
  /** Capacity in docs (a multiple of 1024) and in 32-bit words; shared by every bitset. */
  cap = 0;
  readonly space = { words: 0 };
  live = new Uint32Array(0);
  /** Per doc number: what ranking compares (typed, so hot loops touch no objects). */
  addedArr = new Float64Array(0);
  yearArr = new Int32Array(0);
  citeArr = new Float64Array(0);
  /** log1p(citations) × 0.05: the citation part of the scan-path score. */
  citeScore = new Float64Array(0);
  /** MiniSearch short id of each doc, and back (-1: none / discarded). */
  docShort = new Int32Array(0);
  shortDoc = new Int32Array(0);
  /** MiniSearch's field lengths (tokens) of each doc, 8 slots a doc: BM25 reads them per posting. */
  fieldLen = new Uint16Array(0);
  /** Words (stop words too) of the primary text, of author names, of venues → papers. */
  readonly text = new WordIndex(this.space);
  readonly authorIdx = new WordIndex(this.space);
  readonly venueIdx = new WordIndex(this.space);
  /** Filter values → papers. */
  readonly years = new SetIndex(this.space);
  readonly flags = new SetIndex(this.space);
  readonly sites = new SetIndex(this.space);
  readonly cats = new SetIndex(this.space);
  readonly colls = new SetIndex(this.space);
  /** The user's layer: `starred` → starred papers; statuses and tag keys → papers. */
  readonly marks = new SetIndex(this.space);
  readonly statuses = new SetIndex(this.space);
  readonly tags = new SetIndex(this.space);
  /** Venue names as facets show them → papers. */
  readonly venueNames = new SetIndex(this.space);

  /** `ms`: the MiniSearch index the doc numbers map to (its short ids and field lengths). */
  constructor(private ms: MiniInternals) {}

  /** The named indexes, as saved. */
  private get indexes(): [string, WordIndex | SetIndex][] {
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
      ['marks', this.marks],
      ['statuses', this.statuses],
      ['tags', this.tags],
    ];
  }

  /** Every set doc `d` with meta `m` is in: its keys, per index. */
  private keysOf(m: DocMeta): [WordIndex | SetIndex, string[]][] {
    return [
      [this.text, m.text.split(' ')],
      [this.authorIdx, authorWords(m)],
      [this.venueIdx, m.venueKey.split(' ')],
      [this.years, m.year === undefined ? [] : [String(m.year)]],
      [this.flags, FLAG_KEYS.filter((f) => m.flags & Number(f))],
      [this.sites, m.sites],
      [this.cats, m.cats],
      [this.colls, m.collections],
      [this.venueNames, m.venue ? [m.venue] : []],
      [this.marks, m.starred ? ['starred'] : []],
      [this.statuses, m.status ? [m.status] : []],
      [this.tags, m.tags ?? []],
    ];
  }

  /** The doc number of paper `id`. */
  numOf(id: string): number | undefined {
    return this.num.get(id);
  }

  /** Ids of every paper in the table. */
  ids(): IterableIterator<string> {
    return this.num.keys();
  }

  /** A doc number for a new paper `id` (a freed one if any), with room for it. */
  allocate(id: string): number {
    const d = this.free.pop() ?? this.docs.length;
    this.ensureCap(d);
    this.num.set(id, d);
    this.count++;
    return d;
  }

  /** Take paper `id` out of the table and free its number; false when it was not in it. */
  release(id: string): boolean {
    const d = this.num.get(id);
    if (d === undefined) return false;
    this.unindex(d);
    this.idOf[d] = '';
    this.num.delete(id);
    this.free.push(d);
    this.count--;
    return true;
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
    for (const [, s] of this.indexes) s.grow(words);
    this.cap = cap;
    this.space.words = words;
  }

  /** Put a paper's meta under doc number `d` into every set and per-doc array. */
  index(d: number, id: string, m: DocMeta): void {
    this.place(d, id, m);
    for (const [s, keys] of this.keysOf(m)) s.addDoc(d, keys);
  }

  /** The per-doc arrays of doc number `d` (what loading a saved table rebuilds; the sets are saved). */
  private place(d: number, id: string, m: DocMeta): void {
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

  /** Take doc number `d` out of every set and per-doc array (its number stays taken). */
  unindex(d: number): void {
    const m = this.docs[d];
    if (!m) return;
    for (const [s, keys] of this.keysOf(m)) s.deleteDoc(d, keys);
    const short = this.docShort[d];
    if (short >= 0) this.shortDoc[short] = -1;
    this.docShort[d] = -1;
    this.live[d >>> 5] &= ~(1 << (d & 31));
    this.docs[d] = undefined;
  }

  /** Forget cached prefix sets (after any change). */
  changed(): void {
    this.text.changed();
    this.authorIdx.changed();
    this.venueIdx.changed();
  }

  /**
   * The table for persistence: rows by doc number and the sets (rebuilding the sets from the rows
   * on load took 1.5 s at 100k papers; decoding them takes a tenth of that).
   */
  save(): SavedTable {
    const meta = Array.from(this.docs, (m, d) => (m ? ([this.idOf[d], m] as [string, DocMeta]) : null));
    const sets = Object.fromEntries(this.indexes.map(([name, s]) => [name, s.save()]));
    return { meta, sets };
  }

  /** Load a table saved by {@link save} into this empty one (its MiniSearch index loaded first). */
  load(o: SavedTable): void {
    this.ensureCap(Math.max(0, o.meta.length - 1));
    o.meta.forEach((e, d) => {
      if (!e) {
        this.idOf[d] = '';
        this.free.push(d);
        return;
      }
      this.num.set(e[0], d);
      this.count++;
      this.place(d, e[0], e[1]);
    });
    this.docs.length = o.meta.length;
    for (const [name, s] of this.indexes) s.load(o.sets[name]);
  }

  /** Bytes held by the sets (with `live`) and by the per-doc typed arrays. */
  bytes(): { sets: number; arrays: number } {
    let sets = this.live.byteLength;
    for (const [, s] of this.indexes) sets += s.bytes();
    const arrays = [this.addedArr, this.yearArr, this.citeArr, this.citeScore, this.docShort, this.shortDoc, this.fieldLen];
    return { sets, arrays: arrays.reduce((n, a) => n + a.byteLength, 0) };
  }
}
