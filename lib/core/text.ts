/**
 * Text clean-up and identifier normalisation shared by the site adapters (lib/scrapers) and the file
 * formats (lib/interchange): collapsing whitespace, and reading a DOI or an arXiv id out of whatever
 * form a page or a file gives it in. Pure.
 */

/** Collapse whitespace (incl. NBSP, newlines) and trim. Strips NUL and other C0 controls. */
export function clean(s: string | null | undefined): string {
  if (!s) return '';

  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** Normalise a DOI: strip resolver prefixes and `doi:`, lower-case. Undefined if not a DOI. */
export function normalizeDoi(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  let t = clean(s);
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep as is */
  }
  const m = t.match(/\b(10\.\d{4,9}\/[^\s"'<>]+)/i);
  if (!m) return undefined;
  return m[1].replace(/[.,;)\]]+$/, '').toLowerCase();
}

/** Version-free arXiv id from an id, `arXiv:` label or arxiv.org URL; undefined if none. */
export function normalizeArxivId(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = clean(s);
  const modern = t.match(/(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?!\d|\.\d)/);
  if (modern) return modern[1];
  const old = t.match(/\b([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\b/);
  return old ? old[1] : undefined;
}
