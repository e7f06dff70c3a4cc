/**
 * Importing files into the library: a Paperdex export (`paperdex/collection`, lib/interchange/export.ts), a
 * CSL-JSON file or a BibTeX file.
 *
 * Two steps, so that the UI can show what a file holds before anything is written:
 *  - `parseImportFile(name, text)` recognises the kind of file by its content, validates all of it
 *    and returns a `ParsedImport`, or throws an `ImportError` naming what is wrong and where. A file
 *    is taken whole or not at all: nothing is written for a file with any error.
 *  - `importParsed(db, parsed)` writes it, in chunks of papers (one Dexie transaction each), with
 *    progress and cancellation between chunks.
 *
 * Identity is the capture's (lib/core/identity.ts): strong ids first, then title + year ±1 + first
 * author; conflicting strong ids never merge. So importing never duplicates a paper the library
 * has: it merges into it (richer fields win, sources are united). Two papers of one Paperdex export
 * are never merged into one new paper (the exporting library told them apart), which makes
 * export → import into an empty library → export reproduce the file (apart from `exportedAt`).
 */
import { authorIdFor, newPaper } from '../../store/capture';
import { freeName } from '../../store/collections';
import type { PaperdexDB } from '../../store/db';
import type { ExportedAuthor, ExportedPaper } from '../export';
import { ALL_PAPERS } from '../export';
import { parseBibtex, type ImportedPaper } from '../bibtex/bibtex';
import { parseCslJson } from '../csl-json/csl-json';
import { canonicalIds, hash64, idKeys, idsConflict, mergePaper, paperIdFor, sameByTitle, union } from '../../core/identity';
import { FORMAT, describeIssue, isCollectionName, isHttpUrl, paperFieldsV1, validateExport, type CurrentExport } from './import-schema';
import { nameKey, titleKey } from '../../core/normalize';
import type { AuthorRecord, PaperRecord, PaperSource, ReportedSnapshot, ScrapedPaper } from '../../core/types';
import * as v from 'valibot';

// ---------------------------------------------------------------------------------------------
// Shapes

/** A file that cannot be imported. `where` locates the problem: `papers[12].title`, `line 40`. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The kinds of file Paperdex imports. */
export type ImportKind = 'paperdex' | 'csl-json' | 'bibtex';

/**
 * A paper of an import file: an exported paper (Paperdex files), or a paper read from BibTeX /
 * CSL-JSON, which has no id and no sources.
 */
export type IncomingPaper = Omit<ExportedPaper, 'id' | 'sources'> & {
  /** The paper's id in the file (Paperdex exports). */
  id?: string;
  sources?: PaperSource[];
  hasCode?: boolean;
};

/** An author of a Paperdex export. */
export type IncomingAuthor = ExportedAuthor;

/** A collection to create (or add to). Without `paperIds`, it holds every paper of the file. */
export interface IncomingCollection {
  name: string;
  /** Ids (as in the file) of its papers; absent: all the file's papers. */
  paperIds?: string[];
  /** Its id in the file: kept when free; a library collection with this id is the same collection. */
  id?: string;
  /** ISO date-time it was created (kept for a new collection). */
  createdAt?: string;
}

/** A validated import file, ready for {@link importParsed}. */
export interface ParsedImport {
  kind: ImportKind;
  papers: IncomingPaper[];
  /** Paperdex exports only. */
  authors?: IncomingAuthor[];
  collections: IncomingCollection[];
  /** Number of papers. */
  count: number;
  /** Non-fatal findings (BibTeX entries without a title, references to papers not in the file). */
  warnings?: string[];
}

/** What {@link importParsed} did. `papersNew + papersMerged` = papers imported (all, unless cancelled). */
export interface ImportSummary {
  /** Papers added to the library. */
  papersNew: number;
  /** Papers of the file merged into a paper the library (or an earlier paper of the file) had. */
  papersMerged: number;
  authorsNew: number;
  authorsMerged: number;
  /** Collections created or added to. */
  collections: { id: string; name: string }[];
  /** Every library paper the import created or merged into (for re-indexing). */
  paperIds: string[];
  /** The signal was aborted: only the chunks before it were written. */
  cancelled: boolean;
}

export interface ImportOptions {
  /** Called after each chunk: papers done so far, papers in the file. */
  onProgress?(done: number, total: number): void;
  /** Checked between chunks; a chunk is never cut in half. */
  signal?: AbortSignal;
  /** Papers per transaction (default 1000). */
  chunkSize?: number;
  /** Time of the import (`addedAt` / `updatedAt`). */
  now?: Date;
}

// ---------------------------------------------------------------------------------------------
// Reading files

/** Largest file accepted, in MB (of text, counted in UTF-16 code units). */
export const MAX_IMPORT_MB = 50;
export const MAX_IMPORT_CHARS = MAX_IMPORT_MB * 1024 * 1024;

