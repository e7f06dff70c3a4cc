// The user's own layer in files: Paperdex JSON carries it (valid against the published JSON Schema)
// and an import merges it (tags united, the newer star/status/note kept, the older note kept in the
// note history and reported); BibTeX writes tags into `keywords` and the note as `annote` (and reads
// `annote` back as the note, `keywords` as keywords); CSL-JSON writes tags into `keyword` and the
// note into `note`; CSV has starred / status / tags / note columns, formula-guarded.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { wipeLibrary } from '../../lib/store/collections';
import { setNote, setStarred, setStatus, setTags } from '../../lib/store/user-layer';
import { buildExport, serializeExport, type ExportedPaper } from '../../lib/interchange/export';
import { importFile } from '../../lib/interchange/import/import';
import { isIsoTimestamp } from '../../lib/interchange/import/import-schema';
import { parseBibtex, toBibtex } from '../../lib/interchange/bibtex/bibtex';
import { parseCslJson, toCslJson } from '../../lib/interchange/csl-json/csl-json';
import { toCsv } from '../../lib/interchange/csv/csv';
import { mergeUserLayer } from '../../lib/core/identity';
import { MAX_NOTE_HISTORY } from '../../lib/core/fields';
import type { ScrapeResult } from '../../lib/core/types';

const schemaPath = fileURLToPath(new URL('../../public/paperdex-collection.schema.json', import.meta.url));
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', isIsoTimestamp);
ajv.addFormat('uri', () => true);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const T1 = '2026-02-01T09:00:00.000Z';
const T2 = '2026-02-02T09:00:00.000Z';
const T3 = '2026-02-03T09:00:00.000Z';

describe('mergeUserLayer', () => {
  const now = new Date('2026-05-05T05:05:05.000Z');

  it('unites tags, the library’s first, one per spelling ignoring case', () => {
    expect(mergeUserLayer({ tags: ['ML', 'to cite'] }, { tags: ['ml', 'survey', ' to  cite '] }, now).layer.tags).toEqual([
      'ML',
      'to cite',
      'survey',
    ]);
  });

  it('keeps the newer star and status (absent in the newer layer: cleared)', () => {
    const have = { starred: true, status: 'reading' as const, userUpdatedAt: T1 };
    expect(mergeUserLayer(have, { status: 'read', userUpdatedAt: T2 }, now).layer).toEqual({ status: 'read', userUpdatedAt: T2 });
    expect(mergeUserLayer(have, { status: 'toread', userUpdatedAt: '2026-01-01T00:00:00.000Z' }, now).layer).toEqual(have);
    // A layer without a date (a BibTeX file) never overrides one the user set.
    expect(mergeUserLayer(have, { starred: undefined, status: 'toread' }, now).layer).toEqual(have);
    // A paper the user never touched takes the file's.
    expect(mergeUserLayer({}, { starred: true, status: 'toread' }, now).layer).toEqual({ starred: true, status: 'toread' });
  });

  it('keeps the newer note and the other one in the history, dated, and says which it replaced', () => {
    const r = mergeUserLayer({ note: 'old thoughts', userUpdatedAt: T1 }, { note: 'new thoughts', userUpdatedAt: T2 }, now);
    expect(r).toEqual({
      layer: { note: 'new thoughts', noteHistory: [{ note: 'old thoughts', at: T1 }], userUpdatedAt: T2 },
      replacedNote: 'old thoughts',
    });
    // The file's note is the older one: the library's stays, the file's goes to the history.
    const older = mergeUserLayer({ note: 'mine', userUpdatedAt: T2 }, { note: 'from the file', userUpdatedAt: T1 }, now);
    expect(older.layer).toMatchObject({ note: 'mine', noteHistory: [{ note: 'from the file', at: T1 }] });
    expect(older.replacedNote).toBe('from the file');
    // An undated note (BibTeX annote) loses to the library's and is dated by the import.
    const undated = mergeUserLayer({ note: 'mine', userUpdatedAt: T2 }, { note: 'annote text' }, now);
    expect(undated.layer.noteHistory).toEqual([{ note: 'annote text', at: now.toISOString() }]);
  });

  it('changes nothing for the same note, and takes the note when only one side has one', () => {
    expect(mergeUserLayer({ note: 'same', userUpdatedAt: T1 }, { note: 'same ', userUpdatedAt: T2 }, now)).toEqual({
      layer: { note: 'same', userUpdatedAt: T2 },
    });
    expect(mergeUserLayer({ userUpdatedAt: T2 }, { note: 'only in the file', userUpdatedAt: T1 }, now).layer.note).toBe('only in the file');
  });

  it('unites the histories, oldest first, without repeats, and keeps the newest ones', () => {
    const h = (i: number) => ({ note: `n${i}`, at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() });
    const a = Array.from({ length: 15 }, (_, i) => h(i));
    const b = Array.from({ length: 15 }, (_, i) => h(i + 10));
    const m = mergeUserLayer({ noteHistory: a, note: 'n3' }, { noteHistory: b }, now).layer.noteHistory!;
    expect(m).toHaveLength(MAX_NOTE_HISTORY);
    // n3 is the current note: not repeated in the history.
    expect(m.map((x) => x.note)).toEqual(
      Array.from({ length: 25 }, (_, i) => `n${i}`)
        .filter((x) => x !== 'n3')
        .slice(-MAX_NOTE_HISTORY),
    );
  });
});

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-user-layer-files-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const PAGE: ScrapeResult = {
  site: 'arxiv',
  kind: 'listing',
  url: 'https://arxiv.org/list/cs.CL/new',
  papers: [
    {
      title: 'Sparse attention for long documents',
      authors: ['Ana Rivera', 'Ben Okoye'],
      year: 2024,
      ids: { arxiv: '2401.00001' },
      categories: ['cs.CL'],
      keywords: ['attention', 'Long context'],
    },
    { title: 'Capsule networks revisited', authors: ['Chidi Okafor'], year: 2023, ids: { arxiv: '2301.00002' } },
  ],
};

