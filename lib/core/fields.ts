/**
 * The one list of the fields that describe a paper, its ids, an author and an author's metrics.
 * Each field says, once: its schema in a capture message and in an export file (lib/core/schema-kit.ts),
 * whether it is optional, what it means (the JSON Schema's description), whether the export writes
 * it and how two values merge (lib/core/identity.ts). The message schemas (lib/core/scraped-schema.ts),
 * the export format (lib/core/export-schema.ts), the stored records (lib/core/record-schema.ts), the
 * export pick list, the importer and the merge all read these tables, so a new optional paper field
 * is one line in {@link PAPER_FIELDS} (plus its tests and UI).
 */
import * as v from 'valibot';
import { describeValue, file, MAX_ID, MAX_TEXT, msg, stripControls } from './schema-kit';

/**
 * How two values of a field merge (lib/core/identity.ts `mergePaper`): `keep` the library's value
 * unless it has none; `newest` the incoming value unless it has none; `richer` text (complete over
 * cut, then longer); `union` of lists; `custom`: merged by hand in identity.ts.
 */
export type MergeRule = 'keep' | 'newest' | 'richer' | 'union' | 'custom';

/** The kind of a field's value (`url`: an http(s) link), and its two schemas. */
interface Kind<M extends v.GenericSchema, F extends v.GenericSchema> {
  readonly type: 'text' | 'texts' | 'count' | 'year' | 'bool' | 'url' | 'counts' | 'shape' | 'status' | 'timestamp' | 'history';
  readonly message: M;
  readonly file: F;
}

/** A field of a table. */
export interface Field<
  M extends v.GenericSchema = v.GenericSchema,
  F extends v.GenericSchema = v.GenericSchema,
  O extends boolean = boolean,
> extends Kind<M, F> {
  readonly optional: O;
  /** What it means (the JSON Schema's description). */
  readonly doc: string;
  /** Written to (and read from) `paperdex/collection` files. */
  readonly exported: boolean;
  readonly merge: MergeRule;
  /** The file schema is a named definition of the JSON Schema (a `$ref`), described there. */
  readonly named: boolean;
}

/** A table of fields. */
export type Table = Record<string, Field>;
interface FieldOptions {
  exported?: boolean;
  merge?: MergeRule;
  named?: boolean;
}

function field<M extends v.GenericSchema, F extends v.GenericSchema, O extends boolean>(
  kind: Kind<M, F>,
  optional: O,
  doc: string,
  o: FieldOptions = {},
): Field<M, F, O> {
  return { ...kind, optional, doc, exported: o.exported ?? true, merge: o.merge ?? 'keep', named: o.named ?? false };
}
const req = <M extends v.GenericSchema, F extends v.GenericSchema>(k: Kind<M, F>, doc: string, o?: FieldOptions) => field(k, false, doc, o);
const opt = <M extends v.GenericSchema, F extends v.GenericSchema>(k: Kind<M, F>, doc: string, o?: FieldOptions) => field(k, true, doc, o);

// Kinds of value, each with its message bounds (what a page plausibly shows) and file bounds.
const kind = {
  text: (msgMax: number, fileMax = MAX_TEXT) => ({ type: 'text', message: msg.text(msgMax), file: file.text(fileMax) }) as const,
  nonBlank: (msgMax = MAX_TEXT, fileMax = MAX_TEXT) =>
    ({ type: 'text', message: msg.nonBlank(msgMax), file: file.nonBlank(fileMax) }) as const,
  texts: (msgItem: number, msgMax: number, fileMax = 10_000) =>
    ({ type: 'texts', message: msg.texts(msgItem, msgMax), file: file.texts(MAX_TEXT, fileMax) }) as const,
  count: () => ({ type: 'count', message: msg.count(), file: file.count() }) as const,
  year: () => ({ type: 'year', message: msg.year(), file: file.year() }) as const,
  bool: () => ({ type: 'bool', message: msg.bool(), file: file.bool() }) as const,
  url: () => ({ type: 'url', message: msg.url(), file: file.url() }) as const,
  counts: () => ({ type: 'counts', message: msg.counts(), file: file.counts() }) as const,
  /** A nested object described by a table of its own. */
  shape: <T extends Table>(t: T) => ({ type: 'shape', message: v.object(messageEntries(t)), file: file.obj(fileEntries(t)) }) as const,
};

