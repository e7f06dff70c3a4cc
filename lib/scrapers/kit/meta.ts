/**
 * Readers of the metadata publishers put in `<meta>` tags for reference managers: Highwire Press
 * `citation_*` (and its bepress twins), Dublin Core `DC.*` / `DCTERMS.*` (OJS, DSpace), the DOI a
 * page declares for itself (also PRISM `prism.doi`, a doi.org canonical link), and the bare DOI
 * landing page. Site adapters start from these and add what their site shows beyond them.
 */
import type { ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, normalizeArxivId, normalizeDoi, parseYear } from './dom';
import { cleanAbstract, cleanText, cleanTitle, makePaper, parseMetadataDate, splitKeywords, uniqueNames } from './metadata-text';

/** All `<meta name|property>` contents of the page, keyed by lower-cased name, in page order. */
function metaIndex(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of all<HTMLMetaElement>(doc, 'meta[name], meta[property]')) {
    const n = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').trim().toLowerCase();
    const c = clean(el.getAttribute('content'));
    if (!n || !c) continue;
    const list = map.get(n);
    if (list) list.push(c);
    else map.set(n, [c]);
  }
  return map;
}

/**
 * Non-empty contents of every meta tag named `name` (case-insensitive), in page order. Not cached
 * across calls: a live page (an SPA) may swap its meta tags between two captures.
 */
export function metaValues(doc: Document, name: string): string[] {
  return metaIndex(doc).get(name.toLowerCase()) ?? [];
}

/** Content of the first of the meta tags `names` that the page has (in the order given), or ''. */
export function firstMeta(doc: Document, ...names: string[]): string {
  for (const n of names) {
    const v = metaValues(doc, n)[0];
    if (v) return v;
  }
  return '';
}

/** Href of `<link rel="canonical">` (rel matched case-insensitively), absolute. */
export function canonicalUrl(doc: Document, url: URL): string | undefined {
  for (const el of all(doc, 'link[rel][href]')) {
    if (/(^|\s)canonical(\s|$)/i.test(el.getAttribute('rel') ?? '')) return absUrl(el.getAttribute('href'), url);
  }
  return undefined;
}

/**
 * DOI the page declares for itself: `citation_doi` (and its bepress/PRISM/DC twins) or a doi.org
 * canonical link. DOIs merely mentioned in the text never count.
 */
export function pageDoi(doc: Document, url: URL): string | undefined {
  for (const n of ['citation_doi', 'bepress_citation_doi', 'prism.doi', 'dc.identifier.doi']) {
    const d = normalizeDoi(metaValues(doc, n)[0]);
    if (d) return d;
  }
  for (const n of ['dc.identifier', 'dcterms.identifier']) {
    for (const v of metaValues(doc, n)) {
      if (/^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.\d{4,9}\/)/i.test(v)) {
        const d = normalizeDoi(v);
        if (d) return d;
      }
    }
  }
  const canon = canonicalUrl(doc, url);
  if (canon && /^https?:\/\/(dx\.)?doi\.org\/10\./i.test(canon)) return normalizeDoi(canon);
  return undefined;
}

/**
 * Highwire Press / Google Scholar `citation_*` tags (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing).
 */
