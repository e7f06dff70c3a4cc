/**
 * Find authors by name as the user types: a small matcher the popup and side panel run over the
 * library's authors (thousands at most, so a scan is fast and needs no index). Each query word
 * must match a word of the author's name — or of another name one of their linked profiles gave
 * (`otherNames`) — exactly, as a prefix ("r" → "Raghavan"), or with a typo ("manmata" → "Manmatha").
 * Word order, case, accents and punctuation do not matter: "manmatha r" finds "Manmatha, R.".
 * `author:` values are matched when given, else the free words; other filters (year:, venue:, …) are ignored. Pure.
 */
import { foldText, surname } from '../core/normalize';
import { parseQuery } from './query';

/** What the matcher reads of an author. */
export interface MatchableAuthor {
  name: string;
  otherNames?: string[];
  paperIds: readonly unknown[];
}

export interface AuthorMatch<A> {
  author: A;
  score: number;
}

/** Typos allowed in a query word of this length: none below 4 letters, one up to 7, then two. */
function maxTypos(len: number): number {
  return len < 4 ? 0 : len < 8 ? 1 : 2;
}

/** Optimal-string-alignment distance (a swap of neighbours counts as one), or `max + 1` once over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** How well one query word matches one name word: 3 exact, 2 prefix, 1 typo, 0 not at all. */
function wordScore(q: string, w: string): number {
  if (q === w) return 3;
  if (w.startsWith(q)) return 2;
  const typos = maxTypos(q.length);
  if (!typos) return 0;
  if (editDistance(q, w, typos) <= typos) return 1;
  // A typo in a word still being typed: "manmat" → "manmatha".
  if (w.length > q.length && editDistance(q, w.slice(0, q.length), typos) <= typos) return 1;
  return 0;
}

/** Score of a name for the query words: the sum of each word's best match, 0 if any word has none. */
function nameScore(words: string[], name: string): number {
  const nameWords = foldText(name).split(' ').filter(Boolean);
  let total = 0;
  for (const q of words) {
    let best = 0;
    for (const w of nameWords) best = Math.max(best, wordScore(q, w));
    if (!best) return 0;
    total += best;
  }
  return total;
}

/** The words of a query that name an author: its free words and `author:` values. */
export function authorQueryWords(query: string): string[] {
  const q = parseQuery(query);
  // With `author:` values, those name the author and the free words are about the papers.
  const words = (q.authors.length ? q.authors.flatMap((a) => a.split(' ')) : q.terms).filter(Boolean);
  // Initials alone ("r") would list half the library.
  return words.some((w) => w.length > 1) ? words : [];
}

/**
 * Authors matching the query, best first (then most papers collected): `limit` at most, none when
 * the query has no name words.
 */
export function matchAuthors<A extends MatchableAuthor>(authors: readonly A[], query: string, limit = 5): AuthorMatch<A>[] {
  const words = authorQueryWords(query);
  if (!words.length) return [];
  const out: AuthorMatch<A>[] = [];
  for (const author of authors) {
    let score = 0;
    for (const n of [author.name, ...(author.otherNames ?? [])]) score = Math.max(score, nameScore(words, n));
    if (score) out.push({ author, score });
  }
  return out.sort((x, y) => y.score - x.score || y.author.paperIds.length - x.author.paperIds.length).slice(0, limit);
}

/** Orders of the Authors tab. */
export type AuthorSort = 'name' | 'papers' | 'citations' | 'hIndex' | 'lastSeen';

/** What sorting reads of an author: latest reported figures (if any) and when it was last updated. */
export interface SortableAuthor extends MatchableAuthor {
  updatedAt: number;
  reported: readonly { capturedAt: string; citations?: number; hIndex?: number }[];
}

function latest(a: SortableAuthor, k: 'citations' | 'hIndex'): number {
  let best: { capturedAt: string; v: number } | undefined;
  for (const r of a.reported)
    if (r[k] !== undefined && (!best || r.capturedAt > best.capturedAt)) best = { capturedAt: r.capturedAt, v: r[k] };
  return best?.v ?? -1;
}

/** A new array of the authors in `order`: largest figure / most recent first, names A–Z by surname; ties by papers, then name. */
export function sortAuthors<A extends SortableAuthor>(authors: readonly A[], order: AuthorSort): A[] {
  const sortName = new Map(authors.map((a) => [a, `${surname(a.name)} ${foldText(a.name)}`]));
  const byName = (x: A, y: A) => sortName.get(x)!.localeCompare(sortName.get(y)!);
  const byPapers = (x: A, y: A) => y.paperIds.length - x.paperIds.length;
  const key: Record<AuthorSort, (x: A, y: A) => number> = {
    name: byName,
    papers: byPapers,
    citations: (x, y) => latest(y, 'citations') - latest(x, 'citations'),
    hIndex: (x, y) => latest(y, 'hIndex') - latest(x, 'hIndex'),
    lastSeen: (x, y) => y.updatedAt - x.updatedAt,
  };
  return [...authors].sort((x, y) => key[order](x, y) || byPapers(x, y) || byName(x, y));
}