const BIBTEX_ENTRY = /(^|[^\w.+-])@[A-Za-z]+\s*[{(]/;

/**
 * Read an import file: detect its kind by content (a JSON object with `format`
 * "paperdex/collection" → Paperdex export; a JSON array, a CSL item or an object of CSL items →
 * CSL-JSON; text with `@article{`-style entries → BibTeX; else by extension), validate all of it,
 * and return the papers (and authors, collections) to import. Throws an {@link ImportError} for any
 * problem: the file is then not imported at all.
 */
export function parseImportFile(fileName: string, text: string): ParsedImport {
  if (text.length > MAX_IMPORT_CHARS) {
    const mb = Math.ceil((text.length / (1024 * 1024)) * 10) / 10;
    throw new ImportError(`The file is too large: ${mb.toFixed(1)} MB; the limit is ${MAX_IMPORT_MB} MB.`, 'file');
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (!trimmed) throw new ImportError('The file is empty.', 'file');
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (trimmed[0] === '{' || trimmed[0] === '[') return parseJsonImport(fileName, body);
  if (BIBTEX_ENTRY.test(body)) return parseBibtexImport(fileName, body);
  if (ext === 'json') return parseJsonImport(fileName, body);
  if (ext === 'bib' || ext === 'bibtex') return parseBibtexImport(fileName, body);
  throw new ImportError(
    'Paperdex cannot read this file: it is neither JSON (a Paperdex export or CSL-JSON) nor BibTeX (no @article{…}-style entries).',
    'file',
  );
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: pos - start + 1 };
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_LITERAL = /true|false|null/y;

/**
 * Offset of the first JSON syntax error in `s` (`s.length` when it ends too early), or -1 if there
 * is none. Engines word (and place) JSON.parse errors differently, some without a position; this
 * finds it the same way everywhere. Iterative: no recursion limit on deep nesting.
 */
export function jsonErrorOffset(s: string): number {
  const n = s.length;
  const stack: string[] = [];
  let i = 0;
  type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'end';
  let expect: Expect = 'value';
  const after = (): Expect => (stack.length ? 'commaOrEnd' : 'end');
  /** Skip a string starting at i; -1 when fine, else the offset of the problem. */
  const string = (): number => {
    i++;
    for (;;) {
      if (i >= n) return n;
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === undefined) return n;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return i + 1;
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return i + 1;
      } else if (c < 0x20) return i;
      else i++;
    }
  };
  for (;;) {
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    if (i >= n) return expect === 'end' ? -1 : n;
    const c = s[i];
    switch (expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        break;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if (c === (top === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = after();
        } else return i;
        break;
      }
      case 'key':
      case 'keyOrEnd':
        if (expect === 'keyOrEnd' && c === '}') {
          stack.pop();
          i++;
          expect = after();
          break;
        }
        if (c !== '"') return i;
        {
          const e = string();
          if (e >= 0) return e;
        }
        expect = 'colon';
        break;
      default:
        if (expect === 'valueOrEnd' && c === ']') {
          stack.pop();
          i++;
          expect = after();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
        } else if (c === '"') {
          const e = string();
          if (e >= 0) return e;
          expect = after();
        } else {
          const re = c === '-' || (c >= '0' && c <= '9') ? JSON_NUMBER : JSON_LITERAL;
          re.lastIndex = i;
          if (!re.test(s)) return c === '-' && i + 1 >= n ? n : i;
          i = re.lastIndex;
          expect = after();
        }
    }
  }
}

/** `JSON.parse`, with a syntax error turned into a message that says where. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const end = text.trimEnd().length;
    let pos: number | undefined = jsonErrorOffset(text);
    if (pos < 0) {
      const p = /position (\d+)/.exec(msg);
      pos = /end of (JSON )?(input|data)/i.test(msg) ? end : p ? Number(p[1]) : undefined;
    }
    let where: string | undefined;
    if (pos !== undefined) {
      const { line, column } = lineColumn(text, pos);
      where = `line ${line}, column ${column}`;
    }
    const at = where ? ` at ${where}` : '';
    if (pos !== undefined && pos >= end) throw new ImportError(`The JSON ends unexpectedly${at}: the file looks truncated.`, where);
    const detail = msg
      .replace(/^JSON\.parse: /, '')
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/,? in JSON at position \d+.*$/s, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '')
      .replace(/\.$/, '');
    throw new ImportError(`The file is not valid JSON${at}: ${detail}.`, where);
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const looksLikeCslItem = (x: unknown) => isObject(x) && typeof x.type === 'string' && ('title' in x || 'author' in x || 'DOI' in x);

function parseJsonImport(fileName: string, text: string): ParsedImport {
  const value = parseJson(text);
  if (Array.isArray(value)) return parseCslImport(fileName, value);
  if (!isObject(value)) throw new ImportError('Expected a JSON object (a Paperdex export) or an array (CSL-JSON).');
  if ('format' in value || ('papers' in value && ('version' in value || 'exportedAt' in value))) return parsePaperdexImport(value);
  if (looksLikeCslItem(value)) return parseCslImport(fileName, [value]);
  const items = Object.values(value);
  if (items.length && items.every(looksLikeCslItem)) return parseCslImport(fileName, items);
  throw new ImportError(
    `This JSON file is neither a Paperdex export (no "format": "${FORMAT}") nor CSL-JSON (an array of items).`,
    'format',
  );
}

function duplicateIds(list: { id: string }[], what: string): void {
  const seen = new Map<string, number>();
  list.forEach((x, i) => {
    const j = seen.get(x.id);
    if (j !== undefined) throw new ImportError(`${what}[${i}].id: "${x.id}" is also the id of ${what}[${j}]`, `${what}[${i}].id`);
    seen.set(x.id, i);
  });
}

function parsePaperdexImport(value: Record<string, unknown>): ParsedImport {
  const r = validateExport(value);
  if (!r.ok) throw new ImportError(r.problem.message, r.problem.where);
  const doc: CurrentExport = r.value;
  duplicateIds(doc.papers, 'papers');
  duplicateIds(doc.authors, 'authors');
  if (doc.collections) duplicateIds(doc.collections, 'collections');
  const ids = new Set(doc.papers.map((p) => p.id));
  const warnings: string[] = [];
  let dangling = 0;
  const known = (list: string[]) => list.filter((id) => ids.has(id) || (dangling++, false));
  const collections: IncomingCollection[] = (doc.collections ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    ...(c.createdAt ? { createdAt: c.createdAt } : {}),
    paperIds: known(c.paperIds),
  }));
  for (const a of doc.authors) known(a.paperIds);
  if (doc.collection.id !== ALL_PAPERS.id && !collections.some((c) => c.id === doc.collection.id)) {
    // A file exported from one collection: recreate that collection with all the file's papers.
    if (!isCollectionName(doc.collection.name)) {
      throw new ImportError('collection.name: a collection name must be 1 to 120 characters and not "All papers"', 'collection.name');
    }
    collections.push({ id: doc.collection.id, name: doc.collection.name, paperIds: doc.papers.map((p) => p.id) });
  }
  if (dangling) warnings.push(`${dangling} reference${dangling === 1 ? '' : 's'} to papers not in the file ignored`);
  return { kind: 'paperdex', papers: doc.papers, authors: doc.authors, collections, count: doc.papers.length, warnings };
}

/** The collection a BibTeX / CSL-JSON file becomes: the file's name without extension. */
export function collectionNameFor(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  let n = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  if (!n) n = 'Imported';
  if (n.toLowerCase() === 'all papers') n = 'All papers (imported)';
  return n;
}

const ForeignPaperSchema = v.object({ ...paperFieldsV1, hasCode: v.optional(v.boolean()) });

/** A paper read from BibTeX / CSL-JSON, checked against the limits of the export format. */
function foreignPaper(p: ImportedPaper, label: string): IncomingPaper {
  const q: Record<string, unknown> = { ...p };
  delete q.citeKey;
  delete q.authorProfiles;
  // What the export format cannot hold is dropped (a `www.…` URL, a year 0), not fatal.
  for (const k of ['url', 'pdfUrl', 'codeUrl'] as const) if (typeof q[k] === 'string' && !isHttpUrl(q[k] as string)) delete q[k];
  if (q.year !== undefined && !(Number.isInteger(q.year) && (q.year as number) >= 1 && (q.year as number) <= 9999)) delete q.year;
  if (typeof q.date === 'string' && q.date.length > 100) delete q.date;
  const r = v.safeParse(ForeignPaperSchema, q, { abortEarly: true });
  if (!r.success) {
    const d = describeIssue(r.issues[0]);
    throw new ImportError(`${label}: ${d.message}`, label);
  }
  return r.output as IncomingPaper;
}

const more = (n: number) => (n > 1 ? ` (and ${n - 1} more problem${n === 2 ? '' : 's'})` : '');

function parseCslImport(fileName: string, items: unknown[]): ParsedImport {
  if (!items.length) throw new ImportError('The file holds no papers (an empty list).', 'file');
  const r = parseCslJson(items);
  if (r.errors.length) {
    const e = r.errors[0];
    throw new ImportError(`${e.message}${more(r.errors.length)}`, e.index >= 0 ? `[${e.index}]` : undefined);
  }
  const papers = r.papers.map((p, i) => foreignPaper(p, `Item ${i}${p.citeKey ? ` ("${p.citeKey}")` : ''}`));
  return { kind: 'csl-json', papers, collections: [{ name: collectionNameFor(fileName) }], count: papers.length, warnings: [] };
}

function parseBibtexImport(fileName: string, text: string): ParsedImport {
  const r = parseBibtex(text);
  if (r.errors.length) {
    const e = r.errors[0];
    throw new ImportError(`line ${e.line}: ${e.message}${more(r.errors.length)}`, `line ${e.line}`);
  }
  const warnings = r.warnings.map((w) => `line ${w.line}: ${w.message}`);
  if (!r.papers.length) {
    throw new ImportError(
      warnings.length ? `No entry of the file has a title (${warnings[0]}).` : 'The file holds no BibTeX entries.',
      'file',
    );
  }
  const papers = r.papers.map((p) => foreignPaper(p, `Entry '${p.citeKey ?? '?'}'`));
  return { kind: 'bibtex', papers, collections: [{ name: collectionNameFor(fileName) }], count: papers.length, warnings };
}

// ---------------------------------------------------------------------------------------------
// Merging helpers (pure)

const sourceKey = (s: PaperSource) => `${s.site}\u0000${s.url}`;
const timeOf = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

/**
 * United sources by site + url, the newer sighting of each winning. `fresh`: the incoming sightings
 * that were added or replaced an older one and carry their own citation count.
 */
function uniteSources(have: PaperSource[], incoming: PaperSource[]): { sources: PaperSource[]; fresh: PaperSource[] } {
  const sources = have.map((s) => ({ ...s }));
  const at = new Map<string, number>();
  sources.forEach((s, i) => at.set(sourceKey(s), i));
  const fresh: PaperSource[] = [];
  for (const s of incoming) {
    const k = sourceKey(s);
    const i = at.get(k);
    if (i === undefined) {
      at.set(k, sources.length);
      sources.push({ ...s });
    } else if (timeOf(s.capturedAt) > timeOf(sources[i].capturedAt)) {
      const next = { ...s };
      const prev = sources[i];
      // A newer sighting without a count keeps the count last seen there (as a capture does).
      if (next.citations === undefined && prev.citations !== undefined) next.citations = prev.citations;
      sources[i] = next;
    } else continue;
    if (s.citations !== undefined) fresh.push(s);
  }
  return { sources, fresh };
}

/** The newest source with a citation count (later in the list wins a tie). */
function newestCounted(sources: PaperSource[]): PaperSource | undefined {
  let best: PaperSource | undefined;
  for (const s of sources) if (s.citations !== undefined && (!best || timeOf(s.capturedAt) >= timeOf(best.capturedAt))) best = s;
  return best;
}

type HistoryEntry = PaperRecord['citationHistory'][number];

/** History in time order, an entry kept only when the site's count changed. */
function tidyHistory(entries: HistoryEntry[]): HistoryEntry[] {
  const sorted = entries.map((h, i) => ({ h, i })).sort((a, b) => timeOf(a.h.at) - timeOf(b.h.at) || a.i - b.i);
  const last = new Map<string, number>();
  const out: HistoryEntry[] = [];
  for (const { h } of sorted) {
    if (last.get(h.site) === h.citations) continue;
    last.set(h.site, h.citations);
    out.push(h);
  }
  return out;
}

const historyOf = (sources: PaperSource[]): HistoryEntry[] =>
  sources.filter((s) => s.citations !== undefined).map((s) => ({ at: s.capturedAt, site: s.site, citations: s.citations! }));

const OPTIONAL_PAPER_KEYS = [
  'authorsTruncated',
  'year',
  'date',
  'venue',
  'abstract',
  'tldr',
  'categories',
  'keywords',
  'citations',
  'url',
  'pdfUrl',
  'codeUrl',
  'hasCode',
  'type',
] as const;

function dropEmpty<T extends object>(r: T, keys: readonly string[]): T {
  const o = r as Record<string, unknown>;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined || x === '' || (Array.isArray(x) && x.length === 0)) delete o[k];
  }
  return r;
}