// ---------------------------------------------------------------------------------------------
// Entries of valibot objects built from a table

type Entry<S extends v.GenericSchema, O> = O extends true ? v.OptionalSchema<S, undefined> : S;
/** Keys of a table's exported fields. */
export type ExportedKeys<T extends Table> = { [K in keyof T]: T[K]['exported'] extends false ? never : K }[keyof T];
/** The message-schema entries of a table. */
export type MessageEntries<T extends Table> = { [K in keyof T]: Entry<T[K]['message'], T[K]['optional']> };
/** The file-schema entries of a table. */
export type FileEntries<T extends Table> = { [K in keyof T]: Entry<T[K]['file'], T[K]['optional']> };

/** `{ field: schema }` for the message schema of a table (optional fields wrapped in `v.optional`). */
export function messageEntries<T extends Table>(t: T): MessageEntries<T> {
  const out: Record<string, v.GenericSchema> = {};
  for (const [k, f] of Object.entries(t)) out[k] = f.optional ? v.optional(f.message) : f.message;
  return out as MessageEntries<T>;
}

/** `{ field: schema }` for the file schema of a table, with each field's description. */
export function fileEntries<T extends Table>(t: T): FileEntries<T> {
  const out: Record<string, v.GenericSchema> = {};
  for (const [k, f] of Object.entries(t)) {
    // (A description in a pipe would make the JSON Schema inline a named definition.)
    const s = f.named ? f.file : v.pipe(f.file, v.description(f.doc));
    out[k] = f.optional ? v.optional(s) : s;
  }
  return out as FileEntries<T>;
}

/** The file-schema entries of a table's exported fields. */
export function exportedEntries<T extends Table>(t: T): Pick<FileEntries<T>, ExportedKeys<T>> {
  const all = fileEntries(t) as Record<string, v.GenericSchema>;
  const out: Record<string, v.GenericSchema> = {};
  for (const [k, f] of Object.entries(t)) if (f.exported) out[k] = all[k];
  return out as Pick<FileEntries<T>, ExportedKeys<T>>;
}

/** The names of a table's fields, in table order. */
export const fieldNames = <T extends Table>(t: T) => Object.keys(t) as (keyof T & string)[];

// ---------------------------------------------------------------------------------------------
// The tables. Order matters: valibot writes an object's keys in table order, and the export
// writes a paper's fields in this order.

/** Strong identifiers of a paper. All optional; never invented. */
export const PAPER_ID_FIELDS = {
  doi: opt(kind.text(500, MAX_ID), 'DOI, lower-cased, without the https://doi.org/ prefix, e.g. 10.1145/3292500.3330701.'),
  arxiv: opt(kind.text(100, MAX_ID), 'Version-free arXiv id, e.g. 2301.00001 or hep-th/9901001.'),
  openreview: opt(kind.text(200, MAX_ID), 'OpenReview forum id.'),
  dblp: opt(kind.text(500, MAX_ID), 'DBLP record key, e.g. conf/kdd/SmithJ19.'),
  s2: opt(kind.text(200, MAX_ID), 'Semantic Scholar paper id (40-hex sha or CorpusId:N).'),
  scholar: opt(kind.text(200, MAX_ID), 'Google Scholar cluster id (decimal, from cites=/cluster=), else the profile citation id.'),
  acl: opt(kind.text(200, MAX_ID), 'ACL Anthology id, e.g. 2020.acl-main.1.'),
  pmid: opt(kind.text(20, MAX_ID), 'PubMed id (PMID), e.g. 36516211.'),
  pmcid: opt(kind.text(20, MAX_ID), 'PubMed Central id, e.g. PMC9816082.'),
};

const PAPER_IDS = kind.shape(PAPER_ID_FIELDS);
/** The file schema of a paper's ids (a named definition of the JSON Schema). */
export const PaperIdsFileSchema = v.pipe(PAPER_IDS.file, v.description('Strong identifiers of the paper; each optional, never invented.'));

