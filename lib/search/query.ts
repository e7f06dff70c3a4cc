/**
 * The search query language, parsed into free terms and structured filters:
 *   author:"hinton"  year:2019  year:2018..2021  venue:iclr  site:arxiv  cat:cs.LG
 *   has:code  has:abstract  has:tldr  has:pdf  has:note  collection:"reading list"  "exact phrase"  -exclude
 *   is:starred  status:toread|reading|read  tag:"to cite"  (the user's own layer, lib/core/fields.ts USER_FIELDS)
 * Filters combine with free text (AND); a query of filters alone lists every match. Several
 * `status:` values mean any of them (a paper has one status); several `tag:` values, all of them.
 * `-is:`, `-status:` and `-tag:` leave those papers out. Unknown `word:` prefixes are kept as free
 * text. Pure.
 */
import { foldText } from '../core/normalize';
import { READING_STATUSES, tagKey, type ReadingStatus } from '../core/fields';

/** A parsed query. All text is folded (lower-case, accent-free). */
export interface ParsedQuery {
  /** Free-text terms, in order. */
  terms: string[];
  /** Whether the last free term is still being typed (no trailing space): match it as a prefix. */
  lastIsPrefix: boolean;
  /** "exact phrases". */
  phrases: string[];
  /** -excluded words or phrases. */
  excludes: string[];
  authors: string[];
  venues: string[];
  sites: string[];
  categories: string[];
  collections: string[];
  has: HasFlag[];
  notHas: HasFlag[];
  /** `is:starred` (true) / `-is:starred` (false). */
  starred?: boolean;
  /** `status:` values: papers with any of these statuses. */
  statuses: ReadingStatus[];
  /** `-status:` values: papers with none of these statuses. */
  notStatuses: ReadingStatus[];
  /** `tag:` values (tag keys, lib/core/fields.ts `tagKey`): papers with every one of these tags. */
  tags: string[];
  /** `-tag:` values: papers with none of these tags. */
  notTags: string[];
  /** Inclusive year range. */
  yearFrom?: number;
  yearTo?: number;
  /** Problems to show the user ("year:abc is not a year"). The rest of the query still runs. */
  warnings: QueryWarning[];
}

/**
 * A problem with one filter of the query, as data: the parser runs where there is no
 * `browser.i18n` (the search host, its worker), so the UI words it in the user's language
 * (components/use-search.ts `warningText`). `value` is the filter's value as typed; `allowed`, the
 * values the filter knows (query syntax, never translated).
 */
export interface QueryWarning {
  code: 'has' | 'is' | 'status' | 'year';
  value: string;
  allowed?: readonly string[];
}

export type HasFlag = 'code' | 'abstract' | 'tldr' | 'pdf' | 'note';
const HAS: HasFlag[] = ['code', 'abstract', 'tldr', 'pdf', 'note'];
const FIELDS = ['author', 'au', 'year', 'venue', 'site', 'cat', 'category', 'has', 'collection', 'in', 'is', 'status', 'tag'] as const;

/** `status:` spellings: "toread", "to-read", "to_read", "unread" → toread; "done" / "finished" → read. */
function readingStatus(value: string): ReadingStatus | undefined {
  const v = value.toLowerCase().replace(/[^a-z]/g, '');
  const alias: Record<string, ReadingStatus> = { unread: 'toread', later: 'toread', done: 'read', finished: 'read' };
  return (READING_STATUSES as readonly string[]).includes(v) ? (v as ReadingStatus) : alias[v];
}

/** Split into tokens, honouring "quoted phrases" and field:"quoted values". */
function tokenize(q: string): { neg: boolean; field?: string; value: string; quoted: boolean }[] {
  const out: { neg: boolean; field?: string; value: string; quoted: boolean }[] = [];
  const re = /(-)?(?:([a-zA-Z]+):)?(?:"([^"]*)"?|(\S+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    const field = m[2]?.toLowerCase();
    if (field && !(FIELDS as readonly string[]).includes(field)) {
      // Not a filter: keep "foo:bar" as free text.
      out.push({ neg: !!m[1], value: `${m[2]}:${m[3] ?? m[4] ?? ''}`, quoted: false });
      continue;
    }
    out.push({ neg: !!m[1], field, value: m[3] ?? m[4] ?? '', quoted: m[3] !== undefined });
  }
  return out;
}

