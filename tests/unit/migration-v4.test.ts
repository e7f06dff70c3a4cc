// Schema version 4 adds the `openings` table. A version-3 database with data (papers, their change
// log, captures, collections) opens at version 4 with every row kept, the change log still
// counting on from where it was, a backup taken first, and the new table working.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DB_VERSION, PaperdexDB } from '../../lib/store/db';
import { pendingBackups } from '../../lib/store/migration';
import { openingsOf, recentlyOpened, recordOpened } from '../../lib/store/openings';

// The version-3 schema, as lib/store/db.ts declared it (versions 1–3 combined).
const V3 = {
  papers: 'id, *idKeys, titleKey, *authorIds, year, citations, *collectionIds, addedAt, updatedAt',
  authors: 'id, *profileKeys, nameKey, updatedAt',
  sources: '++id, url, site, at, authorId, visitId',
  collections: 'id, &name, updatedAt',
  meta: 'key',
  changes: 'paperId, seq',
};

describe('schema migration v3 → v4 and on (v5: the sync log)', () => {
  it('keeps every row and the change log, and adds a working openings table', async () => {
    expect(DB_VERSION).toBe(5);
    const name = `migrate-v3-${Date.now()}`;
    const old = new Dexie(name);
    old.version(3).stores(V3);
    await old.open();
    const papers = Array.from({ length: 40 }, (_, i) => ({
      id: `p-${i}`,
      title: `Version three paper ${i}`,
      authors: ['B Author'],
      ids: {},
      sources: [],
      citationHistory: [],
      idKeys: [],
      titleKey: `version three paper ${i}`,
      authorIds: [],
      collectionIds: i < 10 ? ['c-1'] : [],
      addedAt: i,
      updatedAt: i,
    }));
    await old.table('papers').bulkAdd(papers);
    await old.table('changes').bulkAdd(papers.map((p, i) => ({ paperId: p.id, seq: i + 1 })));
    await old.table('collections').add({ id: 'c-1', name: 'To read', createdAt: 0, updatedAt: 0 });
    await old.table('sources').add({
      site: 'arxiv',
      kind: 'paper',
      url: 'https://arxiv.org/abs/2501.00001',
      capturedAt: '2026-01-01T00:00:00.000Z',
      at: 5,
      paperIds: ['p-3'],
      papersNew: 1,
      papersUpdated: 0,
      papersUnchanged: 0,
    });
    await old.table('meta').put({ key: 'settings', value: { autoCapture: false } });
    old.close();

    const db = new PaperdexDB(name);
    expect(await db.papers.count()).toBe(40);
    expect(db.verno).toBe(5);
    expect((await db.papers.get('p-7'))!.title).toBe('Version three paper 7');
    expect(await db.papers.where('collectionIds').equals('c-1').count()).toBe(10);
    expect(await db.collections.count()).toBe(1);
    expect((await db.sources.toArray()).map((s) => s.paperIds)).toEqual([['p-3']]);
    expect(await db.meta.get('settings')).toEqual({ key: 'settings', value: { autoCapture: false } });
    expect(await db.changes.count()).toBe(40);
    // A write after the upgrade continues the sequence.
    await db.papers.update('p-0', { title: 'Renamed' });
    expect((await db.changes.get('p-0'))!.seq).toBe(41);
    // …and starts the sync log (records written before the upgrade have no row: turning sync on sends them all).
    expect(await db.syncLog.toArray()).toEqual([{ key: 'paper:p-0', seq: 1 }]);

    expect(await db.openings.count()).toBe(0);
    await recordOpened('p-3', 1000, 'pdf', db);
    expect((await openingsOf('p-3', db)).map((o) => o.how)).toEqual(['pdf']);
    expect((await recentlyOpened(5, db)).map((r) => r.paper.title)).toEqual(['Version three paper 3']);

    const backup = (await pendingBackups()).find((b) => b.id.startsWith(name));
    expect(backup).toMatchObject({ fromVersion: 3, toVersion: 5, papers: 40 });
    expect(JSON.parse(backup!.json).papers).toHaveLength(40);
    await db.delete();
  });
});
