/**
 * The small "in Paperdex" badge shown next to papers that were already in the library when a
 * listing or search page was opened. Rendered in a closed shadow root with inline !important host
 * styles so the page's CSS can neither restyle nor hide it, and inserted without text in the light
 * DOM, so it never changes a title's textContent (which adapters read) or the page's layout flow
 * beyond one inline pill. Its words are in the browser's UI language (content scripts have browser.i18n).
 */
import { titleKey } from '../core/normalize';
import { messageLocale, t } from '../i18n/i18n';
import type { ScrapedPaper } from '../core/types';

/** Custom element name of the badge host. */
export const BADGE_TAG = 'paperdex-badge';

/** Where sites put paper titles (specific first); any link or heading is the fallback. */
const TITLE_SELECTORS = [
  'h3.gs_rt', // Google Scholar search results
  'a.gsc_a_at', // Google Scholar profile rows
  'div.list-title', // arXiv listings ("Title: …")
  'li.arxiv-result p.title', // arXiv search
  'cite.data span.title', // DBLP
  '[data-test-id="title-link"]', // Semantic Scholar
  'li.note h4', // OpenReview listings
  '.note h4 a',
  'strong > a.align-middle', // ACL Anthology
  'h1, h2, h3, h4, h5, a',
].join(', ');

const BLOCK = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DIV', 'P', 'LI', 'TD']);

function keyOf(el: Element): string {
  return titleKey((el.textContent ?? '').replace(/^\s*title\s*:\s*/i, ''));
}

/** Map each paper to the element showing its title (or null), in one pass over the page. */
export function findTitleElements(doc: Document, papers: Pick<ScrapedPaper, 'title'>[]): (Element | null)[] {
  const wanted = new Map<string, number[]>();
  papers.forEach((p, i) => {
    const k = titleKey(p.title);
    if (!k) return;
    wanted.set(k, [...(wanted.get(k) ?? []), i]);
  });
  const out: (Element | null)[] = papers.map(() => null);
  if (!wanted.size) return out;
  for (const el of Array.from(doc.querySelectorAll(TITLE_SELECTORS))) {
    if (el.closest(BADGE_TAG)) continue;
    const text = el.textContent ?? '';
    if (text.length > 2000) continue;
    const idx = wanted.get(keyOf(el));
    if (!idx) continue;
    for (const i of idx) if (!out[i]) out[i] = el;
    wanted.delete(keyOf(el));
    if (!wanted.size) break;
  }
  return out;
}

function makeBadge(doc: Document): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute(
    'style',
    'display:inline-block !important;visibility:visible !important;opacity:1 !important;position:static !important;margin:0 0 0 6px !important;padding:0 !important;border:0 !important;vertical-align:middle !important;width:auto !important;height:auto !important;float:none !important;',
  );
  host.setAttribute('title', t('badge_title'));
  // The page may be in another language than the badge's words: screen readers pronounce them right.
  host.setAttribute('lang', messageLocale());
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    ':host{all:initial}span{display:inline-block;font:600 11px/16px system-ui,sans-serif;color:#1d4ea8;background:#e4ecfb;border:1px solid #c5d6f5;border-radius:999px;padding:0 7px;white-space:nowrap;letter-spacing:.2px}@media (prefers-color-scheme:dark){span{color:#cfe0ff;background:#23314d;border-color:#34507e}}';
  const pill = doc.createElement('span');
  pill.textContent = t('badge_label');
  root.append(style, pill);
  return host;
}

/**
 * Badge the papers marked known. Idempotent: an element already badged is left alone.
 * Returns how many badges are on the page for these papers.
 */
export function showBadges(doc: Document, papers: Pick<ScrapedPaper, 'title'>[], known: boolean[]): number {
  const els = findTitleElements(doc, papers);
  let n = 0;
  els.forEach((el, i) => {
    if (!el || !known[i]) return;
    const inside = BLOCK.has(el.tagName);
    const existing = inside
      ? el.querySelector(`:scope > ${BADGE_TAG}`)
      : el.nextElementSibling?.tagName.toLowerCase() === BADGE_TAG
        ? el.nextElementSibling
        : null;
    if (existing) {
      n++;
      return;
    }
    const badge = makeBadge(doc);
    if (inside) el.append(badge);
    else el.after(badge);
    n++;
  });
  return n;
}
