/**
 * PubMed adapter (pubmed.ncbi.nlm.nih.gov): paper pages `/<pmid>/` and search results
 * `/?term=…` (their `article.full-docsum` rows). A paper keeps its PMID (and PMCID where the page
 * names one) as ids, its DOI when PubMed shows one, and its PubMed page as `url`.
 *
 * Paper pages: the citation_* tags (title, authors, journal, DOI, PMID) are the base; the page
 * adds the authors as printed (`.authors-list a.full-name`), the issue date of its citation
 * line (`span.cit` "2023 Jan;613(7942):100-105." — the "Epub" date beside it is the online
 * date), the abstract block (`#abstract .abstract-content`) and its "Keywords:" line.
 */
import type { ScrapedPaper } from '../../core/types';
import { parseDate } from '../kit/dates';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, clean, compact, compactPaper, normalizeDoi, parseCount, parseYear, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { metaValues } from '../kit/meta';
import { displayName, splitAuthors } from '../kit/names';
import { splitList, visibleText } from '../kit/text';

const ORIGIN = 'https://pubmed.ncbi.nlm.nih.gov';
const PMID_PATH = /^\/(\d{1,9})\/?$/;

/** The PubMed page of a PMID. */
export function pubmedUrl(pmid: string): string {
  return `${ORIGIN}/${pmid}/`;
}

type PubmedRoute = { kind: 'paper'; pmid: string } | { kind: 'search' };

/** The kind of PubMed page `url` is: a paper page, a search (`/?term=`), or null. */
export function pubmedRoute(url: URL): PubmedRoute | null {
  const m = url.pathname.match(PMID_PATH);
  if (m) return { kind: 'paper', pmid: m[1] };
  if ((url.pathname === '/' || url.pathname === '') && clean(url.searchParams.get('term'))) return { kind: 'search' };
  return null;
}

/**
 * The issue date of a citation line: "2023 Jan;613(7942):100-105." → 2023-01, "2019 May 13;…" →
 * 2019-05-13, "2020;10:e1." → 2020. Seasons and ranges ("2021 Jan-Feb", "Winter 2019") keep the year only.
 */
export function citationDate(s: string): { year?: number; date?: string } {
  const head = clean(s).split(/[;:.]/)[0];
  const m = head.match(/^(\d{4})(?:\s+([A-Za-z]{3,})(?:\s+(\d{1,2}))?)?$/);
  if (!m) return { year: parseYear(head) };
  if (!m[2]) return { year: parseInt(m[1], 10) };
  const d = parseDate(`${m[3] ? `${m[3]} ` : ''}${m[2]} ${m[1]}`);
  return d.year ? d : { year: parseInt(m[1], 10) };
}

/** The abstract block: the English abstract (`#eng-abstract`), else the first shown one; sub-titles ("Background:") kept. */
function abstractOf(doc: Document): string {
  const box = doc.querySelector('#abstract') ?? doc.querySelector('div.abstract');
  const el =
    box?.querySelector('#eng-abstract') ?? box?.querySelector('.abstract-content.selected') ?? box?.querySelector('.abstract-content');
  return visibleText(el, { blocks: true });
}

/** The "Keywords:" paragraph under the abstract. */
function keywordsOf(doc: Document): string[] {
  for (const p of all(doc, '#abstract p, div.abstract p')) {
    const label = text(p, 'strong.sub-title');
    if (!/^keywords:?$/i.test(label)) continue;
    return splitList(visibleText(p, { skip: 'strong.sub-title' }).replace(/\.$/, ''), ';');
  }
  return [];
}

function scrapePaper(doc: Document, url: URL, route: { pmid: string }): ScrapedPaper | null {
  const heading = doc.querySelector('#full-view-heading') ?? doc.querySelector('header#heading') ?? doc;
  // The PMID the page states (`strong.current-id`), else the path's (a /?term= single-result page has none).
  const pmid = text(heading, '.identifier.pubmed strong.current-id') || metaValues(doc, 'citation_pmid')[0] || route.pmid;
  if (!pmid) return null;
  const doiA = heading.querySelector('.identifier.doi a.id-link');
  const authors = all(heading, '.authors-list .authors-list-item a.full-name')
    .map((a) => clean(a.textContent))
    .filter(Boolean);
  const dated = citationDate(text(heading, '.article-source .cit') || text(heading, 'span.cit'));
  return fromEmbedded(
    doc,
    url,
    {
      title: text(heading, 'h1.heading-title'),
      authors: [...new Set(authors)],
      year: dated.year,
      date: dated.date,
      abstract: abstractOf(doc),
      keywords: keywordsOf(doc),
      ids: compact({
        doi: normalizeDoi(doiA?.textContent) ?? normalizeDoi(doiA?.getAttribute('href')),
        pmid,
        pmcid: text(heading, '.identifier.pmc a').match(/^PMC\d+$/)?.[0] ?? text(doc, '.identifier.pmc a').match(/^PMC\d+$/)?.[0],
      }),
      url: pubmedUrl(pmid),
    },
    {
      // citation_authors is "Last F;Last F;" on some pages; citation_author "First Last".
      adjust: (p) => ({ ...p, authors: p.authors.map(displayName) }),
      // The journal button names the journal when the metadata does not.
      fallback: { venue: clean(heading.querySelector('#full-view-journal-trigger')?.getAttribute('title')) },
    },
  );
}