/** Capture the page and give its first paper a layer at these times. */
async function library(): Promise<string> {
  const s = await saveCapture(db, PAGE);
  const id = s.paperIds[0];
  await setStarred(db, id, true, Date.parse(T1));
  await setStatus(db, id, 'toread', Date.parse(T1));
  await setTags(db, id, ['reading group', 'long context'], Date.parse(T1));
  await setNote(db, id, 'Check the proof\nof Lemma 2.', Date.parse(T1));
  return id;
}

describe('Paperdex JSON', () => {
  it('exports the layer as optional fields, valid against the JSON Schema, and only where there is one', async () => {
    const id = await library();
    const doc = await buildExport(db);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const [p, q] = [doc.papers.find((x) => x.id === id)!, doc.papers.find((x) => x.id !== id)!];
    expect(p).toMatchObject({
      starred: true,
      status: 'toread',
      tags: ['reading group', 'long context'],
      note: 'Check the proof\nof Lemma 2.',
      userUpdatedAt: T1,
    });
    for (const k of ['starred', 'status', 'tags', 'note', 'noteHistory', 'userUpdatedAt']) expect(q, k).not.toHaveProperty(k);
    // The fields come after the paper's own fields and before its sightings.
    const keys = Object.keys(p);
    expect(keys.indexOf('starred')).toBeGreaterThan(keys.indexOf('ids'));
    expect(keys.indexOf('userUpdatedAt')).toBeLessThan(keys.indexOf('sources'));
  });

  it('refuses a file with a bad status or too many tags, saying where', async () => {
    const id = await library();
    const doc = await buildExport(db);
    const bad = structuredClone(doc);
    (bad.papers.find((x) => x.id === id) as Record<string, unknown>).status = 'skimmed';
    await expect(importFile(db, 'x.json', JSON.stringify(bad))).rejects.toThrow(
      /papers\[\d\]\.status: expected one of "toread", "reading", "read", got "skimmed"/,
    );
    (bad.papers.find((x) => x.id === id) as Record<string, unknown>).status = 'read';
    (bad.papers.find((x) => x.id === id) as Record<string, unknown>).tags = Array.from({ length: 101 }, (_, i) => `t${i}`);
    await expect(importFile(db, 'x.json', JSON.stringify(bad))).rejects.toThrow(/papers\[\d\]\.tags: too many entries \(101\)/);
  });

  it('comes back whole after a wipe: export → wipe → import → the same export', async () => {
    await library();
    const before = await serializeExport(await buildExport(db, 'all', new Date(T3)));
    await wipeLibrary(db);
    await importFile(db, 'paperdex-all-papers.json', before);
    expect(await serializeExport(await buildExport(db, 'all', new Date(T3)))).toBe(before);
  });

  it('merges into the library: tags united, the newer note kept, the older one in the history and in the summary', async () => {
    const id = await library();
    const doc = await buildExport(db);
    // The same library on another machine, a day later: unstarred, read, another tag, another note.
    const file = structuredClone(doc);
    const p = file.papers.find((x) => x.id === id)! as ExportedPaper & Record<string, unknown>;
    delete p.starred;
    Object.assign(p, { status: 'read', tags: ['Reading Group', 'survey'], note: 'Lemma 2 is fine.', userUpdatedAt: T2 });

    const summary = await importFile(db, 'other-machine.json', JSON.stringify(file));
    expect(summary.notesReplaced).toEqual([{ paperId: id, title: 'Sparse attention for long documents' }]);
    const got = (await db.papers.get(id))!;
    expect(got).toMatchObject({
      status: 'read',
      tags: ['reading group', 'long context', 'survey'],
      note: 'Lemma 2 is fine.',
      noteHistory: [{ note: 'Check the proof\nof Lemma 2.', at: T1 }],
      userUpdatedAt: T2,
    });
    expect(got).not.toHaveProperty('starred');

    // The same file again: nothing more to merge.
    const again = await importFile(db, 'other-machine.json', JSON.stringify(file));
    expect(again.notesReplaced).toEqual([]);
    expect((await db.papers.get(id))!.noteHistory).toHaveLength(1);
  });

  it('an older file changes no star, status or note, but still adds its tags and keeps its note in the history', async () => {
    const id = await library();
    const file = structuredClone(await buildExport(db));
    const p = file.papers.find((x) => x.id === id)! as ExportedPaper & Record<string, unknown>;
    Object.assign(p, {
      starred: undefined,
      status: 'reading',
      tags: ['old tag'],
      note: 'An early note.',
      userUpdatedAt: '2025-12-01T00:00:00.000Z',
    });
    delete p.starred;
    const summary = await importFile(db, 'backup.json', JSON.stringify(file));
    expect(summary.notesReplaced.map((x) => x.paperId)).toEqual([id]);
    expect((await db.papers.get(id))!).toMatchObject({
      starred: true,
      status: 'toread',
      tags: ['reading group', 'long context', 'old tag'],
      note: 'Check the proof\nof Lemma 2.',
      noteHistory: [{ note: 'An early note.', at: '2025-12-01T00:00:00.000Z' }],
      userUpdatedAt: T1,
    });
  });
});

