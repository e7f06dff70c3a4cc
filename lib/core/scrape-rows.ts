/**
 * Reading a capture message row by row, so one bad row costs that row only. The envelope (site,
 * kind, url, query, author …) is validated as a whole: without it nothing can be stored. Papers are
 * validated one by one with {@link ScrapedPaperSchema}: a row over a bound is dropped with a reason
 * a user can read ("row 31: 5,001 authors (at most 5,000)"); rows past {@link MAX_PAPERS} are not
 * read at all and the capture says it kept the first N. Bounds are unchanged: a too-long title is
 * rejected, not cut, because a cut title would merge with, or stand in for, the real paper.
 */
import * as v from 'valibot';
import { describeIssues, MAX_PAPERS, ScrapedPaperSchema, ScrapeResultSchema } from './scraped-schema';
import type { ScrapeResult } from './scraped-schema';

/** Reasons kept per capture (the count is always exact): the popup shows a compact list. */
export const MAX_REASONS = 10;
/** Longest reason: a reason may quote page-controlled text (a picklist value), kept short. */
const MAX_REASON = 200;

/** What was left out of a capture, for the popup. */
export interface RowReport {
  /** Rows the page sent. */
  total: number;
  /** Rows stored. */
  captured: number;
  /** Rows rejected by a bound (page order). */
  skipped: number;
  /** The first {@link MAX_REASONS} reasons, "row 31: 5,001 authors (at most 5,000)". */
  reasons: string[];
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
  | { ok: false; error: string };

/** Everything of a scrape result but its papers, which must only be an array here. */
const EnvelopeSchema = v.object({ ...ScrapeResultSchema.entries, papers: v.array(v.unknown()) });

const fmt = (n: number) => n.toLocaleString('en-US');

/** Words for a field in a reason. */
const FIELD_WORDS: Record<string, [one: string, many: string]> = {
  authors: ['author', 'authors'],
  authorProfiles: ['author profile', 'author profiles'],
  categories: ['category', 'categories'],
  keywords: ['keyword', 'keywords'],
};

/** "5,001 authors (at most 5,000)", "title longer than 200,000 characters", "url: must be an http(s) URL". */
export function describeRowIssue(issue: v.BaseIssue<unknown>): string {
  const keys = issue.path?.map((p) => p.key) ?? [];
  const field = typeof keys[0] === 'string' ? keys[0] : '';
  const words = FIELD_WORDS[field];
  const max = typeof issue.requirement === 'number' ? issue.requirement : undefined;
  let reason: string;
  if (issue.type === 'max_length' && max !== undefined && Array.isArray(issue.input)) {
    reason = `${fmt(issue.input.length)} ${words?.[1] ?? `${keys.join('.')} entries`} (at most ${fmt(max)})`;
  } else if (issue.type === 'max_length' && max !== undefined && typeof issue.input === 'string') {
    // An item of a list: "author 12 longer than 1,000 characters".
    const what = words && typeof keys[1] === 'number' ? `${words[0]} ${keys[1] + 1}` : keys.join('.');
    reason = `${what} longer than ${fmt(max)} characters`;
  } else if (issue.input === undefined && keys.length === 1) {
    reason = `no ${field}`;
  } else if (field === 'title' && issue.type === 'min_length') {
    reason = 'blank title';
  } else {
    reason = describeIssues([issue]) || issue.message;
  }
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

/**
 * Read a scrape result sent by a content script: the envelope whole, then each paper on its own.
 * Never throws; `ok: false` only when the envelope itself is unusable (the message then says why).
 */
export function parseScrapeResult(input: unknown): ParsedScrape {
  const env = v.safeParse(EnvelopeSchema, input);
  if (!env.success)
    return { ok: false, error: `This page's capture could not be read (${describeIssues(env.issues)}); nothing from it was stored.` };
  const { papers: rows, ...envelope } = env.output;
  const total = rows.length;
  const read = Math.min(total, MAX_PAPERS);
  const papers: ScrapeResult['papers'] = [];
  const dropped: number[] = [];
  const reasons: string[] = [];
  for (let i = 0; i < read; i++) {
    // abortEarly: the first issue is the reason; a row with 5,001 over-long authors is one line, not 5,001.
    const row = v.safeParse(ScrapedPaperSchema, rows[i], { abortEarly: true });
    if (row.success) {
      papers.push(row.output);
      continue;
    }
    dropped.push(i);
    if (reasons.length < MAX_REASONS) reasons.push(`row ${fmt(i + 1)}: ${describeRowIssue(row.issues[0])}`);
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
