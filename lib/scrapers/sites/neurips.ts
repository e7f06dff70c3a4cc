/**
 * NeurIPS proceedings adapter (proceedings.neurips.cc, and the same site at papers.nips.cc and
 * papers.neurips.cc). Reads
 *   - year listings: `/paper/2020` (to 2021) and `/paper_files/paper/2023` (since the 2022 redesign):
 *     one `<li>` per paper with the title link to its abstract page and the authors in `<i>` (or a
 *     `.paper-authors` span), the track told by the link's suffix and the `<li>`'s class;
 *   - paper pages: `…/hash/<hash>-Abstract.html` (main track to 2021),
 *     `-Abstract-Conference.html` and `-Abstract-Datasets_and_Benchmarks[_Track].html` (since 2022),
 *     `-Abstract-round1.html` / `-round2` (the 2021 Datasets and Benchmarks rounds): citation_* tags
 *     (authors "Last, First"), then `<h4>` sections of the page: the title, "Authors" (printed
 *     "First Last" list), "Abstract".
 * Venue is "Advances in Neural Information Processing Systems", with the track named for papers of
 * the Datasets and Benchmarks track; year the proceedings year of the URL.
 */
import type { ScrapedPaper } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compactPaper, parseYear, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';
import { arxivIdFromLink, pageUrl, parseUrl } from '../kit/urls';

type NeuripsRoute = 'listing' | 'paper';

const VENUE = 'Advances in Neural Information Processing Systems';

// `/paper/2020`, `/paper_files/paper/2023` (trailing slash optional).
const LISTING_PATH = /^\/(?:paper_files\/)?paper\/(\d{4})\/?$/;
// `/paper/2020/hash/<hash>-Abstract.html`, `/paper_files/paper/2023/hash/<hash>-Abstract-Conference.html`.
const PAPER_PATH = /^\/(?:paper_files\/)?paper\/(\d{4})\/hash\/([0-9a-f]{16,64})-Abstract(?:-([\w]+))?\.html$/i;

/** The page kind of a proceedings URL, or null. */
export function neuripsRoute(url: URL): NeuripsRoute | null {
  if (PAPER_PATH.test(url.pathname)) return 'paper';
  if (LISTING_PATH.test(url.pathname)) return 'listing';
  return null;
}

/** What an abstract-page link says: its year, hash and track suffix. */
export function parsePaperPath(path: string): { year: number; hash: string; track?: string } | undefined {
  const m = path.match(PAPER_PATH);
  return m ? { year: parseInt(m[1], 10), hash: m[2].toLowerCase(), track: m[3] } : undefined;
}

/**
 * The track a link suffix (or listing class) names, as the site labels it: the main track
 * ("Conference", no suffix before 2022) gives undefined; "Datasets_and_Benchmarks",
 * "Datasets_and_Benchmarks_Track", "datasets_and_benchmarks" and the 2021 "round1"/"round2"
 * give "Datasets and Benchmarks Track".
 */
export function trackName(suffix: string | undefined): string | undefined {
  if (!suffix) return undefined;
  const s = suffix.toLowerCase();
  if (s === 'conference' || s === 'none' || s === 'main') return undefined;
  if (s.startsWith('datasets') || /^round\d$/.test(s)) return 'Datasets and Benchmarks Track';
  return clean(suffix.replace(/_/g, ' '));
}

/** The venue of a paper of `track`. */
function venueOf(track: string | undefined): string {
  return track ? `${VENUE} (${track})` : VENUE;
}

/** A printed "A, B, C" author list. */
function splitNames(s: string): string[] {
  return s
    .split(',')
    .map((n) => clean(n))
    .filter(Boolean);
}

/** The track class of a listing `<li>` (`conference`, `datasets_and_benchmarks`, `none`). */
function liTrack(li: Element | null): string | undefined {
  for (const c of Array.from(li?.classList ?? [])) {
    const t = trackName(c);
    if (t) return t;
  }
  return undefined;
}

