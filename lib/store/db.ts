/**
 * The IndexedDB schema (Dexie) and every version of it. The database lives in the extension's own
 * origin: only the background and extension pages open it (a content script's IndexedDB would be
 * the web page's). Later schema versions are added below, never edited in place.
 */
import Dexie, { type EntityTable, type PromiseExtended } from 'dexie';
import { changeTracking, type ChangeRecord } from './changes';
import { syncLogging, type SyncLogRecord } from './sync-log';
import { backupBeforeUpgrade } from './migration';
import type { AuthorRecord, CaptureRecord, CollectionRecord, PaperRecord } from '../core/types';

/** A key/value row for small persistent settings and bookkeeping. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** How a paper was opened (lib/store/openings.ts). */
export type OpenedHow = 'result' | 'page' | 'pdf';

/** One "opened" sighting of a paper (lib/store/openings.ts). */
export interface OpeningRecord {
  id?: number;
  paperId: string;
  /** Epoch ms. */
  at: number;
  how: OpenedHow;
}

/** Where one synced record stands with the sync log (lib/sync/sync-engine.ts). */
export interface SyncStateRecord {
  /** `paper:<id>`, … (as lib/store/sync-log.ts). */
  key: string;
  /** The local PouchDB revision the record was last reconciled at. */
  rev: string;
  /** Hash of the record's content then ('' when it was deleted). */
  hash: string;
}

/** The Paperdex database. */
export class PaperdexDB extends Dexie {
  papers!: EntityTable<PaperRecord, 'id'>;
  authors!: EntityTable<AuthorRecord, 'id'>;
  /** One row per page capture (provenance log). */
  sources!: EntityTable<CaptureRecord, 'id'>;
  collections!: EntityTable<CollectionRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  /** The last change to each paper ever written (lib/store/changes.ts), for the search host's catch-up. */
  changes!: EntityTable<ChangeRecord, 'paperId'>;
  /** When the user opened a paper (a result, its landing page, its PDF): lib/store/openings.ts. */
  openings!: EntityTable<OpeningRecord, 'id'>;
  /** The last change to each synced record (lib/store/sync-log.ts), for sync's outgoing changes. */
  syncLog!: EntityTable<SyncLogRecord, 'key'>;
  /** Per synced record: the CouchDB revision and content hash it was last reconciled at (lib/sync/sync-engine.ts). */
  syncState!: EntityTable<SyncStateRecord, 'key'>;

  constructor(name = 'paperdex') {
    // Strict durability: a committed capture is on disk, not only in the OS cache, so a crash or
    // a killed browser right after "saved" loses nothing.
    super(name, { chromeTransactionDurability: 'strict' });
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
    // Version 2: re-scrapes of one page visit are found by visit id (the background looked them
    // up by URL and filtered); every paper gets the arrays later code relies on.
    this.version(2)
      .stores({ sources: '++id, url, site, at, authorId, visitId' })
      .upgrade(async (tx) => {
        await tx
          .table('papers')
          .toCollection()
          .modify((p: PaperRecord) => {
            p.collectionIds ??= [];
            p.citationHistory ??= [];
            p.authorIds ??= [];
            p.sources ??= [];
          });
      });
    // Version 3: the change log (one row per paper: its last change's sequence, by seq), written
    // by the middleware in the transaction of every write to papers. Existing papers need no rows:
    // a saved search index without a sequence is rebuilt from all papers.
    this.version(3).stores({ changes: 'paperId, seq' });
    // Version 4: "opened" sightings (recently opened, reading history per paper): recent first
    // (at), and one paper's history in time order ([paperId+at]). Existing tables are unchanged;
    // nothing to migrate (no openings were recorded before).
    // Also: papers by the user's tags (*tags, lib/store/user-layer.ts: tag completion with counts
    // without reading every paper); papers without tags are simply not in it.
    this.version(4).stores({
      openings: '++id, at, [paperId+at]',
      papers: 'id, *idKeys, titleKey, *authorIds, year, citations, *collectionIds, addedAt, updatedAt, *tags',
    });
    // Version 5: sync (opt-in, lib/sync). The sync log (one row per synced record: its last
    // change's seq, by seq), written by a middleware like the change log; and per record the
    // revision it was last reconciled at. Nothing to migrate: records written before have no log
    // row, and turning sync on sends every record once.
    this.version(5).stores({ syncLog: 'key, seq', syncState: 'key' });
    this.use(changeTracking);
    this.use(syncLogging);
  }

  /** Open, saving a backup of the old data first when a schema upgrade is pending. */
  override open(): PromiseExtended<Dexie> {
    if (this.isOpen()) return super.open();
    const backup = backupBeforeUpgrade(this.name, this.verno).catch((e: unknown) => {
      console.warn('[paperdex] could not back up before the upgrade:', e);
    });
    return Dexie.Promise.resolve(backup).then(() => super.open()) as PromiseExtended<Dexie>;
  }
}

/** The current schema version. */
export const DB_VERSION = 5;

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
