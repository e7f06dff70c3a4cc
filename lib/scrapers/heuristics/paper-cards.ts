/**
 * Listings of paper cards on unknown sites (lab and personal publication pages), recognised by
 * structure: blocks of one shape, each with a title, exactly one author line, a year or venue,
 * and evidence (a PDF/arXiv/DOI link or an "Abstract" toggle). Conservative: at least three cards,
 * never in reference lists, never on code hosts or sites with their own adapter. The generic
 * fallback (lib/scrapers/embedded/generic.ts) runs it when a page has no embedded metadata.
 */
import type { ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, normalizeArxivId, normalizeDoi, parseYear } from '../kit/dom';
import { REFERENCE_CONTAINERS } from '../kit/coins';
import { cleanAbstract, cleanTitle, makePaper } from '../kit/metadata-text';
import { BLOCK_TAGS } from '../kit/text';
import { parseAuthorLine } from './author-lines';

/**
 * Hosts where the paper-card heuristic must never run: code hosts (READMEs and awesome-lists look
 * like paper cards) and sites that have a dedicated adapter (their own adapter decides).
 */
const CARD_DENY_HOSTS =
  /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|huggingface\.co|arxiv\.org|semanticscholar\.org|openreview\.net|aclanthology\.org|dblp\.org|dblp\.uni-trier\.de|dblp\.dagstuhl\.de|wikipedia\.org|wikimedia\.org)$/i;

/** Whether the paper-card heuristic may run on this page's host. */
export function cardsAllowed(url: URL): boolean {
  return !CARD_DENY_HOSTS.test(url.hostname) && !/^scholar\.google\./i.test(url.hostname);
}

