/**
 * COinS (https://en.wikipedia.org/wiki/COinS): OpenURL ContextObjects in `span.Z3988` titles.
 * Parses the KEV string and reads the work it describes; spans that describe cited works
 * (reference lists, MediaWiki citation templates) are left out.
 */
import type { ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, normalizeArxivId, normalizeDoi } from './dom';
import { cleanText, cleanTitle, makePaper, parseMetadataDate, uniqueNames } from './metadata-text';

/** Containers of reference lists: COinS and paper cards inside them describe cited works, not the page. */
export const REFERENCE_CONTAINERS =
  'ol.references, .references, .reflist, .refbegin, #references, .ref-list, .reference-list, [role="doc-bibliography"], .citation-references';

/** Parse an OpenURL ContextObject (KEV) string into key → values, in order. */
export function parseContextObject(kev: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const pair of kev.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawVal = eq < 0 ? '' : pair.slice(eq + 1);
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s.replace(/\+/g, ' ');
      }
    };
    const key = dec(rawKey).trim();
    const val = clean(dec(rawVal));
    if (!key || !val) continue;
    const list = map.get(key);
    if (list) list.push(val);
    else map.set(key, [val]);
  }
  return map;
}

/** A paper from one COinS ContextObject (the span's `title`), or null without a title. */
export function coinsPaper(kev: string): ScrapedPaper | null {
  const co = parseContextObject(kev);
  const get = (k: string) => co.get(k)?.[0] ?? '';
  const atitle = get('rft.atitle');
  const btitle = get('rft.btitle');
  const rtitle = get('rft.title');
  const jtitle = get('rft.jtitle');
  const fmt = get('rft_val_fmt');
  const genre = get('rft.genre').toLowerCase();
  // In the journal format, a bare rft.title names the journal (OpenURL 0.1 `title`), not the article.
  const journalTitleOnly = /fmt:kev:mtx:journal/.test(fmt) && !atitle && (genre === 'journal' || genre === 'issue');
  const title = cleanTitle(atitle || btitle || (journalTitleOnly ? '' : rtitle));
  if (!title) return null;
  const au = co.get('rft.au') ?? [];
  const first = clean(`${get('rft.aufirst') || get('rft.auinit')} ${get('rft.aulast')}`) || get('rft.aucorp');
  const authors = [...au];
  const last = get('rft.aulast').toLowerCase();
  if (first && !au.some((a) => (last ? a.toLowerCase().includes(last) : a === first))) authors.unshift(first);
  const dated = parseMetadataDate(get('rft.date'));
  let doi: string | undefined;
  let arxiv: string | undefined;
  let link: string | undefined;
  for (const id of co.get('rft_id') ?? []) {
    if (/^info:doi\//i.test(id) || /^https?:\/\/(dx\.)?doi\.org\//i.test(id)) doi = doi ?? normalizeDoi(id.replace(/^info:doi\//i, ''));
    else if (/^info:arxiv\//i.test(id) || /arxiv\.org\/abs\//i.test(id))
      arxiv = arxiv ?? normalizeArxivId(id.replace(/^info:arxiv\//i, ''));
    else if (/^https?:\/\//i.test(id)) link = link ?? absUrl(id, 'https://invalid.invalid/');
  }
  const venue = jtitle || (atitle && btitle) || (atitle && rtitle) || get('rft.series') || get('rft.inst') || get('rft.pub') || '';
  return makePaper({
    title,
    authors: uniqueNames(authors),
    year: dated.year,
    date: dated.date,
    venue: cleanText(venue),
    ids: { doi, arxiv },
    url: link,
  });
}

/**
 * Papers of the page's COinS spans (span.Z3988), except those describing cited works: spans in
 * reference lists and MediaWiki citation templates (rfr_id info:sid/…wikipedia.org).
 */
export function coinsPapers(doc: Document): ScrapedPaper[] {
  const papers: ScrapedPaper[] = [];
  for (const span of all(doc, '.Z3988[title]')) {
    if (span.closest(REFERENCE_CONTAINERS)) continue;
    const kev = span.getAttribute('title') ?? '';
    if (/rfr_id=info(%3A|:)sid(%2F|\/)[^&]*wiki/i.test(kev)) continue;
    const p = coinsPaper(kev);
    if (p) papers.push(p);
  }
  return papers;
}
