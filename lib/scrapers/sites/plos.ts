/**
 * PLOS adapter (journals.plos.org): article pages of every PLOS journal
 * (`/<journal>/article?id=<doi>`, e.g.
 * https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978) and their tabs
 * (`/article/authors`, `/article/metrics`, `/article/comments`, `/article/related`, all with the
 * same `?id=`). The citation_* tags are complete (full author list in display form); the page adds
 * the typeset title (`#artTitle`), the header author list (`#author-list a.author-name`, each
 * name followed by a contribution mark and a comma), the main abstract (not the "Author summary")
 * and the "Published:" date.
 */
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, normalizeDoi, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { cleanAbstract, cleanTitle, parseMetadataDate, uniqueNames } from '../kit/metadata-text';
import { visibleText } from '../kit/text';

const ARTICLE_PATH = /^\/[a-z]+\/article(?:\/(?:authors|metrics|comments|related|peerReview))?\/?$/i;

/** The article DOI of a PLOS article URL (its `id` parameter), or undefined. */
export function plosDoi(url: URL): string | undefined {
  if (!ARTICLE_PATH.test(url.pathname)) return undefined;
  const id = url.searchParams.get('id') ?? '';
  return /^(?:info:doi\/)?10\.1371\//i.test(id) ? normalizeDoi(id) : undefined;
}

/** Header names: the link text without the contribution mark and the separating comma. */
function headerAuthors(doc: Document): string[] {
  return uniqueNames(
    all(doc, '#author-list a.author-name, ul.author-list a.author-name').map((a) =>
      clean(visibleText(a, { skip: '.contribute, sup' }).replace(/[\s,]+$/, '')),
    ),
  );
}

/** The research abstract: the first abstract block that is not an author summary or other typed abstract. */
function abstractText(doc: Document): string {
  const blocks = all(doc, '.article-text .abstract, div.abstract');
  const main = blocks.find((b) => !/abstract-type-/.test(b.className)) ?? null;
  return cleanAbstract(visibleText(main, { math: true, blocks: true, skip: 'h2, h3, a.link-target' }));
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const published = text(doc, '#artPubDate').replace(/^\s*Published:?\s*/i, '');
  const doi = plosDoi(url);
  const paper = fromEmbedded(doc, url, {
    title: cleanTitle(visibleText(doc.querySelector('#artTitle'), { math: true })),
    authors: headerAuthors(doc),
    date: parseMetadataDate(published).date,
    abstract: abstractText(doc),
    ids: { doi },
    // Every tab describes the same article: its landing page is the Article tab.
    url: doi ? absUrl(`${url.pathname.replace(/\/article\/.*$/, '/article')}?id=${url.searchParams.get('id')}`, url) : undefined,
  });
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** PLOS: article pages and their tabs. */
export const plos = defineAdapter({
  id: 'plos',
  hosts: ['journals.plos.org'],
  route: (url) => (plosDoi(url) ? 'paper' : null),
  scrape: scrapePaper,
  urls: [
    'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978',
    'https://journals.plos.org/plosone/article/authors?id=10.1371/journal.pone.0213978',
    'https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1004668',
  ],
});
