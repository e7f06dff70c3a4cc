/**
 * BibTeX entries → papers: which fields give the title, authors, date, venue and ids, for the entry
 * types and field conventions of Zotero / Better BibTeX, JabRef, Google Scholar, DBLP, arXiv and ACL
 * Anthology exports and of biblatex; `crossref` resolution; the BibTeX name-list syntax ("von Last,
 * Jr, First and …"). Pure.
 */
import { isPreprintVenue } from '../../core/identity';
import { importedPaper, isoDate, readIds, type ImportedPaper } from './imported-paper';
import { decodeLatex, decodeVerbatim } from './latex';
import { displayName } from './names';
import { MONTH_MACROS, type BibError, type RawEntry } from './syntax';

/**
 * Split `value` wherever `separator` (a sticky regex) matches outside braces, trimming the pieces:
 * braces protect "{Barnes and Noble}" from " and " and "{Ford, Inc.}" from ",".
 */
function splitTopLevel(value: string, separator: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < value.length; k++) {
    const c = value[k];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = k;
      const r = separator.exec(value);
      if (r) {
        out.push(value.slice(start, k));
        start = k + r[0].length;
        k = start - 1;
      }
    }
  }
  out.push(value.slice(start));
  return out.map((x) => x.trim());
}

/** The names of an author field, split at top-level " and ". */
const splitAnd = (value: string) => splitTopLevel(value, /\s+and\s+/iy).filter(Boolean);

/** The parts of one BibTeX name, split at top-level commas. */
const splitTopCommas = (value: string) => splitTopLevel(value, /,/y);

/**
 * One BibTeX name ("von Last, Jr, First" / "von Last, First" / "First von Last") in display order.
 * DBLP's homonym numbers ("Jian Sun 0001") are not part of the name.
 */
function bibNameToDisplay(raw: string): string {
  const parts = splitTopCommas(raw).map(decodeLatex);
  let display: string;
  if (parts.length === 1) display = parts[0];
  else if (parts.length === 2) display = displayName({ family: parts[0], given: parts[1] });
  else display = displayName({ family: parts[0], suffix: parts[1], given: parts.slice(2).join(' ') });
  return display.replace(/\s+\d{4}$/, '');
}

/** 1–12 from "jan", "January", "Jan.", "1", "01"; undefined otherwise. */
function monthNumber(s: string): number | undefined {
  const t = s.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const m = +t;
    return m >= 1 && m <= 12 ? m : undefined;
  }
  const k = MONTH_MACROS.indexOf(t.slice(0, 3));
  return k >= 0 && /^[a-z]+\.?$/.test(t) ? k + 1 : undefined;
}

