/**
 * The IndexedDB schema (Dexie) and every version of it. The database lives in the extension's own
 * origin: only the background and extension pages open it (a content script's IndexedDB would be
 * the web page's). Later schema versions are added below, never edited in place.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AuthorRecord, CaptureRecord, CollectionRecord, PaperRecord } from './types';

/** A key/value row for small persistent settings and bookkeeping. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** The Paperdex database. */
export class PaperdexDB extends Dexie {
  papers!: EntityTable<PaperRecord, 'id'>;
  authors!: EntityTable<AuthorRecord, 'id'>;
  /** One row per page capture (provenance log). */
  sources!: EntityTable<CaptureRecord, 'id'>;
  collections!: EntityTable<CollectionRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name = 'paperdex') {
    super(name);
    // Version 1. Indexes serve the UI's queries:
    // papers: by strong id (*idKeys), by title (titleKey: identity + prefix match), by author
    //   (*authorIds), by year, by collection (*collectionIds), recently updated/added first.
    // authors: by site profile (*profileKeys), by name (nameKey), recent first.
    // sources: by url (revisits), by site, recent first (at), by author.
    this.version(1).stores({
      papers: 'id, *idKeys, titleKey, *authorIds, year, citations, *collectionIds, addedAt, updatedAt',
      authors: 'id, *profileKeys, nameKey, updatedAt',
      sources: '++id, url, site, at, authorId',
      collections: 'id, &name, updatedAt',
      meta: 'key',
    });
  }
}

let instance: PaperdexDB | undefined;

/** The shared database handle for this context (opened lazily; no work at import time). */
export function getDb(): PaperdexDB {
  instance ??= new PaperdexDB();
  return instance;
}

/** Replace the shared handle (tests use a fresh database per case). */
export function setDb(db: PaperdexDB | undefined): void {
  instance = db;
}
