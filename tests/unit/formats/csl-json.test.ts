import { describe, expect, it } from 'vitest';
import type { ExportedPaper } from '../../../lib/interchange/export';
import { toBibtex } from '../../../lib/interchange/bibtex/bibtex';
import { parseCslJson, toCslJson } from '../../../lib/interchange/csl-json/csl-json';

const paper = (p: Partial<ExportedPaper> & { title: string }): ExportedPaper => ({ id: 'p-x', authors: [], sources: [], ...p });

const papers: ExportedPaper[] = [
  paper({
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer'],
    authorsTruncated: true,
    year: 2017,
    date: '2017-12-04',
    venue: 'Advances in Neural Information Processing Systems',
    ids: { doi: '10.5555/3295222.3295349', arxiv: '1706.03762' },
    categories: ['cs.CL'],
    url: 'https://papers.nips.cc/paper/7181',
  }),
  paper({
    title: 'BERT: Pre-training of Deep Bidirectional Transformers',
    authors: ['Devlin, Jacob', 'Bart van Merriënboer', 'OpenAI', 'Henry Ford Jr.'],
    year: 2018,
    venue: 'arXiv preprint arXiv:1810.04805',
    ids: { arxiv: '1810.04805' },
    keywords: ['NLP', 'transformers'],
    abstract: 'We introduce\nBERT.',
  }),
  paper({
    title: 'Deep learning',
    authors: ['Yann LeCun'],
    year: 2015,
    date: '2015-05',
    venue: 'Nature',
    ids: { doi: '10.1038/nature14539' },
  }),
  paper({ title: 'A thesis', authors: ['A Student'], type: 'mastersthesis', venue: 'MIT' }),
];

