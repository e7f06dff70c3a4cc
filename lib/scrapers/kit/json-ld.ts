/**
 * schema.org JSON-LD: parses a page's `application/ld+json` blocks (leniently: CDATA and comment
 * wrappers, raw newlines in strings) and reads the scholarly works they describe, resolving
 * `@id` references across blocks and `@graph`s. Which nodes count as scholarly is decided here
 * (ScholarlyArticle/Thesis always; Article/Chapter only with a DOI, arXiv id, periodical or cited works).
 */
import type { PaperIds, ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, compact, normalizeArxivId, normalizeDoi } from './dom';
import { cleanAbstract, cleanTitle, decodeEntities, makePaper, parseMetadataDate, splitKeywords, uniqueNames } from './metadata-text';

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: Json): Json[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The page's `<script type="application/ld+json">` elements (type matched case-insensitively). */
function jsonLdScripts(doc: Document): Element[] {
  return all(doc, 'script[type]').filter((s) => /^application\/ld\+json$/i.test((s.getAttribute('type') ?? '').trim()));
}

/**
 * Whether a JSON-LD block names a scholarly type or a list: a cheap text test for detection,
 * before anything is parsed.
 */
export function hasScholarlyJsonLd(doc: Document): boolean {
  return jsonLdScripts(doc).some((s) =>
    /ScholarlyArticle|"(?:[a-z]+:|https?:\/\/schema\.org\/)?(?:Article|Thesis|Chapter)"|ItemList/i.test(s.textContent ?? ''),
  );
}

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
  // The first non-empty text, depth first, with an explicit stack: a page's JSON may nest arrays
  // ([[[…]]]) deeper than the call stack goes.
  const stack: Json[] = [v];
  while (stack.length) {
    const x = stack.pop()!;
    if (typeof x === 'string') {
      const s = clean(decodeEntities(x));
      if (s) return s;
    } else if (typeof x === 'number') return String(x);
    else if (Array.isArray(x)) for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
    else if (isObj(x) && '@value' in x) stack.push(x['@value']);
  }
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

/** schema.org types that are scholarly works whatever else a node says (microdata.ts uses them too). */
export const SCHOLARLY_TYPES: ReadonlySet<string> = new Set(['ScholarlyArticle', 'MedicalScholarlyArticle', 'Thesis']);
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

/**
 * Whether a JSON-LD node describes a scholarly work (the rules are in this module's header), or,
 * with `anyArticle`, any *Article (for pages already known to show one paper, such as a preprint mirror's).
 */
function isScholarlyNode(node: Obj, idx: NodeIndex, anyArticle = false): boolean {
  const types = typesOf(node);
  if (types.some((t) => SCHOLARLY_TYPES.has(t) || (anyArticle && /Article$/.test(t)))) return true;
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
  const dated = parseMetadataDate(jstr(node.datePublished) || jstr(node.dateCreated) || jstr(node.copyrightYear));
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
 * (`citation`) or belongs to are not papers of the page. `anyArticle`: see `isScholarlyNode`.
 */
export function jsonLdPapers(
  doc: Document,
  url: URL,
  { anyArticle = false }: { anyArticle?: boolean } = {},
): { papers: ScrapedPaper[]; listed: ScrapedPaper[] } {
  const roots: Json[] = [];
  for (const s of jsonLdScripts(doc)) {
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
    if (isScholarlyNode(v, idx, anyArticle)) {
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
