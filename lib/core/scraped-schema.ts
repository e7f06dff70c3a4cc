/**
 * Valibot schemas for data that crosses a trust boundary: scrape results sent by content scripts
 * (page-controlled text). Parsing strips unknown keys, bounds sizes, and checks URLs are http(s),
 * so nothing a page puts in a message reaches the database unchecked. The fields come from the
 * tables of lib/core/fields.ts (shared with the export format); the scraped shapes' TypeScript
 * types are inferred from these schemas (lib/core/types.ts).
 */
import * as v from 'valibot';
import { AUTHOR_FIELDS, METRIC_FIELDS, messageEntries, PAPER_FIELDS, PAPER_ID_FIELDS } from './fields';
import { msg } from './schema-kit';

export { stripControls } from './schema-kit';

/** Most papers accepted in one capture. */
export const MAX_PAPERS = 20_000;

/** What kind of page a capture came from. */
export const PAGE_KINDS = ['author', 'search', 'listing', 'paper'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const SiteIdSchema = msg.site();

export const PaperIdsSchema = v.object(messageEntries(PAPER_ID_FIELDS));
export type PaperIds = v.InferOutput<typeof PaperIdsSchema>;

/** A link to an author's profile on a site, seen next to a paper or as a co-author. */
export const ProfileRefSchema = v.object({
  name: msg.text(1000),
  /** The site's own profile id (Scholar `user=`, DBLP pid, S2 author id, ...). */
  id: v.optional(msg.text(500)),
  url: v.optional(msg.url()),
  affiliation: v.optional(msg.text(2000)),
});
export type ScrapedProfileRef = v.InferOutput<typeof ProfileRefSchema>;

export const ReportedMetricsSchema = v.object(messageEntries(METRIC_FIELDS));
export type ReportedMetrics = v.InferOutput<typeof ReportedMetricsSchema>;

/** A paper as one page shows it. */
export const ScrapedPaperSchema = v.object({
  ...messageEntries(PAPER_FIELDS),
  /** Profile links of the paper's authors on this site, keyed by display name. */
  authorProfiles: v.optional(msg.list(ProfileRefSchema, 5000)),
});
export type ScrapedPaper = v.InferOutput<typeof ScrapedPaperSchema>;

const { name: authorName, ...authorDetails } = messageEntries(AUTHOR_FIELDS);

/** The author an author page is about. */
export const ScrapedAuthorSchema = v.object({
  name: authorName,
  /** The site's own profile id. */
  id: v.optional(msg.text(500)),
  url: v.optional(msg.url()),
  ...authorDetails,
  metrics: v.optional(ReportedMetricsSchema),
  coauthors: v.optional(msg.list(ProfileRefSchema, 2000)),
});
export type ScrapedAuthor = v.InferOutput<typeof ScrapedAuthorSchema>;

/** Everything one adapter found on one page. */
export const ScrapeResultSchema = v.object({
  site: SiteIdSchema,
  kind: v.picklist(PAGE_KINDS),
  /** The page URL the result was scraped from. */
  url: msg.url(),
  /** Search query, for search pages. */
  query: v.optional(msg.text(2000)),
  /** Total result count the page reports, for search pages. */
  totalResults: v.optional(msg.count()),
  /** For author pages: the author; `papers` are then theirs. */
  author: v.optional(ScrapedAuthorSchema),
  papers: msg.list(ScrapedPaperSchema, MAX_PAPERS),
});
export type ScrapeResult = v.InferOutput<typeof ScrapeResultSchema>;

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
