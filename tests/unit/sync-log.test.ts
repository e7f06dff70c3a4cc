// The sync log (lib/store/sync-log.ts): every write to a synced record — papers, authors,
// collections, the synced settings row — by any writer records `<kind>:<id>` with a strictly
// increasing sequence in its own transaction; nothing else does; an aborted write records nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { createCollection, deletePapers, renameCollection, wipeLibrary } from '../../lib/store/collections';
import { setTags } from '../../lib/store/user-layer';
import { SYNCED_SETTINGS_KEY } from '../../lib/store/sync-log';
import type { ScrapeResult } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-sync-log-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const author: ScrapeResult = {
  site: 'google-scholar',
  kind: 'author',
  url: 'https://scholar.google.com/citations?user=abcDEF123',
  author: { name: 'Grace Hopper', id: 'abcDEF123', url: 'https://scholar.google.com/citations?user=abcDEF123' },
  papers: [{ title: 'Compiling for everyone', authors: ['Grace Hopper'], year: 1952 }],
};

const log = async () => (await db.syncLog.orderBy('seq').toArray()).map((r) => r.key);

describe('sync log', () => {
  it('records papers, authors and collections as they are written, in order', async () => {
    const { paperIds, authorId } = await saveCapture(db, author);
    expect(new Set(await log())).toEqual(new Set([`paper:${paperIds[0]}`, `author:${authorId}`]));
    const c = await createCollection(db, 'Compilers');
    await setTags(db, paperIds[0], ['history']);
    const keys = await log();
    // One row per record: the paper's row moved to the end with the tag.
    expect(keys.slice(-2)).toEqual([`collection:${c.id}`, `paper:${paperIds[0]}`]);
    expect(keys.filter((k) => k === `paper:${paperIds[0]}`)).toHaveLength(1);
    const seqs = (await db.syncLog.orderBy('seq').toArray()).map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await renameCollection(db, c.id, 'Compiler history');
    expect((await log()).at(-1)).toBe(`collection:${c.id}`);
  });

  it('records deletions and a wipe, and keeps the rows', async () => {
    const { paperIds } = await saveCapture(db, author);
    await deletePapers(db, paperIds);
    expect((await log()).at(-1)).toBe(`paper:${paperIds[0]}`);
    const before = (await db.syncLog.get(`paper:${paperIds[0]}`))!.seq;
    await saveCapture(db, { ...author, papers: [{ title: 'Another one', authors: ['Grace Hopper'], year: 1953 }] });
    await wipeLibrary(db);
    const rows = await db.syncLog.toArray();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...rows.filter((r) => r.key.startsWith('paper:')).map((r) => r.seq))).toBeGreaterThanOrEqual(before);
  });

  it('records the synced settings row and no other meta row', async () => {
    await db.meta.put({ key: 'searchIndexSeq', value: 5 });
    expect(await log()).toEqual([]);
    await db.meta.put({ key: SYNCED_SETTINGS_KEY, value: { autoCapture: false, updatedAt: 1 } });
    expect(await log()).toEqual(['settings:user']);
  });

  it('records nothing for a write that aborted', async () => {
    await expect(
      db.transaction('rw', db.collections, async () => {
        await db.collections.add({ id: 'c-1', name: 'Doomed', createdAt: 0, updatedAt: 0 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await log()).toEqual([]);
  });
});
