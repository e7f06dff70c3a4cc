/**
 * eLife adapter (elifesciences.org): research article pages (`/articles/<N>`, `/articles/<N>v<V>`,
 * e.g. https://elifesciences.org/articles/09560) and reviewed preprints
 * (`/reviewed-preprints/<N>`, `/reviewed-preprints/<N>v<V>`). Both carry citation_* tags with the
 * full author list in display form and the eLife DOI (a reviewed preprint's DOI names its version
 * record, 10.7554/eLife.<N>.<V>). The page adds the typeset title (`.content-header__title`) and
 * the abstract (`#abstract`).
 */
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { fromEmbedded } from '../kit/from-embedded';
import { cleanAbstract, cleanTitle, uniqueNames } from '../kit/metadata-text';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';

/** `/articles/09560`, `/articles/09560v2`, `/reviewed-preprints/88649`, `/reviewed-preprints/88649v1` (not `/figures`, `/pdf`). */
const PAPER_PATH = /^\/(?:articles|reviewed-preprints)\/\d+(?:v\d+)?\/?$/i;

function scrapePaper(doc: Document, url: URL): Scraped | null {
  const abstractEl = doc.querySelector('#abstract .article-section__body, #abstract') ?? doc.querySelector('section.abstract');
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: cleanTitle(visibleText(doc.querySelector('h1.content-header__title, h1.title'), { math: true })),
      abstract: cleanAbstract(visibleText(abstractEl, { math: true, blocks: true, skip: 'h2, h3, header' })),
    },
    { adjust: (e) => ({ ...e, authors: uniqueNames(e.authors.map(displayName)) }) },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** eLife: article and reviewed-preprint pages. */
export const elife = defineAdapter({
  id: 'elife',
  hosts: ['elifesciences.org'],
  route: (url) => (PAPER_PATH.test(url.pathname) ? 'paper' : null),
  scrape: scrapePaper,
  urls: ['https://elifesciences.org/articles/09560', 'https://elifesciences.org/reviewed-preprints/88649v1'],
});
