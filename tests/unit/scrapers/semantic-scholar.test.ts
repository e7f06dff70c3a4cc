// Semantic Scholar adapter: what its fixtures in tests/fixtures/semantic-scholar cover (each is
// compared in fixtures.test.ts), plus the helpers and route detection. The trimmed fixtures are the
// spec; ../shared/pages/semantic-scholar holds one real server-rendered paper page.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  authorIdFromHref,
  paperIdFromHref,
  parseAuthorStats,
  parseCard,
  readSummary,
  s2Route,
  semanticScholar,
  visibleText,
} from '../../../lib/scrapers/sites/semantic-scholar';
import { s2SearchPage } from '../../helpers/big-pages';
import { fixturesDir, parseHtml } from '../../helpers/dom';

const dir = join(fixturesDir, 'semantic-scholar');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

describe('semantic-scholar fixtures (each one is compared with its expected JSON in fixtures.test.ts)', () => {
  it('has fixtures for every page kind and a null case', () => {
    expect(names).toEqual(expect.arrayContaining(['author-page', 'search-page', 'paper-page', 'app-shell-search']));
  });
});

const S2 = 'https://www.semanticscholar.org';
const HEX = '649def34f8be52c8b66281af98ae884c09aef38b';
const doc = (body: string, head = '', url = `${S2}/search?q=x`) =>
  parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, url);

describe('s2Route / detect', () => {
  it('classifies author, search and paper routes on both hosts', () => {
    expect(s2Route(new URL(`${S2}/author/Waleed-Ammar/1741101`))).toEqual({ kind: 'author', authorId: '1741101' });
    expect(s2Route(new URL(`${S2}/author/1741101?sort=influence`))).toEqual({ kind: 'author', authorId: '1741101' });
    expect(s2Route(new URL('https://semanticscholar.org/search?q=graphs'))).toEqual({ kind: 'search' });
    expect(s2Route(new URL(`${S2}/paper/Some-Slug/${HEX.toUpperCase()}`))).toEqual({ kind: 'paper', paperId: HEX });
    expect(s2Route(new URL(`${S2}/paper/${HEX}`))).toEqual({ kind: 'paper', paperId: HEX });
  });

  it('says no to other routes and other sites', () => {
    const no = [
      `${S2}/`,
      `${S2}/me/library`,
      `${S2}/reader/${HEX}`,
      `${S2}/venue?name=ACL`,
      `${S2}/paper/Slug/${HEX}/figure/0`,
      `${S2}/paper/Slug/not-an-id`,
      `${S2}/author/Waleed-Ammar`,
      `https://api.semanticscholar.org/graph/v1/paper/${HEX}`,
      `https://pdfs.semanticscholar.org/649d/${HEX.slice(4)}.pdf`,
      'https://scholar.google.com/citations?user=8daWuo4AAAAJ',
      'https://dblp.org/pid/12/345.html',
      'https://arxiv.org/abs/1805.02262',
      'https://openreview.net/forum?id=abc',
      'https://aclanthology.org/people/a/andreas-madsack/',
      `https://semanticscholar.org.evil.example/paper/${HEX}`,
    ];
    const d = doc('');
    for (const u of no) {
      expect(semanticScholar.detect(new URL(u), d), u).toBe(false);
      expect(semanticScholar.scrape(d, new URL(u)), u).toBeNull();
    }
  });
});

