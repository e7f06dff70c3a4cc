/**
 * "Copy citation": a paper as a reference in APA style (7th edition), built in. Why built in and
 * not citeproc-js with the APA CSL style: no new dependencies (citeproc-js is ~400 kB and the APA
 * style ~100 kB more, loaded into the popup and side panel), and Paperdex needs one style for one
 * paper at a time. The rules implemented, for the fields Paperdex keeps:
 *
 * - Authors "Surname, I. I." (initials from the given names, "Jean-Paul" → "J.-P.", Scholar's run
 *   together "DP" → "D. P."), particles kept with the surname ("van Merriënboer, B."), suffix after
 *   ("Ford, H., Jr."), separated by commas with "&" before the last; 21 or more authors: the first
 *   19, "…", then the last. A list the site cut short ends "et al." (APA has no rule for an unknown
 *   rest). Names in CJK scripts (王小明, 山田 太郎) and single names (organisations, mononyms) are
 *   written as they are. No authors: the title takes the author position.
 * - Date "(2021)." or "(n.d.)".
 * - Title as stored (Paperdex cannot tell proper nouns, so it does not sentence-case). Titles of
 *   works that stand alone (preprints, books, theses, reports, unknown kinds) are in italics, and
 *   the periodical / proceedings of articles and conference papers is.
 * - Journal article: "*Journal*, *volume*(issue), pages." — volume, issue and pages as read from the
 *   venue line (lib/interchange/cite/venue.ts). Conference paper or chapter: "In *Proceedings*
 *   (Vol. 30, pp. 1–10)." arXiv preprint: "*Title* (arXiv:1706.03762). arXiv." Other preprints:
 *   "*Title* [Preprint]. bioRxiv." Thesis: "*Title* [Doctoral dissertation, School]."
 * - Then the DOI as https://doi.org/…, else the arXiv abstract page, else the landing page; no
 *   period after it.
 *
 * Two flavours of the same reference: plain text, and HTML with `<i>` for the italics (for the
 * clipboard's text/html, so a word processor keeps them). Every piece of text is HTML-escaped. Pure.
 */
import type { ExportedPaper } from '../export';
import { clean } from '../../core/text';
import { splitDisplayName } from '../bibtex/names';
import { paperKind } from '../bibtex/paper-kind';
import { venueOf } from './venue';

/** The fields of a paper a citation reads. */
export type CitablePaper = Pick<ExportedPaper, 'title' | 'authors' | 'authorsTruncated' | 'year' | 'venue' | 'ids' | 'url' | 'type'>;

/** A formatted reference: plain text and the same with `<i>` italics. */
export interface Citation {
  text: string;
  html: string;
}

interface Piece {
  text: string;
  italic?: boolean;
}

// Native-script CJK names keep their order (family name first) and are not abbreviated.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Initials of given names: "Diederik P." → "D. P.", "Jean-Paul" → "J.-P.", "DP" → "D. P.". */
export function initials(given: string): string {
  const out: string[] = [];
  for (const word of clean(given).split(' ')) {
    // Scholar runs initials together: "DP Kingma", "JRR Tolkien".
    if (/^\p{Lu}{2,3}$/u.test(word)) {
      for (const c of word) out.push(`${c}.`);
      continue;
    }
    const parts = word.split(/-/).filter(Boolean);
    const ini = parts
      .map((p) => {
        const first = Array.from(p.replace(/^[^\p{L}]+/u, ''))[0];
        return first ? `${first.toUpperCase()}.` : '';
      })
      .filter(Boolean);
    if (ini.length) out.push(ini.join('-'));
  }
  return out.join(' ');
}

/** One author in APA form: "Lindqvist, M.", "van Merriënboer, B.", "Ford, H., Jr.", "王小明", "OpenAI". */
export function apaName(display: string): string | undefined {
  const name = clean(display).replace(/\s+\d{4}$/, '');
  if (!name) return undefined;
  if (CJK.test(name)) return name;
  const p = splitDisplayName(name);
  if (!p) return undefined;
  if (!p.given) return p.suffix ? `${p.family}, ${p.suffix}` : p.family;
  const given = initials(p.given);
  const base = given ? `${p.family}, ${given}` : p.family;
  return p.suffix ? `${base}, ${p.suffix}` : base;
}