describe('BibTeX', () => {
  it('writes tags into keywords (with the site’s, each once) and the note as annote', async () => {
    const id = await library();
    const doc = await buildExport(db);
    const bib = toBibtex(doc.papers.filter((p) => p.id === id));
    expect(bib).toContain('  keywords = {attention, Long context, reading group},\n');
    expect(bib).toContain('  annote = {Check the proof of Lemma 2.}\n');
    expect(toBibtex(doc.papers.filter((p) => p.id !== id))).not.toMatch(/annote|keywords/);
  });

  it('escapes a hostile note like any other field', () => {
    const bib = toBibtex([{ id: 'p-1', title: 'T', authors: [], sources: [], note: '} @misc{evil, title={x} 100% $\\alpha$' }]);
    expect(bib).toContain(
      'annote = {\\textbraceright{} @misc\\textbraceleft{}evil, title=\\textbraceleft{}x\\textbraceright{} 100\\% \\$\\textbackslash{}alpha\\$}',
    );
    expect(parseBibtex(bib).papers).toHaveLength(1);
  });

  it('reads annote (or biblatex annotation) as the note and keywords as keywords, not tags', async () => {
    const text = `@article{a, title = {Sparse attention}, author = {Rivera, Ana}, year = 2024, keywords = {attention, to cite},
  annote = {Read for the {ACL} deadline \\& cite}}
@article{b, title = {Capsules}, author = {Okafor, Chidi}, year = 2023, annotation = {biblatex note}}`;
    expect(parseBibtex(text).papers.map((p) => p.note)).toEqual(['Read for the ACL deadline & cite', 'biblatex note']);
    await importFile(db, 'refs.bib', text);
    const papers = (await db.papers.toArray()).sort((x, y) => x.title.localeCompare(y.title));
    expect(papers.map((p) => [p.title, p.note, p.keywords, p.tags])).toEqual([
      ['Capsules', 'biblatex note', undefined, undefined],
      ['Sparse attention', 'Read for the ACL deadline & cite', ['attention', 'to cite'], undefined],
    ]);
  });
});

