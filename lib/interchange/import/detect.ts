/**
 * Recognising an import file by its content (a Paperdex export, a PaperMemory export, CSL-JSON or
 * BibTeX) and handing it to the reader of its kind. A file is taken whole or not at all: any problem throws an
 * {@link ImportError} before anything is written.
 */
import { FORMAT } from './import-schema';
import { ImportError, type ParsedImport } from './import-types';
import { parseJson, rejectDuplicateKeys } from './json-syntax';
import { parsePaperdexImport } from './paperdex-file';
import { parseBibtexImport, parseCslImport } from './foreign-file';
import { isPaperMemoryExport, parsePaperMemoryImport } from './papermemory';
import { formatNumber, t } from '../../i18n/i18n';

/** Largest file accepted, in MB (of text, counted in UTF-16 code units). */
export const MAX_IMPORT_MB = 50;
export const MAX_IMPORT_CHARS = MAX_IMPORT_MB * 1024 * 1024;

const BIBTEX_ENTRY = /(^|[^\w.+-])@[A-Za-z]+\s*[{(]/;

/**
 * Read an import file: detect its kind by content (a JSON object with `format`
 * "paperdex/collection" → Paperdex export; an object with `__dataVersion` or of papers keyed by id →
 * PaperMemory export; a JSON array, a CSL item or an object of CSL items →
 * CSL-JSON; text with `@article{`-style entries → BibTeX; else by extension), validate all of it
 * (a Paperdex export with a key twice in one object, or with nothing to import, is refused),
 * and return the papers (and authors, collections) to import. Throws an {@link ImportError} for any
 * problem: the file is then not imported at all.
 */
export function parseImportFile(fileName: string, text: string): ParsedImport {
  if (text.length > MAX_IMPORT_CHARS) {
    const mb = Math.ceil((text.length / (1024 * 1024)) * 10) / 10;
    const size = formatNumber(mb, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    throw new ImportError(t('import_fileTooLarge', { size, limit: MAX_IMPORT_MB }), 'file');
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (!trimmed) throw new ImportError(t('import_fileEmpty'), 'file');
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (trimmed[0] === '{' || trimmed[0] === '[') return parseJsonImport(fileName, body);
  if (BIBTEX_ENTRY.test(body)) return parseBibtexImport(fileName, body);
  if (ext === 'json') return parseJsonImport(fileName, body);
  if (ext === 'bib' || ext === 'bibtex') return parseBibtexImport(fileName, body);
  throw new ImportError(t('import_unknownFormat'), 'file');
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const looksLikeCslItem = (x: unknown) => isObject(x) && typeof x.type === 'string' && ('title' in x || 'author' in x || 'DOI' in x);

function parseJsonImport(fileName: string, text: string): ParsedImport {
  const value = parseJson(text);
  if (Array.isArray(value)) return parseCslImport(fileName, value);
  if (!isObject(value)) throw new ImportError(t('import_jsonNotObject'));
  if ('format' in value || ('papers' in value && ('version' in value || 'exportedAt' in value))) {
    // JSON.parse keeps the last of two equal keys: `"papers"` twice would import whichever came last.
    rejectDuplicateKeys(text);
    return parsePaperdexImport(value);
  }
  if (isPaperMemoryExport(value)) {
    // (a paper id twice would keep only the last one)
    rejectDuplicateKeys(text);
    return parsePaperMemoryImport(value);
  }
  if (looksLikeCslItem(value)) return parseCslImport(fileName, [value]);
  const items = Object.values(value);
  if (items.length && items.every(looksLikeCslItem)) return parseCslImport(fileName, items);
  throw new ImportError(t('import_jsonUnknown', { format: FORMAT }), 'format');
}
