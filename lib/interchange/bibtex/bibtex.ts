/**
 * BibTeX ⇄ Paperdex papers.
 *
 * Owns:
 *  - writing BibTeX (`toBibtex`): entry types, field escaping, case protection of titles, stable
 *    cite keys;
 *  - reading BibTeX (`parseBibtex`): a small, strict-about-structure parser for the .bib files that
 *    Zotero / Better BibTeX, JabRef, Google Scholar, DBLP and people by hand produce, plus a LaTeX →
 *    Unicode decoder for the text inside fields;
 *  - the pieces the other formats (csl-json.ts, csv.ts) share: `ImportedPaper`, `citeKeys`,
 *    `splitDisplayName` and `paperKind`.
 *
 * Pure and dependency-free: no browser APIs, no I/O, only other pure modules of lib/.
 *
 * Encoding choice: output is UTF-8 and non-ASCII text is written as is ("Merriënboer", "深度学习"),
 * never as LaTeX accent macros. That is what biber/biblatex (and Zotero, JabRef) expect; classic
 * 8-bit `bibtex` passes UTF-8 bytes through too, but may sort or abbreviate non-ASCII names oddly —
 * use biber (or bibtexu/bibtex8) for non-English libraries. Only the characters that are special
 * to BibTeX or LaTeX are escaped (see `escapeBibtex`).
 */
import type { ExportedPaper } from '../export';
import { isPreprintVenue } from '../../core/identity';
import { foldText } from '../../core/normalize';
import { clean, normalizeArxivId, normalizeDoi } from '../../scrapers/kit/dom';
import type { PaperIds, ScrapedPaper } from '../../core/types';

// ---------------------------------------------------------------------------------------------
// Shared shapes

/**
 * A paper read from a file of another tool (BibTeX, CSL JSON): the shape of a scraped paper, so the
 * importer can hand it to the same merge path as a capture, plus the key the file used for it.
 * Properties that the file does not give are absent (never `undefined`, never empty strings).
 */
export type ImportedPaper = ScrapedPaper & {
  /** The entry's citation key in the source file (BibTeX key / CSL `id`), for messages. */
  citeKey?: string;
};

/** A problem in a BibTeX file. `line` is 1-based. */
export interface BibError {
  line: number;
  message: string;
}

/** Result of `parseBibtex`. */
export interface BibtexParseResult {
  /** The papers of the file — always empty when `errors` is not (all or nothing). */
  papers: ImportedPaper[];
  /** Syntax errors (unbalanced braces, missing `=`, unterminated strings...). Any error means the file is rejected. */
  errors: BibError[];
  /** Non-fatal findings: entries skipped for lack of a title, undefined @string macros, duplicate fields. */
  warnings: BibError[];
}

/** Own-property lookup: input like `\constructor` or type "toString" must not find Object.prototype. */
const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

// ---------------------------------------------------------------------------------------------
// Names

/** A person's name split into parts, as BibTeX ("von Last, Jr, First") and CSL need it. */
export interface PersonName {
  /** Family name including lower-case particles: "van Merriënboer", "de la Cruz". */
  family: string;
  given?: string;
  suffix?: string;
}

const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'degli',
  'dei',
  'di',
  'da',
  'das',
  'dos',
  'do',
  'du',
  'des',
  'la',
  'le',
  'lo',
  'ter',
  'ten',
  'te',
  "van't",
  "'t",
  'zu',
  'zur',
  'y',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
  'af',
  'av',
]);
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v|vi)$/i;

/**
 * Split a display name into family / given / suffix. Understands the forms sites show:
 * "Manmatha, R." (family first), "R. Manmatha", "Bart van Merriënboer" (lower-case or inner
 * particles go with the family name: family "van Merriënboer"), "Henry Ford, Jr." / "Henry Ford Jr."
 * (suffix), "Ford, Jr., Henry" (BibTeX order), and DBLP's homonym numbers ("Aaron Clauset 0001").
 * Single-word names (organisations, mononyms) have only `family`. Undefined for a blank name.
 *
 * Why a heuristic: a display name does not say where the given name ends ("Juan Carlos García
 * Pérez" is read as given "Juan Carlos García", family "Pérez" — the same guess BibTeX makes).
 */
export function splitDisplayName(name: string): PersonName | undefined {
  const n = clean(name).replace(/\s+\d{4}$/, '');
  if (!n) return undefined;
  const commaParts = n.split(/\s*,\s*/).filter(Boolean);
  if (commaParts.length >= 2) {
    // "Given Family, Jr." is a display form with a suffix, not "Family, Given".
    if (commaParts.length === 2 && SUFFIX.test(commaParts[1]) && /\s/.test(commaParts[0])) {
      const p = splitDisplayName(commaParts[0]);
      return p && { ...p, suffix: commaParts[1] };
    }
    const family = commaParts[0];
    const given = commaParts[commaParts.length - 1];
    const suffix = commaParts.length >= 3 ? commaParts.slice(1, -1).join(', ') : undefined;
    return compactName({ family, given, suffix });
  }
  const words = n.split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1])) suffix = words.pop();
  if (words.length === 1) return compactName({ family: words[0], suffix });
  // The family name is the last word plus any particles right before it; the first word always
  // stays a given name ("Van Morrison" is given "Van").
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1].toLowerCase())) start--;
  return compactName({ family: words.slice(start).join(' '), given: words.slice(0, start).join(' '), suffix });
}

