/**
 * Text as embedded metadata carries it: tags left inside meta contents and JSON-LD strings,
 * literal entities, "[PDF]"/"Title:" decoration, "Abstract" labels, keyword strings, and the
 * dates metadata writes. Shared by the embedded-metadata readers (meta.ts, json-ld.ts,
 * microdata.ts, coins.ts) and the paper-card heuristic; pure.
 */
import type { ScrapedPaper } from '../../core/types';
import { isoDate, parseDate } from './dates';
import { clean, compact, compactPaper, parseYear } from './dom';

/** Remove HTML tags that some sites leave inside meta contents or JSON-LD strings ("<p>", "<i>"). */
function stripTags(s: string): string {
  // Block tags separate words; inline ones (<i>, <sub>: "CO<sub>2</sub>") do not.
  return s.replace(/<\/?(?:p|br|div|li|ul|ol|h[1-6]|section|jats:p|jats:sec|jats:title)\b[^<>]*>/gi, ' ').replace(/<\/?[a-z][^<>]*>/gi, '');
}

/** Decode the few entities JSON-LD strings carry literally (they are not HTML-decoded). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => safeChar(parseInt(d, 10)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function safeChar(n: number): string {
  return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
}

/** Clean free text from metadata: tags out, whitespace collapsed. */
export function cleanText(s: string | null | undefined): string {
  return s ? clean(stripTags(s)) : '';
}

/**
 * Clean a title: strip tags and site decoration ("[PDF]", "[HTML]", "Title:" labels). Keeps the
 * title's own punctuation.
 */
export function cleanTitle(s: string | null | undefined): string {
  let t = cleanText(s);
  t = t.replace(/^(\[(?:pdf|html|book|b|citation|c)\]\s*)+/i, '');
  t = t.replace(/^title\s*:\s*/i, '');
  // A closing period after a word is list decoration (dblp's microdata: "… Networks."); "U.S." stays.
  t = t.replace(/(?<=\p{Ll}{2}|\d)\.$/u, '');
  return clean(t);
}

/** Clean an abstract: strip tags and a leading "Abstract" label. */
export function cleanAbstract(s: string | null | undefined): string {
  const t = cleanText(s);
  const stripped = t.replace(/^abstract\s*[:.\-–—]?\s+/i, '');
  return stripped.length >= 20 ? stripped : t.length >= 20 ? t : '';
}

/** Normalised title for identity checks: lower-case, accent-free, alphanumerics only. */
export function titleKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Parse a date as metadata writes it: "2003/06/15", "2003.06.15", "2003-06-15T00:00:00Z", "2003-6",
 * "2003", and the worded forms kit/dates reads ("15 June 2003", "June 15, 2003", "Sept. 2003",
 * "6. Mai 2003"). Returns the ISO date (YYYY-MM-DD or YYYY-MM) when the value has a month, and the
 * year. A numeric date keeps its month when the day is out of range ("2003-06-00" → 2003-06);
 * "12/31/2003" and "31.12.2003" have no telling day/month order and give the year only.
 */
export function parseMetadataDate(s: string | null | undefined): { date?: string; year?: number } {
  const t = clean(s);
  if (!t) return {};
  const m = t.match(/^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/);
  if (m) {
    const year = parseYear(m[1]);
    if (!year) return {};
    const mo = m[2] ? parseInt(m[2], 10) : 0;
    const date = (m[3] ? isoDate(year, mo, parseInt(m[3], 10)) : undefined) ?? isoDate(year, mo);
    return date ? { year, date } : { year };
  }
  return parseDate(t);
}

/** Split keyword strings on ";" or ",", trimmed and de-duplicated (case-insensitive), in order. */
export function splitKeywords(values: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    for (const part of cleanText(v).split(/\s*[;,]\s*/)) {
      const k = clean(part);
      if (!k || seen.has(k.toLowerCase())) continue;
      seen.add(k.toLowerCase());
      out.push(k);
    }
  }
  return out;
}

/** Unique non-empty names in order. */
export function uniqueNames(names: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const n of names) {
    const c = clean(n);
    if (c && !seen.has(c.toLowerCase())) {
      seen.add(c.toLowerCase());
      out.push(c);
    }
  }
  return out;
}

/**
 * Build a paper: `compact` drops absent fields, but `authors` is required by `ScrapedPaper`, so
 * it is always kept (possibly empty).
 */
export function makePaper(p: Partial<ScrapedPaper> & { title: string }): ScrapedPaper {
  const ids = p.ids ? compact(p.ids) : undefined;
  return compactPaper({ ...p, ids, authors: p.authors ?? [] }) as ScrapedPaper;
}
