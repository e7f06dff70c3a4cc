// arXiv adapter: what its fixtures cover (each is compared in fixtures.test.ts), the real saved
// listing page from ../shared/pages, and the tricky helpers.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arxiv, arxivIdFromUrl, arxivPageType, parseSubjects, textExcept, yearFromArxivId } from '../../../lib/scrapers/sites/arxiv';
import { describeShared, fixturesDir, loadPage, parseHtml, sharedPages } from '../../helpers/dom';

interface Expected {
  url: string;
  adapter: string | null;
  result: unknown;
}

const dir = join(fixturesDir, 'arxiv');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

describe('arxiv fixtures (each one is compared with its expected JSON in fixtures.test.ts)', () => {
  it('has positive fixtures for every page kind', () => {
    const kinds = new Set<string>();
    for (const name of cases) {
      const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
      if (exp.result) kinds.add((exp.result as { kind: string }).kind);
    }
    expect([...kinds].sort()).toEqual(['listing', 'paper', 'search']);
  });
});

describeShared('real page: arxiv/list-cs-2301.html', ['pages/arxiv/list-cs-2301.html'], () => {
  const url = 'https://arxiv.org/list/cs/2301?skip=0&show=3';
  const load = () => loadPage(join(sharedPages, 'arxiv/list-cs-2301.html'), url);

  it('is detected as a listing and yields its 3 entries exactly', () => {
    const doc = load();
    const u = new URL(url);
    expect(arxiv.detect(u, doc)).toBe(true);
    const r = arxiv.scrape(doc, u)!;
    expect(r.site).toBe('arxiv');
    expect(r.kind).toBe('listing');
    expect(r.url).toBe(url);
    expect(r.papers).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(r.papers))).toEqual([
      {
        title: 'NFTrig',
        authors: ['Jordan Thompson', 'Ryan Benac', 'Kidus Olana', 'Talha Hassan', 'Andrew Sward', 'Tauheed Khan Mohd'],
        year: 2023,
        categories: ['cs.HC'],
        ids: { arxiv: '2301.00001' },
        url: 'https://arxiv.org/abs/2301.00001',
        pdfUrl: 'https://arxiv.org/pdf/2301.00001',
      },
      {
        title: 'Evaluating Alternative Glyph Design for Showing Large-Magnitude-Range Quantum Spins',
        authors: ['Henan Zhao', 'Garnett W. Bryant', 'Wesley Griffin', 'Judith E. Terrill', 'Jian Chen'],
        year: 2023,
        categories: ['cs.HC', 'cs.GR', 'quant-ph'],
        ids: { arxiv: '2301.00002' },
        url: 'https://arxiv.org/abs/2301.00002',
        pdfUrl: 'https://arxiv.org/pdf/2301.00002',
      },
      {
        title: 'Emotion in Cognitive Architecture: Emergent Properties from Interactions with Human Emotion',
        authors: ['Junya Morita'],
        year: 2023,
        categories: ['cs.HC', 'cs.AI'],
        ids: { arxiv: '2301.00003' },
        url: 'https://arxiv.org/abs/2301.00003',
        pdfUrl: 'https://arxiv.org/pdf/2301.00003',
      },
    ]);
  });

  it('does not mistake the comment links (arXiv:1905.02586, sites.google.com) for ids or code', () => {
    const r = arxiv.scrape(load(), new URL(url))!;
    expect(r.papers.map((p) => p.ids?.arxiv)).toEqual(['2301.00001', '2301.00002', '2301.00003']);
    expect(r.papers.every((p) => p.codeUrl === undefined)).toBe(true);
  });
});

