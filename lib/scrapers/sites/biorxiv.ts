/**
 * bioRxiv and medRxiv adapter (www.biorxiv.org, www.medrxiv.org): preprint pages
 * `/content/10.1101/<id>v<N>` and their `.full`, `.abstract`, `.full-text`, `.article-info`,
 * `.article-metrics`, `.supplementary-material` tabs. Both servers run the same Highwire/Drupal
 * front end, so one adapter serves both.
 *
 * The page's citation_* tags carry the full author list, the posting date, the preprint DOI and
 * the PDF; the page adds the abstract (`div.section.abstract`), the subject collection and,
 * where neither says, the server name. The DOI stays the preprint's own (`10.1101/…`): a
 * "Now published in …" banner names the journal version, which is a different record.
 */
import type { ScrapedPaper } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, clean, normalizeDoi } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';

/**
 * `/content/10.1101/2023.01.01.522400v1`, `/content/10.1101/339747v2.full` (pre-2019 ids are a
 * bare number), with an optional tab suffix; `.full.pdf` is a PDF, not a page.
 */
const PAPER_PATH =
  /^\/content\/(10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{5,})(v\d+)?(?:\.(?:full|abstract|full-text|article-info|article-metrics|supplementary-material|figures-only))?\/?$/i;

/** The preprint DOI and version a bioRxiv/medRxiv URL names, or undefined for other pages. */
export function biorxivPaperId(url: URL): { doi: string; version?: string } | undefined {
  const m = url.pathname.match(PAPER_PATH);
  return m ? { doi: m[1].toLowerCase(), version: m[2]?.toLowerCase() } : undefined;
}

/** The server a host belongs to, as it names itself. */
function serverName(url: URL): string {
  return /medrxiv/i.test(url.hostname) ? 'medRxiv' : 'bioRxiv';
}

/**
 * The abstract: the first `div.section.abstract` (its `h2` "Abstract" heading left out). Later
 * `.abstract` sections are the graphical abstract or the "Competing Interest Statement" box,
 * e.g. https://www.medrxiv.org/content/10.1101/2020.03.09.20033357v1.
 */
function abstractText(doc: Document): string {
  const el = doc.querySelector('div.section.abstract, .abstract[id^="abstract-"], #abstract-1');
  return visibleText(el, { skip: 'h2, h3.title, .section-nav', blocks: true, math: true }).replace(/^Abstract\s*/i, '');
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const id = biorxivPaperId(url);
  if (!id) return null;
  const server = serverName(url);
  // "Subject Area: Neuroscience" links of the page's article info pane.
  const categories = [
    ...new Set(
      all(doc, '.highwire-article-collection-term a, .highwire-article-collection-term')
        .map((e) => clean(e.textContent))
        .filter((c) => c && c.length < 100),
    ),
  ];
  const paper: ScrapedPaper | null = fromEmbedded(
    doc,
    url,
    {
      abstract: abstractText(doc),
      categories: categories.length ? [categories[0]] : undefined,
      ids: { doi: id.doi },
      url: `https://${url.hostname.toLowerCase()}/content/${id.doi}${id.version ?? ''}`,
      type: 'preprint',
    },
    {
      // citation_author is "First Last" today; older pages wrote "Last, First".
      adjust: (p) => ({ ...p, authors: p.authors.map(displayName), ids: { ...p.ids, doi: normalizeDoi(p.ids?.doi) } }),
      // No title fallback from the <h1>: a 404 at a paper URL titles itself "Page not found".
      fallback: { venue: server },
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** bioRxiv / medRxiv preprint pages. */
export const biorxiv = defineAdapter({
  id: 'biorxiv',
  hosts: ['www.biorxiv.org', 'www.medrxiv.org'],
  route: (url) => (biorxivPaperId(url) ? 'paper' : null),
  scrape: scrapePaper,
  urls: [
    'https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1',
    'https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1.full',
    'https://www.biorxiv.org/content/10.1101/339747v2.abstract',
    'https://www.medrxiv.org/content/10.1101/2020.03.09.20033357v1.full-text',
  ],
});
