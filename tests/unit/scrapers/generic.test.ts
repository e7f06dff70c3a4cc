// Tests of the generic embedded-metadata fallback and the kit readers it reports (kit/embedded.ts,
// meta.ts, json-ld.ts, microdata.ts, coins.ts, merge-papers.ts) and the paper-card heuristic it
// falls back to: what the one fixture runner (fixtures.test.ts, which compares each expected result)
// does not check about its fixtures and the negative pages, the real saved pages from the Zotero
// connectors' test data, and the tricky helpers.
import { describeShared } from '../../helpers/shared';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generic } from '../../../lib/scrapers/embedded/generic';
import { cardPapers } from '../../../lib/scrapers/heuristics/paper-cards';
import { looksLikeName, parseAuthorLine } from '../../../lib/scrapers/heuristics/author-lines';
import { coinsPaper, parseContextObject } from '../../../lib/scrapers/kit/coins';
import { readEmbeddedMetadata } from '../../../lib/scrapers/kit/embedded';
import { jsonLdPapers, parseJsonLd } from '../../../lib/scrapers/kit/json-ld';
import { mergePaper, sameWork } from '../../../lib/scrapers/kit/merge-papers';
import { cleanTitle, parseMetadataDate, splitKeywords, titleKey } from '../../../lib/scrapers/kit/metadata-text';
import type { ScrapedPaper } from '../../../lib/core/types';
import { genericPublicationListPage } from '../../helpers/big-pages';
import { fixturesDir, loadPage, parseHtml, sharedPages } from '../../helpers/dom';

interface Expected {
  url: string;
  adapter: string | null;
  result: unknown;
}

function cases(dir: string): { name: string; html: string; exp: Expected }[] {
  return readdirSync(join(fixturesDir, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const name = f.slice(0, -'.html'.length);
      return {
        name,
        html: readFileSync(join(fixturesDir, dir, f), 'utf8'),
        exp: JSON.parse(readFileSync(join(fixturesDir, dir, `${name}.expected.json`), 'utf8')) as Expected,
      };
    });
}

/** Detect, then scrape, as the registry would. */
function run(html: string, url: string) {
  const doc = parseHtml(html, url);
  const u = new URL(url);
  const detected = generic.detect(u, doc);
  const result = generic.scrape(doc, u);
  return { detected, result: result === null ? null : (JSON.parse(JSON.stringify(result)) as unknown) };
}

const html = (head: string, body = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('generic fixtures', () => {
  const all = cases('generic');
  it('has a positive fixture for every page kind', () => {
    const kinds = all.filter((c) => c.exp.adapter === 'generic').map((c) => (c.exp.result as { kind: string }).kind);
    expect(new Set(kinds)).toEqual(new Set(['paper', 'listing']));
    expect(all.length).toBeGreaterThanOrEqual(7);
  });
  // The expected results themselves are compared by fixtures.test.ts (through the registry).
  for (const c of all) {
    it(`${c.name}: detected by the adapter itself`, () => {
      const { detected, result } = run(c.html, c.exp.url);
      if (c.exp.adapter === 'generic') {
        expect(detected).toBe(true);
      } else {
        expect(c.exp.result).toBeNull();
        expect(!detected || result === null).toBe(true);
      }
    });
  }

  it('readEmbeddedMetadata gives site adapters the paper of every paper-page fixture', () => {
    const pages = all.filter((c) => c.exp.adapter === 'generic' && (c.exp.result as { kind: string }).kind === 'paper');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const c of pages) {
      const doc = parseHtml(c.html, c.exp.url);
      const paper = JSON.parse(JSON.stringify(readEmbeddedMetadata(doc, new URL(c.exp.url)))) as unknown;
      expect(paper, c.name).toEqual((c.exp.result as { papers: unknown[] }).papers[0]);
    }
  });

  it('readEmbeddedMetadata gives nothing on listings', () => {
    for (const c of all.filter((x) => x.exp.adapter === 'generic' && (x.exp.result as { kind: string }).kind === 'listing')) {
      expect(readEmbeddedMetadata(parseHtml(c.html, c.exp.url), new URL(c.exp.url)), c.name).toBeNull();
    }
  });
});