describe('helpers', () => {
  it('paperIdFromHref / authorIdFromHref read only Semantic Scholar links', () => {
    expect(paperIdFromHref(`/paper/S2ORC%3A-Slug/${HEX}`)).toBe(HEX);
    expect(paperIdFromHref(`/paper/Slug/${HEX}#citing-papers`)).toBe(HEX);
    expect(paperIdFromHref(`https://example.org/paper/${HEX}`)).toBeUndefined();
    expect(paperIdFromHref('/author/Kyle-Lo/46258841')).toBeUndefined();
    expect(authorIdFromHref('/author/Kyle-Lo/46258841')).toBe('46258841');
    expect(authorIdFromHref('/author/46258841')).toBe('46258841');
    expect(authorIdFromHref('javascript:void(0)')).toBeUndefined();
  });

  it('visibleText drops buttons, icons and tooltips but keeps highlighted runs', () => {
    const d = doc(
      '<h2 id="t"><span>Construction of the </span><em>Literature</em><span> </span><em>Graph</em></h2>' +
        '<span id="l">h-index<span class="cl-tooltip"><button aria-label="info"><svg></svg></button><span role="tooltip">The h-index is…</span></span></span>',
    );
    expect(visibleText(d.getElementById('t'))).toBe('Construction of the Literature Graph');
    expect(visibleText(d.getElementById('l'))).toBe('h-index');
    expect(visibleText(null)).toBe('');
  });

  it('readSummary separates TLDR and abstract and ignores cut abstracts', () => {
    const block = (html: string) => doc(`<div class="tldr-abstract-replacement">${html}</div>`).querySelector('div');
    expect(readSummary(block('<div class="tldr-abstract__pill">TLDR</div><span>Short.</span><button>Expand</button>'))).toEqual({
      tldr: 'Short.',
    });
    expect(
      readSummary(
        block(
          '<div class="tldr-abstract__pill">TLDR</div><span>Short.</span><div class="tldr-abstract__pill">Abstract</div><span>Long text.</span><button>Collapse</button>',
        ),
      ),
    ).toEqual({ tldr: 'Short.', abstract: 'Long text.' });
    expect(readSummary(block('<span>Opening of the abstract…</span><button aria-label="Expand truncated text"></button>'))).toEqual({
      abstractTruncated: 'Opening of the abstract',
    });
    expect(readSummary(block('<span>Opening of the abstract...</span>'))).toEqual({ abstractTruncated: 'Opening of the abstract' });
    expect(readSummary(block('<span>A whole short abstract.</span>'))).toEqual({ abstract: 'A whole short abstract.' });
    expect(
      readSummary(
        block(
          '<div class="tldr-abstract__pill">TLDR</div><span>AI-Generated A summary. This AI-generated summary may be inaccurate.</span>',
        ),
      ),
    ).toEqual({ tldr: 'A summary.' });
    expect(readSummary(null)).toEqual({});
  });

  it('parseAuthorStats reads label/value pairs in either order and any number format', () => {
    const d = doc(
      '<div class="author-detail-card__stats-row"><span class="author-detail-card__stats-row__label">Publications</span><span class="author-detail-card__stats-row__value">1,234</span></div>' +
        '<div class="author-detail-card__stats-row"><span class="author-detail-card__stats-row__label">Citations</span><span class="author-detail-card__stats-row__value">12.3K</span></div>' +
        '<div class="author-detail-card__stats-row"><span class="author-detail-card__stats-row__label">h-index:</span><span class="author-detail-card__stats-row__value">45</span></div>' +
        '<div class="author-detail-card__stats-row"><span class="author-detail-card__stats-row__label">Influential Citations</span><span class="author-detail-card__stats-row__value">n/a</span></div>',
    );
    expect(parseAuthorStats(d)).toEqual({ papers: 1234, citations: 12300, hIndex: 45 });
    const swapped = doc(
      '<ul data-test-id="author-stats"><li><span>52</span><span>Publications</span></li><li>h-index 7</li><li>9 Highly Influential Citations</li></ul>',
    );
    expect(parseAuthorStats(swapped)).toEqual({ papers: 52, hIndex: 7, other: { 'Highly Influential Citations': 9 } });
    expect(parseAuthorStats(doc('<p>nothing</p>'))).toBeUndefined();
  });

  it('parseCard: a card with a title and nothing else gives just the title and id', () => {
    const base = new URL(`${S2}/search?q=x`);
    const row = doc(`<div class="cl-paper-row" data-paper-id="${HEX}"><h2 class="cl-paper-title">Bare</h2></div>`).querySelector(
      '.cl-paper-row',
    )!;
    expect(parseCard(row, base)).toEqual({ title: 'Bare', authors: [], ids: { s2: HEX }, url: `${S2}/paper/${HEX}` });
    const empty = doc('<div class="cl-paper-row"><div class="cl-paper-title"></div></div>').querySelector('.cl-paper-row')!;
    expect(parseCard(empty, base)).toBeNull();
  });
});

