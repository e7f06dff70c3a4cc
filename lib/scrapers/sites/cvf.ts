/**
 * CVF open access adapter (openaccess.thecvf.com): the Computer Vision Foundation's open-access
 * proceedings of CVPR, ICCV, WACV and their workshops. Reads
 *   - conference and day listings: `/CVPR2020.py` (2020 and before, the whole list on one page),
 *     `/CVPR2023?day=all`, `/ICCV2023?day=2023-10-04`, workshop listings `/CVPR2023_workshops/<ws>`,
 *     and the author-search results `/CVPR2020_search.py` — all the same `<dl>`: per paper a
 *     `dt.ptitle` (title link), a `dd` of author-search forms, and a `dd` of `[pdf] [supp] [arXiv]`
 *     links with a hidden BibTeX block (year, booktitle, month);
 *   - paper pages: `/content_CVPR_2020/html/<Key>_CVPR_2020_paper.html` (to 2020) and
 *     `/content/CVPR2024/html/<Key>_CVPR_2024_paper.html` (since 2021), workshops under
 *     `/content_CVPRW_2020/html/<ws>/…` and `/content/CVPR2023W/<ws>/html/…`: citation_* tags,
 *     `#papertitle`, `#authors`, `#abstract`, the same links and BibTeX block.
 * A conference page without `?day=` (since 2021) lists only the days: nothing to capture there.
 */
import type { ScrapedPaper } from '../../core/types';
import { isoDate, monthNumber } from '../kit/dates';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compactPaper, parseYear, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { displayName } from '../kit/names';
import { arxivIdFromLink } from '../kit/urls';

type CvfRoute = 'listing' | 'search' | 'paper';

// `/CVPR2020.py`, `/CVPR2023`, `/ICCV2021`, `/WACV2024`, `/CVPR2023_workshops/CLVision`,
// `/ICCV2019_workshops/ICCV2019_CVRSUAD` (workshop listings), and `/menu_other.html`-style pages not.
const LISTING_PATH = /^\/[A-Z]{3,6}\d{4}(?:\.py|_workshops(?:\.py)?(?:\/[\w.-]+)?)?\/?$/i;
const SEARCH_PATH = /^\/[A-Z]{3,6}\d{4}_search(?:\.py)?$/i;
// Paper pages: every `html/` page under `/content_<CONF>_<YYYY>/` or `/content/<CONF><YYYY>[W]/`.
const PAPER_PATH = /^\/content(?:_[a-z]+_\d{4}|_[a-z]+w_\d{4}|\/[a-z]+\d{4}w?)\/(?:[\w.-]+\/)*html\/(?:[\w.-]+\/)*[^/]+\.html?$/i;

/** The page kind of an open-access URL, or null. */
export function cvfRoute(url: URL): CvfRoute | null {
  const path = url.pathname;
  if (PAPER_PATH.test(path)) return 'paper';
  if (SEARCH_PATH.test(path)) return 'search';
  if (LISTING_PATH.test(path)) return 'listing';
  return null;
}

/** The conference year a CVF path names (`CVPR2020.py`, `content_cvpr_2018`, `content/ICCV2023`). */
export function yearFromCvfPath(path: string): number | undefined {
  const m = path.match(/[a-z_/](20\d\d|19\d\d)(?:[._/w]|$)/i);
  return m ? parseYear(m[1]) : undefined;
}

const BIB_FIELDS = new Map<string, RegExp>();

/** One `key = {value}` field of a BibTeX block (the CVF blocks never nest braces in these fields). */
export function bibtexField(bib: string, key: string): string | undefined {
  let re = BIB_FIELDS.get(key);
  if (!re) BIB_FIELDS.set(key, (re = new RegExp(`(?:^|[,\\s])${key}\\s*=\\s*[{"]([^{}"]*)[}"]`, 'i')));
  const m = bib.match(re);
  return m ? clean(m[1]) || undefined : undefined;
}

/** What a BibTeX block says of the paper's venue and date. */
interface BibFacts {
  year?: number;
  date?: string;
  venue?: string;
}

function bibFacts(bibEl: Element | null | undefined): BibFacts {
  const bib = bibEl?.textContent ?? '';
  if (!bib) return {};
  const year = parseYear(bibtexField(bib, 'year'));
  const month = monthNumber(bibtexField(bib, 'month'));
  return { year, date: year && month ? isoDate(year, month) : undefined, venue: bibtexField(bib, 'booktitle') };
}

/** Links of a links block: `[pdf]`, `[arXiv]` (the `[supp]` and `[bibtex]` ones have no field). */
interface RowLinks {
  pdfUrl?: string;
  arxiv?: string;
}

function readLink(a: Element, base: URL, into: RowLinks): void {
  const label = clean(a.textContent).toLowerCase();
  if (label !== 'pdf' && label !== 'arxiv') return;
  const href = absUrl(a.getAttribute('href'), base);
  if (!href) return;
  if (label === 'pdf') into.pdfUrl ??= href;
  else into.arxiv ??= arxivIdFromLink(href);
}

function readLinks(root: Element, base: URL): RowLinks {
  const out: RowLinks = {};
  for (const a of all(root, 'a[href]')) readLink(a, base, out);
  return out;
}

/**
 * One listing row as the single pass below gathers it: the title link, the author-search links,
 * the `[pdf]`/`[arXiv]` links, the BibTeX block, and the first `dd` for the plain-text fallback.
 */
interface Row {
  titleLink: Element;
  names: string[];
  links: RowLinks;
  bib?: Element;
  firstDd?: Element;
}

