/**
 * DBLP adapter: person pages (author + their publication list), publication search results and
 * venue tables of contents, on dblp.org and its mirrors (dblp.uni-trier.de, dblp.dagstuhl.de).
 *
 * Every dblp page lists publications the same way: `ul.publ-list > li.entry.<type>` with the
 * record key as the `id`, the electronic editions in `nav.publ`, and the citation in
 * `cite.data` (today) / `div.data` (≤2015) marked up with schema.org microdata
 * (`itemprop=author`, `span.title`, `itemprop=isPartOf`, `itemprop=datePublished`). Year
 * headers (`li.year`) sit between the entries on person pages and search results.
 *
 * Person pages come in two generations, both read: the 2015 `/pers/hd/c/Clauset:Aaron` page
 * (`div.data`, author links to `/pers/`) and today's `/pid/<pid>.html` page (`cite.data
 * tts-content` with `span[itemprop=author]` persons, the page owner as `span.this-person`,
 * homonym numbers in names — "Wei Wang 0042" —, the `#headline` `data-pid`, affiliations in
 * `#info-section`, journal entries whose `isPartOf` volume/issue parts carry no name, and
 * conference entries whose year sits inside the venue link), e.g. https://dblp.org/pid/00/1234.html.
 */
import type { PaperIds, PageKind, ScrapedAuthor, ScrapedPaper, ScrapedProfileRef } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compact, normalizeArxivId, parseCount, parseYear, text } from '../kit/dom';
import { decodeSafe, doiFromResolverUrl, hostOf, isPdfUrl, parseUrl } from '../kit/urls';

/** dblp.org, dblp.uni-trier.de, dblp.dagstuhl.de, their www. variants and the numbered mirrors (dblp2.uni-trier.de). */
const HOST_RE = /^(?:www\.)?dblp\d?\.(?:org|uni-trier\.de|dagstuhl\.de)$/i;

/** `/pid/97/4275.html` (today's person URL) → `97/4275`. */
const PID_PATH_RE = /^\/pid\/([^.]+)(?:\.html)?$/;
/** Legacy person URLs: `/pers/hd/c/Clauset:Aaron` (also ht/hy views) and `/pers/c/Clauset:Aaron.html`. */
const LEGACY_PERS_RE = /^\/pers\/(?:h[a-z]\/)?([a-z=]\/[^/]+?)(?:\.html)?$/i;
const SEARCH_RE = /^\/search(?:\/publ)?\/?$/;
/** Venue tables of contents: `/db/conf/kdd/kdd2019.html`, `/db/journals/cacm/cacm51.html`. */
const TOC_RE = /^\/db\/(?:conf|journals|series)\/[^/]+\/([^/]+)\.html$/;

/** Entry classes dblp uses, mapped to our publication types. */
const TYPES: Record<string, string> = {
  article: 'article',
  inproceedings: 'inproceedings',
  informal: 'preprint',
  proceedings: 'proceedings',
  incollection: 'incollection',
  book: 'book',
  phdthesis: 'phdthesis',
  mastersthesis: 'mastersthesis',
  editor: 'editor',
  reference: 'reference',
  data: 'data',
};

/** Which kind of dblp page `url` is, or undefined for other pages (and other sites). */
export function dblpPageKind(url: URL): Exclude<PageKind, 'paper'> | undefined {
  if (!HOST_RE.test(url.hostname)) return undefined;
  const path = url.pathname;
  if (PID_PATH_RE.test(path) || LEGACY_PERS_RE.test(path)) return 'author';
  if (SEARCH_RE.test(path)) return 'search';
  const toc = path.match(TOC_RE);
  if (toc && !/^index/i.test(toc[1])) return 'listing';
  return undefined;
}

/**
 * Drop dblp's homonym number: dblp tells apart people who share a name by a 4-digit suffix
 * ("Wei Wang 0001", "Wei Wang 0002", ... — see https://dblp.org/search?q=Wei+Wang). The pid
 * identifies the person; the displayed name shouldn't carry the number.
 */
export function stripHomonym(name: string): string {
  return clean(name).replace(/\s+\d{4}$/, '');
}

/** The person id in a dblp profile link: the pid (`/pid/97/4275.html`) or, on legacy links, the name key (`c/Clauset:Aaron`). */
export function personIdFromHref(href: string | null | undefined): string | undefined {
  const u = parseUrl(href, 'https://dblp.org/');
  if (!u || !HOST_RE.test(u.hostname)) return undefined;
  const pid = u.pathname.match(PID_PATH_RE);
  if (pid) return pid[1];
  const legacy = u.pathname.match(LEGACY_PERS_RE);
  return legacy ? decodeSafe(legacy[1]) : undefined;
}