/** A complete library record for a paper new to the library, with the file's sightings. */
function newPaperRecord(p: IncomingPaper, id: string, nowMs: number): PaperRecord {
  const { sources } = uniteSources([], p.sources ?? []);
  const r = newPaper(p as ScrapedPaper, id, nowMs);
  r.sources = sources;
  r.citations = p.citations ?? newestCounted(sources)?.citations;
  r.citationHistory = tidyHistory(historyOf(sources));
  return dropEmpty(r, OPTIONAL_PAPER_KEYS);
}

/** A library paper with an incoming description of it merged in (a new object). */
function mergePaperRecord(r: PaperRecord, p: IncomingPaper): PaperRecord {
  const m = mergePaper(r, p as ScrapedPaper);
  const { sources, fresh } = uniteSources(r.sources, p.sources ?? []);
  m.sources = sources;
  // Citations: the count of the newest source that has one; the library's own count unless the
  // file brings a newer one.
  const had = newestCounted(r.sources);
  const brought = newestCounted(fresh);
  if (brought && (!had || timeOf(brought.capturedAt) > timeOf(had.capturedAt))) m.citations = brought.citations;
  else if (r.citations !== undefined) m.citations = r.citations;
  else if (p.citations !== undefined) m.citations = p.citations;
  else delete m.citations;
  m.citationHistory = fresh.length ? tidyHistory([...r.citationHistory, ...historyOf(fresh)]) : [...r.citationHistory];
  m.authorIds = [...r.authorIds];
  m.collectionIds = [...r.collectionIds];
  return m;
}