function compactName(p: PersonName): PersonName {
  const out: PersonName = { family: p.family };
  if (p.given) out.given = p.given;
  if (p.suffix) out.suffix = p.suffix;
  return out;
}

/** Display form "Given Family, Suffix" of a name's parts (the form Paperdex stores). */
export function displayName(p: { family?: string; given?: string; suffix?: string }): string {
  const base = [p.given, p.family].filter((x) => x && x.trim()).join(' ');
  return clean(p.suffix ? `${base}, ${p.suffix}` : base);
}

// ---------------------------------------------------------------------------------------------
// Cite keys

// Articles, prepositions and conjunctions skipped when picking the title word of a key (the list
// Better BibTeX uses, trimmed to the languages titles here come in).
const KEY_STOPWORDS = new Set(
  (
    'a an the and or nor but of on in at to for from by with without within into onto over under ' +
    'via per as is are be than toward towards about above across after against along among around ' +
    'before behind below beneath beside between beyond during except inside near off since through ' +
    'until up upon versus vs while de del der die das des du el en et il la las le les lo los un une ' +
    'una uno von zu zum zur'
  ).split(' '),
);

const ascii = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');

/**
 * The un-deduplicated cite key of a paper: first author's family name (particles dropped) + year +
 * first significant title word, ASCII-folded and lower-case — `vaswani2017attention`,
 * `merrienboer2015blocks`. Missing parts are left out; no author gives `anon`.
 */
export function citeKeyBase(p: Pick<ExportedPaper, 'authors' | 'year' | 'title'>): string {
  const first = p.authors.find((a) => a && a.trim());
  const name = first ? splitDisplayName(first) : undefined;
  let who = '';
  if (name) {
    const words = name.family.split(/\s+/);
    const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
    who = ascii((core.length ? core : words).join(''));
  }
  const year = typeof p.year === 'number' && Number.isInteger(p.year) && p.year > 0 ? String(p.year) : '';
  let word = '';
  for (const w of foldText(p.title ?? '').split(' ')) {
    const a = w.replace(/[^a-z0-9]/g, '');
    if (a && !KEY_STOPWORDS.has(w)) {
      word = a;
      break;
    }
  }
  return `${who || 'anon'}${year}${word}`;
}

