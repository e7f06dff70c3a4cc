/**
 * PeerJ adapter (peerj.com): article pages of PeerJ and its sister journals
 * (`/articles/4886/`, `/articles/cs-1234/`, e.g. https://peerj.com/articles/4886/) and PeerJ
 * Preprints (`/preprints/27137/`, `/preprints/27137v2/`). citation_* tags carry the work; the
 * page's JATS-derived header adds the typeset title, the author names (`.article-authors
 * .contrib[data-jats-contrib-type="author"] .name`: editors and the reference list use the same
 * `contrib` markup elsewhere), the abstract and the published date.
 */
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, clean } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { cleanAbstract, cleanTitle, parseMetadataDate, uniqueNames } from '../kit/metadata-text';
import { visibleText } from '../kit/text';

/** `/articles/4886/`, `/articles/cs-1234`, `/preprints/27137v2/` (the `.pdf`/`.bib` siblings are not pages). */
const PAPER_PATH = /^\/(?:articles\/(?:[a-z]+-)?\d+|preprints\/\d+(?:v\d+)?)\/?$/i;

function headerAuthors(doc: Document): string[] {
  const header = doc.querySelector('.article-authors') ?? doc.querySelector('header.article-meta');
  return uniqueNames(
    all(header, '.contrib[data-jats-contrib-type="author"] .name, .contrib[itemprop="author"] [itemprop="name"]').map((n) =>
      clean(visibleText(n)),
    ),
  );
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const abstractEl = doc.querySelector('.abstract[itemprop="description"]') ?? doc.querySelector('.abstract');
  const paper = fromEmbedded(doc, url, {
    title: cleanTitle(visibleText(doc.querySelector('h1.article-title'), { math: true })),
    authors: headerAuthors(doc),
    date: parseMetadataDate(doc.querySelector('.article-dates time[itemprop="datePublished"]')?.textContent).date,
    abstract: cleanAbstract(visibleText(abstractEl, { math: true, blocks: true, skip: 'h2, h3' })),
  });
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** PeerJ: article and preprint pages. */
export const peerj = defineAdapter({
  id: 'peerj',
  hosts: ['peerj.com'],
  route: (url) => (PAPER_PATH.test(url.pathname) ? 'paper' : null),
  scrape: scrapePaper,
  urls: ['https://peerj.com/articles/4886/', 'https://peerj.com/articles/cs-1234/', 'https://peerj.com/preprints/27137v2/'],
});
