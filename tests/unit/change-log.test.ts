// The change log (lib/store/changes.ts) and the search host's catch-up from it: every writer of
// papers records a strictly increasing sequence in its own transaction (deletes too), and a host
// restarted from an index saved mid-import — a capture in between, no final message — finds every
// stored paper (issue 13: it used to find none of the imported ones).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { mergeAuthors, splitProfile } from '../../lib/store/authors';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  deletePapers,
  removeFromCollection,
  restorePapers,
  wipeLibrary,
} from '../../lib/store/collections';
import { importParsed, parseImportFile } from '../../lib/interchange/import/import';
import { INDEX_SEQ_META_KEY, SearchHost } from '../../lib/search/host/search-host';
import type { ScrapeResult } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-changes-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** A distinct made-up word per number (letters only, fixed length: no word is another's prefix). */
function word(i: number): string {
  let s = '';
  for (let k = 0; k < 4; k++, i = Math.floor(i / 26)) s = String.fromCharCode(97 + (i % 26)) + s;
  return 'zq' + s;
}

/** A CSL-JSON file of `count` papers, each with its own title word. */
function cslFile(count: number, from = 0): string {
  const items = Array.from({ length: count }, (_, k) => ({
    id: `item-${from + k}`,
    type: 'article-journal',
    title: `Sparse ${word(from + k)} estimation for graphs`,
    author: [{ family: 'Okafor', given: 'Ada' }],
    issued: { 'date-parts': [[2000 + ((from + k) % 25)]] },
  }));
  return JSON.stringify(items);
}

function listing(title: string, url = 'https://arxiv.org/list/cs.LG/new'): ScrapeResult {
  return { site: 'arxiv', kind: 'listing', url, papers: [{ title, authors: ['Bo Chan'], year: 2024, ids: {} }] };
}

function profile(site: 'google-scholar' | 'dblp', id: string, titles: string[]): ScrapeResult {
  return {
    site,
    kind: 'author',
    url: `https://example.org/${site}/${id}`,
    author: { name: 'Anne Kietzig', id, url: `https://example.org/${site}/${id}` },
    papers: titles.map((title) => ({ title, authors: ['Anne Kietzig'], year: 2020, ids: {} })),
  };
}

async function lastSeq(): Promise<number> {
  return (await db.changes.orderBy('seq').last())?.seq ?? 0;
}

/** Sequences of these papers' last changes (0: never changed). */
async function seqsOf(ids: string[]): Promise<number[]> {
  return (await db.changes.bulkGet(ids)).map((c) => c?.seq ?? 0);
}

/** Every stored paper is found by its title word, and nothing deleted is. */
async function expectAllSearchable(host: SearchHost): Promise<number> {
  const papers = await db.papers.toArray();
  const missing: string[] = [];
  for (const p of papers) {
    const w = p.title.match(/zq[a-z]+/)?.[0] ?? p.title.split(' ')[0];
    const res = await host.search(w, { limit: 50 });
    if (!res.hits.some((h) => h.id === p.id)) missing.push(`${p.id} (${w})`);
  }
  expect(missing).toEqual([]);
  return papers.length;
}

describe('change log', () => {
  it('every writer of papers records a new, higher sequence in its transaction; deletes are tracked', async () => {
    const steps: [string, () => Promise<string[]>][] = [];
    const s1 = await saveCapture(db, profile('google-scholar', 'g1', ['Boiling heat transfer', 'Wetting of metals']));
    let seq = await lastSeq();
    expect(seq).toBeGreaterThan(0);
    expect(Math.min(...(await seqsOf(s1.paperIds)))).toBeGreaterThan(0);

    const s2 = await saveCapture(db, profile('dblp', 'd1', ['Boiling heat transfer', 'Wetting of metals', 'Droplets on ice']));
    const coll = await createCollection(db, 'Reading');
    steps.push(
      ['capture again', async () => (await saveCapture(db, listing('Sparse coding at scale'))).paperIds],
      ['import', async () => (await importParsed(db, parseImportFile('a.json', cslFile(3)))).paperIds],
      ['add to collection', () => addToCollection(db, coll.id, s1.paperIds)],
      ['remove from collection', () => removeFromCollection(db, coll.id, [s1.paperIds[0]])],
      ['delete collection', () => deleteCollection(db, coll.id)],
      [
        'merge authors',
        async () => {
          await mergeAuthors(db, s1.authorId!, s2.authorId!);
          return s1.paperIds;
        },
      ],
      [
        'split a profile',
        async () => {
          const key = (await db.authors.get(s1.authorId!))!.profileKeys.find((k) => k.startsWith('dblp:'))!;
          // The paper seen only on dblp moves to the split-off author.
          await splitProfile(db, s1.authorId!, key);
          return [s2.paperIds[2]];
        },
      ],
    );
    for (const [name, step] of steps) {
      const ids = await step();
      expect(ids.length, name).toBeGreaterThan(0);
      const seqs = await seqsOf(ids);
      expect(Math.min(...seqs), name).toBeGreaterThan(seq);
      seq = await lastSeq();
    }

    // Deleted papers keep a row marked deleted, with a higher sequence; restoring them is a change too.
    const gone = s1.paperIds;
    const snap = await deletePapers(db, gone);
    const rows = await db.changes.bulkGet(gone);
    expect(rows.map((r) => r?.deleted)).toEqual([true, true]);
    expect(Math.min(...rows.map((r) => r!.seq))).toBeGreaterThan(seq);
    seq = await lastSeq();
    await restorePapers(db, snap);
    const back = await db.changes.bulkGet(gone);
    expect(back.map((r) => r?.deleted)).toEqual([undefined, undefined]);
    expect(Math.min(...back.map((r) => r!.seq))).toBeGreaterThan(seq);

    // A direct write outside the store's functions is logged as well; a wipe logs every paper as
    // deleted and the sequence never goes back.
    seq = await lastSeq();
    await db.papers.update(gone[0], { title: 'Boiling heat transfer, revised' });
    expect((await seqsOf([gone[0]]))[0]).toBeGreaterThan(seq);
    seq = await lastSeq();
    const all = await wipeLibrary(db);
    const wiped = await db.changes.bulkGet(all);
    expect(wiped.every((r) => r?.deleted && r.seq > seq)).toBe(true);
    seq = await lastSeq();
    const after = await saveCapture(db, listing('A paper after the wipe'));
    expect((await seqsOf(after.paperIds))[0]).toBeGreaterThan(seq);
  });

  it('a write whose transaction aborts records no change', async () => {
    const template = await firstPaper();
    const seq = await lastSeq();
    await expect(
      db.transaction('rw', db.papers, async () => {
        await db.papers.put({ ...template, id: 'p-aborted' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await lastSeq()).toBe(seq);
    expect(await db.changes.get('p-aborted')).toBeUndefined();

    async function firstPaper() {
      const s = await saveCapture(db, listing('Template paper'));
      return (await db.papers.get(s.paperIds[0]))!;
    }
  });
});

describe('search host catch-up', () => {
  it('an import with a capture in between, the index saved before the import ended and no final message: after a restart every paper is found', async () => {
    const hostA = new SearchHost(db);
    await hostA.ready;
    await hostA.persist();
    await saveCapture(db, listing('Gradient boosting for tabular data'), { now: new Date('2026-01-01T10:00:00Z') });
    await hostA.update([]);

    // The import started at 10:01 (its rows carry that time); the capture lands at 10:05 between
    // chunks 2 and 3; the side panel's messages stop after chunk 2 (it was closed), and the host
    // saves its index right after the capture, holding chunks 1–2 and the capture.
    let chunk = 0;
    const summary = await importParsed(db, parseImportFile('library.json', cslFile(2500)), {
      chunkSize: 500,
      now: new Date('2026-01-01T10:01:00Z'),
      async onChunk(ids) {
        chunk++;
        if (chunk > 2) return;
        await hostA.update(ids);
        if (chunk === 2) {
          const s = await saveCapture(db, listing('Streaming clustering of sketches', 'https://arxiv.org/list/cs.DS/new'), {
            now: new Date('2026-01-01T10:05:00Z'),
          });
          await hostA.update(s.paperIds);
          await hostA.persist();
        }
      },
    });
    expect(summary.papersNew).toBe(2500);
    // The running host never heard of chunks 3–5, and its saved index ends before them.
    const savedSeq = (await db.meta.get(INDEX_SEQ_META_KEY))!.value as number;
    expect(savedSeq).toBeLessThan(await lastSeq());
    const last = (await db.papers.filter((p) => p.title.includes(word(2499))).first())!;
    expect((await hostA.search(word(2499))).hits.map((h) => h.id)).not.toContain(last.id);

    // A paper deleted while the host was down is not found after the restart.
    const doomed = (await hostA.search('gradient boosting')).hits[0].id;
    await deletePapers(db, [doomed]);

    const hostB = new SearchHost(db);
    await hostB.ready;
    expect(hostB.stats.builtFromScratch).toBe(false);
    expect(await expectAllSearchable(hostB)).toBe(2501);
    expect((await hostB.search('gradient boosting')).hits.map((h) => h.id)).not.toContain(doomed);
    expect(hostB.stats.size).toBe(2501);
    await hostB.persist();
  });

  it('a host restarted from an index saved without a sequence rebuilds it, and one built during writes misses none', async () => {
    await importParsed(db, parseImportFile('a.json', cslFile(300)));
    // An index saved by a version without the change log: no sequence row.
    const old = new SearchHost(db);
    await old.ready;
    await old.persist();
    await db.meta.delete(INDEX_SEQ_META_KEY);
    // Papers written while the new host builds are caught up after the build.
    const host = new SearchHost(db);
    const during = importParsed(db, parseImportFile('b.json', cslFile(300, 300)), { chunkSize: 50 });
    await host.ready;
    expect(host.stats.builtFromScratch).toBe(true);
    await host.persist();
    await during;
    // No message about them: a restart from what the builder saved finds every paper.
    const restarted = new SearchHost(db);
    await restarted.ready;
    expect(restarted.stats.builtFromScratch).toBe(false);
    expect(await expectAllSearchable(restarted)).toBe(600);
    await restarted.persist();
  });
});