describe('arxivPageType / detect', () => {
  const yes: [string, string][] = [
    ['https://arxiv.org/list/cs.LG/new', 'listing'],
    ['https://arxiv.org/list/cs/2301?skip=0&show=25', 'listing'],
    ['https://arxiv.org/list/hep-th/recent', 'listing'],
    ['https://arxiv.org/list/math/pastweek?show=100', 'listing'],
    ['https://export.arxiv.org/list/cs.CV/2406', 'listing'],
    ['https://arxiv.org/search/?query=transformer&searchtype=all', 'search'],
    ['https://arxiv.org/search/advanced?terms-0-term=diffusion&terms-0-field=title', 'search'],
    ['https://arxiv.org/search/cs?searchtype=author&query=Thompson,+J', 'search'],
    ['https://arxiv.org/abs/2301.00001', 'abs'],
    ['https://www.arxiv.org/abs/2301.00001v2', 'abs'],
    ['https://arxiv.org/abs/hep-th/9901001v3', 'abs'],
    ['https://arxiv.org/html/2402.17764v1', 'html'],
    ['https://ar5iv.labs.arxiv.org/html/1706.03762', 'html'],
    ['https://ar5iv.org/abs/1706.03762', 'html'],
    ['https://www.alphaxiv.org/abs/2005.14165', 'alphaxiv'],
    ['https://alphaxiv.org/overview/2005.14165v4', 'alphaxiv'],
    ['https://huggingface.co/papers/2005.14165', 'huggingface'],
  ];
  for (const [u, kind] of yes) {
    it(`claims ${u}`, () => {
      expect(arxivPageType(new URL(u))).toBe(kind);
      expect(arxiv.detect(new URL(u), parseHtml('<html></html>', u))).toBe(true);
    });
  }

  const no = [
    'https://arxiv.org/',
    'https://arxiv.org/pdf/2301.00001',
    'https://arxiv.org/help/api',
    'https://info.arxiv.org/help/submit.html',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/a/thompson_j_1',
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/date/2024-06-07',
    'https://huggingface.co/meta-llama/Llama-2-7b',
    'https://www.alphaxiv.org/explore',
    'https://scholar.google.com/scholar?q=arxiv+2301.00001',
    'https://www.semanticscholar.org/arxiv/2301.00001',
    'https://openreview.net/forum?id=abc',
    'https://dblp.org/pid/123/456.html',
    'https://aclanthology.org/2020.acl-main.1/',
    'https://example.com/abs/2301.00001',
    'https://notarxiv.org/abs/2301.00001',
  ];
  for (const u of no) {
    it(`does not claim ${u}`, () => {
      expect(arxiv.detect(new URL(u), parseHtml('<html></html>', u))).toBe(false);
    });
  }
});

