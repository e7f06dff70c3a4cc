import { describe, expect, it } from 'vitest';
import { serializeExport, type CollectionExportV1 } from '../../lib/interchange/export';

describe('serializeExport', () => {
  it('is exactly JSON.stringify(data, null, 2), with progress', async () => {
    const data: CollectionExportV1 = {
      format: 'paperdex/collection',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      collection: { id: 'all', name: 'All papers' },
      papers: Array.from({ length: 4100 }, (_, i) => ({
        id: `p-${i}`,
        title: `T "${i}"\n<b>`,
        authors: i % 2 ? [] : ['A', 'B'],
        sources: [{ site: 'arxiv', url: 'https://arxiv.org/abs/1', capturedAt: 'x' }],
        ids: { doi: '10.1/x' },
      })),
      authors: [],
      collections: [{ id: 'c1', name: 'R', paperIds: ['p-1'] }],
    };
    const seen: number[] = [];
    const text = await serializeExport(data, (d) => seen.push(d));
    expect(text).toBe(JSON.stringify(data, null, 2));
    expect(seen.at(-1)).toBe(4100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const empty = { ...data, papers: [], collections: undefined };
    expect(await serializeExport(empty)).toBe(JSON.stringify(empty, null, 2));
  });
});
