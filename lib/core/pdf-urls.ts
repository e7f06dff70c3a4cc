/**
 * PDF URLs of the sites Paperdex knows: which paper a PDF is (its strong id where the URL carries
 * one), and the landing page that describes it. No content script runs in the browser's PDF viewer,
 * so an opened PDF is recognised from its URL alone (the background sees it in tab updates on hosts
 * Paperdex has permission for). Pure.
 */
import type { PaperIds, SiteId } from './types';

/** What a PDF URL says about its paper. */
export interface PdfPaper {
  site: SiteId;
  /** Strong ids read off the URL (may be empty: proceedings without ids). */
  ids: PaperIds;
  /** The paper's landing page on the same site. */
  landing: string;
  /** The PDF URL, normalised (https, no fragment). */
  pdf: string;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
// New-style (2301.00001, 0704.0001) and old-style (hep-th/9901001, math.GT/0309136) arXiv ids.
const ARXIV_ID = /^((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(v\d+)?(?:\.pdf)?$/;

/**
 * The paper a PDF URL is, or null when `href` is not a PDF URL of a known site.
 * Examples: https://arxiv.org/pdf/1706.03762v5, https://openreview.net/pdf?id=B1x…,
 * https://aclanthology.org/2021.naacl-main.208.pdf,
 * https://proceedings.neurips.cc/paper_files/paper/2023/file/<hash>-Paper-Conference.pdf,
 * https://proceedings.mlr.press/v202/smith23a/smith23a.pdf,
 * https://openaccess.thecvf.com/content/CVPR2023/papers/X_CVPR_2023_paper.pdf,
 * https://jmlr.org/papers/volume24/22-0001/22-0001.pdf,
 * https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1.full.pdf.
 */
export function pdfPaperOf(href: string): PdfPaper | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase();
  const path = decodeURIComponent(u.pathname);
  const pdf = `https://${host}${u.pathname}${u.search}`;

  if (ARXIV_HOSTS.has(host)) {
    const m = path.match(/^\/pdf\/(.+?)\/?$/);
    const id = m?.[1].match(ARXIV_ID);
    if (!id) return null;
    return { site: 'arxiv', ids: { arxiv: id[1] }, landing: `https://arxiv.org/abs/${id[1]}`, pdf };
  }
  if (host === 'openreview.net' && path === '/pdf') {
    const id = u.searchParams.get('id');
    if (!id || !/^[\w-]{4,}$/.test(id)) return null;
    return { site: 'openreview', ids: { openreview: id }, landing: `https://openreview.net/forum?id=${id}`, pdf };
  }
  if (host === 'aclanthology.org') {
    // New ids (2021.naacl-main.208) and old ones (P19-1001).
    const m = path.match(/^\/((?:\d{4}\.[a-z\d-]+\.\d+)|(?:[A-Z]\d{2}-\d{4}))\.pdf$/i);
    if (!m) return null;
    return { site: 'acl-anthology', ids: { acl: m[1] }, landing: `https://aclanthology.org/${m[1]}/`, pdf };
  }
  if (host === 'proceedings.neurips.cc' || host === 'papers.nips.cc' || host === 'papers.neurips.cc') {
    // …/paper/2020/file/<hash>-Paper.pdf → …/paper/2020/hash/<hash>-Abstract.html, and the
    // 2022+ track suffixes (-Paper-Conference.pdf → -Abstract-Conference.html).
    const m = path.match(/^(\/(?:paper_files\/)?paper\/\d{4})\/file\/([\da-f]{16,40})-Paper(-[\w]+)?\.pdf$/);
    if (!m) return null;
    return { site: 'neurips', ids: {}, landing: `https://${host}${m[1]}/hash/${m[2]}-Abstract${m[3] ?? ''}.html`, pdf };
  }
  if (host === 'proceedings.mlr.press') {
    const m = path.match(/^\/(v\d+)\/([\w-]+)\/\2\.pdf$/);
    if (!m) return null;
    return { site: 'pmlr', ids: {}, landing: `https://proceedings.mlr.press/${m[1]}/${m[2]}.html`, pdf };
  }
  if (host === 'openaccess.thecvf.com') {
    const m = path.match(/^(\/content(?:_[A-Za-z]+_\d{4}|\/[\w]+))\/papers\/(.+)\.pdf$/);
    if (!m) return null;
    return { site: 'cvf', ids: {}, landing: `https://openaccess.thecvf.com${m[1]}/html/${m[2]}.html`, pdf };
  }
  if (host === 'jmlr.org' || host === 'www.jmlr.org') {
    const m = path.match(/^\/papers\/volume(\d+)\/([\w-]+)\/\2\.pdf$/);
    if (!m) return null;
    return { site: 'jmlr', ids: {}, landing: `https://jmlr.org/papers/v${m[1]}/${m[2]}.html`, pdf };
  }
  if (host === 'www.biorxiv.org' || host === 'www.medrxiv.org') {
    const m = path.match(/^\/content\/(10\.1101\/[\d.]+)(v\d+)?(?:\.full)?\.pdf$/);
    if (!m) return null;
    return { site: 'biorxiv', ids: { doi: m[1].toLowerCase() }, landing: `https://${host}/content/${m[1]}${m[2] ?? ''}`, pdf };
  }
  return null;
}

/**
 * Whether a tab title is the paper's title rather than the viewer's file name or a bare id
 * ("1706.03762v5.pdf", "pdf", "arXiv:1706.03762", the URL itself).
 */
export function isRealTitle(title: string | undefined, href: string): title is string {
  const t = title?.trim();
  if (!t || t.length < 8 || t.length > 1000) return false;
  if (t === href || /^https?:\/\//i.test(t)) return false;
  if (/\.pdf$/i.test(t) || /^[\w.-]+$/.test(t)) return false;
  if (/^(arxiv:)?\s*[\d.]+(v\d+)?$/i.test(t)) return false;
  // The viewer's own name while it loads or when the PDF has no title (Firefox: "PDF.js viewer").
  if (/^(pdf(\.js)?\s+viewer|pdf\s+document|untitled|loading…?|loading\.\.\.)$/i.test(t)) return false;
  return /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(t);
}

/**
 * The lookup key of a landing page (`landing:<url>`, no fragment, no trailing slash): records known
 * only from an opened PDF carry it in `idKeys`, so the capture of that page finds them.
 */
export function landingKey(url: string): string {
  return `landing:${url
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^http:/, 'https:')}`;
}
