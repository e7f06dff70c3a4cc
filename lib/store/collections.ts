/**
 * Named collections and library edits: create, rename, delete (papers are never deleted with a
 * collection), add and remove papers, delete papers; deleting a collection, removing papers from one
 * and deleting papers each have an undo snapshot and a restore function. Membership lives on the
 * paper (`collectionIds`, a multiEntry index). Every edit bumps the papers' `updatedAt`; the search
 * index picks it up from the change log (lib/store/changes.ts), including after a restart.
 */
import type { PaperdexDB } from './db';
import { hash64 } from '../core/identity';
import type { AuthorRecord, CollectionRecord, PaperRecord } from '../core/types';
import { t } from '../i18n/i18n';

/** A user-facing error (bad name, missing collection), worded in the user's language. */
export class CollectionError extends Error {}

function cleanName(name: string): string {
  const n = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!n) throw new CollectionError(t('collections_errNoName'));
  if (n.length > 120) throw new CollectionError(t('collections_errTooLong', { max: 120 }));
  if (n.toLowerCase() === 'all papers') throw new CollectionError(t('collections_errReserved'));
  return n;
}

async function nameTaken(db: PaperdexDB, name: string, except?: string): Promise<boolean> {
  const all = await db.collections.toArray();
  return all.some((c) => c.id !== except && c.name.toLowerCase() === name.toLowerCase());
}

