/**
 * Importing files into the library: a Paperdex export (`paperdex/collection`, lib/interchange/export.ts), a
 * PaperMemory export (papermemory.ts), a CSL-JSON file or a BibTeX file.
 *
 * Files of other tools (BibTeX, CSL-JSON, PaperMemory) offer one collection for their papers, named
 * after the file ("PaperMemory" for PaperMemory): `offeredCollection` names it and
 * `withCollectionChoice` applies what the user chose (that name, another one, or none).
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
 *
 * This module is the public face; the work is split by step: detect.ts (which kind of file),
 * json-syntax.ts, paperdex-file.ts, papermemory.ts and foreign-file.ts (reading each kind), import-schema.ts (the
 * export format's validation), merge-records.ts (records from incoming data, pure) and write.ts
 * (chunked writing).
 */
import type { PaperdexDB } from '../../store/db';
import { parseImportFile } from './detect';
import { isCollectionName } from './import-schema';
import { ImportError, type ImportOptions, type ImportSummary, type ParsedImport } from './import-types';
import { importParsed } from './write';
import { t } from '../../i18n/i18n';

export { MAX_IMPORT_CHARS, parseImportFile } from './detect';
export { jsonErrorOffset } from './json-syntax';
export { importParsed } from './write';
export * from './import-types';

/** Read and import a file in one go (parse errors throw {@link ImportError} before any write). */
export async function importFile(db: PaperdexDB, fileName: string, text: string, opts?: ImportOptions): Promise<ImportSummary> {
  return importParsed(db, parseImportFile(fileName, text), opts);
}

/**
 * The collection a file of another tool (BibTeX, CSL-JSON, PaperMemory) offers to put its papers in,
 * or undefined for a Paperdex export (whose collections are the exporting library's own).
 */
export function offeredCollection(parsed: ParsedImport): string | undefined {
  return parsed.kind === 'paperdex' ? undefined : parsed.collections[0]?.name;
}

/**
 * The file as the user chose to import it: its papers also put in a new collection named `name`
 * (the offered name or another; a name in use gets a " (2)"), or in none (`null`). A Paperdex
 * export is returned as it is. Throws an {@link ImportError} for a name no collection can have.
 */
export function withCollectionChoice(parsed: ParsedImport, name: string | null): ParsedImport {
  if (parsed.kind === 'paperdex') return parsed;
  if (name === null) return { ...parsed, collections: [] };
  const n = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!isCollectionName(n)) throw new ImportError(t('import_collectionNameInvalid'), 'collection');
  return { ...parsed, collections: [{ name: n }] };
}
