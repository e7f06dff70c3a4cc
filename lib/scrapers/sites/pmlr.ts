/**
 * PMLR adapter (proceedings.mlr.press): the Proceedings of Machine Learning Research, one Jekyll
 * site per volume (templates in github.com/mlresearch/jekyll-theme, `_includes/listpaper.html`
 * and `paper_abstract.html`). Reads
 *   - volume listings `/v202/` (also `/r12/` reissues): under the `Volume 202: <conference>, <dates>,
 *     <place>` heading, one `div.paper` per paper: `p.title`, `span.authors` (names joined by
 *     ",&nbsp;"), `span.info` ("PMLR 202:1-20"), and `p.links` ([abs] [Download PDF] [OpenReview]
 *     [Software] [arXiv version] …);
 *   - paper pages `/v202/<key>.html`: citation_* tags (authors "Given Family", the conference
 *     name, the publication date), `h1`, `#authors`, `#abstract`, `#extras` links.
 * Venue is the conference name (citation_conference_title on a paper page, the heading's name on
 * a listing); pages ("202:1-20") have no field yet.
 */
import type { PaperIds, ScrapedPaper } from '../../core/types';
import { findDate } from '../kit/dates';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compactPaper, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { visibleText } from '../kit/text';
import { arxivIdFromLink, isRepoUrl, pageUrl, parseUrl } from '../kit/urls';

type PmlrRoute = 'listing' | 'paper';

// `/v202/`, `/v202`, `/v202/index.html`, `/r12/` (reissued volumes).
const VOLUME_PATH = /^\/([vr]\d+)(?:\/(?:index\.html)?)?$/i;
// `/v202/kirchenbauer23a.html` (not the volume's own pages: `/v202/assets/…`, `/v202/index.html`).
const PAPER_PATH = /^\/([vr]\d+)\/(?!index\.html$)([\w.-]+)\.html$/i;

/** The page kind of a PMLR URL, or null. */
export function pmlrRoute(url: URL): PmlrRoute | null {
  if (VOLUME_PATH.test(url.pathname)) return 'listing';
  if (PAPER_PATH.test(url.pathname)) return 'paper';
  return null;
}

/** A printed author list ("A,&nbsp;B,&nbsp;C"; the no-break spaces are whitespace to `clean`). */
function splitNames(s: string): string[] {
  return s
    .split(',')
    .map((n) => clean(n))
    .filter(Boolean);
}

/** What a paper's links say: PDF, OpenReview and arXiv ids, code. */
interface Links {
  pdfUrl?: string;
  ids: PaperIds;
  codeUrl?: string;
}

function readLinks(root: Element | null, base: URL): Links {
  const out: Links = { ids: {} };
  for (const a of all(root, 'a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    const label = clean(a.textContent).toLowerCase();
    const u = parseUrl(href);
    if (!out.pdfUrl && (label === 'download pdf' || label === 'pdf')) out.pdfUrl = href;
    else if (u && /(^|\.)openreview\.net$/i.test(u.hostname)) out.ids.openreview ??= u.searchParams.get('id') || undefined;
    else if (u && /(^|\.)arxiv\.org$/i.test(u.hostname)) out.ids.arxiv ??= arxivIdFromLink(href);
    else if (!out.codeUrl && (label === 'software' || label === 'code') && isRepoUrl(href)) out.codeUrl = href;
  }
  return out;
}

/**
 * The conference and year of a volume heading: "Volume 202: International Conference on Machine
 * Learning, 23-29 July 2023, Honolulu, Hawaii, USA" (https://proceedings.mlr.press/v202/). The
 * name ends where the dates begin.
 */
export function volumeHeading(s: string): { venue?: string; year?: number } {
  const t = clean(s).replace(/^(?:Volume|Reissue)\s+\w+\s*:\s*/i, '');
  const m = t.match(/^(.+?),\s*(\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+\p{L}+|\p{L}+\s+\d{1,2}\b|\d{4}\b)/u);
  const venue = m ? clean(m[1]) : undefined;
  const year = findDate(m ? t.slice(m[1].length) : t, ['year'])?.year;
  return { venue, year };
}

function scrapeListing(doc: Document, url: URL): Scraped | null {
  const { venue, year } = volumeHeading(text(doc, 'h2'));
  const papers: ScrapedPaper[] = [];
  for (const row of all(doc, 'div.paper')) {
    const title = text(row, 'p.title') || text(row, '.title');
    if (!title) continue;
    const linksEl = row.querySelector('p.links') ?? row;
    const abs = all(linksEl, 'a[href]').find((a) => clean(a.textContent).toLowerCase() === 'abs');
    const links = readLinks(linksEl, url);
    papers.push(
      compactPaper({
        title,
        authors: splitNames(text(row, 'span.authors')),
        year,
        venue,
        ids: links.ids,
        url: absUrl(abs?.getAttribute('href'), url),
        pdfUrl: links.pdfUrl,
        codeUrl: links.codeUrl,
      }),
    );
  }
  return papers.length ? { kind: 'listing', papers } : null;
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const article = doc.querySelector('article.post-content') ?? doc.querySelector('article') ?? doc.body;
  const links = readLinks(doc.querySelector('#extras'), url);
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: text(article, 'h1'),
      // `span.authors` in today's theme; `div#authors` (then "…;") in volumes built before it.
      authors: splitNames((text(doc, '#authors') || text(article, 'span.authors')).replace(/;\s*$/, '')),
      abstract: visibleText(doc.querySelector('#abstract'), { math: true, blocks: true }),
      ids: links.ids,
      url: pageUrl(url),
      pdfUrl: links.pdfUrl,
      codeUrl: links.codeUrl,
    },
    {
      // citation_author is "Given Family" like the page; the date is the volume's publication.
      take: ['title', 'authors', 'year', 'date', 'venue', 'abstract', 'ids', 'pdfUrl'],
      // An old volume page without the conference tag still prints "<i>Proceedings of …</i>, PMLR 3:…".
      fallback: { venue: text(doc, '#info i') || undefined },
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** PMLR: volume listings and paper pages. */
export const pmlr = defineAdapter({
  id: 'pmlr',
  hosts: ['proceedings.mlr.press'],
  route: pmlrRoute,
  scrape: { listing: scrapeListing, paper: scrapePaper },
  urls: [
    'https://proceedings.mlr.press/v202/',
    'https://proceedings.mlr.press/v97/',
    'https://proceedings.mlr.press/v202/kirchenbauer23a.html',
    'https://proceedings.mlr.press/v162/gao22h.html',
  ],
});