/** Every collection, by name. */
export async function listCollections(db: PaperdexDB): Promise<(CollectionRecord & { count: number })[]> {
  const cs = await db.collections.toArray();
  const out = await Promise.all(cs.map(async (c) => ({ ...c, count: await db.papers.where('collectionIds').equals(c.id).count() })));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A free name: `name`, else `name (2)`, `name (3)`, … (used when importing). */
export async function freeName(db: PaperdexDB, name: string): Promise<string> {
  const base = cleanName(name);
  if (!(await nameTaken(db, base))) return base;
  // Keep within the 120-character limit once " (n)" is added.
  const stem = base.slice(0, 110);
  for (let i = 2; ; i++) if (!(await nameTaken(db, `${stem} (${i})`))) return `${stem} (${i})`;
}

/** Create a collection. Names are unique (case-insensitive). */
export async function createCollection(db: PaperdexDB, name: string, now = Date.now(), id?: string): Promise<CollectionRecord> {
  const n = cleanName(name);
  return db.transaction('rw', db.collections, async () => {
    if (await nameTaken(db, n)) throw new CollectionError(t('collections_errExists', { name: n }));
    const c: CollectionRecord = { id: id ?? `c-${hash64(`${n}:${now}:${Math.random()}`)}`, name: n, createdAt: now, updatedAt: now };
    await db.collections.add(c);
    return c;
  });
}

/** Rename a collection. */
export async function renameCollection(db: PaperdexDB, id: string, name: string): Promise<void> {
  const n = cleanName(name);
  await db.transaction('rw', db.collections, async () => {
    const c = await db.collections.get(id);
    if (!c) throw new CollectionError(t('collections_errGone'));
    if (await nameTaken(db, n, id)) throw new CollectionError(t('collections_errExists', { name: n }));
    await db.collections.update(id, { name: n, updatedAt: Date.now() });
  });
}

/** What {@link deleteCollectionUndoable} removed: the collection as it was and the papers it held. */
export interface CollectionSnapshot {
  collection: CollectionRecord;
  /** Papers that were members, in library order. */
  paperIds: string[];
}

/** Delete a collection. Its papers stay in the library. Returns the ids of papers it held. */
export async function deleteCollection(db: PaperdexDB, id: string): Promise<string[]> {
  return (await deleteCollectionUndoable(db, id)).paperIds;
}

/**
 * Delete a collection (its papers stay in the library) and return what {@link restoreCollection}
 * needs to put it back exactly: id, name, createdAt, updatedAt and membership.
 */
export async function deleteCollectionUndoable(db: PaperdexDB, id: string): Promise<CollectionSnapshot> {
  return db.transaction('rw', db.collections, db.papers, async () => {
    const collection = await db.collections.get(id);
    if (!collection) throw new CollectionError(t('collections_errGone'));
    const papers = await db.papers.where('collectionIds').equals(id).toArray();
    const now = Date.now();
    for (const p of papers) {
      p.collectionIds = p.collectionIds.filter((c) => c !== id);
      p.updatedAt = now;
    }
    await db.papers.bulkPut(papers);
    await db.collections.delete(id);
    return { collection, paperIds: papers.map((p) => p.id) };
  });
}

/**
 * Undo {@link deleteCollectionUndoable}: the collection comes back with its id, name, createdAt and
 * updatedAt, and every paper it held that is still in the library is a member again. Fails, writing
 * nothing, when a collection of that name (or id) was made in the meantime. Returns the paper ids
 * that changed (for the search index).
 */
export async function restoreCollection(db: PaperdexDB, snap: CollectionSnapshot): Promise<string[]> {
  return db.transaction('rw', db.collections, db.papers, async () => {
    const c = snap.collection;
    if ((await db.collections.get(c.id)) || (await nameTaken(db, c.name)))
      throw new CollectionError(t('collections_errExistsAgain', { name: c.name }));
    await db.collections.add({ ...c });
    return addMembers(db, c.id, snap.paperIds);
  });
}

/** Make `paperIds` (those still in the library and not yet members) members of collection `id`. */
async function addMembers(db: PaperdexDB, id: string, paperIds: string[]): Promise<string[]> {
  const papers = (await db.papers.bulkGet(paperIds)).filter((p): p is PaperRecord => !!p && !p.collectionIds.includes(id));
  const now = Date.now();
  for (const p of papers) {
    p.collectionIds = [...p.collectionIds, id];
    p.updatedAt = now;
  }
  await db.papers.bulkPut(papers);
  return papers.map((p) => p.id);
}

/** Add papers to a collection (idempotent). Returns the ids that changed. */
export async function addToCollection(db: PaperdexDB, id: string, paperIds: string[]): Promise<string[]> {
  return db.transaction('rw', db.collections, db.papers, async () => {
    if (!(await db.collections.get(id))) throw new CollectionError(t('collections_errGone'));
    const changed = await addMembers(db, id, paperIds);
    await db.collections.update(id, { updatedAt: Date.now() });
    return changed;
  });
}

/** Remove papers from a collection (they stay in the library). Returns the ids that changed. */
export async function removeFromCollection(db: PaperdexDB, id: string, paperIds: string[]): Promise<string[]> {
  return (await removeFromCollectionUndoable(db, id, paperIds)).paperIds;
}

/** What {@link removeFromCollectionUndoable} changed: which papers left which collection, and its prior updatedAt. */
export interface MembershipSnapshot {
  collectionId: string;
  /** The papers that were members and were removed (not those that were not members). */
  paperIds: string[];
  /** The collection's updatedAt before the removal. */
  updatedAt: number;
}

/** Remove papers from a collection and return what {@link restoreMembership} needs to undo it. */
export async function removeFromCollectionUndoable(db: PaperdexDB, id: string, paperIds: string[]): Promise<MembershipSnapshot> {
  return db.transaction('rw', db.collections, db.papers, async () => {
    const c = await db.collections.get(id);
    const papers = (await db.papers.bulkGet(paperIds)).filter((p): p is PaperRecord => !!p && p.collectionIds.includes(id));
    const now = Date.now();
    for (const p of papers) {
      p.collectionIds = p.collectionIds.filter((x) => x !== id);
      p.updatedAt = now;
    }
    await db.papers.bulkPut(papers);
    await db.collections.update(id, { updatedAt: now });
    return { collectionId: id, paperIds: papers.map((p) => p.id), updatedAt: c?.updatedAt ?? now };
  });
}

/**
 * Undo {@link removeFromCollectionUndoable}: the papers (those still in the library) are members
 * again and the collection's updatedAt is what it was. Fails when the collection was deleted
 * meanwhile. Returns the paper ids that changed.
 */
export async function restoreMembership(db: PaperdexDB, snap: MembershipSnapshot): Promise<string[]> {
  return db.transaction('rw', db.collections, db.papers, async () => {
    if (!(await db.collections.get(snap.collectionId))) throw new CollectionError(t('collections_errGone'));
    const changed = await addMembers(db, snap.collectionId, snap.paperIds);
    await db.collections.update(snap.collectionId, { updatedAt: snap.updatedAt });
    return changed;
  });
}

/** What {@link deletePapers} removed, to put back with {@link restorePapers}. */
export interface DeletedSnapshot {
  papers: PaperRecord[];
  authors: AuthorRecord[];
}

/** Delete papers from the library (and from their authors' lists). Returns an undo snapshot. */
export async function deletePapers(db: PaperdexDB, ids: string[]): Promise<DeletedSnapshot> {
  return db.transaction('rw', db.papers, db.authors, async () => {
    const papers = (await db.papers.bulkGet(ids)).filter((p): p is PaperRecord => !!p);
    const gone = new Set(papers.map((p) => p.id));
    const authorIds = [...new Set(papers.flatMap((p) => p.authorIds))];
    const authors = (await db.authors.bulkGet(authorIds)).filter((a): a is AuthorRecord => !!a);
    await db.authors.bulkPut(authors.map((a) => ({ ...a, paperIds: a.paperIds.filter((id) => !gone.has(id)) })));
    await db.papers.bulkDelete([...gone]);
    return { papers, authors };
  });
}

/** Undo {@link deletePapers}: the papers and their authors' lists come back as they were. */
export async function restorePapers(db: PaperdexDB, snap: DeletedSnapshot): Promise<void> {
  await db.transaction('rw', db.papers, db.authors, async () => {
    const now = Date.now();
    await db.papers.bulkPut(snap.papers.map((p) => ({ ...p, updatedAt: now })));
    for (const a of snap.authors) {
      const cur = await db.authors.get(a.id);
      const paperIds = [...new Set([...(cur?.paperIds ?? []), ...a.paperIds])];
      await db.authors.put({ ...(cur ?? a), paperIds });
    }
  });
}

/** Delete everything Paperdex stored (papers, authors, captures, collections, the search index). Returns the paper ids that were removed. */
export async function wipeLibrary(db: PaperdexDB): Promise<string[]> {
  return db.transaction('rw', [db.papers, db.authors, db.sources, db.collections, db.meta], async () => {
    const ids = (await db.papers.toCollection().primaryKeys()) as string[];
    await Promise.all([db.papers.clear(), db.authors.clear(), db.sources.clear(), db.collections.clear(), db.meta.clear()]);
    return ids;
  });
}