describe('negative pages capture nothing', () => {
  const all = cases('negative');
  it('covers news, README, encyclopedia, shop and blog pages', () => {
    expect(all.map((c) => c.name).sort()).toEqual(
      expect.arrayContaining(['blog-index', 'github-readme', 'news-article', 'shop-product', 'wikipedia-biography']),
    );
  });
  for (const c of all) {
    it(c.name, () => {
      expect(c.exp).toMatchObject({ adapter: null, result: null });
      const { result } = run(c.html, c.exp.url);
      expect(result).toBeNull();
    });
  }

  it('Wikipedia is recognised by its markup, not only its host (a mirror)', () => {
    const c = all.find((x) => x.name === 'wikipedia-biography')!;
    const { detected, result } = run(c.html, 'https://www.wikiwand.com/en/articles/Rosalind_Franklin');
    expect(detected).toBe(false);
    expect(result).toBeNull();
  });

  it('the GitHub README paper list is refused on github.com, though it reads as cards elsewhere', () => {
    const c = all.find((x) => x.name === 'github-readme')!;
    expect(run(c.html, 'https://github.com/facebookresearch/detr').detected).toBe(false);
    // The same "Related work" list on an unknown site is a listing of three paper cards.
    const elsewhere = run(c.html, 'https://detr.example.org/');
    expect(elsewhere.result).toMatchObject({ kind: 'listing' });
    const papers = (elsewhere.result as { papers: ScrapedPaper[] }).papers;
    expect(papers.map((p) => p.title)).toEqual([
      'Deformable DETR: Deformable Transformers for End-to-End Object Detection',
      'Conditional DETR for Fast Training Convergence',
      'DAB-DETR: Dynamic Anchor Boxes are Better Queries for DETR',
    ]);
    expect(papers[0]).toEqual({
      title: 'Deformable DETR: Deformable Transformers for End-to-End Object Detection',
      authors: ['Xizhou Zhu', 'Weijie Su', 'Lewei Lu', 'Bin Li', 'Xiaogang Wang', 'Jifeng Dai'],
      year: 2021,
      venue: 'ICLR',
      ids: { arxiv: '2010.04159' },
      codeUrl: 'https://github.com/fundamentalvision/Deformable-DETR',
    });
  });

  it('the news article has a DOI link, a preprint PDF and an arXiv link, yet yields nothing', () => {
    const c = all.find((x) => x.name === 'news-article')!;
    const doc = parseHtml(c.html, c.exp.url);
    expect(cardPapers(doc, new URL(c.exp.url))).toEqual([]);
    expect(jsonLdPapers(doc, new URL(c.exp.url)).papers).toEqual([]);
  });
});

describeShared('real pages: embedded-metadata (Zotero connectors test data)', [], () => {
  const dir = join(sharedPages, 'embedded-metadata');
  const at = 'https://example.org/article';

  it('journalArticle-single.html: one COinS span is one paper (its DOI, not the text one)', () => {
    const doc = loadPage(join(dir, 'journalArticle-single.html'), at);
    expect(generic.detect(new URL(at), doc)).toBe(true);
    const r = generic.scrape(doc, new URL(at));
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      site: 'generic',
      kind: 'paper',
      url: at,
      papers: [
        {
          title: 'Scarcity or Abundance? Preserving the Past in a Digital Era',
          // rft.aufirst/rft.aulast and rft.au name the same person once.
          authors: ['Roy Rosenzweig'],
          year: 2003,
          date: '2003-06',
          venue: 'The American Historical Review',
          // The page text says doi:10.1086/529596; the COinS says 10.2307/3523084.
          ids: { doi: '10.2307/3523084' },
        },
      ],
    });
  });

  it('DOI-multiple.html: a bibliography entry with a bare DOI in its text is not captured', () => {
    const doc = loadPage(join(dir, 'DOI-multiple.html'), at);
    expect(generic.detect(new URL(at), doc)).toBe(false);
    expect(generic.scrape(doc, new URL(at))).toBeNull();
  });

  it('top-DOI-frame-COInS.html: the COinS live in a frame; the top page has only a bare DOI', () => {
    const doc = loadPage(join(dir, 'top-DOI-frame-COInS.html'), at);
    expect(generic.detect(new URL(at), doc)).toBe(false);
    expect(generic.scrape(doc, new URL(at))).toBeNull();
  });
});

