// saveCapture: one transaction per capture, idempotent revisits, citation updates with history,
// author metrics snapshots, linked co-author profiles, visit-level provenance rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import type { ScrapeResult } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-capture-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const URL_P = 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ&hl=en';

function profile(cites = 1, extra: Partial<ScrapeResult> = {}): ScrapeResult {
  return {
    site: 'google-scholar',
    kind: 'author',
    url: URL_P,
    author: {
      name: 'Anne Kietzig',
      id: '8daWuo4AAAAJ',
      url: 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ',
      affiliation: 'McGill',
      metrics: { citations: 1338, hIndex: 17, i10Index: 21, since: { year: 2014, citations: 1149, hIndex: 16, i10Index: 21 } },
    },
    papers: [
      {
        title: 'Boiling heat transfer enhancement with stable nanofluids',
        authors: ['A Karthikeyan', 'S Coulombe', 'AM Kietzig'],
        year: 2018,
        citations: cites,
        ids: { scholar: '15502897746301575580' },
      },
      {
        title: 'Interaction of oxygen functionalized multi-walled carbon nanotube nanofluids with copper',
        authors: ['A Karthikeyan', 'AM Kietzig'],
        year: 2018,
        citations: 0,
      },
    ],
    ...extra,
  };
}

describe('saveCapture', () => {
  it('stores papers, the author with a metrics snapshot, and a provenance row', async () => {
    const s = await saveCapture(db, profile(), { now: new Date('2026-01-01T00:00:00Z') });
    expect(s).toMatchObject({ papersFound: 2, papersNew: 2, papersUpdated: 0, papersUnchanged: 0, authorName: 'Anne Kietzig' });
    expect(await db.papers.count()).toBe(2);
    const [a] = await db.authors.toArray();
    expect(a.paperIds).toHaveLength(2);
    expect(a.profileKeys).toEqual(['google-scholar:8daWuo4AAAAJ']);
    expect(a.reported).toEqual([
      expect.objectContaining({ site: 'google-scholar', citations: 1338, hIndex: 17, capturedAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    const papers = await db.papers.toArray();
    for (const p of papers) expect(p.authorIds).toEqual([a.id]);
    expect(await db.sources.count()).toBe(1);
  });

  it('is idempotent: the same page twice adds no papers, authors or snapshots', async () => {
    await saveCapture(db, profile(), { now: new Date('2026-01-01T00:00:00Z') });
    const s = await saveCapture(db, profile(), { now: new Date('2026-01-01T01:00:00Z') });
    expect(s).toMatchObject({ papersNew: 0, papersUpdated: 0, papersUnchanged: 2 });
    expect(await db.papers.count()).toBe(2);
    expect(await db.authors.count()).toBe(1);
    const [a] = await db.authors.toArray();
    expect(a.reported).toHaveLength(1);
    const p = (await db.papers.toArray()).find((x) => x.citations === 1)!;
    expect(p.sources).toHaveLength(1);
    expect(p.sources[0].capturedAt).toBe('2026-01-01T01:00:00.000Z');
    expect(p.citationHistory).toHaveLength(1);
    expect(await db.sources.count()).toBe(2); // the capture history keeps both visits
  });

  it('updates a changed citation count and keeps the history', async () => {
    await saveCapture(db, profile(1), { now: new Date('2026-01-01T00:00:00Z') });
    const s = await saveCapture(db, profile(5), { now: new Date('2026-02-01T00:00:00Z') });
    expect(s).toMatchObject({ papersNew: 0, papersUpdated: 1, papersUnchanged: 1 });
    const p = (await db.papers.where('idKeys').equals('scholar:15502897746301575580').first())!;
    expect(p.citations).toBe(5);
    expect(p.citationHistory.map((h) => h.citations)).toEqual([1, 5]);
    expect(p.sources).toEqual([{ site: 'google-scholar', url: URL_P, capturedAt: '2026-02-01T00:00:00.000Z', citations: 5 }]);
  });

  it('a count that keeps changing is recorded at most once per site per day, the paper keeps the current one', async () => {
    // A page whose counts flip every 700 ms, re-captured every few seconds for ten minutes.
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 200; i++) await saveCapture(db, profile(i % 2 ? 6 : 5), { now: new Date(start + i * 3000) });
    const byScholar = async () => (await db.papers.where('idKeys').equals('scholar:15502897746301575580').first())!;
    let p = await byScholar();
    expect(p.citationHistory).toEqual([{ at: '2026-01-01T00:00:00.000Z', site: 'google-scholar', citations: 5 }]);
    expect(p.citations).toBe(6);
    expect(p.sources[0].citations).toBe(6);
    // A day later the changed count is recorded.
    await saveCapture(db, profile(7), { now: new Date('2026-01-02T00:00:01Z') });
    p = await byScholar();
    expect(p.citationHistory.map((h) => h.citations)).toEqual([5, 7]);
  });

  it('keeps the newest 100 citation-history entries', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let day = 0; day < 130; day++) await saveCapture(db, profile(100 + day), { now: new Date(start + day * 86_400_000) });
    const p = (await db.papers.where('idKeys').equals('scholar:15502897746301575580').first())!;
    expect(p.citationHistory).toHaveLength(100);
    expect(p.citationHistory[0].citations).toBe(130);
    expect(p.citationHistory.at(-1)).toEqual({
      at: new Date(start + 129 * 86_400_000).toISOString(),
      site: 'google-scholar',
      citations: 229,
    });
  });

  it('a capture resent with the same visit id (its answer was lost) is stored once', async () => {
    const first = await saveCapture(db, profile(), { visitId: 'v-lost' });
    const again = await saveCapture(db, profile(), { visitId: 'v-lost' });
    expect(again).toMatchObject({ captureId: first.captureId, papersFound: 2, papersNew: 2, papersUpdated: 0 });
    expect(await db.papers.count()).toBe(2);
    expect(await db.sources.count()).toBe(1);
    const [a] = await db.authors.toArray();
    expect(a.reported).toHaveLength(1);
  });

  it('adds a metrics snapshot when the site reports different numbers', async () => {
    await saveCapture(db, profile(), { now: new Date('2026-01-01T00:00:00Z') });
    const next = profile();
    next.author!.metrics = { ...next.author!.metrics, citations: 1400, hIndex: 18 };
    await saveCapture(db, next, { now: new Date('2026-03-01T00:00:00Z') });
    const [a] = await db.authors.toArray();
    expect(a.reported.map((r) => r.hIndex)).toEqual([17, 18]);
  });

  it('re-scrapes of one visit (Show more) share one provenance row', async () => {
    await saveCapture(db, profile(), { visitId: 'v1' });
    const more = profile();
    more.papers.push({ title: 'A third paper appended by Show more', authors: ['AM Kietzig'], year: 2012 });
    const s = await saveCapture(db, more, { visitId: 'v1' });
    expect(s).toMatchObject({ papersFound: 3, papersNew: 3, papersUnchanged: 0 });
    expect(await db.sources.count()).toBe(1);
    expect((await db.sources.toArray())[0].paperIds).toHaveLength(3);
  });

  it('links authors that search results link to their profiles', async () => {
    const search: ScrapeResult = {
      site: 'google-scholar',
      kind: 'search',
      url: 'https://scholar.google.com/scholar?q=crispr',
      query: 'crispr',
      papers: [
        {
          title: 'CRISPR–Cas9 structures and mechanisms',
          authors: ['F Jiang', 'JA Doudna'],
          year: 2017,
          citations: 2020,
          authorProfiles: [
            { name: 'F Jiang', id: 'gt-dzeEAAAAJ', url: 'https://scholar.google.com/citations?user=gt-dzeEAAAAJ' },
            { name: 'JA Doudna', id: 'YO5XSXwAAAAJ', url: 'https://scholar.google.com/citations?user=YO5XSXwAAAAJ' },
          ],
        },
        {
          title: 'Genome engineering using the CRISPR-Cas9 system',
          authors: ['FA Ran', 'PD Hsu', 'J Wright'],
          year: 2013,
          authorProfiles: [{ name: 'JA Doudna', id: 'YO5XSXwAAAAJ' }],
        },
      ],
    };
    await saveCapture(db, search);
    expect(await db.authors.count()).toBe(2);
    const doudna = (await db.authors.where('profileKeys').equals('google-scholar:YO5XSXwAAAAJ').first())!;
    expect(doudna.paperIds).toHaveLength(2);
    expect(doudna.reported).toEqual([]);
  });

  it('merges the same paper seen with a truncated author list and keeps the full one', async () => {
    const base = { site: 'google-scholar' as const, kind: 'search' as const, url: 'https://scholar.google.com/scholar?q=x' };
    await saveCapture(db, {
      ...base,
      papers: [{ title: 'Deep Residual Learning', authors: ['K He', 'X Zhang'], authorsTruncated: true, year: 2016 }],
    });
    await saveCapture(db, {
      ...base,
      url: base.url + '2',
      papers: [{ title: 'Deep residual learning.', authors: ['K He', 'X Zhang', 'S Ren', 'J Sun'], year: 2016 }],
    });
    const all = await db.papers.toArray();
    expect(all).toHaveLength(1);
    expect(all[0].authors).toEqual(['K He', 'X Zhang', 'S Ren', 'J Sun']);
    expect(all[0].authorsTruncated).toBeUndefined();
    expect(all[0].sources).toHaveLength(2);
  });

  it('never merges papers whose DOIs conflict', async () => {
    const base = { site: 'generic' as const, kind: 'paper' as const };
    await saveCapture(db, {
      ...base,
      url: 'https://a.org/1',
      papers: [{ title: 'Introduction', authors: ['A Smith'], year: 2020, ids: { doi: '10.1/a' } }],
    });
    await saveCapture(db, {
      ...base,
      url: 'https://a.org/2',
      papers: [{ title: 'Introduction', authors: ['A Smith'], year: 2020, ids: { doi: '10.1/b' } }],
    });
    const all = await db.papers.toArray();
    expect(all).toHaveLength(2);
    expect(new Set(all.map((p) => p.id)).size).toBe(2);
  });

  it('skips untitled papers and writes nothing when the transaction fails', async () => {
    const bad = profile();
    bad.papers.push({ title: '   ', authors: [] });
    const s = await saveCapture(db, bad);
    expect(s.papersFound).toBe(2);

    const db2 = new PaperdexDB(`test-capture-fail-${n++}`);
    await db2.open();
    db2.authors.bulkPut = (() =>
      Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as unknown as typeof db2.authors.bulkPut;
    await expect(saveCapture(db2, profile())).rejects.toThrow('quota');
    expect(await db2.papers.count()).toBe(0);
    expect(await db2.sources.count()).toBe(0);
    await db2.delete();
  });
});

describe('saveCapture within one page', () => {
  it('merges versions of one paper listed on the same page (Scholar cluster)', async () => {
    const s = await saveCapture(db, {
      site: 'google-scholar',
      kind: 'search',
      url: 'https://scholar.google.com/scholar?cluster=10815620384172930417',
      papers: [
        { title: 'Attention is all you need', authors: ['A Vaswani'], ids: { scholar: '10815620384172930417' } },
        {
          title: 'Attention is all you need',
          authors: ['A Vaswani', 'N Shazeer'],
          ids: { arxiv: '1706.03762', scholar: '10815620384172930417' },
        },
        { title: 'Attention is all you need', authors: ['A Vaswani'], ids: { scholar: '10815620384172930417' }, citations: 100 },
      ],
    });
    expect(s).toMatchObject({ papersFound: 1, papersNew: 1 });
    const all = await db.papers.toArray();
    expect(all).toHaveLength(1);
    expect(all[0].ids).toEqual({ scholar: '10815620384172930417', arxiv: '1706.03762' });
    expect(all[0].citations).toBe(100);
  });
});
