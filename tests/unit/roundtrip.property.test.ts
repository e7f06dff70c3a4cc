// Round trip: a library A (built by importing random collections, with merges) exported, that file
// imported into an empty library B, and B exported again gives the same file apart from exportedAt,
// for the whole library and for a single collection. Plus the same from real captures.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCapture } from '../../lib/store/capture';
import { addToCollection, createCollection } from '../../lib/store/collections';
import { PaperdexDB } from '../../lib/store/db';
import { buildExport, type ExportedAuthor, type ExportedCollection, type ExportedPaper } from '../../lib/interchange/export';
import { importParsed, parseImportFile, type ParsedImport } from '../../lib/interchange/import/import';
import { SITE_IDS } from '../../lib/interchange/import/import-schema';
import type { PaperSource, ReportedSnapshot } from '../../lib/core/types';

let n = 0;
const open: PaperdexDB[] = [];
async function freshDb(): Promise<PaperdexDB> {
  const d = new PaperdexDB(`test-roundtrip-${n++}`);
  await d.open();
  open.push(d);
  return d;
}
async function dropAll() {
  for (const d of open.splice(0)) await d.delete();
}
afterEach(dropAll);

const withoutExportedAt = (x: object) => JSON.stringify({ ...x, exportedAt: undefined });

/** Export of `a` → file → empty library → export: equal to the first export apart from exportedAt. */
async function expectRoundTrip(a: PaperdexDB, collectionId = 'all'): Promise<void> {
  const first = await buildExport(a, collectionId, new Date('2026-07-01T00:00:00Z'));
  if (!first.papers.length && !first.authors.length && !first.collections?.length && first.collection.id === 'all') {
    // An empty library's export has nothing to import: it is refused with a message, not "Imported.".
    expect(() => parseImportFile('paperdex-export.json', JSON.stringify(first))).toThrow('nothing was imported');
    return;
  }
  const parsed = parseImportFile('paperdex-export.json', JSON.stringify(first, null, 2));
  const b = await freshDb();
  const s = await importParsed(b, parsed, { chunkSize: 7, now: new Date('2026-08-01T00:00:00Z') });
  expect(s).toMatchObject({
    papersNew: first.papers.length,
    papersMerged: 0,
    authorsNew: first.authors.length,
    authorsMerged: 0,
    cancelled: false,
  });
  const second = await buildExport(b, collectionId, new Date('2026-09-01T00:00:00Z'));
  expect(withoutExportedAt(second)).toBe(withoutExportedAt(first));
}

// ---------------------------------------------------------------------------------------------
// Random libraries

const WORDS = [
  'deep',
  'learning',
  'word',
  'spotting',
  'graph',
  'neural',
  'networks',
  'retrieval',
  'bayesian',
  'models',
  'über',
  'diffusion',
  '深度',
  'α-models',
];
const NAMES = [
  'R Manmatha',
  'T. Rath',
  'Anne Kietzig',
  'Bart van Merriënboer',
  'Smith, Alice',
  'A Smith',
  'Jones',
  'Ng Andrew',
  'Anonymous',
];
const URLS = ['https://example.org/a', 'https://example.org/b', 'http://example.com/x?y=1', 'https://scholar.google.com/citations?user=U1'];
const DOIS = ['10.1000/a', '10.1000/B', '10.48550/arXiv.2301.00001v2', '10.1145/3292500.3330701'];
const ARXIV = ['2301.00001', '2302.00002', 'hep-th/9901001'];
const PAPER_IDS = ['p-1', 'p-2', 'p-3', 'p-0000000000000004', 'p-x'];

const iso = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const text = fc.string({ unit: 'binary', maxLength: 30 });
const nonBlank = text.map((s) => `x${s}`);
const title = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }), fc.option(text, { nil: undefined }))
  .map(([w, s]) => w.join(' ') + (s ? ` ${s}` : ''));
const site = fc.constantFrom(...SITE_IDS);
const url = fc.oneof(fc.constantFrom(...URLS), fc.webUrl());
const id = (pool: string[]) => fc.oneof(fc.constantFrom(...pool), nonBlank);

const source: fc.Arbitrary<PaperSource> = fc.record(
  { site, url: fc.constantFrom(...URLS), capturedAt: iso, citations: fc.nat({ max: 5000 }) },
  { requiredKeys: ['site', 'url', 'capturedAt'] },
);

