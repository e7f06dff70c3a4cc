// author-profile (the heuristic once called seed-author): what the one fixture runner
// (fixtures.test.ts, which compares each expected result) does not check about its fixtures, the seed
// texts in ../shared/seeds checked against the fixtures (and rendered whole into pages), helper
// units, and ordinary pages that must not be taken for author pages.
import { describeShared } from '../../helpers/shared';
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorLine, isPersonName } from '../../../lib/scrapers/heuristics/author-lines';
import { authorProfile } from '../../../lib/scrapers/heuristics/author-profile';
import { parseDisplayDate } from '../../../lib/scrapers/heuristics/display-date';
import { matchMetricPair, metricKey } from '../../../lib/scrapers/heuristics/metrics-header';
import { paperSearch } from '../../../lib/scrapers/heuristics/paper-search';
import type { ScrapeResult } from '../../../lib/core/types';
import { authorProfileCardsPage } from '../../helpers/big-pages';
import { fixturesDir, parseHtml, sharedSeeds } from '../../helpers/dom';

interface Expected {
  url: string;
  adapter: string | null;
  result: ScrapeResult | null;
}

const dir = join(fixturesDir, 'author-profile');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

function load(name: string): { exp: Expected; doc: Document; url: URL } {
  const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
  return { exp, doc: parseHtml(readFileSync(join(dir, `${name}.html`), 'utf8'), exp.url), url: new URL(exp.url) };
}

function run(html: string, url = 'https://www.example-papers.org/author/someone') {
  const doc = parseHtml(html, url);
  const u = new URL(url);
  return { detect: authorProfile.detect(u, doc), result: authorProfile.scrape(doc, u), search: paperSearch.detect(u, doc) };
}

