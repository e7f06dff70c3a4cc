// "Copy a citation" (issue 14): the BibTeX entry, Markdown link and APA reference of one paper, for
// papers of every shape Paperdex holds. Every expected string was written by hand from the APA 7
// rules in lib/interchange/cite/apa.ts and the Export BibTeX format, never taken from the output.
import { describe, expect, it } from 'vitest';
import type { ExportedPaper } from '@/lib/interchange/export';
import { bibtexEntries, bibtexEntry, formatCitation, markdownLink } from '@/lib/interchange/cite/cite';
import { apaName, initials } from '@/lib/interchange/cite/apa';
import { parseVenue } from '@/lib/interchange/cite/venue';

const paper = (p: Partial<ExportedPaper> & Pick<ExportedPaper, 'title'>): ExportedPaper => ({
  id: 'p-test',
  authors: [],
  sources: [],
  ...p,
});

const VASWANI = paper({
  title: 'Attention Is All You Need',
  authors: [
    'Ashish Vaswani',
    'Noam Shazeer',
    'Niki Parmar',
    'Jakob Uszkoreit',
    'Llion Jones',
    'Aidan N. Gomez',
    'Łukasz Kaiser',
    'Illia Polosukhin',
  ],
  year: 2017,
  venue: 'arXiv preprint arXiv:1706.03762',
  categories: ['cs.CL'],
  ids: { arxiv: '1706.03762' },
  url: 'https://arxiv.org/abs/1706.03762',
});

const HE = paper({
  title: 'Deep Residual Learning for Image Recognition',
  authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
  year: 2016,
  venue: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR), 770-778',
  ids: { doi: '10.1109/cvpr.2016.90' },
  url: 'https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html',
});

const LECUN = paper({
  title: 'Deep learning',
  authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
  year: 2015,
  venue: 'Nature 521 (7553), 436-444',
  ids: { doi: '10.1038/nature14539' },
});

const WHO = paper({
  title: 'World Health Statistics 2023',
  year: 2023,
  venue: 'World Health Organization',
  type: 'report',
  url: 'https://www.who.int/publications/i/item/9789240074323',
});

const SURNAMES =
  'Abe Baker Chen Diaz Evans Fischer Garcia Horvat Ito Jensen Kim Lopez Moreau Nowak Olsen Park Quinn Rossi Silva Tanaka Ueda Varga Weber Xu Young'.split(
    ' ',
  );
const GIVEN = 'Ana Ben Chloé Dev Eva Finn Gus Hana Ivo Jon Kai Lea Mia Noa Oto Pia Qin Rui Sam Tom Uma Vik Wen Xia Yan'.split(' ');
const MANY = paper({
  title: 'A multi-site benchmark of ice sheet models',
  authors: SURNAMES.map((s, i) => `${GIVEN[i]} ${s}`),
  year: 2021,
  venue: 'The Cryosphere 15 (2), 1001-1030',
  ids: { doi: '10.5194/tc-15-1001-2021' },
});

const CJK = paper({
  title: '基于深度学习的图像识别研究',
  authors: ['王小明', '李华', '山田 太郎', 'Wei Zhang'],
  year: 2021,
  venue: '计算机学报 44 (3), 1-15',
});

const NO_YEAR = paper({
  title: 'Glacier surface velocity mapping with feature tracking',
  authors: ['M Lindqvist'],
  url: 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=Xq3vN0sAAAAJ&citation_for_view=Xq3vN0sAAAAJ:qjMakFHDy7sC',
});

const BRACKETS = paper({
  title: '[Re] A replication of [SimCLR] with snake_case <b>tags</b> & *stars*',
  authors: ['Jane Q. Doe'],
  year: 2021,
  venue: 'ReScience C 7 (2), 12',
  url: 'https://rescience.github.io/bibliography/Doe_2021.html',
});

