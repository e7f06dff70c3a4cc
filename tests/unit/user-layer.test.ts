// The user's own layer on a paper (lib/store/user-layer.ts, lib/core/fields.ts USER_FIELDS): star,
// reading status, tags and a note are written in one transaction each, with their change-log row,
// without touching what was scraped; a page can never set them (the capture message schema drops
// them) and a later capture of the same paper keeps them; the search host finds the edits from the
// change log alone; tag completion counts the tags in use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { addTag, removeTag, setNote, setStarred, setStatus, setTags, tagsInUse, UserLayerError } from '../../lib/store/user-layer';
import { ScrapedPaperSchema, ScrapeResultSchema } from '../../lib/core/scraped-schema';
import { cleanTags, MAX_TAGS } from '../../lib/core/fields';
import { mergePaper } from '../../lib/core/identity';
import { SearchHost } from '../../lib/search/host/search-host';
import type { PaperRecord, ScrapeResult } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-user-layer-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ARXIV_PAGE = 'https://arxiv.org/list/cs.LG/new';
function listing(extra: Record<string, unknown> = {}): ScrapeResult {
  return {
    site: 'arxiv',
    kind: 'listing',
    url: ARXIV_PAGE,
    papers: [
      {
        title: 'Sparse attention for long documents',
        authors: ['Ana Rivera', 'Ben Okoye'],
        year: 2024,
        ids: { arxiv: '2401.00001' },
        abstract: 'We make attention sparse.',
        ...extra,
      },
    ],
  };
}

async function onePaper(): Promise<PaperRecord> {
  const s = await saveCapture(db, listing());
  return (await db.papers.get(s.paperIds[0]))!;
}

/** The paper without the fields the user layer may change. */
const scraped = (p: PaperRecord) => {
  const { starred: _s, status: _st, tags: _t, note: _n, noteHistory: _h, userUpdatedAt: _u, updatedAt: _up, ...rest } = p;
  return rest;
};

const maxSeq = async () => (await db.changes.orderBy('seq').last())?.seq ?? 0;

describe('editing the layer', () => {
  it('stars, sets a status, tags and a note, each with a change-log row, scraped fields untouched', async () => {
    const p = await onePaper();
    const before = scraped(p);
    let seq = await maxSeq();
    const at = Date.parse('2026-03-01T10:00:00.000Z');

    const steps: [string, () => Promise<PaperRecord>][] = [
      ['star', () => setStarred(db, p.id, true, at)],
      ['status', () => setStatus(db, p.id, 'toread', at + 1)],
      ['tags', () => setTags(db, p.id, ['  Reading   group ', 'reading group', 'to cite'], at + 2)],
      ['note', () => setNote(db, p.id, 'Check the\r\nproof of Lemma 2.  ', at + 3)],
    ];
    for (const [what, step] of steps) {
      await step();
      const next = await maxSeq();
      expect(next, `a change row for ${what}`).toBe(seq + 1);
      expect((await db.changes.get(p.id))!.seq).toBe(next);
      seq = next;
    }
    const got = (await db.papers.get(p.id))!;
    expect(got).toMatchObject({
      starred: true,
      status: 'toread',
      tags: ['Reading group', 'to cite'],
      note: 'Check the\nproof of Lemma 2.',
      userUpdatedAt: '2026-03-01T10:00:00.003Z',
      updatedAt: at + 3,
    });
    expect(scraped(got)).toEqual(before);
  });

  it('writes nothing when nothing changes, and clears fields instead of storing empty ones', async () => {
    const p = await onePaper();
    await setStarred(db, p.id, true, 1000);
    const seq = await maxSeq();
    await setStarred(db, p.id, true, 2000);
    await addTag(db, p.id, 'ml', 2000);
    await addTag(db, p.id, 'ML', 3000);
    expect(await maxSeq()).toBe(seq + 1);
    expect((await db.papers.get(p.id))!.tags).toEqual(['ml']);

    await setStarred(db, p.id, false);
    await setStatus(db, p.id, 'reading');
    await setStatus(db, p.id, undefined);
    await removeTag(db, p.id, 'Ml');
    await setNote(db, p.id, 'x');
    await setNote(db, p.id, '   \n ');
    const got = (await db.papers.get(p.id))!;
    for (const k of ['starred', 'status', 'tags', 'note'] as const) expect(got, k).not.toHaveProperty(k);
  });

  it('refuses an unknown status, a missing paper and more than the tag limit, with a clear message', async () => {
    const p = await onePaper();
    await expect(setStatus(db, p.id, 'skimmed' as never)).rejects.toThrow(/Unknown reading status “skimmed”/);
    await expect(setStarred(db, 'p-nope', true)).rejects.toBeInstanceOf(UserLayerError);
    await setTags(
      db,
      p.id,
      Array.from({ length: MAX_TAGS + 20 }, (_, i) => `t${i}`),
    );
    expect((await db.papers.get(p.id))!.tags).toHaveLength(MAX_TAGS);
    await expect(addTag(db, p.id, 'one more')).rejects.toThrow(`at most ${MAX_TAGS} tags`);
  });

  it('cleans tags: separators and control characters out, unique ignoring case, bounded', () => {
    expect(cleanTags(['a,b', ' x;y ', 'say "hi"', 'A B', 'a b', '\u0000\u202Eevil', ''.padEnd(300, 'z')])).toEqual([
      'a b',
      'x y',
      'say hi',
      'evil',
      'z'.repeat(100),
    ]);
  });
});

