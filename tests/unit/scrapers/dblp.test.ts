// DBLP adapter: hand-made fixtures (tests/fixtures/dblp/), the real 2015 person page from
// ../shared/pages, and the helpers' edge cases.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  arxivFromDblpKey,
  dblp,
  dblpPageKind,
  parseMatches,
  personIdFromHref,
  stripHomonym,
  tocVenue,
} from '../../../lib/scrapers/sites/dblp';
import type { ScrapeResult, ScrapedPaper } from '../../../lib/core/types';
import { describeShared, fixturesDir, loadPage, parseHtml, sharedPages } from '../../helpers/dom';

interface Expected {
  url: string;
  adapter: string | null;
  result: ScrapeResult | null;
}

const dir = join(fixturesDir, 'dblp');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

describe('dblp fixtures (each one is compared with its expected JSON in fixtures.test.ts)', () => {
  it('has a positive fixture for every page kind and null cases', () => {
    const kinds = new Set<string>();
    let nulls = 0;
    for (const name of cases) {
      const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
      if (exp.result) kinds.add(exp.result.kind);
      else nulls++;
    }
    expect([...kinds].sort()).toEqual(['author', 'listing', 'search']);
    expect(nulls).toBeGreaterThanOrEqual(2);
  });
});

describeShared('dblp real page: person-clauset.html (2015, legacy URL)', ['pages/dblp/person-clauset.html'], () => {
  const url = 'http://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron';
  const load = () => {
    const doc = loadPage(join(sharedPages, 'dblp/person-clauset.html'), url);
    expect(dblp.detect(new URL(url), doc)).toBe(true);
    const r = dblp.scrape(doc, new URL(url));
    expect(r).not.toBeNull();
    return r as ScrapeResult;
  };
  const byKey = (r: ScrapeResult, key: string): ScrapedPaper => {
    const p = r.papers.find((x) => x.ids?.dblp === key);
    expect(p, key).toBeDefined();
    return p as ScrapedPaper;
  };

  it('reads the author, with the pid from the "homepages/97/4275" key', () => {
    const r = load();
    expect(r.site).toBe('dblp');
    expect(r.kind).toBe('author');
    expect(r.url).toBe(url);
    expect(r.author?.name).toBe('Aaron Clauset');
    expect(r.author?.id).toBe('97/4275');
    expect(r.author?.url).toBe('https://dblp.org/pid/97/4275.html');
    expect(r.author?.metrics).toEqual({ papers: 31 });
    expect(r.author?.affiliation).toBeUndefined();
    expect(r.author?.homepage).toBeUndefined();
  });

  it('reads the coauthor index', () => {
    const co = load().author?.coauthors ?? [];
    expect(co).toHaveLength(31);
    expect(co[0]).toEqual({
      name: 'Dimitris Achlioptas',
      id: 'a/Achlioptas:Dimitris',
      url: 'http://dblp.uni-trier.de/pers/hd/a/Achlioptas:Dimitris',
    });
    expect(co.find((c) => c.name === 'Mark E. J. Newman')?.id).toBe('n/Newman:Mark_E=_J=');
    expect(co[30].name).toBe('Pan Zhang');
  });

  it('lists all 31 entries with type, year, key and ee', () => {
    const r = load();
    expect(r.papers).toHaveLength(31);
    const types: Record<string, number> = {};
    const years: Record<string, number> = {};
    for (const p of r.papers) {
      types[p.type ?? '?'] = (types[p.type ?? '?'] ?? 0) + 1;
      years[String(p.year)] = (years[String(p.year)] ?? 0) + 1;
      expect(p.ids?.dblp).toBeTruthy();
      expect(p.url).toMatch(/^http:\/\//);
      expect(p.title).not.toMatch(/\.$/);
      expect(p.authors).toContain('Aaron Clauset');
    }
    expect(types).toEqual({ inproceedings: 6, article: 6, preprint: 19 });
    expect(years).toEqual({ '2015': 6, '2014': 5, '2013': 8, '2012': 2, '2011': 1, '2009': 4, '2006': 1, '2005': 3, '2004': 1 });
    expect(r.papers.filter((p) => p.ids?.doi)).toHaveLength(9);
    expect(r.papers.filter((p) => p.ids?.arxiv)).toHaveLength(19);
  });

  it('reads specific entries exactly', () => {
    const r = load();
    expect(r.papers[0]).toEqual({
      title: 'Detecting Change Points in the Large-Scale Structure of Evolving Networks',
      authors: ['Leto Peel', 'Aaron Clauset'],
      year: 2015,
      venue: 'AAAI',
      type: 'inproceedings',
      ids: { dblp: 'conf/aaai/PeelC15' },
      url: 'http://www.aaai.org/ocs/index.php/AAAI/AAAI15/paper/view/9485',
    });
    expect(byKey(r, 'journals/siamrev/ClausetSN09')).toEqual({
      title: 'Power-Law Distributions in Empirical Data',
      authors: ['Aaron Clauset', 'Cosma Rohilla Shalizi', 'Mark E. J. Newman'],
      year: 2009,
      venue: 'SIAM Review',
      type: 'article',
      ids: { dblp: 'journals/siamrev/ClausetSN09', doi: '10.1137/070710111' },
      url: 'http://dx.doi.org/10.1137/070710111',
    });
    expect(byKey(r, 'journals/corr/JacobsWUC15')).toEqual({
      title: 'Assembling thefacebook: Using heterogeneity to understand online social network assembly',
      authors: ['Abigail Z. Jacobs', 'Samuel F. Way', 'Johan Ugander', 'Aaron Clauset'],
      year: 2015,
      venue: 'CoRR',
      type: 'preprint',
      ids: { dblp: 'journals/corr/JacobsWUC15', arxiv: '1503.06772' },
      url: 'http://arxiv.org/abs/1503.06772',
    });
    expect(byKey(r, 'journals/corr/abs-physics-0610051')).toMatchObject({
      title: 'Structural Inference of Hierarchies in Networks',
      authors: ['Aaron Clauset', 'Cristopher Moore', 'Mark E. J. Newman'],
      year: 2006,
      ids: { arxiv: 'physics/0610051' },
      url: 'http://arxiv.org/abs/physics/0610051',
    });
    expect(byKey(r, 'journals/corr/abs-cond-mat-0503087').ids?.arxiv).toBe('cond-mat/0503087');
    expect(byKey(r, 'journals/corr/abs-1303-6372').ids?.arxiv).toBe('1303.6372');
    // doi.acm.org links carry the DOI too.
    expect(byKey(r, 'conf/cscw/MasonC13')).toMatchObject({
      title: 'Friends FTW! friendship and competition in halo: reach',
      venue: 'CSCW',
      year: 2013,
      ids: { doi: '10.1145/2441776.2441820' },
    });
    expect(byKey(r, 'conf/aaaiss/EagleCQ09').venue).toBe('AAAI Spring Symposium: Technosocial Predictive Analytics');
    // Only the final dot goes; the "1." inside the title stays.
    expect(byKey(r, 'journals/jcisd/XiaoCHBSS05')).toMatchObject({
      title: 'Supervised Self-Organizing Maps in Drug Discovery. 1. Robust Behavior with Overdetermined Data Sets',
      authors: ['Yun-De Xiao', 'Aaron Clauset', 'Rebecca Harris', 'Ersin Bayram', 'Peter Santago II', 'Jeffrey D. Schmitt'],
      venue: 'Journal of Chemical Information and Modeling',
      year: 2005,
      ids: { doi: '10.1021/ci0500839' },
    });
    expect(r.papers[30]).toMatchObject({
      ids: { dblp: 'journals/jcamd/BayramSHXCS04', doi: '10.1007/s10822-004-5321-2' },
      year: 2004,
      venue: 'Journal of Computer-Aided Molecular Design',
    });
  });

  it('scraping is pure: the same page again gives the same result and leaves the page as it was', () => {
    const doc = loadPage(join(sharedPages, 'dblp/person-clauset.html'), url);
    const before = doc.body.textContent;
    const first = dblp.scrape(doc, new URL(url));
    expect(first?.papers.length).toBe(31);
    for (let i = 0; i < 4; i++) expect(dblp.scrape(doc, new URL(url))).toEqual(first);
    expect(doc.body.textContent).toBe(before);
  });
});

describe('dblp detect', () => {
  const blank = parseHtml('<html><body></body></html>', 'https://example.org/');
  const yes = [
    'https://dblp.org/pid/97/4275.html',
    'https://dblp.org/pid/97/4275',
    'http://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron',
    'https://dblp.dagstuhl.de/pers/c/Clauset:Aaron.html',
    'https://www.dblp.org/pid/g/AristidesGionis.html',
    'https://dblp.org/search?q=clauset',
    'https://dblp.uni-trier.de/search/publ?q=power+law',
    'https://dblp.org/db/conf/kdd/kdd2019.html',
    'https://dblp.org/db/journals/cacm/cacm51.html',
  ];
  const no = [
    'https://example.org/pid/97/4275.html',
    'https://scholar.google.com/citations?user=abc',
    'https://www.semanticscholar.org/search?q=dblp',
    'https://arxiv.org/abs/2301.00001',
    'https://dblp.org/',
    'https://dblp.org/db/conf/kdd/index.html',
    'https://dblp.org/rec/conf/kdd/SmithJ19.html',
    'https://dblp.org/pid/97/4275.xml',
    'https://dblp.org/faq/index.html',
    'https://notdblp.org/pid/97/4275.html',
    'https://dblp.org.evil.com/pid/97/4275.html',
  ];
  for (const u of yes) it(`claims ${u}`, () => expect(dblp.detect(new URL(u), blank)).toBe(true));
  for (const u of no) it(`ignores ${u}`, () => expect(dblp.detect(new URL(u), blank)).toBe(false));

  it('tells the page kinds apart', () => {
    expect(dblpPageKind(new URL('https://dblp.org/pid/97/4275.html'))).toBe('author');
    expect(dblpPageKind(new URL('https://dblp.org/search?q=x'))).toBe('search');
    expect(dblpPageKind(new URL('https://dblp.org/db/conf/kdd/kdd2019.html'))).toBe('listing');
  });

  it('returns null for a dblp page without entries', () => {
    const url = new URL('https://dblp.org/db/conf/kdd/kdd2019.html');
    expect(dblp.scrape(parseHtml('<html><body><ul class="publ-list"></ul></body></html>', url.href), url)).toBeNull();
  });

  it('skips entries without a title and never throws on odd markup', () => {
    const url = new URL('https://dblp.org/search?q=x');
    const html =
      '<ul class="publ-list"><li class="year">20xx</li><li class="entry article"><cite class="data"></cite></li>' +
      '<li class="entry"><cite class="data"><span class="title">Bare.</span></cite><nav class="publ"><a href="javascript:void(0)" itemprop="url">x</a></nav></li></ul>';
    const r = dblp.scrape(parseHtml(html, url.href), url);
    expect(r?.papers).toEqual([{ title: 'Bare', authors: [] }]);
  });
});

describe('dblp helpers', () => {
  it('stripHomonym drops the 4-digit homonym number only', () => {
    expect(stripHomonym('Wei Wang 0001')).toBe('Wei Wang');
    expect(stripHomonym(' Li  Müller 0002 ')).toBe('Li Müller');
    expect(stripHomonym('Peter Santago II')).toBe('Peter Santago II');
    expect(stripHomonym('Aaron Clauset')).toBe('Aaron Clauset');
  });

  it('personIdFromHref reads pids and legacy name keys, only on dblp', () => {
    expect(personIdFromHref('https://dblp.org/pid/97/4275.html')).toBe('97/4275');
    expect(personIdFromHref('https://dblp.dagstuhl.de/pid/g/AristidesGionis.html')).toBe('g/AristidesGionis');
    expect(personIdFromHref('https://dblp.org/pid/199/1234-2.html')).toBe('199/1234-2');
    expect(personIdFromHref('http://dblp.uni-trier.de/pers/hd/n/Newman:Mark_E=_J=')).toBe('n/Newman:Mark_E=_J=');
    expect(personIdFromHref('https://dblp.org/pers/c/Clauset:Aaron.html')).toBe('c/Clauset:Aaron');
    expect(personIdFromHref('https://example.org/pid/97/4275.html')).toBeUndefined();
    expect(personIdFromHref('https://dblp.org/db/conf/kdd/kdd2019.html')).toBeUndefined();
    expect(personIdFromHref(undefined)).toBeUndefined();
  });

  it('arxivFromDblpKey maps CoRR keys', () => {
    expect(arxivFromDblpKey('journals/corr/abs-1234-5678')).toBe('1234.5678');
    expect(arxivFromDblpKey('journals/corr/abs-2401-01234')).toBe('2401.01234');
    expect(arxivFromDblpKey('journals/corr/abs-physics-0610051')).toBe('physics/0610051');
    expect(arxivFromDblpKey('journals/corr/abs-cond-mat-0503087')).toBe('cond-mat/0503087');
    expect(arxivFromDblpKey('journals/corr/PeelC15')).toBeUndefined();
    expect(arxivFromDblpKey('conf/kdd/SmithJ19')).toBeUndefined();
    expect(arxivFromDblpKey(undefined)).toBeUndefined();
  });

  it('parseMatches reads the search count line', () => {
    expect(parseMatches('found 6,368 matches')).toBe(6368);
    expect(parseMatches('found 103 matches')).toBe(103);
    expect(parseMatches('found one match')).toBe(1);
    expect(parseMatches('found 1 match')).toBe(1);
    expect(parseMatches('no matches')).toBe(0);
    expect(parseMatches('')).toBeUndefined();
  });

  it('tocVenue trims the TOC page title', () => {
    expect(tocVenue('dblp: KDD 2023')).toBe('KDD');
    expect(tocVenue('dblp: ACM Trans. Knowl. Discov. Data, Volume 18')).toBe('ACM Trans. Knowl. Discov. Data');
    expect(tocVenue('dblp: SIGGRAPH Asia 2023')).toBe('SIGGRAPH Asia');
    expect(tocVenue('')).toBeUndefined();
  });
});
