// USENIX adapter: URL routing, conference-id years, the people line, and the real NSDI '22 page
// beyond its truth file (abstract, PDF, no DOI). Fixtures are compared in fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { peopleNames, usenix, usenixRoute, yearFromConferenceId } from '../../../lib/scrapers/sites/usenix';
import { describeShared, loadPage, parseHtml, sharedPages } from '../../helpers/dom';

const route = (u: string) => usenixRoute(new URL(u));

describe('usenix routes', () => {
  it('reads presentation pages and program listings', () => {
    expect(route('https://www.usenix.org/conference/nsdi22/presentation/goyal')).toBe('paper');
    expect(route('https://www.usenix.org/conference/usenixsecurity18/presentation/bock')).toBe('paper');
    expect(route('https://www.usenix.org/conference/nsdi22/technical-sessions')).toBe('listing');
    expect(route('https://www.usenix.org/conference/osdi24/program')).toBe('listing');
  });

  it('leaves files, news and conference home pages alone', () => {
    expect(route('https://www.usenix.org/system/files/nsdi22-paper-goyal.pdf')).toBeNull();
    expect(route('https://www.usenix.org/conference/nsdi22')).toBeNull();
    expect(route('https://www.usenix.org/publications/loginonline')).toBeNull();
  });

  it('knows the year of a conference id', () => {
    expect(yearFromConferenceId('nsdi22')).toBe(2022);
    expect(yearFromConferenceId('usenixsecurity18')).toBe(2018);
    expect(yearFromConferenceId('osdi06')).toBe(2006);
    expect(yearFromConferenceId('lisa')).toBeUndefined();
  });

  it('reads names out of a people line, affiliations left out', () => {
    const p = parseHtml(
      '<p>Sarah McClure and Amy Ousterhout, <em>UC Berkeley;</em> Hanno Böck; Scott Shenker, <em>UC Berkeley and ICSI</em></p>',
      'https://www.usenix.org/',
    );
    expect(peopleNames(p.querySelector('p'))).toEqual(['Sarah McClure', 'Amy Ousterhout', 'Hanno Böck', 'Scott Shenker']);
  });
});

describeShared('real page: usenix/paper-goyal.html', ['pages/usenix/paper-goyal.html'], () => {
  const url = 'https://www.usenix.org/conference/nsdi22/presentation/goyal';
  it('adds the abstract and the PDF, and no DOI', () => {
    const p = usenix.scrape(loadPage(join(sharedPages, 'usenix/paper-goyal.html'), url), new URL(url))!.papers[0];
    expect(p.abstract).toMatch(/^Effective congestion control for data center networks is becoming increasingly challenging/);
    expect(p.abstract).toMatch(/1\.6 - 5× better average completion time for long flows\.$/);
    expect(p.pdfUrl).toBe('https://www.usenix.org/system/files/nsdi22-paper-goyal.pdf');
    expect(p.url).toBe(url);
    expect(p.ids?.doi).toBeUndefined();
  });
});
