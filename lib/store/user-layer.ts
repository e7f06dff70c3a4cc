/**
 * The user's own layer on a paper (lib/core/fields.ts USER_FIELDS): star, reading status, tags and a
 * note. Each edit is one Dexie transaction that reads the paper, changes only these fields (and
 * `userUpdatedAt`, `updatedAt`), and writes it back; the change log middleware (./changes.ts) records
 * the change in that same transaction, so the search host finds it even if its message is lost.
 * Scraped fields are never touched here, and captures never touch these (lib/core/identity.ts
 * `mergePaper`). Callers re-index the paper afterwards (lib/search/reindex.ts), as for collections.
 */
import type { PaperdexDB } from './db';
import { cleanNote, cleanTag, cleanTags, isReadingStatus, MAX_TAGS, tagKey, type ReadingStatus } from '../core/fields';
import type { PaperRecord } from '../core/types';
import { t } from '../i18n/i18n';

/** A user-facing error (the paper is gone, too many tags), worded in the user's language. */
export class UserLayerError extends Error {}

/**
 * Change one paper's layer in one transaction. `edit` changes the record in place and returns
 * false when nothing changed (then nothing is written). Returns the paper as stored afterwards.
 */
async function editPaper(db: PaperdexDB, id: string, edit: (p: PaperRecord) => boolean, now: number): Promise<PaperRecord> {
  return db.transaction('rw', db.papers, async () => {
    const p = await db.papers.get(id);
    if (!p) throw new UserLayerError(t('paper_layerErrGone'));
    if (!edit(p)) return p;
    p.userUpdatedAt = new Date(now).toISOString();
    p.updatedAt = now;
    await db.papers.put(p);
    return p;
  });
}

/** Star or unstar a paper. */
export function setStarred(db: PaperdexDB, id: string, starred: boolean, now = Date.now()): Promise<PaperRecord> {
  return editPaper(
    db,
    id,
    (p) => {
      if (!!p.starred === starred) return false;
      if (starred) p.starred = true;
      else delete p.starred;
      return true;
    },
    now,
  );
}

/** Set a paper's reading status (`undefined`: none). */
export async function setStatus(db: PaperdexDB, id: string, status: ReadingStatus | undefined, now = Date.now()): Promise<PaperRecord> {
  if (status !== undefined && !isReadingStatus(status)) throw new UserLayerError(t('paper_layerErrStatus', { status: String(status) }));
  return editPaper(
    db,
    id,
    (p) => {
      if (p.status === status) return false;
      if (status) p.status = status;
      else delete p.status;
      return true;
    },
    now,
  );
}

const sameList = (a: string[] | undefined, b: string[]) => (a ?? []).length === b.length && b.every((x, i) => a![i] === x);

/** Replace a paper's tags (cleaned: trimmed, unique ignoring case, at most 100). */
export function setTags(db: PaperdexDB, id: string, tags: string[], now = Date.now()): Promise<PaperRecord> {
  const clean = cleanTags(tags);
  return editPaper(
    db,
    id,
    (p) => {
      if (sameList(p.tags, clean)) return false;
      if (clean.length) p.tags = clean;
      else delete p.tags;
      return true;
    },
    now,
  );
}

/** Add a tag to a paper (nothing happens when it has that tag, in any case). */
export function addTag(db: PaperdexDB, id: string, tag: string, now = Date.now()): Promise<PaperRecord> {
  const clean = cleanTag(tag);
  return editPaper(
    db,
    id,
    (p) => {
      const have = p.tags ?? [];
      if (!clean || have.some((x) => tagKey(x) === tagKey(clean))) return false;
      if (have.length >= MAX_TAGS) throw new UserLayerError(t('paper_layerErrTags', { max: MAX_TAGS }));
      p.tags = [...have, clean];
      return true;
    },
    now,
  );
}

/** Remove a tag from a paper (compared ignoring case). */
export function removeTag(db: PaperdexDB, id: string, tag: string, now = Date.now()): Promise<PaperRecord> {
  const k = tagKey(tag);
  return editPaper(
    db,
    id,
    (p) => {
      const rest = (p.tags ?? []).filter((x) => tagKey(x) !== k);
      if (rest.length === (p.tags ?? []).length) return false;
      if (rest.length) p.tags = rest;
      else delete p.tags;
      return true;
    },
    now,
  );
}

/** Set a paper's note (plain text, cleaned; an empty note removes it). */
export function setNote(db: PaperdexDB, id: string, note: string, now = Date.now()): Promise<PaperRecord> {
  const clean = cleanNote(note);
  const next = clean.trim() ? clean : undefined;
  return editPaper(
    db,
    id,
    (p) => {
      if (p.note === next) return false;
      if (next) p.note = next;
      else delete p.note;
      return true;
    },
    now,
  );
}

/** A tag in use and the number of papers that carry it. */
export interface TagCount {
  tag: string;
  count: number;
}

/**
 * The tags in use with their paper counts, most used first (then alphabetically), read from the
 * `*tags` index (no paper is read). Spellings that differ only in case count as one tag, shown as
 * the spelling most papers use.
 */
export async function tagsInUse(db: PaperdexDB): Promise<TagCount[]> {
  return db.transaction('r', db.papers, async () => {
    const keys = (await db.papers.orderBy('tags').uniqueKeys()) as string[];
    const counts = await Promise.all(keys.map((k) => db.papers.where('tags').equals(k).count()));
    const byKey = new Map<string, { tag: string; best: number; count: number }>();
    keys.forEach((tag, i) => {
      const k = tagKey(tag);
      const e = byKey.get(k);
      if (!e) byKey.set(k, { tag, best: counts[i], count: counts[i] });
      else {
        e.count += counts[i];
        if (counts[i] > e.best) Object.assign(e, { tag, best: counts[i] });
      }
    });
    return [...byKey.values()].map(({ tag, count }) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  });
}
