import { processTerm } from '@/lib/core/terms';

/**
 * Render `text` with the words that matched the search wrapped in <mark>. Output is text nodes
 * only (Preact escapes them): page-scraped strings never become markup.
 */
export function Highlight({ text, terms, prefixes }: { text: string; terms?: string[]; prefixes?: string[] }) {
  if ((!terms?.length && !prefixes?.length) || !text) return <>{text}</>;
  const wanted = new Set(terms);
  const pre = (prefixes ?? []).filter((p) => p.length >= 1);
  const parts: (string | { m: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const t = processTerm(m[0]);
    if (!t || !(wanted.has(t) || pre.some((p) => t.startsWith(p)))) continue;
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push({ m: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.m}</mark>))}</>;
}
