// Import of Paperdex exports, CSL-JSON and BibTeX: whole-file validation with messages that say
// where, merging into the library by the capture's identity rules, collections, chunked writes with
// progress and cancellation, and scale.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapture } from '../../lib/store/capture';
import { addToCollection, createCollection } from '../../lib/store/collections';
import { PaperdexDB } from '../../lib/store/db';
import { buildExport, type CollectionExportV1, type ExportedAuthor, type ExportedPaper } from '../../lib/interchange/export';
import {
  ImportError,
  importFile,
  importParsed,
  jsonErrorOffset,
  MAX_IMPORT_CHARS,
  parseImportFile,
} from '../../lib/interchange/import/import';
import type { ScrapeResult } from '../../lib/core/types';

let n = 0;
const dbs: PaperdexDB[] = [];
async function freshDb(): Promise<PaperdexDB> {
  const d = new PaperdexDB(`test-import-${n++}`);
  await d.open();
  dbs.push(d);
  return d;
}
let db: PaperdexDB;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-04-01T10:00:00Z');
const T2 = new Date('2026-05-01T10:00:00Z');

async function rowCounts(d: PaperdexDB) {
  return {
    papers: await d.papers.count(),
    authors: await d.authors.count(),
    sources: await d.sources.count(),
    collections: await d.collections.count(),
    meta: await d.meta.count(),
  };
}
const EMPTY = { papers: 0, authors: 0, sources: 0, collections: 0, meta: 0 };

const scholarAuthorPage = (cites = 60): ScrapeResult => ({
  site: 'google-scholar',
  kind: 'author',
  url: 'https://scholar.google.com/citations?user=U1',
  author: {
    name: 'R. Manmatha',
    id: 'U1',
    url: 'https://scholar.google.com/citations?user=U1',
    affiliation: 'UMass',
    metrics: { citations: 100, hIndex: 5 },
  },
  papers: [
    {
      title: 'Word spotting for historical documents',
      authors: ['R Manmatha', 'T Rath'],
      year: 2003,
      venue: 'CVPR',
      citations: cites,
      ids: { doi: '10.1109/cvpr.2003.1' },
    },
    { title: 'A model for retrieval of handwritten text', authors: ['R Manmatha'], year: 2001, citations: 40 },
    {
      title: 'Scale space techniques for word segmentation',
      authors: ['R Manmatha', 'N Srimal'],
      year: 1999,
      citations: 12,
      url: 'https://example.org/ss',
    },
    { title: 'Indexing handwriting using word matching', authors: ['R Manmatha', 'C Han', 'EM Riseman'], year: 1996, citations: 200 },
  ],
});

/** A small realistic library: captures from two sites and a collection. */
async function seedLibrary(d: PaperdexDB): Promise<void> {
  await saveCapture(d, scholarAuthorPage(), { now: T0 });
  await saveCapture(
    d,
    {
      site: 'semantic-scholar',
      kind: 'search',
      url: 'https://www.semanticscholar.org/search?q=word%20spotting',
      query: 'word spotting',
      papers: [
        {
          title: 'Word Spotting for Historical Documents',
          authors: ['R. Manmatha', 'Toni M. Rath'],
          year: 2003,
          abstract: 'Searching and indexing historical handwritten collections is a very challenging problem.',
          citations: 70,
          ids: { doi: '10.1109/CVPR.2003.1', s2: 'abc123' },
          authorProfiles: [{ name: 'Toni M. Rath', id: '777', url: 'https://www.semanticscholar.org/author/777' }],
        },
      ],
    },
    { now: T1 },
  );
  const c = await createCollection(d, 'Reading list', T0.getTime());
  const ps = await d.papers.toArray();
  await addToCollection(
    d,
    c.id,
    ps.slice(0, 2).map((p) => p.id),
  );
}

async function exportText(d: PaperdexDB, collectionId = 'all'): Promise<string> {
  return JSON.stringify(await buildExport(d, collectionId, T2), null, 2);
}

