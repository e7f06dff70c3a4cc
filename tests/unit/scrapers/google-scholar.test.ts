// Google Scholar adapter: what its fixtures cover (each is compared in fixtures.test.ts), the real
// saved pages in ../shared/pages/google-scholar with exact values, and the tricky helpers.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  arxivFromVenue,
  clusterIdOf,
  decodeCid,
  googleScholar,
  isBlocked,
  isProfileUrl,
  isSearchUrl,
  parseByline,
  parseHistogram,
  parseMetricsTable,
  parseTotalResults,
  splitScholarAuthors,
  stripTitlePrefix,
  textWithout,
  userIdOf,
} from '../../../lib/scrapers/sites/google-scholar';
import { scholarProfilePage } from '../../helpers/big-pages';
import { describeShared, fixturesDir, loadPage, parseHtml, sharedPages } from '../../helpers/dom';

const dir = join(fixturesDir, 'google-scholar');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

describe('google-scholar fixtures (each one is compared with its expected JSON in fixtures.test.ts)', () => {
  it('has the fixtures the brief asks for', () => {
    expect(cases).toEqual(expect.arrayContaining(['profile-coauthors', 'profile-de', 'search-prefixes', 'cluster', 'captcha']));
  });
});

describeShared('real page: google-scholar/profile-kietzig.html', ['pages/google-scholar/profile-kietzig.html'], () => {
  const url = 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ&hl=en';
  const load = () => loadPage(join(sharedPages, 'google-scholar/profile-kietzig.html'), url);

  it('is detected and scraped as an author page', () => {
    const doc = load();
    expect(googleScholar.detect(new URL(url), doc)).toBe(true);
    const r = googleScholar.scrape(doc, new URL(url))!;
    expect(r.site).toBe('google-scholar');
    expect(r.kind).toBe('author');
    expect(r.url).toBe(url);
  });

  it('reads the author, metrics by position, and the per-year histogram', () => {
    const r = googleScholar.scrape(load(), new URL(url))!;
    expect(r.author).toEqual({
      name: 'Anne Kietzig',
      id: '8daWuo4AAAAJ',
      url: 'https://scholar.google.ca/citations?user=8daWuo4AAAAJ',
      affiliation: 'Professor of Chemical Engineering, McGill Univeristy',
      interests: ['laser micromachining', 'wetting', 'biomimetics'],
      homepage: 'http://kietzig-lab.mcgill.ca/',
      metrics: {
        citations: 1338,
        hIndex: 17,
        i10Index: 21,
        since: { year: 2014, citations: 1149, hIndex: 16, i10Index: 21 },
        citationsPerYear: {
          2009: 6,
          2010: 25,
          2011: 44,
          2012: 54,
          2013: 56,
          2014: 99,
          2015: 128,
          2016: 243,
          2017: 248,
          2018: 348,
          2019: 83,
        },
      },
    });
    // The profile shows no co-author list and Scholar never shows a paper count.
    expect(r.author!.coauthors).toBeUndefined();
    expect(r.author!.metrics!.papers).toBeUndefined();
  });

  it('reads both paper rows, a blank "Cited by" as 0', () => {
    const r = googleScholar.scrape(load(), new URL(url))!;
    expect(r.papers).toEqual([
      {
        title: 'Interaction of oxygen functionalized multi-walled carbon nanotube nanofluids with copper',
        authors: ['A Karthikeyan', 'S Coulombe', 'AM Kietzig', 'RS Stein', 'T van de Ven'],
        year: 2018,
        venue: 'Carbon',
        volume: '140',
        pages: '201-209',
        citations: 0,
        ids: { scholar: '8daWuo4AAAAJ:NhqRSupF_l8C' },
        url: 'https://scholar.google.ca/citations?view_op=view_citation&hl=en&user=8daWuo4AAAAJ&pagesize=2&sortby=pubdate&citation_for_view=8daWuo4AAAAJ:NhqRSupF_l8C',
      },
      {
        title: 'Boiling heat transfer enhancement with stable nanofluids and laser textured copper surfaces',
        authors: ['A Karthikeyan', 'S Coulombe', 'AM Kietzig'],
        year: 2018,
        venue: 'International Journal of Heat and Mass Transfer',
        volume: '126',
        pages: '287-296',
        citations: 1,
        ids: { scholar: '15502897746301575580' },
        url: 'https://scholar.google.ca/citations?view_op=view_citation&hl=en&user=8daWuo4AAAAJ&pagesize=2&sortby=pubdate&citation_for_view=8daWuo4AAAAJ:bFI3QPDXJZMC',
      },
    ]);
  });
});

