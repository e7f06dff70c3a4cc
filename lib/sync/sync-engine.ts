/**
 * The sync engine: keeps the library (Dexie, the source of truth for the UI) in step with the
 * user's CouchDB database through PouchDB's replication — no protocol of our own.
 *
 * How the two sit together: a local PouchDB database is the replication log. Outgoing, every
 * change to a synced record is in the library's sync log (lib/store/sync-log.ts, written in the
 * transaction of the change); the engine reads it after the sequence it last handled and writes
 * the records into the local log (`pushLocal`). Incoming, PouchDB replicates both ways between
 * the local log and the server (live, resumed after errors by the engine), and the engine applies
 * what arrived in the local log's change feed to the library (`applyRemote`). Per record it keeps
 * the revision and content hash it last reconciled at (`syncState`): a record whose hash moved is
 * a local edit not yet sent; a log revision other than the reconciled one is a remote edit not yet
 * applied; both at once are merged field-wise (lib/sync/merge.ts), and so are the conflicting
 * revisions CouchDB keeps when two machines edited one record offline — deterministically, so
 * every machine ends with the same record. A record deleted on one side while edited on the other
 * is kept and the user told (`SyncStatus.kept`).
 *
 * All progress (sequences, states) is in IndexedDB: the engine can be stopped at any moment (a
 * closed browser, a stopped worker) and picks up where it was. Runs in a dedicated worker
 * (lib/sync/sync-worker.ts), never on a page's thread; it touches no extension API.
 */
import Dexie from 'dexie';
import type { PaperdexDB } from '../store/db';
import { canonical, mergeVersions, type Version } from './merge';
import { Plan } from './sync-plan';
import {
  allKeys,
  DOC_FORMAT,
  hashOf,
  parseKey,
  readRecords,
  recordTables,
  writeRecords,
  type AnyRecord,
  type SyncDoc,
} from './sync-records';
import {
  databaseUrl,
  serverUrlProblem,
  SYNC_OFF,
  SYNC_STATUS_KEY,
  type SyncConfig,
  type SyncErrorCode,
  type SyncStatus,
} from './sync-types';

/** A PouchDB database of synced documents (local log or the server's database). */
export type SyncDb = PouchDB.Database<Omit<SyncDoc, '_id' | '_rev'>>;

/** What the engine needs from its host. */
export interface SyncEngineOptions {
  db: PaperdexDB;
  /** The local log (a PouchDB database in this profile). */
  openLocal(): SyncDb;
  /** The server's database for a configuration (authenticated). */
  openRemote(config: SyncConfig): SyncDb;
  /** Records were written from the server: these papers changed (re-index); `settings`: the synced settings changed. */
  onApplied(paperIds: string[], settings: boolean): void;
}

// Bookkeeping rows in `meta` (none is synced).
const PUSHED_SEQ = 'syncPushedSeq';
const PULLED_SEQ = 'syncPulledSeq';
/** The server/database the local log and states belong to; another target starts afresh. */
const TARGET = 'syncTarget';
/** Set once every record present when sync was turned on went into the log. */
const BOOTSTRAPPED = 'syncBootstrapped';

const PAGE = 250;
const POLL_MS = 5000;
const MAX_RETRY_MS = 30_000;
const MAX_KEPT = 20;
const IDLE_REFRESH_MS = 60_000;

/** How a failed request reads to the user. */
export function classifyError(e: unknown): { code?: SyncErrorCode; offline: boolean; detail: string } {
  const err = e as { status?: number; name?: string; message?: string; reason?: string };
  const detail = [err?.status, err?.name, err?.reason ?? err?.message].filter(Boolean).join(' ').slice(0, 300) || String(e);
  if (err?.status === 401 || err?.name === 'unauthorized') return { code: 'auth', offline: false, detail };
  if (err?.status === 403 || err?.name === 'forbidden') return { code: 'forbidden', offline: false, detail };
  if (err?.status === 404 || err?.name === 'not_found') return { code: 'notFound', offline: false, detail };
  if (typeof err?.status === 'number' && err.status >= 400 && err.status < 600 && err.status !== 408 && err.status < 500)
    return { code: 'server', offline: false, detail };
  // No answer at all (refused, reset, timed out) or a 5xx: the server is away; try again later.
  return { offline: true, detail };
}

