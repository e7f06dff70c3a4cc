// ACM Digital Library adapter: routing of the paper-page variants (abs, full, fullHtml, encoded
// DOIs) and tables of contents; PDFs and books are not pages it reads. Pages: tests/fixtures/acm/.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acm, acmRoute } from '../../../lib/scrapers/sites/acm';
import { fixturesDir, parseHtml } from '../../helpers/dom';

describe('acm routes', () => {
  it('reads the DOI of every paper-page variant', () => {
    for (const p of ['/doi/', '/doi/abs/', '/doi/full/', '/doi/fullHtml/'])
      expect(acmRoute(new URL(`https://dl.acm.org${p}10.1145/3292500.3330701`)), p).toEqual({
        kind: 'paper',
        doi: '10.1145/3292500.3330701',
      });
    expect(acmRoute(new URL('https://dl.acm.org/doi/10.1145%2F3292500.3330701'))).toEqual({
      kind: 'paper',
      doi: '10.1145/3292500.3330701',
    });
  });

  it('routes proceedings tables of contents, not PDFs or books', () => {
    expect(acmRoute(new URL('https://dl.acm.org/doi/proceedings/10.1145/3292500'))).toEqual({ kind: 'listing' });
    expect(acmRoute(new URL('https://dl.acm.org/doi/pdf/10.1145/3292500.3330701'))).toBeNull();
    expect(acmRoute(new URL('https://dl.acm.org/doi/book/10.1145/3310205'))).toBeNull();
    expect(acmRoute(new URL('https://dl.acm.org/profile/99659326893'))).toBeNull();
  });
});

describe('acm paper pages', () => {
  it('keeps the publisher out of the venue when the page shows none', () => {
    const html = readFileSync(join(fixturesDir, 'acm/paper-core.html'), 'utf8').replace(
      /<div class="core-self-citation">[\s\S]*?<div class="info-panel__formats">/,
      '<div class="info-panel__formats">',
    );
    const url = new URL('https://dl.acm.org/doi/10.1145/3442188.3445922');
    const p = acm.scrape(parseHtml(html, url.href), url)?.papers[0];
    expect(p?.title).toBe('On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜');
    expect(p?.venue).toBeUndefined();
    // The date then comes from dc.Date.
    expect([p?.year, p?.date]).toEqual([2021, '2021-03-01']);
  });
});
