// ORCID adapter: record URLs, and the served HTML's JSON-LD Person when the app has not rendered
// (the rendered record and the bare shell are fixtures in tests/fixtures/orcid/).
import { describe, expect, it } from 'vitest';
import { orcid, orcidIdFromUrl } from '../../../lib/scrapers/sites/orcid';
import { parseHtml } from '../../helpers/dom';

describe('orcid routes', () => {
  it('reads the iD of record and print pages, checksum X included', () => {
    expect(orcidIdFromUrl(new URL('https://orcid.org/0000-0002-1825-0097'))).toBe('0000-0002-1825-0097');
    expect(orcidIdFromUrl(new URL('https://orcid.org/0000-0001-5109-370x/print'))).toBe('0000-0001-5109-370X');
    for (const u of [
      'https://orcid.org/',
      'https://orcid.org/signin',
      'https://orcid.org/orcid-search/search?searchQuery=x',
      'https://orcid.org/0000-0002-1825',
    ])
      expect(orcid.route(new URL(u)), u).toBeNull();
  });
});

describe('orcid served HTML', () => {
  it('reads a JSON-LD Person and the works it created when nothing is rendered', () => {
    const ld = {
      '@context': 'http://schema.org',
      '@type': 'Person',
      '@id': 'https://orcid.org/0000-0002-1825-0097',
      givenName: 'Josiah',
      familyName: 'Carberry',
      affiliation: [{ '@type': 'Organization', name: 'Brown University' }],
      '@reverse': {
        creator: [
          {
            '@type': 'CreativeWork',
            name: 'Developing Thin Clients Using Amphibious Epistemologies',
            identifier: [{ '@type': 'PropertyValue', propertyID: 'doi', value: '10.5555/12345679' }],
            sameAs: 'https://doi.org/10.5555/12345679',
            datePublished: '2011-05-24',
          },
        ],
      },
    };
    const html = `<html><head><title>ORCID</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><app-root></app-root></body></html>`;
    const url = new URL('https://orcid.org/0000-0002-1825-0097');
    expect(orcid.scrape(parseHtml(html, url.href), url)).toEqual({
      site: 'orcid',
      kind: 'author',
      url: url.href,
      author: {
        name: 'Josiah Carberry',
        id: '0000-0002-1825-0097',
        url: 'https://orcid.org/0000-0002-1825-0097',
        affiliation: 'Brown University',
      },
      papers: [
        {
          title: 'Developing Thin Clients Using Amphibious Epistemologies',
          authors: [],
          year: 2011,
          date: '2011-05-24',
          ids: { doi: '10.5555/12345679' },
          url: 'https://doi.org/10.5555/12345679',
        },
      ],
    });
  });

  it('captures nothing from a deactivated record', () => {
    const html =
      '<html><body><section id="names"><div class="issue"><h1>This record has been deactivated</h1></div></section></body></html>';
    const url = new URL('https://orcid.org/0000-0002-1825-0097');
    expect(orcid.scrape(parseHtml(html, url.href), url)).toBeNull();
  });
});
