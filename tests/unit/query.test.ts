import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery } from '../../lib/search/query';

describe('query parser', () => {
  it('parses free text with the last word as a prefix', () => {
    expect(parseQuery('Diffusion Modèls')).toMatchObject({ terms: ['diffusion', 'models'], lastIsPrefix: true });
    expect(parseQuery('diffusion ')).toMatchObject({ terms: ['diffusion'], lastIsPrefix: false });
  });
  it('parses every filter', () => {
    const q = parseQuery(
      'author:"Geoffrey Hinton" year:2018..2021 venue:ICLR site:arxiv cat:cs.LG has:code -has:tldr collection:"reading list" "capsule networks" -survey routing',
    );
    expect(q).toMatchObject({
      authors: ['geoffrey hinton'],
      yearFrom: 2018,
      yearTo: 2021,
      venues: ['iclr'],
      sites: ['arxiv'],
      categories: ['cs.lg'],
      has: ['code'],
      notHas: ['tldr'],
      collections: ['reading list'],
      phrases: ['capsule networks'],
      excludes: ['survey'],
      terms: ['routing'],
      lastIsPrefix: true,
      warnings: [],
    });
  });
  it('handles single years, open ranges and bad values with a warning', () => {
    expect(parseQuery('year:2019')).toMatchObject({ yearFrom: 2019, yearTo: 2019 });
    const open = parseQuery('year:2018..');
    expect([open.yearFrom, open.yearTo]).toEqual([2018, undefined]);
    const upTo = parseQuery('year:..2010');
    expect([upTo.yearFrom, upTo.yearTo]).toEqual([undefined, 2010]);
    // Warnings are data (the parser runs where there is no browser.i18n); the UI words them.
    expect(parseQuery('year:abc').warnings).toEqual([{ code: 'year', value: 'abc' }]);
    expect(parseQuery('has:wings').warnings).toEqual([
      { code: 'has', value: 'wings', allowed: ['code', 'abstract', 'tldr', 'pdf', 'note'] },
    ]);
    expect(parseQuery('is:unicorn').warnings).toEqual([{ code: 'is', value: 'unicorn' }]);
    expect(parseQuery('status:skimmed').warnings).toEqual([{ code: 'status', value: 'skimmed', allowed: ['toread', 'reading', 'read'] }]);
    expect(parseQuery('year: has: is: status:').warnings).toEqual([]);
  });
  it('keeps unknown prefixes and odd input as text, never throws', () => {
    expect(parseQuery('foo:bar').terms).toEqual(['foo', 'bar']);
    expect(parseQuery('"unterminated phrase').phrases).toEqual(['unterminated phrase']);
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(isEmptyQuery(parseQuery('-'))).toBe(true);
    expect(() => parseQuery('"""":::---\u0000<script>')).not.toThrow();
    expect(isEmptyQuery(parseQuery('year:2019'))).toBe(false);
  });
});
