/**
 * Author identity across sites: linking the profiles of one person (automatically when the
 * evidence is strong, or by the user), and splitting a wrongly linked profile back out. Name
 * variants alone ("R. Manmatha", "Manmatha, R.", "Raghavan Manmatha") never merge two authors:
 * two people can share initials and surname. A link needs the same name key AND shared papers,
 * and a user's "not the same person" is remembered.
 */
import { authorIdFor } from './capture';
import type { PaperdexDB } from './db';
import { union } from '../core/identity';
import type { AuthorRecord } from '../core/types';

/** Why an author could not be merged or split; `code` lets the UI say it in the user's language. */
export type AuthorEditProblem = 'self' | 'notFound' | 'notPart' | 'oneProfile';

/** A refused merge or split (the message is English, for logs and tests). */
export class AuthorEditError extends Error {
  constructor(
    readonly code: AuthorEditProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AuthorEditError';
  }
}

/** Shared papers needed before two same-named profiles on different sites are linked automatically. */
export const MIN_SHARED_PAPERS = 2;

function sharedCount(a: AuthorRecord, b: AuthorRecord): number {
  const s = new Set(a.paperIds);
  return b.paperIds.filter((id) => s.has(id)).length;
}

function keptApart(a: AuthorRecord, b: AuthorRecord): boolean {
  return a.profileKeys.some((k) => b.notSame?.includes(k)) || b.profileKeys.some((k) => a.notSame?.includes(k));
}

/** Authors that might be the same person as `a` (same name key), with their shared paper count. */
export async function sameNameCandidates(db: PaperdexDB, a: AuthorRecord): Promise<{ author: AuthorRecord; shared: number }[]> {
  if (!a.nameKey) return [];
  const others = await db.authors.where('nameKey').equals(a.nameKey).toArray();
  return others
    .filter((o) => o.id !== a.id && !keptApart(a, o))
    .map((o) => ({ author: o, shared: sharedCount(a, o) }))
    .sort((x, y) => y.shared - x.shared);
}

/**
 * Merge author `dropId` into `keepId`: profiles, reported metrics, papers (re-pointed), details the
 * kept record lacks. One transaction. Returns the merged record.
 */
export async function mergeAuthors(db: PaperdexDB, keepId: string, dropId: string): Promise<AuthorRecord> {
  if (keepId === dropId) throw new AuthorEditError('self', 'Cannot merge an author with itself');
  return db.transaction('rw', db.authors, db.papers, async () => {
    const [keep, drop] = await Promise.all([db.authors.get(keepId), db.authors.get(dropId)]);
    if (!keep || !drop) throw new AuthorEditError('notFound', 'Author not found');
    const merged: AuthorRecord = {
      ...keep,
      affiliation: keep.affiliation ?? drop.affiliation,
      interests: union(keep.interests, drop.interests),
      otherNames: union(
        keep.otherNames,
        [drop.name, ...(drop.otherNames ?? [])].filter((n) => n !== keep.name),
      ),
      homepage: keep.homepage ?? drop.homepage,
      profiles: [...keep.profiles, ...drop.profiles.filter((p) => !keep.profiles.some((q) => q.site === p.site && q.url === p.url))],
      profileKeys: union(keep.profileKeys, drop.profileKeys) ?? [],
      reported: [...keep.reported, ...drop.reported].sort((x, y) => x.capturedAt.localeCompare(y.capturedAt)),
      paperIds: union(keep.paperIds, drop.paperIds) ?? [],
      coauthors: keep.coauthors ?? drop.coauthors,
      notSame: union(keep.notSame, drop.notSame),
      addedAt: Math.min(keep.addedAt, drop.addedAt),
      updatedAt: Date.now(),
    };
    for (const k of Object.keys(merged) as (keyof AuthorRecord)[]) if (merged[k] === undefined) delete merged[k];
    const papers = await db.papers.where('authorIds').equals(dropId).toArray();
    for (const p of papers)
      p.authorIds =
        union(
          p.authorIds.filter((id) => id !== dropId),
          [keepId],
        ) ?? [];
    await db.papers.bulkPut(papers);
    await db.authors.delete(dropId);
    await db.authors.put(merged);
    return merged;
  });
}

