/**
 * Seed-style author pages (`seed-author`): author profiles on AI-paper sites whose markup we do not
 * know, recognised by STRUCTURE and TEXT PATTERNS instead of one site's class names, so they are
 * captured wherever they appear. Two layouts, both seen in pages users browse:
 *
 *  A. Metrics profile — a person-name `<h1>`, a header of label/number pills ("h-index27",
 *     "33papers", "27,675citations", "Novelty46%", "AI Score47"), a "33 Papers" list of cards,
 *     each with a meta line ("CVApr 1, 2022" + optional "Code" badge), title, authors ("… et al.")
 *     and abstract.
 *  B. Abstract list — a person name (`<h1>`, else the `<title>`), an affiliation heading
 *     ("University of Frankfurt"), then ≥2 entries of title, authors and an "Abstract: …" block.
 *
 * Owns page recognition and field extraction for these layouts; it also exports the small
 * structural helpers (segments, item containers, person-name test) that `seed-search` reuses.
 *
 * Category codes are kept AS SHOWN ("CV", "LG", "ML"): the page prints only the subject code, and
 * mapping it to an archive would be invention — "ML" is stat.ML (there is no cs.ML), "CO" may be
 * math.CO or stat.CO, "AP" math.AP or stat.AP. A full code shown by the page ("cs.CV") is kept as is.
 */
import type { Adapter, ReportedMetrics, ScrapeResult, ScrapedAuthor, ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, compact, meta, normalizeArxivId, parseCount, splitAuthors } from '../kit/dom';

// ---------------------------------------------------------------------------------------------
// Structural helpers (shared with seed-search)

/** Element tags that start a block; `LI` is deliberately absent so an author `<ul>` stays one segment. */
const BLOCK_TAGS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const BLOCK_SELECTOR = BLOCK_TAGS.join(',');
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);
const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6';

// Node constants, spelled out: the `Node` global is absent in some content-script/test contexts.
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FOLLOWING = 4;

/** True when `b` comes after `a` in document order. */
export function isAfter(a: Node, b: Node): boolean {
  return a !== b && (a.compareDocumentPosition(b) & FOLLOWING) !== 0;
}

/**
 * The innermost text blocks under `root`, in document order: elements with text and no block-level
 * descendant (a `<p>`, an inline-only `<div>`, a `<h3>`, an author `<ul>` of `<li>`s).
 */
export function segments(root: Element, out: Element[] = []): Element[] {
  for (const child of Array.from(root.children)) {
    if (SKIP_TAGS.has(child.tagName)) continue;
    if (!clean(child.textContent)) continue;
    if (child.querySelector(BLOCK_SELECTOR)) segments(child, out);
    else out.push(child);
  }
  return out;
}

/**
 * Text of `el` without the subtrees `skip` rejects (e.g. "(Show abstract)" toggles), cleaned.
 */
export function textWithout(el: Element, skip: (e: Element) => boolean): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === TEXT_NODE) parts.push(c.textContent ?? '');
      else if (c.nodeType === ELEMENT_NODE && !skip(c as Element) && !SKIP_TAGS.has((c as Element).tagName)) walk(c);
    }
  };
  walk(el);
  return clean(parts.join(''));
}

/**
 * The item (card / entry / result) each anchor belongs to: the highest ancestor that holds this
 * anchor and no other, and that does not contain a page-level landmark (`stop`). One pass over
 * the anchors' ancestor chains, so linear in anchors × depth.
 */
