/**
 * PubMed Central adapter: article pages at pmc.ncbi.nlm.nih.gov/articles/PMC<n>/ (the site since
 * 2024) and the legacy www.ncbi.nlm.nih.gov/pmc/articles/PMC<n>/ (also read when a saved page or
 * a mirror serves it). Paperdex has no PMCID id field: the paper keeps its DOI and PMC's
 * canonical article URL (which carries the PMCID).
 *
 * The citation_* tags give the title, the full author list, journal, date, DOI and PDF; the page
 * adds the abstract — `section.abstract` today, a `div.tsec.sec` headed "Abstract" on the legacy
 * pages — and its keyword group.
 */
import type { ScrapedPaper } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { displayName } from '../kit/names';
import { metaValues } from '../kit/meta';
import { citationDate } from './pubmed';
import { splitList, visibleText } from '../kit/text';

const ORIGIN = 'https://pmc.ncbi.nlm.nih.gov';
/** `/articles/PMC123/` (today) and `/pmc/articles/PMC123/` (legacy host), with optional trailing page parts. */
const ARTICLE_PATH = /^(?:\/pmc)?\/articles\/(PMC\d+)\/?$/i;

/** The PMCID an article URL names (`PMC9816082`), or undefined. */
export function pmcIdFromUrl(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (host === 'www.ncbi.nlm.nih.gov' && !path.toLowerCase().startsWith('/pmc/')) return undefined;
  if (host === 'pmc.ncbi.nlm.nih.gov' && path.toLowerCase().startsWith('/pmc/')) return undefined;
  const m = path.match(ARTICLE_PATH);
  return m ? m[1].toUpperCase() : undefined;
}

/** PMC's canonical URL of an article. */
export function pmcUrl(pmcid: string): string {
  return `${ORIGIN}/articles/${pmcid}/`;
}

const SKIP = 'h2, .pmctoggle, .goto, script, style, .fig, .table-wrap, figure, .kwd-group, .kwd-title, .kwd-text';

/**
 * The abstract: `section.abstract` (today; several when there is also an author summary — the
 * first one headed "Abstract" wins), else the legacy `div.tsec` whose heading reads "Abstract".
 */
function abstractOf(doc: Document): string {
  const sections = all(doc, 'section.abstract, div.abstract');
  const titled = sections.find((s) => /^abstract/i.test(text(s, 'h2'))) ?? sections[0];
  if (titled) return visibleText(titled, { skip: SKIP, blocks: true, math: true });
  for (const h of all(doc, '.tsec > h2, div.sec > h2')) {
    if (/^abstract$/i.test(clean(h.textContent))) return visibleText(h.parentElement, { skip: SKIP, blocks: true, math: true });
  }
  return '';
}

/**
 * "Keywords: a, b, c" of the article's keyword group: `section.kwd-group` today; legacy pages put
 * a `strong.kwd-title` and a `span.kwd-text` ("a, b, c") at the end of the abstract section.
 */
function keywordsOf(doc: Document): string[] {
  const kw = doc.querySelector('section.kwd-group, .kwd-group') ?? doc.querySelector('.kwd-title')?.parentElement;
  if (!kw) return [];
  const items = all(kw, '.kwd-text, .kwd').flatMap((e) => splitList(e.textContent, ',;'));
  if (items.length) return [...new Set(items)];
  return splitList(visibleText(kw, { skip: 'strong, b, .kwd-title' }), ',;');
}

function scrapeArticle(doc: Document, url: URL): Scraped | null {
  const pmcid = pmcIdFromUrl(url);
  if (!pmcid) return null;
  const h1 = doc.querySelector('section.front-matter h1, hgroup h1, h1.content-title');
  const paper: ScrapedPaper | null = fromEmbedded(
    doc,
    url,
    {
      title: visibleText(h1, { skip: 'sup, .pmctoggle', math: true }),
      abstract: abstractOf(doc),
      keywords: keywordsOf(doc),
      url: pmcUrl(pmcid),
      // NCBI writes "2023 Jan 5", a form the generic date reader leaves at the year.
      ...citationDate(metaValues(doc, 'citation_publication_date')[0] ?? ''),
    },
    {
      adjust: (p) => ({
        ...p,
        authors: p.authors.map(displayName),
        ids: {
          ...p.ids,
          pmcid,
          ...(/^\d+$/.test(metaValues(doc, 'citation_pmid')[0] ?? '') ? { pmid: metaValues(doc, 'citation_pmid')[0] } : {}),
        },
        // Legacy pages give the PDF path relative to the legacy host.
        pdfUrl: p.pdfUrl ? absUrl(p.pdfUrl, url) : undefined,
      }),
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** PubMed Central article pages (today's host and the legacy /pmc/ path). */
export const pmc = defineAdapter({
  id: 'pmc',
  hosts: ['pmc.ncbi.nlm.nih.gov', 'www.ncbi.nlm.nih.gov'],
  route: (url) => (pmcIdFromUrl(url) ? 'paper' : null),
  scrape: scrapeArticle,
  urls: ['https://pmc.ncbi.nlm.nih.gov/articles/PMC9816082/', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6851403/'],
});
