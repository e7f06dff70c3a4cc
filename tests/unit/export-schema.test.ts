// The published JSON Schema of the export format (public/paperdex-collection.schema.json): it is the
// one generated from the valibot schema (lib/core/export-schema.ts), exports of realistic captured
// data validate against it, invalid documents do not, it declares every field the exporter writes,
// and the importer's validation (lib/interchange/import/import-schema.ts) agrees with it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapture } from '../../lib/store/capture';
import { addToCollection, createCollection } from '../../lib/store/collections';
import { PaperdexDB } from '../../lib/store/db';
import { buildExport, type CollectionExportV1 } from '../../lib/interchange/export';
import { isHttpUrl, isIsoTimestamp, validateExport } from '../../lib/interchange/import/import-schema';
import { collectionJsonSchema } from '../../lib/core/json-schema';

const schemaPath = fileURLToPath(new URL('../../public/paperdex-collection.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', isIsoTimestamp);
ajv.addFormat('uri', (s: string) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
});
const validate = ajv.compile(schema);

let db: PaperdexDB;
let n = 0;
let readingList: string;
let emptyOne: string;
beforeEach(async () => {
  db = new PaperdexDB(`test-export-schema-${n++}`);
  await db.open();
  await saveCapture(
    db,
    {
      site: 'google-scholar',
      kind: 'author',
      url: 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ&hl=en',
      author: {
        name: 'Anne Kietzig',
        id: '8daWuo4AAAAJ',
        url: 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ',
        affiliation: 'McGill University',
        interests: ['Surface science'],
        homepage: 'https://www.mcgill.ca/kietzig',
        metrics: {
          citations: 1338,
          hIndex: 17,
          i10Index: 21,
          papers: 33,
          since: { year: 2014, citations: 1149, hIndex: 16, i10Index: 21 },
          citationsPerYear: { '2018': 348, '2019': 400 },
          other: { 'Highly Influential Citations': 12 },
        },
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
          title: 'Laser-induced superhydrophobic surfaces …',
          authors: ['AM Kietzig', 'SG Hatzikiriakos'],
          authorsTruncated: true,
          year: 2009,
          venue: 'Langmuir',
          citations: 700,
        },
      ],
    },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
  await saveCapture(
    db,
    {
      site: 'arxiv',
      kind: 'paper',
      url: 'https://arxiv.org/abs/2301.00001',
      papers: [
        {
          title: 'A preprint about nanofluids',
          authors: ['Anne Kietzig'],
          year: 2023,
          date: '2023-01-02',
          venue: 'arXiv preprint',
          abstract: 'We study nanofluids.',
          tldr: 'Nanofluids, studied.',
          categories: ['physics.flu-dyn'],
          keywords: ['nanofluids', 'boiling'],
          ids: { arxiv: '2301.00001', doi: '10.1000/xyz' },
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
    db,
    {
      site: 'dblp',
      kind: 'search',
      url: 'https://dblp.org/search?q=nanofluids',
      papers: [
        {
          title: 'Boiling heat transfer enhancement with stable nanofluids.',
          authors: ['Arun Karthikeyan', 'Sylvain Coulombe', 'Anne-Marie Kietzig'],
          year: 2018,
          venue: 'Int. J. Heat Mass Transf.',
          ids: { dblp: 'journals/ijhmt/KarthikeyanCK18' },
          authorProfiles: [{ name: 'Sylvain Coulombe', id: '12/345', url: 'https://dblp.org/pid/12/345.html' }],
        },
      ],
    },
    { now: new Date('2026-01-03T00:00:00Z') },
  );
  readingList = (await createCollection(db, 'Reading list', Date.parse('2026-01-04T00:00:00Z'))).id;
  emptyOne = (await createCollection(db, 'Empty for now')).id;
  const ids = (await db.papers.toArray()).map((p) => p.id).sort();
  await addToCollection(db, readingList, ids.slice(0, 2));
});
afterEach(async () => {
  await db.delete();
});

const errorsOf = () => ajv.errorsText(validate.errors);

/** Valid for both the JSON Schema and the importer's schema. */
function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(ok, errorsOf()).toBe(true);
  const r = validateExport(doc);
  expect(r.ok, r.ok ? '' : r.problem.message).toBe(true);
}

/** Invalid for both. */
function expectInvalid(doc: unknown): void {
  expect(validate(doc)).toBe(false);
  expect(validateExport(doc).ok).toBe(false);
}

describe('public/paperdex-collection.schema.json', () => {
  it('is the file generated from the valibot schema (run `npm run schema` after changing it)', () => {
    const generated = JSON.stringify(collectionJsonSchema(), null, 2) + '\n';
    expect(readFileSync(schemaPath, 'utf8') === generated, 'public/paperdex-collection.schema.json is stale: npm run schema').toBe(true);
    expect(schema).toEqual(collectionJsonSchema());
  });

  it('is a draft 2020-12 schema with descriptions', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.description).toBeTruthy();
    for (const def of Object.values<{ description?: string; properties?: Record<string, { description?: string; $ref?: string }> }>(
      schema.$defs,
    )) {
      for (const [k, p] of Object.entries(def.properties ?? {})) expect(p.description || p.$ref, k).toBeTruthy();
    }
  });

  it('accepts exports of the whole library, of a collection and of an empty collection', async () => {
    const all = await buildExport(db, 'all', new Date('2026-02-01T00:00:00Z'));
    expect(all.papers.length).toBe(3); // the DBLP sighting merged with the Scholar one
    expect(all.authors.length).toBeGreaterThan(1);
    expect(all.collections?.length).toBe(2);
    expectValid(all);
    expectValid(JSON.parse(JSON.stringify(all)));
    expectValid(await buildExport(db, readingList));
    expectValid(await buildExport(db, emptyOne));
    const empty = new PaperdexDB(`test-export-schema-empty-${n++}`);
    await empty.open();
    expectValid(await buildExport(empty));
    await empty.delete();
  });

  it('declares every field the exporter writes', async () => {
    const all = await buildExport(db);
    const declared = (props: Record<string, unknown>, obj: object, where: string) => {
      for (const k of Object.keys(obj)) expect(Object.keys(props), `${where}.${k}`).toContain(k);
    };
    const defs = schema.$defs;
    declared(schema.properties, all, '(root)');
    declared(schema.properties.collection.properties, all.collection, 'collection');
    for (const p of all.papers) {
      declared(defs.paper.properties, p, 'paper');
      if (p.ids) declared(defs.paperIds.properties, p.ids, 'paper.ids');
      for (const s of p.sources) declared(defs.source.properties, s, 'paper.sources[]');
    }
    for (const a of all.authors) {
      declared(defs.author.properties, a, 'author');
      for (const p of a.profiles) declared(defs.profile.properties, p, 'author.profiles[]');
      for (const r of a.reported) {
        declared(defs.reported.properties, r, 'author.reported[]');
        if (r.since) declared(defs.reported.properties.since.properties, r.since, 'author.reported[].since');
      }
    }
    for (const c of all.collections ?? []) declared(defs.namedCollection.properties, c, 'collections[]');
  });

  it('allows unknown extra fields (later versions add fields)', async () => {
    const doc = JSON.parse(JSON.stringify(await buildExport(db))) as CollectionExportV1 & Record<string, unknown>;
    doc.newTopLevel = { anything: true };
    (doc.papers[0] as unknown as Record<string, unknown>).rating = 5;
    expectValid(doc);
  });

  it('rejects invalid documents', async () => {
    const good = JSON.stringify(await buildExport(db));
    const mutate = (f: (d: any) => void) => {
      const d = JSON.parse(good);
      f(d);
      return d;
    };
    const cases: [string, (d: any) => void][] = [
      ['wrong format', (d) => (d.format = 'zotero/library')],
      ['future version', (d) => (d.version = 2)],
      ['version as string', (d) => (d.version = '1')],
      ['missing papers', (d) => delete d.papers],
      ['authors of a paper as a string', (d) => (d.papers[2].authors = 'A, B')],
      ['missing title', (d) => delete d.papers[0].title],
      ['blank title', (d) => (d.papers[0].title = '   ')],
      ['null optional field', (d) => (d.papers[0].venue = null)],
      ['year not an integer', (d) => (d.papers[0].year = 2018.5)],
      ['negative citations', (d) => (d.papers[0].citations = -1)],
      ['non-http url', (d) => (d.papers[0].url = 'javascript:alert(1)')],
      ['ftp pdf', (d) => (d.papers[0].pdfUrl = 'ftp://example.org/x.pdf')],
      ['unknown site', (d) => (d.papers[0].sources[0].site = 'myspace')],
      ['bad capturedAt', (d) => (d.papers[0].sources[0].capturedAt = '2026-13-45')],
      ['bad exportedAt', (d) => (d.exportedAt = 'yesterday')],
      ['ids not an object', (d) => (d.papers[0].ids = ['doi'])],
      ['author without profiles', (d) => delete d.authors[0].profiles],
      ['reported metric as text', (d) => (d.authors.find((a: any) => a.reported.length).reported[0].hIndex = '17')],
      [
        'citationsPerYear value as text',
        (d) => (d.authors.find((a: any) => a.reported.length).reported[0].citationsPerYear['2018'] = 'many'),
      ],
      ['collection named All papers', (d) => (d.collections[0].name = 'All papers')],
      ['paperIds not an array', (d) => (d.collections[0].paperIds = 'p-1')],
      ['title too long', (d) => (d.papers[0].title = 'x'.repeat(200_001))],
      ['papers not an array', (d) => (d.papers = {})],
    ];
    for (const [label, f] of cases) {
      const d = mutate(f);
      expect(validate(d), label).toBe(false);
      expect(validateExport(d).ok, label).toBe(false);
    }
  });

  it('accepts the site ids of files written before an id was renamed', async () => {
    const doc = JSON.parse(JSON.stringify(await buildExport(db)));
    doc.papers[0].sources[0].site = 'seed-search';
    doc.authors[0].profiles.push({ site: 'seed-author', url: 'https://example.org/~kietzig' });
    expectValid(doc);
  });

  it('uses the same URL and timestamp rules as the importer', () => {
    for (const u of ['https://example.org/x', 'HTTP://EXAMPLE.ORG', 'http://[::1]:8080/a?b#c']) expect(isHttpUrl(u), u).toBe(true);
    for (const u of ['javascript:alert(1)', 'ftp://x.org', 'http:/x', 'www.example.org', 'http://']) expect(isHttpUrl(u), u).toBe(false);
    expectInvalid({
      format: 'paperdex/collection',
      version: 1,
      exportedAt: '2026-01-01',
      collection: { id: 'all', name: 'All papers' },
      papers: [],
      authors: [],
    });
    expectValid({
      format: 'paperdex/collection',
      version: 1,
      exportedAt: '2026-01-01T00:00:00+02:00',
      collection: { id: 'all', name: 'All papers' },
      papers: [],
      authors: [],
    });
  });
});