/**
 * arXiv id from a CoRR record key: `journals/corr/abs-1303-6372` → `1303.6372`,
 * `journals/corr/abs-physics-0610051` → `physics/0610051`. Keys like `journals/corr/PeelC15`
 * carry no id (their arxiv.org link does).
 */
export function arxivFromDblpKey(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const m = key.match(/^journals\/corr\/abs-(\d{4})-(\d{4,5})$/);
  if (m) return `${m[1]}.${m[2]}`;
  const old = key.match(/^journals\/corr\/abs-([a-z]+(?:-[a-z]+)?)-(\d{7})$/);
  return old ? `${old[1]}/${old[2]}` : undefined;
}

/** A record key as dblp writes them: `conf/kdd/SmithJ19`, `journals/corr/abs-1234-5678`. */
function isRecordKey(s: string | null | undefined): s is string {
  return !!s && /^[a-z]+\/[^\s/]+(?:\/[^\s/]+)*$/i.test(s) && !/^homepages\//.test(s);
}

/** The record key of an entry: its id (also `data-key` today), else its export links / "dblp key" box. */
function recordKey(li: Element, nav: Element | null): string | undefined {
  for (const k of [li.getAttribute('id'), li.getAttribute('data-key')]) if (isRecordKey(k)) return k;
  for (const a of all(nav, 'a[href*="/rec/"]')) {
    const href = a.getAttribute('href') ?? '';
    // 2015: /rec/bibtex/conf/aaai/PeelC15, /rec/xml/....xml; today: /rec/conf/aaai/PeelC15.html?view=bibtex, .bib, .ris, ...
    const m = href.match(/\/rec\/(?:(?:bibtex|bib|xml|ris|rdf|html)\/)?([^?#]+?)(?:\.(?:html|bib|xml|ris|rdf|nt|ttl))?(?:[?#]|$)/);
    if (m && isRecordKey(m[1])) return m[1];
  }
  const small = text(nav, 'li.select-on-click small');
  return isRecordKey(small) ? small : undefined;
}

/** Electronic-edition links of an entry, in page order. */
function eeLinks(nav: Element | null, base: URL): string[] {
  if (!nav) return [];
  // ≤2015 the ee links carry itemprop=url; today they sit in li.ee. The 2014 search markup had
  // neither, only the "electronic edition ..." label.
  let anchors = all(nav, 'li.ee a, a[itemprop="url"]');
  if (anchors.length === 0) anchors = all(nav, 'a').filter((a) => /^electronic edition/i.test(clean(a.textContent)));
  const out: string[] = [];
  for (const a of anchors) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href || out.includes(href)) continue;
    const host = hostOf(href);
    // The "unpaywalled version" link goes through unpaywall, and dblp's own pages are not editions.
    if (/unpaywall/i.test(host) || HOST_RE.test(host)) continue;
    out.push(href);
  }
  return out;
}

/** Venue as the citation names it: the isPartOf name ("KDD", "Science", "CoRR"), else the venue link text, trimmed of volume and year. */
function entryVenue(cite: Element): string | undefined {
  for (const part of all(cite, '[itemprop="isPartOf"]')) {
    const name = text(part, '[itemprop="name"]');
    if (name) return name;
  }
  // Older search markup (2014) had no microdata: "Adaptive Behaviour 22(5)" as plain link text.
  const a = cite.querySelector('a[href*="/db/"]');
  const t = clean(a?.textContent)
    .replace(/\s+\d{4}$/, '')
    .replace(/\s+abs\/\S+$/, '')
    .replace(/\s+\d+(?:\(\d+(?:[-/]\d+)?\))?$/, '');
  return t || undefined;
}

/** Names of the entry's authors (editors for an edited volume), in page order, homonym numbers dropped. */
function entryAuthors(cite: Element): string[] {
  let people = all(cite, '[itemprop="author"]');
  if (people.length === 0) people = all(cite, '[itemprop="editor"]');
  if (people.length > 0) {
    return people.map((p) => stripHomonym(text(p, '[itemprop="name"]') || text(p))).filter(Boolean);
  }
  // Markup without microdata: person links (and the page owner's span) before the title.
  const title = cite.querySelector('span.title');
  const out: string[] = [];
  for (const el of all(cite, 'a[href*="/pers/"], a[href*="/pid/"], span.this-person')) {
    if (title && title.compareDocumentPosition(el) & 4 /* FOLLOWING */) break;
    const n = stripHomonym(text(el));
    if (n) out.push(n);
  }
  return out;
}

function entryYear(cite: Element): number | undefined {
  const el = cite.querySelector('[itemprop="datePublished"]');
  return el ? parseYear(el.getAttribute('content') || el.textContent) : undefined;
}

function entryType(li: Element): string | undefined {
  for (const c of Array.from(li.classList)) if (TYPES[c]) return TYPES[c];
  return undefined;
}

/** One `li.entry` as a paper; undefined when it has no title. */
export function parseEntry(li: Element, base: URL, fallback: { year?: number } = {}): ScrapedPaper | undefined {
  const cite = li.querySelector('cite.data, div.data, cite') ?? li;
  const title = text(cite, 'span.title').replace(/\.$/, '');
  if (!title) return undefined;
  const nav = li.querySelector('nav.publ');
  const key = recordKey(li, nav);
  const ees = eeLinks(nav, base);
  let doi: string | undefined;
  let arxiv: string | undefined;
  for (const href of ees) {
    doi ??= doiFromResolverUrl(href);
    if (!arxiv && /(^|\.)arxiv\.org$/i.test(hostOf(href))) arxiv = normalizeArxivId(href);
  }
  arxiv ??= arxivFromDblpKey(key);
  const ids: PaperIds = compact({ dblp: key, doi, arxiv });
  // `authors` is required by ScrapedPaper, so it stays even when empty (compact drops empty arrays).
  return {
    title,
    authors: entryAuthors(cite),
    ...compact({
      year: fallback.year ?? entryYear(cite),
      venue: entryVenue(cite),
      type: entryType(li),
      ids,
      url: ees[0],
      pdfUrl: ees.find(isPdfUrl),
    }),
  };
}

/**
 * All publication entries on the page, in order, with the year of the `li.year` header each sits
 * under (person pages, search results). `page` fills in what an entry lacks — tables of contents
 * print neither venue nor year per entry: the year then comes from the section heading above the
 * list ("Volume 18, Number 2, February 2024"), else the page's. Returns the papers and the
 * number of entries seen.
 */
function parseEntries(doc: Document, base: URL, page?: { year?: number; venue?: string }): { papers: ScrapedPaper[]; listed: number } {
  const papers: ScrapedPaper[] = [];
  let listed = 0;
  let sectionYear: number | undefined;
  // h2 and lists in document order, so each list knows the heading above it.
  for (const el of all(doc, page ? 'h2, ul.publ-list' : 'ul.publ-list')) {
    if (el.tagName === 'H2') {
      sectionYear = parseYear(el.textContent) ?? sectionYear;
      continue;
    }
    const fallbackYear = page ? (sectionYear ?? page.year) : undefined;
    let year: number | undefined;
    for (const li of Array.from(el.children)) {
      if (li.classList.contains('year')) {
        year = parseYear(li.textContent);
        continue;
      }
      if (!li.classList.contains('entry')) continue;
      listed++;
      const p = parseEntry(li, base, { year });
      if (!p) continue;
      if (p.year === undefined && fallbackYear !== undefined) p.year = fallbackYear;
      if (p.venue === undefined && page?.venue) p.venue = page.venue;
      papers.push(p);
    }
  }
  return { papers, listed };
}

/** The person's pid if the page shows it: URL, `data-pid`, export / persistent-URL links, or the `homepages/<pid>` key. */
function personPid(doc: Document, url: URL): string | undefined {
  const fromUrl = url.pathname.match(PID_PATH_RE);
  if (fromUrl) return fromUrl[1];
  const headline = doc.querySelector('#headline');
  const dataPid = clean(headline?.getAttribute('data-pid'));
  if (dataPid) return dataPid;
  // The headline menu's export links (https://dblp.org/pid/97/4275.xml) — only those, as a
  // headline may also link other people (homonym notes) — then its "dblp key" / "persistent URL" boxes.
  for (const a of all(headline, 'a[href*="/pid/"]')) {
    const m = (a.getAttribute('href') ?? '').match(/\/pid\/(.+?)\.(?:xml|bib|ris|rss|nt|ttl|rdf)(?:[?#]|$)/);
    if (m) return m[1];
  }
  for (const small of all(headline, 'li.select-on-click small')) {
    const t = clean(small.textContent);
    // The person's record key is `homepages/<pid>` (the 2015 page shows "dblp key: homepages/97/4275").
    const m = t.match(/^homepages\/(.+)$/) ?? t.match(/\/pid\/(.+?)(?:\.html)?$/);
    if (m) return m[1];
  }
  return undefined;
}

function personName(doc: Document): string {
  const h = text(doc, '#headline h1 span.name') || text(doc, '#headline h1') || text(doc, 'h1') || clean(doc.title);
  return stripHomonym(h.replace(/^dblp:\s*/i, ''));
}

function personAffiliation(doc: Document): string | undefined {
  const el = doc.querySelector('#info-section [itemprop="affiliation"]');
  if (!el) return undefined;
  return text(el, '[itemprop="name"]') || clean(el.textContent).replace(/^affiliation[^:]*:\s*/i, '') || undefined;
}

/** The homepage link of the headline's "visit" menu / info section ("homepage" label or home icon), never dblp's own. */
function personHomepage(doc: Document, base: URL): string | undefined {
  for (const a of all(doc, '#headline nav a, #info-section a')) {
    const label = clean(a.textContent);
    const icon = a.querySelector('img')?.getAttribute('src') ?? '';
    if (!/^homepage/i.test(label) && !/\/home\.[a-z.]*\d+x\d+\.png$/i.test(icon)) continue;
    const href = absUrl(a.getAttribute('href'), base);
    if (href && !HOST_RE.test(hostOf(href))) return href;
  }
  return undefined;
}

function coauthors(doc: Document, base: URL): ScrapedProfileRef[] {
  const out: ScrapedProfileRef[] = [];
  for (const person of all(doc, '#coauthor-section div.person')) {
    // Skip count/"joint publications" links: the name link is the one with a non-numeric label.
    const a = all(person, 'a').find((x) => !/^\d*$/.test(clean(x.textContent)));
    const name = stripHomonym(a ? text(a) : text(person));
    if (!name) continue;
    const url = a ? absUrl(a.getAttribute('href'), base) : undefined;
    out.push(compact({ name, id: personIdFromHref(url), url }));
  }
  return out;
}

function scrapePerson(doc: Document, url: URL): Scraped | null {
  const { papers, listed } = parseEntries(doc, url);
  if (papers.length === 0) return null;
  const pid = personPid(doc, url);
  const legacyKey = url.pathname.match(LEGACY_PERS_RE)?.[1] ?? clean(doc.querySelector('head')?.getAttribute('data-urlpt'));
  const author = compact<ScrapedAuthor>({
    name: personName(doc),
    id: pid ?? (legacyKey ? decodeSafe(legacyKey) : undefined),
    url: pid ? `https://dblp.org/pid/${pid}.html` : url.href,
    affiliation: personAffiliation(doc),
    homepage: personHomepage(doc, url),
    metrics: { papers: listed },
    coauthors: coauthors(doc, url),
  });
  return { kind: 'author', author, papers };
}

/** "found 6,368 matches" / "found one match" / "no matches". */
export function parseMatches(s: string): number | undefined {
  const t = clean(s).toLowerCase();
  if (!t) return undefined;
  if (/\bno matches\b/.test(t)) return 0;
  if (/\bone match\b/.test(t)) return 1;
  return /match/.test(t) ? parseCount(t) : undefined;
}

function scrapeSearch(doc: Document, url: URL): Scraped | null {
  const { papers } = parseEntries(doc, url);
  if (papers.length === 0) return null;
  const query =
    clean(url.searchParams.get('q')) ||
    clean(doc.querySelector<HTMLInputElement>('#completesearch-form input[name="q"]')?.getAttribute('value'));
  return compact<Scraped>({
    kind: 'search',
    query,
    totalResults: parseMatches(text(doc, '#completesearch-info-matches')),
    papers,
  });
}

/** The venue a table of contents is about, from its `<title>`: "dblp: KDD 2023" → "KDD", "dblp: Commun. ACM, Volume 66" → "Commun. ACM". */
export function tocVenue(title: string): string | undefined {
  const t = clean(title)
    .replace(/^dblp:\s*/i, '')
    .replace(/,\s*Volume\b.*$/i, '')
    .replace(/\s+\(?\d{4}\)?\b.*$/, '');
  return t || undefined;
}

function scrapeListing(doc: Document, url: URL): Scraped | null {
  const page = {
    year: parseYear(text(doc, '#headline h1')) ?? parseYear(doc.title),
    venue: tocVenue(doc.title),
  };
  const { papers } = parseEntries(doc, url, page);
  if (papers.length === 0) return null;
  return { kind: 'listing', papers };
}

/** DBLP: person pages, publication search results and venue tables of contents. */
export const dblp = defineAdapter({
  id: 'dblp',
  hosts: ['dblp.org', 'www.dblp.org', 'dblp.uni-trier.de', 'dblp.dagstuhl.de'],
  route: dblpPageKind,
  scrape: { author: scrapePerson, search: scrapeSearch, listing: scrapeListing },
  urls: [
    'http://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron',
    'https://dblp.org/pid/00/1234.html',
    'https://dblp.org/search?q=Wei+Wang',
    'https://dblp.org/db/conf/kdd/kdd2019.html',
  ],
});
