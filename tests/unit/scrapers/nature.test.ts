// Nature adapter: URL routing, and the real saved AlphaFold page (34 authors in a collapsed list).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { nature } from '../../../lib/scrapers/sites/nature';
import { describeShared, loadPage, sharedPages } from '../../helpers/dom';

describe('nature routes', () => {
  it('reads article pages only', () => {
    expect(nature.route(new URL('https://www.nature.com/articles/s41586-021-03819-2'))).toBe('paper');
    expect(nature.route(new URL('https://www.nature.com/articles/nature14539'))).toBe('paper');
    expect(nature.route(new URL('https://www.nature.com/nature/volumes/596/issues/7873'))).toBeNull();
    expect(nature.route(new URL('https://www.nature.com/search?q=alphafold'))).toBeNull();
  });
});

describeShared('real page: nature/article-s41586-021-03819-2.html', ['pages/nature/article-s41586-021-03819-2.html'], () => {
  const url = 'https://www.nature.com/articles/s41586-021-03819-2';
  it('gives the online date and an abstract without reference numbers or entities', () => {
    const p = nature.scrape(loadPage(join(sharedPages, 'nature/article-s41586-021-03819-2.html'), url), new URL(url))!.papers[0];
    expect(p.authors).toHaveLength(34);
    expect(p.date).toBe('2021-07-15');
    expect(p.abstract).toMatch(/^Proteins are essential to life/);
    expect(p.abstract).toContain('Through an enormous experimental effort, the structures');
    expect(p.abstract).not.toMatch(/&nbsp;|effort1/);
  });
});
