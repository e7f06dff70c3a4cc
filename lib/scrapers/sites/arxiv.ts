/**
 * arXiv adapter. Owns every page that shows one or more arXiv papers:
 * - arxiv.org (and www./export.) listings `/list/<archive>/new|recent|pastweek|YYMM|YYYY` → `listing`;
 * - arxiv.org search results `/search/?query=…`, `/search/advanced?…`, `/search/<archive>?…` → `search`;
 * - arxiv.org abstract pages `/abs/<id>[vN]` → `paper`;
 * - full-text renderings of one paper: arxiv.org/html/<id>, ar5iv.labs.arxiv.org|ar5iv.org /html/<id>
 *   (LaTeXML markup) → `paper`;
 * - reader mirrors of one paper: alphaxiv.org /abs/<id>, /overview/<id> and huggingface.co/papers/<id>
 *   → `paper`.
 * Every paper carries the version-free `ids.arxiv` and the canonical https://arxiv.org/abs/<id> URL, so
 * the same preprint seen on any of these front ends merges into one record.
 */
import type { ScrapedPaper } from '../../core/types';
import { findDate } from '../kit/dates';
import { STOP, walkDom } from '../kit/walk';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { fromEmbedded } from '../kit/from-embedded';
import { jsonLdPapers } from '../kit/json-ld';
import { absUrl, all, clean, compact, compactPaper, meta, normalizeArxivId, normalizeDoi, parseCount, text } from '../kit/dom';
import { displayName, splitAuthors } from '../kit/names';
import { visibleText } from '../kit/text';
import { isRepoUrl, repoUrlInText } from '../kit/urls';

/** Which kind of arXiv-related page a URL is, or null when this adapter does not own it. */
export type ArxivPageType = 'listing' | 'search' | 'abs' | 'html' | 'alphaxiv' | 'huggingface';

const ARXIV_HOST = /^(?:www\.|export\.)?arxiv\.org$/i;
const AR5IV_HOST = /^(?:ar5iv\.labs\.arxiv\.org|(?:www\.)?ar5iv\.org)$/i;
const ALPHAXIV_HOST = /^(?:www\.)?alphaxiv\.org$/i;
const HF_HOST = /^(?:www\.)?huggingface\.co$/i;

/** An arXiv id as it appears in a path segment: new style (with optional version) or old `archive/NNNNNNN`. */
const ID_IN_PATH = /^(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Za-z]{2})?\/\d{7}(?:v\d+)?)(?:\.(?:pdf|md|html))?\/?$/;

/** Classify a URL; null when it is not a page this adapter owns. */
export function arxivPageType(url: URL): ArxivPageType | null {
  const host = url.hostname;
  const path = url.pathname;
  if (ARXIV_HOST.test(host)) {
    if (/^\/list\/[^/]+\/(?:new|recent|pastweek|current|\d{2}(?:\d{2})?(?:-\d{2})?)\/?$/.test(path)) return 'listing';
    if (/^\/search(?:\/[^/]*)?\/?$/.test(path)) return 'search';
    const m = path.match(/^\/(abs|html)\/(.+)$/);
    if (m && ID_IN_PATH.test(m[2])) return m[1] === 'abs' ? 'abs' : 'html';
    return null;
  }
  if (AR5IV_HOST.test(host)) {
    // ar5iv serves /html/<id>; /abs/<id> redirects there but may be captured before the redirect lands.
    const m = path.match(/^\/(?:html|abs)\/(.+)$/);
    return m && ID_IN_PATH.test(m[1]) ? 'html' : null;
  }
  if (ALPHAXIV_HOST.test(host)) {
    const m = path.match(/^\/(?:abs|overview)\/(.+)$/);
    return m && ID_IN_PATH.test(m[1]) ? 'alphaxiv' : null;
  }
  if (HF_HOST.test(host)) {
    // huggingface.co/papers/<arXiv id>; /papers/trending, /papers/date/… and /papers?q= are feeds, not papers.
    const m = path.match(/^\/papers\/(.+)$/);
    return m && ID_IN_PATH.test(m[1]) ? 'huggingface' : null;
  }
  return null;
}

/** The version-free arXiv id a paper page's URL names (`/abs/2301.00001v2` → `2301.00001`). */
export function arxivIdFromUrl(url: URL): string | undefined {
  const m = url.pathname.match(/^\/(?:abs|html|pdf|overview|papers)\/(.+?)(?:\.(?:pdf|md|html))?\/?$/);
  return m ? normalizeArxivId(m[1]) : undefined;
}

