/**
 * ACL Anthology adapter (aclanthology.org, and the legacy www.aclweb.org/anthology/ paths).
 * Owns the site's URL shapes (person, event, volume and paper pages), its Anthology and person
 * ids, and the scraping of those pages. The site is a static Hugo build; markup comes from the
 * templates in github.com/acl-org/acl-anthology (hugo/layouts/).
 */
import type { ScrapedAuthor, ScrapedPaper, ScrapedProfileRef } from '../../core/types';
import { isoDate, monthNumber } from '../kit/dates';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compact, compactPaper, normalizeDoi, parseYear, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { resolveUrl as resolve } from '../kit/urls';

const SITE = 'https://aclanthology.org';

// Post-2020 ids are `{year}.{venue}-{volume}.{#}` (2020.acl-main.1, 2022.in2writing-1.1,
// 2023.findings-emnlp.12); older ones `CYY-VPPP`/`CYY-VVPP` (P19-1001, W19-4201).
// See https://aclanthology.org/info/ids/.
const NEW_ID = /^\d{4}\.[a-z\d]+(?:-[a-z\d]+)+\.\d+$/i;
const OLD_ID = /^[A-Z]\d{2}-\d{4}$/;
const VOLUME_ID = /^(?:\d{4}\.[a-z\d]+(?:-[a-z\d]+)+|[A-Z]\d{2}-\d{1,2})$/i;

// Person pages: current `/people/<id>/` (verified) and `/people/<slug>/unverified/` (since the
// 2026 author system, https://aclanthology.org/info/verification/), and the legacy
// letter-directory form `/people/a/<slug>/`.
const PERSON_PATH = /^\/people\/(?:[a-z]\/)?([a-z\d][\w.-]+?)(\/unverified)?\/?$/i;
const EVENT_PATH = /^\/events\/[\w.-]+\/?$/i;
const VOLUME_PATH = /^\/volumes\/([^/]+?)\/?$/i;

/** Whether `s` is an Anthology paper id (new or old style). */
export function isAnthologyId(s: string): boolean {
  return NEW_ID.test(s) || OLD_ID.test(s);
}

/**
 * The site path of an Anthology URL, with the legacy `/anthology` prefix of www.aclweb.org
 * removed; undefined for any other site.
 */
export function anthologyPath(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  if (host === 'aclanthology.org' || host === 'www.aclanthology.org') return url.pathname;
  if ((host === 'aclweb.org' || host === 'www.aclweb.org') && /^\/anthology(\/|$)/.test(url.pathname)) {
    return url.pathname.slice('/anthology'.length) || '/';
  }
  return undefined;
}

/** The Anthology id a paper link points at (`/2020.acl-main.1/`, `/W19-4201`, `…/W19-4201.pdf`). */
export function anthologyIdFromHref(href: string | null | undefined, base: URL): string | undefined {
  const u = resolve(href, base);
  const path = u && anthologyPath(u);
  const m = path?.match(/^\/([^/]+?)(?:\.pdf)?\/?$/i);
  return m && isAnthologyId(m[1]) ? m[1] : undefined;
}

/** Publication year encoded in an Anthology id (`2020.` prefix, or the `YY` of `W19-4201`). */
export function yearFromAnthologyId(id: string): number | undefined {
  if (NEW_ID.test(id)) return parseInt(id.slice(0, 4), 10);
  if (OLD_ID.test(id)) {
    const yy = parseInt(id.slice(1, 3), 10);
    return yy >= 50 ? 1900 + yy : 2000 + yy;
  }
  return undefined;
}

/**
 * The person id in a person-page path: the slug, with `/unverified` kept for unverified pages
 * because the Anthology treats `x/unverified` and a verified `x` as different people (the
 * "Fix author" link of https://aclanthology.org/people/andreas-madsack/unverified/ names it
 * `andreas-madsack/unverified`). Legacy `/people/a/<slug>/` gives the bare slug.
 */
export function personIdFromPath(path: string): string | undefined {
  const m = path.match(PERSON_PATH);
  return m ? m[1] + (m[2] ? '/unverified' : '') : undefined;
}

/** Canonical URL of a person page from its id. */
export function personUrl(id: string): string {
  return `${SITE}/people/${id}/`;
}

