/**
 * Shared data shapes: what an adapter scrapes from a page (`Scraped*`), and what Paperdex stores
 * (`*Record`). Owns no logic. Scraped shapes cross the content-script → background boundary and
 * are validated there (lib/messages.ts); records live in IndexedDB (lib/store/db.ts).
 */

import type { SiteId } from './sites';
export type { SiteId };

/** What kind of page a capture came from. */
export type PageKind = 'author' | 'search' | 'listing' | 'paper';

/** Strong identifiers of a paper. All optional; never invented. */
export interface PaperIds {
  /** Lower-cased DOI without the `https://doi.org/` prefix, e.g. `10.1145/3292500.3330701`. */
  doi?: string;
  /** Version-free arXiv id, e.g. `2301.00001` or `hep-th/9901001`. */
  arxiv?: string;
  /** OpenReview forum id. */
  openreview?: string;
  /** DBLP record key, e.g. `conf/kdd/SmithJ19`. */
  dblp?: string;
  /** Semantic Scholar paper id (40-hex sha or CorpusId:N). */
  s2?: string;
  /** Google Scholar cluster id (decimal, from `cites=`/`cluster=`), else the profile citation id. */
  scholar?: string;
  /** ACL Anthology id, e.g. `2020.acl-main.1`. */
  acl?: string;
}

/** A paper as one page shows it. */
export interface ScrapedPaper {
  title: string;
  /** Display names in page order, as shown (not normalised). */
  authors: string[];
  /** True when the page cut the author list short ("...", "et al."). */
  authorsTruncated?: boolean;
  year?: number;
  /** ISO date (YYYY-MM-DD or YYYY-MM) when the page shows one. */
  date?: string;
  venue?: string;
  abstract?: string;
  tldr?: string;
  categories?: string[];
  keywords?: string[];
  /** Citation count the page reports for this paper. */
  citations?: number;
  ids?: PaperIds;
  /** Landing page of the paper (absolute). */
  url?: string;
  pdfUrl?: string;
  codeUrl?: string;
  /** The page flags that code is available ("Code" badge) even without a link. */
  hasCode?: boolean;
  /** Publication type when the site says (article, inproceedings, preprint, ...). */
  type?: string;
  /** Profile links of the paper's authors on this site, keyed by display name. */
  authorProfiles?: ScrapedProfileRef[];
}

/** A link to an author's profile on a site, seen next to a paper or as a co-author. */
export interface ScrapedProfileRef {
  name: string;
  /** The site's own profile id (Scholar `user=`, DBLP pid, S2 author id, ...). */
  id?: string;
  url?: string;
  affiliation?: string;
}

/** Metrics a site reports for an author. Unknown labelled numbers go to `other`. */
export interface ReportedMetrics {
  citations?: number;
  hIndex?: number;
  i10Index?: number;
  papers?: number;
  since?: { year: number; citations?: number; hIndex?: number; i10Index?: number };
  citationsPerYear?: Record<string, number>;
  other?: Record<string, number>;
}

/** The author an author page is about. */
export interface ScrapedAuthor {
  name: string;
  /** The site's own profile id. */
  id?: string;
  url?: string;
  affiliation?: string;
  interests?: string[];
  homepage?: string;
  metrics?: ReportedMetrics;
  coauthors?: ScrapedProfileRef[];
}

/** Everything one adapter found on one page. */
export interface ScrapeResult {
  site: SiteId;
  kind: PageKind;
  /** The page URL the result was scraped from. */
  url: string;
  /** Search query, for search pages. */
  query?: string;
  /** Total result count the page reports, for search pages. */
  totalResults?: number;
  /** For author pages: the author; `papers` are then theirs. */
  author?: ScrapedAuthor;
  papers: ScrapedPaper[];
}

/**
 * A site adapter, in the manner of a Zotero translator: pure functions of (url, document).
 * `scrape` returns null when the page holds nothing to capture (a CAPTCHA page, an empty list).
 */
export interface Adapter {
  id: SiteId;
  /** Human name shown in the UI, e.g. "Google Scholar". */
  name: string;
  detect(url: URL, doc: Document): boolean;
  scrape(doc: Document, url: URL): ScrapeResult | null;
}

// ---------------------------------------------------------------------------------------------
// Stored records

/** One site's sighting of a paper (export format: papers[].sources[]). */
export interface PaperSource {
  site: SiteId;
  url: string;
  capturedAt: string;
  citations?: number;
}

/** A paper in the library. */
export interface PaperRecord {
  id: string;
  title: string;
  authors: string[];
  authorsTruncated?: boolean;
  year?: number;
  date?: string;
  venue?: string;
  abstract?: string;
  tldr?: string;
  categories?: string[];
  keywords?: string[];
  citations?: number;
  ids: PaperIds;
  url?: string;
  pdfUrl?: string;
  codeUrl?: string;
  hasCode?: boolean;
  type?: string;
  sources: PaperSource[];
  /** Citation counts over time, appended only when a count changes. */
  citationHistory: { at: string; site: SiteId; citations: number }[];
  /** Index keys: `doi:…`, `arxiv:…`, … (multiEntry index `idKeys`). */
  idKeys: string[];
  /** Normalised title, for identity and quick prefix lookups. */
  titleKey: string;
  /** Ids of authors in the library linked to this paper. */
  authorIds: string[];
  /** Collections this paper belongs to. */
  collectionIds: string[];
  addedAt: number;
  updatedAt: number;
}

/** A site's profile of an author. */
export interface AuthorProfile {
  site: SiteId;
  url: string;
  id?: string;
}

/** One capture of an author's site-reported metrics. */
export interface ReportedSnapshot extends ReportedMetrics {
  site: SiteId;
  url: string;
  capturedAt: string;
}

/** An author in the library. */
export interface AuthorRecord {
  id: string;
  name: string;
  affiliation?: string;
  interests?: string[];
  homepage?: string;
  profiles: AuthorProfile[];
  /** `site:profileId` keys (multiEntry index). */
  profileKeys: string[];
  /** Lower-cased, accent-free name for sorting and lookup. */
  nameKey: string;
  reported: ReportedSnapshot[];
  paperIds: string[];
  coauthors?: ScrapedProfileRef[];
  /** Profile keys the user said are a different person (split): never auto-linked again. */
  notSame?: string[];
  addedAt: number;
  updatedAt: number;
}

/** One page capture: the provenance log (table `sources`). */
export interface CaptureRecord {
  id?: number;
  site: SiteId;
  kind: PageKind;
  url: string;
  capturedAt: string;
  /** Epoch ms, for the "recent first" index. */
  at: number;
  authorId?: string;
  authorName?: string;
  query?: string;
  /** The page visit this row describes (re-scrapes of one visit share a row). */
  visitId?: string;
  paperIds: string[];
  papersNew: number;
  papersUpdated: number;
  papersUnchanged: number;
}

/** A named collection. "All papers" is implicit and has no record. */
export interface CollectionRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}
