/**
 * The paper search engine: a MiniSearch full-text index plus a compact in-memory table of what
 * filters, sorting, facets and phrase checks need, kept in step incrementally (no rebuilds), and
 * serialisable so it is persisted instead of rebuilt.
 *
 * Query plan (chosen by measuring at 100k papers, see README "Search"):
 * - Terms are folded (case, accents) and English stop words dropped; no stemming: prefix matching
 *   already covers the suffixes a user is typing, and stemming makes half-typed words miss.
 * - "Rare" terms go through MiniSearch: title/authors/venue/keywords/categories/tl;dr first, the
 *   abstract only when that finds fewer results than asked for. The last word is a prefix while it
 *   is being typed (earlier words of 4+ letters too); words of 4+ letters forgive one typo, of 6+ letters two.
 * - "Common" terms (in more than 4 % of papers, like "learning" in an ML library) and 1–2 letter
 *   prefixes are too unselective to look up: they are checked against the candidates of the rare
 *   terms, or, when a query has only such terms, by one scan of the compact table.
 */
import MiniSearch from 'minisearch';
import { foldAccents, foldText } from './normalize';
import { isEmptyQuery, type HasFlag, type ParsedQuery } from './query';
import type { PaperRecord } from './types';

/** Bump when the index format or options change: a persisted index of another version is rebuilt. */
export const INDEX_VERSION = 3;

/** Fields indexed by MiniSearch. */
export const SEARCH_FIELDS = ['title', 'authors', 'venue', 'keywords', 'categories', 'tldr', 'abstract'] as const;
const PRIMARY_FIELDS = ['title', 'authors', 'venue', 'keywords', 'categories', 'tldr'];
const BOOST: Record<string, number> = { title: 3, authors: 2.5, venue: 1.2, keywords: 1.2, categories: 1, tldr: 0.8, abstract: 0.5 };

/** Very common English words: matching them would only make queries slow and noisy. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this these to was were will with via we our not can'.split(' '),
);

/** Fold a term for indexing and querying; null drops it. */
export function processTerm(term: string): string | null {
  const t = foldAccents(term.toLowerCase()).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!t || STOP_WORDS.has(t)) return null;
  return t;
}

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

/** Venue name without a trailing/leading year, for facets ("ICLR 2019" → "ICLR"). */
export function venueName(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const s = v.replace(/\b(19|20)\d\d\b/g, '').replace(/[\s,:;–-]+$|^[\s,:;–-]+/g, '').replace(/\s+/g, ' ').trim();
  return s ? s.slice(0, 60) : undefined;
}

function toMeta(p: PaperRecord): DocMeta {
  const text = ' ' + foldText([p.title, p.authors.join(' '), p.venue ?? '', (p.keywords ?? []).join(' '), (p.categories ?? []).join(' '), p.tldr ?? ''].join(' '));
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

function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.split(' ')) {
    const t = w && processTerm(w);
    if (t) out.add(t);
  }
  return out;
}

export type SortOrder = 'relevance' | 'newest' | 'cited';

/** Insert into a sorted array (binary search). */
function insertSorted<T>(arr: T[], x: T, cmp: (a: T, b: T) => number): void {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(x, arr[mid]) < 0) hi = mid;
    else lo = mid + 1;
  }
  arr.splice(lo, 0, x);
}

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
    let lo = 0, hi = k - 1;
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

/** The search index of one library. */
export class PaperIndex {
  private mini: MiniSearch<SearchDoc>;
  private meta = new Map<string, DocMeta>();
  private df = new Map<string, number>();
  /** Newest `updatedAt` indexed: catch-up after a restart reads papers changed since. */
  stamp = 0;

  constructor(mini?: MiniSearch<SearchDoc>) {
    this.mini = mini ?? new MiniSearch<SearchDoc>(miniOptions());
  }

  get size(): number {
    return this.meta.size;
  }

  has(id: string): boolean {
    return this.meta.has(id);
  }

  /** Ids of every indexed paper. */
  ids(): IterableIterator<string> {
    return this.meta.keys();
  }