describe('paper pages before the app renders', () => {
  const url = new URL(`${S2}/paper/Construction-of-the-Literature-Graph-in-Semantic-Ammar-Groeneveld/${HEX}`);
  const shell = '<div id="app"><div class="loading-indicator"></div></div>';

  it('ignores a head left over from the previous paper (in-app navigation)', () => {
    const other = 'fedcba9876543210fedcba9876543210fedcba98';
    const d = doc(
      shell,
      `<meta name="citation_title" content="Some Other Paper"><meta property="og:url" content="${S2}/paper/Some-Other/${other}"><link rel="canonical" href="${S2}/paper/Some-Other/${other}">`,
      url.href,
    );
    expect(semanticScholar.scrape(d, url)).toBeNull();
  });

  it('does not trust a head that names no paper', () => {
    const d = doc(shell, '<meta name="citation_title" content="Unverifiable">', url.href);
    expect(semanticScholar.scrape(d, url)).toBeNull();
  });

  it('falls back to an og:title naming the paper, and takes the description as abstract', () => {
    const d = doc(
      shell,
      `<meta property="og:title" content="[PDF] Construction of the Literature Graph in Semantic Scholar | Semantic Scholar"><meta property="og:url" content="${url.href}"><meta name="description" content="We describe a deployed scalable system.">`,
      url.href,
    );
    expect(semanticScholar.scrape(d, url)).toEqual({
      site: 'semantic-scholar',
      kind: 'paper',
      url: url.href,
      papers: [
        {
          title: 'Construction of the Literature Graph in Semantic Scholar',
          authors: [],
          abstract: 'We describe a deployed scalable system.',
          ids: { s2: HEX },
          url: url.href,
        },
      ],
    });
  });

  it('never captures from bare og tags on author or search routes', () => {
    const head = `<meta property="og:title" content="A Paper | Semantic Scholar"><meta name="citation_title" content="A Paper"><meta property="og:url" content="${url.href}">`;
    for (const u of [`${S2}/author/Waleed-Ammar/1741101`, `${S2}/search?q=a+paper`]) {
      expect(semanticScholar.scrape(doc(shell, head, u), new URL(u)), u).toBeNull();
    }
  });
});

describe('robustness', () => {
  it('never throws on odd markup', () => {
    const odd = [
      '<div class="cl-paper-row"><a data-test-id="title-link" href="javascript:alert(1)"><h2 class="cl-paper-title">T</h2></a><span class="cl-paper-pubdates">soon</span><a href="http://[bad">x</a></div>',
      '<div class="cl-paper-row"><div class="cl-paper-row"><h2 class="cl-paper-title">Nested</h2></div></div>',
      '<h1 data-test-id="paper-detail-title"></h1><h1 data-test-id="author-name"> </h1>',
      '<div class="author-detail-card__stats-row"></div><ul data-test-id="author-stats"></ul>',
    ];
    const urls = [`${S2}/search?q=x`, `${S2}/author/1`, `${S2}/paper/${HEX}`];
    for (const html of odd) for (const u of urls) expect(() => semanticScholar.scrape(doc(html, '', u), new URL(u))).not.toThrow();
    const r = semanticScholar.scrape(doc(odd[0]), new URL(`${S2}/search?q=x`));
    expect(r?.papers).toEqual([{ title: 'T', authors: [] }]);
    const nested = semanticScholar.scrape(doc(odd[1]), new URL(`${S2}/search?q=x`));
    expect(nested?.papers.map((p) => p.title)).toEqual(['Nested']);
  });

  it('reads a search page of 2,000 results whole', () => {
    const page = s2SearchPage(2000);
    const big = parseHtml(page.html, page.url);
    const r = semanticScholar.scrape(big, new URL(page.url));
    expect(r?.papers).toHaveLength(2000);
    expect(r?.papers[1999]).toMatchObject({
      title: 'Paper 1999',
      authors: ['Author 1999'],
      tldr: 'tldr 1999',
      citations: 1999,
      year: 2018,
    });
  });
});