/** Parse a query string. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = {
    terms: [],
    lastIsPrefix: false,
    phrases: [],
    excludes: [],
    authors: [],
    venues: [],
    sites: [],
    categories: [],
    collections: [],
    has: [],
    notHas: [],
    statuses: [],
    notStatuses: [],
    tags: [],
    notTags: [],
    warnings: [],
  };
  const tokens = tokenize(input.slice(0, 1000));
  let lastWasFreeTerm = false;
  for (const t of tokens) {
    lastWasFreeTerm = false;
    const value = t.value.trim();
    if (!t.field) {
      const folded = foldText(value);
      if (!folded) continue;
      if (t.neg) q.excludes.push(folded);
      else if (t.quoted) q.phrases.push(folded);
      else {
        q.terms.push(...folded.split(' '));
        lastWasFreeTerm = true;
      }
      continue;
    }
    switch (t.field) {
      case 'author':
      case 'au':
        if (foldText(value)) (t.neg ? q.excludes : q.authors).push(foldText(value));
        break;
      case 'venue':
        if (foldText(value)) q.venues.push(foldText(value));
        break;
      case 'site':
        if (value) q.sites.push(value.toLowerCase());
        break;
      case 'cat':
      case 'category':
        if (value) q.categories.push(value.toLowerCase());
        break;
      case 'collection':
      case 'in':
        if (value) q.collections.push(value.toLowerCase());
        break;
      case 'has': {
        const v = value.toLowerCase() as HasFlag;
        if (HAS.includes(v)) (t.neg ? q.notHas : q.has).push(v);
        else if (value) q.warnings.push({ code: 'has', value, allowed: HAS });
        break;
      }
      case 'is': {
        const v = value.toLowerCase();
        if (v === 'starred' || v === 'star') q.starred = !t.neg;
        else if (value) q.warnings.push({ code: 'is', value });
        break;
      }
      case 'status': {
        const s = readingStatus(value);
        if (s) (t.neg ? q.notStatuses : q.statuses).push(s);
        else if (value) q.warnings.push({ code: 'status', value, allowed: READING_STATUSES });
        break;
      }
      case 'tag': {
        const k = tagKey(value);
        if (k) (t.neg ? q.notTags : q.tags).push(k);
        break;
      }
      case 'year': {
        const m = value.match(/^(\d{4})?(?:\s*(\.\.|-)\s*(\d{4})?)?$/);
        if (!m || (!m[1] && !m[3])) {
          if (value) q.warnings.push({ code: 'year', value });
          break;
        }
        const from = m[1] ? Number(m[1]) : undefined;
        const to = m[2] ? (m[3] ? Number(m[3]) : undefined) : from;
        if (from !== undefined) q.yearFrom = Math.max(q.yearFrom ?? -Infinity, from);
        if (to !== undefined) q.yearTo = Math.min(q.yearTo ?? Infinity, to);
        break;
      }
    }
  }
  q.lastIsPrefix = lastWasFreeTerm && !/\s$/.test(input);
  return q;
}

/** True when the query has filters beyond free text. */
export function hasFilters(q: ParsedQuery): boolean {
  return !!(
    q.phrases.length ||
    q.excludes.length ||
    q.authors.length ||
    q.venues.length ||
    q.sites.length ||
    q.categories.length ||
    q.collections.length ||
    q.has.length ||
    q.notHas.length ||
    q.starred !== undefined ||
    q.statuses.length ||
    q.notStatuses.length ||
    q.tags.length ||
    q.notTags.length ||
    q.yearFrom !== undefined ||
    q.yearTo !== undefined
  );
}

/** True when there is nothing to search for. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && !hasFilters(q);
}

/** The query syntax, for the help tooltip. */
export const QUERY_HELP: [string, string][] = [
  ['diffusion models', 'all words, in any field; the last word as a prefix; small typos forgiven'],
  ['"exact phrase"', 'these words together'],
  ['-survey', 'leave out papers with this word'],
  ['author:"hinton"', 'by an author'],
  ['year:2019  year:2018..2021', 'a year or a range'],
  ['venue:iclr', 'published at a venue'],
  ['site:arxiv', 'seen on a site (scholar, arxiv, openreview, dblp, s2, acl)'],
  ['cat:cs.LG', 'in a category'],
  ['has:code  has:abstract', 'with code, an abstract, a tl;dr or a PDF'],
  ['collection:"reading list"', 'in a collection'],
  ['is:starred', 'papers you starred'],
  ['status:toread', 'by your reading status (toread, reading, read)'],
  ['tag:"to cite"', 'with one of your tags'],
  ['has:note', 'with a note of yours (note words are searched too)'],
];