/**
 * Split one site profile out of an author into an author of its own (the user says it is a
 * different person). Papers seen only through that profile's site move with it; the two are
 * remembered as different people so they are never linked automatically again.
 */
export async function splitProfile(db: PaperdexDB, authorId: string, profileKey: string): Promise<AuthorRecord> {
  return db.transaction('rw', db.authors, db.papers, async () => {
    const a = await db.authors.get(authorId);
    if (!a) throw new AuthorEditError('notFound', 'Author not found');
    if (!a.profileKeys.includes(profileKey)) throw new AuthorEditError('notPart', 'That profile is not part of this author');
    if (a.profileKeys.length < 2) throw new AuthorEditError('oneProfile', 'An author with one profile cannot be split');
    const [site, ...rest] = profileKey.split(':');
    const pid = rest.join(':');
    const profile = a.profiles.find((p) => p.site === site && (p.id === pid || p.url === pid));
    const remainingSites = new Set(a.profileKeys.filter((k) => k !== profileKey).map((k) => k.split(':')[0]));
    const papers = await db.papers.bulkGet(a.paperIds);
    const moving = papers.filter(
      (p): p is NonNullable<typeof p> =>
        !!p && p.sources.some((s) => s.site === site) && !p.sources.some((s) => remainingSites.has(s.site)),
    );
    const movingIds = new Set(moving.map((p) => p.id));
    const now = Date.now();
    const split: AuthorRecord = {
      id: authorIdFor(profileKey),
      name: a.name,
      nameKey: a.nameKey,
      profiles: profile ? [profile] : [],
      profileKeys: [profileKey],
      reported: a.reported.filter((r) => r.site === site),
      paperIds: [...movingIds],
      notSame: a.profileKeys.filter((k) => k !== profileKey),
      addedAt: now,
      updatedAt: now,
    };
    if (split.id === a.id) split.id = authorIdFor(`${profileKey}#split`);
    const kept: AuthorRecord = {
      ...a,
      profiles: a.profiles.filter((p) => p !== profile),
      profileKeys: a.profileKeys.filter((k) => k !== profileKey),
      reported: a.reported.filter((r) => r.site !== site || remainingSites.has(site)),
      paperIds: a.paperIds.filter((id) => !movingIds.has(id)),
      notSame: union(a.notSame, [profileKey]),
      updatedAt: now,
    };
    for (const p of moving)
      p.authorIds =
        union(
          p.authorIds.filter((id) => id !== a.id),
          [split.id],
        ) ?? [];
    await db.papers.bulkPut(moving);
    await db.authors.bulkPut([kept, split]);
    return split;
  });
}

/**
 * After a capture: link the author to a same-named author from another site when they share
 * at least {@link MIN_SHARED_PAPERS} papers. Keeps the older record. Returns the surviving id.
 */
export async function autoLinkAuthor(db: PaperdexDB, authorId: string): Promise<string> {
  const a = await db.authors.get(authorId);
  if (!a) return authorId;
  const sites = new Set(a.profileKeys.map((k) => k.split(':')[0]));
  for (const { author: o, shared } of await sameNameCandidates(db, a)) {
    const otherSites = o.profileKeys.map((k) => k.split(':')[0]);
    // Two profiles on the same site are two people (a site doesn't give one person two profiles
    // knowingly); only cross-site profiles are linked automatically.
    if (otherSites.some((s) => sites.has(s))) continue;
    if (shared < MIN_SHARED_PAPERS) continue;
    const [keep, drop] = o.addedAt <= a.addedAt ? [o, a] : [a, o];
    const merged = await mergeAuthors(db, keep.id, drop.id);
    return merged.id;
  }
  return authorId;
}
