/**
 * Google Scholar adapter: author profiles (`/citations?user=…`) and result lists (`/scholar?q=…`,
 * `cluster=`, `cites=`) on every Scholar country host. Owns Scholar's markup quirks only; CAPTCHA
 * ("unusual traffic") pages yield nothing.
 */
import { splitVenue } from '../../core/venues';
import { SCHOLAR_HOSTS, isScholarHost } from '../../core/hosts';
import type { ReportedMetrics, ScrapedAuthor, ScrapedPaper, ScrapedProfileRef } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compact, normalizeArxivId, parseCount, parseYear, text } from '../kit/dom';
import { splitAuthors } from '../kit/names';
import { visibleText } from '../kit/text';
import { arxivIdFromLink, doiFromUrl, queryParam, resolveUrl } from '../kit/urls';

// ---------------------------------------------------------------------------------------------
// URL shapes

/** Profile pages: `/citations?user=ID` alone or with `view_op=list_works` (sorting, paging). */
export function isProfileUrl(url: URL): boolean {
  if (!isScholarHost(url.hostname) || url.pathname !== '/citations') return false;
  const user = url.searchParams.get('user');
  const op = url.searchParams.get('view_op');
  return !!user && (!op || op === 'list_works');
}

/** Result lists: `/scholar` with a query, a cluster (versions), a cites (cited-by) or a library view. */
export function isSearchUrl(url: URL): boolean {
  if (!isScholarHost(url.hostname)) return false;
  const p = url.searchParams;
  // Lookup pages (links from publishers and reference managers): "Showing the best result for this search".
  if (url.pathname === '/scholar_lookup') return !!p.get('title');
  if (url.pathname !== '/scholar') return false;
  return ['q', 'as_q', 'as_epq', 'as_sauthors', 'cluster', 'cites', 'scilib'].some((k) => !!p.get(k));
}

/** Canonical profile URL on the page's host: `https://<host>/citations?user=<id>`. */
export function profileUrl(host: string, id: string): string {
  return `https://${host}/citations?user=${encodeURIComponent(id)}`;
}

/** The `user=` id of a `/citations?user=…` link, or undefined for any other link. */
export function userIdOf(href: string | null | undefined, base: URL): string | undefined {
  const u = resolveUrl(href, base);
  return u?.pathname === '/citations' ? u.searchParams.get('user') || undefined : undefined;
}

/** First decimal id of a `cites=`/`cluster=` parameter ("cites=1,2" lists merged clusters). */
export function clusterIdOf(href: string | null | undefined, base: URL, param: 'cites' | 'cluster'): string | undefined {
  const m = queryParam(href, base, param)?.match(/^\d+/);
  return m ? m[0] : undefined;
}

/**
 * A result's `data-cid` (e.g. "WMW1j8HoFyIJ") is the cluster id as 8 little-endian bytes in
 * URL-safe base64 plus one trailing byte: "WMW1j8HoFyIJ" → 2456688039791281496, the id in that
 * result's `cites=`/`cluster=` links (see https://scholar.google.com/scholar?q=crispr+cas9).
 * Used only when a result has neither link (a bare [CITATION]).
 */
