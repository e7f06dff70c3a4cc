/**
 * The one list of sites Paperdex knows: their ids (stored in every capture, source and snapshot)
 * and the names users see. Adapters, the message and import schemas, settings and the UI all read
 * it from here; tests/unit/scrapers/registry-meta.test.ts checks the adapter registry agrees.
 */

/** Every site Paperdex has an adapter for. `generic` is the embedded-metadata fallback. */
export const SITE_IDS = [
  'google-scholar',
  'semantic-scholar',
  'dblp',
  'arxiv',
  'openreview',
  'acl-anthology',
  'seed-author',
  'seed-search',
  'generic',
] as const;

/** A site id, as stored. */
export type SiteId = (typeof SITE_IDS)[number];

/** Human names of the sites. */
export const SITE_NAMES: Record<SiteId, string> = {
  'google-scholar': 'Google Scholar',
  'semantic-scholar': 'Semantic Scholar',
  dblp: 'DBLP',
  arxiv: 'arXiv',
  openreview: 'OpenReview',
  'acl-anthology': 'ACL Anthology',
  'seed-author': 'Author page',
  'seed-search': 'Paper search',
  generic: 'Web page',
};
