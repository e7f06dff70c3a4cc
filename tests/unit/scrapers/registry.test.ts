// The registry never lets an adapter error out: the failure is reported, the next adapter that
// claims the page (the generic fallback) gets its turn, and a failed adapter stores nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { googleScholar } from '../../../lib/scrapers/sites/google-scholar';
import { detectAdapters, scrapePage } from '../../../lib/scrapers/registry';
import { parseHtml } from '../../helpers/dom';

afterEach(() => vi.restoreAllMocks());

const url = 'https://scholar.google.com/citations?user=abc&hl=en';
const page = `<html><head><meta name="citation_title" content="A Paper With Embedded Metadata"><meta name="citation_author" content="Doe, Jane"><meta name="citation_doi" content="10.1234/abcd"></head><body><div id="gsc_prf_in">Jane Doe</div></body></html>`;

describe('adapter registry', () => {
  it('reports an adapter that throws and falls back to the generic adapter', () => {
    vi.spyOn(googleScholar, 'scrape').mockImplementation(() => {
      throw new Error('layout changed');
    });
    const got = scrapePage(parseHtml(page, url), new URL(url));
    expect(got.errors).toEqual(['Google Scholar: layout changed']);
    expect(got.adapter).toBe('generic');
    expect(got.result?.papers.map((p) => p.title)).toEqual(['A Paper With Embedded Metadata']);
  });

  it('treats a throwing detect as "not mine"', () => {
    vi.spyOn(googleScholar, 'detect').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(detectAdapters(new URL(url), parseHtml(page, url)).map((a) => a.id)).not.toContain('google-scholar');
  });

  it('returns nothing, with the error, when no adapter succeeds', () => {
    vi.spyOn(googleScholar, 'scrape').mockImplementation(() => {
      throw new Error('layout changed');
    });
    const got = scrapePage(parseHtml('<html><body><div id="gsc_prf_in">Jane</div></body></html>', url), new URL(url));
    expect(got.result).toBeNull();
    expect(got.errors).toHaveLength(1);
  });
});
