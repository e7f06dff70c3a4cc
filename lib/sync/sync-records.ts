/**
 * The library's side of sync: synced records read and written by their sync key
 * (`paper:<id>`, `author:<id>`, `collection:<id>`, `settings:user`), the CouchDB document each
 * travels as, and the content hash that tells whether a record changed since it was last
 * reconciled. Records are sent whole, as Dexie holds them (derived index fields included: every
 * machine derives them alike), inside a document `{ _id, kind, v, record }`, so no record field
 * can collide with CouchDB's own `_` fields.
 */
import type { PaperdexDB } from '../store/db';
import { SYNCED_SETTINGS_KEY } from '../store/sync-log';
import { hash64 } from '../core/identity';
import { canonical } from './merge';
import type { SyncKind } from './sync-types';

/** Format of the synced document; a machine ignores documents of a newer format it cannot read. */
export const DOC_FORMAT = 1;

/** A synced record as the CouchDB document it travels as. */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  kind: SyncKind;
  v: number;
  record: Record<string, unknown>;
}

/** A record of any synced kind (its exact shape is the table's). */
export type AnyRecord = Record<string, unknown>;

const TABLE: Record<Exclude<SyncKind, 'settings'>, 'papers' | 'authors' | 'collections'> = {
  paper: 'papers',
  author: 'authors',
  collection: 'collections',
};

/** The kind and id of a sync key; null for a key of no synced kind. */
export function parseKey(key: string): { kind: SyncKind; id: string } | null {
  const i = key.indexOf(':');
  const kind = key.slice(0, i) as SyncKind;
  const id = key.slice(i + 1);
  if (i < 1 || !id) return null;
  if (kind === 'settings') return id === 'user' ? { kind, id } : null;
  return kind in TABLE ? { kind, id } : null;
}

/** The content hash of a record ('' for no record: deleted). */
export function hashOf(record: AnyRecord | undefined): string {
  return record ? hash64(canonical(record)) : '';
}

/** The records of these keys, in order (undefined: not in the library, e.g. deleted). */
export async function readRecords(db: PaperdexDB, keys: string[]): Promise<(AnyRecord | undefined)[]> {
  const out: (AnyRecord | undefined)[] = new Array(keys.length);
  const byTable = new Map<string, { ids: string[]; at: number[] }>();
  keys.forEach((key, i) => {
    const k = parseKey(key);
    if (!k) return;
    const table = k.kind === 'settings' ? 'meta' : TABLE[k.kind];
    const id = k.kind === 'settings' ? SYNCED_SETTINGS_KEY : k.id;
    const g = byTable.get(table) ?? { ids: [], at: [] };
    g.ids.push(id);
    g.at.push(i);
    byTable.set(table, g);
  });
  for (const [table, { ids, at }] of byTable) {
    const rows = (await db.table(table).bulkGet(ids)) as (AnyRecord | undefined)[];
    rows.forEach((r, j) => {
      out[at[j]] = table === 'meta' ? ((r?.value as AnyRecord | undefined) ?? undefined) : r;
    });
  }
  return out;
}

/** Write (or, with `undefined`, delete) these records in the current transaction. */
export async function writeRecords(db: PaperdexDB, items: { key: string; record: AnyRecord | undefined }[]): Promise<void> {
  for (const { key, record } of items) {
    const k = parseKey(key);
    if (!k) continue;
    if (k.kind === 'settings') {
      if (record) await db.meta.put({ key: SYNCED_SETTINGS_KEY, value: record });
      continue;
    }
    const table = db.table(TABLE[k.kind]);
    if (record) await table.put({ ...record, id: k.id });
    else await table.delete(k.id);
  }
}

/** The Dexie tables synced records live in (for a transaction over all of them). */
export function recordTables(db: PaperdexDB) {
  return [db.papers, db.authors, db.collections, db.meta, db.syncState];
}

/** Every sync key in the library, in pages (turning sync on sends every record once). */
export async function* allKeys(db: PaperdexDB, page = 500): AsyncGenerator<string[]> {
  for (const kind of ['collection', 'author', 'paper'] as const) {
    const table = db.table(TABLE[kind]);
    let last: string | undefined;
    for (;;) {
      const ids = (
        last === undefined
          ? await table.orderBy(':id').limit(page).primaryKeys()
          : await table.where(':id').above(last).limit(page).primaryKeys()
      ) as string[];
      if (!ids.length) break;
      yield ids.map((id) => `${kind}:${id}`);
      last = ids[ids.length - 1];
    }
  }
  if (await db.meta.get(SYNCED_SETTINGS_KEY)) yield ['settings:user'];
}
