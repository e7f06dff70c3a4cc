import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportedPaper } from '../../../lib/interchange/export';
import { parseBibtex, toBibtex } from '../../../lib/interchange/bibtex/bibtex';
import { citeKeyBase, citeKeys } from '../../../lib/interchange/bibtex/cite-keys';
import { decodeLatex } from '../../../lib/interchange/bibtex/latex';
import { splitDisplayName } from '../../../lib/interchange/bibtex/names';
import { paperKind } from '../../../lib/interchange/bibtex/paper-kind';
import { escapeBibtex, protectTitle } from '../../../lib/interchange/bibtex/writer';
import { clean } from '../../../lib/core/text';

const paper = (p: Partial<ExportedPaper> & { title: string }): ExportedPaper => ({ id: 'p-x', authors: [], sources: [], ...p });

const attention = paper({
  id: 'p-1',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
  authorsTruncated: true,
  year: 2017,
  date: '2017-06-12',
  venue: 'Advances in Neural Information Processing Systems',
  ids: { arxiv: '1706.03762', doi: '10.5555/3295222.3295349' },
  categories: ['cs.CL', 'cs.LG'],
  url: 'https://papers.nips.cc/paper/7181',
});

describe('toBibtex', () => {
  it('writes a conference paper with truncated authors, month, DOI and arXiv fields', () => {
    expect(toBibtex([attention])).toBe(
      [
        '@inproceedings{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others},',
        '  year = {2017},',
        '  month = jun,',
        '  booktitle = {Advances in Neural Information Processing Systems},',
        '  doi = {10.5555/3295222.3295349},',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  url = {https://papers.nips.cc/paper/7181}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an arXiv preprint as @misc with eprint fields and protects acronyms', () => {
    const bert = paper({
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      authors: ['Jacob Devlin', 'Ming-Wei Chang'],
      year: 2018,
      venue: 'arXiv preprint arXiv:1810.04805',
      ids: { arxiv: '1810.04805' },
      categories: ['cs.CL'],
      keywords: ['NLP', 'transformers'],
      abstract: 'We introduce a new language representation model called BERT.',
    });
    expect(toBibtex([bert])).toBe(
      [
        '@misc{devlin2018bert,',
        '  title = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},',
        '  author = {Devlin, Jacob and Chang, Ming-Wei},',
        '  year = {2018},',
        '  eprint = {1810.04805},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  abstract = {We introduce a new language representation model called BERT.},',
        '  keywords = {NLP, transformers}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a journal article and keeps Unicode as UTF-8; particles stay with the family name', () => {
    const p = paper({
      title: 'Über die Größe von Straßen',
      authors: ['Bart van Merriënboer', 'Manmatha, R.', 'DeepMind', 'Henry Ford Jr.'],
      year: 2015,
      venue: 'Journal of Machine Learning Research',
      ids: { doi: '10.1000/abc_def' },
    });
    expect(toBibtex([p])).toBe(
      [
        '@article{merrienboer2015uber,',
        '  title = {Über die Größe von Straßen},',
        '  author = {van Merriënboer, Bart and Manmatha, R. and {DeepMind} and Ford, Jr., Henry},',
        '  year = {2015},',
        '  journal = {Journal of Machine Learning Research},',
        '  doi = {10.1000/abc_def}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('separates entries with a blank line, keeps the given order and returns "" for no papers', () => {
    const a = paper({ title: 'Zeta', authors: ['A Zed'], year: 2001 });
    const b = paper({ title: 'Alpha', authors: ['B Bee'], year: 2000 });
    expect(toBibtex([])).toBe('');
    expect(toBibtex([a, b])).toBe(
      '@misc{zed2001zeta,\n  title = {Zeta},\n  author = {Zed, A},\n  year = {2001}\n}\n\n@misc{bee2000alpha,\n  title = {Alpha},\n  author = {Bee, B},\n  year = {2000}\n}\n',
    );
  });

  it('escapes BibTeX/LaTeX specials and a "}" in a title so the file stays balanced', () => {
    const p = paper({ title: 'Fun & Games: 50% of $x_1 {a}} ~ ^ \\ # `q` -- x', authors: ['A B'] });
    expect(toBibtex([p])).toContain(
      'title = {Fun \\& Games: 50\\% of \\$x\\_1 \\textbraceleft{}a\\textbraceright{}\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\# \\textasciigrave{}q\\textasciigrave{} -{}- x},',
    );
  });

  it('drops NUL and control characters and collapses newlines', () => {
    const p = paper({ title: 'A\u0000 title\nwith\r\nbreaks\u0007', authors: ['A B'], abstract: 'Para one.\n\nPara two.' });
    const out = toBibtex([p]);
    expect(out).toContain('title = {A title with breaks},');
    expect(out).toContain('abstract = {Para one. Para two.}');
    expect(out).not.toMatch(/[\u0000-\u0008]/);
  });

  it('percent-encodes braces, backslashes and spaces in URLs (verbatim fields)', () => {
    const p = paper({ title: 'T', authors: ['A B'], url: 'https://example.org/a b/{x}\\y?q=1&r=50%' });
    expect(toBibtex([p])).toContain('url = {https://example.org/a%20b/%7Bx%7D%5Cy?q=1&r=50%}');
  });

  it('braces names containing the word "and" so BibTeX does not split them', () => {
    const p = paper({ title: 'T', authors: ['Barnes and Noble', 'A B'] });
    expect(toBibtex([p])).toContain('author = {{Barnes and Noble} and B, A}\n');
  });

  it('uses primaryClass only for arXiv-style categories', () => {
    const p = paper({ title: 'T', authors: ['A B'], ids: { arxiv: 'hep-th/9901001' }, categories: ['Computer Science'] });
    const out = toBibtex([p]);
    expect(out).toContain('eprint = {hep-th/9901001}');
    expect(out).not.toContain('primaryClass');
  });
});

describe('protectTitle / escapeBibtex', () => {
  it('braces acronyms, mixed case, capitals with digits and lone capitals', () => {
    expect(protectTitle('BERT and GPT-3 on ImageNet with iPhone GANs in 3D')).toBe(
      '{BERT} and {GPT}-3 on {ImageNet} with {iPhone} {GANs} in {3D}',
    );
    expect(protectTitle('A Model for Type B Errors')).toBe('A Model for Type {B} Errors');
    expect(protectTitle('Attention Is All You Need')).toBe('Attention Is All You Need');
  });
  it('escapes every special', () => {
    expect(escapeBibtex('& % $ # _ { } ~ ^ \\')).toBe(
      '\\& \\% \\$ \\# \\_ \\textbraceleft{} \\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
    expect(escapeBibtex("---''")).toBe("-{}-{}-'{}'");
  });
});

describe('cite keys', () => {
  it('is surname + year + first significant word, ascii-folded and lower-case', () => {
    expect(citeKeyBase({ authors: ['Ashish Vaswani'], year: 2017, title: 'Attention Is All You Need' })).toBe('vaswani2017attention');
    expect(citeKeyBase({ authors: ['Bart van Merriënboer'], year: 2014, title: 'On the Properties of Neural Machine Translation' })).toBe(
      'merrienboer2014properties',
    );
    expect(citeKeyBase({ authors: ['Manmatha, R.'], year: 2003, title: 'The Word Spotting' })).toBe('manmatha2003word');
    expect(citeKeyBase({ authors: ['Łukasz Kaiser'], year: 2017, title: 'Ünïcode “quoted” title' })).toBe('kaiser2017unicode');
    expect(citeKeyBase({ authors: ['Aaron Clauset 0001'], year: 2009, title: 'Power-law distributions' })).toBe('clauset2009power');
    expect(citeKeyBase({ authors: [], title: 'Towards a Theory' })).toBe('anontheory');
    expect(citeKeyBase({ authors: ['李 明'], year: 2020, title: '深度学习' })).toBe('anon2020');
  });

  it('de-duplicates deterministically: first keeps the bare key, then a, b, c', () => {
    const p = (title: string) => ({ authors: ['Jane Smith'], year: 2020, title });
    expect(citeKeys([p('Deep nets'), p('Deep trees'), p('Other'), p('Deep forests')])).toEqual([
      'smith2020deep',
      'smith2020deepa',
      'smith2020other',
      'smith2020deepb',
    ]);
  });

  it('never hands out a suffixed key that is another paper’s own key', () => {
    const keys = citeKeys([
      { authors: ['Jane Smith'], year: 2020, title: 'Deep' },
      { authors: ['Jane Smith'], year: 2020, title: 'Deep' },
      { authors: ['Jane Smith'], year: 2020, title: 'Deepa' },
    ]);
    expect(keys).toEqual(['smith2020deep', 'smith2020deepb', 'smith2020deepa']);
    expect(new Set(keys).size).toBe(3);
  });

  it('uses the keys in the file', () => {
    const out = toBibtex([
      paper({ title: 'Deep', authors: ['J Smith'], year: 2020 }),
      paper({ title: 'Deep', authors: ['J Smith'], year: 2020 }),
    ]);
    expect(out.match(/@misc\{[^,]+,/g)).toEqual(['@misc{smith2020deep,', '@misc{smith2020deepa,']);
  });
});

describe('paperKind', () => {
  it('reads types and venues', () => {
    expect(paperKind({ type: 'inproceedings' })).toBe('conference');
    expect(paperKind({ type: 'preprint', venue: 'CoRR' })).toBe('preprint');
    expect(paperKind({ type: 'article', venue: 'arXiv preprint arXiv:1810.04805' })).toBe('preprint');
    expect(paperKind({ venue: 'Proceedings of the National Academy of Sciences' })).toBe('journal');
    expect(paperKind({ venue: 'Proceedings of the 2019 Conference of the North American Chapter of the ACL' })).toBe('conference');
    expect(paperKind({ venue: 'CVPR 2016' })).toBe('conference');
    expect(paperKind({ venue: 'IEEE Transactions on Pattern Analysis and Machine Intelligence' })).toBe('journal');
    expect(paperKind({ venue: 'Nature 521 (7553), 436-444' })).toBe('journal');
    expect(paperKind({ ids: { arxiv: '2301.00001' } })).toBe('preprint');
    expect(paperKind({})).toBe('other');
    expect(paperKind({ type: 'constructor' })).toBe('other');
  });
});

describe('splitDisplayName', () => {
  it('understands the forms sites show', () => {
    expect(splitDisplayName('Manmatha, R.')).toEqual({ family: 'Manmatha', given: 'R.' });
    expect(splitDisplayName('R. Manmatha')).toEqual({ family: 'Manmatha', given: 'R.' });
    expect(splitDisplayName('Bart van Merriënboer')).toEqual({ family: 'van Merriënboer', given: 'Bart' });
    expect(splitDisplayName('Juan de la Cruz')).toEqual({ family: 'de la Cruz', given: 'Juan' });
    expect(splitDisplayName('Van Morrison')).toEqual({ family: 'Morrison', given: 'Van' });
    expect(splitDisplayName('Henry Ford, Jr.')).toEqual({ family: 'Ford', given: 'Henry', suffix: 'Jr.' });
    expect(splitDisplayName('Ford, Jr., Henry')).toEqual({ family: 'Ford', given: 'Henry', suffix: 'Jr.' });
    expect(splitDisplayName('OpenAI')).toEqual({ family: 'OpenAI' });
    expect(splitDisplayName('  ')).toBeUndefined();
  });
});

describe('decodeLatex', () => {
  it('decodes accents, special letters, escapes, dashes, quotes and math', () => {
    expect(decodeLatex('Gr\\"{o}\\ss e')).toBe('Größe');
    expect(decodeLatex("{\\'e}t\\'{\\i} \\c{c} \\v{s} \\H{o} \\k{a} \\r{a} \\~n \\`a \\^o \\=e \\.z \\u{g}")).toBe(
      'étí ç š ő ą å ñ à ô ē ż ğ',
    );
    expect(decodeLatex('Stra\\ss e, \\o, \\O, \\ae, \\AE, \\oe, \\aa, \\l, \\L{}ukasz')).toBe('Straße, ø, Ø, æ, Æ, œ, å, ł, Łukasz');
    expect(decodeLatex('\\& \\% \\$ \\# \\_ \\{ \\} \\textbackslash{} \\textasciitilde{}')).toBe('& % $ # _ { } \\ ~');
    expect(decodeLatex("a--b---c ``q'' it's ~x")).toBe("a–b—c “q” it's x");
    expect(decodeLatex('{B}ayesian \\emph{deep} \\textbf{\\textit{nets}} \\LaTeX{} \\url{https://x.org/a_b}')).toBe(
      'Bayesian deep nets LaTeX https://x.org/a_b',
    );
    expect(decodeLatex('$\\alpha$-Models in $\\mathcal{O}(n^2)$ and $\\ell_1$, \\noopsort{a}Zed')).toBe('α-Models in O(n^2) and ℓ_1, Zed');
    expect(decodeLatex('\\constructor{x} \\toString')).toBe('x toString');
  });
});

describe('parseBibtex', () => {
  it('reads a Google-Scholar-style entry', () => {
    const bib = `@article{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N and Kaiser, {\\L}ukasz and Polosukhin, Illia},
  journal={Advances in neural information processing systems},
  volume={30},
  year={2017}
}`;
    const r = parseBibtex(bib);
    expect(r.errors).toEqual([]);
    expect(r.papers).toEqual([
      {
        title: 'Attention is all you need',
        authors: [
          'Ashish Vaswani',
          'Noam Shazeer',
          'Niki Parmar',
          'Jakob Uszkoreit',
          'Llion Jones',
          'Aidan N Gomez',
          'Łukasz Kaiser',
          'Illia Polosukhin',
        ],
        year: 2017,
        venue: 'Advances in neural information processing systems',
        volume: '30',
        type: 'article',
        citeKey: 'vaswani2017attention',
      },
    ]);
  });

  it('reads a Google-Scholar-style arXiv entry as a preprint', () => {
    const r = parseBibtex(
      '@article{devlin2018bert,\n  title={Bert: Pre-training of deep bidirectional transformers for language understanding},\n  author={Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},\n  journal={arXiv preprint arXiv:1810.04805},\n  year={2018}\n}\n',
    );
    expect(r.papers[0]).toMatchObject({
      type: 'preprint',
      ids: { arxiv: '1810.04805' },
      venue: 'arXiv preprint arXiv:1810.04805',
      year: 2018,
    });
  });

  it('reads a realistic Zotero export', () => {
    const bib = `
@inproceedings{vaswani_attention_2017,
	address = {Long Beach, California, USA},
	series = {{NIPS}'17},
	title = {Attention is all you need},
	isbn = {978-1-5108-6096-4},
	abstract = {The dominant sequence transduction models are based on complex recurrent or
convolutional neural networks. We propose the Transformer, 100\\% attention.},
	urldate = {2023-01-05},
	booktitle = {Proceedings of the 31st {International} {Conference} on {Neural} {Information} {Processing} {Systems}},
	publisher = {Curran Associates Inc.},
	author = {Vaswani, Ashish and Shazeer, Noam and Kaiser, Łukasz and Polosukhin, Illia},
	month = dec,
	year = {2017},
	pages = {6000--6010},
	file = {Full Text PDF:/Users/x/Zotero/storage/ABCD/Vaswani et al. - 2017.pdf:application/pdf},
}

@misc{devlin_bert_2019,
	title = {{BERT}: {Pre}-training of {Deep} {Bidirectional} {Transformers} for {Language} {Understanding}},
	shorttitle = {{BERT}},
	url = {http://arxiv.org/abs/1810.04805},
	doi = {10.48550/arXiv.1810.04805},
	abstract = {We introduce a new language representation model called BERT.},
	urldate = {2023-01-05},
	publisher = {arXiv},
	author = {Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
	month = may,
	year = {2019},
	note = {arXiv:1810.04805 [cs]},
	keywords = {Computer Science - Computation and Language, NLP},
}

@article{muller_uber_2020,
	title = {Über die {Größe} von {Straßen} in {Köln}},
	volume = {12},
	url = {https://doi.org/10.1000/xyz_123},
	doi = {10.1000/XYZ_123},
	language = {de},
	journal = {Zeitschrift für Verkehrswissenschaft},
	author = {Müller, Jürgen and van der Berg, Anna and {\\"O}zdemir, Ay{\\c{s}}e and {Barnes and Noble}},
	year = {2020},
	pages = {45--67},
}
`;
    const r = parseBibtex(bib);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.papers).toEqual([
      {
        title: 'Attention is all you need',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Łukasz Kaiser', 'Illia Polosukhin'],
        year: 2017,
        date: '2017-12',
        venue: 'Proceedings of the 31st International Conference on Neural Information Processing Systems',
        pages: '6000-6010',
        abstract:
          'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose the Transformer, 100% attention.',
        type: 'inproceedings',
        citeKey: 'vaswani_attention_2017',
      },
      {
        title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
        year: 2019,
        date: '2019-05',
        venue: 'arXiv',
        abstract: 'We introduce a new language representation model called BERT.',
        keywords: ['Computer Science - Computation and Language', 'NLP'],
        ids: { doi: '10.48550/arxiv.1810.04805', arxiv: '1810.04805' },
        url: 'http://arxiv.org/abs/1810.04805',
        type: 'preprint',
        citeKey: 'devlin_bert_2019',
      },
      {
        title: 'Über die Größe von Straßen in Köln',
        authors: ['Jürgen Müller', 'Anna van der Berg', 'Ayşe Özdemir', 'Barnes and Noble'],
        year: 2020,
        venue: 'Zeitschrift für Verkehrswissenschaft',
        volume: '12',
        pages: '45-67',
        ids: { doi: '10.1000/xyz_123' },
        url: 'https://doi.org/10.1000/xyz_123',
        type: 'article',
        citeKey: 'muller_uber_2020',
      },
    ]);
  });

  it('handles @string macros, # concatenation, quotes, comments, @comment, @preamble and ( ) entries', () => {
    const bib = `% A hand-written file. @article{commented, title={not an entry}}
This line is free text, as BibTeX allows; mail me at someone@example.org.
@preamble{ "\\newcommand{\\noopsort}[1]{}" # "\\newcommand{\\x}{y}" }
@String{ jmlr = "Journal of Machine Learning Research" }
@string(conf = {Proc. of } # "ICML")
@comment{ jabref-meta: databaseType:bibtex; {nested} }
@comment this style of comment has no braces
Meet @ 5pm, or @ noon.
@ARTICLE{k1,
  title = "A {"}quoted{"} {Title} with {\\"u}mlauts",
  author = "Smith, John and Doe, Jane",
  journal = jmlr # { } # "Vol.~" # 12,
  year = 2011,
  month = "Mar",
}
@InProceedings(k2,
  title = {Second},
  author = {Jean-Paul Sartre and Simone de Beauvoir and others},
  booktitle = conf,
  year = {2012}, month = 7, % trailing comment
  eprint = {arXiv:1201.0001v2}, archivePrefix = {arXiv}, primaryClass = {stat.ML}
)`;
    const r = parseBibtex(bib);
    expect(r.errors).toEqual([]);
    expect(r.papers).toEqual([
      {
        title: 'A "quoted" Title with ümlauts',
        authors: ['John Smith', 'Jane Doe'],
        year: 2011,
        date: '2011-03',
        venue: 'Journal of Machine Learning Research Vol. 12',
        type: 'article',
        citeKey: 'k1',
      },
      {
        title: 'Second',
        authors: ['Jean-Paul Sartre', 'Simone de Beauvoir'],
        authorsTruncated: true,
        year: 2012,
        date: '2012-07',
        venue: 'Proc. of ICML',
        categories: ['stat.ML'],
        ids: { arxiv: '1201.0001' },
        type: 'inproceedings',
        citeKey: 'k2',
      },
    ]);
  });

  it('warns about undefined macros, duplicate fields and entries without a title, without failing', () => {
    const r = parseBibtex('@article{a, title = {T}, title = {U}, journal = nips, year = 2000}\n@misc{b, note = {no title}}\n');
    expect(r.errors).toEqual([]);
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]).toMatchObject({ title: 'T', venue: 'nips' });
    expect(r.warnings.map((w) => w.line)).toEqual([1, 1, 2]);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(
      /duplicate field 'title'[\s\S]*Undefined @string macro 'nips'[\s\S]*'b' has no title/,
    );
  });

  it("inherits venue and date through crossref, not ids, and skips the crossref'd @proceedings volume", () => {
    const r = parseBibtex(
      [
        '@inproceedings{paper, title = {P}, author = {Kingma, Diederik P.}, crossref = {Vol}, url = {https://x.org/p}}',
        '@inproceedings{other, title = {Q}, booktitle = {Own}, year = 2001, crossref = {vol}}',
        '@proceedings{vol, title = {Proceedings of ICLR}, year = 2015, month = may, publisher = {P}, doi = {10.1/vol}, url = {https://x.org/vol}}',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.papers.map((p) => p.citeKey)).toEqual(['paper', 'other']);
    expect(r.papers[0]).toMatchObject({ venue: 'Proceedings of ICLR', year: 2015, date: '2015-05', url: 'https://x.org/p' });
    expect(r.papers[0].ids).toBeUndefined();
    expect(r.papers[1]).toMatchObject({ venue: 'Own', year: 2001, date: '2001-05' });
    expect(r.warnings).toEqual([
      { line: 3, message: "Entry 'vol' is the @proceedings volume that 'paper' crossrefs, not a paper; skipped" },
    ]);
  });

  it('keeps a @proceedings entry nobody crossrefs, and ignores a crossref to a key not in the file', () => {
    const r = parseBibtex('@proceedings{vol, title = {Proceedings of X}, year = 2015}\n@article{a, title = {A}, crossref = {missing}}');
    expect(r.papers.map((p) => [p.citeKey, p.year])).toEqual([
      ['vol', 2015],
      ['a', undefined],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("drops DBLP's homonym numbers from names", () => {
    const r = parseBibtex('@article{a, title = {T}, author = {Jian Sun 0001 and Wang 0002, Wei and Ada Lovelace}}');
    expect(r.papers[0].authors).toEqual(['Jian Sun', 'Wei Wang', 'Ada Lovelace']);
  });

  it("reads Google Scholar's keys with LaTeX in them", () => {
    const r = parseBibtex('@article{m{\\"u}ller2019does, title={When does label smoothing help?}, year={2019}}');
    expect(r.errors).toEqual([]);
    expect(r.papers[0]).toMatchObject({ citeKey: 'm{\\"u}ller2019does', year: 2019 });
  });

  it('reads a day written into the month field, and lets a day field win', () => {
    const day = (month: string, extra = '') =>
      parseBibtex(`@article{a, title = {T}, year = 2014, month = ${month}${extra}}`).papers[0].date;
    expect(day('apr # "~14"')).toBe('2014-04-14');
    expect(day('{14 Apr.}')).toBe('2014-04-14');
    expect(day('apr # "~14"', ', day = 3')).toBe('2014-04-03');
    expect(day('{Apr 41}')).toBe('2014-04');
    expect(day('{Smarch 4}')).toBeUndefined();
  });

  describe('broken files: an error naming the line, and no papers at all', () => {
    it('a value with an unclosed brace that swallows the next lines', () => {
      const bib = '@article{a,\n  title = {Broken {title},\n  year = 2020\n}\n\n@article{b,\n  title = {Fine}\n}\n';
      const r = parseBibtex(bib);
      expect(r.papers).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].line).toBe(2);
      expect(r.errors[0].message).toMatch(/Unbalanced braces.*'title'.*'a'/);
    });

    it('a value never closed before the next entry', () => {
      const bib = '@article{a,\n  title = {Broken {title\n}\n@article{b,\n  title = {Fine}\n}\n';
      const r = parseBibtex(bib);
      expect(r.papers).toEqual([]);
      expect(r.errors).toEqual([
        {
          line: 2,
          message: expect.stringMatching(
            /value of field 'title' of entry 'a' opened at line 2 is not closed before the next entry at line 4/,
          ),
        },
      ]);
    });

    it('an unclosed value at the end of the file', () => {
      const r = parseBibtex('@misc{ok, title={Fine}}\n\n@article{a,\n  title = {Broken\n');
      expect(r.papers).toEqual([]);
      expect(r.errors).toEqual([{ line: 4, message: expect.stringMatching(/never closed/) }]);
    });

    it('an entry missing its closing brace', () => {
      const r = parseBibtex('@article{a,\n  title = {T},\n  year = {2020}\n');
      expect(r.papers).toEqual([]);
      expect(r.errors).toEqual([{ line: 1, message: expect.stringMatching(/Entry 'a' is never closed/) }]);
    });

    it('an extra closing brace that ends the entry early', () => {
      const r = parseBibtex('@article{a,\n  title = {T}},\n  year = {2020}\n}\n');
      expect(r.papers).toEqual([]);
      expect(r.errors).toEqual([
        { line: 2, message: expect.stringMatching(/entry 'a' \(line 1\) is closed at line 2.*stray '}' at line 4/) },
      ]);
    });

    it('a missing "=", a missing comma and an unterminated quote are each reported', () => {
      const r = parseBibtex('@article{a,\n  title {T}\n}\n@article{b,\n  title = {T}\n  year = 2000\n}\n@article{c,\n  title = "T\n}\n');
      expect(r.papers).toEqual([]);
      expect(r.errors.map((e) => e.line)).toEqual([2, 6, 9]);
      expect(r.errors[0].message).toMatch(/Expected '=' after field 'title'/);
      expect(r.errors[1].message).toMatch(/Expected ',' or '}' after field 'title'/);
      expect(r.errors[2].message).toMatch(
        /quoted value of field 'title' of entry 'c' opened at line 9 is not closed before the '}' at line 10/,
      );
    });

    it('an entry without a key', () => {
      const r = parseBibtex('@article{title = {T}}');
      expect(r).toMatchObject({ papers: [], errors: [{ line: 1, message: expect.stringMatching(/no citation key/) }] });
    });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseBibtex(s);
        expect(r.errors.length === 0 || r.papers.length === 0).toBe(true);
      }),
      { numRuns: 500 },
    );
    for (const s of [
      '@',
      '@{',
      '@article',
      '@article{',
      '@article{a',
      '@article{a,',
      '@article{a, t',
      '@article{a, t =',
      '@article{a, t = {',
      '@article{a, t = "',
      '@article{a, t = x #',
      '}}}',
      '{{{',
    ]) {
      expect(() => parseBibtex(s)).not.toThrow();
    }
  });
});

describe('round trip toBibtex → parseBibtex', () => {
  const papers: ExportedPaper[] = [
    attention,
    paper({
      title: 'BERT: Pre-training of Deep Bidirectional Transformers',
      authors: ['Jacob Devlin', 'Ming-Wei Chang'],
      year: 2018,
      venue: 'arXiv',
      ids: { arxiv: '1810.04805' },
      categories: ['cs.CL'],
      keywords: ['NLP', 'transfer learning'],
    }),
    paper({
      title: 'Sequence to {Sequence}} Learning & 100% $\\alpha$ -- “Ünïcode” 深度学习 C:\\path ~x^2 #1 `tick` it\'s ""',
      authors: ['Bart van Merriënboer', 'Manmatha, R.', 'Ilya Sutskever'],
      year: 2014,
      date: '2014-09',
      venue: 'Proceedings of NeurIPS',
      ids: { doi: '10.1000/a_b%c' },
      url: 'https://example.org/x?a=1&b=2#frag',
      abstract: 'Abstract with\nnewlines, 50% & {braces}.',
    }),
  ];

  it('gives back title, authors, year, DOI, arXiv id, venue and type', () => {
    const { papers: back, errors } = parseBibtex(toBibtex(papers));
    expect(errors).toEqual([]);
    expect(back.map((p) => p.title)).toEqual(papers.map((p) => p.title));
    expect(back.map((p) => p.authors)).toEqual([
      ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      ['Jacob Devlin', 'Ming-Wei Chang'],
      ['Bart van Merriënboer', 'R. Manmatha', 'Ilya Sutskever'],
    ]);
    expect(back[0].authorsTruncated).toBe(true);
    expect(back.map((p) => p.year)).toEqual([2017, 2018, 2014]);
    expect(back.map((p) => p.ids)).toEqual([
      { doi: '10.5555/3295222.3295349', arxiv: '1706.03762' },
      { arxiv: '1810.04805' },
      { doi: '10.1000/a_b%c' },
    ]);
    expect(back.map((p) => p.type)).toEqual(['inproceedings', 'preprint', 'inproceedings']);
    expect(back.map((p) => p.citeKey)).toEqual(['vaswani2017attention', 'devlin2018bert', 'merrienboer2014sequence']);
    expect(back[0]).toMatchObject({ date: '2017-06', categories: ['cs.CL'], url: 'https://papers.nips.cc/paper/7181' });
    expect(back[1].keywords).toEqual(['NLP', 'transfer learning']);
    expect(back[2]).toMatchObject({
      url: 'https://example.org/x?a=1&b=2#frag',
      abstract: 'Abstract with newlines, 50% & {braces}.',
      venue: 'Proceedings of NeurIPS',
      date: '2014-09',
    });
  });

  it('gives back any title and any author name text exactly (property)', () => {
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom(...'\\{}&%$#_~^`\'"-@,= \n\tAaBÄé0'.split('')), fc.string({ unit: 'grapheme', maxLength: 1 })),
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (title, names) => {
        fc.pre(clean(title) !== '');
        // Display names without commas, "and", suffixes or DBLP homonym numbers come back as written.
        const authors = names
          .map((n) => clean(clean(n).replace(/,/g, ' ')))
          .filter(
            (n) =>
              n &&
              !/\band\b/i.test(n) &&
              !/\s\d{4}$/.test(n) &&
              !n.split(' ').some((w, i) => i > 1 && /^(jr\.?|sr\.?|ii|iii|iv|v|vi)$/i.test(w)),
          );
        const out = toBibtex([paper({ title, authors, abstract: title })]);
        const r = parseBibtex(out);
        expect(r.errors).toEqual([]);
        expect(r.papers[0].title).toBe(clean(title).normalize('NFC'));
        expect(r.papers[0].abstract).toBe(clean(title).normalize('NFC'));
        expect(r.papers[0].authors).toEqual(authors.map((a) => a.normalize('NFC')));
      }),
      { numRuns: 400 },
    );
  });

  it('any single deleted brace makes the file fail with an error (property)', () => {
    const check = (file: string) => {
      const braces = [...file].flatMap((c, i) => (c === '{' || c === '}' ? [i] : []));
      for (const i of braces) {
        const r = parseBibtex(file.slice(0, i) + file.slice(i + 1));
        expect(r.papers, `deleting the brace at offset ${i} of\n${file}`).toEqual([]);
        expect(r.errors.length).toBeGreaterThan(0);
        expect(r.errors[0].line).toBeGreaterThan(0);
      }
    };
    check(toBibtex(papers));
    const text = fc.string({ unit: fc.constantFrom(...'{}\\%&$#_~^ aBC-@\n'.split('')), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 3 }), (rows) => {
        fc.pre(rows.every(([t]) => clean(t) !== ''));
        check(toBibtex(rows.map(([title, abstract]) => paper({ title, abstract, authors: ['A Bee'], year: 2000 }))));
      }),
      { numRuns: 100 },
    );
  });
});