/** A generated export of `count` papers, `authorCount` authors (each on papers spread over the file) and one collection. */
function generatedExport(count: number, authorCount = 10): CollectionExportV1 {
  const papers: ExportedPaper[] = [];
  for (let i = 0; i < count; i++) {
    const id = `p-${String(i).padStart(8, '0')}`;
    papers.push({
      id,
      title: `Generated paper number ${i} about topic ${i % 97}`,
      authors: [`Author ${i % authorCount}`, 'Co Author'],
      year: 1990 + (i % 30),
      ids: i % 2 ? { doi: `10.9999/gen.${i}` } : { arxiv: `2301.${String(i).padStart(5, '0')}` },
      sources: [{ site: 'generic', url: `https://example.org/paper/${i}`, capturedAt: '2026-01-01T00:00:00.000Z', citations: i % 50 }],
      citations: i % 50,
    });
  }
  const authors: ExportedAuthor[] = [];
  for (let a = 0; a < authorCount; a++) {
    authors.push({
      id: `a-${String(a).padStart(4, '0')}`,
      name: `Author ${a}`,
      profiles: [{ site: 'dblp', url: `https://dblp.org/pid/${a}.html`, id: `${a}` }],
      reported: [],
      paperIds: papers.filter((_, i) => i % authorCount === a).map((p) => p.id),
    });
  }
  return {
    format: 'paperdex/collection',
    version: 1,
    exportedAt: '2026-01-02T00:00:00.000Z',
    collection: { id: 'all', name: 'All papers' },
    papers,
    authors,
    collections: [{ id: 'c-gen', name: 'Generated', createdAt: '2026-01-01T00:00:00.000Z', paperIds: papers.map((p) => p.id) }],
  };
}