/** "Nature. 2023 Jan;613(7942):100-105. doi: 10.1038/x. Epub 2022 Dec 1." → venue, issue date, DOI. */
export function parseJournalCitation(s: string): { venue?: string; year?: number; date?: string; doi?: string } {
  const t = clean(s);
  const m = t.match(/^(.+?)\.\s+((?:\d{4})[^;:.]*)/);
  const doi = normalizeDoi(t.match(/\bdoi:\s*(10\.\S+?)\.?(?:\s|$)/i)?.[1]);
  if (!m) return compact({ year: parseYear(t), doi });
  return compact({ venue: clean(m[1]), ...citationDate(m[2]), doi });
}

/** One search result row (`article.full-docsum`, or its `.docsum-wrap` on older markup). */
function docsum(row: Element): ScrapedPaper | undefined {
  const a = row.querySelector('a.docsum-title');
  const title = visibleText(a, { skip: '.pt-badge' }).replace(/\.$/, '');
  if (!a || !title) return undefined;
  const pmid =
    clean(a.getAttribute('data-article-id')) || (a.getAttribute('href') ?? '').match(/^\/?(\d+)\/?/)?.[1] || text(row, '.docsum-pmid');
  // Full list "Smith J, Doe AB, Lee C." (the short one ends in "et al."); a collective author
  // follows a semicolon ("Novak J; Human Embryo Editing Consortium.").
  const shown = text(row, '.docsum-authors.full-authors') || text(row, '.docsum-authors');
  const { authors, truncated } = splitAuthors(shown.replace(/\.$/, ''), /\s*[,;]\s*/);
  const cite = parseJournalCitation(text(row, '.docsum-journal-citation.full-journal-citation') || text(row, '.docsum-journal-citation'));
  return compactPaper({
    title,
    authors,
    authorsTruncated: truncated || undefined,
    year: cite.year,
    date: cite.date,
    venue: cite.venue,
    ids: compact({ doi: cite.doi, pmid: pmid && /^\d+$/.test(pmid) ? pmid : undefined }),
    url: pmid && /^\d+$/.test(pmid) ? pubmedUrl(pmid) : undefined,
  });
}

function scrapeSearch(doc: Document, url: URL): Scraped | null {
  // A search with one hit shows that paper at the /?term= URL ("single-result-redirect-message");
  // its "Similar articles" rows are docsums too, so the article view is looked for first.
  if (doc.querySelector('#full-view-heading h1.heading-title')) {
    const p = scrapePaper(doc, url, { pmid: '' });
    return p ? { kind: 'paper', papers: [p] } : null;
  }
  const results = doc.querySelector('#search-results') ?? doc.querySelector('.search-results') ?? doc;
  let rows = all(results, 'article.full-docsum');
  if (!rows.length) rows = all(results, '.docsum-wrap');
  const papers = rows.map(docsum).filter((p): p is ScrapedPaper => !!p);
  if (!papers.length) return null;
  return compact<Scraped>({
    kind: 'search',
    query: clean(url.searchParams.get('term')),
    totalResults: parseCount(text(doc, '.results-amount .value')),
    papers,
  });
}

/** PubMed: paper pages and search results. */
export const pubmed = defineAdapter({
  id: 'pubmed',
  hosts: ['pubmed.ncbi.nlm.nih.gov'],
  route: pubmedRoute,
  scrape: {
    paper: (doc, url, route) => {
      const p = scrapePaper(doc, url, route);
      return p ? { kind: 'paper', papers: [p] } : null;
    },
    search: scrapeSearch,
  },
  urls: ['https://pubmed.ncbi.nlm.nih.gov/36516211/', 'https://pubmed.ncbi.nlm.nih.gov/?term=crispr+base+editing'],
});
