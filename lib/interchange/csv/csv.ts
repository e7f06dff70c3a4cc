/**
 * CSV export of papers, for spreadsheets (Excel, LibreOffice, Google Sheets) and scripts.
 *
 * Owns the column set and the cell encoding: RFC 4180 (CRLF line ends, fields containing `,` `"`
 * CR or LF are quoted, quotes doubled) plus formula-injection guarding. Pure: no browser APIs, no I/O.
 * Export only — there is no CSV import (CSV carries no structure worth trusting back).
 */
import type { ExportedPaper } from '../export';

/** The columns of `toCsv`, in order (also the header row). */
export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'year',
  'venue',
  'citations',
  'doi',
  'arxiv',
  'openreview',
  'url',
  'pdfUrl',
  'codeUrl',
  'categories',
  'keywords',
  'abstract',
  'tldr',
  'sources',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Options of `toCsv`. */
export interface CsvOptions {
  /**
   * Start with a UTF-8 byte-order mark. Excel needs it to read the file as UTF-8 rather than the
   * system code page (accents and CJK come out as mojibake otherwise); other tools ignore it.
   */
  bom?: boolean;
}

// C0 controls other than TAB, LF and CR (NUL first): they break some CSV readers and mean nothing in a cell.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * One CSV cell. Numbers are written as numbers (finite only; no guard — a spreadsheet must be able to
 * sum the citations column). Text: control characters other than TAB/CR/LF removed; a cell starting
 * with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` so a spreadsheet shows it as text instead of
 * evaluating it as a formula (OWASP "CSV Injection"; scraped titles are attacker-controlled); then
 * quoted per RFC 4180 when it contains `,`, `"`, CR or LF.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value.replace(CONTROL, '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const list = (xs: string[] | undefined) => (xs ?? []).filter((x) => x && x.trim()).join('; ');

function row(p: ExportedPaper): (string | number | undefined)[] {
  const authors = list(p.authors);
  const values: Record<CsvColumn, string | number | undefined> = {
    id: p.id,
    title: p.title,
    // "et al." marks an author list the site cut short.
    authors: p.authorsTruncated ? (authors ? `${authors}; et al.` : 'et al.') : authors,
    year: p.year,
    venue: p.venue,
    citations: p.citations,
    doi: p.ids?.doi,
    arxiv: p.ids?.arxiv,
    openreview: p.ids?.openreview,
    url: p.url,
    pdfUrl: p.pdfUrl,
    codeUrl: p.codeUrl,
    categories: list(p.categories),
    keywords: list(p.keywords),
    abstract: p.abstract,
    tldr: p.tldr,
    // The sites the paper was seen on, each once, in first-seen order.
    sources: [...new Set((p.sources ?? []).map((s) => s.site))].join('; '),
  };
  return CSV_COLUMNS.map((c) => values[c]);
}

/**
 * The papers as CSV text: a header row (`CSV_COLUMNS`), then one row per paper in the order given;
 * every row ends with CRLF. Lists (authors, categories, keywords, sources) are joined with "; ";
 * a truncated author list ends with "; et al.". See `csvCell` for escaping and formula guarding.
 */
export function toCsv(papers: ExportedPaper[], options: CsvOptions = {}): string {
  const lines = [CSV_COLUMNS.join(','), ...papers.map((p) => row(p).map(csvCell).join(','))];
  return (options.bom ? '\ufeff' : '') + lines.map((l) => l + '\r\n').join('');
}