/** The paper of a gathered row. */
function rowPaper(row: Row, base: URL, pageYear: number | undefined): ScrapedPaper | undefined {
  const title = clean(row.titleLink.textContent);
  if (!title) return undefined;
  let authors = row.names;
  // Listings without author-search forms print the names as a plain comma list.
  const dd = row.firstDd;
  if (!authors.length && dd && !clean(dd.textContent).startsWith('[')) {
    authors = clean(dd.textContent)
      .split(',')
      .map((n) => clean(n))
      .filter(Boolean);
  }
  const facts = bibFacts(row.bib);
  return compactPaper({
    title,
    authors,
    year: facts.year ?? pageYear,
    date: facts.date,
    venue: facts.venue,
    ids: row.links.arxiv ? { arxiv: row.links.arxiv } : undefined,
    url: absUrl(row.titleLink.getAttribute('href'), base),
    pdfUrl: row.links.pdfUrl,
  });
}

/**
 * Every row of the page, in page order, from ONE selector query read as a stream: a title link
 * opens a row; the author-search links (one form per author, its link the printed name:
 * https://openaccess.thecvf.com/CVPR2020.py writes " Christian Rupprecht" with the comma list's
 * space), the `dd` links and the BibTeX block that follow belong to it. Walking from each `dt`
 * with `nextElementSibling` or querying each row instead costs a scan of the `<dl>`'s 4,400
 * children per step in happy-dom (quadratic on that page).
 */
function listingRows(doc: Document, base: URL): ScrapedPaper[] {
  const pageYear = yearFromCvfPath(base.pathname);
  const papers: ScrapedPaper[] = [];
  let row: Row | undefined;
  const flush = () => {
    const p = row && rowPaper(row, base, pageYear);
    if (p) papers.push(p);
    row = undefined;
  };
  // Plain tag/class selectors only: descendant combinators make happy-dom walk every element's
  // ancestors, seconds on this page. Links are told apart by their parent instead.
  for (const el of all(doc, 'a, dd, div.bibref')) {
    const tag = el.tagName;
    // parentNode, not parentElement: the latter is several times slower in happy-dom.
    const parent = tag === 'A' ? el.parentNode : null;
    const parentTag = parent?.nodeName;
    if (parentTag === 'DT') {
      flush();
      if ((parent as Element).classList.contains('ptitle') && el.hasAttribute('href')) row = { titleLink: el, names: [], links: {} };
    } else if (!row) {
      continue;
    } else if (tag === 'DD') {
      row.firstDd ??= el;
    } else if (tag === 'A') {
      if (parentTag === 'FORM') {
        const name = clean(el.textContent);
        if (name) row.names.push(name);
      } else if (parentTag === 'DD') {
        readLink(el, base, row.links);
      }
    } else {
      row.bib ??= el;
    }
  }
  flush();
  return papers;
}

function scrapeListing(doc: Document, url: URL, route: CvfRoute): Scraped | null {
  const papers = listingRows(doc, url);
  return papers.length ? { kind: route === 'search' ? 'search' : 'listing', papers } : null;
}

/**
 * A paper page. `#authors` reads "<b><i>A, B, C</i></b>; Proceedings of …, 2024, pp. 1-10"; the
 * citation_author tags are "Last, First". Venue, year and month come from the BibTeX block, which
 * the listings carry too, so a paper reads the same from either page.
 */
function scrapePaper(doc: Document, url: URL): Scraped | null {
  const authorsEl = doc.querySelector('#authors');
  const printed = text(authorsEl, 'i') || text(authorsEl, 'b');
  const facts = bibFacts(doc.querySelector('.bibref'));
  const content = doc.querySelector('#content') ?? doc.body;
  const links = content ? readLinks(content, url) : {};
  const page = new URL(url.href);
  page.hash = '';
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: text(doc, '#papertitle'),
      authors: printed
        .split(',')
        .map((n) => clean(n))
        .filter(Boolean),
      year: facts.year,
      date: facts.date,
      venue: facts.venue,
      abstract: text(doc, '#abstract'),
      ids: links.arxiv ? { arxiv: links.arxiv } : undefined,
      url: page.href,
      pdfUrl: links.pdfUrl,
    },
    {
      take: ['title', 'authors', 'year', 'venue', 'pdfUrl'],
      adjust: (p) => ({ ...p, authors: p.authors.map(displayName) }),
      fallback: { year: yearFromCvfPath(url.pathname) },
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** CVF open access: conference, day and workshop listings, author-search results, paper pages. */
export const cvf = defineAdapter({
  id: 'cvf',
  hosts: ['openaccess.thecvf.com'],
  route: cvfRoute,
  scrape: { listing: scrapeListing, search: scrapeListing, paper: scrapePaper },
  urls: [
    'https://openaccess.thecvf.com/CVPR2020.py',
    'https://openaccess.thecvf.com/CVPR2023?day=all',
    'https://openaccess.thecvf.com/ICCV2023?day=2023-10-04',
    'https://openaccess.thecvf.com/CVPR2023_workshops/CLVision',
    'https://openaccess.thecvf.com/content_CVPR_2020/html/Wu_Unsupervised_Learning_of_Probably_Symmetric_Deformable_3D_Objects_From_Images_CVPR_2020_paper.html',
    'https://openaccess.thecvf.com/content/CVPR2024/html/Ke_Repurposing_Diffusion-Based_Image_Generators_for_Monocular_Depth_Estimation_CVPR_2024_paper.html',
  ],
});
