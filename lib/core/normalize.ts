/**
 * Text normalisation used for identity (lib/core/identity.ts) and search (lib/search/engine/): folding case,
 * accents, LaTeX and punctuation so that "Über {D}iffusion $\alpha$-Models" and
 * "uber diffusion alpha models" compare equal. Pure.
 */

const LATEX_COMMANDS =
  /\\(?:emph|textbf|textit|texttt|textrm|textsc|mathrm|mathbf|mathit|mathcal|mathbb|operatorname|text)\s*\{([^{}]*)\}/g;
const LATEX_ACCENT = /\\(?:["'`^~=.uvHckr]|\s)\s*\{?([A-Za-z])\}?/g;

/** Remove accents/diacritics and fold compatibility forms ("ﬁ" → "fi", "é" → "e"). */
export function foldAccents(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd');
}

/** Strip LaTeX markup that sites leave in titles: `\emph{x}`, `{B}ayesian`, `$\alpha$`, `\"{o}`. */
export function stripLatex(s: string): string {
  let t = s;
  for (let i = 0; i < 3; i++) t = t.replace(LATEX_COMMANDS, '$1');
  t = t.replace(LATEX_ACCENT, '$1');
  t = t.replace(/\$([^$]*)\$/g, (_m, inner: string) => inner.replace(/\\([a-zA-Z]+)/g, '$1'));
  t = t.replace(/\\([a-zA-Z]+)/g, '$1');
  return t.replace(/[{}]/g, '');
}

/** Zero-width and bidi control characters that pages use (or abuse) inside text. */

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/g;

/** Lower-case, accent-free, LaTeX-free, punctuation-free form of `s` with single spaces. */
export function foldText(s: string): string {
  return foldAccents(stripLatex(s.replace(INVISIBLE, '')))
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Identity key of a title: folded text; empty for empty titles. */
export function titleKey(title: string): string {
  return foldText(title).slice(0, 300);
}

/**
 * Surname of a display name, folded: "Manmatha, R." → "manmatha", "R. Manmatha" → "manmatha",
 * "Bart van Merriënboer" → "merrienboer", "Aaron Clauset 0001" → "clauset".
 */
export function surname(name: string): string {
  let n = name.replace(INVISIBLE, '').trim();
  if (n.includes(',')) n = n.split(',')[0];
  else {
    const parts = n.split(/\s+/).filter((p) => !/^\d+$/.test(p));
    n = parts[parts.length - 1] ?? '';
  }
  return foldText(n).split(' ').pop() ?? '';
}

/** Folded "given-initials surname" key for author names: "Raghavan Manmatha" → "r manmatha". */
export function nameKey(name: string): string {
  const sur = surname(name);
  let given = name.includes(',') ? name.split(',').slice(1).join(' ') : name.split(/\s+/).slice(0, -1).join(' ');
  given = foldText(given);
  const first = given.split(' ').find(Boolean);
  return first ? `${first[0]} ${sur}` : sur;
}
