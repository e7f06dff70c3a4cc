/**
 * Turning a collection (or a list of papers, e.g. the current search results) into a file in one
 * of the export formats. Shared by the popup and the side panel.
 */
import type { PaperdexDB } from '../store/db';
import { buildExport, EXPORT_FORMATS, exportFileName, serializeExport, type ExportFormat } from './export';
import { assembleExport } from '../core/assemble-export';
import { toBibtex } from './bibtex/bibtex';
import { toCslJson } from './csl-json/csl-json';
import { toCsv } from './csv/csv';
import type { CollectionExportV1, PaperRecord } from '../core/types';

export interface ExportFile {
  name: string;
  text: string;
  mime: string;
  papers: number;
  authors: number;
}

async function render(data: CollectionExportV1, format: ExportFormat, onProgress?: (d: number, t: number) => void): Promise<ExportFile> {
  const f = EXPORT_FORMATS.find((x) => x.id === format)!;
  let text: string;
  if (format === 'json') text = (await serializeExport(data, onProgress)) + '\n';
  else if (format === 'bibtex') text = toBibtex(data.papers);
  else if (format === 'csl-json') text = JSON.stringify(toCslJson(data.papers), null, 2) + '\n';
  else text = toCsv(data.papers, { bom: true });
  return {
    name: exportFileName(data.collection.name, new Date(data.exportedAt), f.ext),
    text,
    mime: f.mime,
    papers: data.papers.length,
    authors: data.authors.length,
  };
}

/** Export a collection ("all" for the whole library). */
export async function exportCollectionFile(
  db: PaperdexDB,
  collectionId: string,
  format: ExportFormat,
  onProgress?: (d: number, t: number) => void,
): Promise<ExportFile> {
  return render(await buildExport(db, collectionId), format, onProgress);
}

/** Export a list of papers (e.g. the current search results) as an ad-hoc collection. */
export async function exportPapersFile(db: PaperdexDB, papers: PaperRecord[], name: string, format: ExportFormat): Promise<ExportFile> {
  const authorIds = [...new Set(papers.flatMap((p) => p.authorIds))];
  const authors = (await db.authors.bulkGet(authorIds)).filter((a): a is NonNullable<typeof a> => !!a);
  // The authors linked from these papers; no named collections (the list is not one of them).
  return render(assembleExport({ collection: { id: 'search', name }, papers, authors, now: new Date() }), format);
}