describeShared(
  'real page: google-scholar/search-crispr-p1.html',
  ['pages/google-scholar/search-crispr-p1.html', 'pages/google-scholar/search-crispr-p1.reference.json'],
  () => {
    const url = 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9';
    const load = () => loadPage(join(sharedPages, 'google-scholar/search-crispr-p1.html'), url);
    const reference = () =>
      JSON.parse(readFileSync(join(sharedPages, 'google-scholar/search-crispr-p1.reference.json'), 'utf8')) as {
        papers: { title: string; url: string; authors: { name: string; url: string }[]; citation: { count: number; url: string } }[];
        totalPapers: number;
      };

    it('is a search page with query and total', () => {
      const doc = load();
      expect(googleScholar.detect(new URL(url), doc)).toBe(true);
      const r = googleScholar.scrape(doc, new URL(url))!;
      expect(r.kind).toBe('search');
      expect(r.query).toBe('crispr cas9');
      expect(r.totalResults).toBe(594000);
      expect(r.papers).toHaveLength(10);
    });

    it('reads titles without [HTML] decoration, in page order', () => {
      const r = googleScholar.scrape(load(), new URL(url))!;
      expect(r.papers.map((p) => p.title)).toEqual([
        'CRISPR–Cas9 structures and mechanisms',
        'What is CRISPR/Cas9?',
        'The new frontier of genome engineering with CRISPR-Cas9',
        'Genome engineering using the CRISPR-Cas9 system',
        'Development and applications of CRISPR-Cas9 for genome engineering',
        'CRISPR/Cas9 for cancer research and therapy',
        'Genome modification by CRISPR/Cas9',
        'Recent progress in CRISPR/Cas9 technology',
        'CRISPR/Cas9 in genome editing and beyond',
        'How specific is CRISPR/Cas9 really?',
      ]);
    });

    it('reads authors (all shown, linked or not), truncation, venue, year', () => {
      const r = googleScholar.scrape(load(), new URL(url))!;
      expect(r.papers.map((p) => [p.authors, p.authorsTruncated ?? false, p.venue, p.year])).toEqual([
        [['F Jiang', 'JA Doudna'], false, 'Annual review of biophysics', 2017],
        [['M Redman', 'A King', 'C Watson', 'D King'], false, 'Archives of Disease in …', 2016],
        [['JA Doudna', 'E Charpentier'], false, 'Science', 2014],
        [['F Ran', 'PD Hsu', 'J Wright', 'V Agarwala', 'DA Scott'], true, 'Nature protocols', 2013],
        [['PD Hsu', 'ES Lander', 'F Zhang'], false, 'Cell', 2014],
        [['T Zhan', 'N Rindtorff', 'J Betge', 'MP Ebert'], true, 'Seminars in cancer …', 2019],
        [['Y Ma', 'L Zhang', 'X Huang'], false, 'The FEBS journal', 2014],
        [['Y Mei', 'Y Wang', 'H Chen', 'ZS Sun', 'XD Ju'], false, 'Journal of Genetics and …', 2016],
        [['H Wang', 'M La Russa', 'LS Qi'], false, 'Annual review of biochemistry', 2016],
        [["H O'Geen", 'SY Abigail', 'DJ Segal'], false, 'Current opinion in chemical biology', 2015],
      ]);
    });

    it('reads citations, cluster ids, urls, PDF links and DOIs', () => {
      const r = googleScholar.scrape(load(), new URL(url))!;
      expect(r.papers.map((p) => p.citations)).toEqual([2020, 285, 7232, 11960, 6664, 327, 298, 178, 1258, 141]);
      expect(r.papers.map((p) => p.ids?.scholar)).toEqual([
        '2456688039791281496',
        '8253456647234635277',
        '16745858231989331193',
        '17078643212997978643',
        '15869331693015811211',
        '17776799241562889295',
        '11863975225735801052',
        '12986989764409261295',
        '4718576957006019282',
        '16897231321908403171',
      ]);
      expect(r.papers[0]).toMatchObject({
        url: 'https://www.annualreviews.org/doi/abs/10.1146/annurev-biophys-062215-010822',
        pdfUrl: 'https://www.annualreviews.org/doi/pdf/10.1146/annurev-biophys-062215-010822',
        ids: { doi: '10.1146/annurev-biophys-062215-010822', scholar: '2456688039791281496' },
        abstract:
          '… and Cas9 orthologs have contributed greatly to our understanding of CRISPR–Cas9 mechanisms. In this review, we briefly explain the biology underlying CRISPR–Cas9 technology …',
      });
      expect(r.papers.map((p) => p.ids?.doi)).toEqual([
        '10.1146/annurev-biophys-062215-010822',
        undefined,
        '10.1126/science.1258096',
        undefined,
        undefined,
        undefined,
        '10.1111/febs.13110',
        undefined,
        '10.1146/annurev-biochem-060815-014607',
        undefined,
      ]);
      // [HTML] side links (results 4, 5, 6, 10) are not PDFs.
      expect(r.papers.map((p) => !!p.pdfUrl)).toEqual([true, true, true, false, false, false, true, true, true, false]);
      expect(r.papers[6].pdfUrl).toBe('https://febs.onlinelibrary.wiley.com/doi/pdfdirect/10.1111/febs.13110');
    });

    it('links author profiles by user id on the page host', () => {
      const r = googleScholar.scrape(load(), new URL(url))!;
      expect(r.papers[1].authorProfiles).toEqual([
        { name: 'A King', id: '0wXDXQ8AAAAJ', url: 'https://scholar.google.com/citations?user=0wXDXQ8AAAAJ' },
        { name: 'C Watson', id: 'uYmWZPgAAAAJ', url: 'https://scholar.google.com/citations?user=uYmWZPgAAAAJ' },
        { name: 'D King', id: 'n7qMfU8AAAAJ', url: 'https://scholar.google.com/citations?user=n7qMfU8AAAAJ' },
      ]);
    });

    it('agrees with the other project’s parser output (titles minus prefixes, urls, linked authors, counts)', () => {
      const r = googleScholar.scrape(load(), new URL(url))!;
      const ref = reference();
      expect(r.totalResults).toBe(ref.totalPapers);
      ref.papers.forEach((rp, i) => {
        const p = r.papers[i];
        expect(p.title).toBe(rp.title.replace(/^(\[[A-Z]+\])+\s*/, ''));
        expect(p.url).toBe(rp.url);
        expect(p.citations).toBe(rp.citation.count);
        expect(p.ids?.scholar).toBe(new URL(rp.citation.url).searchParams.get('cites'));
        expect(p.authorProfiles!.map((a) => a.name)).toEqual(rp.authors.map((a) => a.name));
        expect(p.authorProfiles!.map((a) => a.id)).toEqual(rp.authors.map((a) => new URL(a.url).searchParams.get('user')));
      });
    });

    it('data-cid decodes to the same cluster id as the cites= link on every result', () => {
      const doc = load();
      const cids = Array.from(doc.querySelectorAll('.gs_r.gs_or')).map((el) => decodeCid(el.getAttribute('data-cid')));
      const r = googleScholar.scrape(doc, new URL(url))!;
      expect(cids).toEqual(r.papers.map((p) => p.ids?.scholar));
    });
  },
);