/** One listing row: the abstract link, and the authors in `<i>` / `.paper-authors` beside it. */
function parseRow(a: Element, base: URL): ScrapedPaper | undefined {
  const href = absUrl(a.getAttribute('href'), base);
  const u = parseUrl(href);
  const info = u && parsePaperPath(u.pathname);
  const title = clean(a.textContent);
  if (!href || !info || !title) return undefined;
  const li = a.closest('li');
  const box = li ?? a.parentElement;
  const names = text(box, '.paper-authors') || text(box, 'i');
  return compactPaper({
    title,
    authors: splitNames(names),
    year: info.year,
    venue: venueOf(trackName(info.track) ?? liTrack(li)),
    url: href,
  });
}

function scrapeListing(doc: Document, url: URL): Scraped | null {
  const papers: ScrapedPaper[] = [];
  const seen = new Set<string>();
  for (const a of all(doc, 'a[href*="/hash/"]')) {
    const p = parseRow(a, url);
    if (p?.url && !seen.has(p.url)) {
      seen.add(p.url);
      papers.push(p);
    }
  }
  return papers.length ? { kind: 'listing', papers } : null;
}

/** The section headings of a paper page (`<h4>Authors</h4>`, `<h4>Abstract</h4>`), by label. */
function sections(doc: Document): { title?: Element; byLabel: Map<string, Element> } {
  const byLabel = new Map<string, Element>();
  let title: Element | undefined;
  for (const h of all(doc, 'h2, h3, h4')) {
    const label = text(h).toLowerCase().replace(/:$/, '');
    if (['authors', 'abstract', 'supplemental', 'bibtex'].includes(label)) {
      if (!byLabel.has(label)) byLabel.set(label, h);
    } else if (!title && !byLabel.size && text(h)) {
      // The paper's title is the first heading, before "Authors" (https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html).
      title = h;
    }
  }
  return { title, byLabel };
}

/** The text of the elements after heading `h` up to the next heading. */
function sectionText(h: Element | undefined, opts: { blocks?: boolean } = {}): string {
  const parts: string[] = [];
  for (let el = h?.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) {
    parts.push(visibleText(el, { math: true, blocks: opts.blocks }));
  }
  return clean(parts.join(' '));
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const info = parsePaperPath(url.pathname);
  const { title, byLabel } = sections(doc);
  const authorsH = byLabel.get('authors');
  const printed = text(authorsH?.nextElementSibling, 'i') || text(authorsH?.nextElementSibling);
  const pdfA = all(doc, 'a[href$=".pdf"]').find((a) => /-Paper(?:-[\w]+)?\.pdf$/i.test(a.getAttribute('href') ?? ''));
  const arxivA = all(doc, 'a[href*="arxiv.org/"]')[0];
  const arxiv = arxivIdFromLink(absUrl(arxivA?.getAttribute('href'), url));
  const paper = fromEmbedded(
    doc,
    url,
    {
      authors: splitNames(printed),
      year: info?.year,
      venue: venueOf(trackName(info?.track)),
      abstract: sectionText(byLabel.get('abstract'), { blocks: true }),
      ids: arxiv ? { arxiv } : undefined,
      url: pageUrl(url),
      pdfUrl: absUrl(pdfA?.getAttribute('href'), url),
    },
    {
      take: ['title', 'authors', 'year', 'date', 'abstract', 'pdfUrl', 'ids'],
      // citation_author is "Vaswani, Ashish"; the page prints "Ashish Vaswani".
      adjust: (p) => ({ ...p, authors: p.authors.map(displayName) }),
      // The heading before "Authors" is the title; only where the page has no citation_title,
      // since a layout change could put another heading first.
      fallback: { title: text(title), year: parseYear(url.pathname) },
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** NeurIPS proceedings: year listings and paper (abstract) pages. */
export const neurips = defineAdapter({
  id: 'neurips',
  hosts: ['proceedings.neurips.cc', 'papers.nips.cc', 'papers.neurips.cc'],
  route: neuripsRoute,
  scrape: { listing: scrapeListing, paper: scrapePaper },
  urls: [
    'https://proceedings.neurips.cc/paper/2020',
    'https://proceedings.neurips.cc/paper_files/paper/2023',
    'https://papers.nips.cc/paper_files/paper/2022',
    'https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
    'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
    'https://proceedings.neurips.cc/paper_files/paper/2023/hash/6dcf277ea32ce3288914faf369fe6de0-Abstract-Conference.html',
    'https://papers.nips.cc/paper_files/paper/2024/hash/b87bdcf963cad3d0b265fcb78ae7d11e-Abstract-Conference.html',
  ],
});
