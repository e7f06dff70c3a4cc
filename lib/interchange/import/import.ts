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
 *
 * This module is the public face; the work is split by step: detect.ts (which kind of file),
 * json-syntax.ts, paperdex-file.ts and foreign-file.ts (reading each kind), import-schema.ts (the
 * export format's validation), merge-records.ts (records from incoming data, pure) and write.ts
 * (chunked writing).
 */
import type { PaperdexDB } from '../../store/db';
import { parseImportFile } from './detect';
import type { ImportOptions, ImportSummary } from './import-types';
import { importParsed } from './write';

export { MAX_IMPORT_CHARS, parseImportFile } from './detect';
export { jsonErrorOffset } from './json-syntax';
export { importParsed } from './write';
export * from './import-types';

/** Read and import a file in one go (parse errors throw {@link ImportError} before any write). */
export async function importFile(db: PaperdexDB, fileName: string, text: string, opts?: ImportOptions): Promise<ImportSummary> {
  return importParsed(db, parseImportFile(fileName, text), opts);
}
