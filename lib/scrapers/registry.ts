/**
 * The one list of site adapters, in priority order, and the entry point the content script calls.
 * A site adapter that throws never takes the page down: the error is reported and the generic
 * embedded-metadata fallback gets its turn.
 */
import type { Adapter, ScrapeResult } from '../core/types';
import { aclAnthology } from './sites/acl-anthology';
import { arxiv } from './sites/arxiv';
import { dblp } from './sites/dblp';
import { generic } from './embedded/generic';
import { googleScholar } from './sites/google-scholar';
import { openReview } from './sites/openreview';
import { seedAuthor } from './heuristics/seed-author';
import { seedSearch } from './heuristics/seed-search';
import { semanticScholar } from './sites/semantic-scholar';

/** All adapters, most specific first. The generic fallback, when registered, must stay last. */
export const adapters: readonly Adapter[] = [
  googleScholar,
  semanticScholar,
  dblp,
  arxiv,
  openReview,
  aclAnthology,
  // Structural detectors for AI-paper sites we don't know by name: after every named site.
  seedAuthor,
  seedSearch,
  // Embedded metadata (citation_*, Dublin Core, JSON-LD, microdata, COinS) on any other page: last.
  generic,
];

/** Outcome of running the registry on a page. */
export interface PageScrape {
  /** The adapter that claimed the page, if any. */
  adapter?: Adapter['id'];
  result: ScrapeResult | null;
  /** Adapter errors, as messages (never thrown past the registry). */
  errors: string[];
}

/** Adapters whose `detect` claims this page, in priority order. Detect errors count as "no". */
export function detectAdapters(url: URL, doc: Document): Adapter[] {
  return adapters.filter((a) => {
    try {
      return a.detect(url, doc);
    } catch {
      return false;
    }
  });
}

/**
 * Run the first adapter that detects the page; if it throws or finds nothing, try the next one
 * that detects it. Never throws.
 */
export function scrapePage(doc: Document, url: URL): PageScrape {
  const errors: string[] = [];
  for (const a of detectAdapters(url, doc)) {
    try {
      const result = a.scrape(doc, url);
      if (result && (result.papers.length > 0 || result.author)) return { adapter: a.id, result, errors };
    } catch (e) {
      errors.push(`${a.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { result: null, errors };
}
