/**
 * USENIX adapter (www.usenix.org, a Drupal site). Reads
 *   - presentation pages `/conference/<conf>/presentation/<slug>`
 *     (https://www.usenix.org/conference/nsdi22/presentation/goyal): citation_* tags (authors as
 *     printed, the conference's full name, the year, the PDF; no DOI: USENIX papers have none),
 *     `h1#page-title`, the abstract in `.field-name-field-paper-description`, and the
 *     "Name, <em>Affiliation;</em> Name, <em>Affiliation</em>" line of
 *     `.field-name-field-paper-people-text` where the tags are missing (talks);
 *   - program listings `/conference/<conf>/technical-sessions` (and `/program`): one
 *     `article.node-paper` per paper, its title link to the presentation page and the same people
 *     line.
 * Venue is the conference as citation_conference_title names it ("19th USENIX Symposium on
 * Networked Systems Design and Implementation (NSDI 22)"); a listing names the conference in its
 * page title only as the short name, so its rows carry the year of the conference id alone.
 */
import type { ScrapedPaper } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compactPaper, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { visibleText } from '../kit/text';
import { pageUrl, parseUrl } from '../kit/urls';

type UsenixRoute = 'listing' | 'paper';

const PRESENTATION_PATH = /^\/conference\/([\w-]+)\/presentation\/[\w.%-]+\/?$/i;
const PROGRAM_PATH = /^\/conference\/([\w-]+)\/(?:technical-sessions|program)\/?$/i;

/** The page kind of a USENIX URL, or null. */
export function usenixRoute(url: URL): UsenixRoute | null {
  if (PRESENTATION_PATH.test(url.pathname)) return 'paper';
  if (PROGRAM_PATH.test(url.pathname)) return 'listing';
  return null;
}

/**
 * The year a conference id names: `nsdi22` → 2022, `usenixsecurity18` → 2018, `atc24` → 2024,
 * `osdi06` → 2006. Undefined for ids without a two-digit suffix.
 */
export function yearFromConferenceId(id: string): number | undefined {
  const m = id.match(/(\d{2})$/);
  if (!m) return undefined;
  const yy = parseInt(m[1], 10);
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}

/**
 * The names of a people line: the text outside `<em>` (affiliations are in `<em>`, each group
 * ended by ";"), split on commas and "and": "Prateesh Goyal, <em>MIT CSAIL;</em> Preey Shah, …"
 * and "A and B, <em>Univ;</em> C, <em>Lab</em>".
 */
export function peopleNames(el: Element | null | undefined): string[] {
  if (!el) return [];
  const parts: string[] = [];
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (tag === 'EM' || tag === 'I') parts.push(';');
        else if (tag === 'BR' || tag === 'P') {
          parts.push(';');
          walk(c);
        } else walk(c);
      }
    }
  };
  walk(el);
  return parts
    .join('')
    .split(/\s*[,;]\s*|\s+and\s+/)
    .map((n) => clean(n.replace(/^and\s+/, '')))
    .filter(Boolean);
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const node = doc.querySelector('article.node-paper') ?? doc.querySelector('article.node');
  const conf = url.pathname.match(PRESENTATION_PATH)?.[1];
  const pdfA = doc.querySelector('.field-name-field-final-paper-pdf a[href], .field-name-field-presentation-pdf a[href]');
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: text(doc, 'h1#page-title'),
      abstract: visibleText(node?.querySelector('.field-name-field-paper-description') ?? null, { blocks: true, math: true }),
      url: pageUrl(url),
    },
    {
      take: ['title', 'authors', 'year', 'date', 'venue', 'pdfUrl'],
      fallback: {
        authors: peopleNames(node?.querySelector('.field-name-field-paper-people-text')),
        year: conf ? yearFromConferenceId(conf) : undefined,
        pdfUrl: absUrl(pdfA?.getAttribute('href'), url),
      },
    },
  );
  // A presentation page always has a title; a node-less page (an error page at that path) does not count.
  if (!paper || (!node && !doc.querySelector('meta[name="citation_title"]'))) return null;
  return { kind: 'paper', papers: [paper] };
}

function scrapeListing(doc: Document, url: URL): Scraped | null {
  const conf = url.pathname.match(PROGRAM_PATH)?.[1];
  const year = conf ? yearFromConferenceId(conf) : undefined;
  const papers: ScrapedPaper[] = [];
  const seen = new Set<string>();
  for (const node of all(doc, 'article.node-paper')) {
    const a = all(node, 'h2 a[href], .node-title a[href], a[href*="/presentation/"]').find((l) => {
      const u = parseUrl(absUrl(l.getAttribute('href'), url));
      return !!u && PRESENTATION_PATH.test(u.pathname);
    });
    const href = absUrl(a?.getAttribute('href'), url);
    const title = clean(a?.textContent);
    if (!href || !title || seen.has(href)) continue;
    seen.add(href);
    papers.push(
      compactPaper({
        title,
        authors: peopleNames(node.querySelector('.field-name-field-paper-people-text')),
        year,
        url: href,
      }),
    );
  }
  return papers.length ? { kind: 'listing', papers } : null;
}

/** USENIX: presentation (paper) pages and conference program listings. */
export const usenix = defineAdapter({
  id: 'usenix',
  hosts: ['www.usenix.org'],
  route: usenixRoute,
  scrape: { listing: scrapeListing, paper: scrapePaper },
  urls: [
    'https://www.usenix.org/conference/nsdi22/presentation/goyal',
    'https://www.usenix.org/conference/usenixsecurity18/presentation/bock',
    'https://www.usenix.org/conference/nsdi22/technical-sessions',
  ],
});
