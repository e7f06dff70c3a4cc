// The conflict merge of sync (lib/sync/merge.ts): versions of one paper, author, collection or the
// synced settings, edited on two machines while offline, merge field by field into one record that
// every machine computes alike: tags and sources united, the newer star/status/note with the losing
// note kept, trust rules of the description kept, split decisions kept; the same result whatever
// the order of the versions (property tests), a merge of a record with itself is the record, and
// every result is a valid stored record.
import fc from 'fast-check';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonical, mergeVersions, type Version } from '../../lib/sync/merge';
import type { SyncKind } from '../../lib/sync/sync-types';
import { canonicalIds, hash64, idKeys, paperIdFor } from '../../lib/core/identity';
import { nameKey, titleKey } from '../../lib/core/normalize';
import { AuthorRecordSchema, CollectionRecordSchema, PaperRecordSchema } from '../../lib/core/record-schema';
import type { AuthorRecord, CollectionRecord, PaperRecord } from '../../lib/core/types';

// ---------------------------------------------------------------------------------------------
// Records as the library holds them

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const ATTENTION_IDS = { arxiv: '1706.03762', dblp: 'conf/nips/VaswaniSPUJGKP17' };
const ATTENTION_ID = paperIdFor({ title: 'Attention Is All You Need', ids: ATTENTION_IDS });
const VASWANI = 'a-' + hash64('google-scholar:oR9sCGYAAAAJ');
const SHAZEER = 'a-' + hash64('dblp:74/8571');

/** "Attention Is All You Need" as captured on arXiv, then seen on Google Scholar search. */
function attention(p: Partial<PaperRecord> = {}): PaperRecord {
  const title = p.title ?? 'Attention Is All You Need';
  const ids = canonicalIds(p.ids ?? ATTENTION_IDS);
  return {
    id: ATTENTION_ID,
    title,
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser'],
    authorsTruncated: true,
    year: 2017,
    venue: 'NeurIPS',
    abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks…',
    citations: 120_000,
    ids,
    url: 'https://arxiv.org/abs/1706.03762',
    pdfUrl: 'https://arxiv.org/pdf/1706.03762',
    sources: [
      { site: 'arxiv', url: 'https://arxiv.org/abs/1706.03762', capturedAt: iso(T0) },
      {
        site: 'google-scholar',
        url: 'https://scholar.google.com/scholar?q=attention+is+all+you+need',
        capturedAt: iso(T0 + DAY),
        citations: 120_000,
      },
    ],
    citationHistory: [{ at: iso(T0 + DAY), site: 'google-scholar', citations: 120_000 }],
    idKeys: idKeys(ids),
    titleKey: titleKey(title),
    authorIds: [VASWANI],
    collectionIds: [],
    descTrust: 2,
    addedAt: T0,
    updatedAt: T0 + DAY,
    ...p,
  };
}

/** An author followed on Google Scholar, with one reported snapshot. */
function vaswani(a: Partial<AuthorRecord> = {}): AuthorRecord {
  return {
    id: VASWANI,
    name: 'Ashish Vaswani',
    nameKey: nameKey('Ashish Vaswani'),
    affiliation: 'Essential AI',
    profiles: [{ site: 'google-scholar', url: 'https://scholar.google.com/citations?user=oR9sCGYAAAAJ', id: 'oR9sCGYAAAAJ' }],
    profileKeys: ['google-scholar:oR9sCGYAAAAJ'],
    reported: [
      {
        site: 'google-scholar',
        url: 'https://scholar.google.com/citations?user=oR9sCGYAAAAJ',
        capturedAt: iso(T0),
        citations: 210_000,
        hIndex: 30,
      },
    ],
    paperIds: [ATTENTION_ID],
    addedAt: T0,
    updatedAt: T0,
    ...a,
  };
}