/** The fields that describe a paper, as a page shows it and as the library keeps it. */
export const PAPER_FIELDS = {
  title: req(kind.nonBlank(), 'Title.', { merge: 'custom' }),
  authors: req(kind.texts(1000, 5000, 100_000), 'Author display names in page order (may be empty).', { merge: 'custom' }),
  authorsTruncated: opt(kind.bool(), 'The best author list seen was cut short ("…", "et al."). Omitted when false.', {
    merge: 'custom',
  }),
  year: opt(kind.year(), 'Publication year.'),
  date: opt(kind.text(40, 100), 'Publication date, YYYY-MM-DD or YYYY-MM.'),
  venue: opt(kind.text(2000), 'Journal, conference or preprint server.', { merge: 'custom' }),
  venueTruncated: opt(kind.bool(), 'The venue name was cut short where it was read ("IEEE Transactions on …"). Omitted when false.', {
    merge: 'custom',
  }),
  volume: opt(kind.text(100, 1000), 'Volume, as printed (e.g. 140).'),
  issue: opt(kind.text(100, 1000), 'Issue or number, as printed (e.g. 2, Suppl 1).'),
  pages: opt(kind.text(100, 1000), 'Pages or article number, e.g. 201-209 or e0213978.'),
  abstract: opt(kind.text(MAX_TEXT), 'Abstract.', { merge: 'richer' }),
  tldr: opt(kind.text(20_000), 'One-sentence summary (Semantic Scholar TL;DR).'),
  categories: opt(kind.texts(200, 100), 'Subject categories, e.g. arXiv cs.LG.', { merge: 'union' }),
  keywords: opt(kind.texts(500, 200), 'Keywords.', { merge: 'union' }),
  citations: opt(kind.count(), 'Latest citation count seen.', { merge: 'newest' }),
  ids: opt({ ...PAPER_IDS, file: PaperIdsFileSchema }, 'Strong identifiers.', {
    merge: 'custom',
    named: true,
  }),
  url: opt(kind.url(), 'Landing page of the paper.'),
  pdfUrl: opt(kind.url(), 'PDF.'),
  codeUrl: opt(kind.url(), 'Code repository.'),
  hasCode: opt(kind.bool(), 'The page flags that code is available ("Code" badge) even without a link.', {
    exported: false,
    merge: 'custom',
  }),
  type: opt(kind.text(100, 1000), 'Publication type when a site says (article, inproceedings, preprint, …).'),
};

/** The window of recent metrics an author page shows ("Since 2019"). */
const SINCE_FIELDS = {
  year: req(kind.year(), 'First year of the window.'),
  citations: opt(kind.count(), 'Citations since that year.'),
  hIndex: opt(kind.count(), 'h-index since that year.'),
  i10Index: opt(kind.count(), 'i10-index since that year.'),
};

/** Metrics a site reports for an author. Unknown labelled numbers go to `other`. */
export const METRIC_FIELDS = {
  citations: opt(kind.count(), 'Total citations.'),
  hIndex: opt(kind.count(), 'h-index.'),
  i10Index: opt(kind.count(), 'i10-index.'),
  papers: opt(kind.count(), 'Number of papers.'),
  since: opt(kind.shape(SINCE_FIELDS), 'Metrics for a recent window ("Since 2019").'),
  citationsPerYear: opt(kind.counts(), 'Citations per year, keyed by year.'),
  other: opt(kind.counts(), 'Other labelled numbers the site shows.'),
};

/** The fields that describe an author, as their page shows them and as the library keeps them. */
export const AUTHOR_FIELDS = {
  name: req(kind.nonBlank(1000), 'Name.'),
  affiliation: opt(kind.text(2000), 'Affiliation.'),
  interests: opt(kind.texts(500, 200), 'Research interests.'),
  homepage: opt(kind.url(), 'Homepage.'),
};

// ---------------------------------------------------------------------------------------------
// The user's own layer: what the user says about a paper (star, reading status, tags, a note).
// Kept on the paper record and exported, but never part of a capture: these kinds have no message
// schema, lib/core/scraped-schema.ts never reads USER_FIELDS, and a capture merge
// (lib/core/identity.ts `mergePaper`) keeps the stored values. Written only by lib/store/user-layer.ts
// and merged on import by `mergeUserLayer` (lib/core/identity.ts).

