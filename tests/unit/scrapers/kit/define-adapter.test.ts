// defineAdapter: hosts gate the route, the route picks the page scraper, site and url are filled in,
// blocked pages and unknown routes yield nothing, and the name is the site's.
import { describe, expect, it, vi } from 'vitest';
import { defineAdapter, hostMatches } from '../../../../lib/scrapers/kit/define-adapter';
import { parseHtml } from '../../../helpers/dom';

const doc = (body = '') => parseHtml(`<html><body>${body}</body></html>`, 'https://dblp.org/');

function make(blocked = false) {
  const person = vi.fn(() => ({ kind: 'author' as const, papers: [{ title: 'T', authors: [] }] }));
  const adapter = defineAdapter({
    id: 'dblp',
    hosts: ['dblp.org', '*.uni-trier.de'],
    route: (url): 'author' | 'search' | null =>
      url.pathname.startsWith('/pid/') ? 'author' : url.pathname === '/search' ? 'search' : null,
    scrape: { author: person, search: () => null },
    blocked: () => blocked,
    urls: ['https://dblp.org/pid/1'],
  });
  return { adapter, person };
}

describe('hostMatches', () => {
  it('matches exact hosts and *.domain (the domain and its subdomains), case-insensitively', () => {
    expect(hostMatches('dblp.org', 'DBLP.org')).toBe(true);
    expect(hostMatches('dblp.org', 'www.dblp.org')).toBe(false);
    expect(hostMatches('*.uni-trier.de', 'uni-trier.de')).toBe(true);
    expect(hostMatches('*.uni-trier.de', 'dblp.uni-trier.de')).toBe(true);
    expect(hostMatches('*.uni-trier.de', 'evil-uni-trier.de')).toBe(false);
  });
});

describe('defineAdapter', () => {
  it('routes only on its hosts', () => {
    const { adapter } = make();
    expect(adapter.route(new URL('https://dblp.org/pid/1'))).toBe('author');
    expect(adapter.route(new URL('https://dblp.uni-trier.de/search'))).toBe('search');
    expect(adapter.route(new URL('https://example.org/pid/1'))).toBeNull();
    expect(adapter.route(new URL('https://dblp.org/faq'))).toBeNull();
    expect(adapter.detect(new URL('https://dblp.org/pid/1'), doc())).toBe(true);
    expect(adapter.detect(new URL('https://example.org/pid/1'), doc())).toBe(false);
  });

  it('runs the scraper of the route kind and fills in site and url', () => {
    const { adapter, person } = make();
    const url = new URL('https://dblp.org/pid/1');
    expect(adapter.scrape(doc(), url)).toEqual({ site: 'dblp', kind: 'author', url: url.href, papers: [{ title: 'T', authors: [] }] });
    expect(person).toHaveBeenCalledWith(expect.anything(), url, 'author');
    expect(adapter.scrape(doc(), new URL('https://dblp.org/search'))).toBeNull();
    expect(adapter.scrape(doc(), new URL('https://example.org/pid/1'))).toBeNull();
  });

  it('captures nothing on a blocked page, without running the scraper', () => {
    const { adapter, person } = make(true);
    expect(adapter.scrape(doc(), new URL('https://dblp.org/pid/1'))).toBeNull();
    expect(person).not.toHaveBeenCalled();
  });

  it('takes its name from the site list, and keeps its hosts and urls', () => {
    const { adapter } = make();
    expect(adapter.name).toBe('DBLP');
    expect(adapter.hosts).toEqual(['dblp.org', '*.uni-trier.de']);
    expect(adapter.urls).toEqual(['https://dblp.org/pid/1']);
    expect(adapter.wantsHeuristics('author')).toBe(false);
  });
});