function thrown(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** The file is refused with this message, and nothing at all is written. */
async function expectRefused(fileName: string, text: string, message: RegExp | string, where?: string): Promise<ImportError> {
  const e = thrown(() => parseImportFile(fileName, text));
  if (typeof message === 'string') expect(e.message).toBe(message);
  else expect(e.message).toMatch(message);
  if (where !== undefined) expect(e.where).toBe(where);
  await expect(importFile(db, fileName, text)).rejects.toBeInstanceOf(ImportError);
  expect(await rowCounts(db)).toEqual(EMPTY);
  return e;
}

describe('parseImportFile: bad files are refused whole, with the place named', () => {
  let good: string;
  beforeEach(async () => {
    const src = await freshDb();
    await seedLibrary(src);
    good = await exportText(src);
  });

  it('accepts the good file (the baseline for the cases below)', () => {
    const p = parseImportFile('paperdex-all-papers-2026-05-01.json', good);
    expect(p).toMatchObject({ kind: 'paperdex', count: 4 });
    expect(p.authors).toHaveLength(2);
    expect(p.collections).toEqual([expect.objectContaining({ name: 'Reading list', paperIds: expect.any(Array) })]);
  });

  it('truncated JSON: says where it ends', async () => {
    const cut = good.slice(0, Math.floor(good.length / 2));
    const lines = cut.split('\n').length;
    const e = await expectRefused(
      'x.json',
      cut,
      new RegExp(`^The JSON ends unexpectedly at line ${lines}, column \\d+: the file looks truncated\\.$`),
    );
    expect(e.where).toMatch(new RegExp(`^line ${lines}, column \\d+$`));
  });

  it('damaged JSON in the middle: says where', async () => {
    const lines = good.split('\n');
    const k = lines.findIndex((l) => l.includes('"title"'));
    lines[k] = lines[k].replace(/,$/, '');
    await expectRefused('x.json', lines.join('\n'), new RegExp(`^The file is not valid JSON at line ${k + 2}, column \\d+: .+\\.$`));
  });

  it('JSON errors that the engine reports without a position are still placed', async () => {
    await expectRefused(
      'x.json',
      '{\n  "format": "paperdex/collection",\n  "papers": [1,]\n}',
      "The file is not valid JSON at line 3, column 16: Unexpected token ']'.",
      'line 3, column 16',
    );
    await expectRefused('x.json', '[{"title": tru}]', /^The file is not valid JSON at line 1, column 12: /);
  });

  it('finds JSON syntax errors exactly where JSON.parse fails', () => {
    const parses = (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json(), (j) => jsonErrorOffset(j) === -1),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), (j, k) => {
        const cut = j.slice(0, k % (j.length + 1));
        return (jsonErrorOffset(cut) === -1) === parses(cut);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => (jsonErrorOffset(s) === -1) === parses(s)),
      { numRuns: 2000 },
    );
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBe(-1);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
  });

  it('wrong format', async () => {
    const doc = { ...JSON.parse(good), format: 'zotero/library' };
    await expectRefused('x.json', JSON.stringify(doc), 'format: expected "paperdex/collection", got "zotero/library"', 'format');
  });

  it('a future version', async () => {
    const doc = { ...JSON.parse(good), version: 2 };
    await expectRefused(
      'x.json',
      JSON.stringify(doc),
      'This file was made by a newer Paperdex (format version 2); update Paperdex to import it.',
      'version',
    );
  });

  it('a version that is not a whole number', async () => {
    await expectRefused(
      'x.json',
      JSON.stringify({ ...JSON.parse(good), version: '1' }),
      'version: expected a whole number, got "1"',
      'version',
    );
  });

  it('wrong types, named by path', async () => {
    const doc = JSON.parse(good);
    doc.papers[3].authors = 'R Manmatha, C Han';
    await expectRefused(
      'x.json',
      JSON.stringify(doc),
      'papers[3].authors: expected an array, got "R Manmatha, C Han"',
      'papers[3].authors',
    );

    const d2 = JSON.parse(good);
    d2.papers[1].title = 42;
    await expectRefused('x.json', JSON.stringify(d2), 'papers[1].title: expected a string, got the number 42', 'papers[1].title');

    const d3 = JSON.parse(good);
    delete d3.papers[0].title;
    await expectRefused('x.json', JSON.stringify(d3), 'papers[0].title: required field is missing', 'papers[0].title');

    const d4 = JSON.parse(good);
    d4.papers[2].url = 'javascript:alert(1)';
    await expectRefused('x.json', JSON.stringify(d4), /^papers\[2\]\.url: expected an http\(s\) URL/, 'papers[2].url');

    const d5 = JSON.parse(good);
    const k = d5.authors.findIndex((a: { reported: unknown[] }) => a.reported.length);
    d5.authors[k].reported[0].hIndex = -1;
    await expectRefused(
      'x.json',
      JSON.stringify(d5),
      new RegExp(`^authors\\[${k}\\]\\.reported\\[0\\]\\.hIndex: -1 is out of range`),
      `authors[${k}].reported[0].hIndex`,
    );

    const d6 = JSON.parse(good);
    d6.papers[0].sources[0].capturedAt = 'yesterday';
    await expectRefused('x.json', JSON.stringify(d6), /^papers\[0\]\.sources\[0\]\.capturedAt: expected an ISO 8601 date-time/);

    const d7 = JSON.parse(good);
    d7.papers[0].sources[0].site = 'myspace';
    await expectRefused('x.json', JSON.stringify(d7), /^papers\[0\]\.sources\[0\]\.site: unknown site "myspace"/);

    const d8 = JSON.parse(good);
    d8.papers[1].id = d8.papers[0].id;
    await expectRefused('x.json', JSON.stringify(d8), /^papers\[1\]\.id: ".+" is also the id of papers\[0\]$/);
  });

  it('a file over 50 MB, checked before parsing', async () => {
    const big = '['.padEnd(MAX_IMPORT_CHARS + 1, ' ');
    await expectRefused('huge.json', big, 'The file is too large: 50.1 MB; the limit is 50 MB.', 'file');
  });

  it('BibTeX with broken braces: the line number', async () => {
    const bib = '@article{a,\n  title = {Broken {title},\n  year = 2020\n}\n\n@article{b,\n  title = {Fine}\n}\n';
    await expectRefused('refs.bib', bib, /^line 2: Unbalanced braces.*'title'.*'a'/, 'line 2');
  });

  it('an empty file', async () => {
    await expectRefused('x.json', '', 'The file is empty.', 'file');
    await expectRefused('x.bib', ' \n\t\n', 'The file is empty.', 'file');
  });

  it('a CSL-JSON item without a title', async () => {
    const csl = [
      { id: 'ok', type: 'article-journal', title: 'Fine' },
      { id: 'bad', type: 'article-journal', author: [{ family: 'Smith', given: 'A' }] },
    ];
    await expectRefused('zotero.json', JSON.stringify(csl), 'Item 1 ("bad") has no title', '[1]');
  });

  it('a file that is none of the formats', async () => {
    await expectRefused('notes.txt', 'just some notes', /cannot read this file/);
    await expectRefused('x.json', '{"hello": "world"}', /neither a Paperdex export .* nor CSL-JSON/);
  });
});

