/**
 * Person names and author lists as listing pages print them: whether a heading or a token run reads
 * as a person's name, and whether a line (text, or one element per author) is an author list.
 * Used by the author-profile, paper-search and paper-cards heuristics. Pure.
 */
import { clean } from '../kit/dom';
import { splitAuthors } from '../kit/names';
import { textWithout } from './page-structure';

/** Name particles ("van", "de") that may be lower-case inside a display name. */
const NAME_PARTICLES = new Set('van von der den de da di del della des du dos das la le bin ibn al el ter zu y e'.split(' '));
/** Words that make a capitalised heading a page title rather than a person ("Accepted Papers"). */
const NOT_NAME_WORDS = new Set(
  (
    'papers paper publications publication abstracts abstract search results result home about welcome ' +
    'proceedings accepted conference workshop journal volume issue university institute research program ' +
    'programme schedule session track news blog archive index contents list lab laboratory group team ' +
    'department school college center centre trending top latest recent popular library collection ' +
    'authors author profile login sign account settings page error access denied dashboard explore ' +
    'topics overview introduction chapter references citations citation metrics statistics store shop ' +
    'cart products product the of and for in on with how what why new best my our your models learning ' +
    'networks network deep neural data review reviews leaderboard benchmark benchmarks datasets dataset ' +
    'code tools'
  ).split(' '),
);

/**
 * Whether `s` reads like a person's display name: 2–5 capitalised tokens (particles such as
 * "van", "de" allowed), no digits, no page-title words; or 2–6 CJK characters.
 */
export function isPersonName(s: string | null | undefined): boolean {
  const t = clean(s);
  if (!t || t.length > 60 || /\d/.test(t)) return false;
  if (/^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}·・]{2,6}$/u.test(t)) return true;
  const tokens = t.split(' ');
  if (tokens.length < 2 || tokens.length > 5) return false;
  let caps = 0;
  for (const tok of tokens) {
    const low = tok.toLowerCase();
    if (NOT_NAME_WORDS.has(low.replace(/[^\p{L}]/gu, ''))) return false;
    if (NAME_PARTICLES.has(low)) continue;
    if (!/^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(tok)) return false;
    caps++;
  }
  return caps >= 2;
}

/** Link toolbars that are neither authors nor abstract ("PDF · arXiv · BibTeX"). */
export const TOOLBAR =
  /^(?:(?:pdf|arxiv|code|bibtex|cite|save|share|html|paper|project(?: page)?|video|slides|poster|openreview|github|doi|abs|website|blog|demo)\s*[·|•/,]?\s*)+$/i;
/** An "Abstract:" label at the start of a block. */
export const ABSTRACT_PREFIX = /^abstract\s*[:：.]?\s*/i;
/** A block that starts with an "Abstract:" label and text: the anchor of an entry on listing pages. */
export const ABSTRACT_ANCHOR = /^\s*abstract\s*[:：]\s*\S/i;

const TRUNCATED = /(\.\.\.|…|\bet al\.?)$/i;
const SEPARATORS_ONLY = /^(?:[\s,;·•&]|\band\b|\bet al\.?|\.\.\.|…)*$/i;

/**
 * The author list a segment shows, or undefined when it reads as prose / a toolbar. Handles
 * "A, B and C et al." text and one element per author (links or `<li>`s) without separators.
 */
export function authorLine(seg: Element): { authors: string[]; truncated: boolean } | undefined {
  const t = clean(seg.textContent);
  if (!t || t.length > 3000 || ABSTRACT_PREFIX.test(t) || TOOLBAR.test(t)) return undefined;
  // Sentences end in a word and a full stop; "et al." and initials ("Ian J.") do not count.
  if (/[a-z]{3,}[.!?](?:\s|$)/.test(t.replace(/\bet al\.?/gi, ''))) return undefined;
  if (/[,;]|\s(and|&)\s/.test(t)) return splitAuthors(t);
  const kids = Array.from(seg.children)
    .map((c) => clean(c.textContent))
    .filter((c) => c && !/^(\.\.\.|…|et al\.?)$/i.test(c));
  if (kids.length >= 2 && kids.every((k) => k.length <= 80) && SEPARATORS_ONLY.test(textWithout(seg, () => true))) {
    return { authors: kids, truncated: TRUNCATED.test(t) };
  }
  if (t.split(' ').length <= 5) return splitAuthors(t);
  return undefined;
}

/** Words that never occur in a person's name but start bylines, dates and headlines. */
const NOT_NAME =
  /^(by|the|of|in|on|for|with|from|to|at|via|posted|updated|published|how|why|what|our|we|is|are|this|that|and|or|abstract|pdf|code|paper|proceedings|conference|journal|workshop|university|institute|lab|department)$/i;
/** Lower-case name particles ("van", "de"); capitalised they are ordinary name parts ("Bin Li"). */
const PARTICLE = /^(van|von|de|der|den|da|di|del|della|la|le|du|dos|das|bin|al|el|ter|zu|y)$/;

/** Whether `s` reads as one person's name as lists print it ("Jane Q. Doe", "J. Doe", "Doe, J."). */
export function looksLikeName(s: string): boolean {
  const t = clean(s.replace(/[*†‡§¶#]+|\d+$/g, ''));
  if (!t || t.length > 60) return false;
  const tokens = t.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 5) return false;
  let capitalised = 0;
  for (const tok of tokens) {
    if (NOT_NAME.test(tok.replace(/\.$/, ''))) return false;
    if (PARTICLE.test(tok)) continue;
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(tok)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}

/** "Doe, J., Roe, R. K." splits into ["Doe","J.","Roe","R. K."]: pair surnames with initials. */
function pairInitials(parts: string[]): string[] {
  const initials = /^(\p{Lu}\.\s*-?)+$/u;
  if (parts.length < 2 || parts.length % 2 !== 0) return parts;
  for (let i = 1; i < parts.length; i += 2) if (!initials.test(parts[i]) || initials.test(parts[i - 1])) return parts;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i]}, ${parts[i + 1]}`);
  return out;
}

/**
 * Read a line as an author list. Needs at least two names, or one when the line sits in an
 * element that says it holds authors. Returns null for anything else (bylines, dates, prose).
 */
export function parseAuthorLine(line: string, authorContext = false): { authors: string[]; truncated: boolean } | null {
  let t = clean(line.replace(/\((?:equal contribution|\*\s*equal contribution)\)/gi, ''));
  t = t.replace(/^authors?\s*:\s*/i, '');
  if (!t || t.length > 1500) return null;
  const { authors, truncated } = splitAuthors(t.replace(/[*†‡§¶]+/g, ''));
  const names = pairInitials(authors).map((a) => clean(a.replace(/\d+$/, '')));
  if (!names.length || names.length > 100) return null;
  if (names.length < 2 && !(authorContext || truncated)) return null;
  if (!names.every(looksLikeName)) return null;
  return { authors: names, truncated };
}
