// bioRxiv / medRxiv adapter: URL routing (tabs, versions, old numeric ids, PDFs and listings
// refused). The pages themselves are checked by fixtures.test.ts (tests/fixtures/biorxiv/).
import { describe, expect, it } from 'vitest';
import { biorxiv, biorxivPaperId } from '../../../lib/scrapers/sites/biorxiv';

const route = (u: string) => biorxiv.route(new URL(u));

describe('biorxiv routes', () => {
  it('reads the preprint DOI and version of every tab of a paper page', () => {
    for (const tab of ['', '.full', '.abstract', '.full-text', '.article-info', '.article-metrics', '.supplementary-material']) {
      expect(biorxivPaperId(new URL(`https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1${tab}`)), tab).toEqual({
        doi: '10.1101/2023.01.01.522400',
        version: 'v1',
      });
    }
  });

  it('serves medRxiv with the same routes, and pre-2019 numeric ids', () => {
    expect(route('https://www.medrxiv.org/content/10.1101/2020.03.09.20033357v2.full')).toBe('paper');
    expect(biorxivPaperId(new URL('https://www.biorxiv.org/content/10.1101/339747v2'))).toEqual({ doi: '10.1101/339747', version: 'v2' });
    expect(biorxivPaperId(new URL('https://www.biorxiv.org/content/10.1101/339747'))).toEqual({
      doi: '10.1101/339747',
      version: undefined,
    });
  });

  it('leaves PDFs, collections, search and other hosts alone', () => {
    expect(route('https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1.full.pdf')).toBeNull();
    expect(route('https://www.biorxiv.org/collection/neuroscience')).toBeNull();
    expect(route('https://www.biorxiv.org/search/crispr')).toBeNull();
    expect(route('https://connect.biorxiv.org/relate/content/181')).toBeNull();
  });
});
