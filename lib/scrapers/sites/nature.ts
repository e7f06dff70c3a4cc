/**
 * Nature adapter (www.nature.com): article pages of Nature and the Nature Portfolio journals
 * (`/articles/<id>`, e.g. https://www.nature.com/articles/s41586-021-03819-2, and older ids such
 * as `/articles/nature14539`). nature.com runs the Springer Nature article platform, so pages are
 * read by `springerNaturePaper` (lib/scrapers/sites/springer.ts): citation_* tags under the
 * `c-article-*` header (title, the whole author list — long lists are collapsed by CSS only —
 * and the abstract without its reference call-outs), the printed issue year as `year` and the
 * online date as `date`.
 */
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { springerNaturePaper } from './springer';

/** Article paths: `/articles/s41586-021-03819-2`, `/articles/nature14539`, `/articles/d41586-023-00001-1`. */
const ARTICLE_PATH = /^\/articles\/[a-z\d][\w.-]*\/?$/i;

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const paper = springerNaturePaper(doc, url);
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** Nature: article pages. */
export const nature = defineAdapter({
  id: 'nature',
  hosts: ['www.nature.com'],
  route: (url) => (ARTICLE_PATH.test(url.pathname) ? 'paper' : null),
  scrape: scrapePaper,
  urls: ['https://www.nature.com/articles/s41586-021-03819-2', 'https://www.nature.com/articles/nature14539'],
});