/** Profile keys an author is stored under (as capture writes them): `site:id`, else `site:url`. */
const profileKeysOf = (a: IncomingAuthor): string[] => [...new Set(a.profiles.map((p) => `${p.site}:${p.id ?? p.url}`))];
/** Keys an incoming author may be found by: `site:id` and `site:url`. */
const lookupKeysOf = (a: IncomingAuthor): string[] => [
  ...new Set(a.profiles.flatMap((p) => (p.id ? [`${p.site}:${p.id}`, `${p.site}:${p.url}`] : [`${p.site}:${p.url}`]))),
];

const reportedKey = (s: ReportedSnapshot) => `${s.site}\u0000${s.capturedAt}`;

function newAuthorRecord(a: IncomingAuthor, id: string, nowMs: number): AuthorRecord {
  const seen = new Set<string>();
  const r: AuthorRecord = {
    id,
    name: a.name,
    nameKey: nameKey(a.name),
    affiliation: a.affiliation,
    interests: a.interests ? [...a.interests] : undefined,
    homepage: a.homepage,
    profiles: a.profiles.map((p) => ({ ...p })),
    profileKeys: profileKeysOf(a),
    reported: a.reported.filter((s) => !seen.has(reportedKey(s)) && (seen.add(reportedKey(s)), true)).map((s) => ({ ...s })),
    paperIds: [],
    addedAt: nowMs,
    updatedAt: nowMs,
  };
  return dropEmpty(r, ['affiliation', 'interests', 'homepage']);
}

