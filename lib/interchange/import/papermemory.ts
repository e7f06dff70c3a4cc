/**
 * Reading a PaperMemory export (https://github.com/vict0rsch/PaperMemory): the `.json` its options
 * page writes under Data Management → "Export your full Memory data" (`PaperMemory-data-<date>-<time>.json`).
 *
 * The file is PaperMemory's `papers` storage object as is (src/options/options.js
 * `handleDownloadMemoryClick`: `JSON.stringify(papers)`): an object keyed by PaperMemory id
 * (`Arxiv-1703.10593`, `OR-ICLR-2022_EZNOb_uNpJk`, `ACL-ACL-2020_2020.acl-main.405`, `JMLR-2012_bergstra12a`, …)
 * plus a numeric `__dataVersion`. Each paper (src/shared/js/utils/data.js `validatePaper`) has
 * `id`, `title`, `author` (" and "-joined "First Last" names), `year` (a 4-digit string, or
 * "unknown"), `venue` (`conf` before data version 450), `bibtex`, `pdfLink`, `source` (arxiv,
 * openreview, acl, neurips, …), `codeLink`, `doi` (recent versions), the user's `note`, `tags` and
 * `favorite`, and bookkeeping (`addDate`, `lastOpenDate`, `count`, `key`, `md`, `code`, `extra`).
 *
 * Mapped to Paperdex papers: ids from the id, the PDF link and the BibTeX (arXiv, OpenReview, ACL,
 * DOI, DBLP keys), the landing page the way PaperMemory derives it (`paperToAbs`), authors split,
 * the year, venue, abstract and date (the BibTeX's), PDF and code links, and the user's layer:
 * favorite → star, tags, note. PaperMemory writes a status line into the note of every paper it
 * finds a venue for ("Accepted @ ICCV 2017 -- [dblp.org]", "Published @ JMLR (2012)"); a note
 * that is only such a line is not the user's and is left out (the venue is kept).
 *
 * All or nothing, like every import: a paper that is not a PaperMemory paper (no title, a field of
 * the wrong type, over the export format's limits) refuses the file with a message naming it.
 */
import * as v from 'valibot';
import { parseBibtex } from '../bibtex/bibtex';
import { cleanNote, cleanTags, fileEntries, PAPER_FIELDS, USER_FIELDS } from '../../core/fields';
import { isPreprintVenue } from '../../core/identity';
import { clean, normalizeArxivId, normalizeDoi } from '../../core/text';
import type { PaperIds } from '../../core/types';
import { describeIssue, isHttpUrl } from './import-schema';
import { ImportError, type IncomingPaper, type ParsedImport } from './import-types';
import { t, tn } from '../../i18n/i18n';

/** The collection offered for a PaperMemory file (its file name is only a date and time). */
export const PAPERMEMORY_COLLECTION = 'PaperMemory';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A PaperMemory paper as its storage holds it: an object with a string `id` and `title`, an `author` and a `pdfLink` or `source`. */
function looksLikePaper(x: unknown): boolean {
  return isObject(x) && typeof x.id === 'string' && typeof x.title === 'string' && 'author' in x && ('pdfLink' in x || 'source' in x);
}

/**
 * Whether a parsed JSON value is a PaperMemory export: its `__dataVersion` marker, or papers keyed
 * by id. (One PaperMemory-shaped paper is enough, so that a bad entry next to it is reported by name.)
 */
export function isPaperMemoryExport(value: Record<string, unknown>): boolean {
  if (typeof value.__dataVersion === 'number') return true;
  return Object.entries(value).some(([k, p]) => !k.startsWith('__') && looksLikePaper(p));
}

/** Every paper field and the user's layer, with the export format's limits. */
const PaperSchema = v.object({ ...fileEntries(PAPER_FIELDS), ...fileEntries(USER_FIELDS) });

/** The fields read, with the JSON types PaperMemory writes them in. */
const STRING_FIELDS = ['id', 'title', 'author', 'venue', 'conf', 'bibtex', 'pdfLink', 'source', 'codeLink', 'doi', 'note', 'key'];

/** A note PaperMemory wrote itself: one line "<Status> @ <venue> …" (parsers.js `note = \`Accepted @ ${venue} (${year})\``). */
const STATUS_NOTE = /^(?:Accepted|Published|Under review|Rejected|Withdrawn)\b[^@\n]{0,40} @ [^\n]*$/;

/** The version-free arXiv id of a PaperMemory arXiv id (`Arxiv-1703.10593`, old style `Arxiv-hep-th_9901001`). */
function arxivOfId(id: string): string | undefined {
  const m = id.match(/^Arxiv-(.+)$/);
  return m ? normalizeArxivId(m[1].replace('_', '/')) : undefined;
}

