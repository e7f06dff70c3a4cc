// HAL adapter: URL routing on hal.science and its portals, and the real saved notice (uppercase DC.* tags).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { hal, halId } from '../../../lib/scrapers/sites/hal';
import { describeShared, loadPage, sharedPages } from '../../helpers/dom';

describe('hal routes', () => {
  it('reads notices (with or without a version) on hal.science and *.hal.science', () => {
    expect(halId(new URL('https://theses.hal.science/tel-02083632v1'))).toBe('tel-02083632');
    expect(hal.route(new URL('https://hal.science/jpa-00235190'))).toBe('paper');
    expect(hal.route(new URL('https://inria.hal.science/hal-01234567v3/'))).toBe('paper');
    expect(hal.route(new URL('https://hal.science/jpa-00235190/document'))).toBeNull();
    expect(hal.route(new URL('https://hal.science/search/index?q=knight'))).toBeNull();
  });
});

describeShared('real page: hal/article-jpa-00235190.html', ['pages/hal/article-jpa-00235190.html'], () => {
  const url = 'https://hal.science/jpa-00235190';
  it('keeps the 1955 publication year and never takes the 2008 deposit date as the date', () => {
    const p = hal.scrape(loadPage(join(sharedPages, 'hal/article-jpa-00235190.html'), url), new URL(url))!.papers[0];
    expect(p.year).toBe(1955);
    expect(p.date).toBeUndefined();
    expect(p.abstract).toMatch(/^Des calculs récents/);
  });
});
