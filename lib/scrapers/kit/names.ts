/**
 * Author names as pages list them: splitting a displayed author line, noticing a list cut short
 * ("…", "et al."), and turning the "Last, First" form metadata uses into the displayed
 * "First Last". Names otherwise stay as shown (identity matching normalises them later). Pure.
 */
import { clean } from '../../core/text';

/** A trailing "...", "…" or "et al." that says the page cut the list short. */
const TRUNCATED = /(\.\.\.|…|\bet al\.?)\s*$/i;

/** Separators of a displayed author list: commas, semicolons, "and", "&". */
const AUTHOR_SEPARATORS = /\s*[;,]\s*|\s+and\s+|\s*&\s*/i;

/**
 * Split an author string "A, B and C" / "A; B; C" into names, and report a trailing "..."/"…"/
 * "et al." (also glued to the last name: "DA Scott…"). `separators` narrows the split for sites
 * whose names may contain "and"/"&" (Google Scholar separates with commas only).
 */
export function splitAuthors(s: string, separators: RegExp = AUTHOR_SEPARATORS): { authors: string[]; truncated: boolean } {
  let t = clean(s);
  let truncated = false;
  if (TRUNCATED.test(t)) {
    truncated = true;
    t = t.replace(/,?\s*(\.\.\.|…|\bet al\.?)\s*$/i, '');
  }
  const parts = t
    .split(separators)
    .map((p) => clean(p.replace(/^(and)\s+/i, '')))
    .filter((p) => p && p !== '…' && p !== '...');
  return { authors: parts, truncated };
}

/** "Thompson, Jordan" (`citation_author` style) → "Jordan Thompson"; other names unchanged. */
export function displayName(s: string): string {
  const t = clean(s);
  const m = t.match(/^([^,]+),\s*([^,]+)$/);
  return m ? `${m[2]} ${m[1]}` : t;
}