describeShared('real pages: schema.org microdata of a dblp person page (fallback)', [], () => {
  // The dblp adapter owns this page; if it ever fails, the generic fallback still reads the
  // 31 ScholarlyArticle microdata items (dblp ends titles with a "." that is decoration).
  const url = 'http://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron';

  it('is a listing of 31 papers, each item on its own (preprint and proceedings versions kept apart)', () => {
    const doc = loadPage(join(sharedPages, 'dblp/person-clauset.html'), url);
    expect(generic.detect(new URL(url), doc)).toBe(true);
    const r = generic.scrape(doc, new URL(url))!;
    expect(r.kind).toBe('listing');
    expect(r.papers).toHaveLength(31);
    expect(r.papers[0]).toEqual({
      title: 'Detecting Change Points in the Large-Scale Structure of Evolving Networks',
      authors: ['Leto Peel', 'Aaron Clauset'],
      year: 2015,
      venue: 'AAAI',
      url: 'http://www.aaai.org/ocs/index.php/AAAI/AAAI15/paper/view/9485',
    });
    expect(r.papers[1]).toEqual({
      title: 'Assembling thefacebook: Using heterogeneity to understand online social network assembly',
      authors: ['Abigail Z. Jacobs', 'Samuel F. Way', 'Johan Ugander', 'Aaron Clauset'],
      year: 2015,
      venue: 'CoRR',
      ids: { arxiv: '1503.06772' },
      url: 'http://arxiv.org/abs/1503.06772',
    });
    expect(r.papers[30]).toEqual({
      title: 'Genetic algorithms and self-organizing maps: a powerful combination for modeling complex QSAR and QSPR problems',
      authors: ['Ersin Bayram', 'Peter Santago II', 'Rebecca Harris', 'Yun-De Xiao', 'Aaron Clauset', 'Jeffrey D. Schmitt'],
      year: 2004,
      venue: 'Journal of Computer-Aided Molecular Design',
      ids: { doi: '10.1007/s10822-004-5321-2' },
    });
  });
});

describe('Highwire, Dublin Core and landing pages', () => {
  const url = 'https://journal.example.org/article/42';

  it('reads citation_* tags: ordered authors, year-only dates, ";"/"," keywords, relative PDF', () => {
    const r = run(
      html(`
        <meta name="citation_title" content="[PDF] A Study of Things">
        <meta name="citation_author" content="Doe, Jane">
        <meta name="citation_author" content="Roe, Richard">
        <meta name="citation_year" content="2019">
        <meta name="citation_conference_title" content="Conference on Things">
        <meta name="citation_publisher" content="Thing Press">
        <meta name="citation_arxiv_id" content="1901.01234v2">
        <meta name="citation_abstract" content="&lt;p&gt;Abstract: We study things, at length and in some detail.&lt;/p&gt;">
        <meta name="citation_keywords" content="things; stuff, items">
        <meta name="citation_pdf_url" content="/pdf/42.pdf">`),
      url,
    ).result;
    expect(r).toEqual({
      site: 'generic',
      kind: 'paper',
      url,
      papers: [
        {
          title: 'A Study of Things',
          authors: ['Doe, Jane', 'Roe, Richard'],
          year: 2019,
          venue: 'Conference on Things',
          abstract: 'We study things, at length and in some detail.',
          keywords: ['things', 'stuff', 'items'],
          ids: { arxiv: '1901.01234' },
          url,
          pdfUrl: 'https://journal.example.org/pdf/42.pdf',
        },
      ],
    });
  });

  it('falls back to citation_publisher for the venue and citation_online_date for the date', () => {
    const r = run(
      html(`<meta name="citation_title" content="T"><meta name="citation_online_date" content="2020/2/5">
        <meta name="citation_publisher" content="Thing Press"><link rel="canonical" href="https://journal.example.org/a/42">`),
      url,
    ).result as { papers: ScrapedPaper[] };
    expect(r.papers[0]).toMatchObject({ venue: 'Thing Press', date: '2020-02-05', year: 2020, url: 'https://journal.example.org/a/42' });
  });

  it('a page that declares its DOI (doi.org canonical) is a landing page titled by og:title', () => {
    const r = run(
      html(`<link rel="canonical" href="https://doi.org/10.5555/ABC.123"><meta property="og:title" content="Landing Title">`),
      url,
    ).result;
    expect(r).toEqual({
      site: 'generic',
      kind: 'paper',
      url,
      papers: [{ title: 'Landing Title', authors: [], ids: { doi: '10.5555/abc.123' }, url: 'https://doi.org/10.5555/ABC.123' }],
    });
  });

  it('Dublin Core alone needs a scholarly signal', () => {
    const plain = html(
      `<meta name="DC.title" content="Opening hours"><meta name="DC.creator" content="City Council"><meta name="DC.type" content="Text">`,
    );
    expect(run(plain, url).result).toBeNull();
    const withDoi = html(`<meta name="dc.title" content="A Paper"><meta name="dc.identifier" content="doi:10.1234/XYZ">`);
    expect((run(withDoi, url).result as { papers: ScrapedPaper[] }).papers[0]).toMatchObject({
      title: 'A Paper',
      ids: { doi: '10.1234/xyz' },
    });
  });

  it('does not take a DOI from the text of a news-like page', () => {
    const page = html(
      `<meta property="og:title" content="Study finds things">`,
      `<p>See doi:10.1038/nature12373 and <a href="https://doi.org/10.1038/nature12373">the paper</a>.</p>`,
    );
    expect(run(page, 'https://news.example.com/story').result).toBeNull();
  });
});

