/**
 * The adapter registry: the one list of adapters and the entry point the content scripts call.
 * Routing is by URL first: a site adapter runs only on its own hosts, and only on the routes its
 * `route()` accepts. When no site adapter produced a result, the structural heuristics run where
 * they are wanted (click-capture; automatic capture on a host no adapter serves, or on a route its
 * adapter marks) and then the embedded-metadata fallback. The heuristics read the whole page, so
 * they never run on every DOM mutation of a site that has its own adapter (Google Scholar's "Show
 * more"). An adapter that throws never takes the page down: the error is reported and the next
 * candidate gets its turn.
 */
import type { Adapter, ScrapeResult } from '../core/types';
import type { SiteAdapter } from './kit/define-adapter';
import { cleanAuthorList } from './kit/names';
import { aclAnthology } from './sites/acl-anthology';
import { arxiv } from './sites/arxiv';
import { authorProfile } from './heuristics/author-profile';
import { dblp } from './sites/dblp';
import { generic } from './embedded/generic';
import { googleScholar } from './sites/google-scholar';
import { openReview } from './sites/openreview';
import { paperSearch } from './heuristics/paper-search';
import { semanticScholar } from './sites/semantic-scholar';
import { acm } from './sites/acm';
import { biorxiv } from './sites/biorxiv';
import { ieee } from './sites/ieee';
import { orcid } from './sites/orcid';
import { pmc } from './sites/pmc';
import { pubmed } from './sites/pubmed';
import { elife } from './sites/elife';
import { frontiers } from './sites/frontiers';
import { hal } from './sites/hal';
import { nature } from './sites/nature';
import { peerj } from './sites/peerj';
import { plos } from './sites/plos';
import { sciencedirect } from './sites/sciencedirect';
import { springer } from './sites/springer';
import { wiley } from './sites/wiley';
import { cvf } from './sites/cvf';
import { jmlr } from './sites/jmlr';
import { neurips } from './sites/neurips';
import { pmlr } from './sites/pmlr';
import { usenix } from './sites/usenix';

/** Site adapters (defineAdapter), each serving its own hosts. Hosts do not overlap, so order is only documentation. */
export const siteAdapters: readonly SiteAdapter[] = [
  googleScholar,
  semanticScholar,
  dblp,
  arxiv,
  openReview,
  aclAnthology,
  neurips,
  pmlr,
  cvf,
  jmlr,
  usenix,
  biorxiv,
  pubmed,
  pmc,
  acm,
  ieee,
  orcid,
  springer,
  nature,
  sciencedirect,
  plos,
  wiley,
  frontiers,
  elife,
  peerj,
  hal,
];

/** Structural detectors for paper sites Paperdex does not know by name (author pages, search results). */
export const heuristicAdapters: readonly Adapter[] = [authorProfile, paperSearch];

/** Embedded metadata (citation_*, Dublin Core, JSON-LD, microdata, COinS) on any other page: last. */
export const fallbackAdapter: Adapter = generic;

/** Every adapter, in the order the registry may try them. */
export const adapters: readonly Adapter[] = [...siteAdapters, ...heuristicAdapters, fallbackAdapter];

/**
 * Why the page is being scraped: `auto` is the content script on a known host (on load and after
 * DOM changes); `click` is the user asking ("Capture this page"), where every reader gets a turn.
 */
export type CaptureMode = 'auto' | 'click';

/** Options of `scrapePage`. */
export interface ScrapeOptions {
  /** Default `auto`. */
  mode?: CaptureMode;
}

/** Outcome of running the registry on a page. */
export interface PageScrape {
  /** The adapter that claimed the page, if any. */
  adapter?: Adapter['id'];
  result: ScrapeResult | null;
  /** Adapter errors, as messages (never thrown past the registry). */
  errors: string[];
}

/** A candidate to run: a site adapter with its route, or a fallback adapter. */
type Candidate = { adapter: Adapter; run: () => ScrapeResult | null };

function message(a: Adapter, e: unknown): string {
  return `${a.name}: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * The adapters to try on `url`, in order: site adapters whose route accepts it, then (when wanted)
 * the heuristics and the fallback whose `detect` claims the page. Route and detect errors count as
 * "no" (as a page the adapter does not know).
 */
function candidates(doc: Document, url: URL, mode: CaptureMode): Candidate[] {
  const out: Candidate[] = [];
  let served = false;
  let wantHeuristics = mode === 'click';
  for (const a of siteAdapters) {
    if (!a.servesHost(url.hostname)) continue;
    served = true;
    try {
      const route = a.route(url);
      if (route === null) continue;
      if (a.wantsHeuristics(route)) wantHeuristics = true;
      out.push({ adapter: a, run: () => a.scrape(doc, url, route) });
    } catch {
      /* not this adapter's page */
    }
  }
  // A host no adapter serves is captured automatically only where the user allowed it: there the
  // heuristics are the only readers that know page shapes.
  if (!served) wantHeuristics = true;
  const fallbacks = wantHeuristics ? [...heuristicAdapters, fallbackAdapter] : [fallbackAdapter];
  for (const a of fallbacks) {
    try {
      if (a.detect(url, doc)) out.push({ adapter: a, run: () => a.scrape(doc, url) });
    } catch {
      /* not this adapter's page */
    }
  }
  return out;
}

/** The adapters that would be tried on this page, in order; for diagnostics and tests. */
export function detectAdapters(url: URL, doc: Document, opts: ScrapeOptions = {}): Adapter[] {
  return candidates(doc, url, opts.mode ?? 'auto').map((c) => c.adapter);
}

/** The result with every author list cleaned of entries that are no person (kit/names.ts cleanAuthorList). */
function withPeopleOnly(result: ScrapeResult): ScrapeResult {
  let changed = false;
  const papers = result.papers.map((p) => {
    const c = cleanAuthorList(p.authors, p.authorsTruncated);
    if (c.authors.length === p.authors.length && c.authors.every((a, i) => a === p.authors[i]) && c.truncated === !!p.authorsTruncated)
      return p;
    changed = true;
    const out = { ...p, authors: c.authors };
    if (c.truncated) out.authorsTruncated = true;
    return out;
  });
  return changed ? { ...result, papers } : result;
}

/**
 * Run the candidates in order and return the first result with papers or an author; an adapter
 * that throws or finds nothing passes the page on to the next. Never throws.
 */
export function scrapePage(doc: Document, url: URL, opts: ScrapeOptions = {}): PageScrape {
  const errors: string[] = [];
  for (const { adapter, run } of candidates(doc, url, opts.mode ?? 'auto')) {
    try {
      const result = run();
      if (result && (result.papers.length > 0 || result.author)) return { adapter: adapter.id, result: withPeopleOnly(result), errors };
    } catch (e) {
      errors.push(message(adapter, e));
    }
  }
  return { result: null, errors };
}
