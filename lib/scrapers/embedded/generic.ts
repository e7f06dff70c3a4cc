/**
 * The generic fallback adapter: runs on any page no site adapter claimed (registered last),
 * including pages the user asks to capture by clicking. It reads the metadata publishers embed
 * for reference managers, in order of trust: Highwire Press `citation_*` meta tags, Dublin Core
 * meta tags, schema.org JSON-LD and microdata, COinS spans, and page-level DOIs (citation_doi, a
 * doi.org canonical link). Sources describing the same work are merged into one paper. As a last
 * resort a conservative detector reads listings of paper cards on unknown sites (lab and personal
 * publication pages). Ordinary pages (news, blogs, shops, READMEs, encyclopedias) yield nothing.
 */
import type { Adapter, PaperIds, ScrapeResult, ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, compact, compactPaper, normalizeArxivId, normalizeDoi, parseYear, splitAuthors } from '../kit/dom';

// ---------------------------------------------------------------------------------------------
// Small text helpers

/** Remove HTML tags that some sites leave inside meta contents or JSON-LD strings ("<p>", "<i>"). */
function stripTags(s: string): string {
  // Block tags separate words; inline ones (<i>, <sub>: "CO<sub>2</sub>") do not.
  return s.replace(/<\/?(?:p|br|div|li|ul|ol|h[1-6]|section|jats:p|jats:sec|jats:title)\b[^<>]*>/gi, ' ').replace(/<\/?[a-z][^<>]*>/gi, '');
}

/** Decode the few entities JSON-LD strings carry literally (they are not HTML-decoded). */
function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => safeChar(parseInt(d, 10)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function safeChar(n: number): string {
  return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
}

/** Clean free text from metadata: tags out, whitespace collapsed. */
function cleanText(s: string | null | undefined): string {
  return s ? clean(stripTags(s)) : '';
}

/**
 * Clean a title: strip tags and site decoration ("[PDF]", "[HTML]", "Title:" labels). Keeps the
 * title's own punctuation.
 */
export function cleanTitle(s: string | null | undefined): string {
  let t = cleanText(s);
  t = t.replace(/^(\[(?:pdf|html|book|b|citation|c)\]\s*)+/i, '');
  t = t.replace(/^title\s*:\s*/i, '');
  // A closing period after a word is list decoration (dblp's microdata: "… Networks."); "U.S." stays.
  t = t.replace(/(?<=\p{Ll}{2}|\d)\.$/u, '');
  return clean(t);
}

/** Clean an abstract: strip tags and a leading "Abstract" label. */
function cleanAbstract(s: string | null | undefined): string {
  const t = cleanText(s);
  const stripped = t.replace(/^abstract\s*[:.\-–—]?\s+/i, '');
  return stripped.length >= 20 ? stripped : t.length >= 20 ? t : '';
}

/** Normalised title for identity checks: lower-case, accent-free, alphanumerics only. */
export function titleKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parse a date as metadata writes it: "2003/06/15", "2003-06-15T00:00:00Z", "2003-6", "2003",
 * "15 June 2003", "June 15, 2003", "Jun 2003". Returns the ISO date (YYYY-MM-DD or YYYY-MM) when
 * the value has a month, and the year.
 */
export function parseDate(s: string | null | undefined): { date?: string; year?: number } {
  const t = clean(s);
  if (!t) return {};
  let m = t.match(/^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/);
  if (m) {
    const year = parseYear(m[1]);
    if (!year) return {};
    const mo = m[2] ? parseInt(m[2], 10) : 0;
    const d = m[3] ? parseInt(m[3], 10) : 0;
    if (mo >= 1 && mo <= 12) {
      return { year, date: d >= 1 && d <= 31 ? `${year}-${pad(mo)}-${pad(d)}` : `${year}-${pad(mo)}` };
    }
    return { year };
  }
  // "15 June 2003", "June 15, 2003", "Jun 2003", "June, 2003"
  m = t.match(/^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?,?\s+(\d{4})$/);
  if (m) {
    const year = parseYear(m[4]);
    const mo = MONTHS[m[2].slice(0, m[2].toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    const d = parseInt(m[1] ?? m[3] ?? '0', 10);
    if (year && mo) return { year, date: d >= 1 && d <= 31 ? `${year}-${pad(mo)}-${pad(d)}` : `${year}-${pad(mo)}` };
    if (year) return { year };
  }
  // "12/31/2003", "31.12.2003": ambiguous day/month order, keep the year only.
  const year = parseYear(t);
  return year ? { year } : {};
}

/** Split keyword strings on ";" or ",", trimmed and de-duplicated (case-insensitive), in order. */
export function splitKeywords(values: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    for (const part of cleanText(v).split(/\s*[;,]\s*/)) {
      const k = clean(part);
      if (!k || seen.has(k.toLowerCase())) continue;
      seen.add(k.toLowerCase());
      out.push(k);
    }
  }
  return out;
}

/** Unique non-empty names in order. */
function uniqueNames(names: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const n of names) {
    const c = clean(n);
    if (c && !seen.has(c.toLowerCase())) {
      seen.add(c.toLowerCase());
      out.push(c);
    }
  }
  return out;
}

/**
 * Build a paper: `compact` drops absent fields, but `authors` is required by `ScrapedPaper`, so
 * it is always kept (possibly empty).
 */
function makePaper(p: Partial<ScrapedPaper> & { title: string }): ScrapedPaper {
  const ids = p.ids ? compact(p.ids) : undefined;
  return compactPaper({ ...p, ids, authors: p.authors ?? [] }) as ScrapedPaper;
}

// ---------------------------------------------------------------------------------------------
// Page-level guards

/**
 * MediaWiki pages (Wikipedia biographies of scientists, ...) carry COinS for every reference and
 * reference lists full of DOIs, but are never papers: nothing on them is captured.
 */
function isMediaWiki(doc: Document, url: URL): boolean {
  if (/(^|\.)(wikipedia|wikimedia|wiktionary|wikiversity|wikisource)\.org$/i.test(url.hostname)) return true;
  const gen = metaValues(doc, 'generator')[0] ?? '';
  return /^mediawiki/i.test(gen) || !!doc.querySelector('.mw-parser-output');
}

/**
 * Hosts where the paper-card heuristic must never run: code hosts (READMEs and awesome-lists look
 * like paper cards) and sites that have a dedicated adapter (their own adapter decides).
 */
const CARD_DENY_HOSTS =
  /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|huggingface\.co|arxiv\.org|semanticscholar\.org|openreview\.net|aclanthology\.org|dblp\.org|dblp\.uni-trier\.de|dblp\.dagstuhl\.de|wikipedia\.org|wikimedia\.org)$/i;

