/**
 * ACM Digital Library adapter (dl.acm.org): paper pages `/doi/<doi>`, `/doi/abs/<doi>`,
 * `/doi/full/<doi>` and the author-HTML rendering `/doi/fullHtml/<doi>`, and proceedings tables
 * of contents `/doi/proceedings/<doi>`.
 *
 * ACM writes Dublin Core metas (`dc.Title`, `dc.Creator`, `dc.Date`, `dc.Identifier
 * scheme="doi"`) and no citation_* ones; its `dc.Publisher` is the publisher ("Association for
 * Computing Machinery"), not the venue. The page markup comes in two generations, both read:
 *   - Literatum 2019–2024: `h1.citation__title`, authors in `ul.loa .loa__author-name` (all of
 *     them in the DOM even when the list shows "+3"), `div.abstractSection`, the venue in
 *     `.epub-section__title`, the date in `.CitationCoverDate` / `.epub-section__date`;
 *   - the 2024 "core" pages: RDFa — `h1[property=name]`, `[property=author]` with `givenName` /
 *     `familyName`, `section#abstract`, `.core-date-published`, `[property=isPartOf]`.
 * Tables of contents list `div.issue-item` rows (title link, `ul.loa`, abstract preview).
 */
import type { ScrapedPaper } from '../../core/types';
import { parseDate } from '../kit/dates';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compactPaper, normalizeDoi, parseYear, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';