const EVIDENCE_HREF = /\.pdf(?:$|[?#])|^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/|^https?:\/\/(?:dx\.)?doi\.org\/10\./i;
const ABSTRACT_LABEL = /^\[?\s*(abstract|abs)\s*\]?$/i;
const LINK_WORDS =
  /^(pdf|paper|code|arxiv|doi|abs|abstract|bib|bibtex|cite|citation|slides?|video|poster|project|project page|page|website|html|blog|talk|data|dataset|demo|github|supp|supplementary|appendix|openreview|proceedings|link|url|preprint|media|press)$/i;

/** Whether an element is evidence that a block is a paper: a PDF/arXiv/DOI link or an "Abstract" toggle. */
function isEvidence(el: Element, base: URL): boolean {
  if (el.tagName === 'A') {
    const href = absUrl(el.getAttribute('href'), base);
    if (href && EVIDENCE_HREF.test(href)) return true;
    const t = clean(el.textContent);
    if (/^\[?\s*pdf\s*\]?$/i.test(t) && href) return true;
    return ABSTRACT_LABEL.test(t);
  }
  return ABSTRACT_LABEL.test(clean(el.textContent));
}

/** arXiv/DOI links and "Abstract" toggles; a bare PDF link is weaker evidence. */
function isStrongEvidence(el: Element, base: URL): boolean {
  if (el.tagName !== 'A') return true;
  const href = absUrl(el.getAttribute('href'), base) ?? '';
  if (/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/|^https?:\/\/(?:dx\.)?doi\.org\/10\./i.test(href)) return true;
  return ABSTRACT_LABEL.test(clean(el.textContent));
}

function evidenceElements(doc: Document, base: URL): Element[] {
  return all(doc.body ?? doc, 'a, button, summary').filter((el) => isEvidence(el, base));
}

/**
 * Whether the page may hold a listing of paper cards: the heuristic may run on its host, and it has
 * three pieces of evidence. Cheap: a single pass over links and toggles, no card is read.
 */
export function mayHoldCards(doc: Document, url: URL): boolean {
  if (!cardsAllowed(url)) return false;
  let n = 0;
  for (const el of all(doc.body ?? doc, 'a, button, summary')) if (isEvidence(el, url) && ++n >= 3) return true;
  return false;
}

/** Whether a link's label is only link words ("[PDF]", "arXiv", "Code", "Project page"). */
function isLinkLabel(s: string): boolean {
  const words = s
    .replace(/[[\]()|/·•]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => LINK_WORDS.test(w));
}

/**
 * Visual lines of a block: text split at block elements and `<br>`. Scripts, styles and the
 * labels of links like "[pdf]" / "code" are left out, so they do not stick to the venue line.
 */
function linesOf(root: Element): string[] {
  const lines: string[] = [];
  let cur = '';
  const flush = () => {
    const c = clean(cur.replace(/\[\s*\]|\(\s*\)|\|\s*(?=\||$)/g, ' '));
    if (c) lines.push(c);
    cur = '';
  };
  const walk = (n: Node, depth: number) => {
    if (depth > 30) return;
    if (n.nodeType === 3) {
      cur += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    if (tag === 'A' && isLinkLabel(clean(n.textContent))) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const c of Array.from(n.childNodes)) walk(c, depth + 1);
    if (block) flush();
    else if (tag === 'SUP') cur += ' ';
  };
  walk(root, 0);
  flush();
  return lines;
}
const VENUE_WORDS =
  /\b(proceedings|proc\.|conference|journal|trans(?:actions|\.)|workshop|symposium|letters|review|arxiv|preprint|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|coling|aaai|ijcai|kdd|sigir|www|chi|uist|siggraph|icra|iros|rss|corl|aistats|uai|colt|interspeech|icassp|miccai|tacl|jmlr|tpami|nature|science|thesis|press)\b/i;
const TITLE_SELECTOR = '.title, [class*="title"], h2, h3, h4, h5, h6, strong, b, .paper-title, .pub-title';

function isTitleLike(s: string): boolean {
  if (s.length < 10 || s.length > 400) return false;
  if (!/\s/.test(s)) return false;
  if (/^\d{4}$/.test(s) || isLinkLabel(s)) return false;
  return !parseAuthorLine(s);
}

/**
 * Split a line into sentences at ". " after a word (not after an initial: "J. Doe" stays whole),
 * so "A. Lee, B. Chan. NeurIPS, 2020" gives the author list and the venue.
 */
function splitSentences(s: string): string[] {
  return s
    .split(/(?<=\p{Ll}{2}|[\d)\]"”'’])\.\s+(?=\S)/u)
    .map((x) => clean(x.replace(/^[\s.,:;–—-]+/, '')))
    .filter(Boolean);
}

/** Strip list decoration from a card title: wrapping quotes, a trailing "." or ",". */
function cardTitle(s: string): string {
  let t = cleanTitle(s);
  t = t.replace(/^["“”'‘]+|["“”'’]+[.,]?$/g, '');
  t = t.replace(/[.,;:]$/, '');
  return clean(t);
}

interface Card {
  el: Element;
  paper: ScrapedPaper;
}

/**
 * Read one candidate block as a paper card. It must hold a title-like heading or link, exactly
 * one author-list line, a year or venue, and evidence (PDF/arXiv/DOI link or "Abstract").
 */
function readCard(el: Element, base: URL): ScrapedPaper | null {
  const len = (el.textContent ?? '').length;
  if (len < 30 || len > 6000) return null;
  if (el.closest(REFERENCE_CONTAINERS)) return null;
  const links = all<HTMLAnchorElement>(el, 'a[href]');
  const evidence = all(el, 'a, button, summary').filter((e) => isEvidence(e, base));
  if (!evidence.length) return null;
  // A PDF link alone is weak (blogs offer PDF versions of posts); arXiv/DOI links and "Abstract" are not.
  const strong = evidence.some((e) => isStrongEvidence(e, base));

  // Title: a title-classed element, heading or bold text; else the first substantial link.
  let titleEl: Element | undefined;
  for (const c of all(el, TITLE_SELECTOR)) {
    if (isTitleLike(clean(c.textContent))) {
      titleEl = c;
      break;
    }
  }
  if (!titleEl) titleEl = links.find((a) => isTitleLike(clean(a.textContent)));
  if (!titleEl) return null;
  const rawTitle = clean(titleEl.textContent);
  const title = cardTitle(rawTitle);
  if (!title) return null;

  // Authors: exactly one line, or one sentence of a line ("Title. A. Lee, B. Chan. NeurIPS, 2020."),
  // reads as an author list. What follows it is where the venue and year are.
  const lines = linesOf(el);
  const authorEls = all(el, '[class*="author"]').map((a) => clean(a.textContent));
  let authorsFound: { authors: string[]; truncated: boolean } | null = null;
  let after: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rest = clean(lines[i].replace(rawTitle, ' ').replace(/^[\s.,:;–—-]+/, ''));
    if (!rest || rawTitle.includes(rest)) continue;
    const parts = [rest, ...(rest !== lines[i] || /\.\s/.test(rest) ? splitSentences(rest) : [])];
    for (let j = 0; j < parts.length; j++) {
      const parsed = parseAuthorLine(parts[j], authorEls.includes(parts[j]) || authorEls.includes(lines[i]));
      if (!parsed) continue;
      // Two author lines mean the block holds several papers: not a card.
      if (authorsFound) return null;
      authorsFound = parsed;
      const inline = j === 0 ? [] : [parts.slice(j + 1).join('. ')].filter(Boolean);
      after = [...inline, ...lines.slice(i + 1)];
      break;
    }
  }
  if (!authorsFound) return null;
  // One author without "et al." reads like a blog byline unless the evidence is strong.
  if (authorsFound.authors.length < 2 && !authorsFound.truncated && !strong) return null;

  // Venue/year: the first text after the authors that names a venue or a year, not a links line.
  let venue = '';
  let year: number | undefined;
  for (const line of after) {
    if (line.length > 250 || line.includes(rawTitle) || isLinkLabel(line)) continue;
    const y = parseYear(line);
    if (!y && !VENUE_WORDS.test(line)) continue;
    year = y;
    venue = clean(
      line
        .replace(/^[\s.,:;–—-]+/, '')
        .replace(/^in\s*:?\s+/i, '')
        .replace(/[\s,.(]*\b(1[89]\d\d|20\d\d)\b\)?\.?$/, '')
        .replace(/[.,;:]$/, ''),
    );
    if (/^\d+$/.test(venue)) venue = '';
    break;
  }
  if (!year) {
    for (const line of lines) if (!year && !line.includes(rawTitle) && !parseAuthorLine(line)) year = parseYear(line);
  }
  if (!year && !venue) return null;

  // Links: the title link is the landing page (or the PDF); others by href or label.
  const titleLink = (titleEl.closest('a[href]') ?? titleEl.querySelector('a[href]')) as HTMLAnchorElement | null;
  const titleHref = titleLink ? absUrl(titleLink.getAttribute('href'), base) : undefined;
  let pdfUrl: string | undefined;
  let codeUrl: string | undefined;
  let doi: string | undefined;
  let arxiv: string | undefined;
  for (const a of links) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    const label = clean(a.textContent).replace(/[[\]]/g, '').trim();
    if (/^https?:\/\/(dx\.)?doi\.org\/10\./i.test(href)) doi = doi ?? normalizeDoi(href);
    else if (/^https?:\/\/(www\.|export\.)?arxiv\.org\/(abs|pdf)\//i.test(href)) arxiv = arxiv ?? normalizeArxivId(href);
    if (/\.pdf(?:$|[?#])/i.test(href) || /^pdf$/i.test(label)) pdfUrl = pdfUrl ?? href;
    else if (/^code$/i.test(label) || /^https?:\/\/(www\.)?(github\.com|gitlab\.com)\//i.test(href)) codeUrl = codeUrl ?? href;
  }
  let url: string | undefined;
  if (titleHref) {
    if (/\.pdf(?:$|[?#])/i.test(titleHref)) pdfUrl = pdfUrl ?? titleHref;
    else url = titleHref;
  }

  // Abstract: a details block or an element classed "abstract" holding prose.
  let abstract = '';
  for (const c of all(el, 'details, [class*="abstract"]')) {
    if (c.tagName === 'A' || c.tagName === 'BUTTON') continue;
    const summary = c.tagName === 'DETAILS' ? clean(c.querySelector('summary')?.textContent) : '';
    if (c.tagName === 'DETAILS' && !ABSTRACT_LABEL.test(summary)) continue;
    const body = clean((c.textContent ?? '').replace(summary, ''));
    if (body.length >= 80) {
      abstract = cleanAbstract(body);
      break;
    }
  }

  return makePaper({
    title,
    authors: authorsFound.authors,
    authorsTruncated: authorsFound.truncated || undefined,
    year,
    venue,
    abstract,
    ids: { doi, arxiv },
    url,
    pdfUrl,
    codeUrl,
  });
}

const REFERENCES_HEADING =
  /^(\d+\.?\s*)?(references|reference list|bibliography|works cited|literature cited|cited works|citations|notes|sources|further reading|literatur|références|referencias)$/i;

/**
 * Whether a list sits under a "References" heading: cited works of an article or blog post, not
 * a publication list. Looks at the few elements before the list and before its two ancestors.
 */
function underReferencesHeading(container: Element): boolean {
  let node: Element | null = container;
  for (let up = 0; node && up < 3; up++, node = node.parentElement) {
    let prev = node.previousElementSibling;
    for (let k = 0; prev && k < 3; k++, prev = prev.previousElementSibling) {
      if (/^H[1-6]$/.test(prev.tagName) || prev.getAttribute('role') === 'heading') return REFERENCES_HEADING.test(clean(prev.textContent));
      const h = prev.querySelector('h1, h2, h3, h4, h5, h6');
      if (h && clean(prev.textContent) === clean(h.textContent)) return REFERENCES_HEADING.test(clean(h.textContent));
    }
  }
  return false;
}

/** Tag plus sorted classes: cards of one listing share it. */
function signature(el: Element): string {
  return `${el.tagName}.${(el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).sort().join('.')}`;
}

/**
 * Find a listing of paper cards: for each piece of evidence, climb to the child of the lowest
 * ancestor that holds two or more same-signature blocks with evidence (the listing container);
 * that child is the card candidate. At least three valid cards are needed. Linear in the page
 * (ancestor climbs are bounded and memoised).
 */
export function cardPapers(doc: Document, base: URL): ScrapedPaper[] {
  const evidence = evidenceElements(doc, base);
  if (evidence.length < 3) return [];
  const MAX_DEPTH = 10;
  // Every ancestor (within MAX_DEPTH) holding evidence.
  const holds = new Set<Element>();
  for (const e of evidence) {
    let a: Element | null = e;
    for (let d = 0; a && d <= MAX_DEPTH; d++, a = a.parentElement) {
      if (holds.has(a)) break;
      holds.add(a);
    }
  }
  const parentCache = new Map<Element, Map<string, number>>();
  /** How many children of `parent` with signature `sig` hold evidence. */
  const countSame = (parent: Element, sig: string): number => {
    let m = parentCache.get(parent);
    if (!m) parentCache.set(parent, (m = new Map()));
    let n = m.get(sig);
    if (n === undefined) {
      n = 0;
      for (const c of Array.from(parent.children)) if (holds.has(c) && signature(c) === sig) n++;
      m.set(sig, n);
    }
    return n;
  };
  const candidates = new Set<Element>();
  const done = new Set<Element>();
  for (const e of evidence) {
    let child: Element | null = e;
    for (let d = 0; child && d < MAX_DEPTH; d++) {
      const parent: Element | null = child.parentElement;
      if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
      if (done.has(child)) break;
      done.add(child);
      // The listing container holds several same-looking blocks with evidence. A link group
      // ("[arXiv] [PDF]") looks like one too: a card must be a substantial block, not a link.
      const substantial = !/^(A|BUTTON|SUMMARY)$/.test(child.tagName) && (child.textContent ?? '').length >= 40;
      if (substantial && countSame(parent, signature(child)) >= 2) {
        candidates.add(child);
        break;
      }
      child = parent;
    }
  }
  const cards: Card[] = [];
  const refLists = new Map<Element, boolean>();
  for (const el of candidates) {
    const container = el.parentElement;
    if (!container) continue;
    let isRefs = refLists.get(container);
    if (isRefs === undefined) refLists.set(container, (isRefs = underReferencesHeading(container)));
    if (isRefs) continue;
    const paper = readCard(el, base);
    if (paper) cards.push({ el, paper });
  }
  // Candidates were found in document order (evidence is). Drop a card nested in another card.
  const cardEls = new Set(cards.map((c) => c.el));
  const out = cards.filter((c) => {
    for (let a = c.el.parentElement; a; a = a.parentElement) if (cardEls.has(a)) return false;
    return true;
  });
  return out.length >= 3 ? out.map((c) => c.paper) : [];
}
