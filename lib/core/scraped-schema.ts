/**
 * Valibot schemas for data that crosses a trust boundary: scrape results sent by content scripts
 * (page-controlled text). Parsing strips unknown keys, bounds sizes, and checks URLs are http(s),
 * so nothing a page puts in a message reaches the database unchecked.
 */
import * as v from 'valibot';
import { SITE_IDS } from './sites';

export { SITE_IDS };

/** Longest text field accepted (a 100 kB title is stored; a 10 MB one is not). */
export const MAX_TEXT = 200_000;
/** Most papers accepted in one capture. */
export const MAX_PAPERS = 20_000;

/**
 * Page text is stored as text, minus what can only deceive: NUL and other C0 controls, and the
 * bidi embedding/override controls that make "fdp.exe" display reversed
 * (U+202A–U+202E, U+2066–U+2069).
 */
export function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max), v.transform(stripControls));
const int = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e10));
const year = v.pipe(v.number(), v.integer(), v.minValue(1500), v.maxValue(2200));

/** http(s) URLs only: no `javascript:`, `data:` or `file:` links reach the library. */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
const httpUrl = v.pipe(v.string(), v.maxLength(8192), v.check(isHttpUrl, 'must be an http(s) URL'));

export const SiteIdSchema = v.picklist(SITE_IDS);

export const PaperIdsSchema = v.object({
  doi: v.optional(text(500)),
  arxiv: v.optional(text(100)),
  openreview: v.optional(text(200)),
  dblp: v.optional(text(500)),
  s2: v.optional(text(200)),
  scholar: v.optional(text(200)),
  acl: v.optional(text(200)),
});

export const ProfileRefSchema = v.object({
  name: text(1000),
  id: v.optional(text(500)),
  url: v.optional(httpUrl),
  affiliation: v.optional(text(2000)),
});

const counts = v.record(text(200), v.number());

export const ReportedMetricsSchema = v.object({
  citations: v.optional(int),
  hIndex: v.optional(int),
  i10Index: v.optional(int),
  papers: v.optional(int),
  since: v.optional(v.object({ year, citations: v.optional(int), hIndex: v.optional(int), i10Index: v.optional(int) })),
  citationsPerYear: v.optional(counts),
  other: v.optional(counts),
});

export const ScrapedPaperSchema = v.object({
  title: v.pipe(text(), v.trim(), v.minLength(1)),
  authors: v.pipe(v.array(text(1000)), v.maxLength(5000)),
  authorsTruncated: v.optional(v.boolean()),
  year: v.optional(year),
  date: v.optional(text(40)),
  venue: v.optional(text(2000)),
  abstract: v.optional(text()),
  tldr: v.optional(text(20_000)),
  categories: v.optional(v.pipe(v.array(text(200)), v.maxLength(100))),
  keywords: v.optional(v.pipe(v.array(text(500)), v.maxLength(200))),
  citations: v.optional(int),
  ids: v.optional(PaperIdsSchema),
  url: v.optional(httpUrl),
  pdfUrl: v.optional(httpUrl),
  codeUrl: v.optional(httpUrl),
  hasCode: v.optional(v.boolean()),
  type: v.optional(text(100)),
  authorProfiles: v.optional(v.pipe(v.array(ProfileRefSchema), v.maxLength(5000))),
});

export const ScrapedAuthorSchema = v.object({
  name: v.pipe(text(1000), v.trim(), v.minLength(1)),
  id: v.optional(text(500)),
  url: v.optional(httpUrl),
  affiliation: v.optional(text(2000)),
  interests: v.optional(v.pipe(v.array(text(500)), v.maxLength(200))),
  homepage: v.optional(httpUrl),
  metrics: v.optional(ReportedMetricsSchema),
  coauthors: v.optional(v.pipe(v.array(ProfileRefSchema), v.maxLength(2000))),
});

export const ScrapeResultSchema = v.object({
  site: SiteIdSchema,
  kind: v.picklist(['author', 'search', 'listing', 'paper']),
  url: httpUrl,
  query: v.optional(text(2000)),
  totalResults: v.optional(int),
  author: v.optional(ScrapedAuthorSchema),
  papers: v.pipe(v.array(ScrapedPaperSchema), v.maxLength(MAX_PAPERS)),
});

/** Human-readable summary of the first few validation issues, with their paths. */
export function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path?.map((p) => String(p.key)).join('.') ?? '';
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}