const paper: fc.Arbitrary<ExportedPaper> = fc.record(
  {
    id: id(PAPER_IDS),
    title,
    authors: fc.array(fc.constantFrom(...NAMES), { maxLength: 4 }),
    authorsTruncated: fc.boolean(),
    year: fc.integer({ min: 1990, max: 2026 }),
    date: fc.constantFrom('2019-05-06', '2020-01'),
    venue: fc.oneof(fc.constantFrom('CVPR', 'arXiv preprint', 'NeurIPS …'), text),
    abstract: text,
    tldr: text,
    categories: fc.array(fc.constantFrom('cs.LG', 'cs.CV', 'CS.LG'), { maxLength: 3 }),
    keywords: fc.array(text, { maxLength: 3 }),
    citations: fc.nat({ max: 5000 }),
    ids: fc.record(
      {
        doi: fc.constantFrom(...DOIS),
        arxiv: fc.constantFrom(...ARXIV),
        dblp: fc.constantFrom('conf/x/A1', 'journals/y/B2'),
        scholar: fc.constantFrom('123', '456'),
        s2: nonBlank,
      },
      { requiredKeys: [] },
    ),
    url,
    pdfUrl: url,
    codeUrl: url,
    type: fc.constantFrom('article', 'inproceedings', 'preprint'),
    sources: fc.array(source, { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'title', 'authors', 'sources'] },
);

const reported: fc.Arbitrary<ReportedSnapshot> = fc.record(
  {
    site,
    url: fc.constantFrom(...URLS),
    capturedAt: iso,
    citations: fc.nat({ max: 100000 }),
    hIndex: fc.nat({ max: 200 }),
    i10Index: fc.nat({ max: 500 }),
    papers: fc.nat({ max: 1000 }),
    since: fc.record({ year: fc.integer({ min: 2000, max: 2026 }), citations: fc.nat() }, { requiredKeys: ['year'] }),
    citationsPerYear: fc.dictionary(fc.integer({ min: 1990, max: 2026 }).map(String), fc.nat({ max: 1000 }), { maxKeys: 4 }),
    other: fc.dictionary(fc.constantFrom('Highly Influential Citations', 'Reads', 'x'), fc.nat(), { maxKeys: 2 }),
  },
  { requiredKeys: ['site', 'url', 'capturedAt'] },
);

type GenAuthor = Omit<ExportedAuthor, 'paperIds'> & { papers: number[] };
const author: fc.Arbitrary<GenAuthor> = fc.record(
  {
    id: id(['a-1', 'a-2', 'a-3']),
    name: fc.constantFrom(...NAMES),
    affiliation: text,
    interests: fc.array(text, { maxLength: 2 }),
    homepage: url,
    profiles: fc.array(
      fc.record({ site, url: fc.constantFrom(...URLS), id: fc.constantFrom('U1', 'U2', '777') }, { requiredKeys: ['site', 'url'] }),
      { maxLength: 2 },
    ),
    reported: fc.array(reported, { maxLength: 3 }),
    papers: fc.array(fc.nat(), { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'name', 'profiles', 'reported', 'papers'] },
);

type GenCollection = Omit<ExportedCollection, 'paperIds' | 'name'> & { name: string; papers: number[] };
const collection: fc.Arbitrary<GenCollection> = fc.record(
  {
    id: id(['c-1', 'c-2']),
    name: fc.constantFrom('Reading list', 'To read', 'ICLR ’19', 'Thesis'),
    createdAt: iso,
    papers: fc.array(fc.nat(), { maxLength: 5 }),
  },
  { requiredKeys: ['id', 'name', 'papers'] },
);

/** A random collection export, as a ParsedImport (ids unique within it, names unique). */
const library: fc.Arbitrary<ParsedImport> = fc
  .record({
    papers: fc.uniqueArray(paper, { selector: (p) => p.id, maxLength: 8 }),
    authors: fc.uniqueArray(author, { selector: (a) => a.id, maxLength: 4 }),
    collections: fc.uniqueArray(collection, { selector: (c) => c.id, maxLength: 3 }),
  })
  .map(({ papers, authors, collections }) => {
    const pick = (idx: number[]) => (papers.length ? [...new Set(idx.map((i) => papers[i % papers.length].id))] : []);
    return {
      kind: 'paperdex' as const,
      papers,
      authors: authors.map(({ papers: idx, ...a }) => ({ ...a, paperIds: pick(idx) })),
      collections: collections.map(({ papers: idx, ...c }, k) => ({ ...c, name: `${c.name} ${k}`, paperIds: pick(idx) })),
      count: papers.length,
    };
  });

describe('export → import → export', () => {
  it('reproduces the file for random libraries (with merges in the first library)', async () => {
    await fc.assert(
      fc.asyncProperty(library, library, async (one, two) => {
        try {
          const a = await freshDb();
          await importParsed(a, one, { chunkSize: 3, now: new Date('2026-01-01T00:00:00Z') });
          await importParsed(a, two, { chunkSize: 3, now: new Date('2026-02-01T00:00:00Z') });
          await expectRoundTrip(a);
          const someCollection = (await a.collections.toArray()).find(Boolean);
          if (someCollection) await expectRoundTrip(a, someCollection.id);
        } finally {
          await dropAll();
        }
      }),
      { numRuns: 30 },
    );
  });

  it('reproduces the file for a library built from real captures', async () => {
    const a = await freshDb();
    await saveCapture(
      a,
      {
        site: 'google-scholar',
        kind: 'author',
        url: 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ&hl=en',
        author: {
          name: 'Anne Kietzig',
          id: '8daWuo4AAAAJ',
          url: 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ',
          affiliation: 'McGill',
          interests: ['Surface science', 'Tribology'],
          metrics: {
            citations: 1338,
            hIndex: 17,
            i10Index: 21,
            since: { year: 2014, citations: 1149, hIndex: 16, i10Index: 21 },
            citationsPerYear: { '2018': 348, '2019': 400 },
          },
          coauthors: [{ name: 'S Coulombe', id: 'CO1', url: 'https://scholar.google.ca/citations?user=CO1' }],
        },
        papers: [
          {
            title: 'Boiling heat transfer enhancement with stable nanofluids',
            authors: ['A Karthikeyan', 'S Coulombe', 'AM Kietzig'],
            year: 2018,
            citations: 10,
            ids: { scholar: '15502897746301575580' },
          },
          {
            title: 'Interaction of oxygen functionalized multi-walled carbon nanotube nanofluids with copper',
            authors: ['A Karthikeyan', 'AM Kietzig'],
            year: 2018,
            citations: 0,
          },
          {
            title: 'Laser-induced superhydrophobic surfaces …',
            authors: ['AM Kietzig', 'SG Hatzikiriakos', 'P Englezos'],
            authorsTruncated: true,
            year: 2009,
            citations: 700,
          },
        ],
      },
      { now: new Date('2026-01-01T00:00:00Z') },
    );
    await saveCapture(
      a,
      {
        site: 'arxiv',
        kind: 'paper',
        url: 'https://arxiv.org/abs/2301.00001v2',
        papers: [
          {
            title: 'A preprint about nanofluids',
            authors: ['Anne Kietzig', 'Jane Roe'],
            year: 2023,
            date: '2023-01-02',
            venue: 'arXiv preprint',
            abstract: 'We study nanofluids. ∑ α ≤ β.',
            categories: ['physics.flu-dyn', 'cond-mat.soft'],
            ids: { arxiv: '2301.00001', doi: '10.48550/arXiv.2301.00001' },
            url: 'https://arxiv.org/abs/2301.00001',
            pdfUrl: 'https://arxiv.org/pdf/2301.00001',
            codeUrl: 'https://github.com/example/nano',
            type: 'preprint',
          },
        ],
      },
      { now: new Date('2026-01-02T00:00:00Z') },
    );
    await saveCapture(
      a,
      {
        site: 'semantic-scholar',
        kind: 'search',
        url: 'https://www.semanticscholar.org/search?q=nanofluids',
        query: 'nanofluids',
        papers: [
          {
            title: 'Boiling Heat Transfer Enhancement with Stable Nanofluids',
            authors: ['Arun Karthikeyan', 'Sylvain Coulombe', 'Anne-Marie Kietzig'],
            year: 2018,
            citations: 12,
            tldr: 'Stable nanofluids boil better.',
            ids: { doi: '10.1016/j.ijheatmasstransfer.2018.01.001', s2: 'f'.repeat(40) },
            authorProfiles: [{ name: 'Sylvain Coulombe', id: '4711', url: 'https://www.semanticscholar.org/author/4711' }],
          },
        ],
      },
      { now: new Date('2026-01-03T00:00:00Z') },
    );
    const c1 = await createCollection(a, 'Reading list', Date.parse('2026-01-04T00:00:00Z'));
    await createCollection(a, 'Empty one', Date.parse('2026-01-05T00:00:00Z'));
    const ids = (await a.papers.toArray()).map((p) => p.id).sort();
    await addToCollection(a, c1.id, ids.slice(0, 2));

    await expectRoundTrip(a);
    await expectRoundTrip(a, c1.id);
  });
});
