/**
 * Frontiers adapter (www.frontiersin.org): article pages in the old and the current URL form
 * (`/articles/<doi>/full`, `/articles/<doi>`, `/journals/<journal>/articles/<doi>/full`, e.g.
 * https://www.frontiersin.org/articles/10.3389/fevo.2021.635552/full). The pages carry citation_*
 * tags with the full author list; names there may be "Last, First" (shown as "First Last" here).
 * The page adds the typeset title and abstract where its markup has them.
 */
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, normalizeDoi } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { cleanAbstract, cleanTitle, uniqueNames } from '../kit/metadata-text';
import { displayName } from '../kit/names';
import { visibleText } from '../kit/text';
import { decodeSafe } from '../kit/urls';

/** `/articles/10.3389/x[/full|/abstract|/pdf]`, `/journals/<slug>/articles/10.3389/x[/full]`. */
const ARTICLE_PATH = /^(?:\/journals\/[\w-]+)?\/articles\/(10\.\d{4,9}\/[^/]+)(?:\/(?:full|abstract))?\/?$/i;

/** The DOI an article URL names, or undefined. */
export function frontiersDoi(url: URL): string | undefined {
  const m = decodeSafe(url.pathname).match(ARTICLE_PATH);
  return m ? normalizeDoi(m[1]) : undefined;
}

function scrapePaper(doc: Document, url: URL): Scraped | null {
  // The abstract is the paragraphs directly under `.JournalAbstract` (beside the article-type bar,
  // the title, the author line and the affiliation notes).
  const paragraphs = all(doc, '.JournalAbstract > p').map((p) => visibleText(p, { math: true }));
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: cleanTitle(
        visibleText(doc.querySelector('.JournalAbstract h1, h1.JournalFullText__title, h1.ArticleDetails__title'), { math: true }),
      ),
      abstract: cleanAbstract(paragraphs.join(' ')),
      ids: { doi: frontiersDoi(url) },
    },
    { adjust: (e) => ({ ...e, authors: uniqueNames(e.authors.map(displayName)) }) },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** Frontiers: article pages. */
export const frontiers = defineAdapter({
  id: 'frontiers',
  hosts: ['www.frontiersin.org'],
  route: (url) => (frontiersDoi(url) ? 'paper' : null),
  scrape: scrapePaper,
  urls: [
    'https://www.frontiersin.org/articles/10.3389/fevo.2021.635552/full',
    'https://www.frontiersin.org/journals/ecology-and-evolution/articles/10.3389/fevo.2021.635552/full',
  ],
});