/** An OpenReview forum id from a PDF or forum link (`https://openreview.net/pdf?id=EZNOb_uNpJk`) or the id `OR-<venue>-<year>_<forum>`. */
function openreviewOf(id: string, pdf: string | undefined): string | undefined {
  const fromUrl = pdf?.match(/openreview\.net\/(?:pdf|forum)\?(?:[^#]*&)?id=([\w-]+)/)?.[1];
  return fromUrl ?? id.match(/^OR-.+?-\d{4}_([\w-]+)$/)?.[1];
}

/** An ACL Anthology id from its PDF link (`https://aclanthology.org/2020.acl-main.405.pdf`) or the id `ACL-<venue>-<year>_<id>`. */
function aclOf(id: string, pdf: string | undefined): string | undefined {
  const fromUrl = pdf?.match(/aclanthology\.org\/([A-Za-z0-9.-]+?)(?:\.pdf)?\/?$/)?.[1];
  return fromUrl ?? id.match(/^ACL-.+?-\d{4}_(.+)$/)?.[1];
}

/**
 * The landing page, derived from the PDF link as PaperMemory does (src/shared/js/utils/paper.js
 * `paperToAbs`) for the sources whose rule is a plain rewrite; undefined for the others.
 */
function landingPage(source: string, pdf: string, ids: PaperIds): string | undefined {
  switch (source) {
    case 'arxiv':
      return ids.arxiv ? `https://arxiv.org/abs/${ids.arxiv}` : undefined;
    case 'openreview':
      return ids.openreview ? `https://openreview.net/forum?id=${ids.openreview}` : undefined;
    case 'acl':
      return ids.acl ? `https://aclanthology.org/${ids.acl}` : undefined;
    case 'neurips':
      return pdf.replace('/file/', '/hash/').replace('-Paper.pdf', '-Abstract.html');
    case 'cvf':
      return pdf.replace('/papers/', '/html/').replace(/\.pdf$/, '.html');
    case 'pmlr':
      return pdf.split('/').slice(0, -1).join('/') + '.html';
    case 'biorxiv':
      return pdf.replace(/\.full\.pdf$/, '');
    case 'nature':
      return pdf.replace(/\.pdf$/, '');
    case 'acm':
      return pdf.replace('/doi/pdf/', '/doi/');
    case 'frontiers':
      return pdf.replace(/\/pdf$/, '/full');
    case 'hal':
      return pdf.split('/file/')[0].split('/document')[0];
    default:
      return undefined;
  }
}

const https = (u: string) => u.replace(/^http:\/\//i, 'https://');

/** One paper of the file → a Paperdex paper (a string is what is wrong with it). */
function readPaper(key: string, raw: unknown, warnings: string[]): IncomingPaper | string {
  if (!isObject(raw)) return 'is not a paper (expected an object)';
  for (const k of STRING_FIELDS)
    if (raw[k] !== undefined && typeof raw[k] !== 'string')
      return `has a "${k}" that is not text (${JSON.stringify(raw[k])?.slice(0, 40)})`;
  if (raw.year !== undefined && typeof raw.year !== 'string' && typeof raw.year !== 'number')
    return 'has a "year" that is neither text nor a number';
  if (raw.favorite !== undefined && typeof raw.favorite !== 'boolean') return 'has a "favorite" that is not true or false';
  if (raw.tags !== undefined && !(Array.isArray(raw.tags) && raw.tags.every((t) => typeof t === 'string')))
    return 'has "tags" that are not a list of texts';
  if (raw.extra !== undefined && !isObject(raw.extra)) return 'has an "extra" that is not an object';
  const str = (k: string) => (typeof raw[k] === 'string' ? clean(raw[k] as string) || undefined : undefined);
  const title = str('title');
  if (!title) return 'has no title';
  const id = str('id') ?? key;
  const source = (str('source') ?? '').toLowerCase();
  const pdf = str('pdfLink');

  // The BibTeX PaperMemory stored (from the publisher, DBLP or its own): ids, abstract, date, full venue.
  let bib: ReturnType<typeof parseBibtex>['papers'][number] | undefined;
  const bibtex = typeof raw.bibtex === 'string' ? raw.bibtex : '';
  if (bibtex.trim()) {
    const r = parseBibtex(bibtex);
    if (r.errors.length)
      warnings.push(`Paper "${key}": its BibTeX could not be read (line ${r.errors[0].line}: ${r.errors[0].message}); imported without it`);
    else bib = r.papers[0];
  }

  const ids: PaperIds = {};
  const doi = normalizeDoi(str('doi')) ?? bib?.ids?.doi ?? normalizeDoi(isObject(raw.extra) ? (raw.extra.url as string) : undefined);
  const arxiv = arxivOfId(id) ?? (pdf && /arxiv\.org\//i.test(pdf) ? normalizeArxivId(pdf) : undefined) ?? bib?.ids?.arxiv;
  const openreview = source === 'openreview' || /^OR-/.test(id) ? openreviewOf(id, pdf) : undefined;
  const acl = source === 'acl' || /^ACL-/.test(id) ? aclOf(id, pdf) : undefined;
  // DBLP's BibTeX keys are `DBLP:<record key>` (PaperMemory keeps DBLP's entry for published preprints).
  const dblp = bib?.citeKey?.match(/^DBLP:(.+)$/)?.[1];
  if (doi) ids.doi = doi;
  if (arxiv) ids.arxiv = arxiv;
  if (openreview) ids.openreview = openreview;
  if (dblp) ids.dblp = dblp;
  if (acl) ids.acl = acl;

  const yearText = raw.year === undefined ? '' : String(raw.year).trim();
  let year: number | undefined;
  if (/^\d{4}$/.test(yearText)) year = Number(yearText);
  else if (yearText && yearText !== 'unknown') warnings.push(`Paper "${key}": year "${yearText.slice(0, 20)}" is not a year; left out`);
  year ??= bib?.year;

  const pmVenue = str('venue') ?? str('conf');
  // A preprint server is no venue (as arXiv captures store it): "arXiv preprint arXiv: …", old data's conf "arXiv".
  const venue = [pmVenue, bib?.venue].find((x) => !!x && !isPreprintVenue(x));
  const pdfUrl = pdf && isHttpUrl(pdf) ? https(pdf) : undefined;
  const springer = isObject(raw.extra) && typeof raw.extra.url === 'string' ? raw.extra.url : undefined;
  const url =
    [pdf ? landingPage(source, pdf, ids) : undefined, springer, bib?.url, doi ? `https://doi.org/${doi}` : undefined].find(
      (u): u is string => !!u && isHttpUrl(u),
    ) ?? undefined;
  const code = str('codeLink');
  const note = typeof raw.note === 'string' ? cleanNote(raw.note) : '';
  const tags = cleanTags((raw.tags as string[] | undefined) ?? []);

  const p: Record<string, unknown> = {
    title,
    authors: (str('author') ?? '')
      .split(/\s+and\s+/)
      .map((a) => clean(a))
      .filter(Boolean),
  };
  if (year !== undefined) p.year = year;
  if (bib?.date && (year === undefined || bib.date.startsWith(String(year)))) p.date = bib.date;
  if (venue) p.venue = venue;
  if (bib?.abstract) p.abstract = bib.abstract;
  if (Object.keys(ids).length) p.ids = ids;
  if (url) p.url = https(url);
  if (pdfUrl) p.pdfUrl = pdfUrl;
  if (code && isHttpUrl(code)) p.codeUrl = code;
  const type = bib?.type ?? (source === 'arxiv' && !pmVenue ? 'preprint' : undefined);
  if (type) p.type = type;
  if (raw.favorite === true) p.starred = true;
  if (tags.length) p.tags = tags;
  if (note && !STATUS_NOTE.test(note.trim())) p.note = note;

  const r = v.safeParse(PaperSchema, p, { abortEarly: true });
  if (!r.success) return describeIssue(r.issues[0]).message;
  return r.output as IncomingPaper;
}

/**
 * Read a PaperMemory export (already `JSON.parse`d, checked with {@link isPaperMemoryExport}).
 * Throws an {@link ImportError} naming the first bad paper (by its PaperMemory id and title), or
 * when the memory holds no papers.
 */
export function parsePaperMemoryImport(value: Record<string, unknown>): ParsedImport {
  const warnings: string[] = [];
  const papers: IncomingPaper[] = [];
  const bad: string[] = [];
  for (const [key, raw] of Object.entries(value)) {
    // `__dataVersion` and any other bookkeeping key PaperMemory adds start with "__" (data.js skips them too).
    if (key.startsWith('__')) continue;
    const r = readPaper(key, raw, warnings);
    if (typeof r !== 'string') papers.push(r);
    else {
      const title = isObject(raw) && typeof raw.title === 'string' && raw.title.trim() ? ` (“${clean(raw.title).slice(0, 80)}”)` : '';
      bad.push(`Paper "${key.slice(0, 120)}"${title} ${r}`);
    }
  }
  if (bad.length) {
    const problem = bad[0];
    throw new ImportError(
      bad.length > 1 ? tn('import_pmRefusedMore', bad.length - 1, { problem }) : t('import_pmRefused', { problem }),
      problem.match(/^Paper "([^"]*)"/)?.[1],
    );
  }
  if (!papers.length) throw new ImportError(t('import_pmEmpty'), 'file');
  return { kind: 'papermemory', papers, collections: [{ name: PAPERMEMORY_COLLECTION }], count: papers.length, warnings };
}
