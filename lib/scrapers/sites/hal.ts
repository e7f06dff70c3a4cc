/**
 * HAL adapter (hal.science and its portals *.hal.science, e.g. theses.hal.science,
 * inria.hal.science): deposit notice pages (`/<halid>`, `/<halid>v<N>`, e.g.
 * https://hal.science/jpa-00235190). HAL writes citation_* tags and uppercase Dublin Core twins
 * (`DC.title`, `DC.creator`, `DC.relation.ispartof`; the kit matches names case-insensitively),
 * names in display form. `citation_online_date` is the deposit date (2008 for a 1955 paper), not
 * a publication date: the publication tags come first, the deposit date only where they are absent (a preprint's year). The page adds the active-language title,
 * the abstract in the page's language and, where the tags have none, the notice's author links.
 */
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { all, clean, text } from '../kit/dom';
import { fromEmbedded } from '../kit/from-embedded';
import { firstMeta } from '../kit/meta';
import { cleanAbstract, cleanTitle, parseMetadataDate, uniqueNames } from '../kit/metadata-text';
import { visibleText } from '../kit/text';

/** HAL ids: a collection prefix and eight digits (`hal-01234567`, `tel-02083632`, `jpa-00235190`), optionally a version. */
const NOTICE_PATH = /^\/([a-z][a-z\d]*(?:-[a-z\d]+)*-\d{8})(?:v\d+)?\/?$/i;

/** The HAL id of a notice URL (`/tel-02083632v1` → `tel-02083632`), or undefined. */
export function halId(url: URL): string | undefined {
  return url.pathname.match(NOTICE_PATH)?.[1];
}

function scrapeNotice(doc: Document, url: URL): Scraped | null {
  const abstractEl = doc.querySelector('.abstract-content.active') ?? doc.querySelector('.abstract-content');
  const linked = all(doc, '#authors-detailed a[href*="authFullName_s"], .authors a[href*="authFullName_s"]').map((a) => text(a));
  const paper = fromEmbedded(
    doc,
    url,
    {
      title: cleanTitle(
        visibleText(doc.querySelector('h2.title-lang.active') ?? doc.querySelector('h2.title-lang, h1.title'), { math: true }),
      ),
      abstract: cleanAbstract(visibleText(abstractEl, { math: true, blocks: true })),
      // The publication date, before the kit's reading falls back to the deposit date.
      ...parseMetadataDate(firstMeta(doc, 'citation_publication_date', 'dc.issued', 'dcterms.issued', 'citation_date')),
    },
    { fallback: { authors: uniqueNames(linked.map((n) => clean(n))) } },
  );
  return paper ? { kind: 'paper', papers: [paper] } : null;
}

/** HAL: notice pages on hal.science and its portals. */
export const hal = defineAdapter({
  id: 'hal',
  hosts: ['hal.science', '*.hal.science'],
  route: (url) => (halId(url) ? 'paper' : null),
  scrape: scrapeNotice,
  urls: ['https://hal.science/jpa-00235190', 'https://theses.hal.science/tel-02083632v1', 'https://inria.hal.science/hal-01234567'],
});
