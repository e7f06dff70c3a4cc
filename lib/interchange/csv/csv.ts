/**
 * CSV export of papers, for spreadsheets (Excel, LibreOffice, Google Sheets) and scripts.
 *
 * Owns the column set and the cell encoding: RFC 4180 (CRLF line ends, quotes doubled; fields containing
 * `,` `;` `"` TAB CR or LF are quoted) plus formula-injection guarding that holds in comma and semicolon
 * locales (see `csvCell`). Pure: no browser APIs, no I/O.
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
  // The user's own layer (lib/core/fields.ts USER_FIELDS).
  'starred',
  'status',
  'tags',
  'note',
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

/*
 * Why quoting alone does not make the file safe in a semicolon locale, and what does.
 *
 * The file is comma-separated. Excel opens a double-clicked .csv with the system's list separator:
 * `,` in en locales, `;` in de/fr (and most of continental Europe). A double quote is a text
 * qualifier only at the START of a field; elsewhere it is an ordinary character.
 *  - A reader that splits on `,` (Excel en, LibreOffice/Excel "From Text" with Comma ticked, with or
 *    without Semicolon or Tab ticked too): every cell of ours starts at a `,` (or the line start), so
 *    its opening quote is honoured, and a `,` `;` TAB or line break inside a quoted cell never splits
 *    it. Each field such a reader sees is one of our cells, so guarding each cell's start is enough
 *    for it. Quoting every cell containing `;` or TAB is what keeps such cells whole for a reader
 *    that splits on `,` and `;` (or TAB) at once: unquoted, `A; B` would become two fields.
 *  - A reader that splits on `;` only (Excel de/fr double-click): our cells mostly start in the middle
 *    of one of its fields (after a `,`, which it does not split on), so their quotes are NOT honoured:
 *    it splits inside the quoted cell `"A; =1+1"` at the `;`, and a line break inside a quoted cell
 *    ends its row. Its fields start right after a `;` or a line break of ours (or at the row start,
 *    our first cell). A `,` inside a cell is never a field start for any reader that honours quotes
 *    at field starts, so `,` needs no guard (guarding it would mangle every "…, -5 dB" in abstracts).
 *    The same holds for a TAB-only reader (the legacy Text Import Wizard's default) with TAB.
 * So the guard is applied at the start of the cell AND after every `;`, TAB, CR and LF inside it:
 * wherever a formula prefix follows such a boundary (after any spaces, which some readers trim, and
 * quotes, which may open a qualifier there), a `'` is inserted before it. tests/unit/formats/csv.test.ts
 * reads the output as each of these readers does and finds no field that starts with a prefix.
 */

/** The OWASP CSV-injection prefixes: `=` `+` `-` `@` TAB CR. */
const FORMULA_AT_START = /^([ "]*)(?=[=+\-@\t\r])/;
const FORMULA_AFTER_BOUNDARY = /([;\t\r\n][ "]*)(?=[=+\-@\t\r])/g;

/**
 * One CSV cell. Numbers are written as numbers (finite only; no guard — a spreadsheet must be able to
 * sum the citations column). Text: control characters other than TAB/CR/LF removed; a formula prefix
 * (`=`, `+`, `-`, `@`, TAB or CR) at the start of the cell or after a `;`, TAB or line break in it
 * (spaces and quotes skipped) gets a `'` before it, so a spreadsheet shows text instead of evaluating
 * a formula (OWASP "CSV Injection"; scraped titles are attacker-controlled), whichever of `,` and `;`
 * it splits on (see the comment above); then quoted per RFC 4180 when it contains `,`, `;`, `"`, TAB,
 * CR or LF.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = value.replace(CONTROL, '').replace(FORMULA_AFTER_BOUNDARY, "$1'").replace(FORMULA_AT_START, "$1'");
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
    starred: p.starred ? 'yes' : undefined,
    status: p.status,
    tags: list(p.tags),
    // Line breaks kept (the cell is quoted); a formula after one is guarded like any other.
    note: p.note,
  };
  return CSV_COLUMNS.map((c) => values[c]);
}

/**
 * The papers as CSV text: a header row (`CSV_COLUMNS`), then one row per paper in the order given;
 * every row ends with CRLF. Lists (authors, categories, keywords, sources, tags) are joined with "; ";
 * `starred` is "yes" or empty, `status` toread / reading / read or empty;
 * a truncated author list ends with "; et al.". See `csvCell` for escaping and formula guarding.
 */
export function toCsv(papers: ExportedPaper[], options: CsvOptions = {}): string {
  const lines = [CSV_COLUMNS.join(','), ...papers.map((p) => row(p).map(csvCell).join(','))];
  return (options.bom ? '\ufeff' : '') + lines.map((l) => l + '\r\n').join('');
}
