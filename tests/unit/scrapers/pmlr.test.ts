// PMLR adapter: URL routing, the volume heading (conference name and year), and an older volume's
// paper page (`div#authors`, no citation_conference_title). Fixtures are compared in fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { pmlr, pmlrRoute, volumeHeading } from '../../../lib/scrapers/sites/pmlr';
import { parseHtml } from '../../helpers/dom';

const route = (u: string) => pmlrRoute(new URL(u));

describe('pmlr routes', () => {
  it('reads volumes and paper pages', () => {
    expect(route('https://proceedings.mlr.press/v202/')).toBe('listing');
    expect(route('https://proceedings.mlr.press/v202')).toBe('listing');
    expect(route('https://proceedings.mlr.press/r12/')).toBe('listing');
    expect(route('https://proceedings.mlr.press/v202/kirchenbauer23a.html')).toBe('paper');
  });

  it('leaves PDFs, assets and the site pages alone', () => {
    expect(route('https://proceedings.mlr.press/v202/kirchenbauer23a/kirchenbauer23a.pdf')).toBeNull();
    expect(route('https://proceedings.mlr.press/v202/assets/bib/bibliography.bib')).toBeNull();
    expect(route('https://proceedings.mlr.press/faq.html')).toBeNull();
    expect(route('https://proceedings.mlr.press/')).toBeNull();
  });
});

describe('pmlr volume heading', () => {
  it('splits the conference name from its dates and place', () => {
    expect(volumeHeading('Volume 202: International Conference on Machine Learning, 23-29 July 2023, Honolulu, Hawaii, USA')).toEqual({
      venue: 'International Conference on Machine Learning',
      year: 2023,
    });
    expect(
      volumeHeading('Volume 151: International Conference on Artificial Intelligence and Statistics, 28-30 March 2022, Virtual'),
    ).toEqual({
      venue: 'International Conference on Artificial Intelligence and Statistics',
      year: 2022,
    });
    expect(volumeHeading('Volume 134: Conference on Learning Theory, 15-19 August 2021, Boulder, Colorado, USA').venue).toBe(
      'Conference on Learning Theory',
    );
    expect(volumeHeading('Volume 139: International Conference on Machine Learning, 18-24 July 2021, Virtual').year).toBe(2021);
  });
});

describe('pmlr older paper pages', () => {
  it('reads div#authors and the container title when the conference tag is missing', () => {
    const html = `<html><head><meta name="citation_title" content="Old Paper"><meta name="citation_author" content="Ann Author">
      <meta name="citation_publication_date" content="2015/06/01"></head><body><article class="post-content"><h1>Old Paper</h1>
      <div id="authors" class="authors">Ann Author,&nbsp;Bo Author;</div>
      <div id="info" class="authors"><i>Proceedings of the 32nd International Conference on Machine Learning</i>, PMLR 37:1-9, 2015.</div>
      <h4>Abstract</h4><div id="abstract" class="abstract">An abstract of the old paper, long enough.</div></article></body></html>`;
    const url = 'https://proceedings.mlr.press/v37/author15.html';
    const p = pmlr.scrape(parseHtml(html, url), new URL(url))!.papers[0];
    expect(p).toMatchObject({
      title: 'Old Paper',
      authors: ['Ann Author', 'Bo Author'],
      year: 2015,
      venue: 'Proceedings of the 32nd International Conference on Machine Learning',
      abstract: 'An abstract of the old paper, long enough.',
    });
  });
});
