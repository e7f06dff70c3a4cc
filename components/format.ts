// Small display formatters shared by the UI components.

/** "1,338" style thousands separators; "—" for missing. */
export function fmtNum(n: number | undefined): string {
  return n === undefined || n === null || Number.isNaN(n) ? '—' : n.toLocaleString('en-US');
}

/** "A, B, C" or "A, B, C, … (12 authors)" for long lists; "…" when the source list was cut. */
export function fmtAuthors(authors: string[], truncated?: boolean, max = 6): string {
  if (authors.length === 0) return 'Unknown authors';
  const shown = authors.slice(0, max).join(', ');
  if (authors.length > max) return `${shown}, … (${authors.length}${truncated ? '+' : ''} authors)`;
  return truncated ? `${shown}, …` : shown;
}

/** "3 papers" / "1 paper". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : pluralWord}`;
}

/** Relative time "just now", "5 min ago", "3 days ago", else a date. */
export function fmtWhen(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const s = Math.max(0, (now - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 86400 * 14) return `${Math.floor(s / 86400)} days ago`;
  return new Date(t).toISOString().slice(0, 10);
}
