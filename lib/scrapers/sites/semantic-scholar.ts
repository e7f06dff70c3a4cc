/**
 * Semantic Scholar adapter (www.semanticscholar.org): author pages (`/author/<slug>/<id>`), search
 * results (`/search?q=…`) and paper pages (`/paper/<slug>/<40-hex id>`).
 *
 * The site is a React single-page app: the server sends an almost empty shell and the app renders
 * the content later (and again after in-app navigation). The content script re-runs `scrape` after
 * renders, so this module only reads what is rendered *now* and returns null until the content it
 * needs is there; it never guesses from a half-rendered page. The one exception is a paper route,
 * whose server-sent `citation_*` meta tags may stand in for the DOM (checked against the URL's
 * paper id, see `scrapePaperFromMeta`).
 *
 * Markup notes (class names and `data-test-id`s as the live site renders them; older builds used
 * `data-selenium-selector` for the same ids, so both are accepted):
 * - result / paper-list cards: `.cl-paper-row` (search: `.cl-paper-row.serp-papers__paper-row`),
 *   title `a[data-test-id=title-link] > h2.cl-paper-title`, authors `.cl-paper-authors__author-box`
 *   (a link to /author/… when the author has a profile), `.cl-paper-venue`, `.cl-paper-pubdates`,
 *   TLDR/abstract in `.tldr-abstract-replacement` (a `.tldr-abstract__pill` labels "TLDR"), counts
 *   in `[data-test-id=total-citations-stat]` / `.cl-paper-stats__citation-pdp-link`;
 * - paper pages reuse `.cl-paper-row` for their citation and reference lists, so everything on a
 *   paper page is read outside those rows.
 */
import type { PaperIds, ReportedMetrics, ScrapedAuthor, ScrapedPaper, ScrapedProfileRef } from '../../core/types';
import { parseDate } from '../kit/dates';
import { walkDom } from '../kit/walk';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { fromEmbedded } from '../kit/from-embedded';
import { absUrl, all, clean, compact, compactPaper, meta, normalizeArxivId, normalizeDoi, parseCount } from '../kit/dom';
import { splitList, visibleText as kitVisibleText } from '../kit/text';
import { arxivIdFromLink, doiFromResolverUrl, resolveUrl } from '../kit/urls';

const ORIGIN = 'https://www.semanticscholar.org';
const HOST_RE = /^(?:www\.)?semanticscholar\.org$/i;
const HEX40 = /^[0-9a-f]{40}$/i;

/** Paper rows (cards) in lists: search results, an author's papers, citations on a paper page. */
const ROW = '[data-test-id="paper-row"], .cl-paper-row';
/** Page chrome inside text blocks that is not content: toggles, icons, tooltips. */
const DECORATION =
  'button, svg, style, script, template, [role="tooltip"], [class*="tooltip__popover"], [class*="tooltip__content"], ' +
  '.more-toggle, [data-test-id="text-truncator-toggle"], .screen-reader-only, .sr-only';
/** Labels inside a TLDR/abstract block ("TLDR", "Abstract"). */
const PILL = '.tldr-abstract__pill, [data-test-id="tldr-label"], .tldr__label';

/** `[data-test-id=x]` or the older `[data-selenium-selector=x]`. */
function tid(id: string, prefix = ''): string {
  return `${prefix}[data-test-id="${id}"], ${prefix}[data-selenium-selector="${id}"]`;
}

// ---------------------------------------------------------------------------------------------
// Routes

/** What a Semantic Scholar URL is, with the id it names; null for routes this adapter ignores. */
export type S2Route = { kind: 'author'; authorId: string } | { kind: 'search' } | { kind: 'paper'; paperId: string };

/**
 * Classify a URL: `/author/<Name-Slug>/<id>` or `/author/<id>`, `/search`, and
 * `/paper/<slug>/<40-hex>` or `/paper/<40-hex>`. Other hosts and routes (home, /reader, /venue,
 * figure pages, api.semanticscholar.org) give null.
 */
export function s2Route(url: URL): S2Route | null {
  if (!HOST_RE.test(url.hostname)) return null;
  const path = url.pathname;
  let m = path.match(/^\/author\/(?:[^/]+\/)?(\d+)\/?$/);
  if (m) return { kind: 'author', authorId: m[1] };
  if (/^\/search\/?$/.test(path)) return { kind: 'search' };
  m = path.match(/^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i);
  if (m) return { kind: 'paper', paperId: m[1].toLowerCase() };
  return null;
}