describe('detect', () => {
  const doc = parseHtml('<html><body></body></html>', 'https://example.org/');
  const yes = [
    'https://scholar.google.com/citations?user=8daWuo4AAAAJ',
    'https://scholar.google.ca/citations?user=8daWuo4AAAAJ&hl=en',
    'https://scholar.google.co.uk/citations?hl=en&user=8daWuo4AAAAJ&view_op=list_works&sortby=pubdate',
    'https://scholar.google.de/citations?user=8daWuo4AAAAJ&hl=de&cstart=20&pagesize=80',
    'https://scholar.google.co.jp/scholar?hl=ja&q=deep+learning',
    'https://scholar.google.com.au/scholar?cluster=2456688039791281496&hl=en',
    'https://scholar.google.com/scholar?cites=2456688039791281496&as_sdt=2005&sciodt=0,5&hl=en',
    'https://scholar.google.fr/scholar?as_q=graph&as_sauthors=kipf',
  ];
  const no = [
    'https://scholar.google.com/',
    'https://scholar.google.com/schhp?hl=en',
    'https://scholar.google.com/citations?hl=en', // "My profile" landing, no user
    'https://scholar.google.com/citations?view_op=search_authors&mauthors=kipf',
    'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=8daWuo4AAAAJ&citation_for_view=8daWuo4AAAAJ:NhqRSupF_l8C',
    'https://scholar.google.com/scholar?hl=en', // no query
    'https://scholar.google.com/sorry/index?continue=https://scholar.google.com/scholar%3Fq%3Dx',
    'https://www.google.com/search?q=crispr',
    'https://www.semanticscholar.org/search?q=crispr',
    'https://dblp.org/pid/00/1234.html',
    'https://arxiv.org/abs/1609.02907',
    'https://scholar.example.com/scholar?q=crispr',
    'https://notscholar.google.com/scholar?q=x',
    'https://openreview.net/forum?id=SJU4ayYgl',
  ];
  for (const u of yes) it(`claims ${u}`, () => expect(googleScholar.detect(new URL(u), doc)).toBe(true));
  for (const u of no) it(`leaves ${u}`, () => expect(googleScholar.detect(new URL(u), doc)).toBe(false));

  it('tells profile and search URLs apart', () => {
    expect(isProfileUrl(new URL(yes[0]))).toBe(true);
    expect(isSearchUrl(new URL(yes[0]))).toBe(false);
    expect(isSearchUrl(new URL(yes[4]))).toBe(true);
    expect(isProfileUrl(new URL(yes[4]))).toBe(false);
  });
});