describe('a page cannot set the layer', () => {
  it('the capture message schema drops star, status, tags and note', () => {
    const hostile = listing({
      starred: true,
      status: 'read',
      tags: ['planted'],
      note: 'from the page',
      userUpdatedAt: '2099-01-01T00:00:00Z',
    });
    const parsed = v.parse(ScrapeResultSchema, hostile);
    for (const k of ['starred', 'status', 'tags', 'note', 'noteHistory', 'userUpdatedAt']) {
      expect(parsed.papers[0], k).not.toHaveProperty(k);
      expect(v.parse(ScrapedPaperSchema, hostile.papers[0]), k).not.toHaveProperty(k);
    }
  });

  it('a page that sends them stores none, and a later capture keeps what the user set', async () => {
    const planted = v.parse(ScrapeResultSchema, listing({ starred: true, tags: ['planted'], note: 'from the page' }));
    const first = await saveCapture(db, planted);
    const id = first.paperIds[0];
    let p = (await db.papers.get(id))!;
    expect(p).not.toHaveProperty('starred');
    expect(p).not.toHaveProperty('tags');
    expect(p).not.toHaveProperty('note');

    await setStarred(db, id, true);
    await setStatus(db, id, 'read');
    await setTags(db, id, ['mine']);
    await setNote(db, id, 'my note');
    // The page again, with a longer abstract and a citation count: the paper updates, the layer stays.
    await saveCapture(
      db,
      v.parse(ScrapeResultSchema, listing({ abstract: 'We make attention sparse, and fast.', citations: 12, note: 'x' })),
    );
    p = (await db.papers.get(id))!;
    expect(p).toMatchObject({ starred: true, status: 'read', tags: ['mine'], note: 'my note', citations: 12 });
    expect(p.abstract).toBe('We make attention sparse, and fast.');
  });

  it('mergePaper keeps the stored layer whatever the incoming paper holds', () => {
    const stored = { ...listing().papers[0], id: 'p-1', starred: true, tags: ['mine'], note: 'n' } as unknown as PaperRecord;
    Object.assign(stored, {
      sources: [],
      citationHistory: [],
      idKeys: [],
      titleKey: '',
      authorIds: [],
      collectionIds: [],
      addedAt: 0,
      updatedAt: 0,
    });
    const incoming = { ...listing().papers[0], starred: false, tags: ['theirs'], note: 'theirs' } as never;
    expect(mergePaper(stored, incoming)).toMatchObject({ starred: true, tags: ['mine'], note: 'n' });
  });
});

describe('tags in use', () => {
  it('lists every tag with its paper count, most used first, spellings ignoring case as one', async () => {
    const s = await saveCapture(db, {
      site: 'arxiv',
      kind: 'listing',
      url: ARXIV_PAGE,
      papers: ['One', 'Two', 'Three'].map((t, i) => ({
        title: `${t} paper on graphs`,
        authors: ['Ana Rivera'],
        ids: { arxiv: `2401.0000${i}` },
      })),
    });
    const [a, b, c] = s.paperIds;
    await setTags(db, a, ['graphs', 'To Cite']);
    await setTags(db, b, ['graphs', 'to cite']);
    await setTags(db, c, ['graphs', 'survey']);
    expect(await tagsInUse(db)).toEqual([
      { tag: 'graphs', count: 3 },
      { tag: 'To Cite', count: 2 },
      { tag: 'survey', count: 1 },
    ]);
  });
});

describe('the search host sees edits from the change log', () => {
  it('finds a starred, tagged, annotated paper after a catch-up, without being told which one', async () => {
    const p = await onePaper();
    const host = new SearchHost(db);
    await host.ready;
    expect((await host.search('is:starred')).total).toBe(0);
    await setStarred(db, p.id, true);
    await setTags(db, p.id, ['reading group']);
    await setNote(db, p.id, 'Compare with the Longformer baseline');
    // The message names no paper: the host reads the change log.
    await host.update([]);
    expect((await host.search('is:starred tag:"reading group"')).hits.map((h) => h.id)).toEqual([p.id]);
    expect((await host.search('longformer')).hits.map((h) => h.id)).toEqual([p.id]);
    expect((await host.search('has:note')).total).toBe(1);
  });
});
