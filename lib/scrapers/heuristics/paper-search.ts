/**
 * Paper search-result pages (`paper-search`, once `seed-search`: lib/core/sites.ts maps the old
 * id) recognised by STRUCTURE and TEXT PATTERNS rather than one site's class names. The model is
 * Smerity's "Search ICLR 2019" (https://search.iclr2019.smerity.com/search/?query=data+augmentation): a count statement
 * ('"data augmentation" has 257 results'), then per result a title heading with PDF/forum icon
 * links to OpenReview, a "tl;dr …" line ("No tl;dr =[" when the paper has none) and the abstract.
 * Also understood: "257 results for <query>", "Abstract:" blocks instead of tl;dr lines, a
 * "(Show abstract)" toggle and a "Reviews: …" line between the tl;dr and the abstract.
 *
 * Owns page recognition and field extraction for these pages; page structure and author lines
 * are read by ./page-structure and ./author-lines.
 */
import { SITE_NAMES } from '../../core/sites';
import type { Adapter, ScrapeResult, ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, compact, normalizeArxivId, parseCount } from '../kit/dom';
import { ABSTRACT_ANCHOR, authorLine } from './author-lines';
import { cleanItemTitle, isAfter, itemContainers, segments, textWithout } from './page-structure';

const QUOTE_OPEN = `["“”'‘«]`;
const QUOTE_CLOSE = `["“”'’»]`;
const COUNT = '(\\d[\\d,.\\u202f\\u00a0 ]*)';
const RESULTS_WORD = '(?:results?|matches|hits|papers)';
/** '"data augmentation" has 257 results' */
const HAS_RESULTS = new RegExp(`^${QUOTE_OPEN}(.+?)${QUOTE_CLOSE}\\s+(?:has|have|returned|gave)\\s+${COUNT}\\s*${RESULTS_WORD}\\.?$`, 'i');
/** '257 results for "data augmentation"', 'Found 12 papers matching GAN' */
const RESULTS_FOR = new RegExp(
  `^(?:(?:about|found|showing|we found)\\s+)?${COUNT}\\s*${RESULTS_WORD}\\s+(?:for|matching)\\s*:?\\s+${QUOTE_OPEN}?(.+?)${QUOTE_CLOSE}?\\.?$`,
  'i',
);

/** The count statement of a search page. */
export interface ResultCount {
  el: Element;
  query: string;
  total: number;
}

/** Parse a count statement: '"q" has N results' / 'N results for "q"'. */
export function parseResultCount(s: string): { query: string; total: number } | undefined {
  const t = clean(s);
  if (!t || t.length > 300) return undefined;
  let m = HAS_RESULTS.exec(t);
  let query: string | undefined;
  let num: string | undefined;
  if (m) [query, num] = [m[1], m[2]];
  else if ((m = RESULTS_FOR.exec(t))) [num, query] = [m[1], m[2]];
  const total = parseCount(num);
  query = clean(query);
  return query && total !== undefined ? { query, total } : undefined;
}

/** The innermost element stating the result count, if any. */
export function findResultCount(doc: Document): ResultCount | undefined {
  for (const el of all(doc.body, 'h1,h2,h3,h4,h5,h6,p,div,span,small,strong,b,li,header,caption,td,label,output')) {
    const raw = el.textContent ?? '';
    if (raw.length > 400) continue;
    const r = parseResultCount(raw);
    if (!r) continue;
    // The innermost statement: a wrapper whose child says the same thing yields to the child.
    if (Array.from(el.children).some((c) => parseResultCount(c.textContent ?? ''))) continue;
    return { el, ...r };
  }
  return undefined;
}

const TLDR_ANCHOR = /^\s*(?:tl;?\s?dr\b[\s:.-]*\S|no tl;?\s?dr\b)/i;
const NO_TLDR = /^no tl;?\s?dr\b/i;
/** Lines between tl;dr and abstract that are neither ("Reviews: 6 (confidence: 4) …"). */
const SIDE_LINE = /^(?:reviews?|ratings?|scores?|decision|venue|authors?|tags|keywords|tl;?\s?dr)\s*:/i;
const TOGGLE_TEXT = /\s*[([]?\s*(?:show|hide|read|view|more|less)(?:\s+(?:abstract|more|less|details))?\s*[)\]]?\s*$/i;

/** Toggles and buttons inside a tl;dr line ("(Show abstract)") are page chrome, not text. */
function isToggle(el: Element): boolean {
  if (el.tagName === 'BUTTON') return true;
  if (el.tagName !== 'A') return false;
  const href = el.getAttribute('href') ?? '';
  return href.startsWith('#') || el.hasAttribute('data-toggle') || el.hasAttribute('data-bs-toggle') || el.hasAttribute('aria-controls');
}

