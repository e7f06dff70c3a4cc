/**
 * The paper that a reader of another tool's file (BibTeX, CSL-JSON) produces, and the steps of
 * building one that both readers share: finding the DOI and the arXiv id among the fields each format
 * offers, reading an ISO date, and assembling the record without empty properties. Pure.
 */
import { normalizeArxivId, normalizeDoi } from '../../core/text';
import type { PaperIds, ScrapedPaper } from '../../core/types';

/**
 * A paper read from a file of another tool (BibTeX, CSL JSON): the shape of a scraped paper, so the
 * importer can hand it to the same merge path as a capture, plus the key the file used for it.
 * Properties that the file does not give are absent (never `undefined`, never empty strings).
 */
export type ImportedPaper = ScrapedPaper & {
  /** The entry's citation key in the source file (BibTeX key / CSL `id`), for messages. */
  citeKey?: string;
  /** The user's note on the entry (BibTeX `annote`), imported as the paper's note. */
  note?: string;
};

/** Own-property lookup: input like `\constructor` or type "toString" must not find Object.prototype. */
export const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Year and ISO date ("2017", "2017-06", "2017-06-12") at the start of `s`; `{}` when there is no year. */
export function isoDate(s: string | undefined): { year?: number; date?: string } {
  const m = s?.match(/(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (!m) return {};
  return { year: +m[1], date: m[3] ? `${m[1]}-${m[2]}-${m[3]}` : m[2] ? `${m[1]}-${m[2]}` : undefined };
}

/**
 * DOI and arXiv id of an entry. `doi` is the format's DOI field; `url` its URL, which stands in for a
 * missing DOI when it is a doi.org link. `arxiv` lists the places the format may name an arXiv id, in
 * order of trust (each is normalised; the first that holds an id wins); after them an arxiv.org URL
 * and finally a DataCite arXiv DOI (10.48550/arXiv.1706.03762) count too.
 */
export function readIds(doiField: string | undefined, url: string | undefined, arxivCandidates: (string | undefined)[]): PaperIds {
  let doi = normalizeDoi(doiField);
  if (!doi && url && /^https?:\/\/(dx\.)?doi\.org\//i.test(url)) doi = normalizeDoi(url);
  let arxiv: string | undefined;
  for (const c of arxivCandidates) if (!arxiv && c) arxiv = normalizeArxivId(c);
  if (!arxiv && url && /arxiv\.org\//i.test(url)) arxiv = normalizeArxivId(url);
  if (!arxiv && doi) {
    const m = doi.match(/^10\.48550\/arxiv\.(.+)$/);
    if (m) arxiv = normalizeArxivId(m[1]);
  }
  const ids: PaperIds = {};
  if (doi) ids.doi = doi;
  if (arxiv) ids.arxiv = arxiv;
  return ids;
}

/** What a reader found for one paper: the properties of an `ImportedPaper`, any of them possibly not given. */
export type ImportedParts = Pick<ImportedPaper, 'title' | 'authors'> & {
  [K in Exclude<keyof ImportedPaper, 'title' | 'authors'>]?: ImportedPaper[K] | undefined;
};

/** Not given: `undefined`, `false`, 0, an empty string, list or object. */
const given = (v: unknown): boolean =>
  v !== undefined && v !== false && v !== 0 && v !== '' && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0);

/**
 * The `ImportedPaper` of `parts`, leaving out every property that was not given (so papers from a
 * file compare and store like captured ones), in the order `parts` lists them.
 */
export function importedPaper(parts: ImportedParts): ImportedPaper {
  const p: ImportedPaper = { title: parts.title, authors: parts.authors };
  const rest: Record<string, unknown> = p;
  for (const [k, v] of Object.entries(parts)) if (k !== 'title' && k !== 'authors' && given(v)) rest[k] = v;
  return p;
}
