/**
 * BibTeX ⇄ Paperdex papers: the entry point of the format for the rest of the extension.
 *
 * Owns `parseBibtex` — the .bib syntax (./syntax.ts) read into raw entries, mapped to papers
 * (./entry-to-paper.ts) with the LaTeX in their fields decoded (./latex.ts) — and re-exports the
 * writer `toBibtex` (./writer.ts). The pieces CSL-JSON shares with BibTeX live beside them: names
 * (./names.ts), cite keys (./cite-keys.ts), the kind of publication (./paper-kind.ts) and the shape
 * of an imported paper (./imported-paper.ts). Pure and dependency-free: no browser APIs, no I/O.
 */
import { entriesToPapers } from './entry-to-paper';
import type { ImportedPaper } from './imported-paper';
import { BibParser, type BibError } from './syntax';

// The format's API for the importer and the exporter (lib/interchange/import, export-files.ts).
export type { ImportedPaper } from './imported-paper';
export type { BibError } from './syntax';
export { toBibtex } from './writer';

/** Result of `parseBibtex`. */
export interface BibtexParseResult {
  /** The papers of the file — always empty when `errors` is not (all or nothing). */
  papers: ImportedPaper[];
  /** Syntax errors (unbalanced braces, missing `=`, unterminated strings...). Any error means the file is rejected. */
  errors: BibError[];
  /** Non-fatal findings: entries skipped for lack of a title, undefined @string macros, duplicate fields. */
  warnings: BibError[];
}

/**
 * Read a BibTeX file. Understands @string macros (and the predefined month macros `jan`…`dec`),
 * `#` concatenation, braced and quoted values with nested braces, bare numbers, @comment,
 * @preamble (ignored), `%` line comments, entries delimited by `(`…`)`, LaTeX accents and commands
 * in values (`decodeLatex`), "Last, First and First Last" author lists ("and others" sets
 * `authorsTruncated`), month/date fields, arXiv ids from eprint / journal / URL, and `crossref`
 * (venue and date from the parent; a crossref'd @proceedings volume is not imported as a paper).
 *
 * Error policy — all or nothing: syntax errors (unbalanced braces, a missing `=` or `,`, an
 * unterminated string…) are returned in `errors` with the 1-based line to look at, and when there
 * is any error `papers` is empty, so a caller cannot import half a broken file. The parser still
 * resynchronises at the next line starting with `@` to report further errors in one pass (capped
 * at 50). Entries without a title are skipped with a warning — they are valid BibTeX.
 */
export function parseBibtex(text: string): BibtexParseResult {
  const parser = new BibParser(text);
  parser.run();
  if (parser.errors.length) return { papers: [], errors: parser.errors, warnings: parser.warnings };
  return { papers: entriesToPapers(parser.entries, parser.warnings), errors: [], warnings: parser.warnings };
}