/** a, b, …, z, aa, ab, … (bijective base 26). */
function letterSuffix(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Cite keys for a list of papers, in the same order, unique within the list. The first paper with a
 * given base key keeps it bare; later ones get `a`, `b`, `c`… (`smith2020deep`, `smith2020deepa`).
 * Deterministic: the same list in the same order always gets the same keys, and appending papers
 * never renames the keys of earlier ones. A suffixed key never collides with another paper's base key.
 */
export function citeKeys(papers: Pick<ExportedPaper, 'authors' | 'year' | 'title'>[]): string[] {
  const bases = papers.map(citeKeyBase);
  const allBases = new Set(bases);
  const used = new Set<string>();
  return bases.map((base) => {
    let key = base;
    if (used.has(key)) {
      for (let i = 0; ; i++) {
        key = base + letterSuffix(i);
        if (!used.has(key) && !allBases.has(key)) break;
      }
    }
    used.add(key);
    return key;
  });
}

// ---------------------------------------------------------------------------------------------
// Kind of publication

/** What kind of publication a paper is, as far as the export formats care. */
export type PaperKind = 'journal' | 'conference' | 'preprint' | 'book' | 'chapter' | 'phdthesis' | 'mastersthesis' | 'report' | 'other';

const TYPE_KINDS: Record<string, PaperKind> = {
  article: 'journal',
  journal: 'journal',
  journalarticle: 'journal',
  articlejournal: 'journal',
  inproceedings: 'conference',
  conference: 'conference',
  conferencepaper: 'conference',
  paperconference: 'conference',
  proceedingsarticle: 'conference',
  preprint: 'preprint',
  informal: 'preprint',
  postedcontent: 'preprint',
  book: 'book',
  monograph: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  chapter: 'chapter',
  bookchapter: 'chapter',
  phdthesis: 'phdthesis',
  thesis: 'phdthesis',
  dissertation: 'phdthesis',
  mastersthesis: 'mastersthesis',
  techreport: 'report',
  report: 'report',
};

// Some "Proceedings of …" are journals.
const JOURNAL_PROCEEDINGS =
  /proceedings of the (national academy|ieee\b|royal society|american mathematical society|london mathematical society)/i;
const JOURNAL_WORDS = /\b(?:journal|transactions|letters|magazine|reviews?|annals|bulletin|quarterly)\b|\btrans\./i;
const CONFERENCE_WORDS =
  /\b(?:proceedings|proc\.|conference|conf\.|symposium|workshops?|congress|colloquium|meeting)\b|advances in neural information processing|\bfindings of\b/i;
// Case-sensitive: acronyms of conferences that venues are often shown as ("NeurIPS 2020", "CVPR").
const CONFERENCE_ACRONYMS =
  /\b(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|ACL|EMNLP|NAACL|EACL|AACL|COLING|CoNLL|LREC|AAAI|IJCAI|KDD|SIGKDD|SIGIR|SIGMOD|VLDB|WWW|WSDM|CIKM|RecSys|CHI|UIST|CSCW|SIGGRAPH|ICRA|IROS|CoRL|AISTATS|UAI|COLT|MICCAI|INTERSPEECH|Interspeech|ICASSP|ISMIR|ICSE|PLDI|POPL|OOPSLA|OSDI|SOSP|NSDI|EuroSys|ASPLOS|ISCA|NDSS|STOC|FOCS|SODA|ICALP|ICDE|ICDM|ECIR|ECML|IJCNN|ICPR|ICIP)\b/;

/**
 * The kind of a paper: from its `type` when the site said (DBLP, BibTeX and CSL vocabularies are all
 * understood), else guessed from the venue ("Proceedings of…", "NeurIPS" → conference; "Journal
 * of…", "IEEE Transactions…" → journal; arXiv/CoRR/OpenReview → preprint). A venue the rules do not
 * recognise ("Nature", "Science") counts as a journal — the common case on Scholar. No venue: a
 * preprint when there is an arXiv id, else `other`.
 */
export function paperKind(p: Pick<ExportedPaper, 'type' | 'venue' | 'ids'>): PaperKind {
  const venue = p.venue?.trim();
  const arxiv = !!p.ids?.arxiv;
  const typed = p.type ? own(TYPE_KINDS, p.type.toLowerCase().replace(/[^a-z]/g, '')) : undefined;
  if (typed === 'journal') {
    // Google Scholar calls arXiv papers @article{journal={arXiv preprint arXiv:…}}.
    if (venue ? isPreprintVenue(venue) : arxiv) return 'preprint';
    return 'journal';
  }
  if (typed) return typed;
  if (!venue) return arxiv ? 'preprint' : 'other';
  if (isPreprintVenue(venue)) return 'preprint';
  if (/\bmaster'?s thesis\b/i.test(venue)) return 'mastersthesis';
  if (/\b(?:thesis|dissertation)\b/i.test(venue)) return 'phdthesis';
  if (/\b(?:technical report|tech\. rep)/i.test(venue)) return 'report';
  if (/\bpatent\b/i.test(venue)) return 'other';
  if (JOURNAL_PROCEEDINGS.test(venue) || JOURNAL_WORDS.test(venue)) return 'journal';
  if (CONFERENCE_WORDS.test(venue) || CONFERENCE_ACRONYMS.test(venue)) return 'conference';
  return 'journal';
}

// ---------------------------------------------------------------------------------------------
// Writing

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

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
  if (month && +month >= 1 && +month <= 12) add('month', MONTHS[+month - 1], true);
  const arxiv = p.ids?.arxiv;
  let venue = p.venue && flat(p.venue);
  // "arXiv preprint arXiv:1706.03762" / "CoRR" repeat what the eprint fields say better.
  if (kind === 'preprint' && arxiv && venue && /^(?:arxiv|corr)\b|arxiv preprint/i.test(venue)) venue = undefined;
  add(venueField, venue && escapeBibtex(venue));
  add('doi', p.ids?.doi && verbatim(p.ids.doi));
  if (arxiv) {
    add('eprint', verbatim(arxiv));
    add('archivePrefix', 'arXiv');
    const cat = p.categories?.[0]?.trim();
    if (cat && ARXIV_CATEGORY.test(cat)) add('primaryClass', cat);
  }
  add('url', p.url && verbatim(p.url));
  add('abstract', p.abstract && escapeBibtex(p.abstract));
  const kw = (p.keywords ?? []).map(escapeBibtex).filter(Boolean);
  add('keywords', kw.join(', '));
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
 * when it is an arXiv category), url, abstract, keywords. Keys from `citeKeys`.
 */
export function toBibtex(papers: ExportedPaper[]): string {
  const keys = citeKeys(papers);
  return papers.map((p, i) => entry(p, keys[i])).join('\n');
}

// ---------------------------------------------------------------------------------------------
// LaTeX → Unicode

const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};
// What an accent command with an empty argument (`\~{}`) stands for.
const BARE_ACCENTS: Record<string, string> = { '"': '¨', "'": '´', '`': '`', '^': '^', '~': '~', '=': '¯', '.': '˙' };

