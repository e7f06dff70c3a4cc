// Small display formatters shared by the UI components, in the user's language (lib/i18n).
import { formatAgo, formatDate, formatNumber, messageLocale, t, tn } from '@/lib/i18n/i18n';

/** A count with the locale's thousands separators ("1,338", "1.338"); "—" for missing. */
export function fmtNum(n: number | undefined): string {
  return formatNumber(n);
}

/** "A, B, C" or "A, B, C, … (12 authors)" for long lists; "…" when the source list was cut. */
export function fmtAuthors(authors: string[], truncated?: boolean, max = 6): string {
  if (authors.length === 0) return t('common_unknownAuthors');
  const shown = authors.slice(0, max).join(', ');
  if (authors.length > max) return tn(truncated ? 'common_authorsMoreTruncated' : 'common_authorsMore', authors.length, { shown });
  return truncated ? `${shown}, …` : shown;
}

/** Relative time "just now", "5 min. ago", "3 days ago", else a date. */
export function fmtWhen(iso: string, now = Date.now()): string {
  const t0 = Date.parse(iso);
  if (!Number.isFinite(t0)) return '';
  return formatAgo(t0, now);
}

/** A measured value with exactly `digits` decimals in the user's locale ("0.3", "0,3"); "—" for missing or infinite. */
export function fmtFixed(v: number | undefined, digits: number): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  return formatNumber(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Names run together as a plain enumeration, not a sentence ("Google Scholar, DBLP"; Japanese and
 * Chinese "Google Scholar、DBLP"): for headers and compact lines where "and" would not fit.
 */
export function fmtNames(items: string[]): string {
  return items.join(/^(ja|zh)\b/.test(messageLocale()) ? '、' : ', ');
}

/** A day in the user's locale ("Dec 4, 2026", "04.12.2026", "2026/12/04"): capture times on a chart axis. */
export function fmtDay(ms: number): string {
  return formatDate(ms, { dateStyle: 'medium' });
}