function cardsAllowed(url: URL): boolean {
  return !CARD_DENY_HOSTS.test(url.hostname) && !/^scholar\.google\./i.test(url.hostname);
}

/** Containers of reference lists: COinS and cards inside them describe cited works, not the page. */
const REFERENCE_CONTAINERS =
  'ol.references, .references, .reflist, .refbegin, #references, .ref-list, .reference-list, [role="doc-bibliography"], .citation-references';

// ---------------------------------------------------------------------------------------------
// Meta tags

/** All `<meta name|property>` contents of the page, keyed by lower-cased name, in page order. */
function metaIndex(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of all<HTMLMetaElement>(doc, 'meta[name], meta[property]')) {
    const n = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').trim().toLowerCase();
    const c = clean(el.getAttribute('content'));
    if (!n || !c) continue;
    const list = map.get(n);
    if (list) list.push(c);
    else map.set(n, [c]);
  }
  return map;
}

/**
 * Non-empty contents of every meta tag named `name` (case-insensitive), in page order. Not cached
 * across calls: a live page (an SPA) may swap its meta tags between two captures.
 */
function metaValues(doc: Document, name: string): string[] {
  return metaIndex(doc).get(name.toLowerCase()) ?? [];
}

function firstMeta(doc: Document, ...names: string[]): string {
  for (const n of names) {
    const v = metaValues(doc, n)[0];
    if (v) return v;
  }
  return '';
}

/** Href of `<link rel="canonical">` (rel matched case-insensitively), absolute. */
function canonicalUrl(doc: Document, url: URL): string | undefined {
  for (const el of all(doc, 'link[rel][href]')) {
    if (/(^|\s)canonical(\s|$)/i.test(el.getAttribute('rel') ?? '')) return absUrl(el.getAttribute('href'), url);
  }
  return undefined;
}

/** The page URL without its fragment. */
function pageUrl(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}

/**
 * DOI the page declares for itself: `citation_doi` (and its bepress/PRISM/DC twins) or a doi.org
 * canonical link. DOIs merely mentioned in the text never count.
 */
export function pageDoi(doc: Document, url: URL): string | undefined {
  for (const n of ['citation_doi', 'bepress_citation_doi', 'prism.doi', 'dc.identifier.doi']) {
    const d = normalizeDoi(metaValues(doc, n)[0]);
    if (d) return d;
  }
  for (const n of ['dc.identifier', 'dcterms.identifier']) {
    for (const v of metaValues(doc, n)) {
      if (/^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.\d{4,9}\/)/i.test(v)) {
        const d = normalizeDoi(v);
        if (d) return d;
      }
    }
  }
  const canon = canonicalUrl(doc, url);
  if (canon && /^https?:\/\/(dx\.)?doi\.org\/10\./i.test(canon)) return normalizeDoi(canon);
  return undefined;
}

/**
 * Highwire Press / Google Scholar `citation_*` tags (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing).
 */
export function highwirePaper(doc: Document, url: URL): ScrapedPaper | null {
  const title = cleanTitle(firstMeta(doc, 'citation_title'));
  if (!title) return null;
  const doi = pageDoi(doc, url);
  let authors = metaValues(doc, 'citation_author').map(cleanText);
  if (!authors.length) authors = metaValues(doc, 'citation_authors').flatMap((v) => v.split(/\s*;\s*/));
  let dated: { date?: string; year?: number } = {};
  for (const n of ['citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date']) {
    dated = parseDate(firstMeta(doc, n));
    if (dated.year) break;
  }
  if (!dated.year) dated = { year: parseYear(firstMeta(doc, 'citation_year')) };
  const venue = cleanText(
    firstMeta(
      doc,
      'citation_journal_title',
      'citation_conference_title',
      'citation_inbook_title',
      'citation_book_title',
      'citation_dissertation_institution',
      'citation_technical_report_institution',
      'citation_publisher',
    ),
  );
  const arxiv = normalizeArxivId(firstMeta(doc, 'citation_arxiv_id'));
  return makePaper({
    title,
    authors: uniqueNames(authors),
    year: dated.year,
    date: dated.date,
    venue,
    abstract: cleanAbstract(firstMeta(doc, 'citation_abstract')),
    keywords: splitKeywords([...metaValues(doc, 'citation_keywords'), ...metaValues(doc, 'citation_keyword')]),
    ids: { doi, arxiv },
    url: absUrl(firstMeta(doc, 'citation_abstract_html_url'), url) ?? canonicalUrl(doc, url),
    pdfUrl: absUrl(firstMeta(doc, 'citation_pdf_url'), url),
  });
}

function headingText(doc: Document): string {
  const h1s = all(doc, 'h1');
  return h1s.length === 1 ? clean(h1s[0].textContent) : '';
}

/**
 * An article landing page that declares its DOI (citation_doi, a doi.org canonical link) but no
 * other metadata: the title comes from og:title or the page's single h1.
 */
export function landingPaper(doc: Document, url: URL): ScrapedPaper | null {
  const doi = pageDoi(doc, url);
  if (!doi) return null;
  const title = cleanTitle(firstMeta(doc, 'og:title') || headingText(doc));
  return title ? makePaper({ title, authors: [], ids: { doi } }) : null;
}

/**
 * Dublin Core meta tags (DC.* / DCTERMS.*). Many ordinary sites emit DC.title, so DC alone counts
 * as a paper only with scholarly signals: a DOI identifier, a scholarly DC.type, or a DC.source
 * (journal) with creators.
 */