const TRUNCATED = paper({
  title: 'Ice Sheet Mass Balance Inter-comparison Exercise: the 2020 assessment',
  authors: ['A Shepherd', 'E Ivins', 'E Rignot', 'B Smith', 'M Lindqvist'],
  authorsTruncated: true,
  year: 2020,
  venue: 'Nature 579, 233-239',
  url: 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=Xq3vN0sAAAAJ&citation_for_view=Xq3vN0sAAAAJ:9yKSN-GCB0IC',
});

const NAMES = paper({
  title: 'On the properties of neural machine translation: Encoder-decoder approaches',
  authors: ['Bart van Merriënboer', 'Jean-Paul Sartre', 'Henry Ford, Jr.', 'DP Kingma', 'Plato'],
  year: 2014,
  venue: 'Proceedings of SSST-8, Eighth Workshop on Syntax, Semantics and Structure in Statistical Translation, 103-111',
});

const THESIS = paper({
  title: 'Connecting images and natural language',
  authors: ['Andrej Karpathy'],
  year: 2016,
  venue: 'Stanford University',
  type: 'phdthesis',
});

const BIORXIV = paper({
  title: 'Do cells dream of electric sheep?',
  authors: ['Jane Doe', 'Rahul Mehta'],
  year: 2020,
  venue: 'bioRxiv',
  ids: { doi: '10.1101/2020.01.01.123456' },
});

const NEURIPS = paper({
  title: 'Neural discrete representation learning',
  authors: ['Aaron van den Oord', 'Oriol Vinyals', 'Koray Kavukcuoglu'],
  year: 2017,
  venue: 'Advances in neural information processing systems 30',
});

