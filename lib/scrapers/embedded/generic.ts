/**
 * The generic fallback adapter: runs on any page no site adapter claimed (registered last),
 * including pages the user asks to capture by clicking. It reports the page's embedded metadata
 * (lib/scrapers/kit/embedded.ts: Highwire `citation_*` and Dublin Core meta tags, schema.org
 * JSON-LD and microdata, COinS spans, a declared DOI — merged in that order of trust): the paper
 * the page describes, else the works its structured data or COinS list. As a last resort the
 * paper-card heuristic (../heuristics/paper-cards.ts) reads listings on unknown sites (lab and
 * personal publication pages). Ordinary pages (news, blogs, shops, READMEs, encyclopedias) yield
 * nothing.
 */
import { SITE_NAMES } from '../../core/sites';
import type { Adapter, ScrapeResult, ScrapedPaper } from '../../core/types';
import { hasEmbeddedMetadata, readEmbedded } from '../kit/embedded';
import { mergeAcross } from '../kit/merge-papers';
import { metaValues } from '../kit/meta';
import { cardPapers, cardsAllowed, mayHoldCards } from '../heuristics/paper-cards';

/**
 * MediaWiki pages (Wikipedia biographies of scientists, ...) carry COinS for every reference and
 * reference lists full of DOIs, but are never papers: nothing on them is captured.
 */
function isMediaWiki(doc: Document, url: URL): boolean {
  if (/(^|\.)(wikipedia|wikimedia|wiktionary|wikiversity|wikisource)\.org$/i.test(url.hostname)) return true;
  const gen = metaValues(doc, 'generator')[0] ?? '';
  return /^mediawiki/i.test(gen) || !!doc.querySelector('.mw-parser-output');
}

function detect(url: URL, doc: Document): boolean {
  if (isMediaWiki(doc, url)) return false;
  return hasEmbeddedMetadata(doc, url) || mayHoldCards(doc, url);
}

function scrape(doc: Document, url: URL): ScrapeResult | null {
  if (isMediaWiki(doc, url)) return null;
  const result = (kind: ScrapeResult['kind'], papers: ScrapedPaper[]): ScrapeResult | null =>
    papers.length ? { site: 'generic', kind, url: url.href, papers } : null;

  const { paper, listed, coins } = readEmbedded(doc, url);
  if (paper) return result('paper', [paper]);
  // Listings: structured items (COinS fill in their gaps), else several COinS, else paper cards.
  if (listed.length) return result('listing', listed);
  if (coins.length >= 2) return result('listing', coins);
  const cards = cardsAllowed(url) ? cardPapers(doc, url) : [];
  if (cards.length) return result('listing', mergeAcross(cards, coins).slice(0, cards.length));
  // A single COinS describes one work, though not necessarily this page (a bibliography entry).
  return result('paper', coins);
}

/** The generic embedded-metadata fallback. Must stay last in the registry. */
export const generic: Adapter = {
  id: 'generic',
  name: SITE_NAMES.generic,
  detect,
  scrape,
};