const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega';
const SYMBOLS: Record<string, string> = {
  ss: 'ß',
  SS: 'SS',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  dj: 'đ',
  DJ: 'Đ',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  textbackslash: '\\',
  textbraceleft: '{',
  textbraceright: '}',
  textasciitilde: '~',
  textasciicircum: '^',
  textasciigrave: '`',
  textunderscore: '_',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  textquotesingle: "'",
  textquotedbl: '"',
  textellipsis: '…',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  textregistered: '®',
  texttrademark: '™',
  copyright: '©',
  textcopyright: '©',
  textdegree: '°',
  S: '§',
  P: '¶',
  dag: '†',
  ddag: '‡',
  textdagger: '†',
  pounds: '£',
  textsterling: '£',
  euro: '€',
  texteuro: '€',
  textbullet: '•',
  textperiodcentered: '·',
  guillemotleft: '«',
  guillemotright: '»',
  quad: ' ',
  qquad: ' ',
  slash: '/',
  textslash: '/',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  LaTeXe: 'LaTeX2e',
  // math
  times: '×',
  cdot: '·',
  pm: '±',
  mp: '∓',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  equiv: '≡',
  propto: '∝',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  leftrightarrow: '↔',
  mapsto: '↦',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  supset: '⊃',
  cup: '∪',
  cap: '∩',
  forall: '∀',
  exists: '∃',
  partial: '∂',
  nabla: '∇',
  sum: '∑',
  prod: '∏',
  int: '∫',
  sqrt: '√',
  ell: 'ℓ',
  hbar: 'ħ',
  emptyset: '∅',
  varnothing: '∅',
  circ: '∘',
  star: '⋆',
  ast: '∗',
  langle: '⟨',
  rangle: '⟩',
  lbrace: '{',
  rbrace: '}',
  vert: '|',
  Vert: '‖',
  mid: '|',
  oplus: '⊕',
  otimes: '⊗',
  top: '⊤',
  bot: '⊥',
  neg: '¬',
  land: '∧',
  lor: '∨',
  wedge: '∧',
  vee: '∨',
  prime: '′',
  varepsilon: 'ε',
  vartheta: 'ϑ',
  varphi: 'φ',
  varpi: 'ϖ',
  varrho: 'ϱ',
  varsigma: 'ς',
};
GREEK.split(' ').forEach((g, i) => {
  SYMBOLS[g] = String.fromCharCode(0x3b1 + i + (i >= 17 ? 1 : 0)); // skip final sigma U+03C2
  SYMBOLS[g[0].toUpperCase() + g.slice(1)] = String.fromCharCode(0x391 + i + (i >= 17 ? 1 : 0));
});
// Commands whose argument is their text.
const WRAPPERS = new Set([
  'emph',
  'textbf',
  'textit',
  'textsl',
  'textsc',
  'texttt',
  'textrm',
  'textsf',
  'textup',
  'textmd',
  'textnormal',
  'mbox',
  'hbox',
  'text',
  'mathrm',
  'mathbf',
  'mathit',
  'mathcal',
  'mathbb',
  'mathsf',
  'mathtt',
  'mathfrak',
  'boldsymbol',
  'bm',
  'operatorname',
  'textsuperscript',
  'textsubscript',
  'NoCaseChange',
  'enquote',
  'uppercase',
  'lowercase',
]);
// Font switches and spacing commands that print nothing.
const SILENT = new Set([
  'em',
  'bf',
  'it',
  'sc',
  'rm',
  'tt',
  'sl',
  'sf',
  'normalfont',
  'relax',
  'protect',
  'displaystyle',
  'left',
  'right',
  'big',
  'Big',
  'xspace',
  'noindent',
  'par',
]);
// Commands whose argument is not text at all (sort keys).
const DROP_ARG = new Set(['noopsort', 'sortnoop', 'SortNoop', 'noop', 'hspace', 'vspace', 'cite', 'label']);

const isLetter = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);

/**
 * Decode the LaTeX inside a BibTeX field into plain Unicode text: accents (`\"{o}`, `{\'e}`, `\c c`,
 * `\'{\i}`), special letters (`\ss`, `\o`, `\ae`), escaped specials (`\&`, `\%`, `\textbackslash{}`),
 * font commands (`\emph{x}` → x), ties and dashes (`~`, `--`, `---`), TeX quotes, math (`$\alpha$` →
 * α; unknown commands keep their name: `$\log n$` → "log n"). Protective braces are dropped. The
 * result is whitespace-collapsed.
 */
