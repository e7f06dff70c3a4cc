// PubMed Central adapter: both hosts' article URLs route to one canonical URL; other NCBI pages
// are not claimed. Fixture pages: tests/fixtures/pmc/.
import { describe, expect, it } from 'vitest';
import { pmc, pmcIdFromUrl, pmcUrl } from '../../../lib/scrapers/sites/pmc';

describe('pmc routes', () => {
  it('reads the PMCID on today’s host and on the legacy /pmc/ path', () => {
    expect(pmcIdFromUrl(new URL('https://pmc.ncbi.nlm.nih.gov/articles/PMC9816082/'))).toBe('PMC9816082');
    expect(pmcIdFromUrl(new URL('https://pmc.ncbi.nlm.nih.gov/articles/PMC9816082'))).toBe('PMC9816082');
    expect(pmcIdFromUrl(new URL('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6851403/'))).toBe('PMC6851403');
    expect(pmcUrl('PMC6851403')).toBe('https://pmc.ncbi.nlm.nih.gov/articles/PMC6851403/');
  });

  it('leaves the rest of www.ncbi.nlm.nih.gov, PDFs and search pages alone', () => {
    for (const u of [
      'https://www.ncbi.nlm.nih.gov/books/NBK430685/',
      'https://www.ncbi.nlm.nih.gov/articles/PMC6851403/',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC9816082/pdf/41467_2022_Article_35678.pdf',
      'https://pmc.ncbi.nlm.nih.gov/search/?term=soil',
    ])
      expect(pmc.route(new URL(u)), u).toBeNull();
  });
});