const ORIGIN = 'https://dl.acm.org';
const PAPER_PATH = /^\/doi\/(?:abs\/|full\/|fullHtml\/)?(10\.\d{4,9}\/[^?#\s]+?)\/?$/i;
const TOC_PATH = /^\/doi\/proceedings\/(10\.\d{4,9}\/[^?#\s/]+)\/?$/i;

type AcmRoute = { kind: 'paper'; doi: string } | { kind: 'listing' };

/** The kind of ACM DL page `url` is (paper pages carry their DOI), or null. */
export function acmRoute(url: URL): AcmRoute | null {
  const path = decodeURIComponent(url.pathname);
  if (TOC_PATH.test(path)) return { kind: 'listing' };
  if (/^\/doi\/(?:pdf|epdf|book|proceedings|toc)\//i.test(path)) return null;
  const m = path.match(PAPER_PATH);
  const doi = m ? normalizeDoi(m[1]) : undefined;
  return doi ? { kind: 'paper', doi } : null;
}

/** A venue string without ACM's publisher name (what dc.Publisher carries). */
function venueOnly(v: string | undefined): string | undefined {
  return v && !/^(?:the\s+)?association for computing machinery\b|^acm$/i.test(v) ? v : undefined;
}

/** "25 July 2019" / "July 2019" → { year, date }. */
function shownDate(s: string): { year?: number; date?: string } {
  const d = parseDate(s);
  return d.year ? d : { year: parseYear(s) };
}

/** Author names of a Literatum `ul.loa` list, or of the core page's RDFa persons, in page order. */
function authorsIn(root: ParentNode | null): string[] {
  if (!root) return [];
  let names = all(root, '.loa__author-name').map((e) => clean(e.textContent));
  if (!names.length) {
    names = all(root, '[property="author"]').map((p) => {
      const given = text(p, '[property="givenName"]');
      const family = text(p, '[property="familyName"]');
      return given || family ? clean(`${given} ${family}`) : text(p, '[property="name"]') || visibleText(p, { skip: 'sup, .orcid, img' });
    });
  }
  return [...new Set(names.filter(Boolean))];
}

/** The author list of a paper page: the header's list (not the reference list or the "cited by" cards). */
function pageAuthors(doc: Document): string[] {
  const loa = doc.querySelector('.citation ul.loa, ul.loa[aria-label="authors"], ul.loa');
  const core = doc.querySelector('.contributors, header [property="author"]')?.closest('.contributors, header') ?? null;
  const full = doc.querySelector('.authorGroup');
  if (loa) return authorsIn(loa);
  if (core) return authorsIn(core);
  // /doi/fullHtml/: the author HTML's `div.author` blocks with given/surname spans.
  return all(full, '.author')
    .map((a) => clean(`${text(a, '.givenName')} ${text(a, '.surName')}`) || text(a, '.author-name'))
    .filter(Boolean);
}

function scrapePaper(doc: Document, url: URL, route: { doi: string }): ScrapedPaper | null {
  const titleEl = doc.querySelector('h1.citation__title, main h1[property="name"], h1[property="name"], .title-info h1.title, h1.title');
  const absEl =
    doc.querySelector('div.abstractSection.abstractInFull') ??
    doc.querySelector('section#abstract, section[property="abstract"]') ??
    doc.querySelector('div.abstractSection') ??
    // /doi/fullHtml/: the author HTML's front matter.
    doc.querySelector('section.abstract, .front-matter div.abstract');
  const dateText = text(doc, '.CitationCoverDate') || text(doc, '.core-date-published') || text(doc, '.epub-section__date');
  const venue =
    text(doc, '.issue-item__detail .epub-section__title') ||
    text(doc, '.epub-section__title') ||
    text(doc, '[property="isPartOf"] [property="name"]');
  // The PDF link of this paper (not of the related-article cards): its path names the page's DOI.
  const pdfA = all(doc, 'a[href*="/doi/pdf/"]').find((a) => normalizeDoi(a.getAttribute('href')) === route.doi);
  return fromEmbedded(
    doc,
    url,
    {
      title: visibleText(titleEl, { skip: 'sup, .badge', math: true }),
      authors: pageAuthors(doc),
      ...shownDate(dateText),
      venue: clean(venue),
      abstract: visibleText(absEl, { skip: 'h2, h3.section__title, .section__title', blocks: true, math: true }).replace(
        /^Abstract\s+/,
        '',
      ),
      ids: { doi: route.doi },
      url: `${ORIGIN}/doi/${route.doi}`,
      pdfUrl: absUrl(pdfA?.getAttribute('href'), url),
    },
    {
      adjust: (p) => ({ ...p, authors: p.authors.map(displayName), venue: venueOnly(p.venue) }),
    },
  );
}

/** The proceedings a TOC is about: its title ("KDD '19: Proceedings of …"). */
function tocVenue(doc: Document): string | undefined {
  const t =
    text(doc, '.left-bordered-title') ||
    text(doc, '.item-meta__title') ||
    text(doc, 'h1.title') ||
    text(doc, 'main h1') ||
    clean(doc.title).replace(/\s*\|\s*(?:ACM Digital Library|ACM Conferences)\s*$/i, '');
  return t || undefined;
}

/** "KDD '19: …" → 2019 (an apostrophe year in the proceedings' short name). */
function yearFromShortName(s: string | undefined): number | undefined {
  const m = s?.match(/['’](\d{2})\b/);
  if (!m) return undefined;
  const yy = parseInt(m[1], 10);
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

/** A TOC row's authors: the `.loa__author-name` spans, else the person links' titles. */
function rowAuthors(row: Element): string[] {
  const loa = row.querySelector('ul.loa');
  const names = authorsIn(loa);
  return names.length
    ? names
    : all(loa, 'li a[title]')
        .map((x) => clean(x.getAttribute('title')))
        .filter(Boolean);
}

function scrapeToc(doc: Document, url: URL): Scraped | null {
  const venue = tocVenue(doc);
  const venueYear = yearFromShortName(venue);
  const papers: ScrapedPaper[] = [];
  const seen = new Set<string>();
  for (const row of all(doc, '.issue-item')) {
    const a = row.querySelector('.issue-item__title a[href*="/doi/"], h5 a[href*="/doi/"], h3 a[href*="/doi/"]');
    const href = absUrl(a?.getAttribute('href'), url);
    const r = href ? acmRoute(new URL(href)) : null;
    const title = visibleText(a, { math: true });
    if (!r || r.kind !== 'paper' || !title || seen.has(r.doi)) continue;
    seen.add(r.doi);
    const dated = shownDate(text(row, '.dot-separator') || text(row, '.epub-section__date'));
    papers.push(
      compactPaper({
        title,
        authors: rowAuthors(row),
        year: dated.year ?? venueYear,
        date: dated.date,
        venue,
        ids: { doi: r.doi },
        url: `${ORIGIN}/doi/${r.doi}`,
        pdfUrl: absUrl(row.querySelector('a[href*="/doi/pdf/"]')?.getAttribute('href'), url),
      }),
    );
  }
  return papers.length ? { kind: 'listing', papers } : null;
}

/** ACM Digital Library: paper pages and proceedings tables of contents. */
export const acm = defineAdapter({
  id: 'acm',
  hosts: ['dl.acm.org'],
  route: acmRoute,
  scrape: {
    paper: (doc, url, route) => {
      const p = scrapePaper(doc, url, route);
      return p ? { kind: 'paper', papers: [p] } : null;
    },
    listing: scrapeToc,
  },
  urls: [
    'https://dl.acm.org/doi/10.1145/3292500.3330701',
    'https://dl.acm.org/doi/abs/10.1145/3442188.3445922',
    'https://dl.acm.org/doi/fullHtml/10.1145/3411764.3445518',
    'https://dl.acm.org/doi/proceedings/10.1145/3292500',
  ],
});
