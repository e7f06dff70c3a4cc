/**
 * ScienceDirect adapter (www.sciencedirect.com): article pages, full text and abstract-only
 * (`/science/article/pii/<PII>`, `/science/article/abs/pii/<PII>`). The pages carry citation_*
 * tags with no `citation_author` at all (e.g.
 * https://www.sciencedirect.com/science/article/pii/S146290112300117X): the names are in the
 * header's author group (`#author-group`, given name and surname in their own spans) and in the
 * page's embedded JSON state (`script[type="application/json"][data-iso-key]`, `authors.content`
 * → author-group → author → given-name/surname), read when the markup is absent. `year` is the
 * issue year (citation_publication_date), `date` the online date (citation_online_date).
 */
import type { ScrapedPaper } from '../../core/types';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, clean, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { firstMeta } from '../kit/meta';
import { cleanAbstract, cleanTitle, parseMetadataDate, splitKeywords, uniqueNames } from '../kit/metadata-text';
import { visibleText } from '../kit/text';

/** Article paths: `/science/article/pii/S146290112300117X`, `/science/article/abs/pii/S2210271X18305656`. */
const ARTICLE_PATH = /^\/science\/article\/(?:abs\/)?pii\/([A-Z\d()-]{10,})\/?$/i;

/** The PII an article URL names, or undefined. */
export function piiFromUrl(url: URL): string | undefined {
  return url.pathname.match(ARTICLE_PATH)?.[1];
}

/**
 * Names of the header's author group: each author is a button (2023–24 markup) or an `a.author`
 * (older markup) holding `.given-name` and `.surname`; a group author has a surname-less text.
 */
function headerAuthors(doc: Document): string[] {
  const group = doc.querySelector('#author-group, .author-group');
  const names: string[] = [];
  for (const sur of all(group, '.surname')) {
    const author = sur.closest('button, a, .author') ?? sur.parentElement;
    const given = author?.querySelector('.given-name');
    names.push(clean(`${text(given)} ${text(sur)}`));
  }
  return uniqueNames(names);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The `_` text of a JSON-state node's child named `name`. */
function childText(node: { [k: string]: Json }, name: string): string {
  const kids = node.$$;
  if (!Array.isArray(kids)) return '';
  for (const k of kids) if (k && typeof k === 'object' && !Array.isArray(k) && k['#name'] === name && typeof k._ === 'string') return k._;
  return '';
}

/** Author names of the embedded JSON state, in order (empty when the blob is absent or has none). */
function jsonStateAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const script of all(doc, 'script[type="application/json"][data-iso-key]')) {
    let state: Json;
    try {
      state = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue;
    }
    const authors = state && typeof state === 'object' && !Array.isArray(state) ? state.authors : null;
    const content = authors && typeof authors === 'object' && !Array.isArray(authors) ? authors.content : null;
    // author-group nodes hold author nodes (iteratively: the blob is page data, never trusted to be shallow).
    const stack: Json[] = Array.isArray(content) ? [...content].reverse() : [];
    while (stack.length) {
      const n = stack.pop();
      if (!n || typeof n !== 'object' || Array.isArray(n)) continue;
      if (n['#name'] === 'author') {
        const name = clean(`${childText(n, 'given-name')} ${childText(n, 'surname')}`);
        if (name) names.push(name);
      } else if (n['#name'] === 'author-group' && Array.isArray(n.$$)) {
        stack.push(...[...n.$$].reverse());
      }
    }
    if (names.length) break;
  }
  return uniqueNames(names);
}

/** The author abstract (not the highlights or the graphical abstract). */
function abstractText(doc: Document): string {
  const el = doc.querySelector('#abstracts .abstract.author') ?? doc.querySelector('.abstract.author');
  return cleanAbstract(visibleText(el, { math: true, blocks: true, skip: 'h2, h3, .section-title' }));
}

function paperOf(doc: Document, url: URL): ScrapedPaper | null {
  const authors = headerAuthors(doc);
  return fromEmbedded(doc, url, {
    title: cleanTitle(visibleText(doc.querySelector('h1 .title-text, .title-text'), { math: true })),
    authors: authors.length ? authors : jsonStateAuthors(doc),
    venue: cleanTitle(text(doc, '#publication-title .anchor-text, .publication-title-link')),
    date: parseMetadataDate(firstMeta(doc, 'citation_online_date')).date,
    abstract: abstractText(doc),
    keywords: splitKeywords(all(doc, '.keywords-section .keyword').map((k) => text(k))),
  });
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const paper = paperOf(doc, url);
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** ScienceDirect: article pages (full text and abstract). */
export const sciencedirect = defineAdapter({
  id: 'sciencedirect',
  hosts: ['www.sciencedirect.com'],
  route: (url) => (ARTICLE_PATH.test(url.pathname) ? 'paper' : null),
  scrape: scrapePaper,
  urls: [
    'https://www.sciencedirect.com/science/article/pii/S146290112300117X',
    'https://www.sciencedirect.com/science/article/abs/pii/S2210271X18305656',
  ],
});
