/**
 * Springer Link adapter (link.springer.com): article pages (`/article/<doi>`), book chapter pages
 * (`/chapter/<doi>`) and reference work entries (`/referenceworkentry/<doi>`). Owns the reading of
 * the Springer Nature article platform, which nature.com serves too (lib/scrapers/sites/nature.ts
 * reuses `springerNaturePaper`): the `c-article-*` markup over the page's citation_* / Dublin
 * Core / PRISM tags.
 *
 * Dates: the page prints the issue year beside the volume ("Volume 37, pages 1–23, (1977)",
 * `data-test="article-publication-year"`) and `citation_publication_date` carries the issue date,
 * while `dc.date`, `prism.publicationDate`, JSON-LD `datePublished` and the "Published" line carry
 * the online date. Papers digitised long after print show both: e.g.
 * https://link.springer.com/article/10.1007/BF02727953 (issue January 1977, online 23 October
 * 2007). `year` is the printed/issue year, `date` the online date (citation_online_date).
 */
import type { ScrapedPaper } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, normalizeDoi, parseYear, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { firstMeta, metaValues } from '../kit/meta';
import { cleanAbstract, cleanTitle, parseMetadataDate, uniqueNames } from '../kit/metadata-text';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';
import { decodeSafe } from '../kit/urls';

/** Paper paths of link.springer.com: the kind of page, then the DOI. */
const PAPER_PATH = /^\/(?:article|chapter|referenceworkentry|protocol)\/(10\.\d{4,9}\/[^?#]+?)\/?$/i;

/** The DOI a link.springer.com paper path names (`/article/10.1007/BF02727953` → `10.1007/bf02727953`). */
export function springerDoi(url: URL): string | undefined {
  const m = decodeSafe(url.pathname).match(PAPER_PATH);
  return m ? normalizeDoi(m[1]) : undefined;
}

/**
 * Text of an abstract block with its reference call-outs left out: nature.com writes them as
 * `<sup><a data-test="citation-ref">1</a>,<a …>2</a></sup>` ("effort<sup>1–4</sup>"), which would
 * glue numbers onto words. The block is cloned so the live page is never touched.
 */
function abstractText(el: Element | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const sup of all(copy, 'sup')) if (sup.querySelector('a[data-test="citation-ref"], a[href^="#ref-"]')) sup.remove();
  return cleanAbstract(visibleText(copy, { math: true, blocks: true, skip: 'h2, h3, .c-article-section__title' }));
}

/** The printed issue year of the masthead ("(1977)"), when the page shows one. */
function printedYear(doc: Document): number | undefined {
  return parseYear(text(doc, '[data-test="article-publication-year"]'));
}

/** The online date (`YYYY-MM-DD`): citation_online_date, else the masthead's "Published" time. */
export function onlineDate(doc: Document): string | undefined {
  const fromMeta = parseMetadataDate(firstMeta(doc, 'citation_online_date')).date;
  if (fromMeta) return fromMeta;
  const published = all(doc, '.c-article-identifiers time[datetime], .c-bibliographic-information__value time[datetime]')[0];
  return parseMetadataDate(published?.getAttribute('datetime')).date;
}

/** Displayed author names of the header list (the whole list: items beyond the first few are only hidden by CSS). */
function headerAuthors(doc: Document): string[] {
  const list = doc.querySelector('[data-test="authors-list"], ul.c-article-author-list, ul.c-author-list');
  const names = all(list, 'a[data-test="author-name"], [data-test="author-name"], [itemprop="name"]').map((a) => clean(visibleText(a)));
  return uniqueNames(names);
}

/**
 * The article's keywords (the "Keywords" list), else its subjects: each `dc.subject` is one
 * subject, commas included ("Materials Science, general"), so they are never split.
 */
function keywordsOf(doc: Document): string[] {
  const shown = all(doc, '.c-article-subject-list__subject').map((li) => clean(visibleText(li)));
  return uniqueNames(shown.length ? shown : metaValues(doc, 'dc.subject'));
}

/**
 * A paper page of the Springer Nature platform (link.springer.com, www.nature.com): the embedded
 * reading (citation_*; names there are "Last, First", shown as "First Last" here) with the page's
 * title, header author list and abstract laid over it, the printed issue year, and the online
 * date as `date`.
 */
export function springerNaturePaper(doc: Document, url: URL): ScrapedPaper | null {
  const absEl =
    doc.querySelector('#Abs1-content') ??
    doc.querySelector('section[data-title="Abstract"] .c-article-section__content') ??
    doc.querySelector('#Abs1-section .c-article-section__content');
  return fromEmbedded(
    doc,
    url,
    {
      title: cleanTitle(
        visibleText(doc.querySelector('h1.c-article-title, h1[data-test="article-title"], h1.ChapterTitle'), { math: true }),
      ),
      authors: headerAuthors(doc),
      year: printedYear(doc),
      date: onlineDate(doc),
      abstract: abstractText(absEl),
      keywords: keywordsOf(doc),
      ids: { doi: springerDoi(url) },
    },
    {
      adjust: (e) => ({ ...e, authors: uniqueNames(e.authors.map(displayName)) }),
      fallback: { pdfUrl: absUrl(doc.querySelector('a[data-article-pdf][href], a.c-pdf-download__link[href]')?.getAttribute('href'), url) },
    },
  );
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const paper = springerNaturePaper(doc, url);
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** Springer Link: article, chapter, reference-work-entry and protocol pages. */
export const springer = defineAdapter({
  id: 'springer',
  hosts: ['link.springer.com'],
  route: (url) => (PAPER_PATH.test(decodeSafe(url.pathname)) ? 'paper' : null),
  scrape: scrapePaper,
  urls: [
    'https://link.springer.com/article/10.1007/s10924-010-0192-1',
    'https://link.springer.com/article/10.1007/BF02727953',
    'https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13',
  ],
});
