// PLOS adapter: URL routing (article and its tabs, by `?id=`), and the real saved article page.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { plos, plosDoi } from '../../../lib/scrapers/sites/plos';
import { describeShared, loadPage, sharedPages } from '../../helpers/dom';

describe('plos routes', () => {
  it('reads article pages and their tabs that name a PLOS DOI', () => {
    expect(plosDoi(new URL('https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978'))).toBe(
      '10.1371/journal.pone.0213978',
    );
    expect(plos.route(new URL('https://journals.plos.org/plosone/article/metrics?id=10.1371/journal.pone.0213978'))).toBe('paper');
    expect(plos.route(new URL('https://journals.plos.org/plosone/article'))).toBeNull();
    expect(plos.route(new URL('https://journals.plos.org/plosone/search?q=virus'))).toBeNull();
  });
});

describeShared('real page: plos/article-pone-0213978.html', ['pages/plos/article-pone-0213978.html'], () => {
  const url = 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978';
  it('reads the header names without marks and commas, and the published date', () => {
    const p = plos.scrape(loadPage(join(sharedPages, 'plos/article-pone-0213978.html'), url), new URL(url))!.papers[0];
    expect(p.authors[0]).toBe('Yang Li');
    expect(p.authors).toHaveLength(11);
    expect(p.date).toBe('2019-04-22');
    expect(p.abstract).toMatch(/^Reticuloendotheliosis virus \(REV\)/);
  });
});