export function dublinCorePaper(doc: Document, url: URL): ScrapedPaper | null {
  const title = cleanTitle(firstMeta(doc, 'dc.title', 'dcterms.title'));
  if (!title) return null;
  // OJS writes DC.Creator.PersonalName (https://pkp.sfu.ca/ojs/), DSpace DC.creator.
  const authors = uniqueNames(
    [...metaValues(doc, 'dc.creator'), ...metaValues(doc, 'dcterms.creator'), ...metaValues(doc, 'dc.creator.personalname')].map(cleanText),
  );
  let doi = normalizeDoi(metaValues(doc, 'dc.identifier.doi')[0]);
  for (const v of [...metaValues(doc, 'dc.identifier'), ...metaValues(doc, 'dcterms.identifier')]) {
    if (/^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.\d{4,9}\/)/i.test(v)) doi = doi ?? normalizeDoi(v);
  }
  const type = [...metaValues(doc, 'dc.type'), ...metaValues(doc, 'dcterms.type')].join(' ');
  const source = cleanText(firstMeta(doc, 'dcterms.ispartof', 'dc.relation.ispartof', 'dc.source', 'dcterms.source'));
  const scholarlyType = /article|paper|thesis|dissertation|preprint|proceedings|journal|conference/i.test(type);
  if (!doi && !scholarlyType && !(source && authors.length)) return null;
  const dated = parseDate(firstMeta(doc, 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created'));
  return makePaper({
    title,
    authors,
    year: dated.year,
    date: dated.date,
    venue: source && !/^https?:/i.test(source) ? source : cleanText(firstMeta(doc, 'dc.publisher', 'dcterms.publisher')),
    abstract: cleanAbstract(firstMeta(doc, 'dcterms.abstract', 'dc.description.abstract', 'dc.description', 'dcterms.description')),
    keywords: splitKeywords(metaValues(doc, 'dc.subject')),
    ids: { doi },
    url: canonicalUrl(doc, url),
  });
}

// ---------------------------------------------------------------------------------------------
// schema.org JSON-LD

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: Json): Json[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** Parse one JSON-LD script's text. Page text: JSON.parse only, never eval; errors give null. */
export function parseJsonLd(raw: string | null | undefined): Json | null {
  if (!raw) return null;
  const t = raw
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^\/\*\s*<!\[CDATA\[\s*\*\/|\/\*\s*\]\]>\s*\*\/$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim();
  if (!t) return null;
  try {
    return JSON.parse(t) as Json;
  } catch {
    /* Raw newlines/tabs inside strings are a common publisher error: retry with them as spaces. */
  }
  try {
    return JSON.parse(t.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
  } catch {
    return null;
  }
}

/** The local names of a node's @type ("schema:ScholarlyArticle", "http://schema.org/Thesis" → "Thesis"). */
function typesOf(node: Obj): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, ''));
}

/** A JSON-LD scalar as a string: strings, numbers, {"@value": …}, first of an array. */
function jstr(v: Json): string {
  if (typeof v === 'string') return clean(decodeEntities(v));
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = jstr(x);
      if (s) return s;
    }
    return '';
  }
  if (isObj(v) && '@value' in v) return jstr(v['@value']);
  return '';
}

/** Resolves `{"@id": …}` references against the nodes of all JSON-LD blocks of the page. */
class NodeIndex {
  private byId = new Map<string, Obj>();

  add(root: Json, depth = 0): void {
    if (depth > 12) return;
    if (Array.isArray(root)) {
      for (const x of root) this.add(x, depth + 1);
      return;
    }
    if (!isObj(root)) return;
    const id = root['@id'];
    if (typeof id === 'string' && Object.keys(root).some((k) => k !== '@id') && !this.byId.has(id)) this.byId.set(id, root);
    for (const [k, v] of Object.entries(root)) if (k !== '@context' && typeof v === 'object') this.add(v, depth + 1);
  }

