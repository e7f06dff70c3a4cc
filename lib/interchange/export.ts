/**
 * Export of a collection as `paperdex/collection` JSON, format version 1 (documented in the
 * README). Later versions may add fields; they never remove or change these. Ordering is stable
 * (papers and authors by id) so two exports of the same data differ only in `exportedAt`.
 */
import type { PaperdexDB } from '../store/db';
import type { AuthorRecord, PaperRecord, PaperSource, ReportedSnapshot } from '../core/types';

/** The implicit collection holding every paper. */
export const ALL_PAPERS = { id: 'all', name: 'All papers' } as const;

/** A paper in the export: the stored record's public fields and its sightings. */
export type ExportedPaper = Pick<PaperRecord, 'id' | 'title' | 'authors'> &
  Partial<
    Pick<
      PaperRecord,
      | 'authorsTruncated'
      | 'year'
      | 'date'
      | 'venue'
      | 'abstract'
      | 'tldr'
      | 'categories'
      | 'keywords'
      | 'citations'
      | 'ids'
      | 'url'
      | 'pdfUrl'
      | 'codeUrl'
      | 'type'
    >
  > & { sources: PaperSource[] };

export interface ExportedAuthor {
  id: string;
  name: string;
  affiliation?: string;
  interests?: string[];
  homepage?: string;
  profiles: AuthorRecord['profiles'];
  reported: ReportedSnapshot[];
  paperIds: string[];
}

/** A named collection inside an export (an extension of v1: older readers ignore it). */
export interface ExportedCollection {
  id: string;
  name: string;
  createdAt?: string;
  paperIds: string[];
}

export interface CollectionExportV1 {
  format: 'paperdex/collection';
  version: 1;
  exportedAt: string;
  collection: { id: string; name: string };
  papers: ExportedPaper[];
  authors: ExportedAuthor[];
  /** The named collections the exported papers belong to, with their members among the exported papers. */
  collections?: ExportedCollection[];
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** The exported form of a stored paper. */
export function exportPaper(p: PaperRecord): ExportedPaper {
  return {
    ...pick(p, [
      'id',
      'title',
      'authors',
      'authorsTruncated',
      'year',
      'date',
      'venue',
      'abstract',
      'tldr',
      'categories',
      'keywords',
      'citations',
      'ids',
      'url',
      'pdfUrl',
      'codeUrl',
      'type',
    ]),
    authors: p.authors,
    sources: p.sources.map((s) => ({ ...s })),
  } as ExportedPaper;
}

/** The exported form of a stored author, limited to the exported papers. */
export function exportAuthor(a: AuthorRecord, paperIds: Set<string>): ExportedAuthor {
  return {
    ...pick(a, ['id', 'name', 'affiliation', 'interests', 'homepage']),
    profiles: a.profiles.map((p) => ({ ...p })),
    reported: a.reported.map((r) => ({ ...r })),
    paperIds: a.paperIds.filter((id) => paperIds.has(id)).sort(),
  } as ExportedAuthor;
}

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
    papers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ids = new Set(papers.map((p) => p.id));
    let authors = await db.authors.toArray();
    if (collectionId !== ALL_PAPERS.id) authors = authors.filter((a) => a.paperIds.some((id) => ids.has(id)));
    authors.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const named = (await db.collections.toArray())
      .map((c) => ({
        id: c.id,
        name: c.name,
        createdAt: new Date(c.createdAt).toISOString(),
        paperIds: papers.filter((p) => p.collectionIds.includes(c.id)).map((p) => p.id),
      }))
      .filter((c) => c.paperIds.length > 0 || collectionId === ALL_PAPERS.id)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const out: CollectionExportV1 = {
      format: 'paperdex/collection',
      version: 1,
      exportedAt: now.toISOString(),
      collection,
      papers: papers.map(exportPaper),
      authors: authors.map((a) => exportAuthor(a, ids)),
    };
    if (named.length) out.collections = named;
    return out;
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
