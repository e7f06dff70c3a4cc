/**
 * DOM and text helpers shared by the site adapters. Pure: they read the document they are given
 * and never touch `window`/`location`, so adapters run the same in a content script and in tests.
 * Text clean-up and DOI/arXiv-id normalisation live in lib/core/text.ts (the file formats use them
 * too) and are re-exported here so adapters import their helpers from one place.
 */
import { clean } from '../../core/text';

export { clean, normalizeArxivId, normalizeDoi } from '../../core/text';

/** Cleaned textContent of the first match of `selector` under `root`, or '' when absent. */
export function text(root: ParentNode | null | undefined, selector?: string): string {
  if (!root) return '';
  const el = selector ? root.querySelector(selector) : (root as Node);
  return el ? clean(el.textContent) : '';
}

/** All matches of `selector` under `root`, as an array. */
export function all<E extends Element = Element>(root: ParentNode | null | undefined, selector: string): E[] {
  return root ? Array.from(root.querySelectorAll<E>(selector)) : [];
}

/**
 * Parse a count as sites print it: "1,338", "1.338", "1 338", "27,675 citations", "1.2k", "3M".
 * Returns undefined when there is no number.
 */
export function parseCount(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const t = clean(s);
  const m = t.match(/(\d[\d.,'\u00a0\u202f ]*)\s*([kKmM])?\b/);
  if (!m) return undefined;
  let digits = m[1].replace(/[\s\u00a0\u202f']/g, '').replace(/[.,]$/, '');
  const suffix = m[2]?.toLowerCase();
  if (suffix) {
    const v = parseFloat(digits.replace(',', '.'));
    if (!Number.isFinite(v)) return undefined;
    return Math.round(v * (suffix === 'k' ? 1e3 : 1e6));
  }
  // Group separators: "1,338" / "1.338" / "12,345,678". A single separator followed by exactly
  // three digits is a thousands separator; counts are integers so any other is a decimal point.
  if (/^\d{1,3}([.,]\d{3})+$/.test(digits)) digits = digits.replace(/[.,]/g, '');
  else digits = digits.replace(/[.,].*$/, '');
  const n = parseInt(digits, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** A plausible publication year (1800..next year) found in `s`, or undefined. */
export function parseYear(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const m = clean(s).match(/(?:^|[^\d])(1[89]\d\d|20\d\d)(?!\d)/);
  if (!m) return undefined;
  const y = parseInt(m[1], 10);
  return y <= new Date().getUTCFullYear() + 1 ? y : undefined;
}

/** Resolve `href` against the page URL; undefined for empty, `javascript:` and unparsable links. */
export function absUrl(href: string | null | undefined, base: URL | string): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h || /^(javascript|data|vbscript):/i.test(h) || h === '#') return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Content of `<meta name=…>` / `<meta property=…>` (first non-empty), cleaned. */
export function meta(doc: Document, name: string): string {
  for (const el of all<HTMLMetaElement>(doc, 'meta[name], meta[property]')) {
    const n = el.getAttribute('name') ?? el.getAttribute('property');
    if (n && n.toLowerCase() === name.toLowerCase()) {
      const c = clean(el.getAttribute('content'));
      if (c) return c;
    }
  }
  return '';
}

/** Drop undefined / empty-string / empty-array properties so results compare and store cleanly. */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/**
 * `compact` a paper but keep `title` and `authors`, which `ScrapedPaper` requires even when a page
 * shows no authors (compact would drop the empty list).
 */
export function compactPaper<T extends { title: string; authors: string[] }>(p: T): T {
  return { ...compact(p), title: p.title, authors: p.authors };
}