describe('helpers', () => {
  it('arxivIdFromUrl strips versions and suffixes', () => {
    expect(arxivIdFromUrl(new URL('https://arxiv.org/abs/2301.00001v2'))).toBe('2301.00001');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/abs/hep-th/9901001v3'))).toBe('hep-th/9901001');
    expect(arxivIdFromUrl(new URL('https://www.alphaxiv.org/abs/2603.09985.md'))).toBe('2603.09985');
    expect(arxivIdFromUrl(new URL('https://huggingface.co/papers/2406.04101'))).toBe('2406.04101');
    expect(arxivIdFromUrl(new URL('https://arxiv.org/html/2402.17764v1#S3.T2'))).toBe('2402.17764');
  });

  it('yearFromArxivId reads YYMM and old-style ids', () => {
    expect(yearFromArxivId('2301.00001')).toBe(2023);
    expect(yearFromArxivId('0704.0001')).toBe(2007);
    expect(yearFromArxivId('hep-th/9901001')).toBe(1999);
    expect(yearFromArxivId('math.GT/0309136')).toBe(2003);
    expect(yearFromArxivId(undefined)).toBeUndefined();
    expect(yearFromArxivId('garbage')).toBeUndefined();
  });

  it('parseSubjects puts the primary first and keeps codes with dashes and dots', () => {
    const doc = parseHtml(
      `<div class="list-subjects"><span class="descriptor">Subjects:</span>
        Statistical Mechanics (cond-mat.stat-mech); <span class="primary-subject">Physics and Society (physics.soc-ph)</span>;
        Mathematical Physics (math-ph); Machine Learning (stat.ML); Physics and Society (physics.soc-ph)</div>`,
      'https://arxiv.org/list/physics.soc-ph/new',
    );
    expect(parseSubjects(doc.querySelector('.list-subjects'))).toEqual(['physics.soc-ph', 'cond-mat.stat-mech', 'math-ph', 'stat.ML']);
    expect(parseSubjects(null)).toEqual([]);
  });

  it('textExcept reads typeset math as its TeX source (MathJax 2 on arXiv, LaTeXML alttext)', () => {
    const mj = parseHtml(
      `<div class="list-title mathjax"><span class="descriptor">Title:</span> Bounds for <span class="MathJax_Preview" style="color: inherit;"></span><span class="MathJax" id="MathJax-Element-1-Frame" tabindex="0" role="presentation"><nobr><span class="math"><span class="mrow"><span class="mi">f</span></span></span></nobr><span class="MJX_Assistive_MathML" role="presentation"><math><mi>f</mi></math></span></span><script type="math/tex" id="MathJax-Element-1">f</script>-Divergences</div>`,
      'https://arxiv.org/list/cs.LG/new',
    );
    expect(textExcept(mj.querySelector('.list-title'), '.descriptor')).toBe('Bounds for $f$-Divergences');
    const ltx = parseHtml(
      `<h1 class="ltx_title ltx_title_document">Bounds for <math id="m1" class="ltx_Math" alttext="f" display="inline"><semantics><mi>f</mi><annotation encoding="application/x-tex">f</annotation></semantics></math>-Divergences</h1>`,
      'https://arxiv.org/html/2406.04117v1',
    );
    expect(textExcept(ltx.querySelector('h1'))).toBe('Bounds for $f$-Divergences');
    expect(textExcept(null)).toBe('');
  });
});