describe('parseImportFile: duplicate keys and empty files are refused with a clear message', () => {
  let good: string;
  beforeEach(async () => {
    const src = await freshDb();
    await seedLibrary(src);
    good = await exportText(src);
  });

  /** Line and column (1-based) of the n-th (0-based) occurrence of `needle` in `text`. */
  const at = (text: string, needle: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    expect(i, `occurrence ${nth} of ${needle}`).not.toBe(-1);
    const before = text.slice(0, i).split('\n');
    return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  };

  it('"papers" twice in the document (issue 16: it imported 0 papers and said "Imported.")', async () => {
    const text = good.replace(/\n}\s*$/, ',\n  "papers": []\n}\n');
    expect(JSON.parse(text).papers).toEqual([]);
    await expectRefused(
      'x.json',
      text,
      `The key "papers" appears twice in the document (again at ${at(text, '"papers"', 1)}); ` +
        'a file with duplicate keys is ambiguous and was not imported.',
      'document',
    );
  });

  it('a key twice in a paper, in the collection, in a source: the object is named by its path', async () => {
    const doc = JSON.parse(good);
    doc.papers[3].title = '__MARK__';
    const inPaper = JSON.stringify(doc, null, 2).replace('"title": "__MARK__"', '"title": "One",\n      "title": "Two"');
    await expectRefused(
      'x.json',
      inPaper,
      `The key "title" appears twice in papers[3] (again at ${at(inPaper, '"title": "Two"')}); ` +
        'a file with duplicate keys is ambiguous and was not imported.',
      'papers[3]',
    );

    const inCollection = good.replace('"collection": {', '"collection": {\n    "name": "Other",');
    await expectRefused(
      'x.json',
      inCollection,
      /^The key "name" appears twice in collection \(again at line \d+, column \d+\); /,
      'collection',
    );

    const d2 = JSON.parse(good);
    d2.papers[0].sources[0].site = '__SITE__';
    const inSource = JSON.stringify(d2).replace('"site":"__SITE__"', '"site":"arxiv","site":"generic"');
    await expectRefused(
      'x.json',
      inSource,
      /^The key "site" appears twice in papers\[0\]\.sources\[0\] \(again at line 1, /,
      'papers[0].sources[0]',
    );
  });

  it('keys spelled with escapes are the same key; equal keys in different objects are fine', async () => {
    const escaped = good.replace(/\n}\s*$/, ',\n  "pap\\u0065rs": []\n}\n');
    await expectRefused('x.json', escaped, /^The key "papers" appears twice in the document /, 'document');
    // Every paper has a "title" and an "id": not duplicates (the baseline file imports).
    expect(parseImportFile('x.json', good)).toMatchObject({ kind: 'paperdex', count: 4 });
    const s = await importFile(db, 'x.json', good);
    expect(s.papersNew).toBe(4);
  });

  it('an export with no papers, no authors and nothing else to create', async () => {
    const empty = await exportText(await freshDb());
    expect(JSON.parse(empty)).toMatchObject({ papers: [], authors: [] });
    await expectRefused('empty.json', empty, 'The file holds no papers or authors; nothing was imported.', 'file');
  });

  it('an exported empty collection still recreates the collection (something is imported)', async () => {
    const src = await freshDb();
    const c = await createCollection(src, 'Empty for now', T0.getTime());
    const text = await exportText(src, c.id);
    expect(JSON.parse(text)).toMatchObject({ papers: [], authors: [], collection: { name: 'Empty for now' } });
    const s = await importFile(db, 'x.json', text);
    expect(s.collections).toEqual([expect.objectContaining({ name: 'Empty for now' })]);
    expect(await db.collections.count()).toBe(1);
  });
});

describe('parseImportFile: kinds', () => {
  it('recognises BibTeX by content and names the collection after the file', () => {
    const p = parseImportFile(
      'C:\\Users\\me\\My refs.bib',
      '% exported\n@inproceedings{k1,\n title={Deep {L}earning},\n author={Smith, Alice and Jones, Bob},\n year=2015,\n booktitle={NeurIPS}\n}\n',
    );
    expect(p.kind).toBe('bibtex');
    expect(p.collections).toEqual([{ name: 'My refs' }]);
    expect(p.papers[0]).toMatchObject({ title: 'Deep Learning', authors: ['Alice Smith', 'Bob Jones'], year: 2015 });
  });

  it('recognises CSL-JSON arrays, single items and item maps', () => {
    const item = { id: 'x', type: 'article-journal', title: 'A CSL paper', DOI: '10.1234/ABC', URL: 'www.example.org/no-scheme' };
    const a = parseImportFile('export.json', JSON.stringify([item]));
    expect(a).toMatchObject({ kind: 'csl-json', count: 1, collections: [{ name: 'export' }] });
    expect(a.papers[0]).toEqual({ title: 'A CSL paper', authors: [], ids: { doi: '10.1234/abc' }, type: 'article' });
    expect(parseImportFile('one.json', JSON.stringify(item))).toMatchObject({ kind: 'csl-json', count: 1 });
    expect(parseImportFile('map.json', JSON.stringify({ x: item, y: { ...item, id: 'y' } }))).toMatchObject({ kind: 'csl-json', count: 2 });
  });
});

