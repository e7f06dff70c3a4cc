/**
 * Writing BibTeX (`toBibtex`): entry types, field escaping, case protection of titles, names in
 * "Family, Given" form and stable cite keys.
 *
 * Encoding choice: output is UTF-8 and non-ASCII text is written as is ("Merriënboer", "深度学习"),
 * never as LaTeX accent macros. That is what biber/biblatex (and Zotero, JabRef) expect; classic
 * 8-bit `bibtex` passes UTF-8 bytes through too, but may sort or abbreviate non-ASCII names oddly —
 * use biber (or bibtexu/bibtex8) for non-English libraries. Only the characters that are special
 * to BibTeX or LaTeX are escaped (see `escapeBibtex`). Pure.
 */
import type { ExportedPaper } from '../export';
import { union } from '../../core/identity';
import { clean } from '../../core/text';
import { citeKeys } from './cite-keys';
import { displayName, splitDisplayName } from './names';
import { paperKind, type PaperKind } from './paper-kind';
import { MONTH_MACROS } from './syntax';

const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // `\{` / `\}` would be wrong here: BibTeX counts braces without looking at backslashes, so a lone
  // `\}` still closes the field. The text commands keep every field brace-balanced.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // A backtick is an opening quote ligature in TeX; this keeps it a backtick.
  '`': '\\textasciigrave{}',
};

/** Collapse whitespace (newlines included: BibTeX would anyway) and drop NUL / control characters. */
const flat = (s: string) => clean(s);

/**
 * Escape text for a braced BibTeX field: the LaTeX specials `\ { } & % $ # _ ~ ^` and the backtick
 * become commands, `--` / `''` are split with `{}` so TeX does not turn them into a dash or a
 * closing quote, whitespace is collapsed, control characters (NUL…) are dropped. Unicode is kept.
 * Text is treated as text: a title containing `$\alpha$` comes out as those literal characters.
 */
export function escapeBibtex(s: string): string {
  return escapeSegment(flat(s));
}