/** The OpenReview id of a forum/pdf link, else undefined. */
function openreviewId(href: string): string | undefined {
  try {
    const u = new URL(href);
    if (!/(^|\.)openreview\.net$/i.test(u.hostname) || !/^\/(forum|pdf|attachment)\/?$/.test(u.pathname)) return undefined;
    return u.searchParams.get('id') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Anchors of the result items: tl;dr lines, else "Abstract:" blocks (innermost elements). */
function resultAnchors(doc: Document): Element[] {
  const tldr: Element[] = [];
  const abs: Element[] = [];
  for (const el of all(doc.body, '*')) {
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
    const raw = el.textContent ?? '';
    const isTl = TLDR_ANCHOR.test(raw);
    const isAbs = !isTl && ABSTRACT_ANCHOR.test(raw);
    if (!isTl && !isAbs) continue;
    const re = isTl ? TLDR_ANCHOR : ABSTRACT_ANCHOR;
    if (Array.from(el.children).some((c) => re.test(c.textContent ?? ''))) continue;
    (isTl ? tldr : abs).push(el);
  }
  return tldr.length ? tldr : abs;
}

/** One result item; undefined when it has no title. */
function resultFrom(item: Element, anchor: Element, base: URL): ScrapedPaper | undefined {
  const heading = all(item, 'h1,h2,h3,h4,h5,h6').find((h) => !h.contains(anchor) && !anchor.contains(h) && isAfter(h, anchor));
  const titleEl =
    heading ??
    all(item, 'a[href]').find((a) => isAfter(a, anchor) && clean(a.textContent).length >= 10 && clean(a.textContent).includes(' '));
  if (!titleEl) return undefined;
  const title = cleanItemTitle(titleEl.textContent ?? '');
  if (!title) return undefined;

  let tldr: string | undefined;
  let abstract: string | undefined;
  let keywords: string[] | undefined;
  const anchorText = textWithout(anchor, isToggle).replace(TOGGLE_TEXT, '');
  if (ABSTRACT_ANCHOR.test(anchorText)) abstract = clean(anchorText.replace(/^\s*abstract\s*[:：]\s*/i, ''));
  else if (!NO_TLDR.test(anchorText)) tldr = clean(anchorText.replace(/^tl;?\s?dr\b[\s:.-]*/i, '')) || undefined;

  // Segments other than the title and the anchor: authors before the anchor, the abstract after it.
  const segs = segments(item).filter(
    (s) => s !== titleEl && !titleEl.contains(s) && !s.contains(titleEl) && s !== anchor && !anchor.contains(s) && !s.contains(anchor),
  );
  let authors: string[] = [];
  let truncated = false;
  for (const s of segs) {
    const t = clean(s.textContent);
    if (/^keywords\s*:/i.test(t)) {
      keywords = t
        .replace(/^keywords\s*:\s*/i, '')
        .split(/\s*[,;]\s*/)
        .filter(Boolean);
      continue;
    }
    if (SIDE_LINE.test(t)) continue;
    if (isAfter(s, anchor)) {
      // Before the tl;dr/abstract line: an author line, if the page shows one.
      const line = authors.length ? undefined : authorLine(s);
      if (line) ({ authors, truncated } = line);
    } else if (!abstract && t.length >= 40) {
      abstract = clean(t.replace(/^abstract\s*[:：.]?\s*/i, ''));
    }
  }

  let pdfUrl: string | undefined;
  let forumUrl: string | undefined;
  let openreview: string | undefined;
  let arxiv: string | undefined;
  for (const a of all(item, 'a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href || isToggle(a)) continue;
    const id = openreviewId(href);
    if (/\/forum\?/.test(href) || (id && /\/forum\/?$/.test(new URL(href).pathname))) {
      forumUrl ??= href;
      if (id) openreview = id;
    } else if (/\/pdf(\/|\?|$)|\.pdf($|[?#])/i.test(href) || /^pdf$/i.test(clean(a.textContent))) {
      pdfUrl ??= href;
      openreview ??= id;
    }
    if (/(^|\/\/)(www\.|export\.)?arxiv\.org\/(abs|pdf)\//i.test(href)) arxiv ??= normalizeArxivId(href.replace(/^.*\/(abs|pdf)\//, ''));
  }
  const titleLink = titleEl.tagName === 'A' ? titleEl : titleEl.querySelector('a[href]');
  const titleHref = titleLink && !isToggle(titleLink) ? absUrl(titleLink.getAttribute('href'), base) : undefined;
  const url = forumUrl ?? (titleHref && titleHref !== pdfUrl ? titleHref : undefined);

  return {
    title,
    authors,
    ...compact({
      authorsTruncated: truncated || undefined,
      tldr,
      abstract,
      keywords,
      ids: compact({ openreview, arxiv }),
      url,
      pdfUrl,
    }),
  };
}

/** What a search page holds. */
export interface SearchPageAnalysis {
  query: string;
  total: number;
  papers: ScrapedPaper[];
}

/** Analyse a page; undefined unless it states a result count and lists ≥1 titled result. Pure. */
export function analyseSearchPage(doc: Document, url: URL): SearchPageAnalysis | undefined {
  if (!doc.body) return undefined;
  const count = findResultCount(doc);
  if (!count || count.total === 0) return undefined;
  const anchors = resultAnchors(doc).filter((a) => isAfter(count.el, a));
  const itemOf = itemContainers(anchors, (p) => p.contains(count.el));
  const papers: ScrapedPaper[] = [];
  for (const [anchor, item] of itemOf) {
    if (item === anchor) continue;
    const p = resultFrom(item, anchor, url);
    if (p) papers.push(p);
  }
  if (!papers.length) return undefined;
  return { query: count.query, total: count.total, papers };
}

function detect(url: URL, doc: Document): boolean {
  return analyseSearchPage(doc, url) !== undefined;
}

function scrape(doc: Document, url: URL): ScrapeResult | null {
  const a = analyseSearchPage(doc, url);
  if (!a) return null;
  return { site: 'paper-search', kind: 'search', url: url.href, query: a.query, totalResults: a.total, papers: a.papers };
}

/** Paper search-result pages recognised by structure ('"q" has N results' + tl;dr/abstract blocks). */
export const paperSearch: Adapter = {
  id: 'paper-search',
  name: SITE_NAMES['paper-search'],
  detect,
  scrape,
};