describe('importParsed: merging into the library', () => {
  it('a paper the library has (by DOI) is merged, not duplicated: richer abstract wins, sources are united', async () => {
    await saveCapture(db, scholarAuthorPage(), { now: T0 });
    const before = await db.papers.count();
    const doc = generatedExport(0, 0);
    doc.papers = [
      {
        id: 'p-from-elsewhere',
        title: 'Word spotting for historical documents.',
        authors: ['R. Manmatha', 'T. M. Rath'],
        year: 2003,
        abstract: 'A much longer abstract than the library has, which is none at all.',
        ids: { doi: '10.1109/CVPR.2003.1', s2: 'abc' },
        citations: 75,
        sources: [
          {
            site: 'semantic-scholar',
            url: 'https://www.semanticscholar.org/paper/abc',
            capturedAt: '2026-04-15T00:00:00.000Z',
            citations: 75,
          },
        ],
      },
    ];
    doc.collections = [];
    const s = await importParsed(db, parseImportFile('x.json', JSON.stringify(doc)), { now: T2 });
    expect(s).toMatchObject({ papersNew: 0, papersMerged: 1, cancelled: false });
    expect(await db.papers.count()).toBe(before);
    const p = (await db.papers.where('idKeys').equals('doi:10.1109/cvpr.2003.1').toArray())[0];
    expect(s.paperIds).toEqual([p.id]);
    expect(p.id).not.toBe('p-from-elsewhere');
    expect(p.abstract).toBe('A much longer abstract than the library has, which is none at all.');
    expect(p.title).toBe('Word spotting for historical documents');
    expect(p.ids).toMatchObject({ doi: '10.1109/cvpr.2003.1', s2: 'abc' });
    expect(p.idKeys).toContain('s2:abc');
    expect(p.sources.map((x) => x.site)).toEqual(['google-scholar', 'semantic-scholar']);
    // The newest source with a count gives the citations.
    expect(p.citations).toBe(75);
    expect(p.citationHistory.map((h) => h.citations)).toEqual([60, 75]);
    expect(p.updatedAt).toBe(T2.getTime());
  });

  it('a newer sighting of the same page replaces the older one; an older file does not override newer counts', async () => {
    await saveCapture(db, scholarAuthorPage(60), { now: T1 });
    const [lib] = await db.papers.where('idKeys').equals('doi:10.1109/cvpr.2003.1').toArray();
    const older = { ...lib, citations: 10, sources: [{ ...lib.sources[0], capturedAt: T0.toISOString(), citations: 10 }] };
    const doc = {
      ...generatedExport(0, 0),
      collections: [],
      papers: [{ id: older.id, title: older.title, authors: older.authors, ids: older.ids, citations: 10, sources: older.sources }],
    };
    await importParsed(db, parseImportFile('x.json', JSON.stringify(doc)), { now: T2 });
    const after = (await db.papers.get(lib.id))!;
    expect(after.citations).toBe(60);
    expect(after.sources).toEqual(lib.sources);
    expect(after.updatedAt).toBe(lib.updatedAt); // nothing changed

    const newer = {
      ...doc,
      papers: [{ ...doc.papers[0], citations: 99, sources: [{ ...lib.sources[0], capturedAt: T2.toISOString(), citations: 99 }] }],
    };
    await importParsed(db, parseImportFile('x.json', JSON.stringify(newer)), { now: T2 });
    const after2 = (await db.papers.get(lib.id))!;
    expect(after2.citations).toBe(99);
    expect(after2.sources).toEqual([{ ...lib.sources[0], capturedAt: T2.toISOString(), citations: 99 }]);
  });

  it('a paper the library has (by title, year ±1 and first author) is merged from BibTeX', async () => {
    await saveCapture(db, scholarAuthorPage(), { now: T0 });
    const bib =
      '@article{rath2002,\n  title = {A Model for Retrieval of Handwritten Text},\n  author = {Manmatha, R. and Rath, Toni},\n  year = {2002},\n  journal = {IJDAR},\n  abstract = {We propose a model.}\n}\n' +
      '@article{other,\n  title = {Something else entirely},\n  author = {Doe, Jane},\n  year = {2020}\n}\n';
    const s = await importFile(db, 'refs.bib', bib, { now: T2 });
    expect(s).toMatchObject({ papersNew: 1, papersMerged: 1 });
    expect(await db.papers.count()).toBe(5);
    const [p] = await db.papers.where('titleKey').equals('a model for retrieval of handwritten text').toArray();
    expect(p).toMatchObject({ year: 2001, venue: 'IJDAR', abstract: 'We propose a model.', authors: ['R. Manmatha', 'Toni Rath'] });
    const c = (await db.collections.toArray())[0];
    expect(c.name).toBe('refs');
    expect(p.collectionIds).toEqual([c.id]);
    expect(s.collections).toEqual([{ id: c.id, name: 'refs' }]);
  });

  it('never merges papers whose strong ids conflict', async () => {
    await saveCapture(db, scholarAuthorPage(), { now: T0 });
    const csl = [
      {
        id: 'x',
        type: 'article-journal',
        title: 'Word spotting for historical documents',
        author: [{ family: 'Manmatha', given: 'R.' }],
        issued: { 'date-parts': [[2003]] },
        DOI: '10.9999/different',
      },
    ];
    const s = await importFile(db, 'c.json', JSON.stringify(csl), { now: T2 });
    expect(s).toMatchObject({ papersNew: 1, papersMerged: 0 });
    expect(await db.papers.count()).toBe(5);
  });

  it('duplicates inside a BibTeX file become one paper', async () => {
    const bib =
      '@article{a, title={Same paper}, author={Smith, A}, year=2020}\n@misc{b, title={Same Paper.}, author={Alice Smith}, year=2021, url={https://example.org/x}}\n';
    const s = await importFile(db, 'dups.bib', bib, { now: T2 });
    expect(s).toMatchObject({ papersNew: 1, papersMerged: 1 });
    expect(await db.papers.count()).toBe(1);
    expect((await db.papers.toArray())[0].url).toBe('https://example.org/x');
  });

  it('writes complete records', async () => {
    const src = await freshDb();
    await seedLibrary(src);
    const s = await importFile(db, 'x.json', await exportText(src), { now: T2 });
    expect(s).toMatchObject({ papersNew: 4, papersMerged: 0, authorsNew: 2, authorsMerged: 0, cancelled: false });
    const [orig, copy] = [await src.papers.toArray(), await db.papers.toArray()];
    expect(copy.map((p) => p.id)).toEqual(orig.map((p) => p.id));
    for (const p of copy) {
      const o = orig.find((x) => x.id === p.id)!;
      expect(p).toMatchObject({ idKeys: o.idKeys, titleKey: o.titleKey, addedAt: T2.getTime(), updatedAt: T2.getTime() });
      expect(p.citationHistory.length).toBeGreaterThan(0);
      expect(p.authorIds.sort()).toEqual([...o.authorIds].sort());
      expect(p.collectionIds).toEqual(o.collectionIds);
    }
    for (const a of await db.authors.toArray()) {
      const o = (await src.authors.get(a.id))!;
      expect(a).toMatchObject({
        nameKey: o.nameKey,
        profileKeys: o.profileKeys,
        paperIds: expect.arrayContaining(o.paperIds),
        addedAt: T2.getTime(),
      });
    }
    expect(await db.collections.toArray()).toEqual([
      expect.objectContaining({ name: 'Reading list', createdAt: T0.getTime(), updatedAt: T2.getTime() }),
    ]);
  });

  it("re-importing the library's own export changes nothing", async () => {
    await seedLibrary(db);
    const first = await buildExport(db, 'all', T2);
    const rows = await rowCounts(db);
    const stamps = (await db.papers.toArray()).map((p) => p.updatedAt);
    const s = await importFile(db, 'x.json', JSON.stringify(first), { now: new Date('2026-06-01T00:00:00Z') });
    expect(s).toMatchObject({ papersNew: 0, papersMerged: 4, authorsNew: 0, authorsMerged: 2 });
    expect(await rowCounts(db)).toEqual(rows);
    expect(await buildExport(db, 'all', T2)).toEqual(first);
    expect((await db.papers.toArray()).map((p) => p.updatedAt)).toEqual(stamps);
  });

  it('authors are matched by profile key; reported snapshots are united without duplicates', async () => {
    await saveCapture(db, scholarAuthorPage(), { now: T0 });
    const [lib] = await db.authors.toArray();
    const doc = generatedExport(1, 1);
    doc.collections = [];
    doc.authors[0] = {
      id: 'a-someone-else',
      name: 'Raghavan Manmatha',
      homepage: 'https://ciir.cs.umass.edu/manmatha',
      profiles: [
        { site: 'google-scholar', url: 'https://scholar.google.com/citations?user=U1', id: 'U1' },
        { site: 'dblp', url: 'https://dblp.org/pid/m/RManmatha.html', id: 'm/RManmatha' },
      ],
      reported: [
        { ...lib.reported[0] },
        { site: 'google-scholar', url: 'https://scholar.google.com/citations?user=U1', capturedAt: T1.toISOString(), citations: 150 },
      ],
      paperIds: [doc.papers[0].id],
    };
    const s = await importParsed(db, parseImportFile('x.json', JSON.stringify(doc)), { now: T2 });
    expect(s).toMatchObject({ authorsNew: 0, authorsMerged: 1, papersNew: 1 });
    expect(await db.authors.count()).toBe(1);
    const a = (await db.authors.get(lib.id))!;
    expect(a.name).toBe('R. Manmatha');
    expect(a.homepage).toBe('https://ciir.cs.umass.edu/manmatha');
    expect(a.profileKeys).toEqual(['google-scholar:U1', 'dblp:m/RManmatha']);
    expect(a.reported.map((r) => r.citations)).toEqual([100, 150]);
    expect(a.paperIds).toContain(doc.papers[0].id);
    expect((await db.papers.get(doc.papers[0].id))!.authorIds).toEqual([lib.id]);
  });

  it('a file id the library uses for another paper gets a derived id, mapped in authors and collections', async () => {
    await saveCapture(
      db,
      {
        site: 'generic',
        kind: 'paper',
        url: 'https://example.org/a',
        papers: [{ title: 'Library paper', authors: ['Z Zed'], year: 2000 }],
      },
      { now: T0 },
    );
    const [taken] = await db.papers.toArray();
    const doc = generatedExport(2, 1);
    doc.papers[0].id = taken.id;
    doc.authors[0].paperIds = [taken.id, doc.papers[1].id];
    doc.collections![0].paperIds = [taken.id];
    const s = await importParsed(db, parseImportFile('x.json', JSON.stringify(doc)), { now: T2 });
    expect(s.papersNew).toBe(2);
    const moved = (await db.papers.where('titleKey').equals('generated paper number 0 about topic 0').toArray())[0];
    expect(moved.id).not.toBe(taken.id);
    expect((await db.papers.get(taken.id))!.title).toBe('Library paper');
    const [a] = await db.authors.where('profileKeys').equals('dblp:0').toArray();
    expect(a.paperIds.sort()).toEqual([moved.id, doc.papers[1].id].sort());
    expect(moved.authorIds).toEqual([a.id]);
    const c = (await db.collections.get('c-gen'))!;
    expect(moved.collectionIds).toEqual([c.id]);
    expect((await db.papers.get(taken.id))!.collectionIds).toEqual([]);
  });
});