describe('schema.org JSON-LD and microdata', () => {
  const url = 'https://pub.example.org/a/1';

  it('accepts Article only with scholarly signals; never NewsArticle, BlogPosting, Report', () => {
    const base = { '@context': 'https://schema.org', headline: 'Some Title', author: { '@type': 'Person', name: 'A B' } };
    const papersOf = (o: unknown) => jsonLdPapers(parseHtml(html(ld(o)), url), new URL(url)).papers.length;
    expect(papersOf({ ...base, '@type': 'Article' })).toBe(0);
    expect(papersOf({ ...base, '@type': 'Article', sameAs: 'https://doi.org/10.1000/x' })).toBe(1);
    expect(papersOf({ ...base, '@type': 'Article', isPartOf: { '@type': 'Periodical', name: 'J' } })).toBe(1);
    expect(papersOf({ ...base, '@type': 'Article', citation: [{ '@type': 'CreativeWork', name: 'x' }] })).toBe(1);
    expect(papersOf({ ...base, '@type': 'NewsArticle', sameAs: 'https://doi.org/10.1000/x' })).toBe(0);
    expect(papersOf({ ...base, '@type': 'BlogPosting' })).toBe(0);
    expect(papersOf({ ...base, '@type': 'Report' })).toBe(0);
    expect(papersOf({ ...base, '@type': 'Chapter' })).toBe(0);
    expect(
      papersOf({ ...base, '@type': 'Chapter', identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1000/ch' } }),
    ).toBe(1);
    expect(papersOf({ ...base, '@type': ['ScholarlyArticle', 'Article'] })).toBe(1);
    expect(papersOf({ ...base, '@type': 'http://schema.org/Thesis' })).toBe(1);
  });

  it('an ItemList of scholarly articles is a listing', () => {
    const list = {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        {
          '@type': 'ListItem',
          position: 1,
          item: { '@type': 'ScholarlyArticle', name: 'First Paper', author: ['A. One', 'B. Two'], datePublished: '2021' },
        },
        {
          '@type': 'ListItem',
          position: 2,
          item: { '@type': 'ScholarlyArticle', name: 'Second Paper', author: { '@list': [{ name: 'C. Three' }] } },
        },
      ],
    };
    const r = run(html(ld(list)), url).result;
    expect(r).toEqual({
      site: 'generic',
      kind: 'listing',
      url,
      papers: [
        { title: 'First Paper', authors: ['A. One', 'B. Two'], year: 2021 },
        { title: 'Second Paper', authors: ['C. Three'] },
      ],
    });
  });

  it('an article page with a JSON-LD list of related articles is still that article', () => {
    const page = html(
      ld({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle', headline: 'Main Paper', datePublished: '2020-05-01' }) +
        ld({
          '@context': 'https://schema.org',
          '@type': 'ItemList',
          name: 'Related articles',
          itemListElement: [
            { '@type': 'ListItem', position: 1, item: { '@type': 'ScholarlyArticle', name: 'Related One' } },
            { '@type': 'ListItem', position: 2, item: { '@type': 'ScholarlyArticle', name: 'Related Two' } },
          ],
        }),
    );
    expect(run(page, url).result).toEqual({
      site: 'generic',
      kind: 'paper',
      url,
      papers: [{ title: 'Main Paper', authors: [], year: 2020, date: '2020-05-01', url }],
    });
  });

  it('ignores malformed JSON-LD and never evaluates it', () => {
    expect(parseJsonLd('{ "a": 1, }')).toBeNull();
    expect(parseJsonLd('(function(){ globalThis.__pwned = 1; return {} })()')).toBeNull();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(parseJsonLd('<!--{"a":1}-->')).toEqual({ a: 1 });
    expect(parseJsonLd('{"abstract": "line one\nline two"}')).toEqual({ abstract: 'line one line two' });
    expect(parseJsonLd('')).toBeNull();
  });

  it('microdata Article without scholarly signals is not a paper', () => {
    const page = html(
      '',
      `<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">Ten tips for better sleep</h1>
       <span itemprop="author">Pat Lee</span><time itemprop="datePublished" datetime="2024-01-01">Jan 1</time></div>`,
    );
    expect(run(page, url)).toEqual({ detected: true, result: null });
  });
});

describe('COinS', () => {
  it('parses a ContextObject: repeated keys, + as space, bad escapes kept', () => {
    const co = parseContextObject('rft.au=A+B&rft.au=C%20D&rft.atitle=100%&x=&rft.date=2001');
    expect(co.get('rft.au')).toEqual(['A B', 'C D']);
    expect(co.get('rft.atitle')).toEqual(['100%']);
    expect(co.has('x')).toBe(false);
  });

  it('journal-format rft.title alone names a journal, not a paper', () => {
    expect(coinsPaper('rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.genre=journal&rft.title=Nature')).toBeNull();
    expect(coinsPaper('rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.title=A+Book&rft.aulast=Smith')).toEqual({
      title: 'A Book',
      authors: ['Smith'],
    });
  });

  it('prepends the aulast/aufirst author when rft.au lists only co-authors (Wikipedia CS1 style)', () => {
    expect(coinsPaper('rft.atitle=T&rft.aulast=Watson&rft.aufirst=J.+D.&rft.au=Crick%2C+F.+H.+C.&rft_id=info:arxiv/2101.00001v2')).toEqual({
      title: 'T',
      authors: ['J. D. Watson', 'Crick, F. H. C.'],
      ids: { arxiv: '2101.00001' },
    });
  });

  it('skips COinS inside reference lists', () => {
    const span = (t: string) => `<span class="Z3988" title="rft.atitle=${t}"></span>`;
    const page = html('', `${span('Only+One')}<ol class="references"><li>${span('Cited+A')}</li><li>${span('Cited+B')}</li></ol>`);
    expect((run(page, 'https://x.example.org/').result as { kind: string; papers: ScrapedPaper[] }).papers).toEqual([
      { title: 'Only One', authors: [] },
    ]);
  });
});

describe('paper cards', () => {
  it('reads "Last, F." author lists and table rows', () => {
    const row = (i: number) => `<tr><td><b>Paper Number ${i} on Things</b><br>Smith, J., Jones, K. L.<br>Journal of Things, 20${10 + i}.
      <a href="https://doi.org/10.1000/t${i}">doi</a></td></tr>`;
    const doc = parseHtml(html('', `<table class="pubs">${[1, 2, 3].map(row).join('')}</table>`), 'https://lab.example.org/pubs');
    const papers = cardPapers(doc, new URL('https://lab.example.org/pubs'));
    expect(papers).toHaveLength(3);
    expect(papers[2]).toEqual({
      title: 'Paper Number 3 on Things',
      authors: ['Smith, J.', 'Jones, K. L.'],
      year: 2013,
      venue: 'Journal of Things',
      ids: { doi: '10.1000/t3' },
    });
  });

  it('reads one-line entries: "Title. Authors. Venue, Year." with the title linking to the PDF', () => {
    const li = (i: number) =>
      `<li><a href="/papers/p${i}.pdf">Learning to Rank Things, Part ${i}</a>. Ann B. Lee, Bo Chan and Cy Dee. <i>NeurIPS</i>, 20${20 + i}. [<a href="https://arxiv.org/abs/2001.0000${i}">arXiv</a>] [<a href="https://github.com/x/y${i}">code</a>]</li>`;
    const doc = parseHtml(html('', `<h2>Papers</h2><ol>${[1, 2, 3].map(li).join('')}</ol>`), 'https://ann.example.net/');
    const papers = cardPapers(doc, new URL('https://ann.example.net/'));
    expect(papers).toHaveLength(3);
    expect(papers[0]).toEqual({
      title: 'Learning to Rank Things, Part 1',
      authors: ['Ann B. Lee', 'Bo Chan', 'Cy Dee'],
      year: 2021,
      venue: 'NeurIPS',
      ids: { arxiv: '2001.00001' },
      pdfUrl: 'https://ann.example.net/papers/p1.pdf',
      codeUrl: 'https://github.com/x/y1',
    });
  });

  it('skips reference lists of articles and blog posts', () => {
    const li = (i: number) =>
      `<li>Ann Lee and Bo Chan. <a href="https://doi.org/10.1000/r${i}">A Cited Paper Number ${i}</a>. Journal of Things, 2019.</li>`;
    const page = html('', `<article><h1>My post</h1><p>Text.</p><h2>References</h2><ol>${[1, 2, 3, 4].map(li).join('')}</ol></article>`);
    expect(run(page, 'https://someone.example.net/blog/post').result).toBeNull();
    const pubs = html('', `<h2>Selected publications</h2><ol>${[1, 2, 3, 4].map(li).join('')}</ol>`);
    expect((run(pubs, 'https://someone.example.net/').result as { papers: ScrapedPaper[] }).papers[3]).toEqual({
      title: 'A Cited Paper Number 4',
      authors: ['Ann Lee', 'Bo Chan'],
      year: 2019,
      venue: 'Journal of Things',
      ids: { doi: '10.1000/r4' },
      url: 'https://doi.org/10.1000/r4',
    });
  });

  it('needs three cards', () => {
    const li = (i: number) =>
      `<li><a href="/p${i}.html">A Paper About Topic ${i}</a><br>Ann Lee and Bo Chan<br>NeurIPS 2022 <a href="/p${i}.pdf">pdf</a></li>`;
    const two = parseHtml(html('', `<ul>${[1, 2].map(li).join('')}</ul>`), 'https://lab.example.org/');
    expect(cardPapers(two, new URL('https://lab.example.org/'))).toEqual([]);
    const three = parseHtml(html('', `<ul>${[1, 2, 3].map(li).join('')}</ul>`), 'https://lab.example.org/');
    expect(cardPapers(three, new URL('https://lab.example.org/'))[0]).toEqual({
      title: 'A Paper About Topic 1',
      authors: ['Ann Lee', 'Bo Chan'],
      year: 2022,
      venue: 'NeurIPS',
      url: 'https://lab.example.org/p1.html',
      pdfUrl: 'https://lab.example.org/p1.pdf',
    });
  });

  it('does not run on hosts with their own adapter', () => {
    const li = (i: number) =>
      `<li><a href="/p${i}.html">A Paper About Topic ${i}</a><br>Ann Lee and Bo Chan<br>NeurIPS 2022 <a href="/p${i}.pdf">pdf</a></li>`;
    const page = html('', `<ul>${[1, 2, 3].map(li).join('')}</ul>`);
    for (const u of [
      'https://arxiv.org/list/cs.LG/recent',
      'https://scholar.google.de/scholar?q=x',
      'https://dblp.org/pid/1/2.html',
      'https://gitlab.com/a/b',
    ]) {
      expect(run(page, u)).toEqual({ detected: false, result: null });
    }
    expect(run(page, 'https://lab.example.org/').detected).toBe(true);
  });

  it('reads a 3,000-entry publication list whole', () => {
    const big = genericPublicationListPage(3000);
    const doc = parseHtml(big.html, big.url);
    const r = generic.scrape(doc, new URL(big.url));
    expect(r?.papers).toHaveLength(3000);
    expect(r?.papers[2999]).toMatchObject({
      title: 'Scalable Method Number 2999 for Large Problems',
      year: 2023,
      ids: { arxiv: '2101.12999' },
    });
  });
});

describe('helpers', () => {
  it('parseMetadataDate', () => {
    expect(parseMetadataDate('2003/06/15')).toEqual({ year: 2003, date: '2003-06-15' });
    expect(parseMetadataDate('2003-6')).toEqual({ year: 2003, date: '2003-06' });
    expect(parseMetadataDate('2021-03-15T00:00:00Z')).toEqual({ year: 2021, date: '2021-03-15' });
    expect(parseMetadataDate('2003')).toEqual({ year: 2003 });
    expect(parseMetadataDate('15 June 2003')).toEqual({ year: 2003, date: '2003-06-15' });
    expect(parseMetadataDate('June 15, 2003')).toEqual({ year: 2003, date: '2003-06-15' });
    expect(parseMetadataDate('Sept. 2003')).toEqual({ year: 2003, date: '2003-09' });
    expect(parseMetadataDate('12/31/2003')).toEqual({ year: 2003 });
    expect(parseMetadataDate('2003-13-01')).toEqual({ year: 2003 });
    expect(parseMetadataDate('soon')).toEqual({});
    expect(parseMetadataDate('')).toEqual({});
  });

  it('cleanTitle strips decoration only', () => {
    expect(cleanTitle('[PDF][PDF] Deep Nets')).toBe('Deep Nets');
    expect(cleanTitle('Title: Deep Nets')).toBe('Deep Nets');
    expect(cleanTitle('CO<sub>2</sub> capture <i>in situ</i>')).toBe('CO2 capture in situ');
    expect(cleanTitle('Is a < b?')).toBe('Is a < b?');
  });

  it('splitKeywords', () => {
    expect(splitKeywords(['a; b, c', 'B', ' d '])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('looksLikeName / parseAuthorLine', () => {
    expect(looksLikeName('Jean-Luc Moreau')).toBe(true);
    expect(looksLikeName('Ludwig van Beethoven')).toBe(true);
    expect(looksLikeName('J. K. Rowling')).toBe(true);
    expect(looksLikeName('By Jane Doe')).toBe(false);
    expect(looksLikeName('Madonna')).toBe(false);
    expect(looksLikeName('the cat sat')).toBe(false);
    expect(parseAuthorLine('Ann Lee*, Bo Chan†, and Cy Dee')).toEqual({ authors: ['Ann Lee', 'Bo Chan', 'Cy Dee'], truncated: false });
    expect(parseAuthorLine('Ann Lee et al.')).toEqual({ authors: ['Ann Lee'], truncated: true });
    expect(parseAuthorLine('Ann Lee')).toBeNull();
    expect(parseAuthorLine('Ann Lee', true)).toEqual({ authors: ['Ann Lee'], truncated: false });
    expect(parseAuthorLine('In Proceedings of ICML, 2020')).toBeNull();
    expect(parseAuthorLine('By Jane Doe and John Roe')).toBeNull();
  });

  it('sameWork / mergePaper', () => {
    const a: ScrapedPaper = { title: 'Déjà Vu: A Study', authors: [], ids: { doi: '10.1/a' } };
    const b: ScrapedPaper = { title: 'Deja vu - a study', authors: ['X Y'], year: 2020 };
    expect(titleKey(a.title)).toBe(titleKey(b.title));
    expect(sameWork(a, b)).toBe(true);
    expect(sameWork(a, { ...b, ids: { doi: '10.1/other' } })).toBe(false);
    expect(mergePaper(a, b)).toEqual({ title: 'Déjà Vu: A Study', authors: ['X Y'], year: 2020, ids: { doi: '10.1/a' } });
  });

  it('detect says false for ordinary pages and other sites without metadata', () => {
    const plain = html('<title>Hello</title>', '<h1>Hello</h1><p>Nothing here.</p>');
    for (const u of [
      'https://example.com/',
      'https://scholar.google.com/scholar?q=x',
      'https://github.com/a/b',
      'https://en.wikipedia.org/wiki/X',
    ]) {
      expect(generic.detect(new URL(u), parseHtml(plain, u))).toBe(false);
    }
  });

  it('never throws on odd markup', () => {
    const odd = html(
      `<meta name="citation_title"><meta content="x"><script type="application/ld+json">null</script><script type="application/ld+json">[1,"a",{"@graph":{"@type":"ScholarlyArticle"}}]</script>`,
      `<span class="Z3988"></span><span class="Z3988" title=""></span><div itemscope itemtype="http://schema.org/ScholarlyArticle"></div>`,
    );
    const u = 'https://odd.example.org/';
    expect(() => run(odd, u)).not.toThrow();
    expect(run(odd, u).result).toBeNull();
  });
});
