import { describe, expect, it } from 'vitest';
import { fromEmbedded, layPaper } from '../../../../lib/scrapers/kit/from-embedded';
import { parseHtml } from '../../../helpers/dom';

const url = 'https://papers.example.org/paper/42';
const head = `<meta name="citation_title" content="Meta Title"><meta name="citation_author" content="Ada Lovelace">
  <meta name="citation_publication_date" content="2020/07/01"><meta name="citation_doi" content="10.1234/abc">
  <meta name="citation_journal_title" content="Journal of Tests"><meta name="citation_pdf_url" content="/42.pdf">`;
const doc = () => parseHtml(`<html><head>${head}</head><body></body></html>`, url);

describe('fromEmbedded', () => {
  it('takes the embedded reading as the base and lays the site over it field by field', () => {
    expect(fromEmbedded(doc(), new URL(url), { title: 'Shown Title', authors: [], venue: '', ids: { arxiv: '2001.00001' } })).toEqual({
      title: 'Shown Title',
      authors: ['Ada Lovelace'],
      year: 2020,
      date: '2020-07-01',
      venue: 'Journal of Tests',
      ids: { doi: '10.1234/abc', arxiv: '2001.00001' },
      url,
      pdfUrl: 'https://papers.example.org/42.pdf',
    });
  });

  it('takes only the listed fields, only when trusted, adjusted; the fallback fills what no layer has', () => {
    const p = fromEmbedded(doc(), new URL(url), { title: 'T' }, { take: ['venue', 'ids'], fallback: { year: 1999, venue: 'Guess' } });
    expect(p).toEqual({ title: 'T', authors: [], venue: 'Journal of Tests', ids: { doi: '10.1234/abc' }, year: 1999 });
    expect(fromEmbedded(doc(), new URL(url), { title: 'T' }, { trust: () => false })).toEqual({ title: 'T', authors: [] });
    const adjusted = fromEmbedded(doc(), new URL(url), {}, { take: ['title'], adjust: (e) => ({ ...e, title: e.title.toUpperCase() }) });
    expect(adjusted).toEqual({ title: 'META TITLE', authors: [] });
    const laid = fromEmbedded(doc(), new URL(url), {}, { take: ['year'], fallback: (l) => ({ venue: `V ${l.year}` }) });
    expect(laid).toBeNull(); // no layer has a title
  });

  it('lays authors with their truncation, and ids id by id', () => {
    expect(layPaper({ authors: ['A'], authorsTruncated: true }, { authors: ['B', 'C'] })).toEqual({
      authors: ['B', 'C'],
      authorsTruncated: undefined,
      ids: {},
    });
    expect(layPaper({ authors: ['A'], authorsTruncated: true }, { authors: [] })).toMatchObject({ authors: ['A'], authorsTruncated: true });
    expect(layPaper({ ids: { doi: 'x', acl: 'y' } }, { ids: { doi: undefined, acl: 'z' } }).ids).toEqual({ doi: 'x', acl: 'z' });
  });
});