describe('importParsed: collections', () => {
  it('a name clash gets "(2)"', async () => {
    const src = await freshDb();
    await seedLibrary(src);
    const text = await exportText(src);
    await createCollection(db, 'Reading list');
    const s = await importFile(db, 'x.json', text, { now: T2 });
    const names = (await db.collections.toArray()).map((c) => c.name).sort();
    expect(names).toEqual(['Reading list', 'Reading list (2)']);
    const c2 = (await db.collections.where('name').equals('Reading list (2)').first())!;
    expect(s.collections).toEqual([{ id: c2.id, name: 'Reading list (2)' }]);
    expect(await db.papers.where('collectionIds').equals(c2.id).count()).toBe(2);
  });

  it('a file exported from a single collection recreates that collection', async () => {
    const src = await freshDb();
    await seedLibrary(src);
    const c = (await src.collections.toArray())[0];
    const doc = await buildExport(src, c.id, T2);
    expect(doc.collection).toEqual({ id: c.id, name: 'Reading list' });
    expect(doc.papers).toHaveLength(2);
    // As an older v1 writer would have written it, without `collections`:
    delete doc.collections;
    const s = await importFile(db, 'paperdex-reading-list.json', JSON.stringify(doc), { now: T2 });
    expect(s.collections).toEqual([{ id: c.id, name: 'Reading list' }]);
    expect(await db.papers.where('collectionIds').equals(c.id).count()).toBe(2);
    expect(await db.papers.count()).toBe(2);
  });

  it('BibTeX and CSL-JSON files become a collection named after the file', async () => {
    await importFile(db, 'Thesis refs.bib', '@book{k, title={A Book}, author={Knuth, Donald}, year=1968}\n', { now: T2 });
    await importFile(
      db,
      'zotero-export.json',
      JSON.stringify([{ id: 'q', type: 'paper-conference', title: 'A Talk', issued: { 'date-parts': [[2019]] } }]),
      { now: T2 },
    );
    await importFile(db, 'zotero-export.json', JSON.stringify([{ id: 'q', type: 'paper-conference', title: 'Another Talk' }]), { now: T2 });
    const cs = await db.collections.toArray();
    expect(cs.map((c) => c.name).sort()).toEqual(['Thesis refs', 'zotero-export', 'zotero-export (2)']);
    for (const c of cs) expect(await db.papers.where('collectionIds').equals(c.id).count()).toBe(1);
  });
});