/** A `/people/` link as a profile reference (canonical url and id when the link parses). */
function personRef(a: Element, base: URL): ScrapedProfileRef | undefined {
  const name = text(a);
  if (!name) return undefined;
  const u = resolve(a.getAttribute('href'), base);
  const path = u && anthologyPath(u);
  const id = path ? personIdFromPath(path) : undefined;
  return compact({ name, id, url: id ? personUrl(id) : u?.href });
}

/** The page kind an Anthology URL shows, or undefined for pages this adapter does not handle. */
export function pageKind(url: URL): 'author' | 'listing' | 'paper' | undefined {
  const path = anthologyPath(url);
  if (!path) return undefined;
  if (PERSON_PATH.test(path)) return 'author';
  if (EVENT_PATH.test(path)) return 'listing';
  const vol = path.match(VOLUME_PATH);
  if (vol) return VOLUME_ID.test(vol[1]) ? 'listing' : undefined;
  const paper = path.match(/^\/([^/]+?)\/?$/);
  return paper && isAnthologyId(paper[1]) ? 'paper' : undefined;
}

/** ISO `YYYY-MM` from a "Month" row ("July", "Nov"); undefined for ranges like "June–July". */
function isoMonth(month: string, year: number | undefined): string | undefined {
  const m = month.trim();
  if (!year || !/^\p{L}+\.?$/u.test(m)) return undefined;
  const n = monthNumber(m);
  return n ? isoDate(year, n) : undefined;
}

function mainRoot(doc: Document): ParentNode {
  return doc.querySelector('#main') ?? doc.body ?? doc;
}

