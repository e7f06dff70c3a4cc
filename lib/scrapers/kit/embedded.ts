/**
 * The embedded-metadata reading of a page, as Zotero's Embedded Metadata translator does it: every
 * reader of this kit (meta.ts, json-ld.ts, microdata.ts, coins.ts) runs, and the sources that
 * describe the same work are merged in order of trust — Highwire `citation_*`, then Dublin Core,
 * then schema.org JSON-LD and microdata, then COinS, then the DOI the page declares. The generic
 * fallback adapter reports this reading; a site adapter can start from `readEmbeddedMetadata()`
 * and add what its site shows beyond it.
 */
import type { ScrapedPaper } from '../../core/types';
import { coinsPapers } from './coins';
import { hasScholarlyJsonLd, jsonLdPapers } from './json-ld';
import { mergeAcross, mergePaper, sameWork } from './merge-papers';
import { canonicalUrl, dublinCorePaper, highwirePaper, landingPaper, metaValues, pageDoi } from './meta';
import { hasScholarlyMicrodata, microdataPapers } from './microdata';

/** What a page's embedded metadata describes. */
export interface EmbeddedMetadata {
  /**
   * The work the page describes itself (meta tags, one top-level structured work, or a declared
   * DOI), with the page as its landing URL when the metadata gives none; null when there is none.
   */
  paper: ScrapedPaper | null;
  /**
   * When the page describes no work itself: the works its structured data presents (top-level
   * items, then JSON-LD list items), COinS filling their gaps. Empty otherwise.
   */
  listed: ScrapedPaper[];
  /** The works of the page's COinS spans (reference lists left out), each on its own. */
  coins: ScrapedPaper[];
}

/** The page URL without its fragment. */
function pageUrl(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}

/**
 * Whether the page carries any embedded metadata worth reading: citation_* / Dublin Core titles, a
 * declared DOI, scholarly JSON-LD or microdata, or COinS. Cheap: nothing is parsed.
 */
export function hasEmbeddedMetadata(doc: Document, url: URL): boolean {
  if (metaValues(doc, 'citation_title').length || metaValues(doc, 'dc.title').length || metaValues(doc, 'dcterms.title').length)
    return true;
  if (pageDoi(doc, url)) return true;
  if (hasScholarlyJsonLd(doc) || hasScholarlyMicrodata(doc)) return true;
  return !!doc.querySelector('.Z3988[title]');
}

/** Read all the embedded metadata of a page: the work it describes, or the works it lists. Pure. */
export function readEmbedded(doc: Document, url: URL): EmbeddedMetadata {
  const highwire = highwirePaper(doc, url);
  const dc = dublinCorePaper(doc, url);
  const ld = jsonLdPapers(doc, url);
  const micro = microdataPapers(doc, url);
  const coins = coinsPapers(doc);
  // Works the page presents at top level (JSON-LD nodes, microdata items); JSON-LD list items apart.
  const top = mergeAcross(ld.papers, micro);

  // The page describes itself (meta tags, one top-level structured work, a declared DOI): a paper page.
  let main: ScrapedPaper | null = highwire ?? dc;
  if (highwire && dc && sameWork(highwire, dc)) main = mergePaper(highwire, dc);
  if (main) {
    for (const s of top) if (sameWork(main, s)) main = mergePaper(main, s);
  } else if (top.length === 1) {
    main = top[0];
  } else if (!top.length && !ld.listed.length) {
    main = landingPaper(doc, url);
  }
  if (main) {
    for (const c of coins) if (sameWork(main, c)) main = mergePaper(main, c);
    if (!main.ids?.doi) {
      const doi = pageDoi(doc, url);
      if (doi) main = { ...main, ids: { ...(main.ids ?? {}), doi } };
    }
    // Meta tags and structured data describe this very page: it is the paper's landing page.
    if (!main.url) main = { ...main, url: canonicalUrl(doc, url) ?? pageUrl(url) };
    return { paper: main, listed: [], coins };
  }

  // A listing: structured items, COinS filling in their gaps (COinS of other works are not added).
  const structured = mergeAcross(top, ld.listed);
  const listed = structured.length ? mergeAcross(structured, coins).slice(0, structured.length) : [];
  return { paper: null, listed, coins };
}

/**
 * The paper a page's embedded metadata describes (see `readEmbedded`), or null. Site adapters
 * start from this and add what their pages show beyond it.
 */
export function readEmbeddedMetadata(doc: Document, url: URL): ScrapedPaper | null {
  return readEmbedded(doc, url).paper;
}