  resolve(v: Json): Json {
    if (isObj(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return this.byId.get(v['@id']) ?? v;
    return v;
  }
}

const SCHOLARLY_TYPES = new Set(['ScholarlyArticle', 'MedicalScholarlyArticle', 'Thesis']);
const PERIODICAL_TYPES = new Set(['Periodical', 'PublicationIssue', 'PublicationVolume', 'Journal']);

function jsonAuthors(node: Obj, idx: NodeIndex): string[] {
  const names: string[] = [];
  for (const key of ['author', 'creator']) {
    for (let a of asArray(node[key])) {
      if (isObj(a) && Array.isArray(a['@list'])) {
        for (const x of a['@list']) names.push(personName(idx.resolve(x)));
        continue;
      }
      a = idx.resolve(a);
      names.push(personName(a));
    }
    if (names.some(Boolean)) break;
  }
  return uniqueNames(names);
}

function personName(a: Json): string {
  if (typeof a === 'string') return clean(decodeEntities(a));
  if (!isObj(a)) return '';
  const name = jstr(a.name);
  if (name) return name;
  return clean(`${jstr(a.givenName)} ${jstr(a.familyName)}`);
}

/** DOI / arXiv id from identifier, sameAs, @id and url of a node. */
function jsonIds(node: Obj): PaperIds {
  let doi: string | undefined;
  let arxiv: string | undefined;
  for (const v of asArray(node.identifier)) {
    if (isObj(v)) {
      const prop = jstr(v.propertyID).toLowerCase();
      const val = jstr(v.value) || jstr(v['@value']);
      if (prop === 'doi') doi = doi ?? normalizeDoi(val);
      else if (prop === 'arxiv') arxiv = arxiv ?? normalizeArxivId(val);
      else if (/doi\.org\//i.test(val)) doi = doi ?? normalizeDoi(val);
    } else {
      const s = jstr(v);
      if (/^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.\d{4,9}\/)/i.test(s)) doi = doi ?? normalizeDoi(s);
      else if (/^arxiv:/i.test(s) || /arxiv\.org\/abs\//i.test(s)) arxiv = arxiv ?? normalizeArxivId(s);
    }
  }
  for (const v of [...asArray(node.sameAs), node['@id'], node.url]) {
    const s = jstr(v);
    if (/^https?:\/\/(dx\.)?doi\.org\/10\./i.test(s)) doi = doi ?? normalizeDoi(s);
    else if (/^https?:\/\/(www\.)?arxiv\.org\/(abs|pdf)\//i.test(s)) arxiv = arxiv ?? normalizeArxivId(s);
  }
  return compact({ doi, arxiv });
}

/** Name of the periodical/issue/book chain a node is part of, and whether it is a periodical. */
function jsonVenue(node: Obj, idx: NodeIndex): { venue?: string; periodical: boolean } {
  let cur: Json = idx.resolve(asArray(node.isPartOf)[0]);
  let periodical = false;
  let fallback = '';
  for (let i = 0; i < 5 && isObj(cur); i++) {
    const types = typesOf(cur);
    if (types.some((t) => PERIODICAL_TYPES.has(t))) periodical = true;
    const name = jstr(cur.name);
    // An issue or volume is named by its periodical ("Vol. 5" is not a venue): keep walking up.
    if (name && !types.some((t) => t === 'PublicationIssue' || t === 'PublicationVolume')) return { venue: name, periodical };
    fallback = fallback || name;
    cur = idx.resolve(asArray(cur.isPartOf)[0]);
  }
  return { venue: fallback || undefined, periodical };
}

/** Whether a JSON-LD node describes a scholarly work (see the adapter's rules in the header). */
function isScholarlyNode(node: Obj, idx: NodeIndex): boolean {
  const types = typesOf(node);
  if (types.some((t) => SCHOLARLY_TYPES.has(t))) return true;
  const ids = jsonIds(node);
  if (types.includes('Chapter')) return !!ids.doi;
  if (types.includes('Article')) {
    if (ids.doi || ids.arxiv) return true;
    if (jsonVenue(node, idx).periodical) return true;
    const hasPerson = asArray(node.author).some((a) => {
      const r = idx.resolve(a);
      return typeof r === 'string' || (isObj(r) && typesOf(r).includes('Person'));
    });
    return hasPerson && asArray(node.citation).length > 0;
  }
  return false;
}

function jsonPaper(node: Obj, idx: NodeIndex, url: URL): ScrapedPaper | null {
  const title = cleanTitle(jstr(node.headline) || jstr(node.name) || jstr(node.alternativeHeadline));
  if (!title) return null;
  const dated = parseDate(jstr(node.datePublished) || jstr(node.dateCreated) || jstr(node.copyrightYear));
  const keywords = splitKeywords(asArray(node.keywords).map(jstr));
  let pdfUrl: string | undefined;
  for (const m of [...asArray(node.encoding), ...asArray(node.associatedMedia)]) {
    const r = idx.resolve(m);
    if (isObj(r) && /pdf/i.test(jstr(r.encodingFormat) || jstr(r.fileFormat))) pdfUrl = pdfUrl ?? absUrl(jstr(r.contentUrl), url);
  }
  const nodeUrl = jstr(node.url);
  return makePaper({
    title,
    authors: jsonAuthors(node, idx),
    year: dated.year,
    date: dated.date,
    venue: jsonVenue(node, idx).venue,
    abstract: cleanAbstract(jstr(node.abstract) || jstr(node.description)),
    keywords,
    ids: jsonIds(node),
    url: nodeUrl && !/^https?:\/\/(dx\.)?doi\.org\//i.test(nodeUrl) ? absUrl(nodeUrl, url) : undefined,
    pdfUrl,
  });
}

/**
 * Scholarly works described by the page's JSON-LD blocks: top-level nodes, `@graph` members,
 * `mainEntity` (all in `papers`), and `ItemList` elements (in `listed`). Works a node only cites
 * (`citation`) or belongs to are not papers of the page.
 */
export function jsonLdPapers(doc: Document, url: URL): { papers: ScrapedPaper[]; listed: ScrapedPaper[] } {
  const roots: Json[] = [];
  for (const s of all(doc, 'script[type]')) {
    if (!/^application\/ld\+json$/i.test((s.getAttribute('type') ?? '').trim())) continue;
    const parsed = parseJsonLd(s.textContent);
    if (parsed !== null) roots.push(parsed);
  }
  if (!roots.length) return { papers: [], listed: [] };
  const idx = new NodeIndex();
  idx.add(roots);
  const papers: ScrapedPaper[] = [];
  const listed: ScrapedPaper[] = [];
  const seen = new Set<Obj>();
  const visit = (v: Json, depth: number, inList: boolean) => {
    if (depth > 10) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1, inList);
      return;
    }
    v = idx.resolve(v);
    if (!isObj(v) || seen.has(v)) return;
    seen.add(v);
    if (isScholarlyNode(v, idx)) {
      const p = jsonPaper(v, idx, url);
      if (p) (inList ? listed : papers).push(p);
      return;
    }
    if (Array.isArray(v['@graph'])) visit(v['@graph'], depth + 1, inList);
    if (v.mainEntity) visit(v.mainEntity, depth + 1, inList);
    const types = typesOf(v);
    if (types.includes('ItemList') || types.includes('CollectionPage') || types.includes('SearchResultsPage')) {
      for (const el of asArray(v.itemListElement)) {
        const r = idx.resolve(el);
        visit(isObj(r) && r.item ? r.item : r, depth + 1, true);
      }
    }
    if (types.includes('ListItem') && v.item) visit(v.item, depth + 1, true);
  };
  visit(roots, 0, false);
  return { papers, listed };
}

// ---------------------------------------------------------------------------------------------
// schema.org microdata

const MICRO_TYPE = /schema\.org\/(ScholarlyArticle|MedicalScholarlyArticle|Thesis|Article|Chapter)\/?$/i;

/** Properties of a microdata item: elements whose nearest enclosing item is `scope`. */
function microProps(scope: Element): Map<string, Element[]> {
  const map = new Map<string, Element[]>();
  for (const el of all(scope, '[itemprop]')) {
    if (el.parentElement?.closest('[itemscope]') !== scope) continue;
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (!name) continue;
      const list = map.get(name);
      if (list) list.push(el);
      else map.set(name, [el]);
    }
  }
  return map;
}

/** The value of a microdata property element, per the microdata spec's element rules. */
function microValue(el: Element, url: URL): string {
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return clean(el.getAttribute('content'));
  if (tag === 'a' || tag === 'link' || tag === 'area') return absUrl(el.getAttribute('href'), url) ?? '';
  if (tag === 'img' || tag === 'source' || tag === 'embed' || tag === 'iframe') return absUrl(el.getAttribute('src'), url) ?? '';
  if (tag === 'time') return clean(el.getAttribute('datetime')) || clean(el.textContent);
  if (tag === 'data' || tag === 'meter') return clean(el.getAttribute('value'));
  return clean(el.getAttribute('content')) || clean(el.textContent);
}

function microText(props: Map<string, Element[]>, name: string, url: URL): string {
  for (const el of props.get(name) ?? []) {
    const v = el.hasAttribute('itemscope') ? '' : microValue(el, url);
    if (v) return v;
  }
  return '';
}

function microName(el: Element, url: URL): string {
  if (!el.hasAttribute('itemscope')) return clean(el.textContent) || microValue(el, url);
  const p = microProps(el);
  return microText(p, 'name', url) || clean(`${microText(p, 'givenName', url)} ${microText(p, 'familyName', url)}`);
}

/** Scholarly works marked up as schema.org microdata items (top-level items only). */
export function microdataPapers(doc: Document, url: URL): ScrapedPaper[] {
  const papers: ScrapedPaper[] = [];
  for (const scope of all(doc, '[itemscope][itemtype]')) {
    const types = (scope.getAttribute('itemtype') ?? '').split(/\s+/).filter((t) => MICRO_TYPE.test(t));
    if (!types.length) continue;
    // An article nested as another item's property (a citation, a related article) is not the page's.
    if (scope.hasAttribute('itemprop') && scope.parentElement?.closest('[itemscope]')) continue;
    const local = types.map((t) => t.replace(/\/$/, '').replace(/^.*\//, ''));
    const props = microProps(scope);
    const title = cleanTitle(microText(props, 'headline', url) || microText(props, 'name', url));
    if (!title) continue;
    let doi: string | undefined;
    let arxiv: string | undefined;
    for (const name of ['identifier', 'sameAs', 'url']) {
      for (const el of props.get(name) ?? []) {
        const v = el.hasAttribute('itemscope') ? microText(microProps(el), 'value', url) : microValue(el, url);
        if (/^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.\d{4,9}\/)/i.test(v)) doi = doi ?? normalizeDoi(v);
        else if (/arxiv\.org\/(abs|pdf)\/|^arxiv:/i.test(v)) arxiv = arxiv ?? normalizeArxivId(v);
      }
    }
    let venue = '';
    let periodical = false;
    let part = props.get('isPartOf')?.[0];
    for (let i = 0; i < 5 && part; i++) {
      const ptype = part.getAttribute('itemtype') ?? '';
      if (/(Periodical|PublicationIssue|PublicationVolume)\/?$/i.test(ptype)) periodical = true;
      if (!part.hasAttribute('itemscope')) {
        venue = clean(part.textContent);
        break;
      }
      const pp = microProps(part);
      const name = microText(pp, 'name', url);
      if (name && !/(PublicationIssue|PublicationVolume)\/?$/i.test(ptype)) {
        venue = name;
        break;
      }
      part = pp.get('isPartOf')?.[0];
    }
    const scholarly =
      local.some((t) => SCHOLARLY_TYPES.has(t)) ||
      (local.includes('Chapter') && !!doi) ||
      (local.includes('Article') && (!!doi || !!arxiv || periodical));
    if (!scholarly) continue;
    const authors = uniqueNames(
      (props.get('author') ?? props.get('creator') ?? []).flatMap((el) => {
        const n = microName(el, url);
        return el.hasAttribute('itemscope') ? [n] : n.split(/\s*;\s*/);
      }),
    );
    const dated = parseDate(microText(props, 'datePublished', url) || microText(props, 'dateCreated', url));
    const pdfEl = (props.get('encoding') ?? []).find((el) => /pdf/i.test(microText(microProps(el), 'encodingFormat', url)));
    const pageLink = microText(props, 'url', url);
    papers.push(
      makePaper({
        title,
        authors,
        year: dated.year,
        date: dated.date,
        venue,
        abstract: cleanAbstract(microText(props, 'abstract', url) || microText(props, 'description', url)),
        keywords: splitKeywords((props.get('keywords') ?? []).map((el) => microValue(el, url))),
        ids: { doi, arxiv },
        url: pageLink && !/doi\.org\//i.test(pageLink) ? pageLink : undefined,
        pdfUrl: pdfEl ? microText(microProps(pdfEl), 'contentUrl', url) || undefined : undefined,
      }),
    );
  }
  return papers;
}

// ---------------------------------------------------------------------------------------------
// COinS

/** Parse an OpenURL ContextObject (KEV) string into key → values, in order. */
export function parseContextObject(kev: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const pair of kev.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawVal = eq < 0 ? '' : pair.slice(eq + 1);
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s.replace(/\+/g, ' ');
      }
    };
    const key = dec(rawKey).trim();
    const val = clean(dec(rawVal));
    if (!key || !val) continue;
    const list = map.get(key);
    if (list) list.push(val);
    else map.set(key, [val]);
  }
  return map;
}

