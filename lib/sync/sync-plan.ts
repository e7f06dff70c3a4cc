/**
 * One round of reconciliation (lib/sync/sync-engine.ts), planned before anything is written:
 * documents to write into the local replication log, records to write into the library, the
 * states to record per key, the papers kept after a delete/edit conflict, and the library's record
 * of each key as it was read (so a record changed meanwhile is left for the next round).
 */
import type { SyncStateRecord } from '../store/db';
import { DOC_FORMAT, type AnyRecord, type SyncDoc } from './sync-records';
import type { KeptPaper, SyncKind } from './sync-types';

/** What one round of reconciliation will do: log writes, library writes, states, kept papers. */
export class Plan {
  docs: SyncDoc[] = [];
  writes: { key: string; record: AnyRecord | undefined }[] = [];
  states: SyncStateRecord[] = [];
  kept: KeptPaper[] = [];
  /** The library's record of each key as it was read (to detect a change meanwhile). */
  readOf = new Map<string, AnyRecord | undefined>();

  private seen(key: string, read: AnyRecord | undefined): void {
    if (!this.readOf.has(key)) this.readOf.set(key, read);
  }

  put(key: string, kind: SyncKind, rev: string | undefined, record: AnyRecord, read: AnyRecord | undefined): void {
    this.seen(key, read);
    this.docs.push({ _id: key, ...(rev ? { _rev: rev } : {}), kind, v: DOC_FORMAT, record });
  }

  remove(key: string, kind: SyncKind, rev: string, read: AnyRecord | undefined): void {
    this.seen(key, read);
    this.docs.push({ _id: key, _rev: rev, _deleted: true, kind, v: DOC_FORMAT, record: {} });
  }

  write(key: string, record: AnyRecord | undefined, read: AnyRecord | undefined): void {
    this.seen(key, read);
    this.writes.push({ key, record });
  }

  state(key: string, rev: string, hash: string, read: AnyRecord | undefined): void {
    this.seen(key, read);
    this.states = this.states.filter((s) => s.key !== key);
    this.states.push({ key, rev, hash });
  }

  keep(kind: SyncKind, record: AnyRecord): void {
    if (kind === 'paper') this.kept.push({ id: String(record.id), title: String(record.title ?? ''), at: Date.now() });
  }
}
