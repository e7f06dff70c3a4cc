/**
 * CSL-JSON ⇄ Paperdex papers.
 *
 * Owns the mapping between exported papers and CSL-JSON items — the citeproc input format that
 * Zotero ("Export → CSL JSON" / import from clipboard), Pandoc, Mendeley and citeproc-js read and
 * write — in both directions, and the shape validation of untrusted CSL-JSON input.
 * Cite keys, name splitting, the paper-kind guess and the assembly of an imported paper are shared
 * with BibTeX (../bibtex/), so the same library gets the same `id`s in both formats. Pure: no browser APIs, no I/O.
 */
import type { ExportedPaper } from '../export';
import { isPreprintVenue, union } from '../../core/identity';
import { clean } from '../../core/text';
import { citeKeys } from '../bibtex/cite-keys';
import { importedPaper, isoDate, own, readIds, type ImportedPaper } from '../bibtex/imported-paper';
import { displayName, splitDisplayName } from '../bibtex/names';
import { paperKind, type PaperKind } from '../bibtex/paper-kind';

/**
 * A CSL name. Paperdex writes `family` + `given` (+ `suffix`), keeping particles inside `family`
 * ("van Merriënboer") — Zotero imports that as the last name, and citeproc-js re-derives particles
 * from it; single-word names (organisations) are written as `literal`. Reading also accepts the
 * separate particle properties.
 */
export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

/** A CSL date: `date-parts` is `[[year, month?, day?]]`. */
export interface CslDate {
  'date-parts': number[][];
}

/** The CSL-JSON item Paperdex writes (a subset of the CSL 1.0.2 item schema). */
export interface CslItem {
  /** The cite key, identical to the BibTeX key of the same export. */
  id: string;
  /** `article-journal`, `paper-conference`, `article` (preprint), `book`, `chapter`, `thesis`, `report` or `document`. */
  type: string;
  title: string;
  author?: CslName[];
  issued?: CslDate;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  /** "PhD thesis" / "Master's thesis" for theses. */
  genre?: string;
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  abstract?: string;
  /** Keywords and the user's tags, comma-separated (CSL has a single string variable). */
  keyword?: string;
  /** For arXiv preprints: `arXiv:2301.00001` (Zotero's "Archive ID"). */
  number?: string;
  /**
   * The user's note, then (for published papers that also have an arXiv version) a line
   * `arXiv:2301.00001 [cs.LG]`. Zotero shows it as "Extra".
   */
  note?: string;
}

const CSL_TYPES: Record<PaperKind, string> = {
  journal: 'article-journal',
  conference: 'paper-conference',
  // CSL 1.0.2 "article" is the preprint / working-paper type; Zotero maps it to its Preprint item.
  preprint: 'article',
  book: 'book',
  chapter: 'chapter',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  report: 'report',
  other: 'document',
};

function cslName(display: string): CslName | undefined {
  const p = splitDisplayName(display);
  if (!p) return undefined;
  if (!p.given) return { literal: displayName(p) };
  const n: CslName = { family: p.family, given: p.given };
  if (p.suffix) n.suffix = p.suffix;
  return n;
}

function issued(p: ExportedPaper): CslDate | undefined {
  if (typeof p.year !== 'number' || !Number.isInteger(p.year)) return undefined;
  const m = p.date?.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?/);
  // A date that disagrees with the year (sites mix up online/print dates) loses to the year.
  if (m && +m[1] === p.year) return { 'date-parts': [[p.year, +m[2], ...(m[3] ? [+m[3]] : [])]] };
  return { 'date-parts': [[p.year]] };
}

/**
 * The papers as CSL-JSON items (serialise with `JSON.stringify`), in the order given. `id` is the
 * cite key from `citeKeys` (the BibTeX key). Type from `paperKind`: `article-journal`,
 * `paper-conference`, `article` (preprint), `book`, `chapter`, `thesis`, `report`, else `document`.
 * The venue goes to `container-title` (journal, proceedings, book of a chapter) or `publisher`
 * (preprint server, book, thesis, report). arXiv ids: preprints get `publisher: "arXiv"` and
 * `number: "arXiv:<id>"` — what Zotero itself exports — other papers `note: "arXiv:<id> [<category>]"`.
 * The user's tags join `keyword`; the user's note is `note` (before the arXiv line, if any). Reading
 * does not take `note` as the user's note: Zotero's "Extra" holds other data too.
 * A truncated author list is written as the authors known (CSL has no "et al." marker).
 */