/** `escapeBibtex` without the whitespace clean-up, for pieces of an already cleaned string. */
function escapeSegment(s: string): string {
  return s
    .replace(/[\\{}&%$#_~^`]/g, (c) => ESCAPES[c])
    .replace(/-(?=-)/g, '-{}')
    .replace(/'(?=')/g, "'{}");
}

/**
 * A title with case protection: words that a sentence-casing style must not lower-case are wrapped
 * in braces — acronyms and mixed case (`{BERT}`, `{ImageNet}`, `{iPhone}`, `{GANs}`), words mixing
 * capitals and digits (`{3D}`, `{L2}`) and single capitals other than "A". Ordinary capitalised
 * words ("Attention") are left alone so the style can still change them; proper nouns like
 * "Bayesian" cannot be told apart from them and stay unprotected.
 */
export function protectTitle(title: string): string {
  const t = flat(title);
  let out = '';
  let last = 0;
  for (const m of t.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    out += escapeSegment(t.slice(last, m.index));
    const w = m[0];
    const rest = Array.from(w).slice(1).join('');
    const protect = /\p{Lu}/u.test(rest) || (/\p{Lu}/u.test(w) && /\p{N}/u.test(w)) || (/^\p{Lu}$/u.test(w) && w !== 'A');
    out += protect ? `{${w}}` : w;
    last = m.index + w.length;
  }
  return out + escapeSegment(t.slice(last));
}

/** URLs, DOIs and eprint ids are verbatim fields in biblatex: no LaTeX escaping, but braces and
 * backslashes (which would unbalance or escape the field) and whitespace are percent-encoded. */
function verbatim(s: string): string {
  return flat(s).replace(/[{}\\\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** An author for the `author` field: "Family, Given" / "Family, Suffix, Given" / "{Organisation}". */
function bibtexName(display: string): string | undefined {
  const p = splitDisplayName(display);
  if (!p) return undefined;
  // A name containing the word "and" would be split by BibTeX; brace the whole thing.
  if (/\band\b/i.test(display)) return `{${escapeBibtex(displayName(p))}}`;
  const family = escapeBibtex(p.family);
  // Single-word names are organisations or mononyms: braces stop styles from abbreviating them.
  if (!p.given) return `{${escapeBibtex(displayName(p))}}`;
  return p.suffix ? `${family}, ${escapeBibtex(p.suffix)}, ${escapeBibtex(p.given)}` : `${family}, ${escapeBibtex(p.given)}`;
}

const ENTRY: Record<PaperKind, { type: string; venue: string }> = {
  journal: { type: 'article', venue: 'journal' },
  conference: { type: 'inproceedings', venue: 'booktitle' },
  preprint: { type: 'misc', venue: 'howpublished' },
  book: { type: 'book', venue: 'publisher' },
  chapter: { type: 'incollection', venue: 'booktitle' },
  phdthesis: { type: 'phdthesis', venue: 'school' },
  mastersthesis: { type: 'mastersthesis', venue: 'school' },
  report: { type: 'techreport', venue: 'institution' },
  other: { type: 'misc', venue: 'howpublished' },
};

// arXiv category syntax: "cs.LG", "stat.ML", "hep-th", "math.AG" (not S2's "Computer Science").
const ARXIV_CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

function entry(p: ExportedPaper, key: string): string {
  const kind = paperKind(p);
  const { type, venue: venueField } = ENTRY[kind];
  const fields: [string, string][] = [];
  const add = (name: string, value: string | undefined, bare = false) => {
    if (value) fields.push([name, bare ? value : `{${value}}`]);
  };
  add('title', protectTitle(p.title));
  const names = p.authors.map(bibtexName).filter((n): n is string => !!n);
  if (p.authorsTruncated && names.length) names.push('others');
  add('author', names.join(' and '));
  if (typeof p.year === 'number' && Number.isFinite(p.year)) add('year', String(Math.trunc(p.year)));
  const month = p.date?.match(/^\d{4}-(\d{2})/)?.[1];
  // Month macros (`month = jun`) rather than text, so every style prints them its own way.
  if (month && +month >= 1 && +month <= 12) add('month', MONTH_MACROS[+month - 1], true);
  const arxiv = p.ids?.arxiv;
  let venue = p.venue && flat(p.venue);
  // "arXiv preprint arXiv:1706.03762" / "CoRR" repeat what the eprint fields say better.
  if (kind === 'preprint' && arxiv && venue && /^(?:arxiv|corr)\b|arxiv preprint/i.test(venue)) venue = undefined;
  add(venueField, venue && escapeBibtex(venue));
  add('volume', p.volume && escapeBibtex(flat(p.volume)));
  add('number', p.issue && escapeBibtex(flat(p.issue)));
  // BibTeX page ranges use `--` (an en dash).
  add('pages', p.pages && escapeBibtex(flat(p.pages)).replace(/\s*[-–—]+\s*/, '--'));
  add('doi', p.ids?.doi && verbatim(p.ids.doi));
  if (arxiv) {
    add('eprint', verbatim(arxiv));
    add('archivePrefix', 'arXiv');
    const cat = p.categories?.[0]?.trim();
    if (cat && ARXIV_CATEGORY.test(cat)) add('primaryClass', cat);
  }
  add('url', p.url && verbatim(p.url));
  add('abstract', p.abstract && escapeBibtex(p.abstract));
  // The user's tags join the site's keywords (one list, each word once ignoring case).
  const kw = (union(p.keywords, p.tags) ?? []).map(escapeBibtex).filter(Boolean);
  add('keywords', kw.join(', '));
  // The user's note as `annote` (annotated bibliographies), not `note`, which styles print.
  add('annote', p.note && escapeBibtex(p.note));
  return `@${type}{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}

/**
 * The papers as a BibTeX file (UTF-8 text, entries separated by a blank line, in the order given).
 *
 * Entry type by `paperKind`: @article (journal), @inproceedings (conference), @misc (preprints and
 * the unknown), @book, @incollection, @phdthesis, @mastersthesis, @techreport. Fields in this order
 * when known: title (case-protected), author ("Family, Given and …", a truncated list ends with
 * "and others"), year, month (macro), journal / booktitle / howpublished / …, doi, eprint +
 * archivePrefix + primaryClass (any paper with an arXiv id; primaryClass from the first category
 * when it is an arXiv category), url, abstract, keywords (the site's keywords and the user's tags),
 * annote (the user's note; line breaks become spaces, as BibTeX reads them). Keys from `citeKeys`.
 */
export function toBibtex(papers: ExportedPaper[]): string {
  const keys = citeKeys(papers);
  return papers.map((p, i) => entry(p, keys[i])).join('\n');
}
