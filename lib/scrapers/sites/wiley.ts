/**
 * Wiley Online Library adapter (onlinelibrary.wiley.com): article landing pages in every form the
 * site links (`/doi/<doi>`, `/doi/abs/<doi>`, `/doi/full/<doi>`, `/doi/epdf/<doi>`), e.g.
 * https://onlinelibrary.wiley.com/doi/10.1002/andp.19053221004. The pages (Atypon Literatum)
 * carry citation_* tags with the full author list in display form; the page adds the typeset
 * title (`h1.citation__title`), the header names (`.loa-authors .author-name`, the desktop and
 * the mobile list repeat them) where the tags have none, and the abstract.
 *
 * Dates: a paper printed long before it went online shows both — e.g. Annalen der Physik 1905
 * papers, "First published: 10 March 2006". `year` is the issue year (citation_publication_date),
 * `date` the online date (citation_online_date, else the "First published" line).
 */
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, clean, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { firstMeta } from '../kit/meta';
import { cleanAbstract, cleanTitle, parseMetadataDate, uniqueNames } from '../kit/metadata-text';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';
import { doiFromUrl } from '../kit/urls';

/** `/doi/10.1002/x`, `/doi/abs/10.1002/x`, `/doi/full/10.1002/x`, `/doi/epdf/10.1002/x` (not `/doi/pdf/`: a file). */
const ARTICLE_PATH = /^\/doi\/(?:(?:abs|full|epdf|book|chapter)\/)?10\.\d{4,9}\/.+$/i;

function headerAuthors(doc: Document): string[] {
  const list = doc.querySelector('.loa-authors, .loa-wrapper, .accordion-tabbed.loa-accordion');
  return uniqueNames(all(list, 'a.author-name').map((a) => clean(visibleText(a, { skip: 'sup, .author-type' }))));
}

function onlineDate(doc: Document): string | undefined {
  const meta = parseMetadataDate(firstMeta(doc, 'citation_online_date')).date;
  if (meta) return meta;
  const line = text(doc, '.epub-date, .epub-sections .epub-state + .epub-date').replace(/^\s*First published:?\s*/i, '');
  return parseMetadataDate(line).date;
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const abstractEl =
    doc.querySelector('.article-section__abstract .article-section__content') ?? doc.querySelector('section.article-section__abstract');
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: cleanTitle(visibleText(doc.querySelector('h1.citation__title'), { math: true })),
      date: onlineDate(doc),
      abstract: cleanAbstract(visibleText(abstractEl, { math: true, blocks: true, skip: 'h2, h3' })),
      ids: { doi: doiFromUrl(url.href) },
    },
    {
      adjust: (e) => ({ ...e, authors: uniqueNames(e.authors.map(displayName)) }),
      fallback: { authors: headerAuthors(doc) },
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** Wiley Online Library: article pages. */
export const wiley = defineAdapter({
  id: 'wiley',
  hosts: ['onlinelibrary.wiley.com'],
  route: (url) => (ARTICLE_PATH.test(url.pathname) ? 'paper' : null),
  scrape: scrapePaper,
  urls: [
    'https://onlinelibrary.wiley.com/doi/10.1002/andp.19053221004',
    'https://onlinelibrary.wiley.com/doi/abs/10.1002/andp.19053221004',
    'https://onlinelibrary.wiley.com/doi/full/10.1111/1365-2745.13211',
  ],
});
