/**
 * OpenReview adapter (openreview.net): forum pages (`/forum?id=…`) → the submission as one paper;
 * venue group pages (`/group?id=ICLR.cc/2019/Conference`, any tab) and `/submissions?venue=…` →
 * the notes of the visible list; `/search?term=…` → the paper hits. OpenReview is a single-page
 * app whose markup comes in three generations (2018-21 Handlebars webfields, the React `Note` /
 * `LegacyForum` components for API v1 notes, and `NoteV2` / `ForumNote` for API v2 notes); this
 * module owns the quirks of all three. It reads the DOM as rendered at call time and returns null
 * while the relevant part is still a spinner, so a later re-run captures the full list.
 *
 * Venue choice: the venue is the string OpenReview shows for the note (`content.venue`, else the
 * pretty invitation id). A bare submission invitation ("ICLR 2019 Conference Blind Submission",
 * "… Submission") says nothing beyond the venue, so that suffix is dropped ("ICLR 2019
 * Conference"); anything else is kept as shown ("ICLR 2024 poster", "Submitted to ICLR 2023",
 * "ICLR 2019 Conference Withdrawn Submission"). The year comes from the venue, else from the date.
 */
import type { ScrapedPaper, ScrapedProfileRef } from '../../core/types';
import { findDate } from '../kit/dates';
import { walkDom } from '../kit/walk';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { fromEmbedded } from '../kit/from-embedded';
import { absUrl, all, clean, compact, parseCount, parseYear } from '../kit/dom';
import { splitList, visibleText } from '../kit/text';
import { queryParam, resolveUrl } from '../kit/urls';

/** Canonical origin: links are rebuilt on it so the same paper gets the same URLs everywhere. */
const ORIGIN = 'https://openreview.net';

// ---------------------------------------------------------------------------------------------
// URL shapes

/** openreview.net (and www.): not api.openreview.net (JSON) nor the docs site. */
export function isOpenReviewHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'openreview.net' || h === 'www.openreview.net';
}

type OpenReviewPage = 'paper' | 'listing' | 'search';

/** Which kind of OpenReview page a URL is, from its path and parameters; undefined for others. */
export function pageKindOf(url: URL): OpenReviewPage | undefined {
  if (!isOpenReviewHost(url.hostname)) return undefined;
  const p = url.pathname.replace(/\/+$/, '') || '/';
  const q = url.searchParams;
  // `/forum/<paperhash>` is the paperhash alias of a forum page.
  if ((p === '/forum' && (q.get('id') || q.get('noteId'))) || p.startsWith('/forum/')) return 'paper';
  if ((p === '/group' && q.get('id')) || (p === '/submissions' && q.get('venue'))) return 'listing';
  if (p === '/search' && q.get('term')) return 'search';
  return undefined;
}

/** `https://openreview.net/forum?id=<id>`. */
export function forumUrl(id: string): string {
  return `${ORIGIN}/forum?id=${encodeURIComponent(id)}`;
}

/** `https://openreview.net/pdf?id=<id>`. */
export function pdfUrlFor(id: string): string {
  return `${ORIGIN}/pdf?id=${encodeURIComponent(id)}`;
}

/** The `id=` parameter of an OpenReview link (`/pdf?id=`, `/forum?id=`, …). */
function idParam(href: string | null | undefined, base: URL): string | undefined {
  return queryParam(href, base, 'id');
}

/** The forum id (`id=`) and reply id (`noteId=`) of a `/forum?…` link; empty for other links. */
export function forumLinkIds(href: string | null | undefined, base: URL): { id?: string; noteId?: string } {
  const u = resolveUrl(href, base);
  if (!u || !isOpenReviewHost(u.hostname) || u.pathname !== '/forum') return {};
  return compact({ id: u.searchParams.get('id') || undefined, noteId: u.searchParams.get('noteId') || undefined });
}

/**
 * A paper's PDF link, canonicalised: OpenReview serves the same file at `/pdf?id=X` and (in the
 * React note lists) `/attachment?id=X&name=pdf`; both become `https://openreview.net/pdf?id=X`.
 * PDFs hosted elsewhere (the `pdf` field may be an external URL) are kept as they are.
 */