/** The sync engine of one library. */
export class SyncEngine {
  private config: SyncConfig | null = null;
  private configKey = '';
  private local: SyncDb | undefined;
  private repl: PouchDB.Replication.Sync<object> | undefined;
  /** Bumped at every (re)start and stop: events of an older replication are ignored. */
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private status: SyncStatus = { ...SYNC_OFF };
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = 1000;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private applyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Documents written to the local log and not yet reported sent to the server. */
  private unsent = 0;
  /** Both directions of the replication are caught up (its last event was `paused` without error). */
  private caughtUp = false;
  private busy = 0;
  private readonly onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => k.includes('/syncLog/'))) this.schedulePush();
  };

  constructor(private readonly opts: SyncEngineOptions) {}

  private get db(): PaperdexDB {
    return this.opts.db;
  }

  /** The current status (as last reported). */
  get current(): SyncStatus {
    return this.status;
  }

  /**
   * Apply a configuration (null or not enabled: sync off, the local log forgotten; paused:
   * nothing sent or received). The same configuration again changes nothing.
   */
  async configure(config: SyncConfig | null): Promise<void> {
    const key = config
      ? JSON.stringify([config.url, config.database, config.username, config.password, config.enabled, config.paused])
      : '';
    // (Every service-worker start hands the same configuration again: nothing to do then. After a
    // refused password, the same password again sends nothing either.)
    if (key === this.configKey) return;
    this.configKey = key;
    this.halt();
    this.config = config;
    if (!config?.enabled) {
      await this.run(() => this.forget());
      return this.report({ state: 'off', pending: 0, errorCode: undefined, error: undefined, retryAt: undefined, target: undefined }, true);
    }
    const target = databaseUrl(config);
    this.status.kept = (await this.metaGet<SyncStatus>(SYNC_STATUS_KEY))?.kept;
    if ((await this.metaGet<string>(TARGET)) !== target) {
      // Another server or database: the log and states were about the old one.
      await this.run(() => this.forget());
      await this.metaPut(TARGET, target);
    }
    if (config.paused) return this.report({ state: 'paused', target, errorCode: undefined, error: undefined, retryAt: undefined }, true);
    const problem = serverUrlProblem(config.url);
    if (problem)
      return this.report({ state: 'error', target, errorCode: problem === 'insecure' ? 'insecure' : 'server', error: problem }, true);
    await this.start();
  }

  /** "Sync now": send waiting changes, and reconnect at once when waiting to retry. */
  async syncNow(): Promise<void> {
    if (!this.config?.enabled || this.config.paused) return;
    // After a refused password nothing is sent until the user changes it (a new configuration);
    // an http:// server elsewhere is never contacted. Other errors (the server answered badly, the
    // database was missing) are worth another try when the user asks.
    if (this.status.state === 'error' && (this.status.errorCode === 'auth' || this.status.errorCode === 'insecure')) return;
    if (!this.repl) {
      this.retryMs = 1000;
      await this.start();
    } else this.schedulePush(0);
  }

  /** Stop every timer and the replication (state on disk stays). */
  private halt(): void {
    this.generation++;
    this.repl?.cancel();
    this.repl = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    clearTimeout(this.pushTimer);
    clearTimeout(this.applyTimer);
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    this.caughtUp = false;
  }

  /** Forget the local log and every reconciled state ("Stop syncing"; another server). The library is untouched. */
  private async forget(): Promise<void> {
    const had = (await this.metaGet(TARGET)) !== undefined || (await this.db.syncState.count()) > 0;
    if (!had) return;
    const local = this.local ?? this.opts.openLocal();
    this.local = undefined;
    await local.destroy().catch((e: unknown) => console.warn('[paperdex] sync: the local log was not removed:', e));
    await this.db.transaction('rw', this.db.syncState, this.db.meta, async () => {
      await this.db.syncState.clear();
      await this.db.meta.bulkDelete([PUSHED_SEQ, PULLED_SEQ, TARGET, BOOTSTRAPPED]);
    });
    this.unsent = 0;
    this.status = { ...SYNC_OFF, kept: this.status.kept };
  }

  private async start(): Promise<void> {
    const config = this.config!;
    const gen = ++this.generation;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.report(
      { state: 'connecting', target: databaseUrl(config), retryAt: undefined, errorCode: undefined, error: undefined },
      true,
    );
    this.local ??= this.opts.openLocal();
    const remote = this.opts.openRemote(config);
    try {
      // Also creates the database when it does not exist and the user may create it.
      await remote.info();
    } catch (e) {
      if (gen === this.generation) await this.failed(e);
      return;
    }
    if (gen !== this.generation) return;
    this.retryMs = 1000;
    Dexie.on('storagemutated', this.onMutated);
    this.pollTimer = setInterval(() => this.schedulePush(0), POLL_MS);
    // Whatever is in the log and not yet in the library (a previous run stopped midway), then ours.
    this.scheduleApply(0);
    this.schedulePush(0);
    const repl = this.local.sync(remote, { live: true, retry: false, batch_size: PAGE, batches_limit: 4 });
    this.repl = repl as unknown as PouchDB.Replication.Sync<object>;
    repl
      .on('change', (info) => {
        if (gen !== this.generation) return;
        this.caughtUp = false;
        const n = info.change.docs.length;
        if (info.direction === 'pull') {
          this.status.received += n;
          this.scheduleApply();
        } else {
          this.status.sent += n;
          this.unsent = Math.max(0, this.unsent - n);
        }
        void this.report({ state: 'syncing' });
      })
      .on('active', () => {
        if (gen !== this.generation) return;
        this.caughtUp = false;
        void this.report({ state: 'syncing', errorCode: undefined, error: undefined });
      })
      .on('paused', (err) => {
        if (gen !== this.generation) return;
        if (err) return void this.failed(err);
        // Both directions have nothing left: whatever was written to the log is on the server.
        this.caughtUp = true;
        this.unsent = 0;
        void this.settle();
      })
      .on('denied', (err) => {
        if (gen === this.generation) void this.failed(err);
      })
      .on('error', (err) => {
        if (gen === this.generation) void this.failed(err);
      });
  }

  /** A request failed: stop on what the user must fix, else retry with back-off. */
  private async failed(e: unknown): Promise<void> {
    const { code, offline, detail } = classifyError(e);
    this.halt();
    if (!offline) {
      console.warn('[paperdex] sync stopped:', code, detail);
      return this.report({ state: 'error', errorCode: code, error: detail, retryAt: undefined }, true);
    }
    const wait = this.retryMs;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    const gen = this.generation;
    this.retryTimer = setTimeout(() => {
      if (gen === this.generation) void this.start();
    }, wait);
    await this.report({ state: 'offline', errorCode: undefined, error: detail, retryAt: Date.now() + wait }, true);
  }

  /** Run `fn` after everything queued (pushes and applies never interleave). */
  private run(fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      this.busy++;
      try {
        await fn();
      } finally {
        this.busy--;
      }
    });
    this.queue = next.catch((e: unknown) => console.error('[paperdex] sync:', e));
    return this.queue;
  }

  private schedulePush(delay = 200): void {
    if (this.pushTimer !== undefined && delay > 0) return;
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      void this.run(() => this.pushLocal()).then(() => this.settle());
    }, delay);
  }

  private scheduleApply(delay = 50): void {
    if (this.applyTimer !== undefined && delay > 0) return;
    clearTimeout(this.applyTimer);
    this.applyTimer = setTimeout(() => {
      this.applyTimer = undefined;
      void this.run(() => this.applyRemote()).then(() => this.settle());
    }, delay);
  }

  /** Report idle once both directions and our own queues are done. */
  private async settle(): Promise<void> {
    if (!this.repl || this.busy || this.pushTimer !== undefined || this.applyTimer !== undefined) return this.report({});
    const pending = await this.pendingCount();
    if (this.caughtUp && pending === 0) {
      // Still up to date (the 5 s check): "last synced" is renewed once a minute, not written every time.
      const s = this.status;
      if (s.state === 'idle' && s.pending === 0 && Date.now() - (s.lastSyncedAt ?? 0) < IDLE_REFRESH_MS) return;
      await this.report({ state: 'idle', lastSyncedAt: Date.now(), pending: 0 });
    } else await this.report({ pending });
  }

  private async pendingCount(): Promise<number> {
    const after = (await this.metaGet<number>(PUSHED_SEQ)) ?? 0;
    return (await this.db.syncLog.where('seq').above(after).count()) + this.unsent;
  }

  // ------------------------------------------------------------------------------------------
  // Outgoing: the library's changes into the local log.

  /** Send every change in the sync log after the last one sent (and, once, every record). */
  private async pushLocal(): Promise<void> {
    if (!this.local || !this.config?.enabled) return;
    if (!(await this.metaGet(BOOTSTRAPPED))) {
      const top = (await this.db.syncLog.orderBy('seq').last())?.seq ?? 0;
      for await (const keys of allKeys(this.db, PAGE)) await this.pushKeys(keys);
      await this.metaPut(PUSHED_SEQ, Math.max(top, (await this.metaGet<number>(PUSHED_SEQ)) ?? 0));
      await this.metaPut(BOOTSTRAPPED, true);
    }
    for (;;) {
      const after = (await this.metaGet<number>(PUSHED_SEQ)) ?? 0;
      const rows = await this.db.syncLog.where('seq').above(after).limit(PAGE).toArray();
      if (!rows.length) return;
      await this.pushKeys(rows.map((r) => r.key));
      await this.metaPut(PUSHED_SEQ, rows[rows.length - 1].seq);
      void this.report({ pending: await this.pendingCount() });
    }
  }

  /** Write the records of these keys into the local log where they changed since reconciled. */
  private async pushKeys(keys: string[], depth = 0): Promise<void> {
    const local = this.local!;
    keys = [...new Set(keys)].filter((k) => parseKey(k));
    const [records, states] = await Promise.all([readRecords(this.db, keys), this.db.syncState.bulkGet(keys)]);
    const todo = keys.map((_, i) => i).filter((i) => (states[i] ? hashOf(records[i]) !== states[i]!.hash : !!records[i]));
    if (!todo.length) return;
    const rows = (await local.allDocs({ keys: todo.map((i) => keys[i]), include_docs: true, conflicts: true })).rows as PouchRow[];
    const plan = new Plan();
    todo.forEach((i, j) => {
      const key = keys[i];
      const kind = parseKey(key)!.kind;
      const row = rows[j];
      const rev = row.value?.rev;
      const deleted = !!row.value?.deleted;
      const live = !deleted && row.doc && !('error' in row) ? row.doc : undefined;
      const rec = records[i];
      const st = states[i];
      // Has the log moved on since this record was last reconciled (a version received, not yet applied)?
      const moved = st ? st.rev !== rev : !!live;
      if (!moved) {
        if (rec) plan.put(key, kind, rev, rec, rec);
        else if (live) plan.remove(key, kind, rev!, rec);
        else plan.state(key, rev ?? '', '', rec);
      } else if (!live) {
        // Deleted there, changed here: kept (the next machine to sync gets it back).
        if (rec) {
          plan.put(key, kind, rev, rec, rec);
          plan.keep(kind, rec);
        } else plan.state(key, rev ?? '', '', rec);
      } else if (!rec) {
        // Deleted here, changed there: theirs is kept.
        plan.write(key, live.record, rec);
        plan.state(key, rev!, hashOf(live.record), rec);
        plan.keep(kind, live.record);
      } else {
        const merged = mergeVersions<AnyRecord>(kind, [
          { record: rec, rev: '' },
          { record: live.record, rev: rev! },
        ]).record;
        if (canonical(merged) !== canonical(live.record)) plan.put(key, kind, rev, merged, rec);
        else plan.state(key, rev!, hashOf(merged), rec);
        if (hashOf(merged) !== hashOf(rec)) plan.write(key, merged, rec);
      }
    });
    const retry = await this.commit(plan);
    if (retry.length && depth < 3) await this.pushKeys(retry, depth + 1);
  }

  // ------------------------------------------------------------------------------------------
  // Incoming: what replication brought into the local log, into the library.

  private async applyRemote(): Promise<void> {
    if (!this.local || !this.config?.enabled) return;
    for (;;) {
      const since = (await this.metaGet<number | string>(PULLED_SEQ)) ?? 0;
      const ch = await this.local.changes({ since, include_docs: true, conflicts: true, limit: PAGE });
      if (!ch.results.length) return;
      await this.applyChanges(ch.results as unknown as PouchChange[]);
      await this.metaPut(PULLED_SEQ, ch.last_seq);
    }
  }

  private async applyChanges(results: PouchChange[]): Promise<void> {
    const local = this.local!;
    const changes = results.filter((r) => parseKey(r.id) && r.doc && (r.doc.v ?? 0) <= DOC_FORMAT);
    const keys = changes.map((r) => r.id);
    const [records, states] = await Promise.all([readRecords(this.db, keys), this.db.syncState.bulkGet(keys)]);
    const plan = new Plan();
    for (let i = 0; i < changes.length; i++) {
      const { id: key, doc } = changes[i];
      const kind = parseKey(key)!.kind;
      const st = states[i];
      const rec = records[i];
      if (st && st.rev === doc._rev && !doc._conflicts?.length) continue;
      let body: AnyRecord | undefined = changes[i].deleted || doc._deleted ? undefined : doc.record;
      let rev = doc._rev!;
      if (doc._conflicts?.length && body) {
        // CouchDB kept conflicting revisions: merge every live one, keep the merge, drop the rest.
        const leaves = (await local.get(key, { open_revs: doc._conflicts })) as unknown as { ok?: SyncDoc }[];
        const versions: Version<AnyRecord>[] = [{ record: body, rev }];
        for (const l of leaves) if (l.ok && !l.ok._deleted) versions.push({ record: l.ok.record, rev: l.ok._rev! });
        const merged = mergeVersions<AnyRecord>(kind, versions).record;
        const ops: object[] = doc._conflicts.map((r) => ({ _id: key, _rev: r, _deleted: true }));
        const changed = canonical(merged) !== canonical(body);
        if (changed) ops.unshift({ _id: key, _rev: rev, kind, v: DOC_FORMAT, record: merged });
        // Counted before the write: replication may send it before bulkDocs returns.
        this.unsent += ops.length;
        const res = (await local.bulkDocs(ops as never[])) as { ok?: boolean; rev?: string }[];
        this.unsent -= res.filter((r) => !r.ok).length;
        if (changed) {
          if (!res[0]?.ok) continue; // the log moved meanwhile: its change comes round again
          rev = res[0].rev!;
        }
        body = merged;
      }
      const dirty = st ? hashOf(rec) !== st.hash : !!rec;
      if (!body) {
        if (rec && dirty) {
          // Deleted there, changed here: kept, and sent again.
          plan.put(key, kind, rev, rec, rec);
          plan.keep(kind, rec);
        } else {
          if (rec) plan.write(key, undefined, rec);
          plan.state(key, rev, '', rec);
        }
      } else if (rec && dirty) {
        const merged = mergeVersions<AnyRecord>(kind, [
          { record: rec, rev: '' },
          { record: body, rev },
        ]).record;
        if (canonical(merged) !== canonical(body)) plan.put(key, kind, rev, merged, rec);
        else plan.state(key, rev, hashOf(merged), rec);
        if (hashOf(merged) !== hashOf(rec)) plan.write(key, merged, rec);
      } else {
        // Deleted here earlier (and that deletion sent) while edited on another machine: kept.
        if (!rec && st && st.hash === '' && st.rev !== rev) plan.keep(kind, body);
        plan.write(key, body, rec);
        plan.state(key, rev, hashOf(body), rec);
      }
    }
    await this.commit(plan);
  }

  /**
   * Carry out a plan: log writes first (their new revisions become the records' states), then
   * library writes and states in one transaction. A record changed in the library since it was
   * read (a capture meanwhile) is left alone: its change is in the sync log and comes round again.
   * Returns the keys whose log write met a newer revision (to push again).
   */
  private async commit(plan: Plan): Promise<string[]> {
    const retry: string[] = [];
    if (plan.docs.length) {
      // Counted before the write: replication may send it before bulkDocs returns.
      this.unsent += plan.docs.length;
      const res = (await this.local!.bulkDocs(plan.docs as never[])) as { ok?: boolean; rev?: string; error?: string }[];
      res.forEach((r, j) => {
        const d = plan.docs[j];
        if (r.ok) plan.state(d._id, r.rev!, d._deleted ? '' : hashOf(d.record), plan.readOf.get(d._id));
        else {
          this.unsent--;
          retry.push(d._id);
        }
      });
    }
    if (!plan.writes.length && !plan.states.length) return retry;
    const applied: string[] = [];
    let settings = false;
    await this.db.transaction('rw', recordTables(this.db), async () => {
      const keys = [...new Set([...plan.writes.map((w) => w.key), ...plan.states.map((s) => s.key)])];
      const now = await readRecords(this.db, keys);
      const unchanged = new Set(keys.filter((k, i) => hashOf(now[i]) === hashOf(plan.readOf.get(k))));
      const writes = plan.writes.filter((w) => unchanged.has(w.key));
      for (const w of writes) if (w.record && parseKey(w.key)!.kind === 'collection') await this.freeCollectionName(w.record);
      await writeRecords(this.db, writes);
      await this.db.syncState.bulkPut(plan.states.filter((s) => unchanged.has(s.key)));
      for (const w of writes) {
        const k = parseKey(w.key)!;
        if (k.kind === 'paper') applied.push(k.id);
        if (k.kind === 'settings') settings = true;
      }
    });
    if (plan.kept.length) {
      const kept = [...plan.kept, ...(this.status.kept ?? [])].slice(0, MAX_KEPT);
      await this.report({ kept }, true);
    }
    if (applied.length || settings) this.opts.onApplied(applied, settings);
    return retry;
  }

  /**
   * Collection names are unique in a library. Two machines that each made "Reading group" hold
   * two collections of that name: the one with the larger id is renamed, alike on every machine
   * (so the renames agree), and no paper changes collection.
   */
  private async freeCollectionName(incoming: AnyRecord): Promise<void> {
    const other = await this.db.collections.where('name').equals(String(incoming.name)).first();
    if (!other || other.id === incoming.id) return;
    const loser = String(incoming.id) > other.id ? incoming : (other as unknown as AnyRecord);
    let n = 2;
    const base = String(loser.name);
    while (await this.db.collections.where('name').equals(`${base} (${n})`).count()) n++;
    loser.name = `${base} (${n})`;
    if (loser === incoming) return;
    await this.db.collections.put(loser as never);
  }

  // ------------------------------------------------------------------------------------------

  private async metaGet<T>(key: string): Promise<T | undefined> {
    return (await this.db.meta.get(key))?.value as T | undefined;
  }

  private async metaPut(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }

  /** Update the status; written to `meta` (coalesced, or at once with `now`). */
  private async report(patch: Partial<SyncStatus>, now = false): Promise<void> {
    this.status = { ...this.status, ...patch, updatedAt: Date.now() };
    for (const k of Object.keys(this.status) as (keyof SyncStatus)[]) if (this.status[k] === undefined) delete this.status[k];
    clearTimeout(this.statusTimer);
    const write = () => this.metaPut(SYNC_STATUS_KEY, this.status).catch((e: unknown) => console.warn('[paperdex] sync status:', e));
    if (now) return write();
    this.statusTimer = setTimeout(() => void write(), 150);
  }
}

/** A row of `allDocs({ keys })`. */
type PouchRow = { key: string; error?: string; value?: { rev: string; deleted?: boolean }; doc?: SyncDoc | null };
/** A result of the local log's change feed. */
type PouchChange = { id: string; seq: number | string; deleted?: boolean; doc: SyncDoc };