function mergeAuthorRecord(e: AuthorRecord, a: IncomingAuthor): AuthorRecord {
  const m: AuthorRecord = {
    ...e,
    profiles: [...e.profiles],
    profileKeys: [...e.profileKeys],
    reported: [...e.reported],
    paperIds: [...e.paperIds],
  };
  if (!m.affiliation && a.affiliation) m.affiliation = a.affiliation;
  if (!m.homepage && a.homepage) m.homepage = a.homepage;
  const interests = union(e.interests, a.interests);
  if (interests) m.interests = interests;
  for (const p of a.profiles) {
    if (!m.profiles.some((x) => x.site === p.site && (x.id ? x.id === p.id : x.url === p.url))) m.profiles.push({ ...p });
  }
  for (const k of profileKeysOf(a)) if (!m.profileKeys.includes(k)) m.profileKeys.push(k);
  const seen = new Set(m.reported.map(reportedKey));
  let added = false;
  for (const s of a.reported) {
    if (seen.has(reportedKey(s))) continue;
    seen.add(reportedKey(s));
    m.reported.push({ ...s });
    added = true;
  }
  if (added)
    m.reported = m.reported
      .map((s, i) => ({ s, i }))
      .sort((x, y) => timeOf(x.s.capturedAt) - timeOf(y.s.capturedAt) || x.i - y.i)
      .map((x) => x.s);
  return m;
}

/** Comparable form of a record, to tell whether a merge changed it. */
const snapshot = (r: PaperRecord | AuthorRecord) => JSON.stringify({ ...r, updatedAt: 0 });

function addTo<K, V>(m: Map<K, V[]>, k: K, x: V): void {
  const l = m.get(k);
  if (!l) m.set(k, [x]);
  else if (l[l.length - 1] !== x) l.push(x);
}

function addToSet<K, V>(m: Map<K, Set<V>>, k: K, x: V): void {
  const s = m.get(k);
  if (s) s.add(x);
  else m.set(k, new Set([x]));
}

/**
 * Records with any of these index keys: one `equals` lookup per key, issued together. (Not
 * `anyOf`, whose cursor skips from key to key: fake-indexeddb walks the index on every skip, which
 * makes a chunk's lookups grow with the library.) May hold a record more than once.
 */
async function byIndex<T>(
  table: { where(index: string): { equals(key: string): { toArray(): PromiseLike<T[]> } } },
  index: string,
  keys: string[],
): Promise<T[]> {
  if (!keys.length) return [];
  const lists = await Promise.all(keys.map((k) => table.where(index).equals(k).toArray()));
  return lists.flat();
}

