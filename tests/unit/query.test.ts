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
    expect(parseQuery('year:abc').warnings[0]).toMatch(/not a year/);
    expect(parseQuery('has:wings').warnings[0]).toMatch(/has:wings/);
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
