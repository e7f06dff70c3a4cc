/**
 * Links as adapters read them: parsing without throwing, a link's host or query parameter, and the
 * identifiers a URL names by its shape (a DOI in a resolver or publisher path, an arXiv id in an
 * arxiv.org abstract/PDF link), PDFs and code repositories. Pure.
 */
import { normalizeArxivId, normalizeDoi } from '../../core/text';
import { absUrl } from './dom';

/** `new URL(href, base)`, or undefined when it does not parse. */
export function parseUrl(href: string | null | undefined, base?: URL | string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** `href` resolved against the page as a URL object; undefined for empty, non-http(s) and unparsable links. */
export function resolveUrl(href: string | null | undefined, base: URL | string): URL | undefined {
  const abs = absUrl(href, base);
  return abs ? new URL(abs) : undefined;
}

/** Hostname of an absolute URL; '' when it does not parse. */
export function hostOf(href: string): string {
  return parseUrl(href)?.hostname ?? '';
}

/** The value of query parameter `name` in a link (resolved against `base`); undefined when absent or empty. */
export function queryParam(href: string | null | undefined, base: URL | string, name: string): string | undefined {
  return resolveUrl(href, base)?.searchParams.get(name) || undefined;
}

/** `decodeURIComponent`, keeping the input when it is not valid percent-encoding. */
export function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Hosts whose path is the DOI (doi.acm.org and doi.ieeecomputersociety.org are old publisher resolvers dblp linked). */
const DOI_RESOLVER = /^(?:dx\.)?doi\.org$|^doi\.acm\.org$|^doi\.ieeecomputersociety\.org$/i;

/** The DOI a resolver link names (`https://doi.org/10.1145/3292500.3330701`); undefined for other links. */
export function doiFromResolverUrl(href: string | null | undefined): string | undefined {
  const u = parseUrl(href);
  return u && DOI_RESOLVER.test(u.hostname) ? normalizeDoi(u.pathname.slice(1)) : undefined;
}

/**
 * The DOI a link names: a resolver link, or a publisher landing page whose path carries it
 * (`https://www.science.org/doi/abs/10.1126/science.1258096`, `…/doi/full/…`, `…/doi/pdf/…`).
 */
export function doiFromUrl(href: string | null | undefined): string | undefined {
  const u = parseUrl(href);
  if (!u) return undefined;
  if (DOI_RESOLVER.test(u.hostname)) return normalizeDoi(u.pathname.slice(1));
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  const m = path.match(/\/doi\/(?:(?:abs|full|pdf|epdf|pdfdirect|book|chapter)\/)?(10\.\d{4,9}\/.+)$/i);
  return m ? normalizeDoi(m[1]) : undefined;
}

/** Version-free arXiv id of an arxiv.org abstract or PDF link (`https://arxiv.org/pdf/1609.02907v4.pdf` → `1609.02907`). */
export function arxivIdFromLink(href: string | null | undefined): string | undefined {
  const u = parseUrl(href);
  if (!u || !/(^|\.)arxiv\.org$/i.test(u.hostname)) return undefined;
  // normalizeArxivId refuses "1805.02262.pdf" (a dot follows the id): the extension goes first.
  const m = u.pathname.match(/^\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/);
  return m ? normalizeArxivId(m[1]) : undefined;
}

/** Whether an absolute link is a PDF file: a `.pdf` path, or an arxiv.org `/pdf/` link. */
export function isPdfUrl(href: string): boolean {
  const u = parseUrl(href);
  if (!u) return false;
  return /\.pdf$/i.test(u.pathname) || (/(^|\.)arxiv\.org$/i.test(u.hostname) && u.pathname.startsWith('/pdf/'));
}

const REPO = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[\w.-]+\/[\w.-]+/i;

/** Whether a link is a code repository on GitHub, GitLab or Bitbucket. */
export function isRepoUrl(href: string): boolean {
  return REPO.test(href);
}

/** The first bare repository URL in plain text (comments that are not linked), trailing punctuation off. */
export function repoUrlInText(s: string): string | undefined {
  const m = s.match(/https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[\w.-]+\/[\w.-]+/);
  return m ? m[0].replace(/[.,;)]+$/, '') : undefined;
}

/** The page's own address: `url` without its query and fragment (a paper page's canonical link). */
export function pageUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
