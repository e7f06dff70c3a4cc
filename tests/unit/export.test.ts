import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { buildExport, exportFileName } from '../../lib/interchange/export';
import { ALL_PAPERS, assembleExport } from '../../lib/core/assemble-export';
import type { AuthorRecord, CollectionRecord, PaperRecord } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-export-${n++}`);
  await db.open();
  await saveCapture(
    db,
    {
      site: 'google-scholar',
      kind: 'author',
      url: 'https://scholar.google.com/citations?user=U1',
      author: { name: 'R. Manmatha', id: 'U1', metrics: { citations: 100, hIndex: 5, citationsPerYear: { '2020': 40, '2021': 60 } } },
      papers: [
        {
          title: 'Word spotting',
          authors: ['R Manmatha', 'T Rath'],
          year: 2003,
          venue: 'CVPR',
          citations: 60,
          url: 'https://example.org/ws',
        },
        { title: 'A model for retrieval', authors: ['R Manmatha'], year: 2001, citations: 40 },
      ],
    },
    { now: new Date('2026-05-01T10:00:00Z') },
  );
});
afterEach(async () => {
  await db.delete();
});

describe('export v1', () => {
  it('exports all papers and authors in the documented shape', async () => {
    const e = await buildExport(db, 'all', new Date('2026-06-01T00:00:00Z'));
    expect(e).toMatchObject({
      format: 'paperdex/collection',
      version: 1,
      exportedAt: '2026-06-01T00:00:00.000Z',
      collection: { id: 'all', name: 'All papers' },
    });
    expect(e.papers).toHaveLength(2);
    const ws = e.papers.find((p) => p.title === 'Word spotting')!;
    expect(ws).toEqual({
      id: ws.id,
      title: 'Word spotting',
      authors: ['R Manmatha', 'T Rath'],
      year: 2003,
      venue: 'CVPR',
      citations: 60,
      url: 'https://example.org/ws',
      sources: [
        {
          site: 'google-scholar',
          url: 'https://scholar.google.com/citations?user=U1',
          capturedAt: '2026-05-01T10:00:00.000Z',
          citations: 60,
        },
      ],
    });
    expect(e.authors).toHaveLength(1);
    expect(e.authors[0]).toMatchObject({
      name: 'R. Manmatha',
      profiles: [{ site: 'google-scholar', url: 'https://scholar.google.com/citations?user=U1', id: 'U1' }],
      reported: [{ site: 'google-scholar', citations: 100, hIndex: 5, citationsPerYear: { '2020': 40, '2021': 60 } }],
    });
    expect(e.authors[0].paperIds).toEqual(e.papers.map((p) => p.id).sort());
  });

  it('is stable: two exports differ only in exportedAt', async () => {
    const a = await buildExport(db, 'all', new Date(1));
    const b = await buildExport(db, 'all', new Date(2));
    expect({ ...a, exportedAt: '' }).toEqual({ ...b, exportedAt: '' });
    expect(JSON.stringify(a.papers)).toBe(JSON.stringify(b.papers));
  });

  it('names files after the collection and date', () => {
    expect(exportFileName('All papers', new Date('2026-11-22T12:00:00Z'))).toBe('paperdex-all-papers-2026-11-22.json');
    expect(exportFileName('Reading list: ICLR ’19', new Date('2026-11-22T12:00:00Z'))).toBe(
      'paperdex-reading-list-iclr-19-2026-11-22.json',
    );
  });

  it('rejects an unknown collection with a clear message', async () => {
    await expect(buildExport(db, 'nope')).rejects.toThrow('No collection with id nope');
  });
});

describe('assembleExport (pure: Export JSON, ad-hoc exports and the pre-upgrade backup share it)', () => {
  const paper = (id: string, collectionIds: string[], extra: Partial<PaperRecord> = {}): PaperRecord => ({
    id,
    title: `Paper ${id}`,
    authors: [],
    ids: {},
    sources: [],
    citationHistory: [],
    idKeys: [],
    titleKey: `paper ${id}`,
    authorIds: [],
    collectionIds,
    addedAt: 0,
    updatedAt: 0,
    ...extra,
  });
  const author: AuthorRecord = {
    id: 'a-1',
    name: 'T Rath',
    nameKey: 't rath',
    affiliation: '',
    profiles: [],
    profileKeys: [],
    reported: [],
    paperIds: ['p-2', 'p-9', 'p-1'],
    addedAt: 0,
    updatedAt: 0,
  };
  const collections: CollectionRecord[] = [
    { id: 'c-2', name: 'Unused', createdAt: Date.parse('2026-01-02T00:00:00Z'), updatedAt: 0 },
    { id: 'c-1', name: 'Reading', createdAt: Date.parse('2026-01-01T00:00:00Z'), updatedAt: 0 },
  ];
  const now = new Date('2026-03-01T00:00:00Z');

  it('sorts by id, drops empty and unexported fields, and keeps empty collections only for the whole library', () => {
    const papers = [paper('p-2', ['c-1'], { venue: '', hasCode: true, keywords: [] }), paper('p-1', ['c-1'], { year: 2001 })];
    const whole = assembleExport({ collection: ALL_PAPERS, papers, authors: [author], collections, now });
    expect(whole).toEqual({
      format: 'paperdex/collection',
      version: 1,
      exportedAt: '2026-03-01T00:00:00.000Z',
      collection: { id: 'all', name: 'All papers' },
      papers: [
        { id: 'p-1', title: 'Paper p-1', authors: [], year: 2001, sources: [] },
        { id: 'p-2', title: 'Paper p-2', authors: [], sources: [] },
      ],
      authors: [{ id: 'a-1', name: 'T Rath', profiles: [], reported: [], paperIds: ['p-1', 'p-2'] }],
      collections: [
        { id: 'c-1', name: 'Reading', createdAt: '2026-01-01T00:00:00.000Z', paperIds: ['p-1', 'p-2'] },
        { id: 'c-2', name: 'Unused', createdAt: '2026-01-02T00:00:00.000Z', paperIds: [] },
      ],
    });
    // The input is not reordered.
    expect(papers.map((p) => p.id)).toEqual(['p-2', 'p-1']);
    const one = assembleExport({ collection: { id: 'c-1', name: 'Reading' }, papers, authors: [author], collections, now });
    expect(one.collections?.map((c) => c.id)).toEqual(['c-1']);
  });

  it('writes no collections when none are given (an ad-hoc list of papers)', () => {
    const doc = assembleExport({ collection: { id: 'search', name: 'search x' }, papers: [paper('p-1', ['c-1'])], authors: [], now });
    expect('collections' in doc).toBe(false);
    expect(doc.collection).toEqual({ id: 'search', name: 'search x' });
  });
});