/** The record preferred among candidates: the one with the file's id, else the smallest id. */
function prefer<T extends { id: string }>(cands: T[], id: string | undefined): T | undefined {
  if (!cands.length) return undefined;
  return cands.find((c) => c.id === id) ?? cands.reduce((a, b) => (b.id < a.id ? b : a));
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Write a parsed file into the library. Papers go in chunks, each one Dexie transaction (papers,
 * authors and collections): a chunk's papers, the collections they join (created on first use)
 * and their authors (with links to the chunk's papers only) are written together, so a cancelled
 * import leaves whole chunks and a consistent library. Authors without papers in the file and
 * collections without papers come last. Lookups are by index (strong-id keys, title keys, profile
 * keys, ids), batched per chunk.
 */
export async function importParsed(db: PaperdexDB, parsed: ParsedImport, opts: ImportOptions = {}): Promise<ImportSummary> {
  const nowMs = (opts.now ?? new Date()).getTime();
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
  const papers = parsed.papers;
  const authors = parsed.authors ?? [];
  const total = papers.length;
  // In a Paperdex export, different papers are different records of the exporting library: they
  // may each merge into a paper the library has, but never into one another.
  const distinctInFile = parsed.kind === 'paperdex';

  const fileIndex = new Map<string, number>();
  papers.forEach((p, i) => {
    if (p.id !== undefined && !fileIndex.has(p.id)) fileIndex.set(p.id, i);
  });
  const everyPaper: number[] = [];
  const memberOf = new Map<number, number[]>();
  parsed.collections.forEach((c, ci) => {
    if (!c.paperIds) everyPaper.push(ci);
    else
      for (const id of c.paperIds) {
        const i = fileIndex.get(id);
        if (i !== undefined) addTo(memberOf, i, ci);
      }
  });
  const authorsOf = new Map<number, number[]>();
  authors.forEach((a, ai) => {
    for (const id of a.paperIds) {
      const i = fileIndex.get(id);
      if (i !== undefined) addTo(authorsOf, i, ai);
    }
  });

  const target: string[] = new Array(total);
  const createdPapers = new Set<string>();
  const createdAuthors = new Set<string>();
  const authorTarget = new Map<number, string>();
  const collTarget = new Map<number, { id: string; name: string }>();
  const touched = new Set<string>();
  const summary: ImportSummary = {
    papersNew: 0,
    papersMerged: 0,
    authorsNew: 0,
    authorsMerged: 0,
    collections: [],
    paperIds: [],
    cancelled: false,
  };

  async function resolveCollection(ci: number): Promise<{ id: string; name: string }> {
    const done = collTarget.get(ci);
    if (done) return done;
    const c = parsed.collections[ci];
    const same = c.id ? await db.collections.get(c.id) : undefined;
    let out: { id: string; name: string };
    if (same) {
      // The same collection (ids are random per collection): add to it.
      await db.collections.update(same.id, { updatedAt: nowMs });
      out = { id: same.id, name: same.name };
    } else {
      const name = await freeName(db, c.name);
      const id = c.id ?? `c-${hash64(`${name}:${nowMs}:${Math.random()}`)}`;
      const createdAt = c.createdAt ? Date.parse(c.createdAt) : nowMs;
      await db.collections.add({ id, name, createdAt: Number.isNaN(createdAt) ? nowMs : createdAt, updatedAt: nowMs });
      out = { id, name };
    }
    collTarget.set(ci, out);
    if (!summary.collections.some((x) => x.id === out.id)) summary.collections.push(out);
    return out;
  }

  /**
   * Find or create the library authors of these file authors (by profile key, else by id; never
   * one created by this import from another file author), merging the file's details in the first
   * time. Returns the working records (to be linked and written by the caller).
   */
  async function resolveAuthors(ais: number[], working: Map<string, AuthorRecord>, before: Map<string, string>): Promise<void> {
    const hold = (a: AuthorRecord) => {
      if (!working.has(a.id)) {
        working.set(a.id, a);
        before.set(a.id, snapshot(a));
      }
    };
    // Authors resolved by an earlier chunk: their current records.
    const known = [...new Set(ais.filter((ai) => authorTarget.has(ai)).map((ai) => authorTarget.get(ai)!))].filter(
      (id) => !working.has(id),
    );
    if (known.length) for (const a of await db.authors.bulkGet(known)) if (a) hold(a);
    // (one deleted meanwhile is looked up afresh)
    for (const ai of ais) if (authorTarget.has(ai) && !working.has(authorTarget.get(ai)!)) authorTarget.delete(ai);
    const need = ais.filter((ai) => !authorTarget.has(ai));
    if (!need.length) return;
    const keysOf = need.map((ai) => lookupKeysOf(authors[ai]));
    const derivedId = (ai: number) => {
      const k = profileKeysOf(authors[ai])[0];
      return k ? authorIdFor(k) : 'a-' + hash64(`name:${nameKey(authors[ai].name)}:${authors[ai].name}`);
    };
    const allKeys = [...new Set(keysOf.flat())];
    const idCands = [...new Set(need.flatMap((ai) => [authors[ai].id, derivedId(ai)]))];
    const byKey = await byIndex<AuthorRecord>(db.authors, 'profileKeys', allKeys);
    const byId = idCands.length ? await db.authors.bulkGet(idCands) : [];
    const taken = new Set<string>();
    const index = new Map<string, Set<string>>();
    for (const a of [...byKey, ...byId]) if (a) hold(a);
    for (const a of byId) if (a) taken.add(a.id);
    for (const a of working.values()) for (const k of a.profileKeys) addToSet(index, k, a.id);
    for (const a of working.values()) for (const p of a.profiles) addToSet(index, `${p.site}:${p.url}`, a.id);

    for (const [n, ai] of need.entries()) {
      const inc = authors[ai];
      const keys = keysOf[n];
      const incKeys = profileKeysOf(inc);
      // Not one this import created from another file author, nor one the user split from these profiles.
      const eligible = (a: AuthorRecord) => !createdAuthors.has(a.id) && !incKeys.some((k) => a.notSame?.includes(k));
      const cands = new Map<string, AuthorRecord>();
      for (const k of keys)
        for (const id of index.get(k) ?? []) {
          const a = working.get(id);
          if (a && eligible(a)) cands.set(id, a);
        }
      let match = prefer([...cands.values()], inc.id);
      if (!match) {
        const same = working.get(inc.id);
        if (same && eligible(same)) match = same;
      }
      let rec: AuthorRecord;
      if (match) {
        rec = mergeAuthorRecord(match, inc);
        summary.authorsMerged++;
      } else {
        const free = (id: string) => !taken.has(id) && !working.has(id);
        let id = free(inc.id) ? inc.id : derivedId(ai);
        if (!free(id)) {
          const base = id;
          for (let k = 2; ; k++) {
            id = `${base}-${k}`;
            if (!working.has(id) && !(await db.authors.get(id))) break;
          }
        }
        rec = newAuthorRecord(inc, id, nowMs);
        createdAuthors.add(id);
        summary.authorsNew++;
      }
      working.set(rec.id, rec);
      authorTarget.set(ai, rec.id);
      for (const k of rec.profileKeys) addToSet(index, k, rec.id);
      for (const p of rec.profiles) addToSet(index, `${p.site}:${p.url}`, rec.id);
    }
  }

  /** Write the working authors that are new or changed. */
  async function putAuthors(working: Map<string, AuthorRecord>, before: Map<string, string>): Promise<void> {
    const out: AuthorRecord[] = [];
    for (const a of working.values()) {
      const b = before.get(a.id);
      if (b === undefined) out.push(a);
      else if (snapshot(a) !== b) {
        a.updatedAt = nowMs;
        out.push(a);
      }
    }
    if (out.length) await db.authors.bulkPut(out);
  }

  async function importChunk(lo: number, hi: number): Promise<void> {
    const recs = new Map<string, PaperRecord>();
    const before = new Map<string, string>();
    const byKey = new Map<string, Set<string>>();
    const byTitle = new Map<string, Set<string>>();
    const hold = (r: PaperRecord) => {
      recs.set(r.id, r);
      for (const k of r.idKeys) addToSet(byKey, k, r.id);
      if (r.titleKey) addToSet(byTitle, r.titleKey, r.id);
    };

    const prep = [];
    for (let i = lo; i < hi; i++) {
      const p = papers[i];
      const ids = canonicalIds(p.ids);
      prep.push({ i, p, ids, keys: idKeys(ids), tk: titleKey(p.title), derived: paperIdFor(p) });
    }
    const allKeys = [...new Set(prep.flatMap((x) => x.keys))];
    const allTitles = [...new Set(prep.map((x) => x.tk).filter(Boolean))];
    const idCands = [...new Set(prep.flatMap((x) => (x.p.id ? [x.p.id, x.derived] : [x.derived])))];
    const hitsK = await byIndex<PaperRecord>(db.papers, 'idKeys', allKeys);
    const hitsT = await byIndex<PaperRecord>(db.papers, 'titleKey', allTitles);
    const hitsId = await db.papers.bulkGet(idCands);
    for (const r of [...hitsK, ...hitsT]) {
      if (!recs.has(r.id)) {
        before.set(r.id, snapshot(r));
        hold(r);
      }
    }
    const taken = new Set(hitsId.filter((r): r is PaperRecord => !!r).map((r) => r.id));
    const free = (id: string) => !taken.has(id) && !recs.has(id);
    const eligible = (r: PaperRecord) => !(distinctInFile && createdPapers.has(r.id));
    const chunkTouched = new Set<string>();

    for (const { i, p, ids, keys, tk, derived } of prep) {
      let cands: PaperRecord[] = [];
      const seen = new Set<string>();
      for (const k of keys) {
        for (const id of byKey.get(k) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const r = recs.get(id)!;
          if (eligible(r) && !idsConflict(ids, r.ids)) cands.push(r);
        }
      }
      if (!cands.length && tk)
        cands = [...(byTitle.get(tk) ?? [])].map((id) => recs.get(id)!).filter((r) => eligible(r) && sameByTitle(p, r));
      const match = prefer(cands, p.id);
      let rec: PaperRecord;
      if (match) {
        rec = mergePaperRecord(match, p);
        summary.papersMerged++;
      } else {
        let id = p.id !== undefined && free(p.id) ? p.id : derived;
        if (!free(id)) {
          for (let k = 2; ; k++) {
            id = `${derived}-${k}`;
            if (!recs.has(id) && !(await db.papers.get(id))) break;
          }
        }
        rec = newPaperRecord(p, id, nowMs);
        createdPapers.add(id);
        summary.papersNew++;
      }
      hold(rec);
      target[i] = rec.id;
      chunkTouched.add(rec.id);
      if (!touched.has(rec.id)) {
        touched.add(rec.id);
        summary.paperIds.push(rec.id);
      }
    }

    // Collections the chunk's papers join (created on first use, in this transaction).
    for (let i = lo; i < hi; i++) {
      const cis = memberOf.get(i);
      if (!everyPaper.length && !cis) continue;
      const rec = recs.get(target[i])!;
      for (const ci of cis ? [...everyPaper, ...cis] : everyPaper) {
        const c = collTarget.get(ci) ?? (await resolveCollection(ci));
        if (!rec.collectionIds.includes(c.id)) rec.collectionIds.push(c.id);
      }
    }

    // Authors of the chunk's papers, linked both ways.
    const ais = new Set<number>();
    for (let i = lo; i < hi; i++) for (const ai of authorsOf.get(i) ?? []) ais.add(ai);
    const working = new Map<string, AuthorRecord>();
    const aBefore = new Map<string, string>();
    if (ais.size) {
      await resolveAuthors([...ais], working, aBefore);
      const linked = new Map<string, Set<string>>();
      for (let i = lo; i < hi; i++) {
        const rec = recs.get(target[i])!;
        for (const ai of authorsOf.get(i) ?? []) {
          const a = working.get(authorTarget.get(ai)!)!;
          let s = linked.get(a.id);
          if (!s) linked.set(a.id, (s = new Set(a.paperIds)));
          if (!s.has(rec.id)) {
            s.add(rec.id);
            a.paperIds.push(rec.id);
          }
          if (!rec.authorIds.includes(a.id)) rec.authorIds.push(a.id);
        }
      }
    }

    const out: PaperRecord[] = [];
    for (const id of chunkTouched) {
      const r = recs.get(id)!;
      const b = before.get(id);
      if (b === undefined) out.push(r);
      else if (snapshot(r) !== b) {
        r.updatedAt = nowMs;
        out.push(r);
      }
    }
    if (out.length) await db.papers.bulkPut(out);
    await putAuthors(working, aBefore);
  }

  const tables = [db.papers, db.authors, db.collections];
  for (let lo = 0; lo < total; lo += chunkSize) {
    if (opts.signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    const hi = Math.min(total, lo + chunkSize);
    // (an async callback: Dexie keeps the transaction open across native awaits only for those)
    await db.transaction('rw', tables, async () => {
      await importChunk(lo, hi);
    });
    opts.onProgress?.(hi, total);
  }
  if (total === 0) opts.onProgress?.(0, 0);

  // Authors with no paper in the file, and collections with none: last, in chunks too.
  if (!summary.cancelled) {
    const rest = authors.map((_, ai) => ai).filter((ai) => !authorTarget.has(ai));
    for (let lo = 0; lo < rest.length; lo += chunkSize) {
      if (opts.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      await db.transaction('rw', tables, async () => {
        const working = new Map<string, AuthorRecord>();
        const before = new Map<string, string>();
        await resolveAuthors(rest.slice(lo, lo + chunkSize), working, before);
        await putAuthors(working, before);
      });
    }
  }
  if (!summary.cancelled) {
    const rest = parsed.collections.map((_, ci) => ci).filter((ci) => !collTarget.has(ci));
    if (rest.length) {
      if (opts.signal?.aborted) summary.cancelled = true;
      else
        await db.transaction('rw', tables, async () => {
          for (const ci of rest) await resolveCollection(ci);
        });
    }
  }
  return summary;
}

/** Read and import a file in one go (parse errors throw {@link ImportError} before any write). */
export async function importFile(db: PaperdexDB, fileName: string, text: string, opts?: ImportOptions): Promise<ImportSummary> {
  return importParsed(db, parseImportFile(fileName, text), opts);
}