describe('formatCitation (built-in APA 7)', () => {
  it('an arXiv preprint: italic title, (arXiv:id), arXiv, the abstract page', () => {
    const c = formatCitation(VASWANI);
    expect(c.text).toBe(
      'Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., & Polosukhin, I. (2017). ' +
        'Attention Is All You Need (arXiv:1706.03762). arXiv. https://arxiv.org/abs/1706.03762',
    );
    expect(c.html).toBe(
      'Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., &amp; Polosukhin, I. (2017). ' +
        '<i>Attention Is All You Need</i> (arXiv:1706.03762). arXiv. https://arxiv.org/abs/1706.03762',
    );
  });

  it('a conference paper: In *Proceedings* (pp. a–b), then the DOI (not the landing page)', () => {
    const c = formatCitation(HE);
    expect(c.text).toBe(
      'He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep Residual Learning for Image Recognition. ' +
        'In 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR) (pp. 770–778). https://doi.org/10.1109/cvpr.2016.90',
    );
    expect(c.html).toBe(
      'He, K., Zhang, X., Ren, S., &amp; Sun, J. (2016). Deep Residual Learning for Image Recognition. ' +
        'In <i>2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)</i> (pp. 770–778). https://doi.org/10.1109/cvpr.2016.90',
    );
    // The Markdown link prefers the landing page.
    expect(markdownLink(HE)).toBe(
      '[Deep Residual Learning for Image Recognition](https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html)',
    );
  });

  it('a journal article: *Journal*, *volume*(issue), pages, and the DOI link', () => {
    const c = formatCitation(LECUN);
    expect(c.text).toBe(
      'LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444. https://doi.org/10.1038/nature14539',
    );
    expect(c.html).toBe(
      'LeCun, Y., Bengio, Y., &amp; Hinton, G. (2015). Deep learning. <i>Nature</i>, <i>521</i>(7553), 436–444. https://doi.org/10.1038/nature14539',
    );
  });

  it('no authors: the title takes the author position', () => {
    const c = formatCitation(WHO);
    expect(c.text).toBe(
      'World Health Statistics 2023. (2023). World Health Organization. https://www.who.int/publications/i/item/9789240074323',
    );
    expect(c.html).toBe(
      '<i>World Health Statistics 2023</i>. (2023). World Health Organization. https://www.who.int/publications/i/item/9789240074323',
    );
  });

  it('25 authors: the first 19, …, the last', () => {
    expect(formatCitation(MANY).text).toBe(
      'Abe, A., Baker, B., Chen, C., Diaz, D., Evans, E., Fischer, F., Garcia, G., Horvat, H., Ito, I., Jensen, J., ' +
        'Kim, K., Lopez, L., Moreau, M., Nowak, N., Olsen, O., Park, P., Quinn, Q., Rossi, R., Silva, S., … Young, Y. ' +
        '(2021). A multi-site benchmark of ice sheet models. The Cryosphere, 15(2), 1001–1030. https://doi.org/10.5194/tc-15-1001-2021',
    );
  });

  it('CJK names stay as written (family name first, no initials); a romanised one is inverted', () => {
    const c = formatCitation(CJK);
    expect(c.text).toBe('王小明, 李华, 山田 太郎, & Zhang, W. (2021). 基于深度学习的图像识别研究. 计算机学报, 44(3), 1–15.');
    expect(c.html).toBe(
      '王小明, 李华, 山田 太郎, &amp; Zhang, W. (2021). 基于深度学习的图像识别研究. <i>计算机学报</i>, <i>44</i>(3), 1–15.',
    );
  });

  it('no year: (n.d.); no venue: the title stands alone in italics', () => {
    const c = formatCitation(NO_YEAR);
    expect(c.text).toBe(
      'Lindqvist, M. (n.d.). Glacier surface velocity mapping with feature tracking. ' +
        'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=Xq3vN0sAAAAJ&citation_for_view=Xq3vN0sAAAAJ:qjMakFHDy7sC',
    );
    expect(c.html).toBe(
      'Lindqvist, M. (n.d.). <i>Glacier surface velocity mapping with feature tracking</i>. ' +
        'https://scholar.google.com/citations?view_op=view_citation&amp;hl=en&amp;user=Xq3vN0sAAAAJ&amp;citation_for_view=Xq3vN0sAAAAJ:qjMakFHDy7sC',
    );
  });

  it('page text is escaped in the HTML flavour, kept as is in the text', () => {
    const c = formatCitation(BRACKETS);
    expect(c.text).toBe(
      'Doe, J. Q. (2021). [Re] A replication of [SimCLR] with snake_case <b>tags</b> & *stars*. ReScience C, 7(2), 12. ' +
        'https://rescience.github.io/bibliography/Doe_2021.html',
    );
    expect(c.html).toBe(
      'Doe, J. Q. (2021). [Re] A replication of [SimCLR] with snake_case &lt;b&gt;tags&lt;/b&gt; &amp; *stars*. ' +
        '<i>ReScience C</i>, <i>7</i>(2), 12. https://rescience.github.io/bibliography/Doe_2021.html',
    );
  });

  it('a list the site cut short ends "et al."', () => {
    expect(formatCitation(TRUNCATED).text).toBe(
      'Shepherd, A., Ivins, E., Rignot, E., Smith, B., Lindqvist, M., et al. (2020). ' +
        'Ice Sheet Mass Balance Inter-comparison Exercise: the 2020 assessment. Nature, 579, 233–239. ' +
        'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=Xq3vN0sAAAAJ&citation_for_view=Xq3vN0sAAAAJ:9yKSN-GCB0IC',
    );
  });

  it('particles, hyphenated given names, suffixes, run-together initials and single names', () => {
    expect(formatCitation(NAMES).text).toBe(
      'van Merriënboer, B., Sartre, J.-P., Ford, H., Jr., Kingma, D. P., & Plato. (2014). ' +
        'On the properties of neural machine translation: Encoder-decoder approaches. ' +
        'In Proceedings of SSST-8, Eighth Workshop on Syntax, Semantics and Structure in Statistical Translation (pp. 103–111).',
    );
  });

  it('a thesis: italic title [Doctoral dissertation, School]', () => {
    const c = formatCitation(THESIS);
    expect(c.text).toBe('Karpathy, A. (2016). Connecting images and natural language [Doctoral dissertation, Stanford University].');
    expect(c.html).toBe('Karpathy, A. (2016). <i>Connecting images and natural language</i> [Doctoral dissertation, Stanford University].');
  });

  it('a preprint on another server: [Preprint], the server, the DOI; a question mark ends the title', () => {
    const c = formatCitation(BIORXIV);
    expect(c.text).toBe(
      'Doe, J., & Mehta, R. (2020). Do cells dream of electric sheep? [Preprint]. bioRxiv. https://doi.org/10.1101/2020.01.01.123456',
    );
    expect(c.html).toBe(
      'Doe, J., &amp; Mehta, R. (2020). <i>Do cells dream of electric sheep?</i> [Preprint]. bioRxiv. https://doi.org/10.1101/2020.01.01.123456',
    );
  });

  it('a proceedings volume: (Vol. 30)', () => {
    expect(formatCitation(NEURIPS).text).toBe(
      'van den Oord, A., Vinyals, O., & Kavukcuoglu, K. (2017). Neural discrete representation learning. ' +
        'In Advances in neural information processing systems (Vol. 30).',
    );
  });

  it('a paper with nothing but a title', () => {
    expect(formatCitation(paper({ title: 'Untitled notes' }))).toEqual({
      text: 'Untitled notes. (n.d.).',
      html: '<i>Untitled notes</i>. (n.d.).',
    });
  });
});