/** The 40-hex paper id of a `/paper/…` link, lower-cased; undefined for anything else. */
export function paperIdFromHref(href: string | null | undefined, base: URL | string = ORIGIN): string | undefined {
  const u = resolveUrl(href, base);
  if (!u || !HOST_RE.test(u.hostname)) return undefined;
  const m = u.pathname.match(/^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i);
  return m ? m[1].toLowerCase() : undefined;
}

/** The numeric author id of a `/author/…` link; undefined for anything else. */
export function authorIdFromHref(href: string | null | undefined, base: URL | string = ORIGIN): string | undefined {
  const u = resolveUrl(href, base);
  if (!u || !HOST_RE.test(u.hostname)) return undefined;
  const m = u.pathname.match(/^\/author\/(?:[^/]+\/)?(\d+)\/?$/);
  return m ? m[1] : undefined;
}

const authorUrl = (id: string) => `${ORIGIN}/author/${id}`;

// ---------------------------------------------------------------------------------------------
// Text helpers

/**
 * Text of `el` as shown, without decoration (toggle buttons, icons, tooltips). Concatenates text
 * nodes like textContent does: the app splits highlighted titles into `<em>`/`<span>` runs and
 * writes the spaces itself, so no separators are added.
 */
export function visibleText(el: Element | null | undefined, skip = DECORATION): string {
  return kitVisibleText(el, { skip });
}

