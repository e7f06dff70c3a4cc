/**
 * The sync log: which synced records changed, in order. Every write to papers, authors or
 * collections (and to the synced settings row of `meta`) — by any module, capture, import, merge,
 * delete, a wipe, or sync itself — records `<kind>:<id>` with a new sequence in the `syncLog`
 * table, in the SAME transaction, as lib/store/changes.ts does for the search host. The sync
 * engine (lib/sync/sync-engine.ts) reads the log after the sequence it has sent, so a change made
 * while sync was off, paused, offline, or while its worker was not running is still sent later.
 *
 * One row per record ever written (overwritten with a higher `seq`), never removed: a deleted
 * record keeps its row, so the deletion is sent too.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/** The log's table. */
export const SYNC_LOG_TABLE = 'syncLog';
/** The `meta` row of the settings that follow the user to other machines (lib/store/settings.ts). */
export const SYNCED_SETTINGS_KEY = 'userSettings';

/** The last change to one synced record. */
export interface SyncLogRecord {
  /** `paper:<id>`, `author:<id>`, `collection:<id>` or `settings:user`. */
  key: string;
  seq: number;
}

/** Tables whose rows sync, and the kind each is sent as. */
const SYNCED: Record<string, string> = { papers: 'paper', authors: 'author', collections: 'collection', meta: 'settings' };

// DBCoreRangeType.Any: the whole index (a const enum, not importable under isolatedModules).
const ANY_RANGE = { type: 3 } as DBCoreKeyRange;

function includes(trans: DBCoreTransaction, table: string): boolean {
  return !!(trans as unknown as IDBTransaction).objectStoreNames?.contains?.(table);
}

/** The log key of a row of `table` with primary key `id`, or null when it does not sync. */
function logKey(table: string, id: unknown): string | null {
  if (typeof id !== 'string') return null;
  if (table === 'meta') return id === SYNCED_SETTINGS_KEY ? 'settings:user' : null;
  return `${SYNCED[table]}:${id}`;
}

function createSyncLog(down: DBCore): DBCore {
  if (!down.schema.tables.some((t) => t.name === SYNC_LOG_TABLE)) return down;
  const counters = new WeakMap<DBCoreTransaction, Promise<{ last: number }>>();
  const log = () => down.table(SYNC_LOG_TABLE);

  async function allocate(trans: DBCoreTransaction, n: number): Promise<number> {
    let c = counters.get(trans);
    if (!c) {
      const index = log().schema.getIndexByKeyPath('seq');
      if (!index) throw new Error('the sync log has no seq index');
      c = log()
        .query({ trans, values: true, limit: 1, direction: 'prev', query: { index, range: ANY_RANGE } })
        .then((r) => ({ last: (r.result[0] as SyncLogRecord | undefined)?.seq ?? 0 }));
      counters.set(trans, c);
    }
    const counter = await c;
    const first = counter.last + 1;
    counter.last += n;
    return first;
  }

  async function record(trans: DBCoreTransaction, table: string, ids: readonly unknown[]): Promise<void> {
    const keys = [...new Set(ids.map((id) => logKey(table, id)).filter((k): k is string => !!k))];
    if (!keys.length) return;
    const first = await allocate(trans, keys.length);
    const res = await log().mutate({ type: 'put', trans, values: keys.map((key, i) => ({ key, seq: first + i })) });
    if (res.numFailures) throw new Error('could not record the change for sync');
  }

  function track(name: string, table: DBCoreTable): DBCoreTable {
    const pk = table.schema.primaryKey;
    return {
      ...table,
      async mutate(req: DBCoreMutateRequest) {
        if (!includes(req.trans, SYNC_LOG_TABLE)) return table.mutate(req);
        let keys: readonly unknown[];
        if (req.type === 'deleteRange') {
          // A range delete (clear(), where().delete()): which rows it removes, read before it runs.
          keys = (await table.query({ trans: req.trans, values: false, query: { index: pk, range: req.range } })).result;
        } else if (req.type === 'delete') keys = req.keys;
        else keys = req.keys ?? req.values.map((v) => pk.extractKey!(v));
        const [res] = await Promise.all([table.mutate(req), record(req.trans, name, keys)]);
        return res;
      },
    };
  }

  return {
    ...down,
    transaction(stores, mode, options) {
      if (mode !== 'readwrite' || stores.includes(SYNC_LOG_TABLE) || !stores.some((s) => s in SYNCED))
        return down.transaction(stores, mode, options);
      return down.transaction([...stores, SYNC_LOG_TABLE], mode, options);
    },
    table(name) {
      const table = down.table(name);
      return name in SYNCED ? track(name, table) : table;
    },
  };
}

/** The middleware that writes the sync log (installed by lib/store/db.ts). */
export const syncLogging: Middleware<DBCore> = { stack: 'dbcore', name: 'SyncLog', create: createSyncLog };
