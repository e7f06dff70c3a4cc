// ACL Anthology adapter: what its fixtures cover (each is compared in fixtures.test.ts), the real
// saved person page, and the id/URL helpers.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  aclAnthology,
  anthologyIdFromHref,
  anthologyPath,
  isAnthologyId,
  pageKind,
  personIdFromPath,
  yearFromAnthologyId,
} from '../../../lib/scrapers/sites/acl-anthology';
import { aclPersonPage } from '../../helpers/big-pages';
import { describeShared, fixturesDir, loadPage, parseHtml, sharedPages } from '../../helpers/dom';

const dir = join(fixturesDir, 'acl-anthology');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

describe('acl-anthology fixtures (each one is compared with its expected JSON in fixtures.test.ts)', () => {
  it('has positive and null cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });
});

describeShared('real page: acl-anthology/person-madsack.html', ['pages/acl-anthology/person-madsack.html'], () => {
  const url = 'https://aclanthology.org/people/a/andreas-madsack/';
  const load = () => loadPage(join(sharedPages, 'acl-anthology/person-madsack.html'), url);

  it('is detected and scraped as an author page', () => {
    const doc = load();
    expect(aclAnthology.detect(new URL(url), doc)).toBe(true);
    const r = aclAnthology.scrape(doc, new URL(url))!;
    expect(r.site).toBe('acl-anthology');
    expect(r.kind).toBe('author');
    expect(r.url).toBe(url);
    // The page names itself `andreas-madsack/unverified` (its "Fix author" link): the site's
    // current canonical page for this person.
    expect(r.author).toMatchObject({
      name: 'Andreas Madsack',
      id: 'andreas-madsack/unverified',
      url: 'https://aclanthology.org/people/andreas-madsack/unverified/',
      metrics: { papers: 6 },
    });
    expect(r.author!.coauthors).toHaveLength(8);
    expect(r.author!.coauthors![0]).toEqual({
      name: 'Robert Weißgraeber',
      id: 'robert-weissgraeber/unverified',
      url: 'https://aclanthology.org/people/robert-weissgraeber/unverified/',
    });
    // The three behind "show all..." are included.
    expect(r.author!.coauthors!.map((c) => c.name).slice(5)).toEqual(['Alessia Cavallo', 'Ching-Yi Chen', 'Adela Schneider']);
  });

  it('lists the six papers with years from the headings, volumes as venues', () => {
    const r = aclAnthology.scrape(load(), new URL(url))!;
    expect(r.papers).toHaveLength(6);
    expect(r.papers.map((p) => p.ids?.acl)).toEqual(['2022.in2writing-1.1', 'W19-4201', 'W18-6560', 'W18-3607', 'K18-3004', 'W17-3524']);
    expect(r.papers.map((p) => p.year)).toEqual([2022, 2019, 2018, 2018, 2018, 2017]);

    const [first, second, , , conll, last] = r.papers;
    expect(first).toMatchObject({
      title: 'Data-to-text systems as writing environment',
      authors: ['Adela Schneider', 'Andreas Madsack', 'Johanna Heininger', 'Ching-Yi Chen', 'Robert Weißgraeber'],
      venue: 'Proceedings of the First Workshop on Intelligent and Interactive Writing Assistants (In2Writing 2022)',
      url: 'https://aclanthology.org/2022.in2writing-1.1/',
      pdfUrl: 'https://aclanthology.org/2022.in2writing-1.1.pdf',
    });
    expect(first.abstract).toMatch(/^Today, data-to-text systems are used as commercial solutions/);
    expect(first.abstract).toMatch(/writing environment are then derived\.$/);
    // The video badge is not code.
    expect(first.codeUrl).toBeUndefined();

    // acl-fixed-case spans are joined back into the title.
    expect(second.title).toBe('AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task');
    expect(second.authors).toEqual(['Andreas Madsack', 'Robert Weißgraeber']);
    expect(second.venue).toBe('Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology');

    expect(conll.title).toBe('AX Semantics’ Submission to the CoNLL–SIGMORPHON 2018 Shared Task');
    expect(conll.authors).toEqual(['Andreas Madsack', 'Alessia Cavallo', 'Johanna Heininger', 'Robert Weißgraeber']);
    expect(conll.abstract).toBeUndefined(); // no "abs" badge on this entry

    expect(last).toMatchObject({
      title: 'A working, non-trivial, topically indifferent NLG System for 17 languages',
      authors: ['Robert Weißgraeber', 'Andreas Madsack'],
      year: 2017,
      venue: 'Proceedings of the 10th International Conference on Natural Language Generation',
      ids: { acl: 'W17-3524' },
      pdfUrl: 'https://aclanthology.org/W17-3524.pdf',
      abstract:
        'A fully fledged practical working application for a rule-based NLG system is presented that is able to create non-trivial, human sounding narrative from structured data, in any language and for any topic.',
    });
    expect(last.authorProfiles).toEqual([
      {
        name: 'Robert Weißgraeber',
        id: 'robert-weissgraeber/unverified',
        url: 'https://aclanthology.org/people/robert-weissgraeber/unverified/',
      },
      { name: 'Andreas Madsack', id: 'andreas-madsack/unverified', url: 'https://aclanthology.org/people/andreas-madsack/unverified/' },
    ]);
  });
});

describe('ids and paths', () => {
  it('recognises new- and old-style Anthology ids', () => {
    for (const id of ['2020.acl-main.1', '2022.in2writing-1.1', '2023.findings-emnlp.12', 'W19-8601', 'P19-1001', 'K18-3004']) {
      expect(isAnthologyId(id), id).toBe(true);
    }
    for (const id of ['2020.acl-main', 'W19-86', 'people', 'faq', '10.18653/v1/W18-6319', 'w19-8601']) {
      expect(isAnthologyId(id), id).toBe(false);
    }
  });

  it('reads the id from paper links in their various shapes', () => {
    const base = new URL('https://aclanthology.org/people/x/');
    expect(anthologyIdFromHref('/2020.acl-main.1/', base)).toBe('2020.acl-main.1');
    expect(anthologyIdFromHref('https://aclanthology.org/W19-8601', base)).toBe('W19-8601');
    expect(anthologyIdFromHref('https://aclanthology.org/W19-8601.pdf', base)).toBe('W19-8601');
    expect(anthologyIdFromHref('/anthology/W18-2504/', new URL('https://www.aclweb.org/anthology/people/d/daniel-gildea/'))).toBe(
      'W18-2504',
    );
    expect(anthologyIdFromHref('/volumes/2020.acl-main/', base)).toBeUndefined();
    expect(anthologyIdFromHref('/2020.acl-main.1.bib', base)).toBeUndefined();
    expect(anthologyIdFromHref('https://example.org/2020.acl-main.1/', base)).toBeUndefined();
    expect(anthologyIdFromHref('', base)).toBeUndefined();
  });

  it('derives the year from an id', () => {
    expect(yearFromAnthologyId('2022.in2writing-1.1')).toBe(2022);
    expect(yearFromAnthologyId('W19-4201')).toBe(2019);
    expect(yearFromAnthologyId('J02-3001')).toBe(2002);
    expect(yearFromAnthologyId('P98-1001')).toBe(1998);
    expect(yearFromAnthologyId('nonsense')).toBeUndefined();
  });

  it('reads person ids from current, unverified and legacy paths', () => {
    expect(personIdFromPath('/people/matt-post/')).toBe('matt-post');
    expect(personIdFromPath('/people/andreas-madsack/unverified/')).toBe('andreas-madsack/unverified');
    expect(personIdFromPath('/people/a/andreas-madsack/')).toBe('andreas-madsack');
    expect(personIdFromPath('/people/yang-liu-ict')).toBe('yang-liu-ict');
    expect(personIdFromPath('/people/a/')).toBeUndefined(); // legacy letter index
    expect(personIdFromPath('/people/')).toBeUndefined();
    expect(personIdFromPath('/people/matt-post/awards/')).toBeUndefined();
  });

  it('strips the legacy aclweb /anthology prefix and ignores other hosts', () => {
    expect(anthologyPath(new URL('https://www.aclweb.org/anthology/P19-1001/'))).toBe('/P19-1001/');
    expect(anthologyPath(new URL('https://aclanthology.org/P19-1001/'))).toBe('/P19-1001/');
    expect(anthologyPath(new URL('https://www.aclweb.org/portal/'))).toBeUndefined();
    expect(anthologyPath(new URL('https://aclanthology.org.evil.com/P19-1001/'))).toBeUndefined();
  });
});

describe('detect', () => {
  const doc = parseHtml('<html><body></body></html>', 'https://aclanthology.org/');
  const yes = [
    'https://aclanthology.org/people/matt-post/',
    'https://aclanthology.org/people/andreas-madsack/unverified/',
    'https://aclanthology.org/people/a/andreas-madsack/',
    'https://www.aclweb.org/anthology/people/d/daniel-gildea/',
    'https://aclanthology.org/events/acl-2020/',
    'https://aclanthology.org/volumes/2020.acl-main/',
    'https://aclanthology.org/volumes/W18-65/',
    'https://aclanthology.org/2020.acl-main.1/',
    'https://aclanthology.org/W19-8601',
    'https://www.aclweb.org/anthology/P19-1001/',
  ];
  const no = [
    'https://aclanthology.org/',
    'https://aclanthology.org/venues/acl/',
    'https://aclanthology.org/sigs/siggen/',
    'https://aclanthology.org/search/?q=bleu',
    'https://aclanthology.org/faq/',
    'https://aclanthology.org/info/ids/',
    'https://aclanthology.org/people/',
    'https://aclanthology.org/people/matt-post/awards/',
    'https://aclanthology.org/volumes/not-a-volume-id!/',
    'https://aclanthology.org/2020.acl-main.1.pdf',
    'https://www.aclweb.org/portal/content/acl-2020',
    'https://scholar.google.com/citations?user=8daWuo4AAAAJ',
    'https://dblp.org/pid/p/MattPost.html',
    'https://arxiv.org/abs/2004.04696',
    'https://openreview.net/forum?id=abc',
    'https://www.semanticscholar.org/paper/2020.acl-main.1',
    'https://example.org/people/matt-post/',
  ];
  for (const u of yes) it(`claims ${u}`, () => expect(aclAnthology.detect(new URL(u), doc)).toBe(true));
  for (const u of no) it(`ignores ${u}`, () => expect(aclAnthology.detect(new URL(u), doc)).toBe(false));

  it('maps page kinds', () => {
    expect(pageKind(new URL('https://aclanthology.org/people/matt-post/'))).toBe('author');
    expect(pageKind(new URL('https://aclanthology.org/events/acl-2020/'))).toBe('listing');
    expect(pageKind(new URL('https://aclanthology.org/volumes/W18-65/'))).toBe('listing');
    expect(pageKind(new URL('https://aclanthology.org/W18-6560/'))).toBe('paper');
  });
});

describe('odd markup', () => {
  it('returns null, never throws, on empty pages of every kind', () => {
    for (const u of [
      'https://aclanthology.org/people/matt-post/',
      'https://aclanthology.org/events/acl-2020/',
      'https://aclanthology.org/volumes/2020.acl-main/',
      'https://aclanthology.org/2020.acl-main.1/',
    ]) {
      const doc = parseHtml(
        '<html><head><title>x</title></head><body><div class="d-sm-flex"><strong><a>no href</a></strong></div><h4></h4><dl><dt>DOI:</dt></dl></body></html>',
        u,
      );
      expect(aclAnthology.scrape(doc, new URL(u)), u).toBeNull();
    }
  });

  it('falls back to citation_* meta on a paper page without the usual body', () => {
    const u = 'https://aclanthology.org/2020.acl-main.1/';
    const doc = parseHtml(
      `<html><head><meta name="citation_title" content="Learning to Understand Child-directed and Adult-directed Speech">
      <meta name="citation_author" content="Lieke Gelderloos"><meta name="citation_author" content="Grzegorz Chrupała">
      <meta name="citation_conference_title" content="Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics">
      <meta name="citation_publication_date" content="2020/7"><meta name="citation_doi" content="10.18653/V1/2020.acl-main.1">
      <meta name="citation_pdf_url" content="https://aclanthology.org/2020.acl-main.1.pdf"></head><body></body></html>`,
      u,
    );
    expect(aclAnthology.scrape(doc, new URL(u))!.papers).toEqual([
      {
        title: 'Learning to Understand Child-directed and Adult-directed Speech',
        authors: ['Lieke Gelderloos', 'Grzegorz Chrupała'],
        year: 2020,
        venue: 'Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics',
        ids: { acl: '2020.acl-main.1', doi: '10.18653/v1/2020.acl-main.1' },
        url: 'https://aclanthology.org/2020.acl-main.1/',
        pdfUrl: 'https://aclanthology.org/2020.acl-main.1.pdf',
      },
    ]);
  });

  it('gives no date for a month range, and the short venue with the year when no volume is shown', () => {
    const u = 'https://aclanthology.org/2020.lrec-1.1/';
    const doc = parseHtml(
      `<section id="main"><h2 id="title"><a href="https://aclanthology.org/2020.lrec-1.1.pdf">A Paper</a></h2>
      <dl><dt>Anthology ID:</dt><dd>2020.lrec-1.1</dd><dt>Month:</dt><dd>May–June</dd><dt>Year:</dt><dd>2020</dd>
      <dt>Venue:</dt><dd><a href="/venues/lrec/">LREC</a></dd></dl></section>`,
      u,
    );
    const [p] = aclAnthology.scrape(doc, new URL(u))!.papers;
    expect(p.date).toBeUndefined();
    expect(p.venue).toBe('LREC 2020');
    expect(p.pdfUrl).toBe('https://aclanthology.org/2020.lrec-1.1.pdf');
    expect(p.authors).toEqual([]);
  });

  it('reads a person page with thousands of entries whole', () => {
    const big = aclPersonPage(3000);
    const doc = parseHtml(big.html, big.url);
    const r = aclAnthology.scrape(doc, new URL(big.url))!;
    expect(r.papers).toHaveLength(3000);
    expect(r.papers[2999]).toMatchObject({ title: 'Paper 3000', abstract: 'Abstract 3000.', year: 2020, venue: 'Proceedings' });
    expect(r.author?.metrics?.papers).toBe(3000);
  }, 30_000);
});