describe('toCslJson', () => {
  it('writes the items Zotero and citeproc read', () => {
    expect(toCslJson(papers)).toEqual([
      {
        id: 'vaswani2017attention',
        type: 'paper-conference',
        title: 'Attention Is All You Need',
        author: [
          { family: 'Vaswani', given: 'Ashish' },
          { family: 'Shazeer', given: 'Noam' },
        ],
        issued: { 'date-parts': [[2017, 12, 4]] },
        'container-title': 'Advances in Neural Information Processing Systems',
        DOI: '10.5555/3295222.3295349',
        URL: 'https://papers.nips.cc/paper/7181',
        note: 'arXiv:1706.03762 [cs.CL]',
      },
      {
        id: 'devlin2018bert',
        type: 'article',
        title: 'BERT: Pre-training of Deep Bidirectional Transformers',
        author: [
          { family: 'Devlin', given: 'Jacob' },
          { family: 'van Merriënboer', given: 'Bart' },
          { literal: 'OpenAI' },
          { family: 'Ford', given: 'Henry', suffix: 'Jr.' },
        ],
        issued: { 'date-parts': [[2018]] },
        publisher: 'arXiv',
        number: 'arXiv:1810.04805',
        abstract: 'We introduce BERT.',
        keyword: 'NLP, transformers',
      },
      {
        id: 'lecun2015deep',
        type: 'article-journal',
        title: 'Deep learning',
        author: [{ family: 'LeCun', given: 'Yann' }],
        issued: { 'date-parts': [[2015, 5]] },
        'container-title': 'Nature',
        DOI: '10.1038/nature14539',
      },
      {
        id: 'studentthesis',
        type: 'thesis',
        genre: "Master's thesis",
        title: 'A thesis',
        author: [{ family: 'Student', given: 'A' }],
        publisher: 'MIT',
      },
    ]);
  });

  it('uses the same ids as the BibTeX keys', () => {
    const keys = [...toBibtex(papers).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(toCslJson(papers).map((i) => i.id)).toEqual(keys);
  });

  it('is plain JSON (survives stringify/parse unchanged)', () => {
    const items = toCslJson(papers);
    expect(JSON.parse(JSON.stringify(items))).toEqual(items);
  });
});

describe('parseCslJson', () => {
  it('round-trips title, authors, year, DOI, arXiv id, venue and type', () => {
    const { papers: back, errors } = parseCslJson(JSON.parse(JSON.stringify(toCslJson(papers))));
    expect(errors).toEqual([]);
    expect(back).toEqual([
      {
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        year: 2017,
        date: '2017-12-04',
        venue: 'Advances in Neural Information Processing Systems',
        categories: ['cs.CL'],
        ids: { doi: '10.5555/3295222.3295349', arxiv: '1706.03762' },
        url: 'https://papers.nips.cc/paper/7181',
        type: 'inproceedings',
        citeKey: 'vaswani2017attention',
      },
      {
        title: 'BERT: Pre-training of Deep Bidirectional Transformers',
        authors: ['Jacob Devlin', 'Bart van Merriënboer', 'OpenAI', 'Henry Ford, Jr.'],
        year: 2018,
        venue: 'arXiv',
        abstract: 'We introduce BERT.',
        keywords: ['NLP', 'transformers'],
        ids: { arxiv: '1810.04805' },
        type: 'preprint',
        citeKey: 'devlin2018bert',
      },
      {
        title: 'Deep learning',
        authors: ['Yann LeCun'],
        year: 2015,
        date: '2015-05',
        venue: 'Nature',
        ids: { doi: '10.1038/nature14539' },
        type: 'article',
        citeKey: 'lecun2015deep',
      },
      { title: 'A thesis', authors: ['A Student'], venue: 'MIT', type: 'mastersthesis', citeKey: 'studentthesis' },
    ]);
  });

  it('reads a Zotero CSL-JSON export (particles, rich-text titles, string dates, numeric ids)', () => {
    const zotero = [
      {
        id: 'http://zotero.org/users/1/items/ABCD1234',
        type: 'article-journal',
        title: 'The <i>E. coli</i> genome and <span class="nocase">mRNA</span>',
        'container-title': 'Science',
        volume: '277',
        page: '1453-1462',
        DOI: 'https://doi.org/10.1126/SCIENCE.277.5331.1453',
        author: [
          { family: 'Blattner', given: 'Frederick R.' },
          { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
          { literal: 'The E. coli Consortium' },
        ],
        issued: { 'date-parts': [['1997', '9', '5']] },
      },
      {
        id: 7,
        type: 'webpage',
        title: 'A page',
        issued: { raw: 'March 2020' },
        URL: 'https://arxiv.org/abs/2003.00001v2',
        keyword: ['a', 'b'],
      },
    ];
    const r = parseCslJson(zotero);
    expect(r.errors).toEqual([]);
    expect(r.papers).toEqual([
      {
        title: 'The E. coli genome and mRNA',
        authors: ['Frederick R. Blattner', 'Ludwig van Beethoven', 'The E. coli Consortium'],
        year: 1997,
        date: '1997-09-05',
        venue: 'Science',
        volume: '277',
        pages: '1453-1462',
        ids: { doi: '10.1126/science.277.5331.1453' },
        type: 'article',
        citeKey: 'http://zotero.org/users/1/items/ABCD1234',
      },
      {
        title: 'A page',
        authors: [],
        year: 2020,
        keywords: ['a', 'b'],
        ids: { arxiv: '2003.00001' },
        url: 'https://arxiv.org/abs/2003.00001v2',
        type: 'webpage',
        citeKey: '7',
      },
    ]);
  });

  it('rejects a non-array', () => {
    for (const v of [null, undefined, 42, 'x', { title: 'T' }]) {
      expect(parseCslJson(v)).toEqual({ papers: [], errors: [{ index: -1, message: 'Expected a JSON array of CSL items' }] });
    }
  });

  it('names the index of every bad item and imports nothing', () => {
    const r = parseCslJson([
      { id: 'ok', title: 'Fine' },
      { id: 'a', type: 'book' },
      'not an object',
      { title: '   ' },
      { title: 42 },
      { title: 'T', author: 'Smith' },
      { title: 'T', author: [{ family: 'A' }, 5] },
      { title: 'T', DOI: 10 },
      { title: 'T', keyword: { a: 1 } },
      null,
    ]);
    expect(r.papers).toEqual([]);
    expect(r.errors).toEqual([
      { index: 1, message: 'Item 1 ("a") has no title' },
      { index: 2, message: 'Item 2 is not an object' },
      { index: 3, message: 'Item 3 has no title' },
      { index: 4, message: 'Item 4 has a non-string "title"' },
      { index: 5, message: 'Item 5 "author" is not an array' },
      { index: 6, message: 'Item 6 author 1 is not a name object' },
      { index: 7, message: 'Item 7 has a non-string "DOI"' },
      { index: 8, message: 'Item 8 "keyword" is not a string' },
      { index: 9, message: 'Item 9 is not an object' },
    ]);
  });

  it('treats hostile strings as text', () => {
    const r = parseCslJson([
      {
        title: '=HYPERLINK("x")\u0000 }{ \n<script>',
        author: [{ family: '"; DROP', given: '\t' }],
        constructor: 'x',
        __proto__: { title: 'y' },
      },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.papers).toEqual([{ title: '=HYPERLINK("x") }{ <script>', authors: ['"; DROP'] }]);
  });
});

describe('PubMed ids in CSL-JSON', () => {
  it('PMID and PMCID are written and read back', () => {
    const [item] = toCslJson([
      {
        id: 'p-1',
        title: 'A PubMed paper',
        authors: ['Ann Lee'],
        year: 2022,
        ids: { doi: '10.1038/x', pmid: '36516211', pmcid: 'PMC9812345' },
        sources: [],
      },
    ] as never);
    expect(item).toMatchObject({ DOI: '10.1038/x', PMID: '36516211', PMCID: 'PMC9812345' });
    const back = parseCslJson([item]);
    expect(back.papers[0].ids).toEqual({ doi: '10.1038/x', pmid: '36516211', pmcid: 'PMC9812345' });
  });
});