describe('author-profile fixtures', () => {
  it('has the required page kinds', () => {
    for (const n of [
      'author-metrics-dumoulin',
      'author-metrics-gelly',
      'author-abstracts-lamb',
      'author-abstracts-memisevic',
      'author-no-papers',
      'author-challenge-page',
    ]) {
      expect(names).toContain(n);
    }
  });

  // The expected results themselves are compared by fixtures.test.ts.
  for (const name of names) {
    it(`${name}: round-trips exactly and is never a search page`, () => {
      const { exp, doc, url } = load(name);
      const got = authorProfile.scrape(doc, url);
      if (exp.adapter === 'author-profile' && exp.result) {
        expect(authorProfile.detect(url, doc)).toBe(true);
        // Round-trips exactly: no undefined, no empty strings.
        expect(JSON.stringify(got)).not.toMatch(/"":|:""|null/);
      } else {
        expect(authorProfile.detect(url, doc) === false || got === null).toBe(true);
      }
      // Never the other kind.
      expect(paperSearch.detect(url, doc)).toBe(false);
      expect(paperSearch.scrape(doc, url)).toBeNull();
    });
  }

  it('does not take the paper-search fixtures for author pages', () => {
    const sdir = join(fixturesDir, 'paper-search');
    for (const f of readdirSync(sdir).filter((x) => x.endsWith('.html'))) {
      const exp = JSON.parse(readFileSync(join(sdir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;
      const doc = parseHtml(readFileSync(join(sdir, f), 'utf8'), exp.url);
      expect(authorProfile.detect(new URL(exp.url), doc), f).toBe(false);
      expect(authorProfile.scrape(doc, new URL(exp.url)), f).toBeNull();
    }
  });

  it("never lists the page's own person as a paper", () => {
    for (const name of names) {
      const { exp } = load(name);
      if (!exp.result?.author) continue;
      const own = exp.result.author.name.toLowerCase();
      for (const p of exp.result.papers) expect(p.title.toLowerCase()).not.toBe(own);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Seeds: the text renderings of the real pages users browse.

const seedFile = (prefix: string) => {
  const f = readdirSync(sharedSeeds).find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`seed ${prefix} missing`);
  return readFileSync(join(sharedSeeds, f), 'utf8');
};

const META_LINE = /^([A-Z]{2})((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4})(Code)?$/;

interface SeedCard {
  cat: string;
  date: string;
  code: boolean;
  title: string;
  authors: string;
  abstract: string;
}

/** Parse a 000/001-style seed: name, header lines, then cards of meta/title/authors/abstract. */
function parseSeedAuthor(text: string): { name: string; header: string[]; cards: SeedCard[] } {
  const lines = text.split('\n');
  const name = lines[0].trim();
  const first = lines.findIndex((l) => META_LINE.test(l));
  const header = lines
    .slice(1, first)
    .map((l) => l.trim())
    .filter(Boolean);
  const cards: SeedCard[] = [];
  for (let i = first; i < lines.length; i++) {
    const m = META_LINE.exec(lines[i]);
    if (!m) continue;
    cards.push({ cat: m[1], date: m[2], code: !!m[3], title: lines[i + 1], authors: lines[i + 3], abstract: lines[i + 5] });
  }
  return { name, header, cards };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Render a whole seed author page into plain markup: text-only pills ("h-index27"), a text-only
 * meta line ("CVApr 1, 2022Code"), as a different site skin than the fixtures.
 */
function renderSeedAuthor(seed: ReturnType<typeof parseSeedAuthor>): string {
  const [cat, ...rest] = seed.header;
  const heading = rest.pop()!;
  return `<!doctype html><html><head><title>${esc(seed.name)}</title></head><body>
<nav><a href="/">Home</a> <a href="/search">Search</a></nav>
<main><div class="profile"><h1>${esc(seed.name)}</h1><div class="chip">${cat}</div>
<div class="stats">${rest.map((r) => `<div class="stat">${esc(r)}</div>`).join('')}</div></div>
<h2>${esc(heading)}</h2><div class="list">
${seed.cards
  .map(
    (c) => `<div class="card"><div class="meta">${c.cat}${c.date}${c.code ? 'Code' : ''}</div>
<h3><a href="/paper/x">${esc(c.title)}</a></h3><div class="authors">${esc(c.authors)}</div><div class="abs">${esc(c.abstract)}</div></div>`,
  )
  .join('\n')}
</div></main><footer>© 2025</footer></body></html>`;
}

describeShared('seed texts agree with the fixtures', ['seeds'], () => {
  it('000 (Vincent Dumoulin): header, metrics, and every fixture card appear in the seed, in order', () => {
    const text = seedFile('000_');
    const seed = parseSeedAuthor(text);
    expect(seed.name).toBe('Vincent Dumoulin');
    expect(seed.header).toEqual(['LG', 'h-index27', '33papers', '27,675citations', 'Novelty46%', 'AI Score47', '33 Papers']);
    expect(seed.cards).toHaveLength(33);
    const { exp } = load('author-metrics-dumoulin');
    expect(exp.result!.author!.name).toBe(seed.name);
    let last = -1;
    for (const p of exp.result!.papers) {
      const i = seed.cards.findIndex((c) => c.title === p.title);
      expect(i, p.title).toBeGreaterThan(last);
      last = i;
      const c = seed.cards[i];
      expect(c.authors).toBe(p.authors.join(', ') + (p.authorsTruncated ? ' et al.' : ''));
      expect(c.abstract).toBe(p.abstract);
      expect(p.categories).toEqual([c.cat]);
      expect(parseDisplayDate(c.date)?.date).toBe(p.date);
      expect(c.code).toBe(!!p.hasCode);
    }
  });

  it('001 (Sylvain Gelly): no h-index in the header; fixture cards appear in the seed, in order', () => {
    const seed = parseSeedAuthor(seedFile('001_'));
    expect(seed.name).toBe('Sylvain Gelly');
    expect(seed.header).toEqual(['LG', '43papers', '81,670citations', 'Novelty46%', 'AI Score31', '43 Papers']);
    expect(seed.cards).toHaveLength(43);
    const { exp } = load('author-metrics-gelly');
    let last = -1;
    for (const p of exp.result!.papers) {
      const i = seed.cards.findIndex((c) => c.title === p.title);
      expect(i, p.title).toBeGreaterThan(last);
      last = i;
      expect(seed.cards[i].authors).toBe(p.authors.join(', ') + (p.authorsTruncated ? ' et al.' : ''));
      expect(seed.cards[i].abstract).toBe(p.abstract);
      expect(seed.cards[i].code).toBe(!!p.hasCode);
    }
  });

  it('002/003: fixture abstracts are the seed\'s "Abstract:" entries; 003 is headed by its affiliation', () => {
    const s2 = seedFile('002_');
    const s3 = seedFile('003_');
    const entries = (s: string) =>
      s
        .split('\n')
        .filter((l) => l.startsWith('Abstract:'))
        .map((l) => l.slice('Abstract:'.length).trim());
    expect(entries(s2)).toHaveLength(9);
    expect(entries(s3)).toHaveLength(10);
    expect(s2.trim().startsWith('Abstract:')).toBe(true); // no visible name/affiliation line
    expect(s3.split('\n')[0]).toBe('University of Frankfurt');
    for (const p of load('author-abstracts-lamb').exp.result!.papers) expect(entries(s2)).toContain(p.abstract);
    for (const p of load('author-abstracts-memisevic').exp.result!.papers) expect(entries(s3)).toContain(p.abstract);
    expect(load('author-abstracts-memisevic').exp.result!.author!.affiliation).toBe('University of Frankfurt');
  });

  it('000 rendered whole: 33 papers, exact metrics, Code badges, the author never a paper', () => {
    const seed = parseSeedAuthor(seedFile('000_'));
    const url = 'https://www.example-papers.org/author/vincent-dumoulin';
    const { detect, result, search } = run(renderSeedAuthor(seed), url);
    expect(detect).toBe(true);
    expect(search).toBe(false);
    expect(result!.author).toEqual({
      name: 'Vincent Dumoulin',
      url,
      metrics: { hIndex: 27, papers: 33, citations: 27675, other: { Novelty: 46, 'AI Score': 47 } },
    });
    expect(result!.papers.map((p) => p.title)).toEqual(seed.cards.map((c) => c.title));
    expect(result!.papers.filter((p) => p.hasCode).length).toBe(seed.cards.filter((c) => c.code).length);
    expect(result!.papers.filter((p) => p.hasCode).length).toBe(4);
    expect(result!.papers.map((p) => p.categories![0])).toEqual(seed.cards.map((c) => c.cat));
    expect(result!.papers[0]).toMatchObject({
      title: 'Proper Reuse of Image Classification Features Improves Object Detection',
      authors: ['Cristina Vasconcelos', 'Vighnesh Birodkar', 'Vincent Dumoulin'],
      date: '2022-04-01',
      year: 2022,
      categories: ['CV'],
    });
    const theano = result!.papers.find((p) => p.title.startsWith('Theano'))!;
    expect(theano.authors).toEqual(['The Theano Development Team', 'Rami Al-Rfou', 'Guillaume Alain']);
    expect(theano.authorsTruncated).toBe(true);
    expect(result!.papers.at(-1)).toMatchObject({ title: 'Pylearn2: a machine learning research library', date: '2013-08-20' });
    for (const p of result!.papers) expect(p.title).not.toBe('Vincent Dumoulin');
  });

  it('001 rendered whole: 43 papers, papers/citations without an h-index', () => {
    const seed = parseSeedAuthor(seedFile('001_'));
    const { result } = run(renderSeedAuthor(seed), 'https://www.example-papers.org/author/sylvain-gelly');
    expect(result!.author!.metrics).toEqual({ papers: 43, citations: 81670, other: { Novelty: 46, 'AI Score': 31 } });
    expect(result!.papers).toHaveLength(43);
    expect(result!.papers.map((p) => p.title)).toEqual(seed.cards.map((c) => c.title));
    expect(result!.papers.map((p) => p.date)).toEqual(seed.cards.map((c) => parseDisplayDate(c.date)!.date));
    expect(result!.papers.every((p) => p.abstract && p.authors.length >= 2)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers

describe('matchMetricPair / metricKey', () => {
  it('splits labels before or after numbers, with or without spaces', () => {
    expect(matchMetricPair('h-index27')).toEqual({ label: 'h-index', num: '27', percent: false });
    expect(matchMetricPair('33papers')).toEqual({ label: 'papers', num: '33', percent: false });
    expect(matchMetricPair('27,675citations')).toEqual({ label: 'citations', num: '27,675', percent: false });
    expect(matchMetricPair('27 675 citations')).toEqual({ label: 'citations', num: '27 675', percent: false });
    expect(matchMetricPair('Novelty46%')).toEqual({ label: 'Novelty', num: '46', percent: true });
    expect(matchMetricPair('AI Score 47')).toEqual({ label: 'AI Score', num: '47', percent: false });
    expect(matchMetricPair('i10-index: 12')).toEqual({ label: 'i10-index', num: '12', percent: false });
    expect(matchMetricPair('1.2k citations')).toEqual({ label: 'citations', num: '1.2k', percent: false });
  });
  it('rejects dates, prose and bare numbers', () => {
    expect(matchMetricPair('Apr 1, 2022')).toBeUndefined();
    expect(matchMetricPair('CVApr 1, 2022Code')).toBeUndefined();
    expect(matchMetricPair('27')).toBeUndefined();
    expect(matchMetricPair('He was cited by many people in 2019 and 2020')).toBeUndefined();
  });
  it('maps labels to known metrics', () => {
    expect(metricKey('h-index')).toBe('hIndex');
    expect(metricKey('H Index')).toBe('hIndex');
    expect(metricKey('i10-index')).toBe('i10Index');
    expect(metricKey('papers')).toBe('papers');
    expect(metricKey('Publications')).toBe('papers');
    expect(metricKey('Citations')).toBe('citations');
    expect(metricKey('Cited by')).toBe('citations');
    expect(metricKey('Novelty')).toBeUndefined();
  });
});

describe('parseDisplayDate', () => {
  it('reads the card dates', () => {
    expect(parseDisplayDate('Apr 1, 2022')).toMatchObject({ date: '2022-04-01', year: 2022 });
    expect(parseDisplayDate('CVApr 1, 2022Code')).toMatchObject({ date: '2022-04-01', year: 2022, index: 2 });
    expect(parseDisplayDate('Sept 30, 2019')).toMatchObject({ date: '2019-09-30' });
    expect(parseDisplayDate('1 April 2022')).toMatchObject({ date: '2022-04-01' });
    expect(parseDisplayDate('2016-05-09')).toMatchObject({ date: '2016-05-09', year: 2016 });
  });
  it('rejects non-dates', () => {
    expect(parseDisplayDate('Apr 41, 2022')).toBeUndefined();
    expect(parseDisplayDate('27,675citations')).toBeUndefined();
    expect(parseDisplayDate('May the force')).toBeUndefined();
  });
});

describe('isPersonName', () => {
  it.each(['Vincent Dumoulin', 'Bart van Merriënboer', 'Daniel D. Johnson', 'Jean-Luc Godard', 'Piotr Stańczyk', '李飞飞'])(
    '%s is a name',
    (n) => expect(isPersonName(n)).toBe(true),
  );
  it.each([
    'Search ICLR 2019',
    'Accepted Papers',
    'Geoffrey',
    'The Hanabi Challenge: A New Frontier for AI Research',
    'About Us',
    'Deep Learning',
    'LG',
    '',
  ])('%s is not a name', (n) => expect(isPersonName(n)).toBe(false));
});

describe('authorLine', () => {
  const seg = (html: string) => parseHtml(`<div id="x">${html}</div>`, 'https://example.org/').querySelector('#x')!;
  it('splits text lists and marks et al.', () => {
    expect(authorLine(seg('Andrea Burns, Lauren Harrell, Bart van Merriënboer et al.'))).toEqual({
      authors: ['Andrea Burns', 'Lauren Harrell', 'Bart van Merriënboer'],
      truncated: true,
    });
    expect(authorLine(seg('Ian J. Goodfellow, David Warde-Farley and Pascal Lamblin'))).toEqual({
      authors: ['Ian J. Goodfellow', 'David Warde-Farley', 'Pascal Lamblin'],
      truncated: false,
    });
  });
  it('takes one author per element when there are no separators', () => {
    expect(authorLine(seg('<a href="/a">Vikas Verma</a> <a href="/b">Alex Lamb</a> <span>et al.</span>'))).toEqual({
      authors: ['Vikas Verma', 'Alex Lamb'],
      truncated: true,
    });
    expect(authorLine(seg('<li>David Krueger</li><li>Roland Memisevic</li>'))).toEqual({
      authors: ['David Krueger', 'Roland Memisevic'],
      truncated: false,
    });
  });
  it('refuses prose and toolbars', () => {
    expect(authorLine(seg('We introduce a guide to help deep learning practitioners. It is short.'))).toBeUndefined();
    expect(authorLine(seg('<a href="/pdf">PDF</a> · <a href="/abs">arXiv</a>'))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Small hand-written pages

describe('other markup of the same page kinds', () => {
  it('reads a <dl> metrics header and an "Abstract:" card abstract', () => {
    const { detect, result } = run(`<html><body><main>
      <h1>Jane Q. Doe</h1><p>Google DeepMind</p>
      <dl class="stats"><div><dt>Citations</dt><dd>1,024</dd></div><div><dt>h-index</dt><dd>12</dd></div><div><dt>Score</dt><dd>4.5</dd></div></dl>
      <section><h2>2 Papers</h2>
        <div class="c"><span>cs.LG</span> · <span>Jan 5, 2024</span><h3>A Paper About Things</h3><p>Jane Q. Doe, John Roe</p><p>Abstract: We study things at length, and find them interesting.</p>
          <a href="https://arxiv.org/abs/2401.01234v3">arXiv</a></div>
        <div class="c"><span>stat.ML</span> · <span>Feb 9, 2023</span><h3>Another Paper</h3><p>Jane Q. Doe</p><p>Abstract: A second study, also of things, with more results than before.</p></div>
      </section></main></body></html>`);
    expect(detect).toBe(true);
    expect(result!.author).toEqual({
      name: 'Jane Q. Doe',
      url: 'https://www.example-papers.org/author/someone',
      affiliation: 'Google DeepMind',
      metrics: { citations: 1024, hIndex: 12, other: { Score: 4.5 } },
    });
    expect(result!.papers).toEqual([
      {
        title: 'A Paper About Things',
        authors: ['Jane Q. Doe', 'John Roe'],
        year: 2024,
        date: '2024-01-05',
        abstract: 'We study things at length, and find them interesting.',
        categories: ['cs.LG'],
        ids: { arxiv: '2401.01234' },
      },
      {
        title: 'Another Paper',
        authors: ['Jane Q. Doe'],
        year: 2023,
        date: '2023-02-09',
        abstract: 'A second study, also of things, with more results than before.',
        categories: ['stat.ML'],
      },
    ]);
  });

  it('needs two known metrics: one pill is not a metrics header', () => {
    const { detect } = run(`<html><body><h1>Jane Doe</h1><div><span>citations</span><b>40</b></div>
      <h2>1 Papers</h2><article><div>LG<time>Jan 5, 2024</time></div><h3>A Paper About Things</h3><p>Jane Doe</p><p>An abstract that is long enough to be one, really.</p></article></body></html>`);
    expect(detect).toBe(false);
  });

  it('abstract list without a name heading needs the affiliation heading', () => {
    const entries = `<div class="p"><h3><a href="/p1">First Paper Title Here</a></h3><p>Abstract: We do the first thing, and it works well enough.</p></div>
      <div class="p"><h3><a href="/p2">Second Paper Title Here</a></h3><p>Abstract: We do the second thing, and it works even better.</p></div>`;
    const withAff = run(
      `<html><head><title>Kim Lee | Papers</title></head><body><div>Kim Lee</div><h2>Seoul National University</h2>${entries}</body></html>`,
    );
    expect(withAff.detect).toBe(true);
    expect(withAff.result!.author).toEqual({
      name: 'Kim Lee',
      url: 'https://www.example-papers.org/author/someone',
      affiliation: 'Seoul National University',
    });
    expect(withAff.result!.papers.map((p) => p.title)).toEqual(['First Paper Title Here', 'Second Paper Title Here']);
    const without = run(`<html><head><title>Kim Lee | Papers</title></head><body><div>Kim Lee</div>${entries}</body></html>`);
    expect(without.detect).toBe(false);
  });

  it('reads a big page (1,500 cards) whole', () => {
    const big = authorProfileCardsPage(1500);
    const { result } = run(big.html, big.url);
    expect(result!.papers).toHaveLength(1500);
    expect(result!.author!.metrics).toEqual({ hIndex: 50, papers: 1500 });
  });
});

describe('ordinary pages are not author pages', () => {
  const pages: Record<string, [string, string]> = {
    'Wikipedia biography that mentions citations and h-index': [
      'https://en.wikipedia.org/wiki/Yoshua_Bengio',
      `<html><head><title>Yoshua Bengio - Wikipedia</title></head><body><h1 id="firstHeading">Yoshua Bengio</h1>
       <table class="infobox"><tr><th>Born</th><td>March 5, 1964</td></tr><tr><th>Awards</th><td>Turing Award (2018)</td></tr></table>
       <p>Bengio is one of the most cited computer scientists, with over 800,000 citations and an h-index of 230 as of 2024.</p>
       <h2>Publications</h2><ul><li>Learning Deep Architectures for AI. Published Nov 15, 2009. Cited by 12,000.</li>
       <li>Representation Learning: A Review and New Perspectives. Published Aug 24, 2013.</li></ul>
       <div class="stats"><span>Citations</span> <span>800,000</span></div></body></html>`,
    ],
    'news article with a byline and date': [
      'https://www.example-news.com/2024/05/ai-model',
      `<html><body><article><h1>Jane Smith</h1><p class="byline">By Jane Smith · May 3, 2024</p>
       <h2>New AI model tops benchmarks</h2><p>The model, described in a paper with 12 authors, reached 90% accuracy.</p>
       <aside><span>Shares</span><span>1,204</span><span>Comments</span><span>88</span></aside></article></body></html>`,
    ],
    'GitHub README with citations': [
      'https://github.com/org/repo',
      `<html><body><h1>Awesome Papers</h1><article class="markdown-body"><h2>Citation</h2><pre>@article{x, year={2020}}</pre>
       <p>Stars 12k · Forks 1.2k · 300 citations</p><h3>Abstract</h3><p>Abstract: A toolkit.</p><p>Abstract: Another toolkit entry here.</p></article></body></html>`,
    ],
    'shop page with reviews and prices': [
      'https://shop.example.com/p/laptop',
      `<html><body><h1>Lenovo ThinkPad</h1><div><span>4.5</span><span>stars</span></div><div><span>1,024</span><span>reviews</span></div>
       <div><span>Sold</span><span>300</span></div><div class="price">$999</div><p>Ships Jan 5, 2025</p></body></html>`,
    ],
    'Google Scholar-like profile table (label + two numbers per row)': [
      'https://scholar.example.org/citations?user=x',
      `<html><body><h1>Anna Kietzig</h1><table><tr><th></th><th>All</th><th>Since 2014</th></tr>
       <tr><td>Citations</td><td>1338</td><td>1149</td></tr><tr><td>h-index</td><td>17</td><td>16</td></tr></table>
       <h2>2 Papers</h2></body></html>`,
    ],
    'conference page of accepted papers with abstracts': [
      'https://conf.example.org/accepted',
      `<html><body><h1>Accepted Papers</h1><div><h3>Paper One Title</h3><p>A. Author, B. Author</p><p>Abstract: First abstract, long enough to count.</p></div>
       <div><h3>Paper Two Title</h3><p>C. Author</p><p>Abstract: Second abstract, long enough to count.</p></div></body></html>`,
    ],
  };
  for (const [label, [url, html]] of Object.entries(pages)) {
    it(label, () => {
      const r = run(html, url);
      expect(r.detect).toBe(false);
      expect(r.result).toBeNull();
    });
  }
});
