/**
 * JMLR adapter (jmlr.org, www.jmlr.org): the Journal of Machine Learning Research. Reads
 *   - volume listings `/papers/v24/`: one `<dl>` per paper, `dt` the title, `dd` the authors in
 *     `<b><i>`, then "; (1):1−40, 2023." and the `[abs] [pdf] [bib] [code]` links;
 *   - paper pages `/papers/v24/22-0001.html` (also the old `/papers/v3/antos02a.html`): citation_*
 *     tags, `#content h2` title, the `<b><i>` author line, the abstract (`p.abstract` /
 *     `#abstract`, or the text after the "Abstract" heading on older pages), the links.
 * Venue is "Journal of Machine Learning Research"; year the one the citation line prints.
 */
import type { ScrapedPaper } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compactPaper, parseYear, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';
import { isRepoUrl, pageUrl } from '../kit/urls';

type JmlrRoute = 'listing' | 'paper';

const VENUE = 'Journal of Machine Learning Research';

// `/papers/v24/`, `/papers/v24`, `/papers/v24/index.html`.
const VOLUME_PATH = /^\/papers\/v(\d+)(?:\/(?:index\.html)?)?$/i;
// `/papers/v24/22-0001.html`, `/papers/v3/antos02a.html`.
const PAPER_PATH = /^\/papers\/v(\d+)\/(?!index\.html$)([\w.-]+)\.html$/i;

/** The page kind of a JMLR URL, or null. */
export function jmlrRoute(url: URL): JmlrRoute | null {
  if (VOLUME_PATH.test(url.pathname)) return 'listing';
  if (PAPER_PATH.test(url.pathname)) return 'paper';
  return null;
}

/** A printed author list: "A, B, C" (older volumes also join the last two with "and"). */
function splitNames(s: string): string[] {
  return clean(s)
    .split(/\s*,\s*|\s+and\s+/)
    .map((n) => clean(n))
    .filter(Boolean);
}

/**
 * The year of a citation line: "; 24(1):1−40, 2023." / "; (1):1−40, 2023." / "3(Jul):73--98, 2002."
 * — the last year in it (page numbers never have four digits and a comma before them).
 */
export function citationYear(s: string): number | undefined {
  const m = clean(s).match(/,\s*((?:19|20)\d\d)\.?\s*(?:\[|$)/);
  return m ? parseYear(m[1]) : parseYear(s.split(';').slice(1).join(';'));
}

/** The `[abs]`, `[pdf]` and `[code]` links under `root`. */
function readLinks(root: ParentNode | null, base: URL): { abs?: string; pdfUrl?: string; codeUrl?: string } {
  const out: { abs?: string; pdfUrl?: string; codeUrl?: string } = {};
  for (const a of all(root, 'a[href]')) {
    const label = clean(a.textContent).toLowerCase();
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    if (label === 'abs') out.abs ??= href;
    else if (label === 'pdf') out.pdfUrl ??= href;
    else if (label === 'code' && isRepoUrl(href)) out.codeUrl ??= href;
  }
  return out;
}

function parseEntry(dt: Element, dd: Element, base: URL): ScrapedPaper | undefined {
  const title = text(dt);
  const links = readLinks(dd, base);
  // A volume page's own blocks (navigation, "Special topics") are `<dl>`s too, without an [abs].
  if (!title || !links.abs) return undefined;
  const names = text(dd, 'b i') || text(dd, 'i') || text(dd, 'b');
  return compactPaper({
    title,
    authors: splitNames(names),
    year: citationYear(text(dd)),
    venue: VENUE,
    url: links.abs,
    pdfUrl: links.pdfUrl,
    codeUrl: links.codeUrl,
  });
}

function scrapeListing(doc: Document, url: URL): Scraped | null {
  const papers: ScrapedPaper[] = [];
  for (const dl of all(doc, 'dl')) {
    // One paper per `<dl>`: its `dt` and the `dd` after it.
    let dt: Element | undefined;
    for (const el of Array.from(dl.children)) {
      if (el.tagName === 'DT') dt = el;
      else if (el.tagName === 'DD' && dt) {
        const p = parseEntry(dt, el, url);
        if (p) papers.push(p);
        dt = undefined;
      }
    }
  }
  return papers.length ? { kind: 'listing', papers } : null;
}

/**
 * The abstract: `p.abstract` / `#abstract` where the page marks it; older pages put it as text
 * after `<h3>Abstract</h3>` up to the links paragraph (https://www.jmlr.org/papers/v3/antos02a.html).
 */
function abstractOf(doc: Document, content: Element | null): string {
  const marked = doc.querySelector('p.abstract, #abstract');
  if (marked) return visibleText(marked, { math: true, blocks: true });
  const h = all(content, 'h3, h4').find((e) => /^abstract$/i.test(text(e)));
  if (!h) return '';
  const parts: string[] = [];
  for (let n = h.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (/^H[1-6]$/.test(el.tagName) || el.querySelector('a[href]') || el.tagName === 'FONT') break;
      parts.push(visibleText(el, { math: true, blocks: true }));
    } else if (n.nodeType === 3) {
      parts.push(n.nodeValue ?? '');
    }
  }
  return clean(parts.join(' '));
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const content = doc.querySelector('#content');
  const line = all(content, 'p').find((p) => p.querySelector('b i, i'));
  const links = readLinks(content, url);
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: text(content, 'h2'),
      authors: splitNames(text(line, 'b i') || text(line, 'i')),
      year: line ? citationYear(text(line)) : undefined,
      venue: VENUE,
      abstract: abstractOf(doc, content),
      url: pageUrl(url),
      pdfUrl: links.pdfUrl,
      codeUrl: links.codeUrl,
    },
    {
      take: ['title', 'authors', 'year', 'date', 'abstract', 'ids', 'pdfUrl'],
      // Some volumes write citation_author as "Last, First".
      adjust: (p) => ({ ...p, authors: p.authors.map(displayName) }),
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** JMLR: volume listings and paper pages. */
export const jmlr = defineAdapter({
  id: 'jmlr',
  hosts: ['jmlr.org', 'www.jmlr.org'],
  route: jmlrRoute,
  scrape: { listing: scrapeListing, paper: scrapePaper },
  urls: [
    'https://jmlr.org/papers/v24/',
    'https://www.jmlr.org/papers/v3/',
    'https://www.jmlr.org/papers/v22/20-1380.html',
    'https://www.jmlr.org/papers/v3/antos02a.html',
  ],
});
