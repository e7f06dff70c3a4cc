// paper-search (the heuristic once called seed-search): what the one fixture runner
// (fixtures.test.ts, which compares each expected result) does not check about its fixtures, the
// fixture results verified against the real ICLR 2019 notes and the seed text (and the whole seed
// result list rendered into the real template), helper units, and pages that must not be taken for
// search result pages.
import { describeShared } from '../../helpers/shared';
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { authorProfile } from '../../../lib/scrapers/heuristics/author-profile';
import { findResultCount, parseResultCount, paperSearch } from '../../../lib/scrapers/heuristics/paper-search';
import type { ScrapeResult } from '../../../lib/core/types';
import { fixturesDir, haveShared, parseHtml, sharedPages, sharedSeeds } from '../../helpers/dom';

interface Expected {
  url: string;
  adapter: string | null;
  result: ScrapeResult | null;
}

const dir = join(fixturesDir, 'paper-search');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

function load(name: string): { exp: Expected; html: string; doc: Document; url: URL } {
  const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  return { exp, html, doc: parseHtml(html, exp.url), url: new URL(exp.url) };
}

function run(html: string, url = 'https://search.example.org/search?q=x') {
  const doc = parseHtml(html, url);
  const u = new URL(url);
  return { detect: paperSearch.detect(u, doc), result: paperSearch.scrape(doc, u), author: authorProfile.detect(u, doc) };
}