const DBLP_PROFILE = { site: 'dblp' as const, url: 'https://dblp.org/pid/184/8258', id: '184/8258' };
const DBLP_SNAPSHOT = { site: 'dblp' as const, url: 'https://dblp.org/pid/184/8258', capturedAt: iso(T0 + 2 * DAY), papers: 61 };

let revs = 0;
const versions = <T>(records: T[]): Version<T>[] => records.map((record) => ({ record, rev: `${++revs}-${hash64(String(revs))}` }));
const merge = <T>(kind: SyncKind, ...records: T[]) => mergeVersions(kind, versions(records));
const mergedPaper = (...records: PaperRecord[]) => merge('paper', ...records);
const mergedAuthor = (...records: AuthorRecord[]) => merge('author', ...records).record;

const SCHEMAS = { paper: PaperRecordSchema, author: AuthorRecordSchema, collection: CollectionRecordSchema } as const;
function expectValid(kind: keyof typeof SCHEMAS, r: unknown) {
  const res = v.safeParse(SCHEMAS[kind], r);
  expect(res.success ? [] : res.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`)).toEqual([]);
}

afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------------------------------------

describe('canonical', () => {
  it('is the same string whatever the key order, without undefined members, arrays in order', () => {
    expect(canonical({ b: 1, a: { d: [2, 1], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
    expect(canonical({ a: { c: 'x', d: [2, 1] }, b: 1 })).toBe(canonical({ b: 1, a: { d: [2, 1], c: 'x' } }));
    expect(canonical([1, undefined, null])).toBe('[1,null,null]');
    expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }));
    // Key order by code unit (every machine's), not by locale: "Z" before "a".
    expect(canonical({ a: 1, Z: 2, é: 3 })).toBe('{"Z":2,"a":1,"é":3}');
    expect(canonical('say "hi"')).toBe(JSON.stringify('say "hi"'));
  });
});

describe('papers', () => {
  it('merges a tag set on machine A and a note written on machine B into both', () => {
    const onA = attention({ tags: ['transformers', 'to cite'], userUpdatedAt: iso(T0 + 3 * DAY), updatedAt: T0 + 3 * DAY });
    const onB = attention({ note: 'Read section 3.2 on multi-head attention.', userUpdatedAt: iso(T0 + 4 * DAY), updatedAt: T0 + 4 * DAY });
    const { record, replacedNote } = mergedPaper(onA, onB);
    expect(record.tags).toEqual(['transformers', 'to cite']);
    expect(record.note).toBe('Read section 3.2 on multi-head attention.');
    expect(record.userUpdatedAt).toBe(iso(T0 + 4 * DAY));
    expect(record.noteHistory).toBeUndefined();
    expect(replacedNote).toBeUndefined();
    expect(record.updatedAt).toBe(T0 + 4 * DAY);
    expectValid('paper', record);
  });

  it('keeps the newer of two different notes and the older one in the note history', () => {
    const older = attention({ note: 'Baseline for our MT experiments.', userUpdatedAt: iso(T0 + 2 * DAY), updatedAt: T0 + 5 * DAY });
    const newer = attention({ note: 'Cite for the positional encoding.', userUpdatedAt: iso(T0 + 3 * DAY), updatedAt: T0 + 3 * DAY });
    // (The record that changed last is not the one whose note is newer: the note goes by the user layer's date.)
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const { record, replacedNote } = mergedPaper(...order);
      expect(record.note).toBe('Cite for the positional encoding.');
      expect(record.noteHistory).toEqual([{ note: 'Baseline for our MT experiments.', at: iso(T0 + 2 * DAY) }]);
      expect(replacedNote).toBe('Baseline for our MT experiments.');
      expectValid('paper', record);
    }
  });

  it('dates a replaced note without a date of its own from the versions, never the clock', () => {
    const a = attention({ note: 'from an old BibTeX import', updatedAt: T0 + 2 * DAY });
    const b = attention({ note: 'my own note', userUpdatedAt: iso(T0 + 3 * DAY), updatedAt: T0 + 3 * DAY });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = mergedPaper(a, b).record;
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    const second = mergedPaper(b, a).record;
    expect(canonical(second)).toBe(canonical(first));
    expect(first.noteHistory).toEqual([{ note: 'from an old BibTeX import', at: iso(T0 + 3 * DAY) }]);
  });

  it('takes the star and status of the newer user layer', () => {
    const starredLater = attention({ starred: true, userUpdatedAt: iso(T0 + 4 * DAY), updatedAt: T0 + 4 * DAY });
    const readEarlier = attention({ status: 'read', userUpdatedAt: iso(T0 + 3 * DAY), updatedAt: T0 + 3 * DAY });
    const r1 = mergedPaper(readEarlier, starredLater).record;
    // The newer layer has no status: "no status" is what the user left it at.
    expect(r1.starred).toBe(true);
    expect(r1.status).toBeUndefined();
    // Unstarred on B after A starred it: not starred.
    const starredA = attention({ starred: true, status: 'toread', userUpdatedAt: iso(T0 + 2 * DAY), updatedAt: T0 + 2 * DAY });
    const unstarredB = attention({ status: 'reading', userUpdatedAt: iso(T0 + 3 * DAY), updatedAt: T0 + 3 * DAY });
    const r2 = mergedPaper(unstarredB, starredA).record;
    expect(r2.starred).toBeUndefined();
    expect(r2.status).toBe('reading');
    expectValid('paper', r2);
  });

  it('unites sightings (provenance), keeps the newest count and unites the citation histories', () => {
    const onA = attention({
      sources: [
        ...attention().sources.slice(0, 1),
        {
          site: 'google-scholar',
          url: 'https://scholar.google.com/scholar?q=attention+is+all+you+need',
          capturedAt: iso(T0 + 5 * DAY),
          citations: 121_000,
        },
      ],
      citations: 121_000,
      citationHistory: [
        { at: iso(T0 + DAY), site: 'google-scholar', citations: 120_000 },
        { at: iso(T0 + 5 * DAY), site: 'google-scholar', citations: 121_000 },
      ],
      updatedAt: T0 + 5 * DAY,
    });
    const onB = attention({
      sources: [
        ...attention().sources,
        {
          site: 'semantic-scholar',
          url: 'https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
          capturedAt: iso(T0 + 4 * DAY),
          citations: 98_000,
        },
      ],
      ids: { ...ATTENTION_IDS, s2: '204e3073870fae3d05bcbc2f6a8e263d9b72e776' },
      citationHistory: [
        { at: iso(T0 + DAY), site: 'google-scholar', citations: 120_000 },
        { at: iso(T0 + 4 * DAY), site: 'semantic-scholar', citations: 98_000 },
      ],
      updatedAt: T0 + 4 * DAY,
    });
    const r = mergedPaper(onA, onB).record;
    expect(r.sources.map((s) => [s.site, s.capturedAt, s.citations])).toEqual([
      ['arxiv', iso(T0), undefined],
      ['google-scholar', iso(T0 + 5 * DAY), 121_000],
      ['semantic-scholar', iso(T0 + 4 * DAY), 98_000],
    ]);
    expect(r.citations).toBe(121_000);
    expect(r.citationHistory).toEqual([
      { at: iso(T0 + DAY), site: 'google-scholar', citations: 120_000 },
      { at: iso(T0 + 4 * DAY), site: 'semantic-scholar', citations: 98_000 },
      { at: iso(T0 + 5 * DAY), site: 'google-scholar', citations: 121_000 },
    ]);
    // The strong id B learnt is kept, with its index key.
    expect(r.ids.s2).toBe('204e3073870fae3d05bcbc2f6a8e263d9b72e776');
    expect(r.idKeys).toContain('s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776');
    expectValid('paper', r);
  });

  it('unites collection membership, linked authors and index keys; addedAt the earliest', () => {
    const onA = attention({ collectionIds: ['c-reading-group'], addedAt: T0, updatedAt: T0 + 2 * DAY });
    const onB = attention({
      collectionIds: ['c-thesis'],
      authorIds: [VASWANI, SHAZEER],
      // A second DBLP key (the CoRR preprint) lives in the index keys only.
      idKeys: [...idKeys(canonicalIds(ATTENTION_IDS)), 'dblp:journals/corr/VaswaniSPUJGKP17'],
      addedAt: T0 + DAY,
      updatedAt: T0 + 3 * DAY,
    });
    const r = mergedPaper(onB, onA).record;
    expect([...r.collectionIds].sort()).toEqual(['c-reading-group', 'c-thesis']);
    expect(r.authorIds).toEqual([VASWANI, SHAZEER]);
    expect(r.idKeys).toEqual(['arxiv:1706.03762', 'dblp:conf/nips/VaswaniSPUJGKP17', 'dblp:journals/corr/VaswaniSPUJGKP17']);
    expect(r.addedAt).toBe(T0);
    expect(r.updatedAt).toBe(T0 + 3 * DAY);
    expectValid('paper', r);
  });

  it('keeps the trust rules: a profile row never replaces the authoritative title and authors', () => {
    const arxiv = attention({ authorsTruncated: undefined, updatedAt: T0 + DAY });
    // Machine B only ever saw the paper as a row of a Scholar profile, with an invented author list.
    const profileRow = attention({
      title: 'Attention is all you need',
      authors: ['A Vaswani', 'N Shazeer', 'N Parmar', 'J Uszkoreit', 'L Jones', 'AN Gomez', 'Ł Kaiser', 'I Polosukhin', 'J Doe'],
      authorsTruncated: undefined,
      descTrust: 0,
      updatedAt: T0 + 2 * DAY,
    });
    for (const order of [
      [arxiv, profileRow],
      [profileRow, { ...arxiv, updatedAt: T0 + 3 * DAY }],
    ]) {
      const r = mergedPaper(...order).record;
      expect(r.title).toBe('Attention Is All You Need');
      expect(r.authors).toEqual(arxiv.authors);
      expect(r.descTrust).toBe(2);
      expectValid('paper', r);
    }
  });

  it('describes a paper opened as a PDF on one machine by the page captured on the other', () => {
    const stub: PaperRecord = {
      id: ATTENTION_ID,
      title: '1706.03762v7.pdf',
      authors: [],
      ids: { arxiv: '1706.03762' },
      url: 'https://arxiv.org/abs/1706.03762',
      pdfUrl: 'https://arxiv.org/pdf/1706.03762v7',
      sources: [{ site: 'arxiv', url: 'https://arxiv.org/pdf/1706.03762v7', capturedAt: iso(T0 + 6 * DAY) }],
      citationHistory: [],
      idKeys: ['arxiv:1706.03762', 'landing:arxiv.org/abs/1706.03762'],
      titleKey: titleKey('1706.03762v7.pdf'),
      authorIds: [],
      collectionIds: [],
      incomplete: 'pdf',
      addedAt: T0 + 6 * DAY,
      updatedAt: T0 + 6 * DAY,
    };
    // The stub is the newer record, yet the page's description wins.
    const r = mergedPaper(stub, attention()).record;
    expect(r.title).toBe('Attention Is All You Need');
    expect(r.authors).toEqual(attention().authors);
    expect(r.incomplete).toBeUndefined();
    expect(r.sources).toHaveLength(3);
    expect(r.idKeys).toContain('landing:arxiv.org/abs/1706.03762');
    expectValid('paper', r);
    // Two stubs stay a stub.
    const r2 = mergedPaper(stub, {
      ...stub,
      title: 'Attention Is All You Need (PDF)',
      titleKey: titleKey('x'),
      updatedAt: T0 + 7 * DAY,
    }).record;
    expect(r2.incomplete).toBe('pdf');
    expectValid('paper', r2);
  });

  it('merges three versions into one (tags from all, newest note, both others in the history)', () => {
    const a = attention({ tags: ['nlp'], note: 'first', userUpdatedAt: iso(T0 + 2 * DAY), updatedAt: T0 + 2 * DAY });
    const b = attention({ tags: ['mt'], note: 'second', userUpdatedAt: iso(T0 + 3 * DAY), updatedAt: T0 + 3 * DAY });
    const c = attention({ tags: ['NLP', 'attention'], note: 'third', userUpdatedAt: iso(T0 + 4 * DAY), updatedAt: T0 + 4 * DAY });
    const { record, replacedNote } = mergedPaper(c, a, b);
    expect(record.tags).toEqual(['nlp', 'mt', 'attention']);
    expect(record.note).toBe('third');
    expect(record.noteHistory).toEqual([
      { note: 'first', at: iso(T0 + 2 * DAY) },
      { note: 'second', at: iso(T0 + 3 * DAY) },
    ]);
    expect(replacedNote).toBe('second');
  });

  it('returns a lone version as it is, and does not modify its inputs', () => {
    const a = attention({ tags: ['x'] });
    const b = attention({ tags: ['y'], updatedAt: T0 + 9 * DAY });
    const before = canonical([a, b]);
    expect(canonical(mergedPaper(a).record)).toBe(canonical(a));
    mergedPaper(a, b);
    expect(canonical([a, b])).toBe(before);
    expect(() => mergeVersions('paper', [])).toThrow();
  });
});

describe('authors', () => {
  it('unites profiles, profile keys, reported snapshots and papers; the newer name', () => {
    const onA = vaswani({
      profiles: [...vaswani().profiles, DBLP_PROFILE],
      profileKeys: [...vaswani().profileKeys, 'dblp:184/8258'],
      reported: [...vaswani().reported, DBLP_SNAPSHOT],
      updatedAt: T0 + 2 * DAY,
    });
    const later = {
      site: 'google-scholar' as const,
      url: 'https://scholar.google.com/citations?user=oR9sCGYAAAAJ',
      capturedAt: iso(T0 + 3 * DAY),
      citations: 212_000,
      hIndex: 31,
    };
    const onB = vaswani({
      name: 'Ashish Vaswani (Essential AI)',
      nameKey: nameKey('Ashish Vaswani (Essential AI)'),
      reported: [...vaswani().reported, later],
      paperIds: [ATTENTION_ID, 'p-' + hash64('arxiv:2306.00001')],
      coauthors: [{ name: 'Noam Shazeer', id: 'wsGvgA8AAAAJ', url: 'https://scholar.google.com/citations?user=wsGvgA8AAAAJ' }],
      addedAt: T0 + DAY,
      updatedAt: T0 + 3 * DAY,
    });
    for (const order of [
      [onA, onB],
      [onB, onA],
    ]) {
      const r = mergedAuthor(...order);
      expect(r.profiles).toEqual([vaswani().profiles[0], DBLP_PROFILE]);
      expect(r.profileKeys).toEqual(['google-scholar:oR9sCGYAAAAJ', 'dblp:184/8258']);
      expect(r.reported.map((s) => [s.site, s.capturedAt])).toEqual([
        ['google-scholar', iso(T0)],
        ['dblp', iso(T0 + 2 * DAY)],
        ['google-scholar', iso(T0 + 3 * DAY)],
      ]);
      expect(r.paperIds).toEqual([ATTENTION_ID, 'p-' + hash64('arxiv:2306.00001')]);
      expect(r.coauthors).toHaveLength(1);
      expect(r.name).toBe('Ashish Vaswani (Essential AI)');
      expect(r.otherNames).toEqual(['Ashish Vaswani']);
      expect(r.addedAt).toBe(T0);
      expect(r.updatedAt).toBe(T0 + 3 * DAY);
      expectValid('author', r);
    }
  });

  it('keeps a split made on one machine while the other machine still had the profile', () => {
    const linked = vaswani({
      profiles: [...vaswani().profiles, DBLP_PROFILE],
      profileKeys: [...vaswani().profileKeys, 'dblp:184/8258'],
      reported: [...vaswani().reported, DBLP_SNAPSHOT],
    });
    // A: the user split the DBLP profile off (another Vaswani).
    const split = vaswani({ notSame: ['dblp:184/8258'], updatedAt: T0 + 3 * DAY });
    // B, later and unaware of the split: a capture refreshed the Scholar snapshot.
    const captured = { ...linked, affiliation: 'Essential AI, San Francisco', updatedAt: T0 + 4 * DAY };
    const r = mergedAuthor(captured, split);
    expect(r.profileKeys).toEqual(['google-scholar:oR9sCGYAAAAJ']);
    expect(r.profiles.map((p) => p.site)).toEqual(['google-scholar']);
    expect(r.reported.map((s) => s.site)).toEqual(['google-scholar']);
    expect(r.notSame).toEqual(['dblp:184/8258']);
    expect(r.affiliation).toBe('Essential AI, San Francisco');
    expectValid('author', r);
    // The user merged them back later (a merge keeps notSame): the profile is back.
    const remerged = { ...linked, notSame: ['dblp:184/8258'], updatedAt: T0 + 5 * DAY };
    expect(mergedAuthor(split, remerged).profileKeys).toEqual(['google-scholar:oR9sCGYAAAAJ', 'dblp:184/8258']);
  });
});

describe('collections and settings', () => {
  it('takes the newer name of a collection, the first creation time', () => {
    const a: CollectionRecord = { id: 'c-thesis', name: 'Thesis', createdAt: T0, updatedAt: T0 + DAY };
    const b: CollectionRecord = { id: 'c-thesis', name: 'Thesis — chapter 2', createdAt: T0 + 60_000, updatedAt: T0 + 2 * DAY };
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const r = merge('collection', ...order).record;
      expect(r).toEqual({ id: 'c-thesis', name: 'Thesis — chapter 2', createdAt: T0, updatedAt: T0 + 2 * DAY });
      expectValid('collection', r);
    }
  });

  it('takes the newest settings whole; a tie is broken by content, the same on every machine', () => {
    const a = { updatedAt: T0, theme: 'dark', citeStyle: 'apa' };
    const b = { updatedAt: T0 + 1000, theme: 'light' };
    expect(merge('settings', a, b).record).toEqual(b);
    expect(merge('settings', b, a).record).toEqual(b);
    const c = { updatedAt: T0 + 1000, theme: 'system' };
    expect(merge('settings', b, c).record).toEqual(merge('settings', c, b).record);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: order independence, idempotence, valid results

const WHEN = [0, 1, 2, 3].map((d) => T0 + d * DAY);
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const SOURCES = [
  { site: 'arxiv' as const, url: 'https://arxiv.org/abs/1706.03762' },
  { site: 'google-scholar' as const, url: 'https://scholar.google.com/scholar?q=attention+is+all+you+need' },
  { site: 'semantic-scholar' as const, url: 'https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776' },
];

/** A version of the paper as one machine may hold it after some edits and captures. */
const paperVersion: fc.Arbitrary<PaperRecord> = fc
  .record({
    updatedAt: fc.constantFrom(...WHEN),
    addedAt: fc.constantFrom(T0 - DAY, T0),
    tags: opt(subset(['transformers', 'NLP', 'nlp', 'to cite', 'MT'])),
    note: opt(fc.constantFrom('Read §3.', 'Cite for positional encoding.', 'Baseline.')),
    starred: opt(fc.constant(true as const)),
    status: opt(fc.constantFrom('toread' as const, 'reading' as const, 'read' as const)),
    userAt: opt(fc.constantFrom(...WHEN)),
    history: opt(fc.constant<{ note: string; at: string }[]>([{ note: 'An old note.', at: iso(T0 - DAY) }])),
    sources: fc.array(
      fc.record({ i: fc.constantFrom(0, 1, 2), d: fc.constantFrom(0, 1, 2), n: opt(fc.constantFrom(97_000, 120_000, 121_000)) }),
      {
        maxLength: 4,
      },
    ),
    collectionIds: subset(['c-thesis', 'c-reading-group', 'c-nlp']),
    authorIds: subset([VASWANI, SHAZEER]),
    descTrust: opt(fc.constantFrom(0 as const, 2 as const)),
    shortAuthors: fc.boolean(),
    s2: fc.boolean(),
    venue: fc.constantFrom('NeurIPS', 'arXiv preprint arXiv:1706.03762', 'Advances in Neural Information Processing Systems'),
    stub: fc.boolean(),
  })
  .map((x) => {
    const ids = x.s2 ? { ...ATTENTION_IDS, s2: '204e3073870fae3d05bcbc2f6a8e263d9b72e776' } : ATTENTION_IDS;
    const sources = x.sources.map(({ i, d, n }) => ({
      ...SOURCES[i],
      capturedAt: iso(T0 + d * DAY),
      ...(n !== undefined ? { citations: n } : {}),
    }));
    const r = attention({
      ids: canonicalIds(ids),
      idKeys: idKeys(canonicalIds(ids)),
      venue: x.venue,
      authors: x.shortAuthors ? ['A Vaswani', 'N Shazeer'] : attention().authors,
      sources: sources.filter((s, i) => sources.findIndex((t) => t.url === s.url) === i),
      citationHistory: sources
        .filter((s) => s.citations !== undefined)
        .map((s) => ({ at: s.capturedAt, site: s.site, citations: s.citations! }))
        .sort((a, b) => a.at.localeCompare(b.at)),
      collectionIds: x.collectionIds,
      authorIds: x.authorIds,
      descTrust: x.descTrust,
      addedAt: x.addedAt,
      updatedAt: x.updatedAt,
    });
    if (x.tags?.length) r.tags = [...new Map(x.tags.map((t) => [t.toLowerCase(), t])).values()];
    if (x.note) r.note = x.note;
    if (x.starred) r.starred = true;
    if (x.status) r.status = x.status;
    if (x.userAt !== undefined) r.userUpdatedAt = iso(x.userAt);
    if (x.history) r.noteHistory = x.history.map((h) => ({ ...h }));
    if (x.stub) r.incomplete = 'pdf';
    if (r.descTrust === undefined) delete r.descTrust;
    return r;
  });

const authorVersion: fc.Arbitrary<AuthorRecord> = fc
  .record({
    updatedAt: fc.constantFrom(...WHEN),
    name: fc.constantFrom('Ashish Vaswani', 'A. Vaswani'),
    affiliation: opt(fc.constantFrom('Google Brain', 'Essential AI')),
    dblp: fc.constantFrom('none', 'linked', 'split', 'remerged'),
    snaps: subset([0, 1, 2]),
    paperIds: subset([ATTENTION_ID, 'p-' + hash64('arxiv:2306.00001'), 'p-' + hash64('arxiv:1803.02155')]),
    coauthors: subset(['Noam Shazeer', 'Niki Parmar']),
  })
  .map((x) => {
    const withDblp = x.dblp === 'linked' || x.dblp === 'remerged';
    const reported = x.snaps.map((d) => ({
      ...vaswani().reported[0],
      capturedAt: iso(T0 + d * DAY),
      citations: 200_000 + d,
    }));
    const a = vaswani({
      name: x.name,
      nameKey: nameKey(x.name),
      affiliation: x.affiliation,
      profiles: withDblp ? [...vaswani().profiles, DBLP_PROFILE] : vaswani().profiles,
      profileKeys: withDblp ? [...vaswani().profileKeys, 'dblp:184/8258'] : vaswani().profileKeys,
      reported: withDblp ? [...reported, DBLP_SNAPSHOT] : reported,
      paperIds: x.paperIds,
      updatedAt: x.updatedAt,
    });
    if (x.dblp === 'split' || x.dblp === 'remerged') a.notSame = ['dblp:184/8258'];
    if (x.coauthors.length) a.coauthors = x.coauthors.map((name) => ({ name }));
    if (!a.affiliation) delete a.affiliation;
    return a;
  });

const collectionVersion: fc.Arbitrary<CollectionRecord> = fc.record({
  id: fc.constant('c-thesis'),
  name: fc.constantFrom('Thesis', 'Thesis — ch. 2', 'PhD'),
  createdAt: fc.constantFrom(T0 - DAY, T0),
  updatedAt: fc.constantFrom(...WHEN),
});

const settingsVersion = fc.record({
  updatedAt: fc.constantFrom(...WHEN),
  theme: fc.constantFrom('dark', 'light'),
  pageSize: fc.constantFrom(25, 50),
});

/** A list of 2–4 versions and a permutation of it. */
const shuffled = <T>(arb: fc.Arbitrary<T>) =>
  fc
    .array(arb, { minLength: 2, maxLength: 4 })
    .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));

/** The same record with its keys in another order (as another machine's JSON may hold it). */
const reordered = <T>(r: T): T => JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(r as object).reverse())));

const CASES = [
  ['paper', paperVersion],
  ['author', authorVersion],
  ['collection', collectionVersion],
  ['settings', settingsVersion],
] as const;

describe('properties', () => {
  for (const [kind, arb] of CASES) {
    it(`${kind}: the same result whatever the order of the versions and their revisions`, () => {
      fc.assert(
        fc.property(shuffled<unknown>(arb), ([xs, ys]) => {
          const a = mergeVersions(kind, versions(xs));
          const b = mergeVersions(kind, versions(ys.map(reordered)));
          expect(canonical(b)).toBe(canonical(a));
          if (kind !== 'settings') expectValid(kind, a.record);
        }),
        { numRuns: 300 },
      );
    });

    it(`${kind}: a record merged with itself is the record`, () => {
      fc.assert(
        fc.property(arb as fc.Arbitrary<unknown>, (r) => {
          expect(canonical(mergeVersions(kind, versions([r])).record)).toBe(canonical(r));
          expect(canonical(mergeVersions(kind, versions([r, reordered(r), r])).record)).toBe(canonical(r));
        }),
        { numRuns: 100 },
      );
    });
  }

  // (Not a property: merging a version again into a merge. The merge has the newest version's
  // updatedAt, so the two tie and the content decides which counts as older, which can flip a
  // field kept from the older version. Convergence does not need it: every machine merges the same
  // set of versions, and equal merges made on two machines are one version.)
  it('paper: nothing the user or a capture added is lost', () => {
    fc.assert(
      fc.property(fc.array(paperVersion, { minLength: 2, maxLength: 4 }), (xs) => {
        const { record: m } = mergedPaper(...xs);
        const lower = (l: string[] | undefined) => new Set((l ?? []).map((t) => t.toLowerCase()));
        for (const x of xs) {
          expect(lower(m.tags)).toEqual(new Set([...lower(m.tags), ...lower(x.tags)]));
          for (const c of x.collectionIds) expect(m.collectionIds).toContain(c);
          for (const a of x.authorIds) expect(m.authorIds).toContain(a);
          for (const k of x.idKeys) expect(m.idKeys).toContain(k);
          for (const s of x.sources) expect(m.sources.some((t) => t.site === s.site && t.url === s.url)).toBe(true);
          if (x.note) expect([m.note, ...(m.noteHistory ?? []).map((h) => h.note)]).toContain(x.note);
          expect(m.addedAt).toBeLessThanOrEqual(x.addedAt);
          expect(m.updatedAt).toBeGreaterThanOrEqual(x.updatedAt);
        }
      }),
      { numRuns: 300 },
    );
  });
});
