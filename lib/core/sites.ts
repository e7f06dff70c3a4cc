/**
 * The one list of sites Paperdex knows: their ids (stored in every capture, source and snapshot)
 * and the names users see. Adapters, the message and import schemas, settings and the UI all read
 * it from here; tests/unit/scrapers/registry-meta.test.ts checks the adapter registry agrees.
 *
 * Ids that were renamed stay readable: records and exports written before the rename carry the old
 * id, so validators of stored data accept `STORED_SITE_IDS`, `SITE_NAMES` names the old ids too, and
 * `canonicalSiteId()` maps them to today's id.
 */

/** Every site Paperdex has an adapter for. `generic` is the embedded-metadata fallback. */
export const SITE_IDS = [
  'google-scholar',
  'semantic-scholar',
  'dblp',
  'arxiv',
  'openreview',
  'acl-anthology',
  'neurips',
  'pmlr',
  'cvf',
  'jmlr',
  'usenix',
  'biorxiv',
  'pubmed',
  'pmc',
  'acm',
  'ieee',
  'springer',
  'nature',
  'sciencedirect',
  'plos',
  'wiley',
  'frontiers',
  'elife',
  'peerj',
  'hal',
  'orcid',
  'author-profile',
  'paper-search',
  'generic',
] as const;

/** A site id, as adapters produce it today. */
export type SiteId = (typeof SITE_IDS)[number];

/**
 * Ids renamed since they were first stored, old → new. The structural heuristics were named after
 * the seed pages they were written against; they are named for what they recognise now.
 */
export const LEGACY_SITE_IDS = {
  'seed-author': 'author-profile',
  'seed-search': 'paper-search',
} as const satisfies Record<string, SiteId>;

/** A renamed id that stored data may still carry. */
export type LegacySiteId = keyof typeof LEGACY_SITE_IDS;

/** A site id as stored data may carry it: today's ids and the legacy ones. */
export type StoredSiteId = SiteId | LegacySiteId;

/** Ids that stored records and imported files may carry: `SITE_IDS`, then the legacy ids. */
export const STORED_SITE_IDS = [
  ...SITE_IDS,
  ...(Object.keys(LEGACY_SITE_IDS) as LegacySiteId[]),
] as const satisfies readonly StoredSiteId[];

/** Human names of the sites, legacy ids included (a record captured before a rename shows the same name). */
export const SITE_NAMES: Record<StoredSiteId, string> = {
  'google-scholar': 'Google Scholar',
  'semantic-scholar': 'Semantic Scholar',
  dblp: 'DBLP',
  arxiv: 'arXiv',
  openreview: 'OpenReview',
  'acl-anthology': 'ACL Anthology',
  neurips: 'NeurIPS Proceedings',
  pmlr: 'PMLR',
  cvf: 'CVF Open Access',
  jmlr: 'JMLR',
  usenix: 'USENIX',
  biorxiv: 'bioRxiv / medRxiv',
  pubmed: 'PubMed',
  pmc: 'PubMed Central',
  acm: 'ACM Digital Library',
  ieee: 'IEEE Xplore',
  springer: 'Springer Link',
  nature: 'Nature',
  sciencedirect: 'ScienceDirect',
  plos: 'PLOS',
  wiley: 'Wiley Online Library',
  frontiers: 'Frontiers',
  elife: 'eLife',
  peerj: 'PeerJ',
  hal: 'HAL',
  orcid: 'ORCID',
  'author-profile': 'Author page',
  'paper-search': 'Paper search',
  generic: 'Web page',
  'seed-author': 'Author page',
  'seed-search': 'Paper search',
};

/** Today's id for a stored id (legacy ids map to their new name); undefined for an unknown string. */
export function canonicalSiteId(id: StoredSiteId): SiteId;
export function canonicalSiteId(id: string): SiteId | undefined;
export function canonicalSiteId(id: string): SiteId | undefined {
  if (Object.prototype.hasOwnProperty.call(LEGACY_SITE_IDS, id)) return LEGACY_SITE_IDS[id as LegacySiteId];
  return (SITE_IDS as readonly string[]).includes(id) ? (id as SiteId) : undefined;
}