/** Split a fields-of-study label ("Computer Science, Medicine") into fields. */
const splitFields = (s: string): string[] => splitList(s, ',;·•');

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Whether a link points at a PDF (not at the in-site reader or a publisher landing page). */
function isPdfLink(a: Element, href: string): boolean {
  if (/\/reader\//.test(href) || /doi\.org\//i.test(href)) return false;
  if (/\.pdf(?:$|[?#])/i.test(href) || /arxiv\.org\/pdf\//i.test(href) || /^https?:\/\/pdfs\.semanticscholar\.org\//i.test(href))
    return true;
  return /\bPDF\b/.test(clean(a.textContent)) || /\bpdf\b/i.test(a.getAttribute('data-heap-link-type') ?? '');
}

/** DOI, arXiv id and PDF link found among `links` (first of each wins). */
function linkIds(links: Element[], base: URL): { doi?: string; arxiv?: string; pdfUrl?: string } {
  let doi: string | undefined;
  let arxiv: string | undefined;
  let pdfUrl: string | undefined;
  for (const a of links) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    doi ??= doiFromResolverUrl(href);
    arxiv ??= arxivIdFromLink(href);
    if (!pdfUrl && isPdfLink(a, href)) pdfUrl = href;
  }
  return { doi, arxiv, pdfUrl };
}

/** First count among `els` ("1,234", "1,234 Citations"), skipping the highly-influential one. */
function firstCount(els: Element[]): number | undefined {
  for (const el of els) {
    const t = visibleText(el);
    if (/influential/i.test(t)) continue;
    const n = parseCount(t);
    if (n !== undefined) return n;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// TLDR / abstract blocks

/** What a TLDR/abstract block shows: the TLDR, and the abstract when it is shown in full. */
export interface Summary {
  tldr?: string;
  abstract?: string;
  /** The block shows an abstract cut short (an "Expand" toggle or a trailing ellipsis). */
  abstractTruncated?: string;
}

/** Drop the "AI-generated" decoration the site prints around a TLDR. */
function cleanTldr(s: string): string {
  return clean(s.replace(/^AI[-\s]generated\s*/i, '').replace(/\s*(?:This|The)\s+(?:is an?\s+)?AI[-\s]generated\s+summary\b[^]*$/i, ''));
}

/**
 * Read a TLDR/abstract block (`.tldr-abstract-replacement`, `[data-test-id=abstract-text]`).
 * `.tldr-abstract__pill` elements label the segments that follow them ("TLDR", "Abstract");
 * unlabelled text is abstract. The "Expand"/"Collapse" toggle says whether the abstract shown is
 * cut short: collapsed cards show the TLDR *instead of* the abstract, or the abstract's opening.
 */
export function readSummary(block: Element | null | undefined): Summary {
  if (!block) return {};
  const segs: { label: string; parts: string[] }[] = [{ label: '', parts: [] }];
  const toggles: string[] = [];
  // Iterative (kit/walk.ts): a page's nesting depth must not overflow the stack.
  walkDom(block, {
    text: (t) => void segs[segs.length - 1].parts.push(t.nodeValue ?? ''),
    element: (el) => {
      if (el.matches(PILL)) segs.push({ label: clean(el.textContent).toLowerCase(), parts: [] });
      else if (el.matches('button, [data-test-id="text-truncator-toggle"], .more-toggle')) {
        toggles.push(clean(el.textContent) || clean(el.getAttribute('aria-label')));
      } else return !el.matches(DECORATION);
      return false;
    },
  });
  const out: Summary = {};
  const toggle = toggles.join(' ');
  const collapsed = /\b(expand|more)\b/i.test(toggle) && !/\b(collapse|less)\b/i.test(toggle);
  for (const s of segs) {
    const t = clean(s.parts.join(''));
    if (!t) continue;
    if (/^tl;?dr/.test(s.label)) {
      const tldr = cleanTldr(t);
      if (tldr && !out.tldr) out.tldr = tldr;
    } else if (s.label === '' || /^abstract/.test(s.label)) {
      if (out.abstract || out.abstractTruncated) continue;
      if (collapsed || /(?:…|\.\.\.)$/.test(t)) out.abstractTruncated = t.replace(/\s*(?:…|\.\.\.)$/, '');
      else out.abstract = t;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Paper cards

/** Top-level paper rows under `scope` (rows nested in rows are parts of their parent). */
export function paperRows(scope: ParentNode): Element[] {
  return all(scope, ROW).filter((el) => !el.parentElement?.closest(ROW));
}

/** Authors of a card in page order, with profile links and the "+ N authors" marker. */
function cardAuthors(row: Element, base: URL): { authors: string[]; truncated: boolean; profiles: ScrapedProfileRef[] } {
  let boxes = all(row, '.cl-paper-authors__author-box').filter((el) => !el.parentElement?.closest('.cl-paper-authors__author-box'));
  if (!boxes.length) boxes = all(row, '[data-test-id="author-list"] a[href*="/author/"], .author-list__author-name');
  const authors: string[] = [];
  const profiles: ScrapedProfileRef[] = [];
  for (const box of boxes) {
    const name = visibleText(box);
    if (!name || /^\+\s*\d+/.test(name) || /^(…|\.\.\.)$/.test(name)) continue;
    authors.push(name);
    const a = box.closest('a[href]') ?? box.querySelector('a[href]');
    const id = authorIdFromHref(a?.getAttribute('href'), base);
    if (id) profiles.push({ name, id, url: authorUrl(id) });
  }
  // "+ 19 authors" is a button after the names; a cut list may also end in "…".
  const area = row.querySelector('.cl-paper-authors') ?? boxes[0]?.closest('[data-test-id="author-list"]')?.parentElement;
  const areaText = clean(area?.textContent);
  const truncated =
    /\+\s*\d+\s*(?:more\s+)?authors?\b/i.test(areaText) ||
    /(?:…|\.\.\.)\s*$/.test(areaText) ||
    !!row.querySelector(tid('author-list-expand'));
  return { authors, truncated, profiles };
}

/**
 * One paper card (search result, author's paper, citing paper). Null when the card has no title
 * yet (a loading placeholder).
 */
export function parseCard(row: Element, base: URL): ScrapedPaper | null {
  const titleLink =
    row.querySelector(tid('title-link', 'a')) ??
    row.querySelector('.cl-paper-title')?.closest('a') ??
    all(row, 'a[href*="/paper/"]').find((a) => paperIdFromHref(a.getAttribute('href'), base));
  const title = visibleText(row.querySelector('.cl-paper-title') ?? titleLink);
  if (!title) return null;

  const href = absUrl(titleLink?.getAttribute('href'), base);
  const s2 =
    paperIdFromHref(href, base) ??
    (HEX40.test(row.getAttribute('data-paper-id') ?? '') ? row.getAttribute('data-paper-id')!.toLowerCase() : undefined);
  let url: string | undefined;
  if (href && paperIdFromHref(href, base)) {
    const u = new URL(href);
    url = `${ORIGIN}${u.pathname}`;
  } else if (s2) url = `${ORIGIN}/paper/${s2}`;

  const { authors, truncated, profiles } = cardAuthors(row, base);
  const { year, date } = parseDate(text1(row, '.cl-paper-pubdates'));
  const venue = visibleText(row.querySelector('.cl-paper-venue, [data-test-id="venue-metadata"]'));
  const summary = readSummary(row.querySelector('.tldr-abstract-replacement, .cl-paper-abstract'));
  const citations = firstCount(
    all(
      row,
      '[data-test-id="total-citations-stat"], .cl-paper-stats__v2-citations, .cl-paper-stats__citation-pdp-link, [data-heap-id="citation_count"]',
    ),
  );
  const links = all(row, 'a[href]').filter((a) => a !== titleLink && !a.closest('.cl-paper-authors, [data-test-id="author-list"]'));
  const found = linkIds(links, base);
  const categories = uniq(all(row, '.cl-paper-fos').flatMap((el) => splitFields(visibleText(el))));

  return paper({
    title,
    authors,
    authorsTruncated: truncated || undefined,
    year,
    date,
    venue,
    abstract: summary.abstract,
    tldr: summary.tldr,
    categories,
    citations,
    ids: compact<PaperIds>({ s2, doi: found.doi, arxiv: found.arxiv }),
    url,
    pdfUrl: found.pdfUrl,
    authorProfiles: profiles,
  });
}

/** `compact` a paper, keeping `authors` (required, even when empty). */
const paper = (p: ScrapedPaper): ScrapedPaper => compactPaper(p);

function text1(root: ParentNode, selector: string): string {
  return visibleText(root.querySelector(selector));
}

function cards(scope: ParentNode, base: URL, skip?: Element | null): ScrapedPaper[] {
  const out: ScrapedPaper[] = [];
  for (const row of paperRows(scope)) {
    if (skip && skip.contains(row)) continue;
    const p = parseCard(row, base);
    if (p) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Author pages

const STATS_KEYS: Record<string, keyof Pick<ReportedMetrics, 'papers' | 'hIndex' | 'citations'>> = {
  publications: 'papers',
  papers: 'papers',
  'h-index': 'hIndex',
  'h index': 'hIndex',
  hindex: 'hIndex',
  citations: 'citations',
};

/**
 * The author stats block as label/value pairs: `.author-detail-card__stats-row` with
 * `__label`/`__value` spans (the h-index label carries an info tooltip), or the rows of
 * `[data-test-id=author-stats]`. Publications → papers, h-index → hIndex, Citations →
 * citations; any other labelled number ("Highly Influential Citations") goes to `other`.
 */
export function parseAuthorStats(doc: ParentNode): ReportedMetrics | undefined {
  let rows = all(doc, '.author-detail-card__stats-row');
  if (!rows.length) {
    const block = doc.querySelector(tid('author-stats'));
    rows = block ? Array.from(block.children).flatMap((c) => (c.matches('ul, ol, dl') ? Array.from(c.children) : [c])) : [];
  }
  const m: ReportedMetrics = {};
  const other: Record<string, number> = {};
  for (const row of rows) {
    let label = visibleText(row.querySelector('.author-detail-card__stats-row__label, [class*="stats-row__label"], dt'));
    let value = visibleText(
      row.querySelector('.author-detail-card__stats-row__value, .author-detail-card__stats-value, [class*="stats-row__value"], dd'),
    );
    if ((!label || !value) && row.children.length === 2) {
      label = visibleText(row.children[0]);
      value = visibleText(row.children[1]);
      if (parseCount(value) === undefined && parseCount(label) !== undefined) [label, value] = [value, label]; // "52 Publications"
    }
    if (!label || !value || parseCount(value) === undefined) {
      const t = visibleText(row);
      const after = t.match(/^(.*?[^\d\s.,])\s*(\d[\d.,]*\s*[KkMm]?)$/); // "Publications 52"
      const before = t.match(/^(\d[\d.,]*\s*[KkMm]?)\s+(\D.*)$/); // "52 Publications"
      if (after) [label, value] = [after[1], after[2]];
      else if (before) [label, value] = [before[2], before[1]];
      else continue;
    }
    label = clean(label.replace(/[:：]\s*$/, ''));
    const n = parseCount(value);
    if (!label || n === undefined) continue;
    const key = STATS_KEYS[label.toLowerCase()];
    if (key) {
      if (m[key] === undefined) m[key] = n;
    } else other[label] = n;
  }
  if (Object.keys(other).length) m.other = other;
  return Object.keys(m).length ? m : undefined;
}

/** The author's own homepage link on the author card (never an in-site link). */
function authorHomepage(scope: ParentNode | null | undefined, base: URL): string | undefined {
  for (const a of all(scope, 'a[href]')) {
    const hint = `${a.getAttribute('data-test-id') ?? ''} ${a.getAttribute('class') ?? ''} ${a.getAttribute('aria-label') ?? ''} ${clean(a.textContent)}`;
    if (!/home\s*page|website/i.test(hint)) continue;
    const href = absUrl(a.getAttribute('href'), base);
    if (href && !HOST_RE.test(new URL(href).hostname)) return href;
  }
  return undefined;
}

function scrapeAuthorPage(doc: Document, url: URL, { authorId }: { authorId: string }): Scraped | null {
  const nameEl = doc.querySelector(`${tid('author-name')}, .author-detail-card__author-name`);
  const name = visibleText(nameEl);
  // No name yet: the app has not rendered the profile (a bare og:title is not enough).
  if (!name) return null;
  const card = nameEl?.closest('.author-detail-card') ?? doc.querySelector('.author-detail-card');

  const affBlock = doc.querySelector(`${tid('author-affiliations')}, .author-detail-card__affiliations`);
  let affiliations = all(affBlock, 'li').map((li) => visibleText(li));
  if (!affiliations.length && affBlock) affiliations = [visibleText(affBlock)];
  if (!affiliations.length) affiliations = all(doc, '.author-detail-card__affiliation').map((el) => visibleText(el));
  affiliations = uniq(affiliations.filter(Boolean));

  const author = compact<ScrapedAuthor>({
    name,
    id: authorId,
    url: authorUrl(authorId),
    affiliation: affiliations.join('; '),
    homepage: authorHomepage(card ?? nameEl?.parentElement?.parentElement, url),
    metrics: parseAuthorStats(doc),
  });
  return { kind: 'author', author, papers: cards(doc, url, card) };
}

// ---------------------------------------------------------------------------------------------
// Search pages

function scrapeSearchPage(doc: Document, url: URL): Scraped | null {
  const scope = doc.querySelector('.result-page') ?? doc;
  const papers = cards(scope, url);
  if (!papers.length) return null; // not rendered yet, no results, or an error block
  // "About 12,345 results" above the list.
  const countText = text1(doc, '.dropdown-filters__result-count');
  const totalResults = /result/i.test(countText) ? parseCount(countText) : undefined;
  return compact<Scraped>({
    kind: 'search',
    query: clean(url.searchParams.get('q')),
    totalResults,
    papers,
  });
}

// ---------------------------------------------------------------------------------------------
// Paper pages

/** Elements matching `selector` that are not inside a paper row (citation/reference lists). */
function outsideRows(doc: ParentNode, selector: string): Element[] {
  return all(doc, selector).filter((el) => !el.closest(ROW));
}

/**
 * Whether the page's head describes the paper at `paperId`. The app rewrites the head on in-app
 * navigation, but not necessarily before the URL changes; a head naming another paper is stale.
 * An absent og:url/canonical proves nothing either way (`undefined`).
 */
function headMatches(doc: Document, paperId: string): boolean | undefined {
  const refs = [meta(doc, 'og:url'), doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? ''].filter(Boolean);
  if (!refs.length) return undefined;
  return refs.every((r) => paperIdFromHref(r) === paperId);
}

/**
 * A head description or embedded abstract when it is the abstract: not the "Semantic Scholar
 * extracted view of …" that stands in for a missing one, the app shell's blurb, or a cut preview.
 */
function realAbstract(d: string | undefined): string | undefined {
  if (!d || /^Semantic Scholar\b/i.test(d) || /\bAI-powered research tool\b/i.test(d)) return undefined;
  return /(?:…|\.\.\.)$/.test(d) ? undefined : d;
}

/** The meta description when it is the abstract. */
const metaAbstract = (doc: Document): string | undefined => realAbstract(meta(doc, 'description') || meta(doc, 'og:description'));

/** A head title without the site's decoration ("[PDF] Title | Semantic Scholar": papers with a PDF are marked). */
function undecorated(t: string): string {
  if (!/\s\|\s*Semantic Scholar$/i.test(t)) return t;
  return clean(t.replace(/\s\|\s*Semantic Scholar$/i, '').replace(/^\[(?:PDF|HTML)\]\s*/i, ''));
}

function scrapePaperPage(doc: Document, url: URL, { paperId }: { paperId: string }): Scraped | null {
  const h1 = outsideRows(doc, tid('paper-detail-title', 'h1'))[0];
  const title = visibleText(h1);
  if (!title) return scrapePaperFromMeta(doc, url, paperId);

  // Authors: `.author-list__author-name` links (spans for authors without a profile).
  let boxes = outsideRows(doc, '.author-list__author-name').filter((el) => !el.parentElement?.closest('.author-list__author-name'));
  if (!boxes.length) boxes = outsideRows(doc, '[data-heap-id="heap_author_list_item"]');
  if (!boxes.length) boxes = outsideRows(doc, '[data-test-id="author-list"] a[href*="/author/"]');
  const authors: string[] = [];
  const authorProfiles: ScrapedProfileRef[] = [];
  for (const box of boxes) {
    const name = visibleText(box);
    if (!name) continue;
    authors.push(name);
    const a = box.closest('a[href]') ?? box.querySelector('a[href]');
    const id = authorIdFromHref(a?.getAttribute('href'), url);
    if (id) authorProfiles.push({ name, id, url: authorUrl(id) });
  }
  // "+ 12 authors" until expanded (then it reads "Show less").
  const expand = clean(outsideRows(doc, tid('author-list-expand'))[0]?.textContent);
  const authorsTruncated = /\+\s*\d+|\bmore\b|…|\.\.\./i.test(expand) && !/\b(less|fewer|collapse)\b/i.test(expand);

  const { year, date } = parseDate(visibleText(outsideRows(doc, tid('paper-year'))[0]));
  const venue = visibleText(
    outsideRows(doc, `[data-heap-id="paper-meta-journal"], ${tid('paper-venue')}, .cl-paper-venue--paper-metadata, .cl-paper-venue`)[0],
  );

  // "389 Citations": the nav tab and the header of the citations list (whose sibling header, with
  // the same classes, counts references).
  let citations: number | undefined;
  for (const el of outsideRows(
    doc,
    '[data-heap-nav="citing-papers"], .dropdown-filters__result-count__citations, [data-test-id="citation-count"]',
  )) {
    const m = visibleText(el).match(/^(\d[\d.,]*\s*[KkM]?)\s+Citations?\b/i);
    if (m) {
      citations = parseCount(m[1]);
      break;
    }
  }

  // TLDR and abstract: one block whose toggle swaps the TLDR for the full abstract, or separate
  // TLDR and abstract blocks. Merge what the blocks show.
  const BLOCKS = `.paper-detail-page__tldr-abstract, ${tid('no-highlight-abstract-text')}, ${tid('abstract-text')}, ${tid('paper-tldr')}`;
  const summary: Summary = {};
  for (const block of outsideRows(doc, BLOCKS).filter((el) => !el.parentElement?.closest(BLOCKS))) {
    const s = readSummary(block);
    summary.tldr ??= s.tldr;
    summary.abstract ??= s.abstract;
    summary.abstractTruncated ??= s.abstractTruncated;
  }
  let abstract = summary.abstract;
  if (!abstract && headMatches(doc, paperId)) {
    // A collapsed abstract (or a TLDR shown in its place): the head's description holds the
    // abstract in full, when it starts like what the page shows.
    const d = metaAbstract(doc);
    if (d && (!summary.abstractTruncated || d.startsWith(summary.abstractTruncated))) abstract = d;
  }

  // DOI: "DOI: 10.18653/v1/N18-3011" with a doi.org link.
  const doiEl = outsideRows(doc, `${tid('paper-doi', '')} .doi__link, a.doi__link`)[0];
  const doi = normalizeDoi(doiEl?.getAttribute('href')) ?? normalizeDoi(doiEl?.textContent);
  // arXiv: an "arXiv:1805.02262" meta item, else an arxiv.org link (the "View PDF on arXiv" button).
  let arxiv: string | undefined;
  for (const el of outsideRows(doc, '.paper-meta li, li.paper-meta-item, [data-test-id^="paper-arxiv"]')) {
    const m = visibleText(el).match(/\barXiv:\s*(\S+)/i);
    if (m && (arxiv = normalizeArxivId(m[1]))) break;
  }
  const actionLinks = outsideRows(
    doc,
    `${tid('paper-link', 'a')}, a.flex-paper-actions__button, a[data-heap-link-type], a.cl-paper-view-paper, .flex-paper-actions a[href], .alternate-sources a[href]`,
  );
  const found = linkIds(actionLinks, url);
  arxiv ??= found.arxiv;
  const corpus = visibleText(outsideRows(doc, tid('corpus-id'))[0]).match(/(\d+)/)?.[1];

  const categories = uniq(outsideRows(doc, `.cl-paper-fos, ${tid('paper-fos')}`).flatMap((el) => splitFields(visibleText(el))));

  // The head fills in only what the rendered page does not show, and only when it names this paper.
  // Not taken from it: its authors (the first few, with no sign the list is cut), its PDF link
  // (citation_pdf_url may be a doi.org landing page) and its abstract (see `metaAbstract` above).
  const scraped = fromEmbedded(
    doc,
    url,
    {
      title,
      authors,
      authorsTruncated: authorsTruncated || undefined,
      year,
      date,
      venue,
      abstract,
      tldr: summary.tldr,
      categories,
      citations,
      ids: { s2: paperId || (corpus ? `CorpusId:${corpus}` : undefined), doi: doi ?? found.doi, arxiv },
      url: `${ORIGIN}${url.pathname}`,
      pdfUrl: found.pdfUrl,
      authorProfiles,
    },
    { take: ['year', 'date', 'venue', 'ids'], trust: () => headMatches(doc, paperId) === true },
  );
  return scraped && { kind: 'paper', papers: [scraped] };
}

/**
 * The paper from the head alone, before the app renders: the embedded reading (citation_*), else
 * an og:title ending in " | Semantic Scholar". Only when the head names this paper (og:url/canonical
 * with the URL's id): the app keeps the previous page's head for a moment after in-app navigation,
 * and the app shell's head is the site's own ("Semantic Scholar | AI-Powered Research Tool").
 */
function scrapePaperFromMeta(doc: Document, url: URL, paperId: string): Scraped | null {
  if (!headMatches(doc, paperId)) return null;
  const og = meta(doc, 'og:title');
  const scraped = fromEmbedded(
    doc,
    url,
    { abstract: metaAbstract(doc), ids: { s2: paperId }, url: `${ORIGIN}${url.pathname}` },
    {
      adjust: (e) => ({ ...e, title: undecorated(e.title), abstract: realAbstract(e.abstract) }),
      fallback: { title: undecorated(og) === og ? '' : undecorated(og) },
    },
  );
  if (!scraped || /^Semantic Scholar\b/i.test(scraped.title)) return null;
  return { kind: 'paper', papers: [scraped] };
}

// ---------------------------------------------------------------------------------------------

/** Semantic Scholar: author profiles, search results and paper pages, read from the rendered app. */
export const semanticScholar = defineAdapter({
  id: 'semantic-scholar',
  hosts: ['www.semanticscholar.org', 'semanticscholar.org'],
  route: s2Route,
  scrape: { author: scrapeAuthorPage, search: scrapeSearchPage, paper: scrapePaperPage },
  urls: [
    'https://www.semanticscholar.org/author/Waleed-Ammar/1741101',
    'https://www.semanticscholar.org/search?q=transformers&sort=relevance',
    'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    'https://www.semanticscholar.org/paper/Where-the-Crosswalk-Ends%3A-Mapping-Crosswalk-via-in-Moran/704dde842312c5eabb8c76ecf86b48e9fe68e4fe',
  ],
});