/** The author list: "A, B, & C"; 21+ authors: the first 19, "…", the last; a cut list ends "et al.". */
export function apaAuthors(authors: string[], truncated?: boolean): string {
  const names = authors.map(apaName).filter((n): n is string => !!n);
  if (!names.length) return '';
  if (truncated) return `${names.slice(0, 19).join(', ')}, et al.`;
  if (names.length === 1) return names[0];
  if (names.length <= 20) return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
  return `${names.slice(0, 19).join(', ')}, … ${names[names.length - 1]}`;
}

/** `s` ending with a period (unless it already ends with . ? or !). */
const period = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

/** Where the reader finds the paper: DOI, else arXiv abstract page, else landing page. */
export function citationLink(p: Pick<ExportedPaper, 'ids' | 'url'>): string | undefined {
  const doi = clean(p.ids?.doi);
  if (doi) return `https://doi.org/${doi}`;
  const arxiv = clean(p.ids?.arxiv);
  if (arxiv) return `https://arxiv.org/abs/${arxiv}`;
  return clean(p.url) || undefined;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The paper as an APA 7 reference (see the module comment for the rules), in plain text and in
 * HTML with italics. Never throws; a paper with nothing but a title gives "*Title*. (n.d.)."
 */
export function formatCitation(p: CitablePaper): Citation {
  const pieces: Piece[] = [];
  const add = (text: string, italic = false) => {
    if (text) pieces.push({ text, italic });
  };
  const kind = paperKind(p);
  const title = clean(p.title);
  const year = typeof p.year === 'number' && Number.isFinite(p.year) ? String(Math.trunc(p.year)) : 'n.d.';
  const arxiv = clean(p.ids?.arxiv);
  const venue = venueOf(p);
  const standAlone = !['journal', 'conference', 'chapter'].includes(kind);
  const authors = apaAuthors(p.authors, p.authorsTruncated);

  // The title piece, with what APA puts right after it: "(arXiv:…)" or "[Preprint]".
  const titlePieces = (): Piece[] => {
    const out: Piece[] = [];
    let note = '';
    if (kind === 'preprint') note = arxiv ? ` (arXiv:${arxiv})` : ' [Preprint]';
    else if (kind === 'phdthesis' || kind === 'mastersthesis') {
      const what = kind === 'phdthesis' ? 'Doctoral dissertation' : 'Master’s thesis';
      note = venue ? ` [${what}, ${venue.name}]` : ` [${what}]`;
    }
    // The closing period is not part of the (italic) title.
    out.push({ text: title, italic: standAlone });
    out.push({ text: note ? period(note) : period(title).slice(title.length) });
    return out;
  };

  if (authors) {
    add(`${period(authors)} (${year}). `);
    for (const t of titlePieces()) add(t.text, t.italic);
  } else {
    // No author: the title moves to the author position (APA 9.12).
    for (const t of titlePieces()) add(t.text, t.italic);
    add(` (${year}).`);
  }

  // Source: the periodical, proceedings, server or publisher.
  if (venue) {
    if (kind === 'journal') {
      add(' ');
      add(venue.name, true);
      if (venue.volume) {
        add(', ');
        add(venue.volume, true);
        if (venue.issue) add(`(${venue.issue})`);
      }
      add(venue.pages ? `, ${venue.pages}.` : '.');
    } else if (kind === 'conference' || kind === 'chapter') {
      add(' In ');
      add(venue.name, true);
      const loc = [venue.volume && `Vol. ${venue.volume}`, venue.pages && `${/–/.test(venue.pages) ? 'pp.' : 'p.'} ${venue.pages}`]
        .filter(Boolean)
        .join(', ');
      add(loc ? ` (${loc}).` : '.');
    } else if (kind === 'preprint') {
      // "arXiv preprint arXiv:1706.03762" / "CoRR abs/…" say no more than "arXiv".
      add(` ${period(arxiv && /arxiv|corr/i.test(venue.name) ? 'arXiv' : clean(p.venue))}`);
    } else if (kind !== 'phdthesis' && kind !== 'mastersthesis') {
      add(` ${period(clean(p.venue))}`);
    }
  } else if (kind === 'preprint' && arxiv) {
    add(' arXiv.');
  }

  const link = citationLink(p);
  if (link) add(` ${link}`);

  const text = pieces.map((x) => x.text).join('');
  const html = pieces.map((x) => (x.italic ? `<i>${escapeHtml(x.text)}</i>` : escapeHtml(x.text))).join('');
  return { text, html };
}