export function itemContainers(anchors: Element[], stop: (el: Element) => boolean): Map<Element, Element> {
  const counts = new Map<Element, number>();
  for (const a of anchors) {
    for (let p = a.parentElement; p; p = p.parentElement) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const out = new Map<Element, Element>();
  for (const a of anchors) {
    let c = a;
    for (;;) {
      const p = c.parentElement;
      if (!p || p.tagName === 'BODY' || p.tagName === 'HTML' || counts.get(p) !== 1 || stop(p)) break;
      c = p;
    }
    out.set(a, c);
  }
  return out;
}

const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'del',
  'della',
  'des',
  'du',
  'dos',
  'das',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'zu',
  'y',
  'e',
]);
/** Words that make a capitalised heading a page title rather than a person ("Accepted Papers"). */
const NOT_NAME_WORDS = new Set([
  'papers',
  'paper',
  'publications',
  'publication',
  'abstracts',
  'abstract',
  'search',
  'results',
  'result',
  'home',
  'about',
  'welcome',
  'proceedings',
  'accepted',
  'conference',
  'workshop',
  'journal',
  'volume',
  'issue',
  'university',
  'institute',
  'research',
  'program',
  'programme',
  'schedule',
  'session',
  'track',
  'news',
  'blog',
  'archive',
  'index',
  'contents',
  'list',
  'lab',
  'laboratory',
  'group',
  'team',
  'department',
  'school',
  'college',
  'center',
  'centre',
  'trending',
  'top',
  'latest',
  'recent',
  'popular',
  'library',
  'collection',
  'authors',
  'author',
  'profile',
  'login',
  'sign',
  'account',
  'settings',
  'page',
  'error',
  'access',
  'denied',
  'dashboard',
  'explore',
  'topics',
  'overview',
  'introduction',
  'chapter',
  'references',
  'citations',
  'citation',
  'metrics',
  'statistics',
  'store',
  'shop',
  'cart',
  'products',
  'product',
  'the',
  'of',
  'and',
  'for',
  'in',
  'on',
  'with',
  'how',
  'what',
  'why',
  'new',
  'best',
  'my',
  'our',
  'your',
  'models',
  'learning',
  'networks',
  'network',
  'deep',
  'neural',
  'data',
  'review',
  'reviews',
  'leaderboard',
  'benchmark',
  'benchmarks',
  'datasets',
  'dataset',
  'code',
  'tools',
]);

/**
 * Whether `s` reads like a person's display name: 2–5 capitalised tokens (particles such as
 * "van", "de" allowed), no digits, no page-title words; or 2–6 CJK characters.
 */
export function isPersonName(s: string | null | undefined): boolean {
  const t = clean(s);
  if (!t || t.length > 60 || /\d/.test(t)) return false;
  if (/^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}·・]{2,6}$/u.test(t)) return true;
  const tokens = t.split(' ');
  if (tokens.length < 2 || tokens.length > 5) return false;
  let caps = 0;
  for (const tok of tokens) {
    const low = tok.toLowerCase();
    if (NOT_NAME_WORDS.has(low.replace(/[^\p{L}]/gu, ''))) return false;
    if (NAME_PARTICLES.has(low)) continue;
    if (!/^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(tok)) return false;
    caps++;
  }
  return caps >= 2;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// No leading \b: the meta line prints the category glued to the month ("CVApr 1, 2022").
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_MDY = new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)(?!\\d)`);
const DATE_DMY = new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH},?\\s+((?:19|20)\\d\\d)(?!\\d)`);
const DATE_ISO = /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/;