/** Month and day of a month field that carries the day too ("April 14" from `apr # "~14"`, "14 Apr."). */
function monthAndDay(s: string): { month?: number; day?: number } {
  const t = s.trim();
  const m = t.match(/^([A-Za-z]+\.?)\s+(\d{1,2})$/) ?? t.match(/^(\d{1,2})\s+([A-Za-z]+\.?)$/);
  if (!m) return { month: monthNumber(t) };
  const [name, day] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
  const month = monthNumber(name);
  return month ? { month, day: +day } : {};
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function toPaper(e: RawEntry): ImportedPaper | undefined {
  const raw = (name: string) => e.fields.get(name)?.value;
  const text = (name: string) => {
    const v = raw(name);
    return v === undefined ? undefined : decodeLatex(v) || undefined;
  };
  const verb = (name: string) => {
    const v = raw(name);
    return v === undefined ? undefined : decodeVerbatim(v) || undefined;
  };

  let title = text('title');
  if (!title) return undefined;
  const subtitle = text('subtitle');
  if (subtitle) title = `${title}: ${subtitle}`;

  let authorsTruncated = false;
  const authors: string[] = [];
  for (const name of splitAnd(raw('author') ?? '')) {
    if (/^others$/i.test(name)) authorsTruncated = true;
    else {
      const d = bibNameToDisplay(name);
      if (d) authors.push(d);
    }
  }

  // Dates: biblatex `date` (ISO) wins, else year + month (+ day).
  const dateField = text('date');
  let { year, date } = dateField && /^\d{4}/.test(dateField) ? isoDate(dateField) : {};
  if (year === undefined) {
    const y = text('year')?.match(/\d{4}/);
    if (y) {
      year = +y[0];
      const { month: m, day } = monthAndDay(text('month') ?? '');
      const d = raw('day') === undefined ? Number(day) : Number(text('day'));
      if (m) date = Number.isInteger(d) && d >= 1 && d <= 31 ? `${y[0]}-${pad2(m)}-${pad2(d)}` : `${y[0]}-${pad2(m)}`;
    }
  }

  const type = e.type;
  const howpublished = raw('howpublished');
  const howUrl = howpublished && /\\url|^\s*https?:/i.test(howpublished) ? decodeVerbatim(howpublished) : undefined;
  let venue = text('journaltitle') ?? text('journal') ?? text('booktitle');
  if (!venue) {
    if (type === 'book') venue = text('publisher');
    else if (/thesis$/.test(type)) venue = text('school') ?? text('institution');
    else if (type === 'techreport' || type === 'report') venue = text('institution');
    else if (!howUrl) venue = text('howpublished');
    // Zotero writes preprints as @misc{…, publisher = {arXiv}}.
    if (!venue && ['misc', 'unpublished', 'online', 'preprint'].includes(type)) venue = text('publisher');
  }

  const url = verb('url') ?? howUrl;
  // arXiv id: eprint (when the archive is arXiv or unnamed), a Scholar/DBLP-style journal
  // ("arXiv preprint arXiv:1706.03762", "CoRR abs/1706.03762"), then the URL and DOI (readIds).
  const eprint = verb('eprint');
  const archive = text('archiveprefix') ?? text('eprinttype');
  const ids = readIds(verb('doi'), url, [
    eprint && (!archive || /arxiv/i.test(archive)) ? eprint : undefined,
    venue && /arxiv|\bcorr\b/i.test(venue) ? venue : undefined,
  ]);

  const primaryClass = text('primaryclass');
  const keywords = [...new Set((raw('keywords') ?? raw('keyword') ?? '').split(/[,;]/).map(decodeLatex).filter(Boolean))];

  let paperType: string = type;
  if (type === 'conference') paperType = 'inproceedings';
  else if (type === 'article' && venue && isPreprintVenue(venue)) paperType = 'preprint';
  else if (['misc', 'unpublished', 'online', 'electronic', 'preprint', 'www'].includes(type) && ids.arxiv) paperType = 'preprint';

  return importedPaper({
    title,
    authors,
    authorsTruncated,
    year,
    date,
    venue,
    volume: text('volume'),
    issue: text('number') ?? text('issue'),
    // "6000--6010" (decoded to an en dash) is stored as the hyphenated range captures store.
    pages: text('pages')?.replace(/\s*[-–—]+\s*/, '-'),
    abstract: text('abstract'),
    categories: primaryClass ? [primaryClass] : undefined,
    keywords,
    ids,
    url,
    type: paperType,
    // A note on the entry (BibTeX `annote`, biblatex `annotation`; Paperdex writes `annote`) is the
    // user's note. `keywords` stay the paper's keywords, not tags: most files' keywords are the
    // publisher's or the author's, not the user's own labels.
    note: text('annote') ?? text('annotation'),
    citeKey: e.key,
  });
}

// The fields a paper takes from the entry it crossrefs when it lacks them: where and when it
// appeared. Not its identifiers (doi, url, eprint, isbn): a volume's DOI or URL given to every paper
// in it would make them all one paper to Paperdex.
const INHERITED = [
  'booktitle',
  'journal',
  'journaltitle',
  'year',
  'month',
  'day',
  'date',
  'publisher',
  'address',
  'series',
  'volume',
  'organization',
  'school',
  'institution',
];
// Entry types whose parent's title is their booktitle (biblatex's inheritance rule).
const IN_BOOK = new Set(['inproceedings', 'conference', 'incollection', 'inbook', 'inreference']);
// Crossref'd volumes that are not papers themselves.
const VOLUMES = new Set(['proceedings', 'mvproceedings', 'periodical']);

/** `e` with the missing venue and date fields filled in from its crossref parent `parent`. */
function inherit(e: RawEntry, parent: RawEntry): RawEntry {
  const fields = new Map(e.fields);
  for (const name of INHERITED) {
    const v = parent.fields.get(name);
    if (v && !fields.has(name)) fields.set(name, v);
  }
  const title = parent.fields.get('title');
  if (title && IN_BOOK.has(e.type) && !fields.has('booktitle')) fields.set('booktitle', title);
  return { ...e, fields };
}

/**
 * The papers of a file's entries, in file order. A `crossref` is resolved as BibTeX does for the
 * venue and date fields (`inherit`); a crossref'd @proceedings volume is then not a paper of its own
 * and is skipped with a warning, as are entries without a title (valid BibTeX, but not papers
 * Paperdex can keep). Warnings are added to `warnings`.
 */
export function entriesToPapers(entries: RawEntry[], warnings: BibError[]): ImportedPaper[] {
  // Crossref keys are compared case-insensitively, as BibTeX does.
  const byKey = new Map<string, RawEntry>();
  for (const e of entries) if (!byKey.has(e.key.toLowerCase())) byKey.set(e.key.toLowerCase(), e);
  const volumes = new Map<RawEntry, string>();
  const resolved = entries.map((e) => {
    const ref = e.fields.get('crossref')?.value.trim().toLowerCase();
    const parent = ref ? byKey.get(ref) : undefined;
    if (!parent || parent === e) return e;
    if (VOLUMES.has(parent.type) && !volumes.has(parent)) volumes.set(parent, e.key);
    return inherit(e, parent);
  });
  const papers: ImportedPaper[] = [];
  for (const e of resolved) {
    const child = volumes.get(e);
    if (child !== undefined) {
      warnings.push({ line: e.line, message: `Entry '${e.key}' is the @${e.type} volume that '${child}' crossrefs, not a paper; skipped` });
      continue;
    }
    const p = toPaper(e);
    if (p) papers.push(p);
    else warnings.push({ line: e.line, message: `Entry '${e.key}' has no title; skipped` });
  }
  return papers;
}