describe('paper-search fixtures', () => {
  it('has the required page kinds', () => {
    for (const n of ['iclr2019-data-augmentation', 'iclr2019-single-result-reviews', 'iclr2019-no-results']) expect(names).toContain(n);
  });

  // The expected results themselves are compared by fixtures.test.ts.
  for (const name of names) {
    it(`${name}: round-trips exactly and is never an author page`, () => {
      const { exp, doc, url } = load(name);
      const got = paperSearch.scrape(doc, url);
      if (exp.adapter === 'paper-search' && exp.result) {
        expect(paperSearch.detect(url, doc)).toBe(true);
        expect(JSON.stringify(got)).not.toMatch(/"":|:""|null/);
      } else {
        expect(paperSearch.detect(url, doc) === false || got === null).toBe(true);
      }
      expect(authorProfile.detect(url, doc)).toBe(false);
      expect(authorProfile.scrape(doc, url)).toBeNull();
    });
  }

  it('reads the data augmentation page as shown', () => {
    const { doc, url } = load('iclr2019-data-augmentation');
    const r = paperSearch.scrape(doc, url)!;
    expect(r.query).toBe('data augmentation');
    expect(r.totalResults).toBe(257);
    expect(r.papers).toHaveLength(5);
    expect(r.papers[0]).toMatchObject({
      title: 'RETHINKING SELF-DRIVING : MULTI -TASK KNOWLEDGE FOR BETTER GENERALIZATION AND ACCIDENT EXPLANATION ABILITY',
      authors: [],
      ids: { openreview: 'B14rPj0qY7' },
      url: 'https://openreview.net/forum?id=B14rPj0qY7',
      pdfUrl: 'https://openreview.net/pdf?id=B14rPj0qY7',
    });
    expect(r.papers[0].tldr).toMatch(/^we proposed a new self-driving model/);
    // "No tl;dr =[" means none.
    const open = r.papers.find((p) => p.ids?.openreview === 'B1eXbn05t7')!;
    expect(open.title).toBe('Open-Ended Content-Style Recombination Via Leakage Filtering');
    expect(open.tldr).toBeUndefined();
    expect(open.abstract).toMatch(/^We consider visual domains/);
  });

  it('skips the "(Show abstract)" toggle and the Reviews line of the later template', () => {
    const { doc, url } = load('iclr2019-single-result-reviews');
    const [p] = paperSearch.scrape(doc, url)!.papers;
    expect(p.tldr).toBe(
      'we propose a new framework for data-dependent DNN regularization that can prevent DNNs from overfitting random data or random labels.',
    );
    expect(p.abstract).toMatch(/^Deep neural networks \(DNNs\) typically have enough capacity/);
    expect(p.abstract).not.toMatch(/Reviews|confidence|Show abstract/);
  });

  it('does not take the author-profile fixtures for search pages', () => {
    const adir = join(fixturesDir, 'author-profile');
    for (const f of readdirSync(adir).filter((x) => x.endsWith('.html'))) {
      const exp = JSON.parse(readFileSync(join(adir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;
      const doc = parseHtml(readFileSync(join(adir, f), 'utf8'), exp.url);
      expect(paperSearch.detect(new URL(exp.url), doc), f).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The real data behind seed 004: ICLR 2019 notes, and the seed text itself.

const W = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
interface Note {
  id: string;
  forum: string;
  content: { title: string; abstract: string; 'TL;DR'?: string };
}

describeShared('fixture results against the real ICLR 2019 notes', [], () => {
  const notes = (JSON.parse(readFileSync(join(sharedPages, 'openreview/iclr2019-notes.json'), 'utf8')) as { notes: Note[] }).notes;
  const byForum = new Map(notes.map((n) => [n.forum, n]));

  it('the corpus is the 1,589 ICLR 2019 submissions', () => {
    expect(notes).toHaveLength(1589);
  });

  for (const name of ['iclr2019-data-augmentation', 'iclr2019-single-result-reviews']) {
    it(`${name}: title, tl;dr, abstract and forum id of every result match the notes`, () => {
      const { exp } = load(name);
      for (const p of exp.result!.papers) {
        const n = byForum.get(p.ids!.openreview!);
        expect(n, p.title).toBeDefined();
        expect(p.title).toBe(W(n!.content.title));
        expect(p.abstract).toBe(W(n!.content.abstract));
        expect(p.tldr).toBe(W(n!.content['TL;DR']) || undefined);
        expect(p.url).toBe(`https://openreview.net/forum?id=${n!.forum}`);
      }
    });
  }
});

/** Seed 004 blocks: title, tl;dr line, abstract; in page order. */
function seedResults(text: string) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^".+" has \d+ results$/.test(l));
  const blocks = lines
    .slice(at + 1)
    .join('\n')
    .split(/\n\n\n+/)
    .map((b) => b.split('\n').filter((l) => l.trim()));
  return {
    header: lines[at],
    results: blocks
      .filter((b) => b.length >= 3 && /^(tl;dr |No tl;dr =\[)/.test(b[1]))
      .map((b) => ({ title: W(b[0]), tldr: b[1], abstract: W(b.slice(2).join(' ')) })),
  };
}

describeShared('seed 004 agrees with the fixture and the notes', ['seeds', 'pages/openreview/iclr2019-notes.json'], () => {
  const seedName = readdirSync(sharedSeeds).find((f) => f.startsWith('004_'))!;
  const seed = seedResults(readFileSync(join(sharedSeeds, seedName), 'utf8'));
  const notes = (JSON.parse(readFileSync(join(sharedPages, 'openreview/iclr2019-notes.json'), 'utf8')) as { notes: Note[] }).notes;
  const byTitle = new Map(notes.map((n) => [W(n.content.title).toLowerCase(), n]));

  it('the seed states 257 results and lists 257, all of them ICLR 2019 submissions', () => {
    expect(seed.header).toBe('"data augmentation" has 257 results');
    expect(seed.results).toHaveLength(257);
    expect(seed.results.filter((r) => r.tldr === 'No tl;dr =[')).toHaveLength(56);
    for (const r of seed.results) expect(byTitle.has(r.title.toLowerCase()), r.title).toBe(true);
  });

  it('the fixture results appear in the seed, in page order, with the same tl;dr and abstract', () => {
    const { exp } = load('iclr2019-data-augmentation');
    let last = -1;
    for (const p of exp.result!.papers) {
      const i = seed.results.findIndex((r) => r.title === p.title);
      expect(i, p.title).toBeGreaterThan(last);
      last = i;
      expect(seed.results[i].tldr).toBe(p.tldr ? `tl;dr ${p.tldr}` : 'No tl;dr =[');
      expect(seed.results[i].abstract).toBe(p.abstract);
    }
  });

  it('the whole seed result list, rendered in the real template, scrapes to 257 exact results', () => {
    // Same markup as the fixture (Smerity/search_iclr_2019 templates), every result of the seed.
    const { html } = load('iclr2019-data-augmentation');
    const start = html.indexOf('        <div class="row" style="margin-bottom:0.5em">');
    const end = html.lastIndexOf('      </div> <!-- /container -->');
    const e = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
    const rows = seed.results.map((r) => {
      const n = byTitle.get(r.title.toLowerCase())!;
      const tl = n.content['TL;DR'] ? `<b>tl;dr</b> ${e(n.content['TL;DR'])}` : 'No tl;dr =[';
      return `        <div class="row" style="margin-bottom:0.5em">
          <div class="col-md-12">
            <h5>${e(n.content.title)}
              &nbsp; <a target="_blank" href="https://openreview.net/pdf?id=${n.forum}"><i class="fa fa-file-pdf-o" aria-hidden="true"></i></a>
              &nbsp; <a target="_blank" alt="Forum Link" href="https://openreview.net/forum?id=${n.forum}"><i class="fa fa-comments-o" aria-hidden="true"></i></a>
            </h5>
            <p class="mb-0">${tl}</p>
            <p class="card card-body mb-0 mt-2"><i>
              ${e(n.content.abstract)}
            </i></p>
          </div>
        </div>
        <hr />
`;
    });
    const full = html.slice(0, start) + rows.join('') + html.slice(end);
    const { detect, result, author } = run(full, 'https://search.iclr2019.smerity.com/search/?query=data+augmentation');
    expect(detect).toBe(true);
    expect(author).toBe(false);
    expect(result!.query).toBe('data augmentation');
    expect(result!.totalResults).toBe(257);
    expect(result!.papers).toHaveLength(257);
    expect(result!.papers.map((p) => p.title.toLowerCase())).toEqual(seed.results.map((r) => r.title.toLowerCase()));
    expect(result!.papers.map((p) => p.ids!.openreview)).toEqual(seed.results.map((r) => byTitle.get(r.title.toLowerCase())!.forum));
    expect(result!.papers.filter((p) => !p.tldr)).toHaveLength(56);
    // The page's tl;dr text is the seed's (the seed shows it whitespace-collapsed).
    for (const [i, p] of result!.papers.entries()) {
      expect(p.tldr ? `tl;dr ${p.tldr}` : 'No tl;dr =[').toBe(W(seed.results[i].tldr));
      expect(p.pdfUrl).toBe(`https://openreview.net/pdf?id=${p.ids!.openreview}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers

describe('parseResultCount', () => {
  it('reads both phrasings', () => {
    expect(parseResultCount('"data augmentation" has 257 results')).toEqual({ query: 'data augmentation', total: 257 });
    expect(parseResultCount('“GAN” has 1,024 results.')).toEqual({ query: 'GAN', total: 1024 });
    expect(parseResultCount('"x" has 1 result')).toEqual({ query: 'x', total: 1 });
    expect(parseResultCount('"x" has 0 results')).toEqual({ query: 'x', total: 0 });
    expect(parseResultCount('257 results for "data augmentation"')).toEqual({ query: 'data augmentation', total: 257 });
    expect(parseResultCount('12 results for mixup')).toEqual({ query: 'mixup', total: 12 });
    expect(parseResultCount('Found 3 papers matching: graph networks')).toEqual({ query: 'graph networks', total: 3 });
  });
  it('rejects other counts', () => {
    expect(parseResultCount('About 1,230,000 results (0.05 sec)')).toBeUndefined();
    expect(parseResultCount('Showing 1–50 of 1,234 results for all: gnn')).toBeUndefined();
    expect(parseResultCount('We have 257 results to share')).toBeUndefined();
    expect(parseResultCount('')).toBeUndefined();
  });
  it('finds the innermost statement', () => {
    const doc = parseHtml('<div><h3>"q" <small>has 5 results</small></h3></div>', 'https://example.org/');
    expect(findResultCount(doc)?.el.tagName).toBe('H3');
  });
});

describe('other markup of the same page kind', () => {
  it('a "N results for q" page with Abstract: blocks and title links', () => {
    const { detect, result } = run(`<html><body><h1>Paper search</h1><p>2 results for <b>"contrastive learning"</b></p>
      <ul>
        <li><h2><a href="https://openreview.net/forum?id=abc123XYZ">A Simple Framework for Things</a></h2><p>Ann Smith, Bo Li</p>
            <p>Abstract: We present a simple framework for contrastive learning of things.</p><a href="https://openreview.net/pdf?id=abc123XYZ">PDF</a></li>
        <li><h2><a href="https://arxiv.org/abs/2002.05709v3">Another Framework</a></h2><p>Abstract: Another abstract that is long enough to count.</p></li>
      </ul></body></html>`);
    expect(detect).toBe(true);
    expect(result).toEqual({
      site: 'paper-search',
      kind: 'search',
      url: 'https://search.example.org/search?q=x',
      query: 'contrastive learning',
      totalResults: 2,
      papers: [
        {
          title: 'A Simple Framework for Things',
          authors: ['Ann Smith', 'Bo Li'],
          abstract: 'We present a simple framework for contrastive learning of things.',
          ids: { openreview: 'abc123XYZ' },
          url: 'https://openreview.net/forum?id=abc123XYZ',
          pdfUrl: 'https://openreview.net/pdf?id=abc123XYZ',
        },
        {
          title: 'Another Framework',
          authors: [],
          abstract: 'Another abstract that is long enough to count.',
          ids: { arxiv: '2002.05709' },
          url: 'https://arxiv.org/abs/2002.05709v3',
        },
      ],
    });
  });

  it('"No tl;dr =[" with a toggle link means no tl;dr', () => {
    const { result } = run(`<html><body><h3>"x" <small>has 1 results</small></h3>
      <div class="row"><div class="col"><h5>Some Paper Title</h5><p>No tl;dr =[ <a data-toggle="collapse" href="#a">(Show abstract)</a></p>
      <div class="collapse" id="a"><p><i>The abstract of some paper, long enough to count.</i></p></div></div></div></body></html>`);
    expect(result!.papers).toEqual([
      { title: 'Some Paper Title', authors: [], abstract: 'The abstract of some paper, long enough to count.' },
    ]);
  });

  it('a count statement with zero results is nothing to capture', () => {
    const r = run(`<html><body><h3>"x" <small>has 0 results</small></h3><p>Try another query.</p></body></html>`);
    expect(r.detect).toBe(false);
    expect(r.result).toBeNull();
  });
});

describe('ordinary pages are not search result pages', () => {
  const pages: Record<string, [string, string]> = {
    'shop search with a result count but product cards': [
      'https://shop.example.com/s?k=shoes',
      `<html><body><h1>Shoes</h1><p>24 results for "shoes"</p><div class="grid">
       <div class="card"><h2>Runner 3000</h2><p>$89.99</p><p>Lightweight running shoe with a breathable mesh upper.</p></div>
       <div class="card"><h2>Trail Max</h2><p>$119.00</p><p>Rugged trail shoe with a grippy outsole for wet rock.</p></div></div></body></html>`,
    ],
    'news article quoting tl;dr and a result count': [
      'https://www.example-news.com/2024/ai',
      `<html><body><article><h1>The week in AI</h1><p>"Diffusion" has 3 results in our archive, we joked.</p>
       <p>Our summary follows.</p><p>The new model tops benchmarks, and labs react quickly to it.</p></article></body></html>`,
    ],
    'Google Scholar-like results count': [
      'https://scholar.example.org/scholar?q=crispr',
      `<html><body><div id="gs_ab_md">About 1,230,000 results (0.05 sec)</div><div class="gs_r"><h3><a href="/x">CRISPR review</a></h3>
       <div>A Author, B Author - Nature, 2020</div><div>tl;dr a summary line that should not matter here.</div></div></body></html>`,
    ],
    'GitHub README with TL;DR sections': [
      'https://github.com/org/repo',
      `<html><body><article class="markdown-body"><h1>repo</h1><h2>Install</h2><p>TL;DR: pip install repo</p><h2>Usage</h2><p>tl;dr run it.</p></article></body></html>`,
    ],
    'Wikipedia biography': [
      'https://en.wikipedia.org/wiki/Yoshua_Bengio',
      `<html><body><h1>Yoshua Bengio</h1><p>He has over 800,000 citations.</p><h2>Selected works</h2><ul><li>Learning Deep Architectures for AI (2009)</li></ul></body></html>`,
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

// Real saved pages of other sites: neither heuristic claims them.
function htmlFiles(d: string, out: string[] = []): string[] {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) htmlFiles(p, out);
    else if (f.endsWith('.html')) out.push(p);
  }
  return out;
}

describeShared('real pages of other sites are neither author profiles nor paper searches', [], () => {
  const files = haveShared() ? htmlFiles(sharedPages) : [];
  it('there are real pages to check', () => expect(files.length).toBeGreaterThanOrEqual(5));
  for (const f of files) {
    it(f.slice(sharedPages.length + 1), () => {
      const url = new URL('https://example.org/page');
      const doc = parseHtml(readFileSync(f, 'utf8'), url.href);
      expect(paperSearch.detect(url, doc)).toBe(false);
      expect(authorProfile.detect(url, doc)).toBe(false);
    });
  }
});