/** A displayed date ("Apr 1, 2022", "1 Apr 2022", "2022-04-01") as ISO + year, with its match. */
export function parseDisplayDate(s: string): { date: string; year: number; index: number; length: number } | undefined {
  const iso = (y: number, m: number, d: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined;
  let m = DATE_MDY.exec(s);
  if (m) {
    const y = +m[3];
    const date = iso(y, MONTHS[m[1].slice(0, 3).toLowerCase()], +m[2]);
    if (date) return { date, year: y, index: m.index, length: m[0].length };
  }
  m = DATE_DMY.exec(s);
  if (m) {
    const y = +m[3];
    const date = iso(y, MONTHS[m[2].slice(0, 3).toLowerCase()], +m[1]);
    if (date) return { date, year: y, index: m.index, length: m[0].length };
  }
  m = DATE_ISO.exec(s);
  if (m) {
    const y = +m[1];
    const date = iso(y, +m[2], +m[3]);
    if (date) return { date, year: y, index: m.index, length: m[0].length };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Metrics header

const NUM = '\\d{1,3}(?:[,\\u00a0\\u202f ]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:\\s?[kKmM](?![a-zA-Z]))?';
const LABEL = "[A-Za-z](?:[A-Za-z0-9 .'’&/()-]{0,28}[A-Za-z)])?";
const PAIR_LABEL_FIRST = new RegExp(`^(${LABEL})\\s*:?\\s*(${NUM})\\s*(%?)$`);
const PAIR_NUM_FIRST = new RegExp(`^(${NUM})\\s*(%?)\\s*(${LABEL})$`);
const NUM_ONLY = new RegExp(`^(${NUM})\\s*(%?)$`);

/** One label/number pair of a metrics header. */
export interface MetricPair {
  label: string;
  /** The number as printed, without "%". */
  num: string;
  percent: boolean;
}

/** Split "h-index27", "33papers", "27,675 citations", "Novelty46%", "AI Score: 47" into a pair. */
export function matchMetricPair(s: string): MetricPair | undefined {
  const t = clean(s);
  if (!t || t.length > 48) return undefined;
  let m = PAIR_LABEL_FIRST.exec(t);
  if (m) return { label: clean(m[1]), num: m[2], percent: !!m[3] };
  m = PAIR_NUM_FIRST.exec(t);
  if (m) return { label: clean(m[3]), num: m[1], percent: !!m[2] };
  return undefined;
}

type KnownMetric = 'hIndex' | 'i10Index' | 'papers' | 'citations';

/** Map a metric label to a known `ReportedMetrics` field; undefined for site-specific labels. */
export function metricKey(label: string): KnownMetric | undefined {
  const k = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k === 'hindex') return 'hIndex';
  if (k === 'i10index') return 'i10Index';
  if (/^(papers?|publications?|pubs)$/.test(k)) return 'papers';
  if (/^(citations?|citedby|totalcitations|cites)$/.test(k)) return 'citations';
  return undefined;
}

/** A number as printed: counts via parseCount ("27,675", "1.2k"); scores keep decimals ("4.5"). */
function metricValue(num: string, integer: boolean): number | undefined {
  const t = num.replace(/[\s\u00a0\u202f]/g, '');
  if (integer || /^\d{1,3}(,\d{3})+$/.test(t) || /[kKmM]$/.test(t)) return parseCount(t);
  const v = parseFloat(t.replace(/,(?=\d{3}\b)/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

interface Pill extends MetricPair {
  el: Element;
}

/** Whether every child element of a pill holds only the label, the number, or decoration. */
function pillChildrenConsistent(el: Element, p: MetricPair): boolean {
  for (const c of Array.from(el.children)) {
    const ct = clean(c.textContent);
    if (!ct || !/[\p{L}\p{N}]/u.test(ct)) continue;
    if (ct === p.label || ct === p.num || ct === `${p.num}%`) continue;
    return false;
  }
  return true;
}

/** Known + other metrics from pills, first occurrence of a label winning. */
function metricsFrom(pills: Pill[]): ReportedMetrics {
  const m: ReportedMetrics = {};
  const other: Record<string, number> = {};
  for (const p of pills) {
    const key = metricKey(p.label);
    if (key) {
      if (m[key] !== undefined) continue;
      const v = metricValue(p.num, true);
      if (v !== undefined) m[key] = v;
    } else if (!(p.label in other)) {
      const v = metricValue(p.num, false);
      if (v !== undefined) other[p.label] = v;
    }
  }
  return compact({ ...m, other: compact(other) });
}

// ---------------------------------------------------------------------------------------------
// Page analysis

/** "33 Papers" list heading. */
const PAPERS_HEADING = /^\d[\d,.]*\s+(papers?|publications?)$/i;
/** Bare arXiv subject code as shown ("CV", "LG") or a full code ("cs.CV", "stat.ML", "hep-th"). */
const CATEGORY =
  /^(?:[A-Z]{2,3}|(?:cs|math|stat|eess|econ|q-bio|q-fin|physics|astro-ph|cond-mat|nlin|hep-[a-z]{2}|gr-qc|quant-ph|nucl-[a-z]{2}|math-ph)(?:\.[A-Za-z-]{2,})?)$/;
const CODE_BADGE = /^(?:<\/?>\s*)?(?:code|source code|code available|github)$/i;
/** Link toolbars that are neither authors nor abstract ("PDF · arXiv · BibTeX"). */
const TOOLBAR =
  /^(?:(?:pdf|arxiv|code|bibtex|cite|save|share|html|paper|project(?: page)?|video|slides|poster|openreview|github|doi|abs|website|blog|demo)\s*[·|•/,]?\s*)+$/i;
const ABSTRACT_PREFIX = /^abstract\s*[:：.]?\s*/i;
const ABSTRACT_ANCHOR = /^\s*abstract\s*[:：]\s*\S/i;
const AFFILIATION =
  /\b(Universit(?:y|é|ät|at|à|ad|ade|eit|y College)|Institut(?:e|o)?|College|School|Laborator(?:y|ies)|Lab|Labs|Research|Inc\.?|Ltd\.?|Corporation|Corp\.?|Company|Google|DeepMind|Microsoft|Meta|Facebook|OpenAI|Anthropic|NVIDIA|IBM|Amazon|Apple|Baidu|Alibaba|Tencent|Huawei|Mila|CNRS|INRIA|Inria|ETH|EPFL|MIT|CMU|Academy|Academia|Center|Centre|Hospital|Department|Dept\.?|Faculty|Polytechnic|Politecnico|Foundation)\b/;

const TRUNCATED = /(\.\.\.|…|\bet al\.?)$/i;
const SEPARATORS_ONLY = /^(?:[\s,;·•&]|\band\b|\bet al\.?|\.\.\.|…)*$/i;

/**
 * The author list a segment shows, or undefined when it reads as prose / a toolbar. Handles
 * "A, B and C et al." text and one element per author (links or `<li>`s) without separators.
 */
export function authorLine(seg: Element): { authors: string[]; truncated: boolean } | undefined {
  const t = clean(seg.textContent);
  if (!t || t.length > 3000 || ABSTRACT_PREFIX.test(t) || TOOLBAR.test(t)) return undefined;
  // Sentences end in a word and a full stop; "et al." and initials ("Ian J.") do not count.
  if (/[a-z]{3,}[.!?](?:\s|$)/.test(t.replace(/\bet al\.?/gi, ''))) return undefined;
  if (/[,;]|\s(and|&)\s/.test(t)) return splitAuthors(t);
  const kids = Array.from(seg.children)
    .map((c) => clean(c.textContent))
    .filter((c) => c && !/^(\.\.\.|…|et al\.?)$/i.test(c));
  if (kids.length >= 2 && kids.every((k) => k.length <= 80) && SEPARATORS_ONLY.test(textWithout(seg, () => true))) {
    return { authors: kids, truncated: TRUNCATED.test(t) };
  }
  if (t.split(' ').length <= 5) return splitAuthors(t);
  return undefined;
}

/** Strip site decoration from a title ("[PDF]", "Title:"). */
export function cleanTitle(s: string): string {
  return clean(
    clean(s)
      .replace(/^(?:\[(?:pdf|html|citation|book|code)\]\s*)+/i, '')
      .replace(/^title\s*:\s*/i, '')
      .replace(/\s*\[(?:pdf|forum|html|code)\]/gi, ''),
  );
}

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
  const ok = (el: Element) => !exclude(el) && !!cleanTitle(el.textContent ?? '') && !PAPERS_HEADING.test(clean(el.textContent));
  const h = all(item, HEADING_SELECTOR).find(ok);
  if (h) return h;
  return all(item, 'a[href]').find((a) => ok(a) && clean(a.textContent).length >= 10 && clean(a.textContent).includes(' '));
}

/** Whether `el` or one of its ancestors is in `set`. */
export function insideAny(set: Set<Element>, el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (set.has(e)) return true;
  return false;
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
  const title = cleanTitle(titleEl.textContent ?? '');
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

/** Analyse a page; undefined when it is not a seed-style author page. Pure; linear in the page size. */
export function analyseAuthorPage(doc: Document, url: URL): AuthorPageAnalysis | undefined {
  const body = doc.body;
  if (!body) return undefined;

  // One pass over the elements: metric pills, date anchors, "Abstract:" anchors.
  const pills: Pill[] = [];
  const dateAnchors: Element[] = [];
  const abstractAnchors: Element[] = [];
  const labelOnly = new RegExp(`^${LABEL}$`);
  for (const el of all(body, '*')) {
    if (SKIP_TAGS.has(el.tagName)) continue;
    const raw = el.textContent ?? '';
    if (ABSTRACT_ANCHOR.test(raw) && !Array.from(el.children).some((c) => ABSTRACT_ANCHOR.test(c.textContent ?? ''))) {
      abstractAnchors.push(el);
    }
    if (raw.length > 160) continue;
    const t = clean(raw);
    if (!t) continue;
    const pair = matchMetricPair(t);
    // The "33 Papers" list heading counts what is listed, not the author's reported metrics.
    if (pair && !(/^H[1-6]$/.test(el.tagName) && PAPERS_HEADING.test(t))) {
      if (!Array.from(el.children).some((c) => matchMetricPair(c.textContent ?? '')) && pillChildrenConsistent(el, pair)) {
        pills.push({ ...pair, el });
      }
    } else if (el.tagName === 'DT' && labelOnly.test(t)) {
      // <dt>h-index</dt><dd>27</dd>
      const dd = el.nextElementSibling;
      const v = dd?.tagName === 'DD' ? NUM_ONLY.exec(clean(dd.textContent)) : null;
      if (v) pills.push({ label: t, num: v[1], percent: !!v[2], el });
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
  return { site: 'seed-author', kind: 'author', url: url.href, author, papers: a.papers };
}

/** Author pages of AI-paper sites recognised by structure (metrics header + paper cards, or abstract lists). */
export const seedAuthor: Adapter = {
  id: 'seed-author',
  name: 'Author page (AI-paper site)',
  detect,
  scrape,
};
