// Author identity across sites: conservative automatic linking, user merge and split that persist.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { autoLinkAuthor, mergeAuthors, sameNameCandidates, splitProfile } from '../../lib/store/authors';
import type { ScrapeResult, ScrapedPaper } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-authors-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const P1: ScrapedPaper = {
  title: 'Word spotting for historical documents',
  authors: ['TM Rath', 'R Manmatha'],
  year: 2007,
  ids: { doi: '10.1007/s10032-006-0027-8' },
};
const P2: ScrapedPaper = { title: 'Features for word spotting in historical manuscripts', authors: ['TM Rath', 'R Manmatha'], year: 2003 };
const P3: ScrapedPaper = { title: 'A model for retrieval of handwriting', authors: ['R Manmatha'], year: 1996 };
const OTHER: ScrapedPaper = { title: 'Protein folding kinetics', authors: ['R Manmatha'], year: 2015 };

function page(site: ScrapeResult['site'], id: string, name: string, papers: ScrapedPaper[]): ScrapeResult {
  return { site, kind: 'author', url: `https://${site}.example/${id}`, author: { name, id }, papers };
}

describe('author identity', () => {
  it('links the same person across sites when they share papers', async () => {
    const s1 = await saveCapture(db, page('google-scholar', 'U1', 'R. Manmatha', [P1, P2, P3]));
    const s2 = await saveCapture(db, page('dblp', '49/1234', 'Raghavan Manmatha', [P1, P2]));
    expect(await db.authors.count()).toBe(2);
    const survivor = await autoLinkAuthor(db, s2.authorId!);
    expect(survivor).toBe(s1.authorId);
    const all = await db.authors.toArray();
    expect(all).toHaveLength(1);
    expect(all[0].profileKeys.sort()).toEqual(['dblp:49/1234', 'google-scholar:U1']);
    expect(all[0].paperIds).toHaveLength(3); // union of both sites' lists
    for (const p of await db.papers.toArray()) expect(p.authorIds).toEqual([s1.authorId]);
    // The choice persists: the next DBLP capture lands on the merged author.
    const s3 = await saveCapture(db, page('dblp', '49/1234', 'Raghavan Manmatha', [P1, P2, P3]));
    expect(s3.authorId).toBe(s1.authorId);
  });

  it('never merges same-initials people without shared papers', async () => {
    await saveCapture(db, page('google-scholar', 'U1', 'R. Manmatha', [P1, P2, P3]));
    const s2 = await saveCapture(db, page('dblp', '99/1', 'Rahul Manmatha', [OTHER]));
    expect(await autoLinkAuthor(db, s2.authorId!)).toBe(s2.authorId);
    expect(await db.authors.count()).toBe(2);
    // …but the UI can suggest them, with the shared-paper count.
    const a = (await db.authors.get(s2.authorId!))!;
    const c = await sameNameCandidates(db, a);
    expect(c).toHaveLength(1);
    expect(c[0].shared).toBe(0);
  });

  it('does not auto-link two profiles on the same site', async () => {
    await saveCapture(db, page('google-scholar', 'U1', 'R. Manmatha', [P1, P2]));
    const s2 = await saveCapture(db, page('google-scholar', 'U2', 'R Manmatha', [P1, P2]));
    expect(await autoLinkAuthor(db, s2.authorId!)).toBe(s2.authorId);
    expect(await db.authors.count()).toBe(2);
  });

  it('splits a profile back out and remembers they are different people', async () => {
    const s1 = await saveCapture(db, page('google-scholar', 'U1', 'R. Manmatha', [P1, P2]));
    const s2 = await saveCapture(db, page('dblp', '99/1', 'R. Manmatha', [OTHER]));
    await mergeAuthors(db, s1.authorId!, s2.authorId!);
    expect(await db.authors.count()).toBe(1);
    const split = await splitProfile(db, s1.authorId!, 'dblp:99/1');
    expect(split.paperIds).toHaveLength(1);
    const kept = (await db.authors.get(s1.authorId!))!;
    expect(kept.paperIds).toHaveLength(2);
    expect(kept.profileKeys).toEqual(['google-scholar:U1']);
    const other = (await db.papers.where('titleKey').equals('protein folding kinetics').first())!;
    expect(other.authorIds).toEqual([split.id]);
    // Shared papers appear later, but the user's choice wins.
    await saveCapture(db, page('dblp', '99/1', 'R. Manmatha', [P1, P2, OTHER]));
    expect(await autoLinkAuthor(db, split.id)).toBe(split.id);
    expect(await db.authors.count()).toBe(2);
  });

  it('refuses nonsense merges and splits', async () => {
    const s1 = await saveCapture(db, page('google-scholar', 'U1', 'R. Manmatha', [P1]));
    await expect(mergeAuthors(db, s1.authorId!, s1.authorId!)).rejects.toThrow('itself');
    await expect(splitProfile(db, s1.authorId!, 'google-scholar:U1')).rejects.toThrow('one profile');
  });
});
