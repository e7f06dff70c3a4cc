// JMLR adapter: URL routing and the year of a citation line. Fixtures are compared in fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { citationYear, jmlrRoute } from '../../../lib/scrapers/sites/jmlr';

const route = (u: string) => jmlrRoute(new URL(u));

describe('jmlr routes', () => {
  it('reads volumes and paper pages on both hosts', () => {
    expect(route('https://jmlr.org/papers/v24/')).toBe('listing');
    expect(route('https://www.jmlr.org/papers/v3/')).toBe('listing');
    expect(route('https://jmlr.org/papers/v24')).toBe('listing');
    expect(route('https://jmlr.org/papers/v24/22-0001.html')).toBe('paper');
    expect(route('https://www.jmlr.org/papers/v3/antos02a.html')).toBe('paper');
  });

  it('leaves PDFs, BibTeX and other pages alone', () => {
    expect(route('https://jmlr.org/papers/volume24/22-0001/22-0001.pdf')).toBeNull();
    expect(route('https://jmlr.org/papers/v24/22-0001.bib')).toBeNull();
    expect(route('https://jmlr.org/papers/')).toBeNull();
    expect(route('https://jmlr.org/')).toBeNull();
  });
});

describe('jmlr citation line', () => {
  it('reads the year after the pages', () => {
    expect(citationYear('Jacob Montiel, Max Halford; (110):1−8, 2021. [abs][pdf][bib]')).toBe(2021);
    expect(citationYear('A Author; 24(1):1−40, 2023.')).toBe(2023);
    expect(citationYear('A Author; 3(Jul):73-98, 2002.')).toBe(2002);
    expect(citationYear('A Author')).toBeUndefined();
  });
});
