// @vitest-environment happy-dom
// The sync engine end to end in Node: two libraries (Dexie on fake-indexeddb), each with its own
// local log, replicating through a third PouchDB database that stands in for the server (PouchDB
// replicates between any two databases the same way). What a user would check: a paper captured on
// one machine appears on the other, a tag set on the other comes back, edits made on both while
// apart end as one merged record on both, a deletion meets an edit and the paper is kept, "Stop
// syncing" keeps the library. The real server and browsers: tests/e2e/sync.e2e.ts.
import { afterEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-browser';
import { PaperdexDB } from '../../lib/store/db';
import { SyncEngine, classifyError, type SyncDb } from '../../lib/sync/sync-engine';
import { SYNC_STATUS_KEY, type SyncConfig, type SyncStatus } from '../../lib/sync/sync-types';
import { setNote, setStarred, setTags } from '../../lib/store/user-layer';
import { createCollection, deletePapers } from '../../lib/store/collections';
import { saveCapture } from '../../lib/store/capture';
import type { PaperRecord, ScrapeResult } from '../../lib/core/types';

let n = 0;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

const CONFIG: SyncConfig = {
  url: 'http://127.0.0.1:5984',
  database: 'paperdex',
  username: 'u',
  password: 'p',
  enabled: true,
  paused: false,
};

interface Machine {
  db: PaperdexDB;
  engine: SyncEngine;
  applied: string[];
}

function machines(count: number): Machine[] {
  const run = ++n;
  const server = `server-${run}`;
  const out: Machine[] = [];
  for (let i = 0; i < count; i++) {
    const db = new PaperdexDB(`sync-${run}-${i}`);
    const applied: string[] = [];
    const engine = new SyncEngine({
      db,
      openLocal: () => new PouchDB(`log-${run}-${i}`) as unknown as SyncDb,
      openRemote: () => new PouchDB(server) as unknown as SyncDb,
      onApplied: (ids) => applied.push(...ids),
    });
    out.push({ db, engine, applied });
    cleanup.push(async () => {
      await engine.configure(null);
      db.close();
      await db.delete();
    });
  }
  cleanup.push(async () => {
    await new PouchDB(server).destroy();
  });
  return out;
}

const page = (title: string, arxiv: string): ScrapeResult => ({
  site: 'arxiv',
  kind: 'paper',
  url: `https://arxiv.org/abs/${arxiv}`,
  papers: [{ title, authors: ['Ada Lovelace', 'Alan Turing'], year: 2026, ids: { arxiv }, url: `https://arxiv.org/abs/${arxiv}` }],
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const status = async (m: Machine) => (await m.db.meta.get(SYNC_STATUS_KEY))?.value as SyncStatus | undefined;
const idle = (m: Machine) => until('idle', async () => (await status(m))?.state === 'idle');

describe('sync engine', () => {
  it('a capture on A reaches B; a tag set on B reaches A', async () => {
    const [a, b] = machines(2);
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    const { paperIds } = await saveCapture(a.db, page('Attention over graphs', '2612.00001'));
    const id = paperIds[0];
    const onB = await until('paper on B', () => b.db.papers.get(id));
    expect(onB.title).toBe('Attention over graphs');
    expect(b.applied).toContain(id);

    await setTags(b.db, id, ['to-review']);
    const onA = await until('tag on A', async () => ((await a.db.papers.get(id))?.tags?.length ? a.db.papers.get(id) : undefined));
    expect(onA!.tags).toEqual(['to-review']);
    await idle(a);
    await idle(b);
    expect((await status(a))!.pending).toBe(0);
  });

  it('sends the library that was there before sync was turned on', async () => {
    const [a, b] = machines(2);
    for (let i = 0; i < 30; i++) await saveCapture(a.db, page(`Existing paper ${i}`, `2612.1${String(i).padStart(4, '0')}`));
    await createCollection(a.db, 'Reading group');
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    await until('30 papers on B', async () => (await b.db.papers.count()) === 30);
    await until('collection on B', async () => (await b.db.collections.where('name').equals('Reading group').count()) === 1);
  });

  it('edits made on both while apart end as one merged record on both', async () => {
    const [a, b] = machines(2);
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    const { paperIds } = await saveCapture(a.db, page('Diffusion for proteins', '2612.00002'));
    const id = paperIds[0];
    await until('paper on B', () => b.db.papers.get(id));
    await idle(a);
    await idle(b);
    // Apart: both paused, each edits the paper.
    await a.engine.configure({ ...CONFIG, paused: true });
    await b.engine.configure({ ...CONFIG, paused: true });
    await setNote(a.db, id, 'from A', Date.parse('2026-12-02T10:00:00Z'));
    await setTags(a.db, id, ['proteins'], Date.parse('2026-12-02T10:00:01Z'));
    await setStarred(b.db, id, true, Date.parse('2026-12-02T11:00:00Z'));
    await setNote(b.db, id, 'from B', Date.parse('2026-12-02T11:00:01Z'));
    await setTags(b.db, id, ['diffusion'], Date.parse('2026-12-02T11:00:02Z'));
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    const merged = (r: PaperRecord | undefined) =>
      !!r && r.note === 'from B' && !!r.starred && (r.tags ?? []).length === 2 && (r.noteHistory ?? []).some((h) => h.note === 'from A');
    await until('merged on A', async () => merged(await a.db.papers.get(id)));
    await until('merged on B', async () => merged(await b.db.papers.get(id)));
    await idle(a);
    await idle(b);
    const [ra, rb] = [await a.db.papers.get(id), await b.db.papers.get(id)];
    expect(ra).toEqual(rb);
    expect([...ra!.tags!].sort()).toEqual(['diffusion', 'proteins']);
  });

  it('a paper deleted on one machine while edited on the other is kept, and the user told', async () => {
    const [a, b] = machines(2);
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    const { paperIds } = await saveCapture(a.db, page('Kept despite deletion', '2612.00003'));
    const id = paperIds[0];
    await until('paper on B', () => b.db.papers.get(id));
    await idle(a);
    await idle(b);
    await a.engine.configure({ ...CONFIG, paused: true });
    await b.engine.configure({ ...CONFIG, paused: true });
    await deletePapers(a.db, [id]);
    await setNote(b.db, id, 'still reading this');
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    await until('back on A', () => a.db.papers.get(id));
    await idle(a);
    await idle(b);
    expect((await a.db.papers.get(id))!.note).toBe('still reading this');
    expect((await b.db.papers.get(id))!.note).toBe('still reading this');
    const told = [...((await status(a))?.kept ?? []), ...((await status(b))?.kept ?? [])];
    expect(told.map((k) => k.title)).toContain('Kept despite deletion');
  });

  it('a deletion on A reaches B when B did not touch the paper', async () => {
    const [a, b] = machines(2);
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    const { paperIds } = await saveCapture(a.db, page('Short-lived', '2612.00004'));
    await until('paper on B', () => b.db.papers.get(paperIds[0]));
    await deletePapers(a.db, paperIds);
    await until('gone on B', async () => !(await b.db.papers.get(paperIds[0])));
  });

  it('two collections of one name made on two machines stay two, renamed alike on both', async () => {
    const [a, b] = machines(2);
    await createCollection(a.db, 'Reading group', 1, 'c-aaa');
    await createCollection(b.db, 'Reading group', 2, 'c-bbb');
    await a.engine.configure(CONFIG);
    await b.engine.configure(CONFIG);
    const names = async (m: Machine) => (await m.db.collections.orderBy('id').toArray()).map((c) => `${c.id}=${c.name}`).join(',');
    const want = 'c-aaa=Reading group,c-bbb=Reading group (2)';
    await until('renamed on A', async () => (await names(a)) === want);
    await until('renamed on B', async () => (await names(b)) === want);
  });

  it('"Stop syncing" forgets the log and keeps the library', async () => {
    const [a] = machines(1);
    await saveCapture(a.db, page('Stays here', '2612.00005'));
    await a.engine.configure(CONFIG);
    await idle(a);
    expect(await a.db.syncState.count()).toBeGreaterThan(0);
    await a.engine.configure({ ...CONFIG, enabled: false });
    expect((await status(a))!.state).toBe('off');
    expect(await a.db.syncState.count()).toBe(0);
    expect(await a.db.papers.count()).toBe(1);
  });

  it('reads errors as the user must act on them', () => {
    expect(classifyError({ status: 401, name: 'unauthorized' }).code).toBe('auth');
    expect(classifyError({ status: 403, name: 'forbidden' }).code).toBe('forbidden');
    expect(classifyError({ status: 404, name: 'not_found' }).code).toBe('notFound');
    expect(classifyError(new TypeError('Failed to fetch')).offline).toBe(true);
    expect(classifyError({ status: 503 }).offline).toBe(true);
  });
});
