// NeurIPS proceedings adapter: URL routing on the three hosts, the track names of link suffixes,
// and a listing row's track read from its class when the link has no suffix. Fixtures are
// compared in fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { neurips, neuripsRoute, parsePaperPath, trackName } from '../../../lib/scrapers/sites/neurips';
import { parseHtml } from '../../helpers/dom';

const route = (u: string) => neuripsRoute(new URL(u));

describe('neurips routes', () => {
  it('reads year listings of both layouts', () => {
    expect(route('https://proceedings.neurips.cc/paper/2020')).toBe('listing');
    expect(route('https://proceedings.neurips.cc/paper_files/paper/2023')).toBe('listing');
    expect(route('https://papers.nips.cc/paper_files/paper/2022/')).toBe('listing');
  });

  it('reads abstract pages of every track suffix', () => {
    for (const suffix of ['', '-Conference', '-Datasets_and_Benchmarks', '-Datasets_and_Benchmarks_Track', '-round1']) {
      expect(
        route(`https://proceedings.neurips.cc/paper_files/paper/2023/hash/0001ca33ba34ce0351e4612b744b3936-Abstract${suffix}.html`),
      ).toBe('paper');
    }
    expect(route('https://papers.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html')).toBe('paper');
  });

  it('leaves PDFs, BibTeX, reviews and the home page alone', () => {
    expect(route('https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf')).toBeNull();
    expect(route('https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Bibtex.bib')).toBeNull();
    expect(route('https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Review.html')).toBeNull();
    expect(route('https://proceedings.neurips.cc/')).toBeNull();
  });

  it('names the tracks', () => {
    expect(trackName(undefined)).toBeUndefined();
    expect(trackName('Conference')).toBeUndefined();
    expect(trackName('Datasets_and_Benchmarks')).toBe('Datasets and Benchmarks Track');
    expect(trackName('Datasets_and_Benchmarks_Track')).toBe('Datasets and Benchmarks Track');
    expect(trackName('round2')).toBe('Datasets and Benchmarks Track');
    expect(parsePaperPath('/paper/2020/hash/1457C0D6bfcb4967418bfb8ac142f64a-Abstract.html')).toEqual({
      year: 2020,
      hash: '1457c0d6bfcb4967418bfb8ac142f64a',
      track: undefined,
    });
  });
});

describe('neurips listing rows', () => {
  it('takes the track from the row class when the link has no suffix, and skips rows without a paper link', () => {
    const html = `<ul class="paper-list">
      <li class="datasets_and_benchmarks"><a href="/paper/2021/hash/00000000000000000000000000000001-Abstract.html">A Benchmark</a> <i>Ann Author, Bo Author</i></li>
      <li class="none"><a href="/paper/2021/hash/00000000000000000000000000000002-Abstract.html">A Method</a> <i>Cy Author</i></li>
      <li><a href="/book/advances-in-neural-information-processing-systems-34-2021">Book</a></li></ul>`;
    const url = 'https://proceedings.neurips.cc/paper/2021';
    const r = neurips.scrape(parseHtml(html, url), new URL(url))!;
    expect(r.papers.map((p) => [p.title, p.venue, p.authors])).toEqual([
      ['A Benchmark', 'Advances in Neural Information Processing Systems (Datasets and Benchmarks Track)', ['Ann Author', 'Bo Author']],
      ['A Method', 'Advances in Neural Information Processing Systems', ['Cy Author']],
    ]);
  });
});
