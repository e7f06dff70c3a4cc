/**
 * The sync host's thread: a dedicated worker (started by Chrome's offscreen document, or by
 * Firefox's background page) that runs the sync engine with PouchDB, so replication and merges
 * never stall an extension page or the search worker. It receives its configuration from the
 * background (which holds extension storage) and reports records written from the server back.
 */
import PouchDB from 'pouchdb-browser';
import { getDb } from '../store/db';
import { SyncEngine, type SyncDb } from './sync-engine';
import { databaseUrl, type SyncConfig } from './sync-types';

/** Messages to the worker. */
export type ToSyncWorker = { type: 'run'; config: SyncConfig | null; now?: boolean };
/** Messages from the worker. */
export type FromSyncWorker = { type: 'applied'; ids: string[]; settings: boolean };

/** The local log's PouchDB database name (IndexedDB `_pouch_paperdex-sync`). */
export const LOCAL_LOG = 'paperdex-sync';

/** Start the engine and answer the host's messages. */
export function startSyncWorker(): void {
  const post = (m: FromSyncWorker) => (self as unknown as Worker).postMessage(m);
  const engine = new SyncEngine({
    db: getDb(),
    openLocal: () => new PouchDB(LOCAL_LOG, { auto_compaction: true }) as unknown as SyncDb,
    openRemote: (c) =>
      new PouchDB(databaseUrl(c), { auth: { username: c.username, password: c.password }, skip_setup: false }) as unknown as SyncDb,
    onApplied: (ids, settings) => post({ type: 'applied', ids, settings }),
  });
  let chain = Promise.resolve();
  self.onmessage = (e: MessageEvent<ToSyncWorker>) => {
    const m = e.data;
    if (m?.type !== 'run') return;
    chain = chain
      .then(() => engine.configure(m.config))
      .then(() => (m.now ? engine.syncNow() : undefined))
      .catch((err: unknown) => console.error('[paperdex] sync:', err instanceof Error ? err.message : err));
  };
}
