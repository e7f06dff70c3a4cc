/**
 * Author profile pages (`author-profile`) on AI-paper sites whose markup we do not know,
 * recognised by STRUCTURE and TEXT PATTERNS instead of one site's class names, so they are
 * captured wherever they appear. (This adapter and its stored id were once `seed-author`, after
 * the seed pages it was written against; lib/core/sites.ts maps the old id.)
 * Two layouts, both seen in pages users browse:
 *
 *  A. Metrics profile — a person-name `<h1>`, a header of label/number pills ("h-index27",
 *     "33papers", "27,675citations", "Novelty46%", "AI Score47"), a "33 Papers" list of cards,
 *     each with a meta line ("CVApr 1, 2022" + optional "Code" badge), title, authors ("… et al.")
 *     and abstract.
 *  B. Abstract list — a person name (`<h1>`, else the `<title>`), an affiliation heading
 *     ("University of Frankfurt"), then ≥2 entries of title, authors and an "Abstract: …" block.
 *
 * Owns page recognition and field extraction for these layouts; page structure, names and the
 * metrics header are read by ./page-structure, ./author-lines and ./metrics-header.
 *
 * Category codes are kept AS SHOWN ("CV", "LG", "ML"): the page prints only the subject code, and
 * mapping it to an archive would be invention — "ML" is stat.ML (there is no cs.ML), "CO" may be
 * math.CO or stat.CO, "AP" math.AP or stat.AP. A full code shown by the page ("cs.CV") is kept as is.
 */
import { SITE_NAMES } from '../../core/sites';
import type { Adapter, ReportedMetrics, ScrapeResult, ScrapedAuthor, ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, compact, meta, normalizeArxivId } from '../kit/dom';
import { ABSTRACT_ANCHOR, ABSTRACT_PREFIX, authorLine, isPersonName, TOOLBAR } from './author-lines';
import { parseDisplayDate } from './display-date';
import { metricKey, metricPill, metricsFrom, type MetricPill } from './metrics-header';
import {
  BLOCK_SELECTOR,
  cleanItemTitle,
  HEADING_SELECTOR,
  insideAny,
  isAfter,
  itemContainers,
  segments,
  SKIP_TAGS,
} from './page-structure';

/** "33 Papers" list heading. */
const PAPERS_HEADING = /^\d[\d,.]*\s+(papers?|publications?)$/i;
/** Bare arXiv subject code as shown ("CV", "LG") or a full code ("cs.CV", "stat.ML", "hep-th"). */
const CATEGORY =
  /^(?:[A-Z]{2,3}|(?:cs|math|stat|eess|econ|q-bio|q-fin|physics|astro-ph|cond-mat|nlin|hep-[a-z]{2}|gr-qc|quant-ph|nucl-[a-z]{2}|math-ph)(?:\.[A-Za-z-]{2,})?)$/;
/** A "Code" badge of a card. */
const CODE_BADGE = /^(?:<\/?>\s*)?(?:code|source code|code available|github)$/i;
/** Institution words of an affiliation line ("University of Frankfurt", "Google DeepMind"). */
const AFFILIATION =
  /\b(Universit(?:y|é|ät|at|à|ad|ade|eit|y College)|Institut(?:e|o)?|College|School|Laborator(?:y|ies)|Lab|Labs|Research|Inc\.?|Ltd\.?|Corporation|Corp\.?|Company|Google|DeepMind|Microsoft|Meta|Facebook|OpenAI|Anthropic|NVIDIA|IBM|Amazon|Apple|Baidu|Alibaba|Tencent|Huawei|Mila|CNRS|INRIA|Inria|ETH|EPFL|MIT|CMU|Academy|Academia|Center|Centre|Hospital|Department|Dept\.?|Faculty|Polytechnic|Politecnico|Foundation)\b/;

