/**
 * Reading CSL-JSON and BibTeX files: their papers (lib/interchange/csl-json, lib/interchange/bibtex)
 * checked against the export format's limits (lib/core/fields.ts), into one new collection named
 * after the file.
 */
import * as v from 'valibot';
import { parseBibtex, type ImportedPaper } from '../bibtex/bibtex';
import { parseCslJson } from '../csl-json/csl-json';
import { fieldNames, fileEntries, PAPER_FIELDS, USER_FIELDS } from '../../core/fields';
import { describeIssue, isHttpUrl } from './import-schema';
import { ImportError, type IncomingPaper, type ParsedImport } from './import-types';
import { t, tn } from '../../i18n/i18n';

/** The collection a BibTeX / CSL-JSON file becomes: the file's name without extension. */
export function collectionNameFor(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  let n = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  if (!n) n = t('import_defaultCollection');
  if (n.toLowerCase() === 'all papers') n = t('import_allPapersCollection');
  return n;
}

/**
 * Every paper field (those the export does not write too, such as `hasCode`) and the user's layer
 * (a BibTeX `annote` is a note), with the export format's limits.
 */
const ForeignPaperSchema = v.object({ ...fileEntries(PAPER_FIELDS), ...fileEntries(USER_FIELDS) });
const URL_FIELDS = fieldNames(PAPER_FIELDS).filter((k) => PAPER_FIELDS[k].type === 'url');

/** A paper read from BibTeX / CSL-JSON, checked against the limits of the export format. */
function foreignPaper(p: ImportedPaper, label: string): IncomingPaper {
  const q: Record<string, unknown> = { ...p };
  delete q.citeKey;
  delete q.authorProfiles;
  // What the export format cannot hold is dropped (a `www.…` URL, a year 0), not fatal.
  for (const k of URL_FIELDS) if (typeof q[k] === 'string' && !isHttpUrl(q[k] as string)) delete q[k];
  if (q.year !== undefined && !(Number.isInteger(q.year) && (q.year as number) >= 1 && (q.year as number) <= 9999)) delete q.year;
  if (typeof q.date === 'string' && q.date.length > 100) delete q.date;
  const r = v.safeParse(ForeignPaperSchema, q, { abortEarly: true });
  if (!r.success) {
    const d = describeIssue(r.issues[0]);
    throw new ImportError(`${label}: ${d.message}`, label);
  }
  return r.output as IncomingPaper;
}

/** The first of `n` problems, and how many more there are. */
const withMore = (message: string, n: number) => (n > 1 ? tn('import_moreProblems', n - 1, { message }) : message);
/** A problem at a line of the file ("line 12: …"; the line as text, never "1,234"). */
const atLine = (line: number, message: string) => t('import_atLine', { line: String(line), message });

export function parseCslImport(fileName: string, items: unknown[]): ParsedImport {
  if (!items.length) throw new ImportError(t('import_emptyList'), 'file');
  const r = parseCslJson(items);
  if (r.errors.length) {
    const e = r.errors[0];
    throw new ImportError(withMore(e.message, r.errors.length), e.index >= 0 ? `[${e.index}]` : undefined);
  }
  const papers = r.papers.map((p, i) => foreignPaper(p, `Item ${i}${p.citeKey ? ` ("${p.citeKey}")` : ''}`));
  return { kind: 'csl-json', papers, collections: [{ name: collectionNameFor(fileName) }], count: papers.length, warnings: [] };
}

export function parseBibtexImport(fileName: string, text: string): ParsedImport {
  const r = parseBibtex(text);
  if (r.errors.length) {
    const e = r.errors[0];
    throw new ImportError(withMore(atLine(e.line, e.message), r.errors.length), `line ${e.line}`);
  }
  const warnings = r.warnings.map((w) => atLine(w.line, w.message));
  if (!r.papers.length) {
    throw new ImportError(warnings.length ? t('import_noTitles', { first: warnings[0] }) : t('import_noEntries'), 'file');
  }
  const papers = r.papers.map((p) => foreignPaper(p, `Entry '${p.citeKey ?? '?'}'`));
  return { kind: 'bibtex', papers, collections: [{ name: collectionNameFor(fileName) }], count: papers.length, warnings };
}
