// PaperMemory import: a memory export (papermemory/PaperMemory-data-….json, written by hand in the
// format of PaperMemory's options page "Export your full Memory data": its `papers` storage object,
// keyed by PaperMemory id, with `__dataVersion`) is recognised, every paper mapped (ids, authors,
// year, venue, links, the user's star, tags and note), a bad paper refuses the whole file by name,
// and the collection the file offers is created only when chosen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../../lib/store/db';
import {
  ImportError,
  importParsed,
  offeredCollection,
  parseImportFile,
  withCollectionChoice,
} from '../../../lib/interchange/import/import';
import type { PaperRecord } from '../../../lib/core/types';

const FILE = 'PaperMemory-data-12.05.2025-10.31.07.json';
const text = readFileSync(join(import.meta.dirname, 'papermemory', FILE), 'utf8');
const memory = () => JSON.parse(text) as Record<string, any>;

let n = 0;
let db: PaperdexDB;
beforeEach(async () => {
  db = new PaperdexDB(`test-papermemory-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function refused(name: string, body: string): ImportError {
  try {
    parseImportFile(name, body);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('the file was accepted');
}

const byTitle = async (title: string): Promise<PaperRecord> => {
  const all = await db.papers.toArray();
  const p = all.find((x) => x.title === title);
  if (!p) throw new Error(`no paper "${title}" among ${all.map((x) => x.title).join(' | ')}`);
  return p;
};

describe('PaperMemory export', () => {
  it('is recognised and read whole: six papers, offering a "PaperMemory" collection', () => {
    const p = parseImportFile(FILE, text);
    expect(p.kind).toBe('papermemory');
    expect(p.count).toBe(6);
    expect(p.warnings).toEqual([]);
    expect(offeredCollection(p)).toBe('PaperMemory');
    // The user's layer as read from the file (what the library keeps of it is checked below).
    const layer = (title: string) => {
      const x = p.papers.find((q) => q.title === title) as Record<string, unknown>;
      return { starred: x.starred, tags: x.tags, note: x.note };
    };
    expect(layer('Attention Is All You Need')).toEqual({
      starred: true,
      tags: ['transformers', 'reading-group'],
      note: 'Accepted @ NeurIPS (2017) -- [dblp.org]\nRe-read section 3.2 on multi-head attention before the reading group.',
    });
    expect(layer('Deep learning')).toEqual({ starred: undefined, tags: ['survey', 'to-cite'], note: undefined });
  });

  it('imports each paper as the file describes it', async () => {
    const s = await importParsed(db, withCollectionChoice(parseImportFile(FILE, text), null));
    expect(s).toMatchObject({ papersNew: 6, papersMerged: 0, collections: [], cancelled: false });
    expect(await db.collections.count()).toBe(0);

    // An arXiv preprint PaperMemory later matched to its NeurIPS version (DBLP's BibTeX): starred,
    // two tags, and a note the user added under PaperMemory's own status line.
    const attention = await byTitle('Attention Is All You Need');
    expect(attention).toMatchObject({
      authors: [
        'Ashish Vaswani',
        'Noam Shazeer',
        'Niki Parmar',
        'Jakob Uszkoreit',
        'Llion Jones',
        'Aidan N. Gomez',
        'Lukasz Kaiser',
        'Illia Polosukhin',
      ],
      year: 2017,
      venue: 'NeurIPS',
      ids: { arxiv: '1706.03762', dblp: 'conf/nips/VaswaniSPUJGKP17' },
      url: 'https://arxiv.org/abs/1706.03762',
      pdfUrl: 'https://arxiv.org/pdf/1706.03762.pdf',
      codeUrl: 'https://github.com/tensorflow/tensor2tensor',
      starred: true,
      tags: ['transformers', 'reading-group'],
      note: 'Accepted @ NeurIPS (2017) -- [dblp.org]\nRe-read section 3.2 on multi-head attention before the reading group.',
    });
    expect(attention.ids.doi).toBeUndefined();

    // An old-style arXiv id (Arxiv-hep-th_9711200 is hep-th/9711200), no venue: a preprint.
    const maldacena = await byTitle('The Large N Limit of Superconformal Field Theories and Supergravity');
    expect(maldacena).toMatchObject({
      authors: ['Juan M. Maldacena'],
      year: 1997,
      ids: { arxiv: 'hep-th/9711200' },
      url: 'https://arxiv.org/abs/hep-th/9711200',
      pdfUrl: 'https://arxiv.org/pdf/hep-th/9711200.pdf',
    });
    expect(maldacena.venue).toBeUndefined();
    expect(maldacena.starred).toBeUndefined();
    expect(maldacena.tags ?? []).toEqual([]);
    expect(maldacena.note).toBeUndefined();

    // OpenReview: the forum id from the PDF link; the note is only PaperMemory's decision line.
    const vit = await byTitle('An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale');
    expect(vit).toMatchObject({
      year: 2021,
      venue: 'ICLR 2021',
      ids: { openreview: 'YicbFdNTTy' },
      url: 'https://openreview.net/forum?id=YicbFdNTTy',
      pdfUrl: 'https://openreview.net/pdf?id=YicbFdNTTy',
      tags: ['vision'],
    });
    expect(vit.authors).toHaveLength(12);
    expect(vit.authors[0]).toBe('Alexey Dosovitskiy');
    expect(vit.authors[11]).toBe('Neil Houlsby');
    expect(vit.note).toBeUndefined();

    // A DOI paper (Nature).
    const lecun = await byTitle('Deep learning');
    expect(lecun).toMatchObject({
      authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
      year: 2015,
      venue: 'Nature',
      ids: { doi: '10.1038/nature14539' },
      url: 'https://www.nature.com/articles/nature14539',
      pdfUrl: 'https://www.nature.com/articles/nature14539.pdf',
      tags: ['survey', 'to-cite'],
    });
    expect(lecun.note).toBeUndefined();

    // ACL Anthology: the Anthology id and the DOI, the abstract from the BibTeX.
    const acl = await byTitle('When do Word Embeddings Accurately Reflect Surveys on our Beliefs About People?');
    expect(acl).toMatchObject({
      authors: ['Kenneth Joseph', 'Jonathan Morgan'],
      year: 2020,
      venue: 'ACL',
      ids: { acl: '2020.acl-main.405', doi: '10.18653/v1/2020.acl-main.405' },
      url: 'https://aclanthology.org/2020.acl-main.405',
      pdfUrl: 'https://aclanthology.org/2020.acl-main.405.pdf',
      abstract:
        'Social biases are encoded in word embeddings. This presents a unique opportunity to study society historically and at scale.',
    });

    // An entry of an older data version: `conf` instead of `venue`, no `doi`, the user's own note.
    const jmlr = await byTitle('Random Search for Hyper-Parameter Optimization');
    expect(jmlr).toMatchObject({
      authors: ['James Bergstra', 'Yoshua Bengio'],
      year: 2012,
      venue: 'JMLR',
      url: 'https://jmlr.org/papers/v13/bergstra12a.html',
      pdfUrl: 'https://www.jmlr.org/papers/volume13/bergstra12a/bergstra12a.pdf',
      tags: ['hyperparameters'],
      note: 'Use as the baseline for the tuning section; compare with Hyperband.',
    });
    expect(jmlr.starred).toBeUndefined();
  });

  it('puts the papers in a new collection when asked, under the name chosen', async () => {
    const s = await importParsed(db, withCollectionChoice(parseImportFile(FILE, text), '  From   PaperMemory '));
    expect(s.collections.map((c) => c.name)).toEqual(['From PaperMemory']);
    const [c] = await db.collections.toArray();
    expect(c.name).toBe('From PaperMemory');
    expect(await db.papers.where('collectionIds').equals(c.id).count()).toBe(6);
  });

  it('merges with papers the library has, by their ids', async () => {
    await importParsed(db, withCollectionChoice(parseImportFile(FILE, text), null));
    const again = await importParsed(db, withCollectionChoice(parseImportFile('second.json', text), null));
    expect(again).toMatchObject({ papersNew: 0, papersMerged: 6 });
    expect(await db.papers.count()).toBe(6);
  });

  it('refuses the whole file for one bad paper, naming it', async () => {
    const m = memory();
    m['OR-ICLR-2021_YicbFdNTTy'].tags = 'vision';
    const e = refused(FILE, JSON.stringify(m));
    expect(e.message).toBe(
      'Paper "OR-ICLR-2021_YicbFdNTTy" (“An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale”) has "tags" that are not a list of texts. Nothing was imported.',
    );
    expect(e.where).toBe('OR-ICLR-2021_YicbFdNTTy');

    const untitled = memory();
    untitled['Nature-2015_b3c2a1f0'].title = '  ';
    untitled['JMLR-2012_bergstra12a'] = 'not a paper';
    expect(refused(FILE, JSON.stringify(untitled)).message).toBe(
      'Paper "Nature-2015_b3c2a1f0" has no title (and 1 more paper with a problem). Nothing was imported.',
    );

    const starredText = memory();
    starredText['Arxiv-1706.03762'].favorite = 'yes';
    expect(refused(FILE, JSON.stringify(starredText)).message).toMatch(
      /^Paper "Arxiv-1706\.03762" \(“Attention Is All You Need”\) has a "favorite" that is not true or false\./,
    );
    expect(await db.papers.count()).toBe(0);
  });

  it('refuses a memory with no papers, and a paper id twice', () => {
    expect(refused(FILE, '{"__dataVersion": 10000}').message).toBe('This PaperMemory export holds no papers.');
    const one = JSON.stringify(memory()['Arxiv-1706.03762']);
    expect(refused(FILE, `{"Arxiv-1706.03762": ${one}, "Arxiv-1706.03762": ${one}, "__dataVersion": 10000}`).message).toMatch(
      /Arxiv-1706\.03762/,
    );
  });

  it('reads a paper whose BibTeX is broken without it, and says so', () => {
    const m = memory();
    m['JMLR-2012_bergstra12a'].bibtex = '@article{JMLR:v13:bergstra12a,\n  title = {Random Search';
    const p = parseImportFile(FILE, JSON.stringify(m));
    expect(p.count).toBe(6);
    expect(p.warnings).toEqual([expect.stringMatching(/^Paper "JMLR-2012_bergstra12a": its BibTeX could not be read/)]);
    expect(p.papers.find((x) => x.title === 'Random Search for Hyper-Parameter Optimization')).toMatchObject({
      year: 2012,
      venue: 'JMLR',
      pdfUrl: 'https://www.jmlr.org/papers/volume13/bergstra12a/bergstra12a.pdf',
    });
  });
});

describe('the collection a file offers', () => {
  const bib =
    '@inproceedings{k1,\n title={Deep {L}earning},\n author={Smith, Alice and Jones, Bob},\n year=2015,\n booktitle={NeurIPS}\n}\n';

  it('is named after a BibTeX or CSL-JSON file; a Paperdex export offers none', () => {
    expect(offeredCollection(parseImportFile('My refs.bib', bib))).toBe('My refs');
    expect(offeredCollection(parseImportFile('zotero.json', JSON.stringify([{ id: 'a', type: 'book', title: 'A Book' }])))).toBe('zotero');
  });

  it('is created only when chosen', async () => {
    await importParsed(db, withCollectionChoice(parseImportFile('My refs.bib', bib), null));
    expect(await db.collections.count()).toBe(0);
    expect(await db.papers.count()).toBe(1);
    const s = await importParsed(db, withCollectionChoice(parseImportFile('My refs.bib', bib), 'My refs'));
    expect(s.collections.map((c) => c.name)).toEqual(['My refs']);
    const [c] = await db.collections.toArray();
    expect(await db.papers.where('collectionIds').equals(c.id).count()).toBe(1);
  });

  it('cannot be named "All papers" or nothing', () => {
    const p = parseImportFile('My refs.bib', bib);
    expect(() => withCollectionChoice(p, '  ')).toThrow(ImportError);
    expect(() => withCollectionChoice(p, 'all papers')).toThrow(/not "All papers"/);
  });
});