describe('importParsed: chunks, progress, cancellation, scale', () => {
  /** Every reference points at a record that exists. */
  async function expectConsistent(d: PaperdexDB) {
    const paperIds = new Set(await d.papers.toCollection().primaryKeys());
    const authorIds = new Set(await d.authors.toCollection().primaryKeys());
    const collIds = new Set(await d.collections.toCollection().primaryKeys());
    for (const a of await d.authors.toArray()) for (const id of a.paperIds) expect(paperIds.has(id)).toBe(true);
    for (const p of await d.papers.toArray()) {
      for (const id of p.authorIds) expect(authorIds.has(id)).toBe(true);
      for (const id of p.collectionIds) expect(collIds.has(id)).toBe(true);
    }
  }

  it('reports monotonic progress ending at the total', async () => {
    const parsed = parseImportFile('g.json', JSON.stringify(generatedExport(2500)));
    const seen: [number, number][] = [];
    const s = await importParsed(db, parsed, { onProgress: (d, t) => seen.push([d, t]), now: T2 });
    expect(seen).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(s).toMatchObject({ papersNew: 2500, authorsNew: 10, cancelled: false });
    expect(s.paperIds).toHaveLength(2500);
    await expectConsistent(db);
  });

  it('a cancel after the first chunk leaves exactly that chunk and a consistent library', async () => {
    const parsed = parseImportFile('g.json', JSON.stringify(generatedExport(2500)));
    const ac = new AbortController();
    const seen: number[] = [];
    const s = await importParsed(db, parsed, {
      signal: ac.signal,
      onProgress: (d) => {
        seen.push(d);
        ac.abort();
      },
      now: T2,
    });
    expect(seen).toEqual([1000]);
    expect(s).toMatchObject({ cancelled: true, papersNew: 1000 });
    expect(await db.papers.count()).toBe(1000);
    expect(await db.authors.count()).toBe(10);
    for (const a of await db.authors.toArray()) expect(a.paperIds).toHaveLength(100);
    expect(await db.papers.where('collectionIds').equals('c-gen').count()).toBe(1000);
    await expectConsistent(db);

    // Importing the file again completes it without duplicates.
    const again = await importParsed(db, parsed, { now: T2 });
    expect(again).toMatchObject({ papersNew: 1500, papersMerged: 1000, authorsNew: 0, authorsMerged: 10, cancelled: false });
    expect(await db.papers.count()).toBe(2500);
    expect(await db.collections.count()).toBe(1);
    await expectConsistent(db);
  });

  it('a signal aborted before the start writes nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const s = await importParsed(db, parseImportFile('g.json', JSON.stringify(generatedExport(10))), { signal: ac.signal });
    expect(s.cancelled).toBe(true);
    expect(await rowCounts(db)).toEqual(EMPTY);
  });

  it('imports 20 000 papers', async () => {
    const text = JSON.stringify(generatedExport(20_000, 200));
    const parsed = parseImportFile('big.json', text);
    let last = 0;
    const s = await importParsed(db, parsed, { onProgress: (d) => (last = d), now: T2 });
    expect(last).toBe(20_000);
    expect(s).toMatchObject({ papersNew: 20_000, papersMerged: 0, authorsNew: 200, cancelled: false });
    expect(await db.papers.count()).toBe(20_000);
    expect(await db.papers.where('collectionIds').equals('c-gen').count()).toBe(20_000);
  }, 240_000);
});
