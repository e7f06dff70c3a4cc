/**
 * IEEE Xplore adapter (ieeexplore.ieee.org): document pages `/document/<n>/` (and their
 * `/authors`, `/keywords`, … tabs, `/abstract/document/<n>`, the legacy
 * `/xpl/articleDetails.jsp?arnumber=<n>`).
 *
 * Xplore is an Angular app; what it shows comes from a JSON object the server writes into an
 * inline script, `xplGlobal.document.metadata={…};` (title, authors, abstract, publication
 * title, year and date, DOI, keywords, citation counts). That object is read as text and parsed
 * with JSON.parse — never evaluated — and trusted only when its article number is the URL's (the
 * app swaps documents without reloading). Its strings may carry markup (`<inline-formula>`,
 * `<sub>`), which is stripped as text. The page's meta tags are the base under it.
 */
import type { ScrapedPaper } from '../../core/types';
import { parseDate } from '../kit/dates';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, clean, normalizeDoi, parseCount, parseYear } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { cleanAbstract, cleanText, cleanTitle, decodeEntities, splitKeywords } from '../kit/metadata-text';

const ORIGIN = 'https://ieeexplore.ieee.org';
const MARKER = 'xplGlobal.document.metadata';

/** The article number of a document URL, or undefined. */
export function ieeeArticleNumber(url: URL): string | undefined {
  const m = url.pathname.match(/^\/(?:abstract\/)?document\/(\d+)(?:\/[\w-]*)*\/?$/i);
  if (m) return m[1];
  if (/^\/xpls?\/(?:articleDetails\.jsp|abs_all\.jsp|icp\.jsp)$/i.test(url.pathname)) {
    const n = url.searchParams.get('arnumber');
    return n && /^\d+$/.test(n) ? n : undefined;
  }
  return undefined;
}

/**
 * The object literal assigned after `marker` in `source` (`marker = {…};`), parsed as JSON: the
 * braces are matched outside string literals, so `};` inside a string does not end it. Undefined
 * when there is none or it is not JSON.
 */
export function jsonAfterMarker(source: string, marker: string): Record<string, unknown> | undefined {
  let at = source.indexOf(marker);
  while (at !== -1) {
    const rest = source.slice(at + marker.length);
    const m = rest.match(/^\s*=\s*/);
    if (m && rest[m[0].length] === '{') {
      const start = at + marker.length + m[0].length;
      let depth = 0;
      let inString = false;
      for (let i = start; i < source.length; i++) {
        const c = source[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) {
          try {
            const v: unknown = JSON.parse(source.slice(start, i + 1));
            return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
          } catch {
            return undefined;
          }
        }
      }
      return undefined;
    }
    at = source.indexOf(marker, at + marker.length);
  }
  return undefined;
}

/** The document metadata object of the page's inline scripts, or undefined. */
export function ieeeMetadata(doc: Document): Record<string, unknown> | undefined {
  for (const s of all<HTMLScriptElement>(doc, 'script:not([src])')) {
    const t = s.textContent ?? '';
    if (!t.includes(MARKER)) continue;
    const got = jsonAfterMarker(t, MARKER);
    if (got) return got;
  }
  return undefined;
}

/** A string or number of the metadata, with the HTML entities its strings carry ("&#x2014;") decoded. */
const str = (v: unknown): string => (typeof v === 'string' ? decodeEntities(v) : typeof v === 'number' ? String(v) : '');

/** Author display names of the metadata's `authors` (`name`, else first + last). */
function authorNames(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const a of v) {
    if (!a || typeof a !== 'object') continue;
    const r = a as Record<string, unknown>;
    const name = cleanText(str(r.name)) || clean(`${cleanText(str(r.firstName))} ${cleanText(str(r.lastName))}`);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Author keywords when the metadata has them, else the IEEE index terms. */
function keywordsOf(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const groups = v.filter((g): g is Record<string, unknown> => !!g && typeof g === 'object');
  const pick = (re: RegExp) => groups.find((g) => re.test(str(g.type)) && Array.isArray(g.kwd));
  const g = pick(/^author keywords/i) ?? pick(/^ieee keywords/i);
  return g ? splitKeywords((g.kwd as unknown[]).map(str)) : [];
}

/**
 * The date an IEEE publication date names: "Dec. 2008" → 2008-12, "15 March 2021" → 2021-03-15.
 * Conference ranges ("27-30 June 2016") give none: they are the meeting, not a day of issue.
 */
function publicationDate(s: string): string | undefined {
  if (/\d\s*[-–]\s*\d/.test(s)) return undefined;
  return parseDate(s).date;
}

function scrapeDocument(doc: Document, url: URL): Scraped | null {
  const number = ieeeArticleNumber(url);
  if (!number) return null;
  const meta = ieeeMetadata(doc);
  const md = meta && str(meta.articleNumber) === number ? meta : undefined;
  const site: Partial<ScrapedPaper> = { url: `${ORIGIN}/document/${number}/` };
  if (md) {
    const metrics = md.metrics && typeof md.metrics === 'object' ? (md.metrics as Record<string, unknown>) : {};
    const year = parseYear(str(md.publicationYear));
    site.title = cleanTitle(str(md.formulaStrippedArticleTitle) || str(md.title) || str(md.displayDocTitle));
    site.authors = authorNames(md.authors);
    site.year = year;
    site.date = publicationDate(clean(str(md.publicationDate)));
    site.venue = cleanText(str(md.displayPublicationTitle) || str(md.publicationTitle));
    site.abstract = cleanAbstract(str(md.abstract));
    site.keywords = keywordsOf(md.keywords);
    site.citations = parseCount(str(metrics.citationCountPaper));
    site.ids = { doi: normalizeDoi(str(md.doi)) };
    site.type = md.isConference === true ? 'inproceedings' : md.isJournal === true ? 'article' : undefined;
    // The "PDF" button's target (a viewer frame around the file), when the document has one.
    if (str(md.pdfUrl) || str(md.pdfPath)) site.pdfUrl = `${ORIGIN}/stamp/stamp.jsp?tp=&arnumber=${number}`;
  }
  const paper = fromEmbedded(doc, url, site, {
    // Xplore's og:/twitter: tags carry the page title only; its description is a cut abstract.
    take: ['title', 'authors', 'year', 'date', 'venue', 'ids'],
    // The title suffix of a head left over from the app shell: " - IEEE Xplore" / "IEEE Xplore".
    adjust: (p) => ({ ...p, title: p.title.replace(/\s*[|-]\s*IEEE (?:Xplore|Journals & Magazine|Conference Publication)\b.*$/i, '') }),
    trust: (p) => !/^IEEE Xplore\b/i.test(p.title),
  });
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** IEEE Xplore document pages. */
export const ieee = defineAdapter({
  id: 'ieee',
  hosts: ['ieeexplore.ieee.org'],
  route: (url) => (ieeeArticleNumber(url) ? 'paper' : null),
  scrape: scrapeDocument,
  urls: ['https://ieeexplore.ieee.org/document/7780459/', 'https://ieeexplore.ieee.org/document/4607247/keywords#keywords'],
});
