/**
 * Assembling a `paperdex/collection` document (lib/core/export-schema.ts) from library records:
 * the one place that decides what an export holds and in which order. Pure (no database): Export
 * JSON and the other export formats (lib/interchange/export.ts, export-files.ts) and the backup
 * taken before a schema upgrade (lib/store/migration.ts) read the records and call it.
 * Ordering is stable (papers, authors and collections by id) so two exports of the same data
 * differ only in `exportedAt`.
 */
import { AUTHOR_FIELDS, fieldNames, PAPER_FIELDS, USER_FIELDS, type Table } from './fields';
import { CURRENT_VERSION, FORMAT } from './export-schema';
import type {
  AuthorRecord,
  CollectionExportV1,
  CollectionRecord,
  ExportedAuthor,
  ExportedCollection,
  ExportedPaper,
  PaperRecord,
} from './types';

/** The implicit collection holding every paper. */
export const ALL_PAPERS = { id: 'all', name: 'All papers' } as const;

const exported = <T extends Table>(t: T) => fieldNames(t).filter((k) => t[k].exported);
/** The record fields an exported paper / author carries, in the order the export writes them. */
const PAPER_KEYS = ['id', ...exported(PAPER_FIELDS), ...exported(USER_FIELDS)] as const;
const AUTHOR_KEYS = ['id', ...exported(AUTHOR_FIELDS)] as const;

/** The fields of `o` named by `keys` that hold something (no empty strings, lists or objects). */
function pick(o: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** The exported form of a stored paper. */
export function exportPaper(p: PaperRecord): ExportedPaper {
  return { ...pick(p, PAPER_KEYS), authors: p.authors, sources: p.sources.map((s) => ({ ...s })) } as ExportedPaper;
}

/** The exported form of a stored author, limited to the exported papers. */
export function exportAuthor(a: AuthorRecord, paperIds: Set<string>): ExportedAuthor {
  return {
    ...pick(a, AUTHOR_KEYS),
    profiles: a.profiles.map((p) => ({ ...p })),
    reported: a.reported.map((r) => ({ ...r })),
    paperIds: a.paperIds.filter((id) => paperIds.has(id)).sort(),
  } as ExportedAuthor;
}

/** What {@link assembleExport} puts in a document. */
export interface ExportInput {
  /** The collection exported: {@link ALL_PAPERS} for the whole library. */
  collection: { id: string; name: string };
  /** The papers to export. */
  papers: PaperRecord[];
  /** The authors to export (the caller chooses: every author, or those of the papers). */
  authors: AuthorRecord[];
  /**
   * The library's named collections, written with their members among the exported papers. For
   * the whole library every one is written, empty ones included; otherwise those holding an
   * exported paper. Omitted: the document has no `collections`.
   */
  collections?: CollectionRecord[];
  /** Time of the export. */
  now: Date;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The `paperdex/collection` document of these records. Does not modify its input. */
export function assembleExport(input: ExportInput): CollectionExportV1 {
  const papers = [...input.papers].sort(byId);
  const ids = new Set(papers.map((p) => p.id));
  const whole = input.collection.id === ALL_PAPERS.id;
  const out: CollectionExportV1 = {
    format: FORMAT,
    version: CURRENT_VERSION,
    exportedAt: input.now.toISOString(),
    collection: { id: input.collection.id, name: input.collection.name },
    papers: papers.map(exportPaper),
    authors: [...input.authors].sort(byId).map((a) => exportAuthor(a, ids)),
  };
  const named: ExportedCollection[] = (input.collections ?? [])
    .map((c) => ({
      id: c.id,
      name: c.name,
      createdAt: new Date(c.createdAt).toISOString(),
      // (records written before schema version 2 may lack collectionIds)
      paperIds: papers.filter((p) => (p.collectionIds ?? []).includes(c.id)).map((p) => p.id),
    }))
    .filter((c) => c.paperIds.length > 0 || whole)
    .sort(byId);
  if (named.length) out.collections = named;
  return out;
}