export function decodeLatex(s: string): string {
  let i = 0;
  const n = s.length;

  const readCommand = (): { name: string; letter: boolean } => {
    // s[i] is just after the backslash
    if (isLetter(s[i])) {
      const start = i;
      while (isLetter(s[i])) i++;
      const name = s.slice(start, i);
      // TeX skips spaces after a control word ("\ss e" = "ße").
      while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
      return { name, letter: true };
    }
    return { name: s[i++] ?? '', letter: false };
  };

  // One argument: a {group} (decoded) or a single token.
  const readArg = (): string => {
    while (s[i] === ' ') i++;
    if (s[i] === '{') {
      i++;
      return seq(true);
    }
    if (s[i] === '\\') {
      i++;
      return command();
    }
    if (i >= n) return '';
    const cp = String.fromCodePoint(s.codePointAt(i)!);
    i += cp.length;
    return cp;
  };

  const rawGroup = (): string => {
    while (s[i] === ' ') i++;
    if (s[i] !== '{') return '';
    let depth = 0;
    const start = i + 1;
    for (; i < n; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) return s.slice(start, i++);
    }
    return s.slice(start);
  };

  const command = (): string => {
    const { name, letter } = readCommand();
    const accent = own(ACCENTS, name);
    if (accent && (!letter || name.length === 1)) {
      const arg = readArg();
      if (!arg) return own(BARE_ACCENTS, name) ?? '';
      // An accent on a dotless ı/ȷ is the accented i/j ("\'{\i}" = "í").
      const base = arg[0] === 'ı' ? 'i' : arg[0] === 'ȷ' ? 'j' : arg[0];
      return (base + accent).normalize('NFC') + arg.slice(1);
    }
    if (!letter) {
      if ('&%$#_{}'.includes(name)) return name;
      if (name === ' ' || name === ',' || name === ';' || name === ':' || name === '\\' || name === '\n') return ' ';
      return ''; // \- \/ \@ \! and friends print nothing
    }
    const sym = own(SYMBOLS, name);
    if (sym !== undefined) return sym;
    if (WRAPPERS.has(name)) return readArg();
    if (name === 'url') return rawGroup();
    if (name === 'href') {
      rawGroup();
      return readArg();
    }
    if (DROP_ARG.has(name)) {
      if (s[i] === '{') rawGroup();
      return '';
    }
    if (SILENT.has(name)) return '';
    if (s[i] === '{') {
      // Unknown command with an argument: keep the argument ("\foo{x}" → x), or the command's
      // name when the argument is empty ("\LaTeXish{}" → LaTeXish).
      i++;
      const arg = seq(true);
      return arg || name;
    }
    return name;
  };

  const seq = (inGroup: boolean): string => {
    let out = '';
    while (i < n) {
      const c = s[i];
      if (c === '}') {
        i++;
        if (inGroup) return out;
        continue; // stray closing brace: ignore
      }
      if (c === '{') {
        i++;
        out += seq(true);
      } else if (c === '\\') {
        i++;
        out += command();
      } else if (c === '$') {
        i++;
      } else if (c === '~') {
        i++;
        out += ' ';
      } else if (c === '-' && s[i + 1] === '-') {
        if (s[i + 2] === '-') {
          out += '—';
          i += 3;
        } else {
          out += '–';
          i += 2;
        }
      } else if (c === '`') {
        if (s[i + 1] === '`') {
          out += '“';
          i += 2;
        } else {
          out += '‘';
          i++;
        }
      } else if (c === "'" && s[i + 1] === "'") {
        out += '”';
        i += 2;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };

  return clean(seq(false).normalize('NFC'));
}

/** Value of a verbatim field (url, doi, eprint): `\url{…}` unwrapped, `\_`-style escapes undone, braces and spaces dropped. */
function decodeVerbatim(s: string): string {
  return clean(s)
    .replace(/\\url\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([_%&#$~])/g, '$1')
    .replace(/[{}\s]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Reading: syntax

interface RawField {
  /** Macro-expanded, concatenated value with the outer delimiters removed; inner LaTeX untouched. */
  value: string;
  line: number;
}

interface RawEntry {
  type: string;
  key: string;
  line: number;
  fields: Map<string, RawField>;
}

/** Thrown inside the parser to abandon the current entry; becomes a `BibError`. */
class Fail {
  constructor(
    readonly line: number,
    readonly message: string,
    /** Where to resume scanning; default: the next line that starts with `@`. */
    readonly resumeAt?: number,
  ) {}
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MAX_ERRORS = 50;

class BibParser {
  private i = 0;
  private readonly lineStarts: number[] = [0];
  private readonly macros = new Map<string, string>(MONTHS.map((m, k) => [m, MONTH_NAMES[k]]));
  readonly entries: RawEntry[] = [];
  readonly errors: BibError[] = [];
  readonly warnings: BibError[] = [];
  /** Where the last complete entry ended, for messages about a stray '}' after it. */
  private lastEntry?: { key: string; line: number; end: number };
  /** Brace depth of free text between entries, and whether a stray '}' there was reported. */
  private junkDepth = 0;
  private strayReported = false;

  constructor(private readonly s: string) {
    for (let k = 0; k < s.length; k++) if (s[k] === '\n') this.lineStarts.push(k + 1);
  }

  line(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  run(): void {
    const s = this.s;
    while (this.i < s.length && this.errors.length < MAX_ERRORS) {
      const c = s[this.i];
      if (c === '@' && !/[\w.+-]/.test(s[this.i - 1] ?? '') && isLetter(s[this.i + 1])) {
        // (an "@" right after a word character is an e-mail address in free text, and one not
        // followed by a letter cannot start an entry: both are free text, which BibTeX ignores)
        this.junkDepth = 0;
        this.strayReported = false;
        try {
          this.entry();
        } catch (e) {
          if (!(e instanceof Fail)) throw e;
          this.errors.push({ line: e.line, message: e.message });
          this.resync(e.resumeAt);
        }
      } else if (c === '%' && this.atLineStart(this.i)) {
        // A comment line ("% @article{old, …}" must not be read as an entry). A '%' inside a
        // line of free text is just text: after an entry that closed early, the rest of its
        // fields ("50\% …}") are free text and their braces must still be counted.
        this.skipLine();
      } else if (c === '{') {
        this.junkDepth++;
        this.i++;
      } else if (c === '}') {
        // Outside an entry BibTeX ignores text, but a closing brace there without an opening one
        // means an entry closed early: its remaining fields would silently be dropped. Reported
        // once per early-closed entry.
        if (this.junkDepth > 0) this.junkDepth--;
        else if (!this.strayReported) {
          this.errors.push(this.strayBrace());
          this.strayReported = true;
        }
        this.i++;
      } else {
        this.i++;
      }
    }
  }

  private strayBrace(): BibError {
    const here = this.line(this.i);
    const prev = this.lastEntry;
    // Field text between the previous entry's end and this brace: that entry was closed early by
    // an extra '}' in one of its values, and the fields after it were cut off.
    if (prev && /=/.test(this.s.slice(prev.end, this.i))) {
      const endLine = this.line(prev.end - 1);
      return {
        line: endLine,
        message: `Unbalanced braces: entry '${prev.key}' (line ${prev.line}) is closed at line ${endLine}, but field text follows up to a stray '}' at line ${here} — an extra '}' in a value?`,
      };
    }
    return { line: here, message: "Unexpected '}' outside an entry: unbalanced braces" };
  }

  /** Only spaces or tabs between the start of the line and `pos`. */
  private atLineStart(pos: number): boolean {
    let k = pos;
    while (k > 0 && (this.s[k - 1] === ' ' || this.s[k - 1] === '\t')) k--;
    return k === 0 || this.s[k - 1] === '\n' || this.s[k - 1] === '\r';
  }

  private skipLine(): void {
    const nl = this.s.indexOf('\n', this.i);
    this.i = nl < 0 ? this.s.length : nl + 1;
  }

  /** Continue at `at`, or at the next line starting with "@" after the current position. */
  private resync(at?: number): void {
    if (at !== undefined) {
      this.i = at;
      return;
    }
    // The error may have been found at an "@" that starts a line (the next entry): resume there.
    if (this.s[this.i] === '@' && this.atLineStart(this.i)) return;
    const re = /\n[ \t]*@/g;
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    this.i = m ? m.index + m[0].length - 1 : this.s.length;
  }

  /** Skip whitespace and %-comments between tokens. */
  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\ufeff') this.i++;
      else if (c === '%') this.skipLine();
      else break;
    }
  }

  private ident(): string {
    const m = /[^\s"#%'(),={}@\\]+/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) return '';
    this.i += r[0].length;
    return r[0];
  }

  /** Citation keys allow more than identifiers (DBLP:journals/corr/abs-1706-03762, o'neil2020). */
  private citeKey(): string {
    const m = /[^\s,{}()"#%=]+/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) return '';
    this.i += r[0].length;
    return r[0];
  }

  private describe(pos: number): string {
    if (pos >= this.s.length) return 'the end of the file';
    const c = this.s[pos];
    return c === '\n' || c === '\r' ? 'a line break' : `'${c}'`;
  }

  private entry(): void {
    const s = this.s;
    const at = this.i;
    const startLine = this.line(at);
    this.i++; // '@'
    this.ws();
    const type = this.ident().toLowerCase();
    if (!type || !/^[a-z]/.test(type)) throw new Fail(startLine, `Expected an entry type after '@' (found ${this.describe(this.i)})`);
    this.ws();
    const open = s[this.i];
    if (type === 'comment' && open !== '{' && open !== '(') {
      // "@comment text…" without braces: BibTeX ignores the rest of the line.
      this.skipLine();
      return;
    }
    if (open !== '{' && open !== '(') throw new Fail(startLine, `Expected '{' after '@${type}' (found ${this.describe(this.i)})`);
    const close = open === '{' ? '}' : ')';
    this.i++;

    if (type === 'comment') {
      this.skipComment(startLine, close);
      return;
    }
    if (type === 'preamble') {
      this.ws();
      this.value('@preamble');
      this.expectClose(close, '@preamble', startLine);
      return;
    }
    if (type === 'string') {
      this.ws();
      const name = this.ident();
      if (!name) throw new Fail(this.line(this.i), `Expected a macro name in @string (found ${this.describe(this.i)})`);
      this.ws();
      if (s[this.i] !== '=')
        throw new Fail(this.line(this.i), `Expected '=' after @string name '${name}' (found ${this.describe(this.i)})`);
      this.i++;
      this.ws();
      const v = this.value(name);
      this.macros.set(name.toLowerCase(), v.value);
      this.ws();
      if (s[this.i] === ',') this.i++;
      this.expectClose(close, `@string{${name}}`, startLine);
      return;
    }

    this.ws();
    const key = this.citeKey();
    this.ws();
    if (!key || s[this.i] === '=') throw new Fail(startLine, `Entry @${type} has no citation key`);
    const e: RawEntry = { type, key, line: startLine, fields: new Map() };
    if (s[this.i] === close) {
      this.i++;
      this.entries.push(e);
      this.lastEntry = { key, line: startLine, end: this.i };
      return;
    }
    if (s[this.i] !== ',')
      throw new Fail(
        this.line(this.i),
        `Expected ',' after the key '${key}' of the entry at line ${startLine} (found ${this.describe(this.i)})`,
      );
    this.i++;
    for (;;) {
      this.ws();
      if (this.i >= s.length)
        throw new Fail(startLine, `Entry '${key}' is never closed: missing '${close}' (unbalanced braces) — reached the end of the file`);
      if (s[this.i] === close) {
        this.i++;
        break;
      }
      const fieldLine = this.line(this.i);
      const name = this.ident().toLowerCase();
      if (!name) throw new Fail(fieldLine, `Expected a field name or '${close}' in entry '${key}' (found ${this.describe(this.i)})`);
      this.ws();
      if (s[this.i] !== '=')
        throw new Fail(this.line(this.i), `Expected '=' after field '${name}' in entry '${key}' (found ${this.describe(this.i)})`);
      this.i++;
      this.ws();
      const v = this.value(name, key);
      if (e.fields.has(name))
        this.warnings.push({ line: fieldLine, message: `Entry '${key}': duplicate field '${name}' ignored (the first one is kept)` });
      else e.fields.set(name, { value: v.value, line: fieldLine });
      this.ws();
      if (s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (s[this.i] === close) {
        this.i++;
        break;
      }
      if (this.i >= s.length)
        throw new Fail(startLine, `Entry '${key}' is never closed: missing '${close}' (unbalanced braces) — reached the end of the file`);
      // The usual cause is a value whose braces do not balance: it swallowed the following lines
      // and ended somewhere unexpected. Point at the line where that value started.
      const here = this.line(this.i);
      if (v.endLine > v.startLine) {
        throw new Fail(
          v.startLine,
          `Unbalanced braces? The value of field '${name}' in entry '${key}' starts at line ${v.startLine} and runs to line ${v.endLine}, then ${this.describe(this.i)} follows at line ${here} where ',' or '${close}' was expected`,
        );
      }
      throw new Fail(here, `Expected ',' or '${close}' after field '${name}' in entry '${key}' (found ${this.describe(this.i)})`);
    }
    this.entries.push(e);
    this.lastEntry = { key, line: startLine, end: this.i };
  }

  private expectClose(close: string, what: string, startLine: number): void {
    this.ws();
    if (this.s[this.i] !== close)
      throw new Fail(
        this.line(this.i),
        `Expected '${close}' to close ${what} opened at line ${startLine} (found ${this.describe(this.i)})`,
      );
    this.i++;
  }

  private skipComment(startLine: number, close: string): void {
    const s = this.s;
    let depth = 1;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '{' || (close === ')' && c === '(')) depth++;
      else if (c === '}' || (close === ')' && c === ')')) {
        if (--depth === 0) {
          this.i++;
          return;
        }
      }
    }
    throw new Fail(startLine, '@comment is never closed (unbalanced braces) — reached the end of the file');
  }

  /** A field value: parts joined by `#`. */
  private value(field: string, key?: string): { value: string; startLine: number; endLine: number } {
    const s = this.s;
    const where = key ? `field '${field}' of entry '${key}'` : field;
    let out = '';
    const startLine = this.line(this.i);
    for (;;) {
      const c = s[this.i];
      const partLine = this.line(this.i);
      if (c === '{') out += this.braced(where, partLine);
      else if (c === '"') out += this.quoted(where, partLine);
      else if (c !== undefined && /[0-9]/.test(c)) {
        const start = this.i;
        while (/[0-9]/.test(s[this.i] ?? '')) this.i++;
        out += s.slice(start, this.i);
      } else {
        const name = this.ident();
        if (!name) throw new Fail(this.line(this.i), `Expected a value for ${where} (found ${this.describe(this.i)})`);
        const m = this.macros.get(name.toLowerCase());
        if (m === undefined) {
          // BibTeX warns and uses an empty string; the name itself is more useful ("jmlr").
          this.warnings.push({ line: partLine, message: `Undefined @string macro '${name}' in ${where}; used as text` });
          out += name;
        } else out += m;
      }
      const end = this.i;
      this.ws();
      if (s[this.i] === '#') {
        this.i++;
        this.ws();
        continue;
      }
      return { value: out, startLine, endLine: this.line(Math.max(end - 1, 0)) };
    }
  }

  private braced(where: string, openLine: number): string {
    const s = this.s;
    const start = ++this.i;
    let depth = 1;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '{') depth++;
      else if (c === '}') {
        if (--depth === 0) return s.slice(start, this.i++);
      } else if (c === '\n') {
        // A new entry starting inside a value means the value's braces never closed.
        const m = /[ \t]*@[A-Za-z]+[ \t]*[{(]/y;
        m.lastIndex = this.i + 1;
        if (m.exec(s)) {
          throw new Fail(
            openLine,
            `Unbalanced braces: the value of ${where} opened at line ${openLine} is not closed before the next entry at line ${this.line(this.i + 1)}`,
            this.i + 1,
          );
        }
      }
    }
    throw new Fail(openLine, `Unbalanced braces: the value of ${where} opened at line ${openLine} is never closed`);
  }

  private quoted(where: string, openLine: number): string {
    const s = this.s;
    const start = ++this.i;
    let depth = 0;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '{') depth++;
      else if (c === '}') {
        // Usually a missing closing quote: the value ran into the entry's closing brace.
        if (--depth < 0)
          throw new Fail(
            openLine,
            `The quoted value of ${where} opened at line ${openLine} is not closed before the '}' at line ${this.line(this.i)} (missing '"' or unbalanced braces)`,
          );
      } else if (c === '"' && depth === 0) return s.slice(start, this.i++);
    }
    throw new Fail(openLine, `The quoted value of ${where} opened at line ${openLine} is never closed (missing '"' or unbalanced braces)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading: entries → papers

/** Split an author field at top-level " and " (braces protect "{Barnes and Noble}"). */
function splitAnd(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < value.length; k++) {
    const c = value[k];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c)) {
      const m = /\s+and\s+/iy;
      m.lastIndex = k;
      const r = m.exec(value);
      if (r) {
        out.push(value.slice(start, k));
        start = k + r[0].length;
        k = start - 1;
      }
    }
  }
  out.push(value.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Split at top-level commas. */
function splitTopCommas(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < value.length; k++) {
    const c = value[k];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(value.slice(start, k));
      start = k + 1;
    }
  }
  out.push(value.slice(start));
  return out.map((x) => x.trim());
}

/** One BibTeX name ("von Last, Jr, First" / "von Last, First" / "First von Last") in display order. */
function bibNameToDisplay(raw: string): string {
  const parts = splitTopCommas(raw).map(decodeLatex);
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) return displayName({ family: parts[0], given: parts[1] });
  return displayName({ family: parts[0], suffix: parts[1], given: parts.slice(2).join(' ') });
}

/** 1–12 from "jan", "January", "Jan.", "1", "01"; undefined otherwise. */
function monthNumber(s: string): number | undefined {
  const t = s.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const m = +t;
    return m >= 1 && m <= 12 ? m : undefined;
  }
  const k = MONTHS.indexOf(t.slice(0, 3));
  return k >= 0 && /^[a-z]+\.?$/.test(t) ? k + 1 : undefined;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function toPaper(e: RawEntry): ImportedPaper | undefined {
  const raw = (name: string) => e.fields.get(name)?.value;
  const text = (name: string) => {
    const v = raw(name);
    return v === undefined ? undefined : decodeLatex(v) || undefined;
  };
  const verb = (name: string) => {
    const v = raw(name);
    return v === undefined ? undefined : decodeVerbatim(v) || undefined;
  };

  let title = text('title');
  if (!title) return undefined;
  const subtitle = text('subtitle');
  if (subtitle) title = `${title}: ${subtitle}`;

  let authorsTruncated = false;
  const authors: string[] = [];
  for (const name of splitAnd(raw('author') ?? '')) {
    if (/^others$/i.test(name)) authorsTruncated = true;
    else {
      const d = bibNameToDisplay(name);
      if (d) authors.push(d);
    }
  }

  // Dates: biblatex `date` (ISO) wins, else year + month (+ day).
  let year: number | undefined;
  let date: string | undefined;
  const iso = text('date')?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (iso) {
    year = +iso[1];
    date = iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : iso[2] ? `${iso[1]}-${iso[2]}` : undefined;
  } else {
    const y = text('year')?.match(/\d{4}/);
    if (y) {
      year = +y[0];
      const m = monthNumber(text('month') ?? '');
      const d = Number(text('day'));
      if (m) date = Number.isInteger(d) && d >= 1 && d <= 31 ? `${y[0]}-${pad2(m)}-${pad2(d)}` : `${y[0]}-${pad2(m)}`;
    }
  }

  const type = e.type;
  const howpublished = raw('howpublished');
  const howUrl = howpublished && /\\url|^\s*https?:/i.test(howpublished) ? decodeVerbatim(howpublished) : undefined;
  let venue = text('journaltitle') ?? text('journal') ?? text('booktitle');
  if (!venue) {
    if (type === 'book') venue = text('publisher');
    else if (/thesis$/.test(type)) venue = text('school') ?? text('institution');
    else if (type === 'techreport' || type === 'report') venue = text('institution');
    else if (!howUrl) venue = text('howpublished');
    // Zotero writes preprints as @misc{…, publisher = {arXiv}}.
    if (!venue && ['misc', 'unpublished', 'online', 'preprint'].includes(type)) venue = text('publisher');
  }

  const url = verb('url') ?? howUrl;
  let doi = normalizeDoi(verb('doi'));
  if (!doi && url && /^https?:\/\/(dx\.)?doi\.org\//i.test(url)) doi = normalizeDoi(url);

  // arXiv id: eprint (when the archive is arXiv or unnamed), a Scholar/DBLP-style journal
  // ("arXiv preprint arXiv:1706.03762", "CoRR abs/1706.03762"), an arxiv.org URL, or a DataCite
  // arXiv DOI (10.48550/arXiv.1706.03762).
  let arxiv: string | undefined;
  const eprint = verb('eprint');
  const archive = text('archiveprefix') ?? text('eprinttype');
  if (eprint && (!archive || /arxiv/i.test(archive))) arxiv = normalizeArxivId(eprint);
  if (!arxiv && venue && /arxiv|\bcorr\b/i.test(venue)) arxiv = normalizeArxivId(venue);
  if (!arxiv && url && /arxiv\.org\//i.test(url)) arxiv = normalizeArxivId(url);
  if (!arxiv && doi) {
    const m = doi.match(/^10\.48550\/arxiv\.(.+)$/);
    if (m) arxiv = normalizeArxivId(m[1]);
  }

  const primaryClass = text('primaryclass');
  const keywords = [...new Set((raw('keywords') ?? raw('keyword') ?? '').split(/[,;]/).map(decodeLatex).filter(Boolean))];

  let paperType: string = type;
  if (type === 'conference') paperType = 'inproceedings';
  else if (type === 'article' && venue && isPreprintVenue(venue)) paperType = 'preprint';
  else if (['misc', 'unpublished', 'online', 'electronic', 'preprint', 'www'].includes(type) && arxiv) paperType = 'preprint';

  const ids: PaperIds = {};
  if (doi) ids.doi = doi;
  if (arxiv) ids.arxiv = arxiv;

  const p: ImportedPaper = { title, authors };
  if (authorsTruncated) p.authorsTruncated = true;
  if (year) p.year = year;
  if (date) p.date = date;
  if (venue) p.venue = venue;
  const abstract = text('abstract');
  if (abstract) p.abstract = abstract;
  if (primaryClass) p.categories = [primaryClass];
  if (keywords.length) p.keywords = keywords;
  if (Object.keys(ids).length) p.ids = ids;
  if (url) p.url = url;
  p.type = paperType;
  p.citeKey = e.key;
  return p;
}

/**
 * Read a BibTeX file. Understands @string macros (and the predefined month macros `jan`…`dec`),
 * `#` concatenation, braced and quoted values with nested braces, bare numbers, @comment,
 * @preamble (ignored), `%` line comments, entries delimited by `(`…`)`, LaTeX accents and commands
 * in values (`decodeLatex`), "Last, First and First Last" author lists ("and others" sets
 * `authorsTruncated`), month/date fields, and arXiv ids from eprint / journal / URL.
 *
 * Error policy — all or nothing: syntax errors (unbalanced braces, a missing `=` or `,`, an
 * unterminated string…) are returned in `errors` with the 1-based line to look at, and when there
 * is any error `papers` is empty, so a caller cannot import half a broken file. The parser still
 * resynchronises at the next line starting with `@` to report further errors in one pass (capped
 * at 50). Entries without a title are skipped with a warning — they are valid BibTeX.
 */
export function parseBibtex(text: string): BibtexParseResult {
  const parser = new BibParser(text);
  parser.run();
  if (parser.errors.length) return { papers: [], errors: parser.errors, warnings: parser.warnings };
  const papers: ImportedPaper[] = [];
  for (const e of parser.entries) {
    const p = toPaper(e);
    if (p) papers.push(p);
    else parser.warnings.push({ line: e.line, message: `Entry '${e.key}' has no title; skipped` });
  }
  return { papers, errors: [], warnings: parser.warnings };
}