describe('CSL-JSON', () => {
  it('writes tags into keyword and the note into note, before the arXiv line', async () => {
    const id = await library();
    const doc = await buildExport(db);
    const [item] = toCslJson(doc.papers.filter((p) => p.id === id));
    expect(item.keyword).toBe('attention, Long context, reading group');
    // A preprint: its arXiv id is in `number`, so the note is the user's alone.
    expect(item.note).toBe('Check the proof\nof Lemma 2.');
    const published: ExportedPaper = {
      id: 'p-2',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani'],
      year: 2017,
      venue: 'NeurIPS',
      type: 'inproceedings',
      ids: { arxiv: '1706.03762' },
      categories: ['cs.CL'],
      note: 'Seminal.',
      sources: [],
    };
    const [p2] = toCslJson([published]);
    expect(p2.note).toBe('Seminal.\narXiv:1706.03762 [cs.CL]');
    // Read back: the arXiv id from its own line; a note is not taken as the user's note.
    const back = parseCslJson([p2]).papers[0];
    expect(back.ids).toEqual({ arxiv: '1706.03762' });
    expect(back.categories).toEqual(['cs.CL']);
    expect(back.note).toBeUndefined();
  });

  it('does not take an arXiv id mentioned inside a note for the paper’s own', () => {
    const back = parseCslJson([{ id: 'x', type: 'article-journal', title: 'A survey', note: 'Compare with arXiv:2301.00001 first.' }]);
    expect(back.papers).toHaveLength(1);
    expect(back.papers[0].ids?.arxiv).toBeUndefined();
  });
});

describe('CSV', () => {
  it('has starred, status, tags and note columns, the note formula-guarded', () => {
    const csv = toCsv([
      {
        id: 'p-1',
        title: 'T',
        authors: [],
        sources: [],
        starred: true,
        status: 'reading',
        tags: ['to cite', '=cmd'],
        note: 'line one\n=HYPERLINK("http://evil.example")',
      },
      { id: 'p-2', title: 'U', authors: [], sources: [] },
    ]);
    const [header, row1, row2] = csv.split('\r\n');
    expect(header.split(',').slice(-4)).toEqual(['starred', 'status', 'tags', 'note']);
    expect(row1.endsWith(',yes,reading,"to cite; \'=cmd","line one\n\'=HYPERLINK(""http://evil.example"")"')).toBe(true);
    expect(row2.endsWith(',,,,')).toBe(true);
  });
});
