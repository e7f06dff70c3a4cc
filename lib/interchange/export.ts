/**
 * Export of a collection as `paperdex/collection` JSON, format version 1 (documented in the
 * README; the format is lib/core/export-schema.ts, the document is assembled by the pure
 * lib/core/assemble-export.ts). This module reads the records from the database, names the file
 * and serializes it without freezing the page.
 */
import type { PaperdexDB } from '../store/db';
import { ALL_PAPERS, assembleExport } from '../core/assemble-export';
import type { CollectionExportV1, PaperRecord } from '../core/types';

export { ALL_PAPERS };
export type { CollectionExportV1, ExportedAuthor, ExportedCollection, ExportedPaper } from '../core/types';

/**
 * Build the export of a collection (default: all papers). Authors included are those linked to an
 * exported paper; for "All papers", every author.
 */
export async function buildExport(
  db: PaperdexDB,
  collectionId: string = ALL_PAPERS.id,
  now: Date = new Date(),
): Promise<CollectionExportV1> {
  return db.transaction('r', db.papers, db.authors, db.collections, async () => {
    let collection: { id: string; name: string } = ALL_PAPERS;
    let papers: PaperRecord[];
    if (collectionId === ALL_PAPERS.id) {
      papers = await db.papers.toArray();
    } else {
      const c = await db.collections.get(collectionId);
      if (!c) throw new Error(`No collection with id ${collectionId}`);
      collection = { id: c.id, name: c.name };
      papers = await db.papers.where('collectionIds').equals(collectionId).toArray();
    }
    const ids = new Set(papers.map((p) => p.id));
    let authors = await db.authors.toArray();
    if (collectionId !== ALL_PAPERS.id) authors = authors.filter((a) => a.paperIds.some((id) => ids.has(id)));
    return assembleExport({ collection, papers, authors, collections: await db.collections.toArray(), now });
  });
}

/** A file name for an export: `paperdex-<collection>-YYYY-MM-DD.json`. */
export function exportFileName(collectionName: string, now: Date = new Date(), ext = 'json'): string {
  const slug =
    collectionName
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'collection';
  return `paperdex-${slug}-${now.toISOString().slice(0, 10)}.${ext}`;
}

const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * `JSON.stringify(data, null, 2)` built piece by piece, yielding to the event loop between
 * batches so a 100k-paper export never freezes the page; reports progress (papers done / total).
 */
export async function serializeExport(data: CollectionExportV1, onProgress?: (done: number, total: number) => void): Promise<string> {
  const parts: string[] = ['{'];
  const keys = (Object.keys(data) as (keyof CollectionExportV1)[]).filter((k) => data[k] !== undefined);
  const total = data.papers.length + data.authors.length;
  let done = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = data[key];
    const comma = k < keys.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      parts.push(`\n  ${JSON.stringify(key)}: [`);
      for (let i = 0; i < value.length; i++) {
        parts.push(`\n    ${JSON.stringify(value[i], null, 2).replace(/\n/g, '\n    ')}${i < value.length - 1 ? ',' : ''}`);
        if (key === 'papers' || key === 'authors') {
          done++;
          if (done % 2000 === 0) {
            onProgress?.(done, total);
            await yieldToUi();
          }
        }
      }
      parts.push(`\n  ]${comma}`);
    } else {
      parts.push(`\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}`);
    }
  }
  parts.push('\n}');
  onProgress?.(total, total);
  return parts.join('');
}

/** The file formats a collection exports to. */
export type ExportFormat = 'json' | 'bibtex' | 'csl-json' | 'csv';

export const EXPORT_FORMATS: { id: ExportFormat; label: string; ext: string; mime: string }[] = [
  { id: 'json', label: 'Paperdex JSON', ext: 'json', mime: 'application/json' },
  { id: 'bibtex', label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex' },
  { id: 'csl-json', label: 'CSL-JSON (Zotero)', ext: 'csl.json', mime: 'application/vnd.citationstyles.csl+json' },
  { id: 'csv', label: 'CSV (spreadsheet)', ext: 'csv', mime: 'text/csv' },
];