export function decodeCid(cid: string | null | undefined): string | undefined {
  if (!cid || !/^[A-Za-z0-9_-]{11,12}$/.test(cid)) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let bits = 0n;
  let nbits = 0n;
  let value = 0n;
  let byteIndex = 0n;
  for (const ch of cid) {
    bits = (bits << 6n) | BigInt(alphabet.indexOf(ch));
    nbits += 6n;
    while (nbits >= 8n && byteIndex < 8n) {
      nbits -= 8n;
      const byte = (bits >> nbits) & 0xffn;
      value |= byte << (8n * byteIndex);
      byteIndex++;
      bits &= (1n << nbits) - 1n;
    }
  }
  return byteIndex === 8n && value > 0n ? value.toString() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Text helpers (private to Scholar's markup)

/**
 * Cleaned text of `el` without the descendants matching `skip`; `<br>` counts as a space (Scholar
 * snippets break lines with `<br>` and no surrounding whitespace).
 */
export function textWithout(el: Element | null | undefined, skip?: string): string {
  return visibleText(el, { skip, br: true });
}

/**
 * Scholar author lists: comma-separated, cut short with "..." (profiles) or "…" glued to the last
 * name (results: "DA Scott…"). Names stay as shown.
 */
export function splitScholarAuthors(s: string): { authors: string[]; truncated: boolean } {
  return splitAuthors(s, /\s*,\s*/);
}

/** Title decoration Scholar prefixes: "[PDF]", "[HTML]", "[CITATION]", "[C]", "[BOOK]", "[B]", localised. */
const TYPE_PREFIX = /^(?:\[\p{Lu}{1,12}\]\s*)+/u;

/** Strip leading "[PDF]"/"[CITATION][C]"-style type labels from a result title. */
export function stripTitlePrefix(s: string): string {
  return clean(clean(s).replace(TYPE_PREFIX, ''));
}

/** arXiv id a venue line names: "arXiv preprint arXiv:2104.01234", "CoRR abs/1609.02907". */
export function arxivFromVenue(venue: string | undefined): string | undefined {
  const m = venue?.match(/\barXiv:\s*(\S+)|\bCoRR,?\s+abs\/(\S+)/i);
  return m ? normalizeArxivId(m[1] ?? m[2]) : undefined;
}

/**
 * Total results from the header line: "About 594.000 results (0,04 sec)", "Page 2 of about
 * 594,000 results", "約 594,000 件中 2 ページ目": the largest count outside the timing parentheses.
 */
export function parseTotalResults(s: string): number | undefined {
  const t = clean(s).replace(/\([^)]*\)/g, ' ');
  let best: number | undefined;
  for (const m of t.match(/\d(?:[\d.,\u00a0\u202f ]*\d)?/g) ?? []) {
    const n = parseCount(m);
    if (n !== undefined && (best === undefined || n > best)) best = n;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// CAPTCHA / block pages

/**
 * Scholar's "Please show you're not a robot" page (#gs_captcha_ccl, served at the requested URL)
 * and Google's /sorry/ page (form#captcha-form, "unusual traffic").
 */
export function isBlocked(doc: Document, url: URL): boolean {
  if (url.pathname.startsWith('/sorry/')) return true;
  if (doc.querySelector('#gs_captcha_ccl, #gs_captcha_f, form#captcha-form')) return true;
  // The phrase alone could be a result snippet: count it only on a page with no content.
  if (doc.querySelector('.gs_r, #gsc_prf_in, #gsc_a_b')) return false;
  return /unusual traffic|not a robot/i.test(doc.body?.textContent ?? '');
}

// ---------------------------------------------------------------------------------------------
// Author profile

function styleNumber(el: Element, prop: 'right' | 'left'): number | undefined {
  const m = (el.getAttribute('style') ?? '').match(new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*(-?[\\d.]+)px`, 'i'));
  return m ? parseFloat(m[1]) : undefined;
}

interface Positioned {
  side?: 'right' | 'left';
  pos?: number;
}

function position(el: Element): Positioned {
  const r = styleNumber(el, 'right');
  if (r !== undefined) return { side: 'right', pos: r };
  const l = styleNumber(el, 'left');
  return l !== undefined ? { side: 'left', pos: l } : {};
}

/**
 * Citations per year from a histogram. Years with no citations have a label but no bar
 * (`.gsc_g_a`), so bars pair with the nearest year label by their `right:`/`left:` offset; labels
 * without a bar are 0. Without positions, bars pair by order only when the counts match.
 */
export function parseHistogram(root: ParentNode): Record<string, number> | undefined {
  const labels = all(root, '.gsc_g_t')
    .map((el) => ({ year: parseYear(el.textContent), ...position(el) }))
    .filter((l): l is { year: number } & Positioned => l.year !== undefined);
  const bars = all(root, '.gsc_g_a').map((el) => ({
    count: parseCount(text(el, '.gsc_g_al')) ?? parseCount(el.textContent) ?? 0,
    ...position(el),
  }));
  if (!labels.length || !bars.length) return undefined;
  const out: Record<string, number> = {};
  const positioned = bars.every((b) => b.side && labels.some((l) => l.side === b.side));
  if (positioned) {
    for (const l of labels) out[l.year] = 0;
    // A handful of labels (one per year): nearest-label search is cheap.
    for (const b of bars) {
      let best: (typeof labels)[number] | undefined;
      for (const l of labels) {
        if (l.side !== b.side) continue;
        if (!best || Math.abs(l.pos! - b.pos!) < Math.abs(best.pos! - b.pos!)) best = l;
      }
      if (best) out[best.year] = b.count;
    }
    return out;
  }
  if (labels.length !== bars.length) return undefined;
  labels.forEach((l, i) => (out[l.year] = bars[i].count));
  return out;
}

/**
 * Metrics table #gsc_rsb_st read by position, since its labels are localised ("Citations" /
 * "Zitate", "All" / "Alle", "Since 2014" / "Seit 2019"): rows citations, h-index, i10-index;
 * columns all-time, then "since <year>".
 */
export function parseMetricsTable(table: Element | null): ReportedMetrics {
  const m: ReportedMetrics = {};
  if (!table) return m;
  const head = all(table, 'thead th, thead td');
  const sinceYear = parseYear(head[2]?.textContent);
  const rows = all(table, 'tr').filter((tr) => tr.querySelector('td'));
  const keys = ['citations', 'hIndex', 'i10Index'] as const;
  const since: NonNullable<ReportedMetrics['since']> = { year: sinceYear ?? 0 };
  rows.slice(0, 3).forEach((tr, i) => {
    const cells = all(tr, 'td');
    const allTime = parseCount(cells[1]?.textContent);
    const recent = parseCount(cells[2]?.textContent);
    if (allTime !== undefined) m[keys[i]] = allTime;
    if (recent !== undefined) since[keys[i]] = recent;
  });
  if (sinceYear !== undefined && Object.keys(since).length > 1) m.since = since;
  return m;
}

function parseCoauthors(doc: Document, url: URL): ScrapedProfileRef[] {
  const out: ScrapedProfileRef[] = [];
  const seen = new Set<string>();
  // Sidebar list (#gsc_rsb_co); the "View all" dialog re-lists the same people.
  for (const desc of all(doc, '#gsc_rsb_co .gsc_rsb_a_desc, .gsc_rsb_aa .gsc_rsb_a_desc')) {
    const a = desc.querySelector('a[href*="user="]');
    const name = clean(a?.textContent);
    const id = userIdOf(a?.getAttribute('href'), url);
    if (!name || (id && seen.has(id))) continue;
    if (id) seen.add(id);
    const ext = all(desc, '.gsc_rsb_a_ext').find((e) => !e.classList.contains('gsc_rsb_a_ext2'));
    out.push(
      compact({
        name,
        id,
        url: id ? profileUrl(url.host, id) : undefined,
        affiliation: clean(ext?.textContent) || undefined,
      }),
    );
  }
  return out;
}

function parseProfilePaper(tr: Element, url: URL): ScrapedPaper | undefined {
  const a = tr.querySelector('a.gsc_a_at');
  const title = clean(a?.textContent);
  if (!a || !title) return undefined;
  // Older markup links the title; current markup has href="javascript:void(0)" + data-href.
  const href = absUrl(a.getAttribute('href'), url) ?? absUrl(a.getAttribute('data-href'), url);
  const grays = all(tr, '.gs_gray');
  const { authors, truncated } = splitScholarAuthors(grays[0]?.textContent ?? '');
  // The second line is "Carbon 140, 201-209<span class="gs_oph">, 2018</span>": drop the year.
  const venueLine = textWithout(grays[1], '.gs_oph').replace(/,\s*$/, '');
  const { venue, volume, issue, pages, truncated: venueTruncated } = splitVenue(venueLine);
  const year = parseYear(text(tr, '.gsc_a_y'));
  const cite = tr.querySelector('a.gsc_a_ac');
  // A blank "Cited by" cell is how Scholar shows zero citations.
  const citations = cite ? (parseCount(cite.textContent) ?? 0) : undefined;
  let scholar = clusterIdOf(cite?.getAttribute('href'), url, 'cites');
  if (!scholar && href) scholar = new URL(href).searchParams.get('citation_for_view') || undefined;
  const arxiv = arxivFromVenue(venue);
  return {
    title,
    authors,
    ...compact({
      authorsTruncated: truncated || undefined,
      year,
      venue,
      venueTruncated,
      volume,
      issue,
      pages,
      citations,
      ids: compact({ arxiv, scholar }),
      url: href,
    }),
  };
}

/** A byline's venue split into venue, volume, issue, pages (kit/venues.ts), as paper fields. */
function splitVenueFields(line: string | undefined) {
  const { venue, volume, issue, pages, truncated } = splitVenue(line);
  return { venue, venueTruncated: truncated, volume, issue, pages };
}

function scrapeProfile(doc: Document, url: URL): Scraped | null {
  const id = url.searchParams.get('user') ?? undefined;
  const name = text(doc, '#gsc_prf_in');
  const papers = all(doc, 'tr.gsc_a_tr')
    .map((tr) => parseProfilePaper(tr, url))
    .filter((p): p is ScrapedPaper => !!p);
  let author: ScrapedAuthor | undefined;
  if (name) {
    // The first line under the name is the affiliation; the email/homepage and interest lines
    // have ids. A profile without an affiliation starts with the email line.
    const affEl = all(doc, '#gsc_prf_i .gsc_prf_il, .gsc_prf_il').find((el) => el.id !== 'gsc_prf_ivh' && el.id !== 'gsc_prf_int');
    const hp = doc.querySelector('#gsc_prf_ivh a[href]');
    const metrics: ReportedMetrics = parseMetricsTable(doc.querySelector('#gsc_rsb_st'));
    // The sidebar histogram; the "View all" dialog may hold a copy: take the first with data.
    for (const box of all(doc, '.gsc_md_hist_b')) {
      const perYear = parseHistogram(box);
      if (perYear) {
        metrics.citationsPerYear = perYear;
        break;
      }
    }
    if (!metrics.citationsPerYear && !doc.querySelector('.gsc_md_hist_b')) {
      const perYear = parseHistogram(doc);
      if (perYear) metrics.citationsPerYear = perYear;
    }
    author = compact({
      name,
      id,
      url: id ? profileUrl(url.host, id) : undefined,
      // Scholar fills an empty affiliation with "Unknown affiliation": not an affiliation.
      affiliation: clean(affEl?.textContent).replace(/^unknown affiliation$/i, '') || undefined,
      interests: all(doc, '#gsc_prf_int a')
        .map((a) => clean(a.textContent))
        .filter(Boolean),
      homepage: absUrl(hp?.getAttribute('href'), url),
      metrics: compact(metrics),
      coauthors: parseCoauthors(doc, url),
    });
  }
  if (!author && !papers.length) return null;
  return { kind: 'author', ...(author ? { author } : {}), papers };
}

// ---------------------------------------------------------------------------------------------
// Result lists

/** The type-label spans Scholar puts before a title: [PDF], [HTML], [CITATION][C], [BOOK][B]. */
const TITLE_DECORATION = '.gs_ctc, .gs_ctu, .gs_ct1, .gs_ct2, .gs_ctg2';

/**
 * Split the `.gs_a` line "F Jiang, JA Doudna - Annual review of biophysics, 2017 - annualreviews.org"
 * into authors, venue and year. The venue may be cut ("Archives of Disease in …"): kept as shown.
 */
export function parseByline(s: string): { authors: string[]; truncated: boolean; venue?: string; year?: number } {
  const parts = clean(s).split(' - ');
  const { authors, truncated } = splitScholarAuthors(parts[0] ?? '');
  // With three parts the middle is "venue, year"; with two, the second is either that or the
  // source host alone ("books.google.com"), told apart by a trailing year.
  let middle = '';
  if (parts.length >= 3) middle = parts.slice(1, -1).join(' - ');
  else if (parts.length === 2 && /\b(1[89]\d\d|20\d\d)$/.test(parts[1])) middle = parts[1];
  const m = middle.match(/^(.*?)(?:,\s*|\s+|^)(1[89]\d\d|20\d\d)$/);
  const venue = clean(m ? m[1] : middle) || undefined;
  const year = m ? parseYear(m[2]) : undefined;
  return { authors, truncated, venue, year };
}

function parseResult(r: Element, url: URL): ScrapedPaper | undefined {
  const h3 = r.querySelector('h3.gs_rt, .gs_rt');
  const title = stripTitlePrefix(textWithout(h3, TITLE_DECORATION));
  if (!h3 || !title) return undefined;
  const titleLink = h3.querySelector('a[href]');
  const href = absUrl(titleLink?.getAttribute('href'), url);
  const gsA = r.querySelector('.gs_a');
  const byline = parseByline(gsA?.textContent ?? '');
  const authorProfiles: ScrapedProfileRef[] = [];
  for (const a of all(gsA, 'a[href]')) {
    const id = userIdOf(a.getAttribute('href'), url);
    const name = clean(a.textContent).replace(/…$/, '');
    if (id && name) authorProfiles.push({ name, id, url: profileUrl(url.host, id) });
  }
  const snippet = textWithout(r.querySelector('.gs_rs') ?? r.querySelector('.gs_fma_snp'));
  let citations: number | undefined;
  let cites: string | undefined;
  let cluster: string | undefined;
  for (const a of all(r, '.gs_fl a[href]')) {
    const h = a.getAttribute('href');
    if (!cites && /[?&]cites=\d/.test(h ?? '')) {
      cites = clusterIdOf(h, url, 'cites');
      citations = parseCount(a.textContent);
    } else if (!cluster && /[?&]cluster=\d/.test(h ?? '')) cluster = clusterIdOf(h, url, 'cluster');
  }
  const pdfLink = all(r, '.gs_or_ggsm a[href], .gs_ggsd a[href]').find((a) => /\[PDF\]/i.test(a.textContent ?? ''));
  const scholar = cites ?? cluster ?? decodeCid(r.getAttribute('data-cid'));
  // The title link is the publisher's page of this very work: a DOI or arXiv id in its path names it.
  const doi = doiFromUrl(href);
  const arxiv = arxivIdFromLink(href) ?? arxivFromVenue(byline.venue);
  return {
    title,
    authors: byline.authors,
    ...compact({
      authorsTruncated: byline.truncated || undefined,
      year: byline.year,
      ...splitVenueFields(byline.venue),
      abstract: snippet,
      citations,
      ids: compact({ doi, arxiv, scholar }),
      url: href,
      pdfUrl: absUrl(pdfLink?.getAttribute('href'), url),
      authorProfiles,
    }),
  };
}

/**
 * The result blocks of a Scholar list, found by their structure rather than one container class:
 * Scholar serves older and A/B-tested markup on its country domains (`.gs_r.gs_or` today, `.gs_r`
 * with `.gs_ri` before, bare blocks on lookup pages such as "Showing the best result for this
 * search"). A result is the largest block around one title (`.gs_rt`) that holds that title only,
 * with a byline (`.gs_a`) or a links row (`.gs_fl`); "User profiles for …" boxes are left out.
 */
export function resultBlocks(doc: Document): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  const root = doc.querySelector('#gs_res_ccl_mid') ?? doc.querySelector('#gs_res_ccl') ?? doc.body;
  if (!root) return out;
  for (const title of all(root, 'h3.gs_rt, div.gs_rt')) {
    let block: Element = title;
    // Climb while the parent still holds only this title (Scholar pages have at most ~20 results).
    while (block.parentElement && block.parentElement !== root && block.parentElement.querySelectorAll('.gs_rt').length === 1)
      block = block.parentElement;
    if (seen.has(block)) continue;
    // "User profiles for …" links to the author search; a result has a byline or a links row.
    if (title.querySelector('a[href*="view_op=search_authors"]')) continue;
    if (!block.matches('.gs_or') && !block.querySelector('.gs_a, .gs_fl')) continue;
    seen.add(block);
    out.push(block);
  }
  return out;
}

function scrapeSearch(doc: Document, url: URL): Scraped | null {
  const papers = resultBlocks(doc)
    .map((r) => parseResult(r, url))
    .filter((p): p is ScrapedPaper => !!p);
  if (!papers.length) return null;
  const query = clean(url.searchParams.get('q') ?? url.searchParams.get('as_q'));
  const totalResults = parseTotalResults(text(doc, '#gs_ab_md'));
  return { kind: 'search', ...compact({ query, totalResults }), papers };
}

// ---------------------------------------------------------------------------------------------

/** Google Scholar: author profiles and result lists on every Scholar host. */
export const googleScholar = defineAdapter({
  id: 'google-scholar',
  hosts: SCHOLAR_HOSTS,
  route: (url): 'author' | 'search' | null => (isProfileUrl(url) ? 'author' : isSearchUrl(url) ? 'search' : null),
  blocked: isBlocked,
  scrape: { author: scrapeProfile, search: scrapeSearch },
  urls: [
    'https://scholar.google.ca/citations?user=8daWuo4AAAAJ&hl=en',
    'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9',
  ],
});
