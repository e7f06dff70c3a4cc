// Schema migration: a version-1 database with data opens with the current schema, every row
// survives, the upgrade runs, and a backup of the old data (re-importable JSON) was taken first.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DB_VERSION, PaperdexDB } from '../../lib/store/db';
import { dismissBackup, pendingBackups } from '../../lib/store/migration';

const V1 = {
  papers: 'id, *idKeys, titleKey, *authorIds, year, citations, *collectionIds, addedAt, updatedAt',
  authors: 'id, *profileKeys, nameKey, updatedAt',
  sources: '++id, url, site, at, authorId',
  collections: 'id, &name, updatedAt',
  meta: 'key',
};

describe('schema migration', () => {
  it('opens a version-1 database with the current schema, keeping every row, after a backup', async () => {
    const name = `migrate-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1);
    await old.open();
    const papers = Array.from({ length: 250 }, (_, i) => ({
      id: `p-${i}`,
      title: `Paper ${i}`,
      authors: ['A Author'],
      ids: {},
      sources: [{ site: 'arxiv', url: `https://arxiv.org/abs/${i}`, capturedAt: '2025-01-01T00:00:00.000Z' }],
      citationHistory: [],
      idKeys: [],
      titleKey: `paper ${i}`,
      authorIds: ['a-1'],
      addedAt: i,
      updatedAt: i,
      // Some v1 rows lack collectionIds: the upgrade fills them in.
      ...(i % 2 ? { collectionIds: ['c-1'] } : {}),
    }));
    await old.table('papers').bulkAdd(papers);
    await old.table('authors').add({
      id: 'a-1',
      name: 'A Author',
      nameKey: 'a author',
      profiles: [],
      profileKeys: ['dblp:1'],
      reported: [],
      paperIds: papers.map((p) => p.id),
      addedAt: 0,
      updatedAt: 0,
    });
    await old.table('collections').add({ id: 'c-1', name: 'Reading list', createdAt: 0, updatedAt: 0 });
    await old.table('sources').add({
      site: 'arxiv',
      kind: 'listing',
      url: 'https://arxiv.org/list/cs/new',
      capturedAt: '',
      at: 1,
      paperIds: ['p-1'],
      papersNew: 1,
      papersUpdated: 0,
      papersUnchanged: 0,
      visitId: 'v1',
    });
    old.close();

    const db = new PaperdexDB(name);
    // Auto-open through a query, as the extension does.
    expect(await db.papers.count()).toBe(250);
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.authors.count()).toBe(1);
    expect(await db.collections.count()).toBe(1);
    expect(await db.papers.where('collectionIds').equals('c-1').count()).toBe(125);
    const p0 = (await db.papers.get('p-0'))!;
    expect(p0.collectionIds).toEqual([]);
    expect(p0.title).toBe('Paper 0');
    // The new index works.
    expect(await db.sources.where('visitId').equals('v1').count()).toBe(1);

    const backups = (await pendingBackups()).filter((b) => b.id.startsWith(name));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ fromVersion: 1, toVersion: DB_VERSION, papers: 250 });
    const json = JSON.parse(backups[0].json);
    expect(json).toMatchObject({ format: 'paperdex/collection', version: 1 });
    expect(json.papers).toHaveLength(250);
    expect(json.collections[0]).toMatchObject({ name: 'Reading list' });
    expect(json.collections[0].paperIds).toHaveLength(125);
    await dismissBackup(backups[0].id);
    expect((await pendingBackups()).filter((b) => b.id.startsWith(name))).toHaveLength(0);
    await db.delete();
  });

  it('takes no backup for a new or current database', async () => {
    const name = `fresh-${Date.now()}`;
    const db = new PaperdexDB(name);
    await db.papers.count();
    db.close();
    const again = new PaperdexDB(name);
    await again.papers.count();
    expect((await pendingBackups()).filter((b) => b.id.startsWith(name))).toHaveLength(0);
    await again.delete();
  });
});