describe('APA names', () => {
  it.each([
    ['Diederik P. Kingma', 'Kingma, D. P.'],
    ['Manmatha, R.', 'Manmatha, R.'],
    ['JRR Tolkien', 'Tolkien, J. R. R.'],
    ['Aaron Clauset 0001', 'Clauset, A.'],
    ['Ludwig van Beethoven', 'van Beethoven, L.'],
    ['OpenAI', 'OpenAI'],
    ['김민수', '김민수'],
    ['   ', undefined],
  ])('%s → %s', (name, want) => {
    expect(apaName(name)).toBe(want);
  });

  it('initials of hyphenated and lower-case given names', () => {
    expect(initials('Jean-Paul')).toBe('J.-P.');
    expect(initials('élodie marie')).toBe('É. M.');
  });
});

describe('parseVenue', () => {
  it.each([
    ['Nature 521 (7553), 436-444', { name: 'Nature', volume: '521', issue: '7553', pages: '436–444' }],
    ['Carbon 140, 201-209', { name: 'Carbon', volume: '140', pages: '201–209' }],
    ['Nature Communications 12, 4321', { name: 'Nature Communications', volume: '12', pages: '4321' }],
    [
      'Journal of Machine Learning Research 15 (1), 1929-1958',
      { name: 'Journal of Machine Learning Research', volume: '15', issue: '1', pages: '1929–1958' },
    ],
    ['NeurIPS 2020', { name: 'NeurIPS 2020' }],
    ['arXiv preprint arXiv:1706.03762', { name: 'arXiv preprint arXiv:1706.03762' }],
    ['CoRR abs/1609.02907', { name: 'CoRR abs/1609.02907' }],
    [
      'Findings of the Association for Computational Linguistics, 2',
      { name: 'Findings of the Association for Computational Linguistics, 2' },
    ],
    ['EGU General Assembly Conference Abstracts', { name: 'EGU General Assembly Conference Abstracts' }],
  ])('%s', (venue, want) => {
    expect(parseVenue(venue)).toEqual(want);
  });

  it('nothing for a blank venue', () => {
    expect(parseVenue('  ')).toBeUndefined();
    expect(parseVenue(undefined)).toBeUndefined();
  });
});

