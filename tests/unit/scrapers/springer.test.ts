// Springer Link adapter: URL routing, and the real saved article page (issue year vs online date).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { springer, springerDoi } from '../../../lib/scrapers/sites/springer';
import { describeShared, loadPage, sharedPages } from '../../helpers/dom';

describe('springer routes', () => {
  it('reads article, chapter and reference-work pages, not search or journal pages', () => {
    for (const u of [
      'https://link.springer.com/article/10.1007/BF02727953',
      'https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13',
      'https://link.springer.com/referenceworkentry/10.1007/978-3-642-27833-4_1-4',
    ])
      expect(springer.route(new URL(u)), u).toBe('paper');
    for (const u of ['https://link.springer.com/search?query=x', 'https://link.springer.com/journal/10924', 'https://link.springer.com/'])
      expect(springer.route(new URL(u)), u).toBeNull();
  });
  it('takes the DOI from the path, lower-cased', () => {
    expect(springerDoi(new URL('https://link.springer.com/article/10.1007/BF02727953'))).toBe('10.1007/bf02727953');
  });
});

describeShared('real page: springer/article-s10924-010-0192-1.html', ['pages/springer/article-s10924-010-0192-1.html'], () => {
  const url = 'https://link.springer.com/article/10.1007/s10924-010-0192-1';
  it('keeps the printed year, the online date, the keywords whole and the abstract', () => {
    const p = springer.scrape(loadPage(join(sharedPages, 'springer/article-s10924-010-0192-1.html'), url), new URL(url))!.papers[0];
    expect(p.year).toBe(2010);
    expect(p.date).toBe('2010-05-05');
    expect(p.keywords).toEqual(['Amylose', 'Biopolymer', 'Bioplastics', 'Biodegradable', 'Biocompatibility', 'Cytotoxicity', 'Packaging']);
    expect(p.abstract).toMatch(/^Amylose containing polysaccharides .* also supported the results\.$/);
    expect(p.abstract).not.toContain('&nbsp;');
  });
});
