/**
 * Reading a capture message row by row, so one bad row costs that row only. The envelope (site,
 * kind, url, query, author …) is validated as a whole: without it nothing can be stored. Papers are
 * validated one by one with {@link ScrapedPaperSchema}: a row over a bound is dropped with a reason
 * a user can read (row 31: 5,001 authors, at most 5,000); rows past {@link MAX_PAPERS} are not
 * read at all and the capture says it kept the first N. Bounds are unchanged: a too-long title is
 * rejected, not cut, because a cut title would merge with, or stand in for, the real paper.
 *
 * Reasons are data (a {@link RowIssue} per row), not sentences: the popup words them in the user's
 * language (components/PageStatus.tsx `rowReasonText`); this layer has no access to localised text.
 */
import * as v from 'valibot';
import { describeIssues, MAX_PAPERS, ScrapedPaperSchema, ScrapeResultSchema } from './scraped-schema';
import type { ScrapeResult } from './scraped-schema';

/** Reasons kept per capture (the count is always exact): the popup shows a compact list. */
export const MAX_REASONS = 10;
/** Longest free-text reason or field path: it may quote page-controlled text (a picklist value), kept short. */
const MAX_REASON = 200;

/**
 * Why one row was rejected, as data for the popup to word. `field` is the paper field's path as
 * the schema names it ("authors", "title", "ids.doi").
 */
export type RowIssue =
  /** A list with too many entries: "5,001 authors (at most 5,000)". */
  | { type: 'tooMany'; field: string; count: number; max: number }
  /** A text over its bound; `item` (1-based) when it is an entry of a list: "author 12 longer than 1,000 characters". */
  | { type: 'tooLong'; field: string; item?: number; max: number }
  /** A required field absent: "no title". */
  | { type: 'missing'; field: string }
  /** A title of white space only. */
  | { type: 'blankTitle' }
  /** Anything else, in the schema's words ("url: must be an http(s) URL"). */
  | { type: 'other'; text: string };

/** A rejected row: its 1-based position on the page and why. */
export interface RowReason {
  row: number;
  issue: RowIssue;
}

/** What was left out of a capture, for the popup. */
export interface RowReport {
  /** Rows the page sent. */
  total: number;
  /** Rows stored. */
  captured: number;
  /** Rows rejected by a bound (page order). */
  skipped: number;
  /** The first {@link MAX_REASONS} reasons (row 31: 5,001 authors, at most 5,000). */
  reasons: RowReason[];
  /** Set when the page sent more rows than a capture takes: only the first `limit` were read. */
  limit?: number;
}

/** A capture read row by row. */
export type ParsedScrape =
  | {
      ok: true;
      /** The envelope and the valid rows, in page order. */
      result: ScrapeResult;
      report: RowReport;
      /** Page indexes (0-based) of the rows `result.papers` lacks, ascending (rejected or past the limit). */
      dropped: number[];
    }
  /** `error`: what is wrong with the envelope ("url: must be an http(s) URL"); the background words the sentence. */
  | { ok: false; error: string };

/** Everything of a scrape result but its papers, which must only be an array here. */
const EnvelopeSchema = v.object({ ...ScrapeResultSchema.entries, papers: v.array(v.unknown()) });

/** The fields whose entries a reason counts ("5,001 authors"); others are named by their path. */
const LIST_FIELDS = new Set(['authors', 'authorProfiles', 'categories', 'keywords']);

const cut = (text: string) => (text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text);

/** Why a row failed its schema: too many entries, a text too long, a field missing, a blank title, else the schema's words. */
export function describeRowIssue(issue: v.BaseIssue<unknown>): RowIssue {
  const keys = issue.path?.map((p) => p.key) ?? [];
  const field = typeof keys[0] === 'string' ? keys[0] : '';
  const path = cut(keys.map(String).join('.'));
  const max = typeof issue.requirement === 'number' ? issue.requirement : undefined;
  if (issue.type === 'max_length' && max !== undefined && Array.isArray(issue.input)) {
    return { type: 'tooMany', field: LIST_FIELDS.has(field) ? field : path, count: issue.input.length, max };
  }
  if (issue.type === 'max_length' && max !== undefined && typeof issue.input === 'string') {
    // An item of a list: "author 12 longer than 1,000 characters".
    if (LIST_FIELDS.has(field) && typeof keys[1] === 'number') return { type: 'tooLong', field, item: keys[1] + 1, max };
    return { type: 'tooLong', field: path, max };
  }
  if (issue.input === undefined && keys.length === 1) return { type: 'missing', field: path };
  if (field === 'title' && issue.type === 'min_length') return { type: 'blankTitle' };
  return { type: 'other', text: cut(describeIssues([issue]) || issue.message) };
}

/**
 * Read a scrape result sent by a content script: the envelope whole, then each paper on its own.
 * Never throws; `ok: false` only when the envelope itself is unusable (the message then says why).
 */
export function parseScrapeResult(input: unknown): ParsedScrape {
  const env = v.safeParse(EnvelopeSchema, input);
  if (!env.success) return { ok: false, error: describeIssues(env.issues) || 'unreadable' };
  const { papers: rows, ...envelope } = env.output;
  const total = rows.length;
  const read = Math.min(total, MAX_PAPERS);
  const papers: ScrapeResult['papers'] = [];
  const dropped: number[] = [];
  const reasons: RowReason[] = [];
  for (let i = 0; i < read; i++) {
    // abortEarly: the first issue is the reason; a row with 5,001 over-long authors is one line, not 5,001.
    const row = v.safeParse(ScrapedPaperSchema, rows[i], { abortEarly: true });
    if (row.success) {
      papers.push(row.output);
      continue;
    }
    dropped.push(i);
    if (reasons.length < MAX_REASONS) reasons.push({ row: i + 1, issue: describeRowIssue(row.issues[0]) });
  }
  for (let i = read; i < total; i++) dropped.push(i);
  const report: RowReport = { total, captured: papers.length, skipped: read - papers.length, reasons };
  if (total > read) report.limit = read;
  return { ok: true, result: { ...envelope, papers }, report, dropped };
}

/**
 * Spread answers about the stored rows (`known[j]` for `result.papers[j]`) back over the rows the
 * page sent: a dropped row is not known. The content script badges rows by the page's index.
 */
export function spreadOverRows<T>(values: T[], dropped: number[], total: number, missing: T): T[] {
  if (!dropped.length) return values;
  const out: T[] = [];
  let d = 0;
  let j = 0;
  for (let i = 0; i < total; i++) {
    if (d < dropped.length && dropped[d] === i) {
      d++;
      out.push(missing);
    } else out.push(values[j++]);
  }
  return out;
}