export function toCslJson(papers: ExportedPaper[]): CslItem[] {
  const keys = citeKeys(papers);
  return papers.map((p, i) => {
    const kind = paperKind(p);
    const item: CslItem = { id: keys[i], type: CSL_TYPES[kind], title: clean(p.title) };
    const authors = p.authors.map(cslName).filter((n): n is CslName => !!n);
    if (authors.length) item.author = authors;
    const date = issued(p);
    if (date) item.issued = date;
    const venue = p.venue ? clean(p.venue) : undefined;
    const arxiv = p.ids?.arxiv;
    if (kind === 'preprint') {
      if (arxiv) {
        item.publisher = 'arXiv';
        item.number = `arXiv:${arxiv}`;
      } else if (venue) item.publisher = venue;
    } else if (venue) {
      if (kind === 'book' || kind === 'phdthesis' || kind === 'mastersthesis' || kind === 'report') item.publisher = venue;
      else item['container-title'] = venue;
    }
    if (p.volume) item.volume = p.volume;
    if (p.issue) item.issue = p.issue;
    // CSL ranges use a hyphen; processors print the style's dash.
    if (p.pages) item.page = p.pages.replace(/\s*[–—]\s*/, '-');
    if (kind === 'phdthesis') item.genre = 'PhD thesis';
    if (kind === 'mastersthesis') item.genre = "Master's thesis";
    if (p.ids?.doi) item.DOI = p.ids.doi;
    if (p.ids?.pmid) item.PMID = p.ids.pmid;
    if (p.ids?.pmcid) item.PMCID = p.ids.pmcid;
    if (p.url) item.URL = p.url;
    if (p.abstract) item.abstract = clean(p.abstract);
    const kw = (union(p.keywords, p.tags) ?? []).map(clean).filter(Boolean);
    if (kw.length) item.keyword = kw.join(', ');
    const note: string[] = [];
    if (p.note?.trim()) note.push(p.note.trim());
    if (arxiv && kind !== 'preprint') {
      const cat = p.categories?.[0];
      note.push(cat && /^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(cat) ? `arXiv:${arxiv} [${cat}]` : `arXiv:${arxiv}`);
    }
    if (note.length) item.note = note.join('\n');
    return item;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A problem with one item of a CSL-JSON array; `index` is the item's position (-1: the whole value). */
export interface CslError {
  index: number;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// CSL titles may carry citeproc's mini-HTML (<i>, <b>, <sup>, <sub>, <span class="nocase">).
const RICH_TEXT_TAG = /<\/?(?:i|b|sup|sub|sc|span)(?:\s[^<>]*)?>/gi;
const richText = (s: string) => clean(s.replace(RICH_TEXT_TAG, ''));

const PAPER_TYPES: Record<string, string> = {
  'article-journal': 'article',
  'paper-conference': 'inproceedings',
  article: 'preprint',
  chapter: 'incollection',
  report: 'techreport',
  book: 'book',
};

/** A CSL name (object, or a plain string some tools write) as a display name; null if malformed. */
function nameToDisplay(n: unknown): string | null {
  if (typeof n === 'string') return clean(n);
  if (!isObject(n)) return null;
  const str = (k: string) => (typeof n[k] === 'string' ? clean(n[k] as string) : '');
  if (str('literal')) return str('literal');
  const family = [str('non-dropping-particle'), str('family')].filter(Boolean).join(' ');
  const given = [str('given'), str('dropping-particle')].filter(Boolean).join(' ');
  return displayName({ family, given, suffix: str('suffix') || undefined });
}

/** Year and ISO date of a CSL date (`date-parts`, or `raw` / `literal` text, or a bare string). */
function readDate(d: unknown): { year?: number; date?: string } {
  if (typeof d === 'string') return isoDate(d);
  if (!isObject(d)) return {};
  const parts = d['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [y, m, day] = (parts[0] as unknown[]).map((x) =>
      typeof x === 'number' || (typeof x === 'string' && /^\d+$/.test(x)) ? Number(x) : NaN,
    );
    if (!Number.isInteger(y)) return {};
    const pad = (n: number) => String(n).padStart(2, '0');
    const okM = Number.isInteger(m) && m >= 1 && m <= 12;
    const okD = okM && Number.isInteger(day) && day >= 1 && day <= 31;
    return { year: y, date: okM ? `${y}-${pad(m)}${okD ? `-${pad(day)}` : ''}` : undefined };
  }
  for (const k of ['raw', 'literal']) if (typeof d[k] === 'string') return isoDate(d[k] as string);
  return {};
}

// Properties Paperdex reads, with the JSON types the CSL schema allows for them.
const STRING_FIELDS = [
  'type',
  'title',
  'container-title',
  'event-title',
  'publisher',
  'DOI',
  'URL',
  'abstract',
  'note',
  'genre',
  'archive',
  'title-short',
];

/** Validate and convert one item; a string is an error message. */
function readItem(item: unknown): ImportedPaper | string {
  if (!isObject(item)) return 'is not an object';
  for (const k of STRING_FIELDS) if (item[k] !== undefined && typeof item[k] !== 'string') return `has a non-string "${k}"`;
  for (const k of ['id', 'number']) {
    const v = item[k];
    if (v !== undefined && typeof v !== 'string' && typeof v !== 'number') return `has an invalid "${k}" (must be a string or number)`;
  }
  const title = typeof item.title === 'string' ? richText(item.title) : '';
  if (!title) return 'has no title';

  const authors: string[] = [];
  if (item.author !== undefined) {
    if (!Array.isArray(item.author)) return '"author" is not an array';
    for (const [k, n] of item.author.entries()) {
      const d = nameToDisplay(n);
      if (d === null) return `author ${k} is not a name object`;
      if (d) authors.push(d);
    }
  }
  const kwRaw = item.keyword;
  if (kwRaw !== undefined && typeof kwRaw !== 'string' && !(Array.isArray(kwRaw) && kwRaw.every((x) => typeof x === 'string')))
    return '"keyword" is not a string';

  const str = (k: string) => (typeof item[k] === 'string' ? clean(item[k] as string) || undefined : undefined);
  const cslType = str('type') ?? '';
  const { year, date } = readDate(item.issued);
  const publisher = str('publisher');
  let venue = str('container-title') ?? str('event-title');
  if (!venue && ['article', 'report', 'thesis', 'book'].includes(cslType)) venue = publisher;
  const url = str('URL');
  // (not `str`: that collapses the line breaks that separate the note's lines)
  const note = typeof item.note === 'string' ? item.note : undefined;
  // arXiv: Zotero's preprint "Archive ID" (number "arXiv:…"), a note "arXiv:…", then the URL and
  // the DataCite arXiv DOI (readIds).
  const number = item.number === undefined ? undefined : String(item.number);
  const archive = `${publisher ?? ''} ${str('archive') ?? ''}`;
  const ids = readIds(str('DOI'), url, [
    number && (/arxiv/i.test(number) || /arxiv/i.test(archive)) ? number : undefined,
    // (at the start of a line: a note of the user's may mention another paper's id in passing)
    note?.match(/^arxiv:\s*([^\s\]]+)/im)?.[1],
  ]);
  const pmid = str('PMID') ?? (typeof item.PMID === 'number' ? String(item.PMID) : undefined);
  if (pmid && /^\d{1,9}$/.test(pmid)) ids.pmid = pmid;
  const pmcid = str('PMCID');
  if (pmcid && /^PMC\d+$/i.test(pmcid)) ids.pmcid = pmcid.toUpperCase();
  const category = note?.match(/^arxiv:\s*\S+[ \t]*\[([a-z-]+(?:\.[A-Za-z-]+)?)\]/im)?.[1];

  let type = own(PAPER_TYPES, cslType) ?? (cslType || undefined);
  if (cslType === 'thesis') type = /master/i.test(str('genre') ?? '') ? 'mastersthesis' : 'phdthesis';
  if (type === 'article' && venue && isPreprintVenue(venue)) type = 'preprint';

  const kwList = typeof kwRaw === 'string' ? kwRaw.split(/[,;]/) : ((kwRaw as string[] | undefined) ?? []);
  const keywords = [...new Set(kwList.map(clean).filter(Boolean))];

  return importedPaper({
    title,
    authors,
    year,
    date,
    venue,
    volume: str('volume') ?? (typeof item.volume === 'number' ? String(item.volume) : undefined),
    issue: str('issue') ?? (typeof item.issue === 'number' ? String(item.issue) : undefined),
    pages: str('page'),
    abstract: str('abstract'),
    categories: category ? [category] : undefined,
    keywords,
    ids,
    url,
    type,
    citeKey: item.id === undefined ? undefined : String(item.id),
  });
}

/**
 * Read CSL-JSON (already `JSON.parse`d — the caller owns the JSON syntax error). The value must be an
 * array of items; each item must be an object with a non-empty string `title`, an `author` array
 * (if any) of name objects (or strings), and the JSON types the CSL schema gives the properties read
 * here. Unknown properties are ignored. Errors name the item's index (`-1` for a non-array).
 *
 * All or nothing, as `parseBibtex`: when there is any error, `papers` is empty.
 */
export function parseCslJson(value: unknown): { papers: ImportedPaper[]; errors: CslError[] } {
  if (!Array.isArray(value)) return { papers: [], errors: [{ index: -1, message: 'Expected a JSON array of CSL items' }] };
  const papers: ImportedPaper[] = [];
  const errors: CslError[] = [];
  value.forEach((item, index) => {
    const r = readItem(item);
    if (typeof r === 'string')
      errors.push({ index, message: `Item ${index}${isObject(item) && typeof item.id === 'string' ? ` ("${item.id}")` : ''} ${r}` });
    else papers.push(r);
  });
  return errors.length ? { papers: [], errors } : { papers, errors };
}