export function normalizePdfUrl(href: string | null | undefined, base: URL): string | undefined {
  const u = resolveUrl(href, base);
  if (!u) return undefined;
  if (!isOpenReviewHost(u.hostname)) return u.href;
  const id = u.searchParams.get('id');
  if (u.pathname === '/pdf' && id) return pdfUrlFor(id);
  if (u.pathname === '/attachment' && id && u.searchParams.get('name') === 'pdf') return pdfUrlFor(id);
  // `/pdf/<sha>.pdf` (a v1 `pdf` field value) is a real file URL too; other attachments are not the paper.
  return u.pathname.startsWith('/pdf/') ? u.href : undefined;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Elements whose text is not content: icons and buttons (math and scripts are handled by `visibleText`). */
const NOT_TEXT = 'img, svg, button';

/**
 * Cleaned visible text of an element: block children (markdown-rendered paragraphs) are
 * separated by spaces, and typeset math reads as its TeX source (MathJax 2) or MathML text
 * (MathJax 3) rather than glyph soup.
 */
export function readText(el: Element | null | undefined): string {
  return visibleText(el, { skip: NOT_TEXT, math: true, blocks: true });
}

/**
 * The date OpenReview shows for a note, as ISO: "28 Sept 2018 (modified: 11 Jan 2019)" →
 * "2018-09-28"; "Published: 21 Dec 2018, Last Modified: 22 Oct 2023" → "2018-12-21";
 * "Sep 2018" → "2018-09". A bare year ("2019") is no date. Both "Sep" and "Sept" occur: browsers
 * format `en-GB` short months either way.
 */
export function parseForumDate(s: string | null | undefined): string | undefined {
  const t = clean(s);
  const published = t.match(/Published:\s*([^,(]+)/i);
  // "28 Sep 2018" / "Sep 2018" (en-GB), or "Sep 28, 2018" (en-US, some Handlebars helpers).
  return findDate(published ? published[1] : t.split('(')[0], ['dmy', 'mdy', 'my'])?.date;
}

/**
 * OpenReview's `prettyId` for group and invitation ids: "ICLR.cc/2019/Conference" →
 * "ICLR 2019 Conference", "ICLR.cc/2019/Conference/-/Blind_Submission" →
 * "ICLR 2019 Conference Blind Submission" (domain suffixes and "-" tokens dropped).
 */
export function prettyGroupId(id: string | null | undefined): string {
  const t = clean(id);
  if (!t) return '';
  if (t.startsWith('~')) return clean(t.slice(1).replace(/_|\d+/g, ' '));
  return clean(
    t
      .split('/')
      .map((tok) => tok.replace(/\..+$/, '').replace(/_/g, ' ').replace(/^-$/, ''))
      .filter((tok) => tok.trim())
      .join(' '),
  );
}

/**
 * The venue as shown, minus a bare submission-invitation suffix (see the module header):
 * "ICLR 2019 Conference Blind Submission" → "ICLR 2019 Conference"; withdrawn and desk-rejected
 * submissions, and `content.venue` strings, stay as shown.
 */
export function normalizeVenue(s: string | null | undefined): string {
  const t = clean(s);
  if (!t || /\b(withdrawn|desk[\s_-]*rejected)\b/i.test(t)) return t;
  const m = t.match(/^(.+?)\s+(?:Blind\s+)?Submission$/i);
  return m ? m[1] : t;
}

/** Keywords as displayed ("a, b; c") → ["a", "b", "c"]. */
export function splitKeywords(s: string | null | undefined): string[] {
  return splitList(s);
}

// ---------------------------------------------------------------------------------------------
// Authors

/** Author-list parts that are not names: the "et al. (N additional authors not shown)" toggle, privacy icons, institution footnotes. */
function isAuthorNoise(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'SUP' || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'IMG') return true;
  const cl = el.classList;
  return (
    cl.contains('show-all') ||
    cl.contains('glyphicon') ||
    cl.contains('private-author-label') ||
    cl.contains('private-contents-icon') ||
    cl.contains('note-authors-institutions')
  );
}

/** The `~Profile_Id1` of a `/profile?id=~…` link (email and DBLP author links have no profile id). */
export function profileIdOf(href: string | null | undefined, base: URL): string | undefined {
  const u = resolveUrl(href, base);
  if (!u || !isOpenReviewHost(u.hostname) || u.pathname !== '/profile') return undefined;
  const id = u.searchParams.get('id');
  return id && id.startsWith('~') ? id : undefined;
}

/**
 * Under double-blind review a v2 note's authors are hidden and OpenReview prints the signature
 * group instead ("ICLR 2024 Conference Submission123 Authors"); that is no person, so it is
 * recorded as "Anonymous", the name v1 venues print in the same situation.
 */
export function authorName(shown: string): string {
  return /(?:^|\s)(?:Paper|Submission)\d+\s+Authors$/i.test(shown) ? 'Anonymous' : shown;
}

export interface AuthorList {
  authors: string[];
  truncated: boolean;
  profiles: ScrapedProfileRef[];
}

/**
 * Names in an author line, in page order. The React components render
 * `<span><a>A</a>, <span>B</span> <a class="show-all">et al. (3 additional authors not shown)</a></span>`
 * (more than 20 authors are cut); the Handlebars webfields render links and *bare text* joined by
 * ", " (an "Anonymous" author is plain text), so text nodes are split on commas too.
 */
export function readAuthors(container: Element | null | undefined, base: URL): AuthorList {
  const out: AuthorList = { authors: [], truncated: false, profiles: [] };
  if (!container) return out;
  // Iterative (kit/walk.ts): a page's nesting depth must not overflow the stack.
  walkDom(container, {
    text: (t) => {
      for (const part of (t.data ?? '').split(',')) {
        const name = clean(part);
        if (name) out.authors.push(authorName(name));
      }
    },
    element: (el) => {
      if (isAuthorNoise(el)) {
        if (el.classList.contains('show-all') && /et al/i.test(el.textContent ?? '')) out.truncated = true;
        return false;
      }
      if (el.tagName.toUpperCase() === 'A' || el.children.length === 0) {
        const name = readText(el);
        if (!name) return false;
        out.authors.push(authorName(name));
        if (el.tagName.toUpperCase() === 'A') {
          const id = profileIdOf(el.getAttribute('href'), base);
          if (id) out.profiles.push({ name, id, url: `${ORIGIN}/profile?id=${encodeURIComponent(id)}` });
        }
        return false;
      }
      return true;
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Note fields

const isFieldEl = (el: Element) => el.classList.contains('note-content-field') || el.classList.contains('note_content_field');
const isValueEl = (el: Element) => el.classList.contains('note-content-value') || el.classList.contains('note_content_value');

/**
 * A note's content fields, by lower-cased label without the colon ("abstract", "tl;dr",
 * "keywords", "code", …) → the value element. Handles `<strong class="note-content-field">Abstract:</strong>
 * <span class="note-content-value">…</span>` in both `ul > li` (2018-21) and `div > div` (React)
 * layouts, and the pre-2019 `note_content_field` / `note_content_value` spans. First label wins.
 */
export function readFields(root: ParentNode | null | undefined): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const f of all(root, '.note-content-field, .note_content_field')) {
    const label = clean(f.textContent).replace(/\s*:$/, '').toLowerCase();
    if (!label || out.has(label)) continue;
    let v = f.nextElementSibling;
    while (v && !isValueEl(v) && !isFieldEl(v)) v = v.nextElementSibling;
    if (v && isValueEl(v)) out.set(label, v);
  }
  return out;
}

const TLDR_LABELS = ['tl;dr', 'tldr', 'one-sentence summary', 'one sentence summary'];
const CODE_LABELS = ['code', 'code link', 'code url', 'code repository', 'source code', 'software'];

function firstField(fields: Map<string, Element>, labels: string[]): Element | undefined {
  for (const l of labels) {
    const el = fields.get(l);
    if (el) return el;
  }
  return undefined;
}

/** The link in a "Code:" field (auto-linked URL or attachment), or its text when that is a URL. */
function codeUrlOf(value: Element | undefined, base: URL): string | undefined {
  if (!value) return undefined;
  for (const a of all(value, 'a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (href) return href;
  }
  const t = readText(value);
  return /^https?:\/\/\S+$/i.test(t) ? absUrl(t, base) : undefined;
}

interface NoteFields {
  abstract?: string;
  tldr?: string;
  keywords?: string[];
  codeUrl?: string;
}

function noteFields(root: ParentNode, base: URL): NoteFields {
  const fields = readFields(root);
  const kw = fields.get('keywords') ?? fields.get('keyword');
  return {
    abstract: readText(fields.get('abstract')) || undefined,
    tldr: readText(firstField(fields, TLDR_LABELS)) || undefined,
    keywords: kw ? splitKeywords(readText(kw)) : undefined,
    codeUrl: codeUrlOf(firstField(fields, CODE_LABELS), base),
  };
}

/**
 * Date and venue from a note's meta line. Handlebars: `div.note-meta-info > span.date + span.item`;
 * React lists: `ul.note-meta-info > li` (date, venue, readers, replies); forum pages:
 * `.forum-meta > span.date.item + span.item` (venue behind a folder icon) or the legacy
 * `.meta_row > span.date.item + span.item`.
 */
function readMetaLine(line: Element | null | undefined): { date?: string; venue?: string } {
  if (!line) return {};
  const kids = Array.from(line.children);
  const dateEl = kids.find((k) => k.classList.contains('date')) ?? (kids[0]?.tagName.toUpperCase() === 'LI' ? kids[0] : undefined);
  const folder = kids.find((k) => k.querySelector('.glyphicon-folder-open'));
  const venueEl =
    folder ??
    kids.find((k) => {
      if (k === dateEl || k.classList.contains('readers')) return false;
      const t = readText(k);
      return !!t && !/^Readers:/i.test(t) && !/^\d+\s+Repl(y|ies)$/i.test(t) && !k.querySelector('a');
    });
  return compact({ date: parseForumDate(readText(dateEl)), venue: normalizeVenue(readText(venueEl)) || undefined });
}

// ---------------------------------------------------------------------------------------------
// Forum pages

/** The forum's main note: React `ForumNote`, `LegacyForum`, or the pre-2020 `#note_<id>` panel. */
function mainNote(doc: Document, id: string | undefined): Element | null {
  return (
    doc.querySelector('.forum-note') ??
    doc.querySelector('.forum-container > .note') ??
    (id ? doc.getElementById(`note_${id}`) : null) ??
    doc.querySelector('.note .citation_title')?.closest('.note') ??
    null
  );
}

/**
 * A forum page: the embedded reading (citation_*: authors, publication date, abstract, PDF) with
 * the note as rendered laid over it, and the date the note's meta line shows where the tags give
 * none. The tags are taken only when they name this forum (its PDF id or its title): after in-app
 * navigation they may still be the previous forum's. Not taken: the venue (this module's venue is
 * the string OpenReview shows, see the header; the tag's conference title is another string) and
 * the page URL (the forum URL is rebuilt from the id).
 */
function scrapeForum(doc: Document, url: URL): Scraped | null {
  let id = url.searchParams.get('id') || undefined;
  const note = mainNote(doc, id);
  // Not rendered yet (app shell, spinner) or an error page: nothing to capture yet.
  if (!note) return null;
  const title = readText(note.querySelector('.forum-title h2, h2.citation_title, .note_content_title'));
  if (!title) return null;

  const pdfLink = note.querySelector('a.citation_pdf_url, .forum-title a[title="Download PDF"], a.note_content_pdf[title="Download PDF"]');
  // `/forum/<paperhash>` has no id in the URL; the PDF link carries it.
  id ??= idParam(pdfLink?.getAttribute('href'), url);
  const names = readAuthors(note.querySelector('.forum-authors, .signatures.author, h3.signatures, .meta_row .signatures'), url);
  const line = note.querySelector('.forum-meta') ?? all(note, '.meta_row').find((r) => r.querySelector('.date'));
  const { date: shownDate, venue } = readMetaLine(line);
  const f = noteFields(note, url);

  const paper = fromEmbedded(
    doc,
    url,
    {
      title,
      authors: names.authors,
      authorsTruncated: names.truncated || undefined,
      year: parseYear(venue),
      venue,
      abstract: f.abstract,
      tldr: f.tldr,
      keywords: f.keywords,
      ids: { openreview: id },
      url: id ? forumUrl(id) : undefined,
      pdfUrl: normalizePdfUrl(pdfLink?.getAttribute('href'), url),
      codeUrl: f.codeUrl,
      authorProfiles: names.profiles,
    },
    {
      take: ['authors', 'year', 'date', 'abstract', 'keywords', 'pdfUrl'],
      trust: (e) => (!!id && idParam(e.pdfUrl, url) === id) || e.title.toLowerCase() === title.toLowerCase(),
      adjust: (e) => ({ ...e, pdfUrl: normalizePdfUrl(e.pdfUrl, url) }),
      fallback: { date: shownDate, year: parseYear(shownDate) },
    },
  );
  return paper && { kind: 'paper', papers: [paper] };
}

// ---------------------------------------------------------------------------------------------
// Note lists (group tabs, /submissions, /search)

/**
 * The part of the page whose notes are visible. Venue pages put each tab's list in a
 * `.tab-content > .tab-pane`; the React homepage loads every tab at once, so only the active
 * pane counts (before Bootstrap marks one active, the pane named by the URL hash: "#accept-oral"
 * or "#tab-accept-oral" for pane "accept-oral").
 */
function visibleScope(doc: Document, url: URL): ParentNode {
  const panes = all(doc, '.tab-content > .tab-pane');
  if (!panes.length) return doc;
  const active = panes.find((p) => p.classList.contains('active'));
  if (active) return active;
  const hash = decodeURIComponent(url.hash.replace(/^#/, ''));
  if (hash) {
    const want = new Set([hash, hash.replace(/^tab-/, ''), `tab-${hash}`]);
    const named = panes.find((p) => want.has(p.id));
    if (named) return named;
  }
  return panes[0];
}

/** Note elements of a list: `li.note` (Handlebars) or `li > div.note` (React). */
function listNotes(scope: ParentNode): Element[] {
  const inLists = all(scope, '.submissions-list .note');
  if (inLists.length) return inLists;
  return all(scope, '.note').filter((n) => n.querySelector('h4 a[href*="forum?id="]'));
}

/** One list entry as a paper; undefined for replies (reviews, comments) and console links. */
export function parseListNote(note: Element, base: URL, fallbackVenue?: string): ScrapedPaper | undefined {
  const a =
    all(note.querySelector('h4'), 'a[href]').find((x) => !x.classList.contains('pdf-link') && !x.classList.contains('html-link')) ??
    note.querySelector('a[href*="/forum?"]');
  if (!a) return undefined;
  const { id, noteId } = forumLinkIds(a.getAttribute('href'), base);
  // A reply's link is /forum?id=<forum>&noteId=<reply>: a review or comment, not a paper.
  if (!id || (noteId && noteId !== id)) return undefined;
  const title = readText(a);
  if (!title) return undefined;
  const names = readAuthors(note.querySelector('.note-authors'), base);
  const { date, venue: shownVenue } = readMetaLine(note.querySelector('.note-meta-info'));
  const venue = shownVenue ?? fallbackVenue;
  const f = noteFields(note, base);
  return {
    title,
    authors: names.authors,
    ...compact({
      authorsTruncated: names.truncated || undefined,
      year: parseYear(venue) ?? parseYear(date),
      date,
      venue,
      abstract: f.abstract,
      tldr: f.tldr,
      keywords: f.keywords,
      ids: { openreview: id },
      url: forumUrl(id),
      pdfUrl: normalizePdfUrl(note.querySelector('a.pdf-link')?.getAttribute('href'), base),
      codeUrl: f.codeUrl,
      authorProfiles: names.profiles,
    }),
  };
}

function parseList(scope: ParentNode, base: URL, fallbackVenue?: string): ScrapedPaper[] {
  const seen = new Set<string>();
  const papers: ScrapedPaper[] = [];
  for (const n of listNotes(scope)) {
    const p = parseListNote(n, base, fallbackVenue);
    const key = p?.ids?.openreview;
    if (!p || !key || seen.has(key)) continue;
    seen.add(key);
    papers.push(p);
  }
  return papers;
}

/** The venue a group page is about: its header ("ICLR 2019"), else the pretty group id. */
function groupVenue(doc: Document, url: URL): string | undefined {
  const h1 = readText(doc.querySelector('#header h1, .venue-header h1'));
  return h1 || prettyGroupId(url.searchParams.get('id') ?? url.searchParams.get('venue')) || undefined;
}

function scrapeListing(doc: Document, url: URL): Scraped | null {
  const papers = parseList(visibleScope(doc, url), url, groupVenue(doc, url));
  if (!papers.length) return null;
  return { kind: 'listing', papers };
}

function scrapeSearch(doc: Document, url: URL): Scraped | null {
  const papers = parseList(doc, url);
  if (!papers.length) return null;
  // "25 results found for "term"" (replies included; OpenReview caps the count at 1000).
  const heading = all(doc, 'h3').find((h) => /results?\s+found\s+for/i.test(h.textContent ?? ''));
  return {
    kind: 'search',
    ...compact({ query: clean(url.searchParams.get('term')), totalResults: parseCount(heading?.textContent) }),
    papers,
  };
}

// ---------------------------------------------------------------------------------------------
// Adapter

/** OpenReview: forum pages, venue group listings, and search results. */
export const openReview = defineAdapter({
  id: 'openreview',
  hosts: ['openreview.net', 'www.openreview.net'],
  route: pageKindOf,
  scrape: { paper: scrapeForum, listing: scrapeListing, search: scrapeSearch },
  urls: [
    'https://openreview.net/forum?id=H1xSNiRcF7',
    'https://openreview.net/group?id=ICLR.cc/2019/Conference',
    'https://openreview.net/submissions?venue=ICLR.cc/2024/Conference',
    'https://openreview.net/search?term=diffusion&content=all&group=all&source=forum',
  ],
});