export function highwirePaper(doc: Document, url: URL): ScrapedPaper | null {
  const title = cleanTitle(firstMeta(doc, 'citation_title'));
  if (!title) return null;
  const doi = pageDoi(doc, url);
  let authors = metaValues(doc, 'citation_author').map(cleanText);
  if (!authors.length) authors = metaValues(doc, 'citation_authors').flatMap((v) => v.split(/\s*;\s*/));
  let dated: { date?: string; year?: number } = {};
  for (const n of ['citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date']) {
    dated = parseMetadataDate(firstMeta(doc, n));
    if (dated.year) break;
  }
  if (!dated.year) dated = { year: parseYear(firstMeta(doc, 'citation_year')) };
  const venue = cleanText(
    firstMeta(
      doc,
      'citation_journal_title',
      'citation_conference_title',
      'citation_inbook_title',
      'citation_book_title',
      'citation_dissertation_institution',
      'citation_technical_report_institution',
      'citation_publisher',
    ),
  );
  const arxiv = normalizeArxivId(firstMeta(doc, 'citation_arxiv_id'));
  return makePaper({
    title,
    authors: uniqueNames(authors),
    year: dated.year,
    date: dated.date,
    venue,
    abstract: cleanAbstract(firstMeta(doc, 'citation_abstract')),
    keywords: splitKeywords([...metaValues(doc, 'citation_keywords'), ...metaValues(doc, 'citation_keyword')]),
    ids: { doi, arxiv },
    url: absUrl(firstMeta(doc, 'citation_abstract_html_url'), url) ?? canonicalUrl(doc, url),
    pdfUrl: absUrl(firstMeta(doc, 'citation_pdf_url'), url),
  });
}

function headingText(doc: Document): string {
  const h1s = all(doc, 'h1');
  return h1s.length === 1 ? clean(h1s[0].textContent) : '';
}

/**
 * An article landing page that declares its DOI (citation_doi, a doi.org canonical link) but no
 * other metadata: the title comes from og:title or the page's single h1.
 */
export function landingPaper(doc: Document, url: URL): ScrapedPaper | null {
  const doi = pageDoi(doc, url);
  if (!doi) return null;
  const title = cleanTitle(firstMeta(doc, 'og:title') || headingText(doc));
  return title ? makePaper({ title, authors: [], ids: { doi } }) : null;
}

/**
 * Dublin Core meta tags (DC.* / DCTERMS.*). Many ordinary sites emit DC.title, so DC alone counts
 * as a paper only with scholarly signals: a DOI identifier, a scholarly DC.type, or a DC.source
 * (journal) with creators.
 */
export function dublinCorePaper(doc: Document, url: URL): ScrapedPaper | null {
  const title = cleanTitle(firstMeta(doc, 'dc.title', 'dcterms.title'));
  if (!title) return null;
  // OJS writes DC.Creator.PersonalName (https://pkp.sfu.ca/ojs/), DSpace DC.creator.
  const authors = uniqueNames(
    [...metaValues(doc, 'dc.creator'), ...metaValues(doc, 'dcterms.creator'), ...metaValues(doc, 'dc.creator.personalname')].map(cleanText),
  );
  let doi = normalizeDoi(metaValues(doc, 'dc.identifier.doi')[0]);
  for (const v of [...metaValues(doc, 'dc.identifier'), ...metaValues(doc, 'dcterms.identifier')]) {
    if (/^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.\d{4,9}\/)/i.test(v)) doi = doi ?? normalizeDoi(v);
  }
  const type = [...metaValues(doc, 'dc.type'), ...metaValues(doc, 'dcterms.type')].join(' ');
  const source = cleanText(firstMeta(doc, 'dcterms.ispartof', 'dc.relation.ispartof', 'dc.source', 'dcterms.source'));
  const scholarlyType = /article|paper|thesis|dissertation|preprint|proceedings|journal|conference/i.test(type);
  if (!doi && !scholarlyType && !(source && authors.length)) return null;
  const dated = parseMetadataDate(firstMeta(doc, 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created'));
  return makePaper({
    title,
    authors,
    year: dated.year,
    date: dated.date,
    venue: source && !/^https?:/i.test(source) ? source : cleanText(firstMeta(doc, 'dc.publisher', 'dcterms.publisher')),
    abstract: cleanAbstract(firstMeta(doc, 'dcterms.abstract', 'dc.description.abstract', 'dc.description', 'dcterms.description')),
    keywords: splitKeywords(metaValues(doc, 'dc.subject')),
    ids: { doi },
    url: canonicalUrl(doc, url),
  });
}