/** Most tags on one paper. */
export const MAX_TAGS = 100;
/** Longest tag, in characters. */
export const MAX_TAG_LENGTH = 100;
/** Longest note, in characters (plain text). */
export const MAX_NOTE = 50_000;
/** Most earlier notes kept per paper. */
export const MAX_NOTE_HISTORY = 20;
/** Reading statuses, in reading order (absent: no status). */
export const READING_STATUSES = ['toread', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** A page can never send a user field: the message schema of every user kind accepts nothing. */
const NO_MESSAGE = v.never();
const userKind = {
  bool: () => ({ type: 'bool', message: NO_MESSAGE, file: file.bool() }) as const,
  status: () =>
    ({
      type: 'status',
      message: NO_MESSAGE,
      file: v.picklist(
        READING_STATUSES,
        (i) => `expected one of ${READING_STATUSES.map((x) => `"${x}"`).join(', ')}, got ${describeValue(i.input)}`,
      ),
    }) as const,
  tags: () => ({ type: 'texts', message: NO_MESSAGE, file: file.texts(MAX_TAG_LENGTH, MAX_TAGS) }) as const,
  note: () => ({ type: 'text', message: NO_MESSAGE, file: file.text(MAX_NOTE) }) as const,
  timestamp: () => ({ type: 'timestamp', message: NO_MESSAGE, file: file.timestamp() }) as const,
  history: () =>
    ({
      type: 'history',
      message: NO_MESSAGE,
      file: file.list(
        file.obj({
          note: v.pipe(file.text(MAX_NOTE), v.description('The note as it was.')),
          at: v.pipe(file.timestamp(), v.description('When it was written (ISO 8601), as far as Paperdex knows.')),
        }),
        MAX_NOTE_HISTORY,
      ),
    }) as const,
};

/**
 * The user's own fields of a paper (optional additions to Paperdex JSON v1). Merged on import by
 * `mergeUserLayer` (rules in its comment), so every rule here is `custom`.
 */
export const USER_FIELDS = {
  starred: opt(userKind.bool(), 'The user starred the paper. Omitted when not starred.', { merge: 'custom' }),
  status: opt(userKind.status(), 'Reading status the user set: "toread", "reading" or "read". Omitted when none.', { merge: 'custom' }),
  tags: opt(
    userKind.tags(),
    `The user's tags, as typed (unique ignoring case; no commas, semicolons or double quotes; at most ${MAX_TAGS}).`,
    { merge: 'custom' },
  ),
  note: opt(userKind.note(), "The user's note (plain text).", { merge: 'custom' }),
  noteHistory: opt(userKind.history(), 'Earlier notes that an import replaced with a newer one, oldest first (so no note is ever lost).', {
    merge: 'custom',
  }),
  userUpdatedAt: opt(
    userKind.timestamp(),
    'When the user last changed the star, status, tags or note (ISO 8601); an import keeps the newer star, status and note.',
    { merge: 'custom' },
  ),
};

/** The user's layer of a paper: the {@link USER_FIELDS} a record or an exported paper may carry. */
export interface UserLayer {
  starred?: boolean;
  status?: ReadingStatus;
  tags?: string[];
  note?: string;
  noteHistory?: { note: string; at: string }[];
  userUpdatedAt?: string;
}

/** True for a reading status Paperdex knows. */
export const isReadingStatus = (s: unknown): s is ReadingStatus => (READING_STATUSES as readonly unknown[]).includes(s);

/**
 * A tag as stored: control characters dropped, `,` `;` `"` (the separators of BibTeX keywords,
 * CSV lists and the query language) turned into spaces, whitespace collapsed, trimmed and cut to
 * {@link MAX_TAG_LENGTH} characters.
 */
export function cleanTag(s: string): string {
  return stripControls(s.normalize('NFC'))
    .replace(/[,;"\u201c\u201d]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TAG_LENGTH)
    .trim();
}

/** The key tags are compared by: two tags with the same key are one tag. */
export const tagKey = (s: string): string => cleanTag(s).toLowerCase();

/** Tags cleaned ({@link cleanTag}), unique by {@link tagKey} (first spelling wins), blanks dropped, at most {@link MAX_TAGS}. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tags) {
    const c = cleanTag(t);
    const k = c.toLowerCase();
    if (!c || seen.has(k)) continue;
    seen.add(k);
    out.push(c);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

/** A note as stored: control characters but tab and line breaks dropped, CRLF as LF, trailing space trimmed, at most {@link MAX_NOTE} characters. */
export function cleanNote(s: string): string {
  return stripControls(s).replace(/\r\n?/g, '\n').slice(0, MAX_NOTE).trimEnd();
}