describe('edge cases', () => {
  it('listing: an entry without authors keeps authors: [] and old-style ids get a 19xx year', () => {
    const url = 'https://arxiv.org/list/hep-th/9901';
    const html = `<div id="dlpage"><dl id="articles">
      <dt><a name="item1">[1]</a> <a href="/abs/hep-th/9901001" title="Abstract" id="hep-th/9901001">arXiv:hep-th/9901001</a>
        [<a href="/pdf/hep-th/9901001" title="Download PDF">pdf</a>]</dt>
      <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Strings at Large N</div>
        <div class="list-authors">(author list is unavailable)</div>
        <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">High Energy Physics - Theory (hep-th)</span></div>
      </div></dd></dl></div>`;
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(JSON.parse(JSON.stringify(r.papers))).toEqual([
      {
        title: 'Strings at Large N',
        authors: [],
        year: 1999,
        categories: ['hep-th'],
        ids: { arxiv: 'hep-th/9901001' },
        url: 'https://arxiv.org/abs/hep-th/9901001',
        pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001',
      },
    ]);
  });

  it('listing: a dd without a title is skipped, odd markup does not throw', () => {
    const url = 'https://arxiv.org/list/cs.LG/recent';
    const html = `<dl id="articles"><dt><a href="/abs/2406.00001" title="Abstract">arXiv:2406.00001</a></dt><dd><div class="meta"></div></dd>
      <dt></dt><dt><a href="/abs/2406.00002" title="Abstract">arXiv:2406.00002</a></dt></dl>`;
    expect(arxiv.scrape(parseHtml(html, url), new URL(url))).toBeNull();
  });

  it('abs page: falls back to citation_* meta tags when the body markup is missing', () => {
    const url = 'https://arxiv.org/abs/2301.00001';
    const html = `<html><head>
      <meta name="citation_title" content="NFTrig" />
      <meta name="citation_author" content="Thompson, Jordan" /><meta name="citation_author" content="Benac, Ryan" />
      <meta name="citation_date" content="2023/01/03" />
      <meta name="citation_doi" content="10.48550/arXiv.2301.00001" />
      <meta name="citation_pdf_url" content="http://arxiv.org/pdf/2301.00001" />
      <meta name="citation_abstract" content="A card game about trigonometry." />
      </head><body></body></html>`;
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(JSON.parse(JSON.stringify(r.papers[0]))).toEqual({
      title: 'NFTrig',
      authors: ['Jordan Thompson', 'Ryan Benac'],
      year: 2023,
      date: '2023-01-03',
      abstract: 'A card game about trigonometry.',
      ids: { arxiv: '2301.00001' },
      url: 'https://arxiv.org/abs/2301.00001',
      pdfUrl: 'https://arxiv.org/pdf/2301.00001',
    });
  });

  it('abs page: a Report-number row (also td.jref) is not taken as the journal reference', () => {
    const url = 'https://arxiv.org/abs/2301.00002';
    const html = `<h1 class="title mathjax"><span class="descriptor">Title:</span>X</h1>
      <div class="metatable"><table>
      <tr><td class="tablecell label">Report&nbsp;number:</td><td class="tablecell jref">CERN-TH-2023-001</td></tr>
      </table></div>`;
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(r.papers[0].venue).toBeUndefined();
    expect(r.papers[0].ids).toEqual({ arxiv: '2301.00002' });
  });

  it('search: an empty result page ("produced no results") gives null', () => {
    const url = 'https://arxiv.org/search/?query=zzzxq&searchtype=all';
    const html = `<main><h1 class="title is-clearfix">Search</h1><p class="is-size-4 has-text-warning">
      Sorry, your query for <span class="is-warning">all: zzzxq</span> produced no results.</p></main>`;
    expect(arxiv.scrape(parseHtml(html, url), new URL(url))).toBeNull();
  });

  it('search: advanced-search queries come from the terms-N-term parameters', () => {
    const url =
      'https://arxiv.org/search/advanced?advanced=&terms-0-operator=AND&terms-0-term=diffusion&terms-0-field=title&terms-1-operator=AND&terms-1-term=Ho%2C+J&terms-1-field=author&size=50&order=-announced_date_first';
    const html = `<h1 class="title is-clearfix">Showing 1&ndash;1 of 1 results</h1><ol><li class="arxiv-result">
      <p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2006.11239">arXiv:2006.11239</a></p>
      <p class="title is-5 mathjax">Denoising Diffusion Probabilistic Models</p>
      <p class="authors"><span>Authors:</span><a href="/search/?searchtype=author&amp;query=Ho%2C+J">Jonathan Ho</a>, <a href="#">Ajay Jain</a>, <a href="#">Pieter Abbeel</a></p>
      </li></ol>`;
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(r.kind).toBe('search');
    expect(r.query).toBe('diffusion Ho, J');
    expect(r.totalResults).toBe(1);
    expect(JSON.parse(JSON.stringify(r.papers))).toEqual([
      {
        title: 'Denoising Diffusion Probabilistic Models',
        authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
        year: 2020,
        ids: { arxiv: '2006.11239' },
        url: 'https://arxiv.org/abs/2006.11239',
      },
    ]);
  });

  it('arxiv.org/html (LaTeXML) pages: bare <title>, multiple authors, no ar5iv chrome', () => {
    const url = 'https://arxiv.org/html/2402.17764v1';
    const html = `<html><head><title>The Era of 1-bit LLMs</title></head><body>
      <article class="ltx_document ltx_authors_1line">
      <h1 class="ltx_title ltx_title_document">The Era of 1-bit LLMs</h1>
      <div class="ltx_authors"><span class="ltx_creator ltx_role_author"><span class="ltx_personname">Shuming Ma<sup class="ltx_sup">∗</sup>, Hongyu Wang<sup class="ltx_sup">∗</sup>, Lingxiao Ma
      <br class="ltx_break">Microsoft Research</span></span></div>
      <div class="ltx_abstract"><h6 class="ltx_title ltx_title_abstract">Abstract</h6><p class="ltx_p">Recent research is paving the way.</p></div>
      </article></body></html>`;
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(r.kind).toBe('paper');
    expect(JSON.parse(JSON.stringify(r.papers[0]))).toEqual({
      title: 'The Era of 1-bit LLMs',
      authors: ['Shuming Ma', 'Hongyu Wang', 'Lingxiao Ma'],
      year: 2024,
      abstract: 'Recent research is paving the way.',
      ids: { arxiv: '2402.17764' },
      url: 'https://arxiv.org/abs/2402.17764',
    });
  });

  it('Hugging Face: without the hydration JSON the rendered header still gives title, authors, abstract, code', () => {
    const url = 'https://huggingface.co/papers/2406.04101';
    const html = readFileSync(join(dir, 'huggingface-paper.html'), 'utf8').replace(/ data-props="[^"]*"/g, '');
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(JSON.parse(JSON.stringify(r.papers[0]))).toEqual({
      title: 'Sparse Mixture-of-Experts Routing with Learned Temperature',
      authors: ['Chidi Okafor', 'Maja Lindqvist', 'Hiroshi Tanaka'],
      year: 2024,
      abstract:
        'Mixture-of-experts (MoE) layers route each token to a few experts. We show that learning a per-layer routing temperature stabilises training and improves load balance without auxiliary losses, matching dense baselines at a third of the compute.',
      ids: { arxiv: '2406.04101' },
      url: 'https://arxiv.org/abs/2406.04101',
      codeUrl: 'https://github.com/okafor-lab/moe-temp',
    });
  });

  it('Hugging Face: hydration JSON for another paper is ignored', () => {
    const url = 'https://huggingface.co/papers/2406.09999';
    const html = readFileSync(join(dir, 'huggingface-paper.html'), 'utf8');
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(r.papers[0].ids).toEqual({ arxiv: '2406.09999' });
    expect(r.papers[0].date).toBeUndefined();
  });

  it('mirrors: an error page or an unrendered app shell gives null', () => {
    for (const [url, html] of [
      [
        'https://huggingface.co/papers/2406.04101',
        '<html><head><title>404 – Hugging Face</title></head><body><main><h1>404</h1><p>Sorry, we can’t find the page you are looking for.</p></main></body></html>',
      ],
      ['https://www.alphaxiv.org/abs/2402.00917', '<html><head><title>alphaXiv</title></head><body><div id="root"></div></body></html>'],
      ['https://ar5iv.labs.arxiv.org/html/2402.00917', '<html><head></head><body><p>Conversion failed.</p></body></html>'],
    ]) {
      expect(arxiv.scrape(parseHtml(html, url), new URL(url))).toBeNull();
    }
  });

  it('alphaXiv: citation_* meta tags and JSON-LD are used when present', () => {
    const url = 'https://www.alphaxiv.org/abs/2402.00917v1';
    const html = `<html><head><title>A Benchmark of Equivariant Graph Networks for Protein Structure | alphaXiv</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"ScholarlyArticle","headline":"A Benchmark of Equivariant Graph Networks for Protein Structure","author":[{"@type":"Person","name":"Emma Abbott"},{"@type":"Person","name":"Luca Bianchi"}],"abstract":"We benchmark twelve equivariant graph networks."}</script>
      </head><body><h1>A Benchmark of Equivariant Graph Networks for Protein Structure</h1></body></html>`;
    const r = arxiv.scrape(parseHtml(html, url), new URL(url))!;
    expect(JSON.parse(JSON.stringify(r.papers[0]))).toEqual({
      title: 'A Benchmark of Equivariant Graph Networks for Protein Structure',
      authors: ['Emma Abbott', 'Luca Bianchi'],
      year: 2024,
      abstract: 'We benchmark twelve equivariant graph networks.',
      ids: { arxiv: '2402.00917' },
      url: 'https://arxiv.org/abs/2402.00917',
    });
  });

  it('pages other than the adapter’s own give null from scrape', () => {
    const url = 'https://example.com/abs/2301.00001';
    expect(arxiv.scrape(parseHtml('<h1 class="title">x</h1>', url), new URL(url))).toBeNull();
  });
});