describe('helpers', () => {
  const base = new URL('https://scholar.google.ca/citations?user=x');

  it('splitScholarAuthors: "..." and glued "…" mark truncation', () => {
    expect(splitScholarAuthors('A Shepherd, E Ivins, ...')).toEqual({ authors: ['A Shepherd', 'E Ivins'], truncated: true });
    expect(splitScholarAuthors('F Ran, PD Hsu, DA Scott…')).toEqual({ authors: ['F Ran', 'PD Hsu', 'DA Scott'], truncated: true });
    expect(splitScholarAuthors('T van de Ven')).toEqual({ authors: ['T van de Ven'], truncated: false });
    expect(splitScholarAuthors('')).toEqual({ authors: [], truncated: false });
  });

  it('parseByline splits authors / venue, year / source', () => {
    expect(parseByline('F Jiang, JA Doudna - Annual review of biophysics, 2017 - annualreviews.org')).toEqual({
      authors: ['F Jiang', 'JA Doudna'],
      truncated: false,
      venue: 'Annual review of biophysics',
      year: 2017,
    });
    expect(parseByline('WL Hamilton - 2020 - books.google.com')).toEqual({
      authors: ['WL Hamilton'],
      truncated: false,
      venue: undefined,
      year: 2020,
    });
    expect(parseByline('J Zhou, G Cui - AI open, 2020')).toEqual({
      authors: ['J Zhou', 'G Cui'],
      truncated: false,
      venue: 'AI open',
      year: 2020,
    });
    // Two parts without a year: the second is the source host, not a venue.
    expect(parseByline('J Smith - books.google.com')).toEqual({
      authors: ['J Smith'],
      truncated: false,
      venue: undefined,
      year: undefined,
    });
    expect(parseByline('A B\u00a0- Archives of Disease in\u00a0…, 2016 - ep.bmj.com').venue).toBe('Archives of Disease in …');
    expect(parseByline('')).toEqual({ authors: [], truncated: false, venue: undefined, year: undefined });
  });

  it('stripTitlePrefix drops type labels but keeps bracketed chemistry', () => {
    expect(stripTitlePrefix('[PDF][PDF] CRISPR–Cas9 structures')).toBe('CRISPR–Cas9 structures');
    expect(stripTitlePrefix('[CITATION][C] Graph neural networks')).toBe('Graph neural networks');
    expect(stripTitlePrefix('[BOOK][B] Graph representation learning')).toBe('Graph representation learning');
    expect(stripTitlePrefix('[18F]FDG PET imaging of inflammation')).toBe('[18F]FDG PET imaging of inflammation');
  });

  it('textWithout skips decoration and spaces <br>', () => {
    const doc = parseHtml(
      '<h3 id="t"><span class="gs_ctc"><span class="gs_ct1">[HTML]</span><span class="gs_ct2">[HTML]</span></span> <a>A<b>B</b></a></h3><div id="s">one<br>two</div>',
      'https://scholar.google.com/scholar?q=x',
    );
    expect(textWithout(doc.querySelector('#t'), '.gs_ctc')).toBe('AB');
    expect(textWithout(doc.querySelector('#s'))).toBe('one two');
    expect(textWithout(null)).toBe('');
  });

  it('parseTotalResults takes the count, not the page number or timing', () => {
    expect(parseTotalResults('About 594.000 results (0,04 sec)')).toBe(594000);
    expect(parseTotalResults('About 1,230,000 results (0.06 sec)')).toBe(1230000);
    expect(parseTotalResults('Page 2 of about 594,000 results (0.05 sec)')).toBe(594000);
    expect(parseTotalResults('Ungefähr 1.230.000 Ergebnisse (0,05 Sek.)')).toBe(1230000);
    expect(parseTotalResults('約 594,000 件中 2 ページ目 (0.05 秒)')).toBe(594000);
    expect(parseTotalResults('3 results (0.02 sec)')).toBe(3);
    expect(parseTotalResults('')).toBeUndefined();
  });

  it('ids from links: user=, first cites= id, cluster=', () => {
    expect(userIdOf('/citations?user=gt-dzeEAAAAJ&hl=en&oi=sra', base)).toBe('gt-dzeEAAAAJ');
    expect(userIdOf('/citations?view_op=search_authors&mauthors=x', base)).toBeUndefined();
    expect(userIdOf('https://example.org/?user=abc', base)).toBeUndefined();
    expect(clusterIdOf('https://scholar.google.com/scholar?oi=bibs&hl=en&cites=1550289774,7712993314', base, 'cites')).toBe('1550289774');
    expect(clusterIdOf('/scholar?cluster=2456688039791281496&hl=en', base, 'cluster')).toBe('2456688039791281496');
    expect(clusterIdOf('', base, 'cites')).toBeUndefined();
  });

  it('decodeCid reads data-cid as a little-endian cluster id', () => {
    expect(decodeCid('WMW1j8HoFyIJ')).toBe('2456688039791281496');
    expect(decodeCid('-WTGsFY9ZegJ')).toBe('16745858231989331193');
    expect(decodeCid('')).toBeUndefined();
    expect(decodeCid('not a cid!')).toBeUndefined();
  });

  it('arxivFromVenue reads arXiv / CoRR venue lines only', () => {
    expect(arxivFromVenue('arXiv preprint arXiv:2104.01234')).toBe('2104.01234');
    expect(arxivFromVenue('CoRR abs/1609.02907')).toBe('1609.02907');
    expect(arxivFromVenue('arXiv preprint arXiv …')).toBeUndefined();
    expect(arxivFromVenue('Nature 579, 233-239')).toBeUndefined();
    expect(arxivFromVenue(undefined)).toBeUndefined();
  });

  it('parseMetricsTable reads by position whatever the labels', () => {
    const doc = parseHtml(
      `<table id="gsc_rsb_st"><thead><tr><th></th><th>Toutes</th><th>Depuis 2019</th></tr></thead><tbody>
       <tr><td>Citations</td><td>120</td><td>80</td></tr><tr><td>indice h</td><td>5</td><td>4</td></tr>
       <tr><td>indice i10</td><td>3</td><td>2</td></tr></tbody></table>`,
      'https://scholar.google.fr/citations?user=x&hl=fr',
    );
    expect(parseMetricsTable(doc.querySelector('#gsc_rsb_st'))).toEqual({
      citations: 120,
      hIndex: 5,
      i10Index: 3,
      since: { year: 2019, citations: 80, hIndex: 4, i10Index: 2 },
    });
    expect(parseMetricsTable(null)).toEqual({});
  });

  it('parseHistogram pairs bars with the nearest year, by order only when counts match', () => {
    const h = (inner: string) => parseHtml(`<div id="h">${inner}</div>`, 'https://scholar.google.com/').querySelector('#h')!;
    // 2011 has no bar: bars pair by position, 2011 reads 0.
    expect(
      parseHistogram(
        h(`<span class="gsc_g_t" style="right:67px">2010</span><span class="gsc_g_t" style="right:35px">2011</span>
           <span class="gsc_g_t" style="right:3px">2012</span>
           <a class="gsc_g_a" style="right:72px;top:1px;height:5px"><span class="gsc_g_al">4</span></a>
           <a class="gsc_g_a" style="right:8px;top:1px;height:9px"><span class="gsc_g_al">9</span></a>`),
      ),
    ).toEqual({ 2010: 4, 2011: 0, 2012: 9 });
    // No positions: order, when counts match.
    expect(
      parseHistogram(
        h(`<span class="gsc_g_t">2010</span><span class="gsc_g_t">2011</span>
           <a class="gsc_g_a"><span class="gsc_g_al">4</span></a><a class="gsc_g_a"><span class="gsc_g_al">7</span></a>`),
      ),
    ).toEqual({ 2010: 4, 2011: 7 });
    // No positions and fewer bars than years: ambiguous, so nothing.
    expect(
      parseHistogram(
        h(`<span class="gsc_g_t">2010</span><span class="gsc_g_t">2011</span><a class="gsc_g_a"><span class="gsc_g_al">4</span></a>`),
      ),
    ).toBeUndefined();
    expect(parseHistogram(h(''))).toBeUndefined();
  });

  it('isBlocked: CAPTCHA markers, /sorry/, and "unusual traffic" only on empty pages', () => {
    const u = new URL('https://scholar.google.com/scholar?q=x');
    expect(isBlocked(parseHtml('<div id="gs_captcha_ccl"></div>', u.href), u)).toBe(true);
    expect(isBlocked(parseHtml('<form id="captcha-form"></form>', u.href), u)).toBe(true);
    expect(isBlocked(parseHtml('<p>Our systems have detected unusual traffic</p>', u.href), u)).toBe(true);
    expect(isBlocked(parseHtml('<p>hi</p>', u.href), new URL('https://scholar.google.com/sorry/index'))).toBe(true);
    // A result whose snippet mentions unusual traffic is not a block page.
    expect(
      isBlocked(parseHtml('<div class="gs_r gs_or"><div class="gs_rs">detecting unusual traffic in networks</div></div>', u.href), u),
    ).toBe(false);
  });

  it('never throws on odd markup and returns null when there is nothing', () => {
    const odd = [
      '',
      '<div class="gs_r gs_or"></div>',
      '<div class="gs_r gs_or"><h3 class="gs_rt"></h3><div class="gs_a"> - - - </div></div>',
      '<table id="gsc_rsb_st"><tr><td></td></tr></table><tr class="gsc_a_tr"><td class="gsc_a_e">none</td></tr>',
      '<div class="gs_r gs_or"><h3 class="gs_rt"><a href="javascript:void(0)">T</a></h3><div class="gs_fl"><a href="/scholar?cites=abc">Cited by x</a></div></div>',
    ];
    for (const html of odd) {
      for (const u of ['https://scholar.google.com/scholar?q=x', 'https://scholar.google.com/citations?user=x']) {
        expect(() => googleScholar.scrape(parseHtml(html, u), new URL(u))).not.toThrow();
      }
    }
    expect(
      googleScholar.scrape(parseHtml('', 'https://scholar.google.com/scholar?q=x'), new URL('https://scholar.google.com/scholar?q=x')),
    ).toBeNull();
    const t = googleScholar.scrape(
      parseHtml(odd[4], 'https://scholar.google.com/scholar?q=x'),
      new URL('https://scholar.google.com/scholar?q=x'),
    )!;
    expect(t.papers).toEqual([{ title: 'T', authors: [] }]);
  });

  it('reads thousands of profile rows whole', () => {
    const big = scholarProfilePage(2000);
    const doc = parseHtml(big.html, big.url);
    const r = googleScholar.scrape(doc, new URL(big.url))!;
    expect(r.papers).toHaveLength(2000);
    expect(r.papers[1999]).toMatchObject({ title: 'Paper 1999', citations: 1999, ids: { scholar: '2000' }, venue: 'V', year: 2020 });
  });
});