  private countTerms(m: DocMeta, delta: 1 | -1) {
    for (const t of termsOf(m.text)) {
      const n = (this.df.get(t) ?? 0) + delta;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  /** Add or replace papers (incremental). */
  upsert(papers: PaperRecord[]): void {
    for (const p of papers) {
      const old = this.meta.get(p.id);
      if (old) {
        this.countTerms(old, -1);
        this.mini.discard(p.id);
      }
      const m = toMeta(p);
      this.meta.set(p.id, m);
      this.countTerms(m, 1);
      this.mini.add(toDoc(p));
      if (p.updatedAt > this.stamp) this.stamp = p.updatedAt;
    }
    this.commonCache = undefined;
    // MiniSearch vacuums discarded documents in the background by itself (autoVacuum).
  }

  /** Remove papers (incremental). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const old = this.meta.get(id);
      if (!old) continue;
      this.countTerms(old, -1);
      this.meta.delete(id);
      this.mini.discard(id);
    }
    this.commonCache = undefined;
    this.vocabCache = undefined;
  }

  /** Papers with this term, over the title/authors/venue/keywords/tl;dr fields. */
  docFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  private commonCache: string[] | undefined;

  /** Terms in more than 4 % of papers (only meaningful for large libraries). */
  private commonTerms(): string[] {
    if (!this.commonCache) {
      const min = this.meta.size * 0.04;
      this.commonCache = this.meta.size < 2000 ? [] : [...this.df].filter(([, n]) => n > min).map(([t]) => t);
    }
    return this.commonCache;
  }

  private isCommon(term: string): boolean {
    return this.meta.size >= 2000 && (this.df.get(term) ?? 0) > this.meta.size * 0.04;
  }

  /** A prefix being typed that starts a common word ("learn…") is as unselective as the word. */
  private isCommonPrefix(prefix: string): boolean {
    return this.isCommon(prefix) || this.commonTerms().some((t) => t.startsWith(prefix));
  }

  private filter(q: ParsedQuery, opts: SearchOptions): (m: DocMeta) => boolean {
    const sites = q.sites.map((s) => SITE_ALIASES[s.replace(/[^a-z]/g, '')] ?? s);
    const need = q.has.reduce((f, h) => f | FLAG[h], 0);
    const notNeed = q.notHas.reduce((f, h) => f | FLAG[h], 0);
    const collections = q.collections.map((c) => opts.collectionIdsByName?.get(c) ?? `\u0000${c}`);
    const venueWords = q.venues.map((v) => ' ' + v);
    const authorWords = q.authors.map((a) => a.split(' ').map((w) => ' ' + w));
    return (m) => {
      if (q.yearFrom !== undefined && (m.year === undefined || m.year < q.yearFrom)) return false;
      if (q.yearTo !== undefined && (m.year === undefined || m.year > q.yearTo)) return false;
      if ((m.flags & need) !== need || (m.flags & notNeed) !== 0) return false;
      if (sites.length && !sites.every((s) => m.sites.some((x) => x === s || x.startsWith(s)))) return false;
      if (q.categories.length && !q.categories.every((c) => m.cats.some((x) => x === c || x.startsWith(c + '.')))) return false;
      if (collections.length && !collections.every((c) => m.collections.includes(c))) return false;
      if (authorWords.length && !authorWords.every((ws) => m.authors.some((name) => ws.every((w) => name.includes(w))))) return false;
      if (venueWords.length && !venueWords.every((v) => m.venueKey.includes(v))) return false;
      if (q.phrases.length && !q.phrases.every((ph) => m.text.includes(' ' + ph))) return false;
      if (q.excludes.length && q.excludes.some((x) => m.text.includes(' ' + x) || m.authors.some((a) => a.includes(x)))) return false;
      return true;
    };
  }

  private vocabCache: string[] | undefined;

  /** Sorted vocabulary of the title/authors/venue/keywords/tl;dr fields (rebuilt lazily after changes). */
  private vocab(): string[] {
    this.vocabCache ??= [...this.df.keys()].sort();
    return this.vocabCache;
  }

  /** Whether `term` is a known word (or, for the word being typed, starts one). */
  private known(term: string, asPrefix: boolean): boolean {
    if (this.df.has(term)) return true;
    if (!asPrefix) return false;
    const v = this.vocab();
    let lo = 0, hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    return lo < v.length && v[lo].startsWith(term);
  }

  /** Run a parsed query. */
  search(q: ParsedQuery, opts: SearchOptions = {}): SearchResponse {
    const t0 = performance.now();
    const limit = opts.limit ?? 50;
    const pass = this.filter(q, opts);
    const terms = q.terms.map((t) => processTerm(t)).filter((t): t is string => !!t);
    const last = q.lastIsPrefix ? terms[terms.length - 1] : undefined;
    const prefixes = last ? [last] : [];
    const sort = opts.sort ?? 'relevance';

    // Matches stream into a running top-k and facet counts: no object per match, since a short
    // prefix or a filter alone can match every paper.
    type Row = { id: string; score: number; terms: string[]; m: DocMeta };
    const cmp: (a: Row, b: Row) => number =
      sort === 'newest'
        ? (a, b) => (b.m.year ?? 0) - (a.m.year ?? 0) || b.m.addedAt - a.m.addedAt
        : sort === 'cited'
          ? (a, b) => b.m.citations - a.m.citations || b.score - a.score
          : terms.length === 0
            ? (a, b) => b.m.addedAt - a.m.addedAt
            : (a, b) => b.score - a.score || b.m.citations - a.m.citations;
    const best: Row[] = [];
    let total = 0;
    const facetMetas: DocMeta[] | undefined = opts.facets ? [] : undefined;
    const seen = new Set<string>();
    const accept = (id: string, m: DocMeta, score: number, matched: string[]) => {
      total++;
      facetMetas?.push(m);
      if (best.length === limit) {
        const worst = best[limit - 1];
        const row = { id, score, terms: matched, m };
        if (cmp(row, worst) >= 0) return;
        best.pop();
        insertSorted(best, row, cmp);
      } else insertSorted(best, { id, score, terms: matched, m }, cmp);
    };

    if (terms.length === 0) {
      // Filters alone (or nothing but stop words with filters): list every match.
      if (!isEmptyQuery(q) || q.terms.length === 0) for (const [id, m] of this.meta) if (pass(m)) accept(id, m, 0, []);
    } else {
      // Words too short or too common to look up are checked on candidates instead.
      const scan = terms.filter((t) => (t === last ? t.length <= 2 || this.isCommonPrefix(t) : this.isCommon(t)));
      const lookup = terms.filter((t) => !scan.includes(t));
      const scanOk = (m: DocMeta) => scan.every((t) => m.text.includes(' ' + t));
      if (lookup.length) {
        const lookLast = lookup.includes(last ?? '\u0000') ? last : undefined;
        // Typo tolerance only for words that aren't known words (or starts of one): fuzzy
        // matching every correctly typed word would cost much and add noise.
        const typos = new Set(lookup.filter((t) => t.length >= 4 && !this.known(t, t === lookLast)));
        const run = (fields: string[]) =>
          this.mini.search(lookup.join(' '), {
            fields,
            combineWith: 'AND',
            boost: BOOST,
            // The word being typed is a prefix; earlier words of 4+ letters too ("manif mix").
            prefix: (t: string) => t === lookLast || t.length >= 4,
            // One typo from 4 letters, two from 6 ("modles" → "models" is two edits).
            fuzzy: (t: string) => (typos.has(t) ? (t.length >= 6 ? 0.34 : 0.25) : false),
            maxFuzzy: 2,
          });
        const take = (rs: ReturnType<typeof run>, weight: number) => {
          for (const r of rs) {
            const id = String(r.id);
            if (seen.has(id)) continue;
            const m = this.meta.get(id);
            if (!m || !scanOk(m) || !pass(m)) continue;
            seen.add(id);
            accept(id, m, r.score * weight, r.terms);
          }
        };
        take(run(PRIMARY_FIELDS), 1);
        // The abstract, when the other fields found too little.
        if (total < limit) take(run([...SEARCH_FIELDS]), 0.8);
      } else {
        for (const [id, m] of this.meta) {
          if (!scanOk(m) || !pass(m)) continue;
          // Rank scan matches by where the words are: early in the text (the title) counts most.
          let score = 0;
          for (const t of scan) {
            const at = m.text.indexOf(' ' + t);
            score += at < 100 ? 2 : 1;
          }
          accept(id, m, score + Math.log1p(m.citations) * 0.05, []);
        }
      }
      for (const t of scan) prefixes.push(t);
    }

    return {
      hits: best.map((r) => ({ id: r.id, score: r.score, terms: r.terms })),
      total,
      facets: facetMetas ? this.facetsOf(facetMetas) : undefined,
      prefixes: [...new Set(prefixes)],
      tookMs: performance.now() - t0,
    };
  }

  private facetsOf(ms: DocMeta[]): Facets {
    const count = (f: (m: DocMeta) => (string | undefined)[]) => {
      const c = new Map<string, number>();
      for (const m of ms) for (const k of new Set(f(m))) if (k) c.set(k, (c.get(k) ?? 0) + 1);
      return [...c.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    };
    return {
      year: count((m) => [m.year?.toString()]).sort((a, b) => b[0].localeCompare(a[0])).slice(0, 30),
      venue: count((m) => [m.venue]).slice(0, 12),
      site: count((m) => m.sites),
      category: count((m) => m.cats).slice(0, 12),
    };
  }

  /** Serialise (index + table) for persistence. */
  toJSON(): string {
    return JSON.stringify({ v: INDEX_VERSION, stamp: this.stamp, mini: this.mini, meta: [...this.meta], df: [...this.df] });
  }

  /** Load a serialised index; null when it is of another version or unreadable. */
  static fromJSON(json: string): PaperIndex | null {
    try {
      const o = JSON.parse(json) as { v: number; stamp: number; mini: unknown; meta: [string, DocMeta][]; df: [string, number][] };
      if (o.v !== INDEX_VERSION) return null;
      const idx = new PaperIndex(MiniSearch.loadJS(o.mini as never, miniOptions()));
      idx.meta = new Map(o.meta);
      idx.df = new Map(o.df);
      idx.stamp = o.stamp;
      return idx;
    } catch {
      return null;
    }
  }
}