/**
 * Year implied by an arXiv id: `YYMM.NNNNN` → 20YY; old `archive/YYMMNNN` → 19YY (YY ≥ 91) or 20YY.
 * arXiv began in August 1991, so old-style two-digit years below 91 are 2000s.
 */
export function yearFromArxivId(id: string | undefined): number | undefined {
  if (!id) return undefined;
  const modern = id.match(/^(\d{2})(\d{2})\.\d{4,5}$/);
  if (modern) return 2000 + parseInt(modern[1], 10);
  const old = id.match(/\/(\d{2})(\d{2})\d{3}$/);
  if (old) {
    const yy = parseInt(old[1], 10);
    return yy >= 91 ? 1900 + yy : 2000 + yy;
  }
  return undefined;
}

/** "3 Jan 2023" / "3 January, 2023" → "2023-01-03"; undefined when not a day-month-year date. */
const dayMonthYear = (s: string | null | undefined): string | undefined => findDate(s, ['dmy'])?.date;

/** A category code in parentheses at the end of a subject: "Machine Learning (cs.LG)" → "cs.LG". */
const CATEGORY_CODE = /\(([a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?)\)\s*$/;

/**
 * Category codes from an arXiv subjects line ("Machine Learning (cs.LG); Artificial Intelligence (cs.AI)"),
 * primary (the `span.primary-subject`) first, then the cross-lists in page order, without duplicates.
 */
export function parseSubjects(el: Element | null | undefined): string[] {
  if (!el) return [];
  const out: string[] = [];
  const primary = el.querySelector('.primary-subject');
  const pm = primary ? clean(primary.textContent).match(CATEGORY_CODE) : null;
  if (pm) out.push(pm[1]);
  for (const part of textExcept(el, '.descriptor')
    .replace(/^Subjects:\s*/i, '')
    .split(';')) {
    const m = clean(part).match(CATEGORY_CODE);
    if (m && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/**
 * Cleaned text of `el` leaving out the subtrees matching `skip` (labels, toggles, footnotes).
 * Math reads as its TeX source wherever the page keeps it, so a title is the same string before
 * and after typesetting and on every front end: arXiv's MathJax 2 leaves the source in
 * `<script type="math/tex">` beside its rendered output; LaTeXML pages (arxiv.org/html, ar5iv)
 * carry it in `<math alttext>`.
 */
export function textExcept(el: Element | null | undefined, skip?: string): string {
  return visibleText(el, { skip, skipAsSpace: true, math: true });
}

/** A code-hosting link (GitHub/GitLab/Bitbucket repository) among the links under `el`. */
function codeLinkIn(el: Element | null | undefined, base: URL): string | undefined {
  if (!el) return undefined;
  for (const a of all<HTMLAnchorElement>(el, 'a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (href && isRepoUrl(href)) return href;
  }
  // Search results print comments as plain text, so also look for a bare repository URL.
  return repoUrlInText(clean(el.textContent));
}

const absPage = (id: string): string => `https://arxiv.org/abs/${id}`;
const pdfPage = (id: string): string => `https://arxiv.org/pdf/${id}`;

/** arXiv mints its own DataCite DOI (10.48550/arXiv.<id>) for every paper; it is not the published version's. */
function journalDoi(s: string | null | undefined): string | undefined {
  const d = normalizeDoi(s);
  return d && !d.startsWith('10.48550/') ? d : undefined;
}

// ---------------------------------------------------------------------------------------------
// Listings

function scrapeListing(doc: Document, url: URL): ScrapedPaper[] {
  // Current /new pages hold one `dl#articles` per section (New submissions, Cross-lists,
  // Replacements), each opened by an <h3>; older pages have a single dl. Either way: dt + dd pairs.
  let dts = all(doc, 'dl#articles > dt');
  if (dts.length === 0) dts = all(doc, '#dlpage dl > dt');
  const papers: ScrapedPaper[] = [];
  const seen = new Set<string>();
  for (const dt of dts) {
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    const absA = dt.querySelector('a[title="Abstract"]') ?? dt.querySelector('a[href*="/abs/"]');
    const id = normalizeArxivId(absA?.getAttribute('href')) ?? normalizeArxivId(absA?.textContent);
    const title = textExcept(dd.querySelector('.list-title'), '.descriptor').replace(/^Title:\s*/i, '');
    if (!title) continue;
    if (id) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    const authorsEl = dd.querySelector('.list-authors');
    const authors = all(authorsEl, 'a')
      .map((a) => clean(a.textContent))
      .filter(Boolean);
    const pdfA = dt.querySelector('a[title="Download PDF"]') ?? dt.querySelector('a[href*="/pdf/"]');
    const abstractEl = dd.querySelector('p.mathjax') ?? dd.querySelector('p');
    const jref = textExcept(dd.querySelector('.list-journal-ref'), '.descriptor');
    papers.push(
      compactPaper({
        title,
        authors,
        year: yearFromArxivId(id),
        venue: jref || undefined,
        abstract: textExcept(abstractEl) || undefined,
        categories: parseSubjects(dd.querySelector('.list-subjects')),
        ids: id ? { arxiv: id } : undefined,
        url: id ? absPage(id) : undefined,
        pdfUrl: id && pdfA ? pdfPage(id) : undefined,
        codeUrl: codeLinkIn(dd.querySelector('.list-comments'), url),
      }),
    );
  }
  return papers;
}

// ---------------------------------------------------------------------------------------------
// Search results

/** The query a search page ran: `query=` for simple search, the `terms-N-term` values for advanced. */
function searchQuery(doc: Document, url: URL): string | undefined {
  const q = clean(url.searchParams.get('query'));
  if (q) return q;
  const terms: string[] = [];
  for (const [k, v] of url.searchParams) if (/^terms-\d+-term$/.test(k) && clean(v)) terms.push(clean(v));
  if (terms.length) return terms.join(' ');
  const h1 = text(doc, 'h1.title');
  const m = h1.match(/results for [^:]+:\s*(.+)$/);
  return m ? m[1] : undefined;
}

function scrapeSearch(doc: Document, url: URL): ScrapedPaper[] {
  const papers: ScrapedPaper[] = [];
  for (const li of all(doc, 'li.arxiv-result')) {
    const title = textExcept(li.querySelector('p.title'));
    if (!title) continue;
    const idA = li.querySelector('p.list-title a[href*="/abs/"]');
    const id = normalizeArxivId(idA?.getAttribute('href')) ?? normalizeArxivId(idA?.textContent);
    const authorsEl = li.querySelector('p.authors');
    const authors = all(authorsEl, 'a')
      .map((a) => clean(a.textContent))
      .filter(Boolean);
    // More than 25 authors: "…, et al. (N additional authors not shown)".
    const truncated = /\bet al\b/i.test(textExcept(authorsEl, 'a'));
    // The full abstract ends in a "△ Less" toggle link; the short one is a truncated preview.
    const abstract = textExcept(li.querySelector('span.abstract-full'), 'a.is-size-7').replace(/\s*△\s*Less\s*$/, '');
    const categories = all(li, 'div.tags.is-inline-block span.tag')
      .map((s) => clean(s.textContent))
      .filter((c) => /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/.test(c));
    const doiA = li.querySelector('.tags.has-addons a[href*="doi.org/"]');
    const doi = journalDoi(doiA?.getAttribute('href') ?? doiA?.textContent);
    let venue: string | undefined;
    let comments: Element | undefined;
    for (const p of all(li, 'p.comments')) {
      const label = text(p, 'span');
      if (/^Journal ref/i.test(label)) venue = textExcept(p).replace(/^Journal ref:?\s*/i, '') || undefined;
      else if (/^Comments/i.test(label)) comments = p;
    }
    // "Submitted 5 February, 2023; v1 submitted 3 January, 2023; originally announced January 2023."
    // The v1 date is the original submission, the same date an /abs/ page's dateline gives.
    const dateLine = all(li, 'p.is-size-7:not(.comments)').find((p) => /Submitted/.test(p.textContent ?? ''));
    const dl = clean(dateLine?.textContent);
    const v1 = dl.match(/v1\s*submitted\s+([^;.]+)/i);
    const date = dayMonthYear(v1?.[1]) ?? dayMonthYear(dl.match(/Submitted\s+([^;.]+)/)?.[1]);
    const pdfA = li.querySelector('p.list-title a[href*="/pdf/"]');
    papers.push(
      compactPaper({
        title,
        authors,
        authorsTruncated: truncated || undefined,
        year: date ? parseInt(date.slice(0, 4), 10) : yearFromArxivId(id),
        date,
        venue,
        abstract: abstract || undefined,
        categories,
        ids: compact({ arxiv: id, doi }),
        url: id ? absPage(id) : undefined,
        pdfUrl: id && pdfA ? pdfPage(id) : undefined,
        codeUrl: codeLinkIn(comments, url),
      }),
    );
  }
  return papers;
}

// ---------------------------------------------------------------------------------------------
// Abstract pages

/** The `td.tablecell` value cells of the abs page's metadata table, keyed by their label ("Journal reference"). */
function metaRows(doc: Document): Map<string, Element> {
  const rows = new Map<string, Element>();
  for (const tr of all(doc, '.metatable tr')) {
    const cells = all(tr, 'td');
    if (cells.length < 2) continue;
    const label = clean(cells[0].textContent).replace(/:$/, '').toLowerCase();
    if (label && !rows.has(label)) rows.set(label, cells[1]);
  }
  return rows;
}

/**
 * The embedded reading in arXiv's conventions: `citation_author` is "Last, First"; the PDF is the
 * canonical https://arxiv.org/pdf/<id> (the tag says http://); arXiv's own DataCite DOI is no
 * journal DOI; a mirror's decorated og:title (a DOI landing-page reading) loses its decoration.
 */
const arxivConventions =
  (id: string | undefined) =>
  (p: ScrapedPaper): ScrapedPaper => ({
    ...p,
    title: mirrorTitle(p.title),
    authors: p.authors.map(displayName),
    ids: { ...p.ids, doi: journalDoi(p.ids?.doi) },
    pdfUrl: id && p.pdfUrl ? pdfPage(id) : undefined,
  });

/** An abs page: the embedded reading (citation_*), with what the page shows laid over it. */
function scrapeAbs(doc: Document, url: URL): ScrapedPaper | null {
  const id = arxivIdFromUrl(url);
  const rows = metaRows(doc);
  const subjectsCell = rows.get('subjects') ?? doc.querySelector('td.subjects');
  // "Report number" rows reuse td.jref, so the journal reference is found by its label first.
  const jrefCell = rows.get('journal reference') ?? (rows.size === 0 ? doc.querySelector('td.jref') : null);
  const doiCell = rows.get('related doi') ?? rows.get('doi') ?? doc.querySelector('td.doi');
  const doiA = doiCell?.querySelector('a[data-doi], a[href*="doi.org/"]');
  // "[Submitted on 3 Jan 2023 (v1), last revised 5 Feb 2023 (this version, v2)]": the first date is v1's.
  const date = dayMonthYear(text(doc, '.dateline').match(/Submitted on\s+(.+)/i)?.[1]);
  const hasPdf = !!doc.querySelector('a.download-pdf, .full-text a[href*="/pdf/"]');
  return fromEmbedded(
    doc,
    url,
    {
      title: textExcept(doc.querySelector('h1.title'), '.descriptor').replace(/^Title:\s*/i, ''),
      authors: all(doc, 'div.authors a')
        .map((a) => clean(a.textContent))
        .filter(Boolean),
      year: date ? parseInt(date.slice(0, 4), 10) : undefined,
      date,
      venue: clean(jrefCell?.textContent),
      abstract: textExcept(doc.querySelector('blockquote.abstract'), '.descriptor').replace(/^Abstract:\s*/i, ''),
      categories: parseSubjects(subjectsCell),
      ids: {
        arxiv: id,
        doi: journalDoi(doiA?.getAttribute('data-doi')) ?? journalDoi(doiA?.getAttribute('href')) ?? journalDoi(doiCell?.textContent),
      },
      url: id ? absPage(id) : undefined,
      pdfUrl: id && hasPdf ? pdfPage(id) : undefined,
      codeUrl: codeLinkIn(rows.get('comments') ?? doc.querySelector('td.comments'), url),
    },
    { adjust: arxivConventions(id), fallback: { year: yearFromArxivId(id) } },
  );
}

// ---------------------------------------------------------------------------------------------
// LaTeXML full text (arxiv.org/html, ar5iv)

/** Footnotes (`\thanks`) and error boxes LaTeXML puts inside titles. */
const LTX_TITLE_CLUTTER = '.ltx_note, .ltx_ERROR, script, style';
/** Footnotes, affiliation marks, e-mails and addresses LaTeXML puts inside author names. */
const LTX_NAME_CLUTTER = `${LTX_TITLE_CLUTTER}, .ltx_role_footnote, .ltx_contact, .ltx_role_affiliation, .ltx_role_email, .ltx_role_address, sup`;

/**
 * Author names from a LaTeXML `.ltx_personname`: the text before the first line break (what follows is
 * usually the affiliation), split on commas / "and" when several authors share one block.
 */
function ltxPersonNames(el: Element): string[] {
  const parts: string[] = [];
  // Iterative (kit/walk.ts): a page's nesting depth must not overflow the stack.
  walkDom(el, {
    text: (t) => void parts.push(t.nodeValue ?? ''),
    element: (e) => {
      if (e.tagName === 'BR' || e.matches('.ltx_break')) return clean(parts.join('')) ? STOP : false;
      return !e.matches(LTX_NAME_CLUTTER);
    },
  });
  return splitAuthors(parts.join(' ')).authors.filter((n) => /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u4e00-\u9fff]/.test(n));
}

function scrapeLatexml(doc: Document, url: URL): ScrapedPaper | null {
  const id = arxivIdFromUrl(url);
  const h1 = doc.querySelector('h1.ltx_title_document') ?? doc.querySelector('.ltx_title.ltx_title_document');
  // <title> on arxiv.org/html is the bare title; on ar5iv it is "[2301.00001] Title".
  const title = textExcept(h1, LTX_TITLE_CLUTTER) || clean(doc.title).replace(/^\[[^\]]+\]\s*/, '');
  if (!title) return null;
  const authors: string[] = [];
  for (const p of all(doc, '.ltx_authors .ltx_creator.ltx_role_author .ltx_personname')) {
    for (const n of ltxPersonNames(p)) if (!authors.includes(n)) authors.push(n);
  }
  const abstractEl = doc.querySelector('.ltx_abstract');
  const abstract = textExcept(abstractEl, 'h6, .ltx_title_abstract, .ltx_note').replace(/^Abstract\.?\s*/i, '');
  return compactPaper({
    title,
    authors,
    year: yearFromArxivId(id),
    abstract: abstract || undefined,
    ids: id ? { arxiv: id } : undefined,
    url: id ? absPage(id) : undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// Reader mirrors (alphaXiv, Hugging Face papers)

interface HfAuthor {
  name?: unknown;
}
interface HfPaper {
  id?: unknown;
  title?: unknown;
  authors?: unknown;
  summary?: unknown;
  publishedAt?: unknown;
  githubRepo?: unknown;
}

/**
 * The paper object Hugging Face server-renders into a hydration element's `data-props` JSON
 * (`<div class="SVELTE_HYDRATER contents" data-target="…" data-props="{&quot;paper&quot;:{…}}">`).
 * Only elements whose props mention "paper" are parsed, and only one whose id matches the URL's is used.
 */
function hfPaperProps(doc: Document, id: string | undefined): HfPaper | undefined {
  for (const el of all(doc, '[data-props]')) {
    const raw = el.getAttribute('data-props') ?? '';
    if (!raw.includes('"paper"')) continue;
    try {
      const props = JSON.parse(raw) as { paper?: HfPaper };
      const p = props.paper;
      if (p && typeof p.title === 'string' && (!id || normalizeArxivId(String(p.id ?? '')) === id)) return p;
    } catch {
      /* not JSON: ignore */
    }
  }
  return undefined;
}

/**
 * Author names Hugging Face renders after an "Authors:" label, each a <button> (unclaimed) or a
 * profile <a> (claimed), e.g. `<span>Authors:</span><span class="contents"><button>Jane Doe</button>,</span>`.
 */
function labelledAuthors(doc: Document): string[] {
  const label = all(doc, 'main span').find((s) => clean(s.textContent) === 'Authors:');
  const box = label?.parentElement;
  if (!box) return [];
  return all(box, 'button, a')
    .map((e) => clean(e.textContent))
    .filter((n) => n && n !== 'Authors:' && !/^\d+$/.test(n));
}

/** Strip a mirror's decoration from a <title>/og:title: "Paper page - X" (HF), "X | alphaXiv". */
function mirrorTitle(s: string): string {
  return clean(s)
    .replace(/^Paper page\s*[-–—]\s*/i, '')
    .replace(/\s*[|–—-]\s*alphaXiv\s*$/i, '');
}

/** The paragraph(s) under a heading reading "Abstract" (HF's server-rendered abstract section). */
function abstractUnderHeading(doc: Document): string {
  for (const h of all(doc, 'h2, h3')) {
    if (!/^abstract$/i.test(clean(h.textContent))) continue;
    const next = h.nextElementSibling;
    if (next) return textExcept(next);
  }
  return '';
}

/**
 * A mirror's paper page: Hugging Face's server-rendered paper object, over the embedded reading
 * (citation_*, scholarly JSON-LD), over what the page shows (any schema.org Article, the <h1> of a
 * decorated page, HF's "Authors:" line and abstract section). From the embedded reading only the
 * paper's own fields are taken: a mirror's page URL, PDF viewer and keywords are the mirror's.
 */
function scrapeMirror(doc: Document, url: URL, site: 'alphaxiv' | 'huggingface'): ScrapedPaper | null {
  const id = arxivIdFromUrl(url);
  const props = site === 'huggingface' ? hfPaperProps(doc, id) : undefined;
  const str = (v: unknown): string => (typeof v === 'string' ? clean(v) : '');
  const h1 = doc.querySelector('main h1') ?? doc.querySelector('h1');
  // A paper page's <title>/og:title carries the site's decoration; an error page or an unrendered
  // app shell does not (its <h1> may read "404"), so the <h1> is trusted only on a decorated page.
  const pageTitle = meta(doc, 'og:title') || clean(doc.title);
  const decorated = mirrorTitle(pageTitle);
  const isPaperPage = decorated !== '' && decorated !== pageTitle;
  // Any schema.org Article: on a mirror's paper page it is the paper, scholarly or not.
  const ld = jsonLdPapers(doc, url, { anyArticle: true }).papers[0];
  const date = str(props?.publishedAt).match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  // The repository link belongs to the paper's header section (the site footer links elsewhere on GitHub).
  const propRepo = isRepoUrl(str(props?.githubRepo)) ? str(props?.githubRepo) : undefined;
  const header = h1?.closest('section') ?? h1?.parentElement ?? null;
  return fromEmbedded(
    doc,
    url,
    {
      title: str(props?.title),
      authors: Array.isArray(props?.authors) ? (props.authors as HfAuthor[]).map((a) => str(a?.name)).filter(Boolean) : [],
      year: date ? parseInt(date.slice(0, 4), 10) : undefined,
      date,
      abstract: str(props?.summary),
      ids: { arxiv: id },
      url: id ? absPage(id) : undefined,
      codeUrl: propRepo ?? codeLinkIn(header, url),
    },
    {
      take: ['title', 'authors', 'abstract', 'date', 'year'],
      adjust: arxivConventions(id),
      fallback: {
        title: ld?.title || (isPaperPage ? textExcept(h1) || decorated : ''),
        authors: ld?.authors.length ? ld.authors : site === 'huggingface' ? labelledAuthors(doc) : [],
        abstract: ld?.abstract || abstractUnderHeading(doc),
        year: yearFromArxivId(id),
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------

/** One paper page as a result. */
const paperPage = (p: ScrapedPaper | null): Scraped | null => (p ? { kind: 'paper', papers: [p] } : null);

/** The arXiv adapter: listings, search results, abstract pages, full-text HTML and reader mirrors. */
export const arxiv = defineAdapter({
  id: 'arxiv',
  hosts: [
    'arxiv.org',
    'www.arxiv.org',
    'export.arxiv.org',
    'alphaxiv.org',
    'www.alphaxiv.org',
    'huggingface.co',
    'ar5iv.labs.arxiv.org',
    'ar5iv.org',
  ],
  route: arxivPageType,
  scrape: {
    listing(doc, url) {
      const papers = scrapeListing(doc, url);
      return papers.length ? { kind: 'listing', papers } : null;
    },
    search(doc, url) {
      const papers = scrapeSearch(doc, url);
      if (!papers.length) return null;
      // "Showing 1–50 of 1,234 results for all: transformer"
      const total = text(doc, 'h1.title').match(/\bof\s+([\d,.]+)\s+results?\b/i);
      return compact<Scraped>({
        kind: 'search',
        query: searchQuery(doc, url),
        totalResults: total ? parseCount(total[1]) : undefined,
        papers,
      });
    },
    abs: (doc, url) => paperPage(scrapeAbs(doc, url)),
    html: (doc, url) => paperPage(scrapeLatexml(doc, url)),
    alphaxiv: (doc, url) => paperPage(scrapeMirror(doc, url, 'alphaxiv')),
    huggingface: (doc, url) => paperPage(scrapeMirror(doc, url, 'huggingface')),
  },
  urls: [
    'https://arxiv.org/list/cs/2301?skip=0&show=3',
    'https://arxiv.org/abs/1706.03762',
    'https://arxiv.org/search/?query=graph+neural+networks&searchtype=all&source=header',
    'https://arxiv.org/html/2402.17764v1',
    'https://ar5iv.labs.arxiv.org/html/2305.11206',
    'https://www.alphaxiv.org/overview/2402.00917',
    'https://huggingface.co/papers/2406.04101',
  ],
});
