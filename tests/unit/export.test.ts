import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { buildExport, exportFileName } from '../../lib/interchange/export';

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