/** A paper from one COinS ContextObject (the span's `title`), or null without a title. */
export function coinsPaper(kev: string): ScrapedPaper | null {
  const co = parseContextObject(kev);
  const get = (k: string) => co.get(k)?.[0] ?? '';
  const atitle = get('rft.atitle');
  const btitle = get('rft.btitle');
  const rtitle = get('rft.title');
  const jtitle = get('rft.jtitle');
  const fmt = get('rft_val_fmt');
  const genre = get('rft.genre').toLowerCase();
  // In the journal format, a bare rft.title names the journal (OpenURL 0.1 `title`), not the article.
  const journalTitleOnly = /fmt:kev:mtx:journal/.test(fmt) && !atitle && (genre === 'journal' || genre === 'issue');
  const title = cleanTitle(atitle || btitle || (journalTitleOnly ? '' : rtitle));
  if (!title) return null;
  const au = co.get('rft.au') ?? [];
  const first = clean(`${get('rft.aufirst') || get('rft.auinit')} ${get('rft.aulast')}`) || get('rft.aucorp');
  const authors = [...au];
  const last = get('rft.aulast').toLowerCase();
  if (first && !au.some((a) => (last ? a.toLowerCase().includes(last) : a === first))) authors.unshift(first);
  const dated = parseDate(get('rft.date'));
  let doi: string | undefined;
  let arxiv: string | undefined;
  let link: string | undefined;
  for (const id of co.get('rft_id') ?? []) {
    if (/^info:doi\//i.test(id) || /^https?:\/\/(dx\.)?doi\.org\//i.test(id)) doi = doi ?? normalizeDoi(id.replace(/^info:doi\//i, ''));
    else if (/^info:arxiv\//i.test(id) || /arxiv\.org\/abs\//i.test(id))
      arxiv = arxiv ?? normalizeArxivId(id.replace(/^info:arxiv\//i, ''));
    else if (/^https?:\/\//i.test(id)) link = link ?? absUrl(id, 'https://invalid.invalid/');
  }
  const venue = jtitle || (atitle && btitle) || (atitle && rtitle) || get('rft.series') || get('rft.inst') || get('rft.pub') || '';
  return makePaper({
    title,
    authors: uniqueNames(authors),
    year: dated.year,
    date: dated.date,
    venue: cleanText(venue),
    ids: { doi, arxiv },
    url: link,
  });
}

/**
 * Papers of the page's COinS spans (span.Z3988), except those describing cited works: spans in
 * reference lists and MediaWiki citation templates (rfr_id info:sid/…wikipedia.org).
 */
export function coinsPapers(doc: Document): ScrapedPaper[] {
  const papers: ScrapedPaper[] = [];
  for (const span of all(doc, '.Z3988[title]')) {
    if (span.closest(REFERENCE_CONTAINERS)) continue;
    const kev = span.getAttribute('title') ?? '';
    if (/rfr_id=info(%3A|:)sid(%2F|\/)[^&]*wiki/i.test(kev)) continue;
    const p = coinsPaper(kev);
    if (p) papers.push(p);
  }
  return papers;
}

// ---------------------------------------------------------------------------------------------
// Paper-card listings on unknown sites

const EVIDENCE_HREF = /\.pdf(?:$|[?#])|^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/|^https?:\/\/(?:dx\.)?doi\.org\/10\./i;
const ABSTRACT_LABEL = /^\[?\s*(abstract|abs)\s*\]?$/i;
const LINK_WORDS =
  /^(pdf|paper|code|arxiv|doi|abs|abstract|bib|bibtex|cite|citation|slides?|video|poster|project|project page|page|website|html|blog|talk|data|dataset|demo|github|supp|supplementary|appendix|openreview|proceedings|link|url|preprint|media|press)$/i;

/** Whether an element is evidence that a block is a paper: a PDF/arXiv/DOI link or an "Abstract" toggle. */
function isEvidence(el: Element, base: URL): boolean {
  if (el.tagName === 'A') {
    const href = absUrl(el.getAttribute('href'), base);
    if (href && EVIDENCE_HREF.test(href)) return true;
    const t = clean(el.textContent);
    if (/^\[?\s*pdf\s*\]?$/i.test(t) && href) return true;
    return ABSTRACT_LABEL.test(t);
  }
  return ABSTRACT_LABEL.test(clean(el.textContent));
}

/** arXiv/DOI links and "Abstract" toggles; a bare PDF link is weaker evidence. */
function isStrongEvidence(el: Element, base: URL): boolean {
  if (el.tagName !== 'A') return true;
  const href = absUrl(el.getAttribute('href'), base) ?? '';
  if (/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/|^https?:\/\/(?:dx\.)?doi\.org\/10\./i.test(href)) return true;
  return ABSTRACT_LABEL.test(clean(el.textContent));
}

function evidenceElements(doc: Document, base: URL): Element[] {
  return all(doc.body ?? doc, 'a, button, summary').filter((el) => isEvidence(el, base));
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Whether a link's label is only link words ("[PDF]", "arXiv", "Code", "Project page"). */
function isLinkLabel(s: string): boolean {
  const words = s
    .replace(/[[\]()|/·•]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => LINK_WORDS.test(w));
}

/**
 * Visual lines of a block: text split at block elements and `<br>`. Scripts, styles and the
 * labels of links like "[pdf]" / "code" are left out, so they do not stick to the venue line.
 */
function linesOf(root: Element): string[] {
  const lines: string[] = [];
  let cur = '';
  const flush = () => {
    const c = clean(cur.replace(/\[\s*\]|\(\s*\)|\|\s*(?=\||$)/g, ' '));
    if (c) lines.push(c);
    cur = '';
  };
  const walk = (n: Node, depth: number) => {
    if (depth > 30) return;
    if (n.nodeType === 3) {
      cur += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    if (tag === 'A' && isLinkLabel(clean(n.textContent))) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const c of Array.from(n.childNodes)) walk(c, depth + 1);
    if (block) flush();
    else if (tag === 'SUP') cur += ' ';
  };
  walk(root, 0);
  flush();
  return lines;
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

const VENUE_WORDS =
  /\b(proceedings|proc\.|conference|journal|trans(?:actions|\.)|workshop|symposium|letters|review|arxiv|preprint|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|coling|aaai|ijcai|kdd|sigir|www|chi|uist|siggraph|icra|iros|rss|corl|aistats|uai|colt|interspeech|icassp|miccai|tacl|jmlr|tpami|nature|science|thesis|press)\b/i;
const TITLE_SELECTOR = '.title, [class*="title"], h2, h3, h4, h5, h6, strong, b, .paper-title, .pub-title';

function isTitleLike(s: string): boolean {
  if (s.length < 10 || s.length > 400) return false;
  if (!/\s/.test(s)) return false;
  if (/^\d{4}$/.test(s) || isLinkLabel(s)) return false;
  return !parseAuthorLine(s);
}

/**
 * Split a line into sentences at ". " after a word (not after an initial: "J. Doe" stays whole),
 * so "A. Lee, B. Chan. NeurIPS, 2020" gives the author list and the venue.
 */
function splitSentences(s: string): string[] {
  return s
    .split(/(?<=\p{Ll}{2}|[\d)\]"”'’])\.\s+(?=\S)/u)
    .map((x) => clean(x.replace(/^[\s.,:;–—-]+/, '')))
    .filter(Boolean);
}

/** Strip list decoration from a card title: wrapping quotes, a trailing "." or ",". */
function cardTitle(s: string): string {
  let t = cleanTitle(s);
  t = t.replace(/^["“”'‘]+|["“”'’]+[.,]?$/g, '');
  t = t.replace(/[.,;:]$/, '');
  return clean(t);
}

interface Card {
  el: Element;
  paper: ScrapedPaper;
}

/**
 * Read one candidate block as a paper card. It must hold a title-like heading or link, exactly
 * one author-list line, a year or venue, and evidence (PDF/arXiv/DOI link or "Abstract").
 */
function readCard(el: Element, base: URL): ScrapedPaper | null {
  const len = (el.textContent ?? '').length;
  if (len < 30 || len > 6000) return null;
  if (el.closest(REFERENCE_CONTAINERS)) return null;
  const links = all<HTMLAnchorElement>(el, 'a[href]');
  const evidence = all(el, 'a, button, summary').filter((e) => isEvidence(e, base));
  if (!evidence.length) return null;
  // A PDF link alone is weak (blogs offer PDF versions of posts); arXiv/DOI links and "Abstract" are not.
  const strong = evidence.some((e) => isStrongEvidence(e, base));

  // Title: a title-classed element, heading or bold text; else the first substantial link.
  let titleEl: Element | undefined;
  for (const c of all(el, TITLE_SELECTOR)) {
    if (isTitleLike(clean(c.textContent))) {
      titleEl = c;
      break;
    }
  }
  if (!titleEl) titleEl = links.find((a) => isTitleLike(clean(a.textContent)));
  if (!titleEl) return null;
  const rawTitle = clean(titleEl.textContent);
  const title = cardTitle(rawTitle);
  if (!title) return null;

  // Authors: exactly one line, or one sentence of a line ("Title. A. Lee, B. Chan. NeurIPS, 2020."),
  // reads as an author list. What follows it is where the venue and year are.
  const lines = linesOf(el);
  const authorEls = all(el, '[class*="author"]').map((a) => clean(a.textContent));
  let authorsFound: { authors: string[]; truncated: boolean } | null = null;
  let after: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rest = clean(lines[i].replace(rawTitle, ' ').replace(/^[\s.,:;–—-]+/, ''));
    if (!rest || rawTitle.includes(rest)) continue;
    const parts = [rest, ...(rest !== lines[i] || /\.\s/.test(rest) ? splitSentences(rest) : [])];
    for (let j = 0; j < parts.length; j++) {
      const parsed = parseAuthorLine(parts[j], authorEls.includes(parts[j]) || authorEls.includes(lines[i]));
      if (!parsed) continue;
      // Two author lines mean the block holds several papers: not a card.
      if (authorsFound) return null;
      authorsFound = parsed;
      const inline = j === 0 ? [] : [parts.slice(j + 1).join('. ')].filter(Boolean);
      after = [...inline, ...lines.slice(i + 1)];
      break;
    }
  }
  if (!authorsFound) return null;
  // One author without "et al." reads like a blog byline unless the evidence is strong.
  if (authorsFound.authors.length < 2 && !authorsFound.truncated && !strong) return null;

  // Venue/year: the first text after the authors that names a venue or a year, not a links line.
  let venue = '';
  let year: number | undefined;
  for (const line of after) {
    if (line.length > 250 || line.includes(rawTitle) || isLinkLabel(line)) continue;
    const y = parseYear(line);
    if (!y && !VENUE_WORDS.test(line)) continue;
    year = y;
    venue = clean(
      line
        .replace(/^[\s.,:;–—-]+/, '')
        .replace(/^in\s*:?\s+/i, '')
        .replace(/[\s,.(]*\b(1[89]\d\d|20\d\d)\b\)?\.?$/, '')
        .replace(/[.,;:]$/, ''),
    );
    if (/^\d+$/.test(venue)) venue = '';
    break;
  }
  if (!year) {
    for (const line of lines) if (!year && !line.includes(rawTitle) && !parseAuthorLine(line)) year = parseYear(line);
  }
  if (!year && !venue) return null;

  // Links: the title link is the landing page (or the PDF); others by href or label.
  const titleLink = (titleEl.closest('a[href]') ?? titleEl.querySelector('a[href]')) as HTMLAnchorElement | null;
  const titleHref = titleLink ? absUrl(titleLink.getAttribute('href'), base) : undefined;
  let pdfUrl: string | undefined;
  let codeUrl: string | undefined;
  let doi: string | undefined;
  let arxiv: string | undefined;
  for (const a of links) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    const label = clean(a.textContent).replace(/[[\]]/g, '').trim();
    if (/^https?:\/\/(dx\.)?doi\.org\/10\./i.test(href)) doi = doi ?? normalizeDoi(href);
    else if (/^https?:\/\/(www\.|export\.)?arxiv\.org\/(abs|pdf)\//i.test(href)) arxiv = arxiv ?? normalizeArxivId(href);
    if (/\.pdf(?:$|[?#])/i.test(href) || /^pdf$/i.test(label)) pdfUrl = pdfUrl ?? href;
    else if (/^code$/i.test(label) || /^https?:\/\/(www\.)?(github\.com|gitlab\.com)\//i.test(href)) codeUrl = codeUrl ?? href;
  }
  let url: string | undefined;
  if (titleHref) {
    if (/\.pdf(?:$|[?#])/i.test(titleHref)) pdfUrl = pdfUrl ?? titleHref;
    else url = titleHref;
  }

  // Abstract: a details block or an element classed "abstract" holding prose.
  let abstract = '';
  for (const c of all(el, 'details, [class*="abstract"]')) {
    if (c.tagName === 'A' || c.tagName === 'BUTTON') continue;
    const summary = c.tagName === 'DETAILS' ? clean(c.querySelector('summary')?.textContent) : '';
    if (c.tagName === 'DETAILS' && !ABSTRACT_LABEL.test(summary)) continue;
    const body = clean((c.textContent ?? '').replace(summary, ''));
    if (body.length >= 80) {
      abstract = cleanAbstract(body);
      break;
    }
  }

  return makePaper({
    title,
    authors: authorsFound.authors,
    authorsTruncated: authorsFound.truncated || undefined,
    year,
    venue,
    abstract,
    ids: { doi, arxiv },
    url,
    pdfUrl,
    codeUrl,
  });
}

const REFERENCES_HEADING =
  /^(\d+\.?\s*)?(references|reference list|bibliography|works cited|literature cited|cited works|citations|notes|sources|further reading|literatur|références|referencias)$/i;

/**
 * Whether a list sits under a "References" heading: cited works of an article or blog post, not
 * a publication list. Looks at the few elements before the list and before its two ancestors.
 */
function underReferencesHeading(container: Element): boolean {
  let node: Element | null = container;
  for (let up = 0; node && up < 3; up++, node = node.parentElement) {
    let prev = node.previousElementSibling;
    for (let k = 0; prev && k < 3; k++, prev = prev.previousElementSibling) {
      if (/^H[1-6]$/.test(prev.tagName) || prev.getAttribute('role') === 'heading') return REFERENCES_HEADING.test(clean(prev.textContent));
      const h = prev.querySelector('h1, h2, h3, h4, h5, h6');
      if (h && clean(prev.textContent) === clean(h.textContent)) return REFERENCES_HEADING.test(clean(h.textContent));
    }
  }
  return false;
}

/** Tag plus sorted classes: cards of one listing share it. */
function signature(el: Element): string {
  return `${el.tagName}.${(el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).sort().join('.')}`;
}

/**
 * Find a listing of paper cards: for each piece of evidence, climb to the child of the lowest
 * ancestor that holds two or more same-signature blocks with evidence (the listing container);
 * that child is the card candidate. At least three valid cards are needed. Linear in the page
 * (ancestor climbs are bounded and memoised).
 */
export function cardPapers(doc: Document, base: URL): ScrapedPaper[] {
  const evidence = evidenceElements(doc, base);
  if (evidence.length < 3) return [];
  const MAX_DEPTH = 10;
  // Every ancestor (within MAX_DEPTH) holding evidence.
  const holds = new Set<Element>();
  for (const e of evidence) {
    let a: Element | null = e;
    for (let d = 0; a && d <= MAX_DEPTH; d++, a = a.parentElement) {
      if (holds.has(a)) break;
      holds.add(a);
    }
  }
  const parentCache = new Map<Element, Map<string, number>>();
  /** How many children of `parent` with signature `sig` hold evidence. */
  const countSame = (parent: Element, sig: string): number => {
    let m = parentCache.get(parent);
    if (!m) parentCache.set(parent, (m = new Map()));
    let n = m.get(sig);
    if (n === undefined) {
      n = 0;
      for (const c of Array.from(parent.children)) if (holds.has(c) && signature(c) === sig) n++;
      m.set(sig, n);
    }
    return n;
  };
  const candidates = new Set<Element>();
  const done = new Set<Element>();
  for (const e of evidence) {
    let child: Element | null = e;
    for (let d = 0; child && d < MAX_DEPTH; d++) {
      const parent: Element | null = child.parentElement;
      if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
      if (done.has(child)) break;
      done.add(child);
      // The listing container holds several same-looking blocks with evidence. A link group
      // ("[arXiv] [PDF]") looks like one too: a card must be a substantial block, not a link.
      const substantial = !/^(A|BUTTON|SUMMARY)$/.test(child.tagName) && (child.textContent ?? '').length >= 40;
      if (substantial && countSame(parent, signature(child)) >= 2) {
        candidates.add(child);
        break;
      }
      child = parent;
    }
  }
  const cards: Card[] = [];
  const refLists = new Map<Element, boolean>();
  for (const el of candidates) {
    const container = el.parentElement;
    if (!container) continue;
    let isRefs = refLists.get(container);
    if (isRefs === undefined) refLists.set(container, (isRefs = underReferencesHeading(container)));
    if (isRefs) continue;
    const paper = readCard(el, base);
    if (paper) cards.push({ el, paper });
  }
  // Candidates were found in document order (evidence is). Drop a card nested in another card.
  const cardEls = new Set(cards.map((c) => c.el));
  const out = cards.filter((c) => {
    for (let a = c.el.parentElement; a; a = a.parentElement) if (cardEls.has(a)) return false;
    return true;
  });
  return out.length >= 3 ? out.map((c) => c.paper) : [];
}

// ---------------------------------------------------------------------------------------------
// Merging

/** Whether two papers describe the same work: same DOI/arXiv id when both have one, else same title. */
export function sameWork(a: ScrapedPaper, b: ScrapedPaper): boolean {
  if (a.ids?.doi && b.ids?.doi) return a.ids.doi === b.ids.doi;
  if (a.ids?.arxiv && b.ids?.arxiv) return a.ids.arxiv === b.ids.arxiv;
  const ka = titleKey(a.title);
  return ka.length > 0 && ka === titleKey(b.title);
}

/** Fill `base`'s missing fields from a less trusted description of the same work. */
export function mergePaper(base: ScrapedPaper, extra: ScrapedPaper): ScrapedPaper {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    if (k === 'ids' || k === 'authors' || k === 'authorsTruncated') continue;
    if (out[k] === undefined) out[k] = v;
  }
  if (!base.authors.length && extra.authors.length) {
    out.authors = extra.authors;
    if (extra.authorsTruncated) out.authorsTruncated = true;
  }
  const ids = { ...(extra.ids ?? {}), ...(base.ids ?? {}) };
  if (Object.keys(ids).length) out.ids = ids;
  return out as unknown as ScrapedPaper;
}

/**
 * Merge a less trusted source's papers into a more trusted one's: each paper of `extra` fills in
 * the first primary paper describing the same work, or is appended. Papers of one source are
 * never merged with each other: a listing may hold a preprint and its published version.
 */
function mergeAcross(primary: ScrapedPaper[], extra: ScrapedPaper[]): ScrapedPaper[] {
  const out = primary.slice();
  if (!extra.length) return out;
  // Index the primary papers by DOI, arXiv id and title so big listings merge in linear time.
  const index = new Map<string, number[]>();
  const keysOf = (p: ScrapedPaper) =>
    [p.ids?.doi && `doi:${p.ids.doi}`, p.ids?.arxiv && `arxiv:${p.ids.arxiv}`, `t:${titleKey(p.title)}`].filter(
      (k): k is string => !!k && k !== 't:',
    );
  primary.forEach((p, i) => {
    for (const k of keysOf(p)) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
  });
  for (const p of extra) {
    let best = -1;
    for (const k of keysOf(p)) for (const i of index.get(k) ?? []) if ((best < 0 || i < best) && sameWork(out[i], p)) best = i;
    if (best >= 0) out[best] = mergePaper(out[best], p);
    else out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The adapter

function hasMetaSignal(doc: Document, url: URL): boolean {
  if (metaValues(doc, 'citation_title').length || metaValues(doc, 'dc.title').length || metaValues(doc, 'dcterms.title').length)
    return true;
  return !!pageDoi(doc, url);
}

function hasStructuredSignal(doc: Document): boolean {
  for (const s of all(doc, 'script[type]')) {
    if (!/^application\/ld\+json$/i.test((s.getAttribute('type') ?? '').trim())) continue;
    if (/ScholarlyArticle|"(?:[a-z]+:|https?:\/\/schema\.org\/)?(?:Article|Thesis|Chapter)"|ItemList/i.test(s.textContent ?? ''))
      return true;
  }
  return all(doc, '[itemscope][itemtype]').some((el) => MICRO_TYPE.test(el.getAttribute('itemtype') ?? ''));
}

function detect(url: URL, doc: Document): boolean {
  if (isMediaWiki(doc, url)) return false;
  if (hasMetaSignal(doc, url) || hasStructuredSignal(doc)) return true;
  if (doc.querySelector('.Z3988[title]')) return true;
  if (!cardsAllowed(url)) return false;
  let n = 0;
  for (const el of all(doc.body ?? doc, 'a, button, summary')) if (isEvidence(el, url) && ++n >= 3) return true;
  return false;
}

function scrape(doc: Document, url: URL): ScrapeResult | null {
  if (isMediaWiki(doc, url)) return null;
  const result = (kind: ScrapeResult['kind'], papers: ScrapedPaper[]): ScrapeResult | null =>
    papers.length ? { site: 'generic', kind, url: url.href, papers } : null;

  const highwire = highwirePaper(doc, url);
  const dc = dublinCorePaper(doc, url);
  const ld = jsonLdPapers(doc, url);
  const micro = microdataPapers(doc, url);
  const coins = coinsPapers(doc);
  // Works the page presents at top level (JSON-LD nodes, microdata items); JSON-LD list items apart.
  const top = mergeAcross(ld.papers, micro);

  // The page describes itself (meta tags, one top-level structured work, a declared DOI): a paper page.
  let main: ScrapedPaper | null = highwire ?? dc;
  if (highwire && dc && sameWork(highwire, dc)) main = mergePaper(highwire, dc);
  if (main) {
    for (const s of top) if (sameWork(main, s)) main = mergePaper(main, s);
  } else if (top.length === 1) {
    main = top[0];
  } else if (!top.length && !ld.listed.length) {
    main = landingPaper(doc, url);
  }
  if (main) {
    for (const c of coins) if (sameWork(main, c)) main = mergePaper(main, c);
    if (!main.ids?.doi) {
      const doi = pageDoi(doc, url);
      if (doi) main = { ...main, ids: { ...(main.ids ?? {}), doi } };
    }
    // Meta tags and structured data describe this very page: it is the paper's landing page.
    if (!main.url) main = { ...main, url: canonicalUrl(doc, url) ?? pageUrl(url) };
    return result('paper', [main]);
  }

  // Listings: structured items (COinS fill in their gaps), else several COinS, else paper cards.
  const structured = mergeAcross(top, ld.listed);
  if (structured.length) return result('listing', mergeAcross(structured, coins).slice(0, structured.length));
  if (coins.length >= 2) return result('listing', coins);
  const cards = cardsAllowed(url) ? cardPapers(doc, url) : [];
  if (cards.length) return result('listing', mergeAcross(cards, coins).slice(0, cards.length));
  // A single COinS describes one work, though not necessarily this page (a bibliography entry).
  return result('paper', coins);
}

/** The generic embedded-metadata fallback. Must stay last in the registry. */
export const generic: Adapter = {
  id: 'generic',
  name: 'Embedded metadata',
  detect,
  scrape,
};
