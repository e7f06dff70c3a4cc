// The query terms of the user's own layer (lib/search/query.ts) and the engine's answers to them
// (lib/search/engine): is:starred, status:toread|reading|read, tag:"…" (quoted and bare), has:note,
// each negated too; note words found like abstract words; tag and status facets; all of it
// surviving updates and a save/load of the index.
import { describe, expect, it } from 'vitest';
import { hasFilters, parseQuery } from '../../lib/search/query';
import { PaperIndex } from '../../lib/search/engine';
import type { PaperRecord } from '../../lib/core/types';

describe('parsing the layer terms', () => {
  it('reads is:starred, status:, tag: and has:note, and their negations', () => {
    const q = parseQuery('is:starred status:toread -status:read tag:"Reading  Group" tag:ML -tag:survey has:note graphs');
    expect(q).toMatchObject({
      starred: true,
      statuses: ['toread'],
      notStatuses: ['read'],
      tags: ['reading group', 'ml'],
      notTags: ['survey'],
      has: ['note'],
      terms: ['graphs'],
      warnings: [],
    });
    expect(parseQuery('-is:starred').starred).toBe(false);
    expect(parseQuery('-has:note').notHas).toEqual(['note']);
    expect(parseQuery('status:"to read" status:to-read status:unread status:done')).toMatchObject({
      statuses: ['toread', 'toread', 'toread', 'read'],
    });
  });

  it('counts them as filters, so they list every match alone', () => {
    for (const s of ['is:starred', '-is:starred', 'status:reading', '-status:read', 'tag:x', '-tag:x', 'has:note'])
      expect(hasFilters(parseQuery(s)), s).toBe(true);
  });

  it('warns about values it does not know, and ignores a term still being typed', () => {
    expect(parseQuery('is:unicorn').warnings).toEqual([{ code: 'is', value: 'unicorn' }]);
    expect(parseQuery('status:skimmed').warnings).toEqual([{ code: 'status', value: 'skimmed', allowed: ['toread', 'reading', 'read'] }]);
    const typing = parseQuery('is: status: tag:');
    expect(typing).toMatchObject({ warnings: [], statuses: [], tags: [] });
    expect(typing.starred).toBeUndefined();
    expect(hasFilters(typing)).toBe(false);
  });
});

function paper(id: string, title: string, extra: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id,
    title,
    authors: ['Ana Rivera'],
    ids: {},
    sources: [{ site: 'arxiv', url: `https://arxiv.org/abs/${id}`, capturedAt: '2026-01-01T00:00:00.000Z' }],
    citationHistory: [],
    idKeys: [],
    titleKey: '',
    authorIds: [],
    collectionIds: [],
    addedAt: Number(id),
    updatedAt: Number(id),
    ...extra,
  };
}

const LIBRARY = [
  paper('1', 'Sparse attention for long documents', { starred: true, status: 'toread', tags: ['Reading group', 'to cite'] }),
  paper('2', 'Graph neural networks at scale', { status: 'reading', tags: ['reading group'], note: 'Longformer comparison is missing.' }),
  paper('3', 'Diffusion models beat GANs', { status: 'read', tags: ['survey'] }),
  paper('4', 'Longformer: the long-document transformer', { starred: true, note: 'Baseline for paper 1.' }),
  paper('5', 'Capsule networks revisited'),
];

const ids = (idx: PaperIndex, q: string) =>
  idx
    .search(parseQuery(q), { limit: 50 })
    .hits.map((h) => h.id)
    .sort();

describe('searching the layer', () => {
  const idx = new PaperIndex();
  idx.upsert(LIBRARY);

  it('is:starred and -is:starred', () => {
    expect(ids(idx, 'is:starred')).toEqual(['1', '4']);
    expect(ids(idx, '-is:starred')).toEqual(['2', '3', '5']);
    expect(ids(idx, 'is:starred sparse')).toEqual(['1']);
  });

  it('status: (any of several) and -status:', () => {
    expect(ids(idx, 'status:toread')).toEqual(['1']);
    expect(ids(idx, 'status:reading')).toEqual(['2']);
    expect(ids(idx, 'status:read')).toEqual(['3']);
    expect(ids(idx, 'status:toread status:reading')).toEqual(['1', '2']);
    expect(ids(idx, '-status:read')).toEqual(['1', '2', '4', '5']);
  });

  it('tag: quoted and bare, ignoring case, all of several, and -tag:', () => {
    expect(ids(idx, 'tag:"reading group"')).toEqual(['1', '2']);
    expect(ids(idx, 'tag:"READING GROUP"')).toEqual(['1', '2']);
    expect(ids(idx, 'tag:survey')).toEqual(['3']);
    expect(ids(idx, 'tag:"reading group" tag:"to cite"')).toEqual(['1']);
    expect(ids(idx, '-tag:"reading group"')).toEqual(['3', '4', '5']);
    // A tag is the whole tag, not a word of it.
    expect(ids(idx, 'tag:reading')).toEqual([]);
    expect(ids(idx, 'is:starred tag:"reading group"')).toEqual(['1']);
  });

  it('has:note and -has:note', () => {
    expect(ids(idx, 'has:note')).toEqual(['2', '4']);
    expect(ids(idx, '-has:note')).toEqual(['1', '3', '5']);
  });

  it('finds note words like abstract words: after the title, authors and other fields', () => {
    // "baseline" is only in a note.
    expect(ids(idx, 'baseline')).toEqual(['4']);
    // "longformer" is a title word of 4 and a note word of 2: the title match ranks first.
    const hits = idx.search(parseQuery('longformer'), { limit: 10 }).hits;
    expect(hits.map((h) => h.id)).toEqual(['4', '2']);
    // With room for only one result, the note is not searched (as the abstract is not).
    expect(idx.search(parseQuery('longformer'), { limit: 1 }).total).toBe(1);
    expect(ids(idx, 'comparison missing')).toEqual(['2']);
  });

  it('counts tag and status facets over the matches', () => {
    const f = idx.search(parseQuery('-status:read'), { facets: true }).facets!;
    expect(f.tag).toEqual([
      ['reading group', 2],
      ['to cite', 1],
    ]);
    expect(f.status).toEqual([
      ['reading', 1],
      ['toread', 1],
    ]);
  });

  it('follows edits, and keeps it all through a save and load', () => {
    const edited = new PaperIndex();
    edited.upsert(LIBRARY);
    edited.upsert([
      { ...LIBRARY[0], starred: undefined, status: 'read', tags: ['survey'], note: 'Skim section 4.' },
      { ...LIBRARY[4], starred: true },
    ]);
    const loaded = PaperIndex.fromJSON(edited.toJSON())!;
    for (const x of [edited, loaded]) {
      expect(ids(x, 'is:starred')).toEqual(['4', '5']);
      expect(ids(x, 'status:read')).toEqual(['1', '3']);
      expect(ids(x, 'tag:survey')).toEqual(['1', '3']);
      expect(ids(x, 'tag:"reading group"')).toEqual(['2']);
      expect(ids(x, 'skim')).toEqual(['1']);
      expect(ids(x, 'has:note')).toEqual(['1', '2', '4']);
    }
  });
});
