/**
 * schema.org microdata (`itemscope`/`itemprop`): the scholarly works a page marks up as top-level
 * items (dblp person pages, some repositories). Values follow the microdata spec's element rules.
 */
import type { ScrapedPaper } from '../../core/types';
import { absUrl, all, clean, normalizeArxivId, normalizeDoi } from './dom';
import { SCHOLARLY_TYPES } from './json-ld';
import { cleanAbstract, cleanTitle, makePaper, parseMetadataDate, splitKeywords, uniqueNames } from './metadata-text';

const MICRO_TYPE = /schema\.org\/(ScholarlyArticle|MedicalScholarlyArticle|Thesis|Article|Chapter)\/?$/i;

/** Whether the page has a microdata item of a scholarly type (a cheap test for detection). */
export function hasScholarlyMicrodata(doc: Document): boolean {
  return all(doc, '[itemscope][itemtype]').some((el) => MICRO_TYPE.test(el.getAttribute('itemtype') ?? ''));
}

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
    const dated = parseMetadataDate(microText(props, 'datePublished', url) || microText(props, 'dateCreated', url));
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
