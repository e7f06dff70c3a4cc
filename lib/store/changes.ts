/**
 * The change log of papers. Every write to the `papers` table — by any module, now or later (capture,
 * import, author merge/split, collection edits, deletes, a wipe, a schema upgrade) — records a change
 * sequence in the `changes` table in the SAME IndexedDB transaction, so a committed write always has
 * its change and an aborted one has none. It is a Dexie DBCore middleware rather than a call each
 * writer must remember: the search host catches up from this log after a restart, and one forgotten
 * call would make papers unsearchable for good (issue 13: imported rows were missed because the
 * host's watermark was a timestamp).
 *
 * `changes` holds one row per paper id ever written: its last change `seq` and whether that change
 * deleted it. Sequences are strictly increasing: the next is one above the highest stored, and rows
 * are only ever overwritten with a higher one, never removed (so deletions stay visible and the
 * counter never goes back, even after the library is wiped).
 *
 * The same middleware forgets a deleted paper's "opened" sightings (`openings`, lib/store/openings.ts)
 * in that transaction: a reading history never outlives its paper, and "Delete all data" leaves none.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/** The change log's table. */
export const CHANGES_TABLE = 'changes';
const PAPERS_TABLE = 'papers';
/** Sightings of opened papers, keyed by paper in the `[paperId+at]` index. */
const OPENINGS_TABLE = 'openings';

/** The last change to one paper. */
export interface ChangeRecord {
  paperId: string;
  /** Position in the library's change sequence (1, 2, …). */
  seq: number;
  /** The change deleted the paper. */
  deleted?: true;
}

// DBCoreRangeType.Any (a const enum, not importable under isolatedModules): the whole index.
const ANY_RANGE = { type: 3 } as DBCoreKeyRange;
// DBCoreRangeType.Range: one paper's entries of the [paperId+at] index (IndexedDB's key order puts
// every number below any array, so [id, -Infinity] … [id, []] spans every time).
const paperRange = (id: string) =>
  ({ type: 2, lower: [id, -Infinity], upper: [id, []], lowerOpen: false, upperOpen: false }) as DBCoreKeyRange;

/** Whether this transaction includes `table`. */
function includes(trans: DBCoreTransaction, table: string): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !!names?.contains?.(table);
}

/** Whether this transaction can write the change log (an upgrade to a schema without it cannot). */
function canLog(trans: DBCoreTransaction): boolean {
  return includes(trans, CHANGES_TABLE);
}

function createChangeTracking(down: DBCore): DBCore {
  // The next free sequence of each open transaction, read once from the log. Read-write
  // transactions that include the log never overlap, so the highest stored seq is stable within one.
  const counters = new WeakMap<DBCoreTransaction, Promise<{ last: number }>>();
  const log = () => down.table(CHANGES_TABLE);
  // Schema version 4 and later have the openings table.
  const hasOpenings = down.schema.tables.some((t) => t.name === OPENINGS_TABLE);

  async function allocate(trans: DBCoreTransaction, n: number): Promise<number> {
    let c = counters.get(trans);
    if (!c) {
      const changes = log();
      const seqIndex = changes.schema.getIndexByKeyPath('seq');
      if (!seqIndex) throw new Error('the change log has no seq index');
      c = changes
        .query({ trans, values: true, limit: 1, direction: 'prev', query: { index: seqIndex, range: ANY_RANGE } })
        .then((r) => ({ last: (r.result[0] as ChangeRecord | undefined)?.seq ?? 0 }));
      counters.set(trans, c);
    }
    const counter = await c;
    const first = counter.last + 1;
    counter.last += n;
    return first;
  }

  async function record(trans: DBCoreTransaction, keys: readonly unknown[], deleted: boolean): Promise<void> {
    const ids = [...new Set(keys)].filter((k): k is string => typeof k === 'string');
    if (!ids.length) return;
    const first = await allocate(trans, ids.length);
    const values: ChangeRecord[] = ids.map((paperId, i) =>
      deleted ? { paperId, seq: first + i, deleted: true } : { paperId, seq: first + i },
    );
    const res = await log().mutate({ type: 'put', trans, values });
    if (res.numFailures) throw new Error('could not record the change of a paper');
  }

  /** Delete the openings of deleted papers (all of them when the whole table was cleared). */
  async function forgetOpenings(trans: DBCoreTransaction, ids: readonly unknown[], all: boolean): Promise<void> {
    if (!includes(trans, OPENINGS_TABLE)) return;
    const openings = down.table(OPENINGS_TABLE);
    if (all) {
      await openings.mutate({ type: 'deleteRange', trans, range: ANY_RANGE });
      return;
    }
    const index = openings.schema.getIndexByKeyPath(['paperId', 'at']);
    if (!index) return;
    for (const id of new Set(ids)) {
      if (typeof id !== 'string') continue;
      const keys = (await openings.query({ trans, values: false, query: { index, range: paperRange(id) } })).result;
      if (keys.length) await openings.mutate({ type: 'delete', trans, keys });
    }
  }

  function trackPapers(table: DBCoreTable): DBCoreTable {
    const pk = table.schema.primaryKey;
    return {
      ...table,
      async mutate(req: DBCoreMutateRequest) {
        if (!canLog(req.trans)) return table.mutate(req);
        let keys: readonly unknown[];
        if (req.type === 'deleteRange') {
          // Which papers a range delete (clear(), where().delete()) removes, read before it runs.
          keys = (await table.query({ trans: req.trans, values: false, query: { index: pk, range: req.range } })).result;
        } else if (req.type === 'delete') keys = req.keys;
        else keys = req.keys ?? req.values.map((v) => pk.extractKey!(v));
        // Both requests go into the same transaction: the write is issued first (so the order of
        // writes the caller sees is kept), the change row right after; either failing aborts both.
        const deletes = req.type === 'delete' || req.type === 'deleteRange';
        const [res] = await Promise.all([table.mutate(req), record(req.trans, keys, deletes)]);
        if (deletes) await forgetOpenings(req.trans, keys, req.type === 'deleteRange' && req.range.type === ANY_RANGE.type);
        return res;
      },
    };
  }

  return {
    ...down,
    transaction(stores, mode, options) {
      // Any read-write transaction on papers also writes the change log (and may delete openings).
      if (mode !== 'readwrite' || !stores.includes(PAPERS_TABLE)) return down.transaction(stores, mode, options);
      const extra = [CHANGES_TABLE, ...(hasOpenings ? [OPENINGS_TABLE] : [])].filter((t) => !stores.includes(t));
      return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      return name === PAPERS_TABLE ? trackPapers(table) : table;
    },
  };
}

/** The middleware that writes the change log (installed by lib/store/db.ts). */
export const changeTracking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'PaperChangeLog',
  create: createChangeTracking,
};
