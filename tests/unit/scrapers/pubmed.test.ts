// PubMed adapter: routing, the citation-line and docsum parsers, and the single-hit search page
// (PubMed shows the one matching paper at the /?term= URL). Fixture pages: tests/fixtures/pubmed/.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citationDate, parseJournalCitation, pubmed, pubmedRoute } from '../../../lib/scrapers/sites/pubmed';
import { fixturesDir, parseHtml } from '../../helpers/dom';

describe('pubmed routes', () => {
  it('tells paper pages (with their PMID) from searches', () => {
    expect(pubmedRoute(new URL('https://pubmed.ncbi.nlm.nih.gov/36516211/'))).toEqual({ kind: 'paper', pmid: '36516211' });
    expect(pubmedRoute(new URL('https://pubmed.ncbi.nlm.nih.gov/36516211'))).toEqual({ kind: 'paper', pmid: '36516211' });
    expect(pubmedRoute(new URL('https://pubmed.ncbi.nlm.nih.gov/?term=crispr&page=2'))).toEqual({ kind: 'search' });
    expect(pubmedRoute(new URL('https://pubmed.ncbi.nlm.nih.gov/'))).toBeNull();
    expect(pubmedRoute(new URL('https://pubmed.ncbi.nlm.nih.gov/advanced/'))).toBeNull();
    expect(pubmedRoute(new URL('https://pubmed.ncbi.nlm.nih.gov/clipboard/'))).toBeNull();
  });
});

describe('pubmed citation lines', () => {
  it('reads the issue date, never the Epub date', () => {
    expect(citationDate('2023 Jan;613(7942):100-105.')).toEqual({ year: 2023, date: '2023-01' });
    expect(citationDate('2019 May 13;10(1):2100.')).toEqual({ year: 2019, date: '2019-05-13' });
    expect(citationDate('2020;10:e1.')).toEqual({ year: 2020 });
    expect(citationDate('2021 Jan-Feb;12(1):3-9.')).toEqual({ year: 2021 });
  });

  it('splits a docsum journal citation into venue, date and DOI', () => {
    expect(parseJournalCitation('Nature. 2023 Jan;613(7942):100-105. doi: 10.1038/s41586-022-05432-1. Epub 2022 Dec 14.')).toEqual({
      venue: 'Nature',
      year: 2023,
      date: '2023-01',
      doi: '10.1038/s41586-022-05432-1',
    });
    expect(parseJournalCitation('Proc Natl Acad Sci U S A. 2020 Mar 3;117(9):4571-4577.')).toEqual({
      venue: 'Proc Natl Acad Sci U S A',
      year: 2020,
      date: '2020-03-03',
    });
  });
});

describe('pubmed single-result search', () => {
  it('captures the paper PubMed shows at a /?term= URL when the search has one hit', () => {
    const html = readFileSync(join(fixturesDir, 'pubmed/paper.html'), 'utf8').replace(
      '<main class="article-details" id="article-details">',
      '<main class="article-details" id="article-details"><span class="single-result-redirect-message">Showing the one result for your search</span>',
    );
    const url = new URL('https://pubmed.ncbi.nlm.nih.gov/?term=10.1038%2Fs41586-022-05432-1');
    const r = pubmed.scrape(parseHtml(html, url.href), url);
    expect(r?.kind).toBe('paper');
    expect(r?.papers.map((p) => [p.title, p.url, p.ids?.doi])).toEqual([
      [
        'Base editing of a disease-causing mutation in primate hepatocytes',
        'https://pubmed.ncbi.nlm.nih.gov/36516211/',
        '10.1038/s41586-022-05432-1',
      ],
    ]);
  });
});
