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
  if (!m) return t;
  // Chinese, Japanese and Korean names are written family name first, without a space
  // ("王, 小明" is 王小明): their order is kept.
  if (CJK_NAME.test(m[1]) && CJK_NAME.test(m[2])) return `${m[1].trim()}${m[2].trim()}`;
  return `${m[2]} ${m[1]}`;
}

/** A name part written in Han, Hiragana, Katakana or Hangul only. */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s・]+$/u;

/** Entries of an author list that are no person: double-blind placeholders. */
const NOT_A_PERSON =
  /^(anonymous(\s+authors?)?|anon\.?|authors? (withheld|hidden)|\[?(author|authors) (names? )?(redacted|hidden|withheld)\]?)$/i;
/** Entries that say the list goes on: "et al.", "and others", "+3 authors", "3 more", "…". */
const MORE_AUTHORS =
  /^((and\s+)?(et(\.\s*|\s+)al\.?|others)|\+\s*\d+(\s+(more|authors?|more authors?))?|\d+\s+more(\s+authors?)?|\.\.\.|…)$/i;

/**
 * An author list as a page gave it, without the entries that are no author: "Anonymous"
 * (OpenReview under double-blind review: https://openreview.net/group?id=ICLR.cc/2019/Conference
 * shows it for 980 submissions), "et al.", "and others", "+N authors", "…". Entries that say more
 * authors exist mark the list `truncated`; an "et al." glued to the last name is cut from it.
 * Applied by the registry to every adapter's result, so no site can store such an "author".
 */
export function cleanAuthorList(names: readonly string[], truncated = false): { authors: string[]; truncated: boolean } {
  const authors: string[] = [];
  let cut = truncated;
  for (const raw of names) {
    let n = clean(raw);
    if (!n) continue;
    if (MORE_AUTHORS.test(n)) {
      cut = true;
      continue;
    }
    if (NOT_A_PERSON.test(n)) continue;
    const glued = n.replace(/,?\s+(et(\.\s*|\s+)al\.?|and\s+others)\s*$|\s*(…|\.\.\.)\s*$/i, '');
    if (glued !== n) {
      cut = true;
      n = glued.trim();
      if (!n) continue;
    }
    authors.push(n);
  }
  return { authors, truncated: cut };
}