/** First `a[href]` under `root` that looks like code (not the Papers with Code aggregate link). */
function codeLink(root: ParentNode | null | undefined, base: URL): string | undefined {
  for (const a of all(root, 'a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (href && !/paperswithcode\.com/i.test(href)) return href;
  }
  return undefined;
}

/** A paper from its author list and the rest of its fields (absent ones dropped). */
function withAuthors(authors: string[], rest: Omit<ScrapedPaper, 'authors'>): ScrapedPaper {
  return compactPaper({ ...rest, authors });
}

interface EntryContext {
  year?: number;
  venue?: string;
}

/**
 * One paper row of a person, volume or event page: `div.d-sm-flex` (current Bootstrap 5 markup,
 * hugo/layouts/papers/list-entry*.html) or `p.d-sm-flex` (older pages): badge column (pdf, bib,
 * abs, attachments), then a `span.d-block` with the title, the `/people/` links and, on person
 * pages, the volume link. The abstract sits in a collapsed sibling card the "abs" badge targets.
 */
function parseEntry(row: Element, base: URL, ctx: EntryContext): ScrapedPaper | undefined {
  const titleA = row.querySelector('strong > a[href], strong a[href]');
  if (!titleA) return undefined;
  const id = anthologyIdFromHref(titleA.getAttribute('href'), base);
  const title = text(titleA);
  if (!id || !title) return undefined;
  const block = titleA.closest('.d-block');
  const info = block && row.contains(block) ? block : row;

  const profiles = all(info, 'a[href*="/people/"]')
    .map((a) => personRef(a, base))
    .filter((p): p is ScrapedProfileRef => !!p);
  const venueA = all(info, 'a[href*="/volumes/"]').find((a) => !a.closest('strong'));
  const venue = text(venueA) || ctx.venue;
  // Front matter ("Proceedings of …", listed for a volume's editors and at the top of every
  // volume): new-style ids end in `.0`; old-style ones are told by the title being the volume's.
  if (/\.0$/.test(id) || (venue && title === venue)) return undefined;

  let pdfUrl: string | undefined;
  let codeUrl: string | undefined;
  let abstractTarget: string | undefined;
  for (const a of all(row, 'a[href]')) {
    if (a === titleA || (info !== row && info.contains(a))) continue;
    const href = a.getAttribute('href') ?? '';
    const label = clean(a.getAttribute('title') ?? a.getAttribute('aria-label') ?? '');
    if (href.startsWith('#abstract-')) abstractTarget ??= href.slice(1);
    else if (!pdfUrl && /\.pdf$/i.test(href.split(/[?#]/)[0])) pdfUrl = absUrl(href, base);
    else if (!codeUrl && /\b(software|code)\b/i.test(label)) codeUrl = absUrl(href, base);
  }
  let abstractEl: Element | null = abstractTarget ? row.ownerDocument.getElementById(abstractTarget) : null;
  if (!abstractEl) {
    const next = row.nextElementSibling;
    if (next?.classList.contains('abstract-collapse')) abstractEl = next;
  }

  return withAuthors(
    profiles.map((p) => p.name),
    {
      title,
      year: ctx.year ?? yearFromAnthologyId(id),
      venue,
      abstract: text(abstractEl) || undefined,
      ids: { acl: id },
      url: `${SITE}/${id}/`,
      pdfUrl,
      codeUrl,
      authorProfiles: profiles,
    },
  );
}

/**
 * Walk the paper rows and the `h4` headings between them in document order: on person pages the
 * headings are years, on event pages volume titles (which become the entries' venue).
 */
function parseEntries(doc: Document, base: URL, pageVenue?: string): ScrapedPaper[] {
  const papers: ScrapedPaper[] = [];
  const ctx: EntryContext = { venue: pageVenue };
  for (const el of all(mainRoot(doc), 'h4, .d-sm-flex')) {
    if (el.tagName === 'H4') {
      const t = text(el);
      if (/^\d{4}$/.test(t)) ctx.year = parseInt(t, 10);
      else {
        // Event pages: the volume heading carries pdf/bib badges, then the volume title link.
        const vol = all(el, 'a[href*="/volumes/"]').find((a) => !a.classList.contains('badge'));
        if (vol) ctx.venue = text(vol);
      }
      continue;
    }
    const p = parseEntry(el, base, ctx);
    if (p) papers.push(p);
  }
  return papers;
}

/** `dt` label (lower-cased, no colon) → its `dd`, for the details list of paper/volume pages. */
function detailRows(doc: Document): Map<string, Element> {
  const rows = new Map<string, Element>();
  for (const dt of all(mainRoot(doc), 'dl > dt')) {
    const dd = dt.nextElementSibling;
    const label = text(dt).replace(/:$/, '').toLowerCase();
    if (dd?.tagName === 'DD' && label && !rows.has(label)) rows.set(label, dd);
  }
  return rows;
}

/** The person id the page states about itself: its "Fix author" issue link is titled with it. */
function ownPersonId(doc: Document): string | undefined {
  for (const a of all(doc, 'a[href*="acl-org/acl-anthology/issues/new"]')) {
    try {
      const title = new URL(a.getAttribute('href') ?? '').searchParams.get('title') ?? '';
      const m = title.match(/^Author Page:\s*([\w.-]+(?:\/unverified)?)\s*$/i);
      if (m) return m[1];
    } catch {
      /* not a URL */
    }
  }
  return undefined;
}

function scrapePerson(doc: Document, url: URL): Scraped | null {
  const papers = parseEntries(doc, url);
  if (!papers.length) return null;
  const h2 = doc.querySelector('#title');
  // "<span>First</span> <span>Last</span>" plus an icon link (ORCID or "?"), which has no text.
  const parts = all(h2, ':scope > span')
    .map((s) => text(s))
    .filter(Boolean);
  const name = parts.length ? parts.join(' ') : text(h2) || clean(doc.title.replace(/\s*-\s*ACL Anthology\s*$/i, ''));
  const path = anthologyPath(url);
  const id = ownPersonId(doc) ?? (path ? personIdFromPath(path) : undefined);

  let coauthors: ScrapedProfileRef[] = [];
  for (const card of all(doc, '.card')) {
    if (text(card, '.card-header').toLowerCase() !== 'co-authors') continue;
    coauthors = all(card, 'li a[href*="/people/"]')
      .map((a) => personRef(a, url))
      .filter((p): p is ScrapedProfileRef => !!p);
    break;
  }

  // A nameless author record is useless (and `name` is required): keep just the papers then.
  const author = name
    ? compact<ScrapedAuthor>({
        name,
        id,
        url: id ? personUrl(id) : url.href,
        metrics: { papers: papers.length },
        coauthors,
      })
    : undefined;
  return compact<Scraped>({ kind: 'author', author, papers });
}

function scrapeListing(doc: Document, url: URL): Scraped | null {
  const path = anthologyPath(url) ?? '';
  // Volume pages title the page with the volume; event pages head each volume with an h4.
  const pageVenue = VOLUME_PATH.test(path) ? text(doc, '#title') || undefined : undefined;
  const papers = parseEntries(doc, url, pageVenue);
  if (!papers.length) return null;
  return { kind: 'listing', papers };
}

/**
 * A paper page: the embedded reading (its citation_* tags: title, authors, date, venue, DOI, PDF)
 * with what the page shows laid over it — the Anthology id, the author links, the abstract, the
 * details list (year, month, volume, DOI, PDF, code) — and, where neither says, the year the id
 * encodes, the short venue with the year, and the title's PDF link. The date is the Month row's
 * alone: for a range ("May–June") the page gives none on purpose, where citation_publication_date
 * would name the first month.
 */
function scrapePaper(doc: Document, url: URL): Scraped | null {
  const rows = detailRows(doc);
  const dd = (label: string) => rows.get(label);

  const pathId = (anthologyPath(url) ?? '').replace(/^\/|\/$/g, '');
  const shownId = text(dd('anthology id'));
  const id = isAnthologyId(shownId) ? shownId : isAnthologyId(pathId) ? pathId : undefined;
  const idYear = id ? yearFromAnthologyId(id) : undefined;

  const lead = doc.querySelector('#main p.lead') ?? doc.querySelector('p.lead');
  const profiles = all(lead, 'a[href*="/people/"]')
    .map((a) => personRef(a, url))
    .filter((p): p is ScrapedProfileRef => !!p);

  const absEl = doc.querySelector('.acl-abstract');
  const abstract = text(absEl, ':scope > span') || clean(text(absEl).replace(/^Abstract\s*/, ''));
  const year = parseYear(text(dd('year')));
  const venueShort = text(dd('venue')) || text(dd('venues'));
  const doiDd = dd('doi');
  const pdfUrl = [dd('pdf')?.querySelector('a[href]'), doc.querySelector('.acl-paper-link-block a.btn-primary[href$=".pdf"]')]
    .map((a) => absUrl(a?.getAttribute('href'), url))
    .find((h) => h && /\.pdf$/i.test(h));

  const paper = fromEmbedded(
    doc,
    url,
    {
      title: text(doc, '#title'),
      authors: profiles.map((p) => p.name),
      year,
      date: isoMonth(text(dd('month')), year ?? idYear),
      venue: text(dd('volume')),
      abstract,
      ids: { acl: id, doi: normalizeDoi(text(doiDd)) ?? normalizeDoi(doiDd?.querySelector('a')?.getAttribute('href')) },
      url: id ? `${SITE}/${id}/` : url.href,
      pdfUrl,
      // "Code" is the Papers-with-Code row (official repo + "additional community code");
      // "Software" is an attachment hosted by the Anthology.
      codeUrl: codeLink(dd('code'), url) ?? codeLink(dd('software'), url),
      authorProfiles: profiles,
    },
    {
      take: ['title', 'authors', 'year', 'venue', 'abstract', 'keywords', 'ids', 'pdfUrl'],
      fallback: (laid) => ({
        year: idYear,
        venue: venueShort ? clean(`${venueShort} ${laid.year ?? idYear ?? ''}`) : undefined,
        pdfUrl: absUrl(doc.querySelector('#title a[href$=".pdf"]')?.getAttribute('href'), url),
      }),
    },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** ACL Anthology: person pages (author), event and volume pages (listing), paper pages. */
export const aclAnthology = defineAdapter({
  id: 'acl-anthology',
  hosts: ['aclanthology.org', 'www.aclweb.org'],
  route: pageKind,
  scrape: { author: scrapePerson, listing: scrapeListing, paper: scrapePaper },
  urls: [
    'https://aclanthology.org/people/a/andreas-madsack/',
    'https://aclanthology.org/people/andreas-madsack/unverified/',
    'https://aclanthology.org/2021.naacl-main.208/',
    'https://aclanthology.org/events/acl-2020/',
    'https://aclanthology.org/volumes/W18-65/',
  ],
});
