// ScienceDirect adapter: URL routing, and the real saved pages (no citation_author: names from the author group).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { piiFromUrl, sciencedirect } from '../../../lib/scrapers/sites/sciencedirect';
import { describeShared, loadPage, sharedPages } from '../../helpers/dom';

describe('sciencedirect routes', () => {
  it('reads full-text and abstract article pages', () => {
    expect(piiFromUrl(new URL('https://www.sciencedirect.com/science/article/pii/S146290112300117X'))).toBe('S146290112300117X');
    expect(sciencedirect.route(new URL('https://www.sciencedirect.com/science/article/abs/pii/S2210271X18305656'))).toBe('paper');
    expect(sciencedirect.route(new URL('https://www.sciencedirect.com/journal/environmental-science-and-policy'))).toBeNull();
    expect(sciencedirect.route(new URL('https://www.sciencedirect.com/search?qs=commons'))).toBeNull();
  });
});

describeShared('real page: sciencedirect/article-S146290112300117X.html', ['pages/sciencedirect/article-S146290112300117X.html'], () => {
  const url = 'https://www.sciencedirect.com/science/article/pii/S146290112300117X';
  it('takes the author abstract (not the highlights), the online date and the keywords', () => {
    const p = sciencedirect.scrape(loadPage(join(sharedPages, 'sciencedirect/article-S146290112300117X.html'), url), new URL(url))!
      .papers[0];
    expect(p.authors).toEqual(['Mahir Yazar', 'Abigail York']);
    expect(p.date).toBe('2023-04-21');
    expect(p.abstract).toMatch(/^Urban climate adaptation through nature-based solutions/);
    expect(p.abstract).not.toContain('Highlights');
    expect(p.keywords).toContain('Spatial justice');
  });
});