/** Links of an item: arXiv id, PDF, landing page, code. */
function itemLinks(item: Element, titleEl: Element, base: URL) {
  let arxiv: string | undefined;
  let pdfUrl: string | undefined;
  for (const a of all<HTMLAnchorElement>(item, 'a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    let u: URL;
    try {
      u = new URL(href);
    } catch {
      continue;
    }
    if (/(^|\.)arxiv\.org$/i.test(u.hostname) && /^\/(abs|pdf)\//.test(u.pathname)) {
      arxiv ??= normalizeArxivId(u.pathname.replace(/^\/(abs|pdf)\//, '').replace(/\.pdf$/, ''));
      if (u.pathname.startsWith('/pdf/')) pdfUrl ??= href;
    } else if (/\.pdf$/i.test(u.pathname) || /^pdf$/i.test(clean(a.textContent))) pdfUrl ??= href;
  }
  const titleLink = titleEl.tagName === 'A' ? titleEl : (titleEl.querySelector('a[href]') ?? titleEl.closest('a[href]'));
  const url = titleLink ? absUrl(titleLink.getAttribute('href'), base) : undefined;
  return { arxiv, pdfUrl, url: url && url !== pdfUrl ? url : undefined };
}

/** "Code" badge of an item: present → hasCode; a link → codeUrl. */
function codeBadge(item: Element, base: URL): { hasCode?: true; codeUrl?: string } {
  for (const el of all(item, 'a, span, button, small, b, strong, em, i, label, div')) {
    const raw = el.textContent ?? '';
    if (raw.length > 40 || !CODE_BADGE.test(clean(raw))) continue;
    const a = el.tagName === 'A' ? el : (el.closest('a[href]') ?? el.querySelector('a[href]'));
    const codeUrl = a && item.contains(a) ? absUrl(a.getAttribute('href'), base) : undefined;
    return codeUrl ? { hasCode: true, codeUrl } : { hasCode: true };
  }
  return {};
}

/** The item's title element: its first heading, else its first long link. */
function titleElement(item: Element, exclude: (el: Element) => boolean): Element | undefined {
  const ok = (el: Element) => !exclude(el) && !!cleanItemTitle(el.textContent ?? '') && !PAPERS_HEADING.test(clean(el.textContent));
  const h = all(item, HEADING_SELECTOR).find(ok);
  if (h) return h;
  return all(item, 'a[href]').find((a) => ok(a) && clean(a.textContent).length >= 10 && clean(a.textContent).includes(' '));
}
/** Date/meta line of layout A: the short block around a date anchor. */
function metaLine(anchor: Element, item: Element): Element {
  let m = anchor;
  for (let i = 0; i < 2; i++) {
    const p = m.parentElement;
    if (!p || p === item || !item.contains(p)) break;
    if (clean(p.textContent).length > 80 || p.querySelector(HEADING_SELECTOR)) break;
    m = p;
  }
  return m;
}

/**
 * Categories and code flag of a meta line: leaf elements showing a subject code, else the tokens
 * before the date; a "Code" after the date when the badge is plain text ("CVApr 1, 2022Code").
 */
function metaInfo(metaEl: Element, anchor: Element): { categories: string[]; code: boolean } {
  const t = clean(metaEl.textContent);
  const d = parseDisplayDate(t);
  const code = !!d && /^\W*(?:code|github)\b/i.test(t.slice(d.index + d.length));
  const leaves = all(metaEl, '*').filter((e) => e !== anchor && e.children.length === 0 && !anchor.contains(e));
  const cats = leaves.map((e) => clean(e.textContent)).filter((x) => CATEGORY.test(x));
  if (cats.length) return { categories: [...new Set(cats)], code };
  // No wrapper around the date: the codes are short siblings just before it ("<span>cs.LG</span> · <span>Jan 5…").
  for (let sib = metaEl.previousElementSibling, i = 0; sib && i < 3; sib = sib.previousElementSibling, i++) {
    const st = clean(sib.textContent);
    if (CATEGORY.test(st)) cats.unshift(st);
    else if (st.length > 20 || /^H[1-6]$/.test(sib.tagName)) break;
  }
  if (cats.length) return { categories: [...new Set(cats)], code };
  if (!d) return { categories: [], code };
  return {
    categories: [
      ...new Set(
        t
          .slice(0, d.index)
          .split(/[\s,·|•/]+/)
          .filter((x) => CATEGORY.test(x)),
      ),
    ],
    code,
  };
}

/** One paper from an item (card or entry); undefined when it has no title. */
function paperFrom(
  item: Element,
  base: URL,
  opts: {
    exclude: (el: Element) => boolean;
    anchorAbstract?: Element;
    date?: { date: string; year: number };
    categories?: string[];
    /** The meta line says "Code" in plain text. */
    hasCode?: boolean;
  },
): ScrapedPaper | undefined {
  const titleEl = titleElement(item, opts.exclude);
  if (!titleEl) return undefined;
  const title = cleanItemTitle(titleEl.textContent ?? '');
  if (!title) return undefined;

  const segs = segments(item).filter(
    (s) => !opts.exclude(s) && s !== titleEl && !titleEl.contains(s) && !s.contains(titleEl) && isAfter(titleEl, s),
  );
  let authors: string[] = [];
  let truncated = false;
  let abstract: string | undefined;
  let date = opts.date;
  let rest = segs;
  const firstUseful = segs.findIndex((s) => {
    const t = clean(s.textContent);
    return (
      !CODE_BADGE.test(t) && !TOOLBAR.test(t) && !(opts.anchorAbstract && (s === opts.anchorAbstract || opts.anchorAbstract.contains(s)))
    );
  });
  if (firstUseful >= 0 && (!opts.anchorAbstract || isAfter(segs[firstUseful], opts.anchorAbstract))) {
    const line = authorLine(segs[firstUseful]);
    if (line) {
      ({ authors, truncated } = line);
      rest = segs.slice(firstUseful + 1);
    }
  }
  if (opts.anchorAbstract) {
    abstract = clean(clean(opts.anchorAbstract.textContent).replace(ABSTRACT_PREFIX, ''));
  } else {
    const abs = rest.find((s) => {
      const t = clean(s.textContent);
      return t.length >= 40 && !TOOLBAR.test(t);
    });
    if (abs) abstract = clean(clean(abs.textContent).replace(ABSTRACT_PREFIX, ''));
  }
  if (!date) {
    // Entries of layout B may print a date line of their own.
    for (const s of segs) {
      const t = clean(s.textContent);
      if (t.length > 80) continue;
      const d = parseDisplayDate(t);
      if (d) {
        date = d;
        break;
      }
    }
  }

  const { arxiv, pdfUrl, url } = itemLinks(item, titleEl, base);
  const badge = codeBadge(item, base);
  if (opts.hasCode) badge.hasCode = true;
  return {
    title,
    authors,
    ...compact({
      authorsTruncated: truncated || undefined,
      year: date?.year,
      date: date?.date,
      abstract,
      categories: opts.categories,
      ids: compact({ arxiv }),
      url,
      pdfUrl,
      ...badge,
    }),
  };
}

/**
 * The author's affiliation: `itemprop=affiliation`, else the first heading/line after the name
 * heading and before the first paper that names an institution ("University of Frankfurt").
 */
function findAffiliation(
  doc: Document,
  name: string,
  items: Set<Element>,
  nameHeading: Element | undefined,
  firstItem: Element | undefined,
): string | undefined {
  const prop = doc.querySelector('[itemprop="affiliation"]');
  if (prop && clean(prop.textContent)) return clean(prop.textContent);
  for (const el of all(doc.body, 'h1,h2,h3,h4,h5,h6,p,address')) {
    if (firstItem && (firstItem.contains(el) || isAfter(firstItem, el))) break;
    if (el === nameHeading || (nameHeading && !isAfter(nameHeading, el)) || insideAny(items, el)) continue;
    const t = clean(el.textContent);
    if (!t || t.length > 150 || t === name || el.querySelector(BLOCK_SELECTOR)) continue;
    if (AFFILIATION.test(t) && !/[.!?]$/.test(t)) return t;
  }
  return undefined;
}

/** The person name a page is about, from its og:title/`<title>` ("Alex Lamb | Site"). */
function nameFromTitle(doc: Document): string | undefined {
  for (const s of [meta(doc, 'og:title'), clean(doc.querySelector('title')?.textContent)]) {
    const first = clean(s.split(/\s+[|–—·-]\s+|\s*[|·]\s*/)[0]);
    if (isPersonName(first)) return first;
  }
  return undefined;
}

/** What an author page holds. */
export interface AuthorPageAnalysis {
  layout: 'metrics' | 'abstracts';
  name: string;
  affiliation?: string;
  metrics: ReportedMetrics;
  papers: ScrapedPaper[];
}

/** A paper worth calling a card: a title plus authors or an abstract (not a stray dated line). */
function isCard(p: ScrapedPaper | undefined): p is ScrapedPaper {
  return !!p && (p.authors.length > 0 || !!p.abstract);
}

/** Analyse a page; undefined when it is not an author profile page. Pure; linear in the page size. */
export function analyseAuthorPage(doc: Document, url: URL): AuthorPageAnalysis | undefined {
  const body = doc.body;
  if (!body) return undefined;

  // One pass over the elements: metric pills, date anchors, "Abstract:" anchors.
  const pills: MetricPill[] = [];
  const dateAnchors: Element[] = [];
  const abstractAnchors: Element[] = [];
  for (const el of all(body, '*')) {
    if (SKIP_TAGS.has(el.tagName)) continue;
    const raw = el.textContent ?? '';
    if (ABSTRACT_ANCHOR.test(raw) && !Array.from(el.children).some((c) => ABSTRACT_ANCHOR.test(c.textContent ?? ''))) {
      abstractAnchors.push(el);
    }
    if (raw.length > 160) continue;
    const t = clean(raw);
    if (!t) continue;
    // The "33 Papers" list heading counts what is listed, not the author's reported metrics.
    if (!(/^H[1-6]$/.test(el.tagName) && PAPERS_HEADING.test(t))) {
      const pill = metricPill(el, t);
      if (pill) pills.push(pill);
    }
    if (t.length <= 80 && parseDisplayDate(t) && !Array.from(el.children).some((c) => parseDisplayDate(clean(c.textContent)))) {
      dateAnchors.push(el);
    }
  }

  const h1 = all(body, 'h1').find((h) => isPersonName(h.textContent));

  // Layout A: person h1 + ≥2 known metric pills in its header + cards (or an "N Papers" heading).
  if (h1) {
    const name = clean(h1.textContent);
    const cardOf = itemContainers(dateAnchors, (p) => p.contains(h1));
    const papers: ScrapedPaper[] = [];
    const cards: Element[] = [];
    for (const [anchor, card] of cardOf) {
      if (card === anchor || card.contains(h1)) continue;
      const metaEl = metaLine(anchor, card);
      const d = parseDisplayDate(clean(anchor.textContent)) ?? parseDisplayDate(anchor.getAttribute('datetime') ?? '');
      const info = metaInfo(metaEl, anchor);
      const p = paperFrom(card, url, {
        exclude: (el) => el === metaEl || metaEl.contains(el) || el.contains(metaEl),
        date: d,
        categories: info.categories,
        hasCode: info.code,
      });
      if (!isCard(p)) continue;
      cards.push(card);
      // The page's own person is never one of its papers.
      if (p.title.toLowerCase() !== name.toLowerCase()) papers.push(p);
    }
    const cardSet = new Set(cards);
    const firstCard = cards[0];
    const headerPills = pills.filter((p) => isAfter(h1, p.el) && !insideAny(cardSet, p.el) && (!firstCard || isAfter(p.el, firstCard)));
    let region: Element | undefined;
    let anc: Element | null = h1.parentElement;
    for (let i = 0; anc && i < 5 && anc.tagName !== 'HTML'; i++, anc = anc.parentElement) {
      const a = anc;
      const keys = new Set(
        headerPills
          .filter((p) => a.contains(p.el))
          .map((p) => metricKey(p.label))
          .filter((k) => k && k !== 'i10Index'),
      );
      if (keys.size >= 2) {
        region = a;
        break;
      }
      if (a.tagName === 'BODY') break;
    }
    const papersHeading = all(body, 'h2,h3,h4,h5').some((h) => PAPERS_HEADING.test(clean(h.textContent)));
    if (region && (cards.length > 0 || papersHeading)) {
      const r = region;
      const metrics = metricsFrom(headerPills.filter((p) => r.contains(p.el)));
      const affiliation = findAffiliation(doc, name, cardSet, h1, firstCard);
      return { layout: 'metrics', name, affiliation, metrics, papers };
    }
  }

  // Layout B: a person name + an affiliation heading + ≥2 entries with "Abstract:" blocks.
  if (abstractAnchors.length >= 2) {
    const name = h1 ? clean(h1.textContent) : nameFromTitle(doc);
    if (!name) return undefined;
    const entryOf = itemContainers(abstractAnchors, (p) => !!h1 && p.contains(h1));
    const papers: ScrapedPaper[] = [];
    const entries: Element[] = [];
    for (const [anchor, entry] of entryOf) {
      if (entry === anchor) continue;
      const p = paperFrom(entry, url, { exclude: (el) => el === anchor || anchor.contains(el), anchorAbstract: anchor });
      if (!p) continue;
      entries.push(entry);
      if (p.title.toLowerCase() !== name.toLowerCase()) papers.push(p);
    }
    if (papers.length < 2) return undefined;
    const entrySet = new Set(entries);
    // Without an h1, the element showing the name (a profile div) orders the header: a site tagline
    // above it ("Research papers by author") is not the affiliation.
    const nameEl = h1 ?? all(body, '*').find((e) => (e.textContent ?? '').length < 200 && clean(e.textContent) === name);
    const affiliation = findAffiliation(doc, name, entrySet, nameEl, entries[0]);
    // Without a name heading, the affiliation heading is what marks the page as a person's.
    if (!h1 && !affiliation) return undefined;
    const headerPills = h1 ? pills.filter((p) => isAfter(h1, p.el) && isAfter(p.el, entries[0])) : [];
    return { layout: 'abstracts', name, affiliation, metrics: metricsFrom(headerPills), papers };
  }
  return undefined;
}

function detect(url: URL, doc: Document): boolean {
  return analyseAuthorPage(doc, url) !== undefined;
}

function scrape(doc: Document, url: URL): ScrapeResult | null {
  const a = analyseAuthorPage(doc, url);
  if (!a) return null;
  const author: ScrapedAuthor = compact({
    name: a.name,
    url: url.href,
    affiliation: a.affiliation,
    metrics: a.metrics,
  });
  return { site: 'author-profile', kind: 'author', url: url.href, author, papers: a.papers };
}

/** Author pages of AI-paper sites recognised by structure (metrics header + paper cards, or abstract lists). */
export const authorProfile: Adapter = {
  id: 'author-profile',
  name: SITE_NAMES['author-profile'],
  detect,
  scrape,
};
