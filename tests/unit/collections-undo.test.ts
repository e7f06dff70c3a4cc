// Undo for collection edits (issue 14): deleting a collection and removing papers from one can be
// undone exactly — the collection's id, name, createdAt and updatedAt, and which papers were in it —
// and a restore that would clash with what the user did meanwhile fails with a clear message,
// writing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import {
  addToCollection,
  CollectionError,
  createCollection,
  deleteCollectionUndoable,
  deletePapers,
  listCollections,
  removeFromCollectionUndoable,
  restoreCollection,
  restoreMembership,
} from '../../lib/store/collections';
import type { ScrapeResult } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-collections-undo-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const listing: ScrapeResult = {
  site: 'arxiv',
  kind: 'listing',
  url: 'https://arxiv.org/list/cs.LG/new',
  papers: ['Sparse attention at scale', 'Graph kernels revisited', 'Boiling on textured copper'].map((title, i) => ({
    title,
    authors: ['Ada Okafor'],
    year: 2020 + i,
    ids: { arxiv: `2401.0000${i}` },
  })),
};

/** Ids of the three captured papers, in listing order. */
async function capture(): Promise<string[]> {
  return (await saveCapture(db, listing)).paperIds;
}

/** Which collections each paper is in, by paper id. */
async function membership(): Promise<Record<string, string[]>> {
  return Object.fromEntries((await db.papers.toArray()).map((p) => [p.id, [...p.collectionIds].sort()]));
}

describe('deleting a collection, undone', () => {
  it('brings back the same collection (id, name, createdAt, updatedAt) with the same papers', async () => {
    const [a, b, c] = await capture();
    const reading = await createCollection(db, 'Reading list', Date.parse('2025-03-04T05:06:07Z'));
    const other = await createCollection(db, 'Other');
    await addToCollection(db, reading.id, [a, b]);
    await addToCollection(db, other.id, [b, c]);
    const before = await db.collections.get(reading.id);
    const membersBefore = await membership();

    const snap = await deleteCollectionUndoable(db, reading.id);
    expect(snap.paperIds.sort()).toEqual([a, b].sort());
    expect(await db.collections.get(reading.id)).toBeUndefined();
    expect((await membership())[a]).toEqual([]);
    expect(await db.papers.count()).toBe(3); // papers are never deleted with a collection

    const changed = await restoreCollection(db, snap);
    expect(changed.sort()).toEqual([a, b].sort());
    expect(await db.collections.get(reading.id)).toEqual(before);
    expect(before!.createdAt).toBe(Date.parse('2025-03-04T05:06:07Z'));
    expect(await membership()).toEqual(membersBefore);
    expect((await listCollections(db)).map((x) => [x.name, x.count])).toEqual([
      ['Other', 2],
      ['Reading list', 2],
    ]);
  });

  it('skips papers deleted from the library in the meantime', async () => {
    const [a, b] = await capture();
    const coll = await createCollection(db, 'Reading list');
    await addToCollection(db, coll.id, [a, b]);
    const snap = await deleteCollectionUndoable(db, coll.id);
    await deletePapers(db, [a]);
    expect(await restoreCollection(db, snap)).toEqual([b]);
    expect((await listCollections(db)).map((x) => [x.name, x.count])).toEqual([['Reading list', 1]]);
  });

  it('refuses, writing nothing, when a collection of that name was made meanwhile', async () => {
    const [a] = await capture();
    const coll = await createCollection(db, 'Reading list');
    await addToCollection(db, coll.id, [a]);
    const snap = await deleteCollectionUndoable(db, coll.id);
    const again = await createCollection(db, 'reading LIST');
    await expect(restoreCollection(db, snap)).rejects.toThrow(CollectionError);
    await expect(restoreCollection(db, snap)).rejects.toThrow('A collection named “Reading list” exists again');
    expect((await db.collections.toArray()).map((x) => x.id)).toEqual([again.id]);
    expect((await membership())[a]).toEqual([]);
  });

  it('deleting a collection that is gone says so', async () => {
    await expect(deleteCollectionUndoable(db, 'c-missing')).rejects.toThrow('That collection no longer exists.');
  });
});

describe('removing papers from a collection, undone', () => {
  it('puts back exactly the papers that were removed and the collection as it was', async () => {
    const [a, b, c] = await capture();
    const coll = await createCollection(db, 'Reading list');
    await addToCollection(db, coll.id, [a, b]);
    const before = await db.collections.get(coll.id);

    // c was never a member: removing it changes nothing and undo must not add it.
    const snap = await removeFromCollectionUndoable(db, coll.id, [a, c]);
    expect(snap).toEqual({ collectionId: coll.id, paperIds: [a], updatedAt: before!.updatedAt });
    expect((await membership())[a]).toEqual([]);

    expect(await restoreMembership(db, snap)).toEqual([a]);
    const m = await membership();
    expect([m[a], m[b], m[c]]).toEqual([[coll.id], [coll.id], []]);
    expect(await db.collections.get(coll.id)).toEqual(before);
  });

  it('fails with a clear message when the collection was deleted meanwhile', async () => {
    const [a] = await capture();
    const coll = await createCollection(db, 'Reading list');
    await addToCollection(db, coll.id, [a]);
    const snap = await removeFromCollectionUndoable(db, coll.id, [a]);
    await deleteCollectionUndoable(db, coll.id);
    await expect(restoreMembership(db, snap)).rejects.toThrow('That collection no longer exists.');
    expect((await membership())[a]).toEqual([]);
  });
});