describe('markdownLink', () => {
  it('[Title](landing page)', () => {
    expect(markdownLink(VASWANI)).toBe('[Attention Is All You Need](https://arxiv.org/abs/1706.03762)');
  });

  it('the DOI link when there is no landing page, with parentheses encoded', () => {
    expect(markdownLink(LECUN)).toBe('[Deep learning](https://doi.org/10.1038/nature14539)');
    expect(markdownLink(paper({ title: 'Clinical features of patients', ids: { doi: '10.1016/s0140-6736(20)30183-5' } }))).toBe(
      '[Clinical features of patients](https://doi.org/10.1016/s0140-6736%2820%2930183-5)',
    );
  });

  it('the arXiv abstract page when there is neither', () => {
    expect(markdownLink(paper({ title: 'Adam: A method for stochastic optimization', ids: { arxiv: '1412.6980' } }))).toBe(
      '[Adam: A method for stochastic optimization](https://arxiv.org/abs/1412.6980)',
    );
  });

  it('escapes brackets, backslashes and emphasis characters in the title', () => {
    expect(markdownLink(BRACKETS)).toBe(
      '[\\[Re\\] A replication of \\[SimCLR\\] with snake\\_case <b>tags</b> & \\*stars\\*](https://rescience.github.io/bibliography/Doe_2021.html)',
    );
    expect(markdownLink(paper({ title: 'C:\\path', url: 'https://example.org/a' }))).toBe('[C:\\\\path](https://example.org/a)');
  });

  it('the page it was captured on as the last resort; the title alone without any link', () => {
    const seen = paper({
      title: 'Seen once',
      sources: [{ site: 'generic', url: 'https://lab.example.org/pubs', capturedAt: '2026-01-01T00:00:00.000Z' }],
    });
    expect(markdownLink(seen)).toBe('[Seen once](https://lab.example.org/pubs)');
    expect(markdownLink(paper({ title: 'Nowhere [draft]' }))).toBe('Nowhere \\[draft\\]');
  });
});

describe('bibtexEntry / bibtexEntries', () => {
  it('an arXiv preprint as @misc with eprint fields and the Export BibTeX cite key', () => {
    expect(bibtexEntry(VASWANI)).toBe(
      '@misc{vaswani2017attention,\n' +
        '  title = {Attention Is All You Need},\n' +
        '  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N. and Kaiser, Łukasz and Polosukhin, Illia},\n' +
        '  year = {2017},\n' +
        '  eprint = {1706.03762},\n' +
        '  archivePrefix = {arXiv},\n' +
        '  primaryClass = {cs.CL},\n' +
        '  url = {https://arxiv.org/abs/1706.03762}\n' +
        '}\n',
    );
  });

  it('a journal article as @article with its DOI', () => {
    expect(bibtexEntry(LECUN)).toBe(
      '@article{lecun2015deep,\n' +
        '  title = {Deep learning},\n' +
        '  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},\n' +
        '  year = {2015},\n' +
        '  journal = {Nature 521 (7553), 436-444},\n' +
        '  doi = {10.1038/nature14539}\n' +
        '}\n',
    );
  });

  it('a thesis as @phdthesis; no authors gives the key anon…', () => {
    expect(bibtexEntry(THESIS)).toBe(
      '@phdthesis{karpathy2016connecting,\n  title = {Connecting images and natural language},\n  author = {Karpathy, Andrej},\n  year = {2016},\n  school = {Stanford University}\n}\n',
    );
    expect(bibtexEntry(WHO)).toBe(
      '@techreport{anon2023world,\n  title = {World Health Statistics 2023},\n  year = {2023},\n  institution = {World Health Organization},\n  url = {https://www.who.int/publications/i/item/9789240074323}\n}\n',
    );
  });

  it('a list: every entry in order, blank-line separated, keys made unique as Export BibTeX does', () => {
    const a = paper({ title: 'Deep nets', authors: ['Ann Smith'], year: 2020 });
    const b = paper({ title: 'Deep trees', authors: ['Bo Smith'], year: 2020 });
    expect(bibtexEntries([a, b])).toBe(
      '@misc{smith2020deep,\n  title = {Deep nets},\n  author = {Smith, Ann},\n  year = {2020}\n}\n' +
        '\n' +
        '@misc{smith2020deepa,\n  title = {Deep trees},\n  author = {Smith, Bo},\n  year = {2020}\n}\n',
    );
  });
});
