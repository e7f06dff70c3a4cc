// The registry routes by URL first and never lets an adapter error out: a site adapter runs only
// on its hosts and routes; a failure is reported and the next candidate (the generic fallback) gets
// its turn; the structural heuristics run on click-capture and where they are wanted, not on every
// automatic re-scrape of a site with its own adapter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { googleScholar } from '../../../lib/scrapers/sites/google-scholar';
import { dblp } from '../../../lib/scrapers/sites/dblp';
import { detectAdapters, heuristicAdapters, scrapePage } from '../../../lib/scrapers/registry';
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

  it('treats a throwing route as "not mine"', () => {
    vi.spyOn(googleScholar, 'route').mockImplementation(() => {
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

describe('routing by URL', () => {
  const blank = (u: string) => parseHtml('<html><body></body></html>', u);

  it('asks a site adapter about its own hosts only', () => {
    const route = vi.spyOn(dblp, 'route');
    scrapePage(blank(url), new URL(url));
    scrapePage(blank('https://example.org/pid/97/4275.html'), new URL('https://example.org/pid/97/4275.html'));
    expect(route).not.toHaveBeenCalled();
    scrapePage(blank('https://dblp.org/pid/97/4275.html'), new URL('https://dblp.org/pid/97/4275.html'));
    expect(route).toHaveBeenCalledTimes(1);
  });

  it('runs the heuristics on click-capture, not in automatic capture on a site with its own adapter', () => {
    const detects = heuristicAdapters.map((a) => vi.spyOn(a, 'detect'));
    const auto = detectAdapters(new URL(url), parseHtml(page, url), { mode: 'auto' }).map((a) => a.id);
    expect(auto).toEqual(['google-scholar', 'generic']);
    for (const d of detects) expect(d).not.toHaveBeenCalled();
    const click = detectAdapters(new URL(url), parseHtml(page, url), { mode: 'click' }).map((a) => a.id);
    expect(click[0]).toBe('google-scholar');
    for (const d of detects) expect(d).toHaveBeenCalledTimes(1);
  });

  it('runs the heuristics in automatic capture on a host no adapter serves', () => {
    const detects = heuristicAdapters.map((a) => vi.spyOn(a, 'detect'));
    const u = 'https://www.mlauthors.org/author/alex-lamb';
    detectAdapters(new URL(u), blank(u), { mode: 'auto' });
    for (const d of detects) expect(d).toHaveBeenCalledTimes(1);
  });

  it('runs the heuristics in automatic capture on a route its adapter marks', () => {
    vi.spyOn(googleScholar, 'wantsHeuristics').mockReturnValue(true);
    const detects = heuristicAdapters.map((a) => vi.spyOn(a, 'detect'));
    detectAdapters(new URL(url), blank(url), { mode: 'auto' });
    for (const d of detects) expect(d).toHaveBeenCalledTimes(1);
  });

  it('leaves a served host without a route to the embedded-metadata fallback', () => {
    const u = 'https://scholar.google.com/';
    expect(detectAdapters(new URL(u), parseHtml(page, u)).map((a) => a.id)).toEqual(['generic']);
  });
});
