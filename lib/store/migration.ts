/**
 * Before the database schema is upgraded, the data as it was is saved as a backup (a
 * `paperdex/collection` JSON export, assembled by lib/core/assemble-export.ts like Export JSON, so
 * it can be re-imported), and the side panel offers it for download. Reads the old database with
 * the raw IndexedDB API at its current version, so the upgrade has not touched it yet.
 */
import { ALL_PAPERS, assembleExport } from '../core/assemble-export';
import type { AuthorRecord, CollectionRecord, PaperRecord } from '../core/types';

const BACKUP_DB = 'paperdex-backups';

/** A backup taken before an upgrade. */
export interface UpgradeBackup {
  id: string;
  /** Dexie schema versions. */
  fromVersion: number;
  toVersion: number;
  takenAt: string;
  papers: number;
  json: string;
  dismissed?: boolean;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((res, rej) => {
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
}

function openBackups(): Promise<IDBDatabase> {
  const r = indexedDB.open(BACKUP_DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore('backups', { keyPath: 'id' });
  return req(r);
}

/** The IndexedDB version of an existing database, or 0 if there is none (without creating it). */
async function existingVersion(name: string): Promise<number> {
  const dbs = (await indexedDB.databases?.()) ?? [];
  return dbs.find((d) => d.name === name)?.version ?? 0;
}

/**
 * If `name` exists at an older schema than `targetVersion` (Dexie's version number), save a backup
 * of all its data first. Returns the backup, or undefined when no upgrade is pending.
 */
export async function backupBeforeUpgrade(name: string, targetVersion: number): Promise<UpgradeBackup | undefined> {
  const idbVersion = await existingVersion(name);
  // Dexie stores version n as IndexedDB version n × 10.
  if (!idbVersion || idbVersion >= targetVersion * 10) return undefined;
  const db = await req(indexedDB.open(name, idbVersion));
  try {
    const read = async <T>(store: string): Promise<T[]> =>
      db.objectStoreNames.contains(store) ? req(db.transaction(store).objectStore(store).getAll() as IDBRequest<T[]>) : [];
    const papers = await read<PaperRecord>('papers');
    const authors = await read<AuthorRecord>('authors');
    const collections = await read<CollectionRecord>('collections');
    const data = assembleExport({ collection: ALL_PAPERS, papers, authors, collections, now: new Date() });
    const backup: UpgradeBackup = {
      id: `${name}-v${idbVersion / 10}-${Date.now()}`,
      fromVersion: idbVersion / 10,
      toVersion: targetVersion,
      takenAt: data.exportedAt,
      papers: papers.length,
      json: JSON.stringify(data, null, 2) + '\n',
    };
    const bdb = await openBackups();
    try {
      const tx = bdb.transaction('backups', 'readwrite', { durability: 'strict' });
      tx.objectStore('backups').put(backup);
      await new Promise<void>((res, rej) => {
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
    } finally {
      bdb.close();
    }
    return backup;
  } finally {
    db.close();
  }
}

/** Backups the user has not dismissed, newest first. */
export async function pendingBackups(): Promise<UpgradeBackup[]> {
  const bdb = await openBackups();
  try {
    const all = await req(bdb.transaction('backups').objectStore('backups').getAll() as IDBRequest<UpgradeBackup[]>);
    return all.filter((b) => !b.dismissed).sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  } finally {
    bdb.close();
  }
}

/** Hide a backup from the banner (it is kept). */
export async function dismissBackup(id: string): Promise<void> {
  const bdb = await openBackups();
  try {
    const store = bdb.transaction('backups', 'readwrite').objectStore('backups');
    const b = await req(store.get(id) as IDBRequest<UpgradeBackup | undefined>);
    if (b) await req(store.put({ ...b, dismissed: true }));
  } finally {
    bdb.close();
  }
}
