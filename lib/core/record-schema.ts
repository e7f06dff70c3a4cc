/**
 * What Paperdex stores in IndexedDB (lib/store/db.ts): papers, authors, collections and captures,
 * as valibot schemas from which lib/core/types.ts infers the record types. The parts a record
 * shares with the export format (a paper's sightings, an author's profiles and reported metrics)
 * are defined here once, in the file dialect, and reused by lib/core/export-schema.ts.
 * The database is not validated against these on read; they are the one definition of the shapes.
 */
import * as v from 'valibot';
import { AUTHOR_FIELDS, fileEntries, METRIC_FIELDS, PAPER_FIELDS, PaperIdsFileSchema, USER_FIELDS } from './fields';
import { file, MAX_TEXT } from './schema-kit';

/** Bound of a source's own title / author name. */
const MAX_TITLE = MAX_TEXT;
import { PAGE_KINDS, ProfileRefSchema } from './scraped-schema';

/** `schema` with a description (for the JSON Schema). */
export const described = <const S extends v.GenericSchema>(schema: S, doc: string) => v.pipe(schema, v.description(doc));

/** A site id in a file or record. */
export const SiteFileSchema = described(file.site(), 'The site a sighting or profile comes from.');

/** Something seen on a site: the site, the page (`urlDoc` says which) and `fields`. */
const onSite = <const E extends v.ObjectEntries>(urlDoc: string, fields: E, doc: string) =>
  described(file.obj({ site: SiteFileSchema, url: described(file.url(), urlDoc), ...fields }), doc);

/** One site's sighting of a paper (export format: papers[].sources[]). */
export const PaperSourceSchema = onSite(
  'The page the paper was seen on.',
  {
    capturedAt: described(file.timestamp(), 'When it was last seen there (ISO 8601).'),
    citations: v.optional(described(file.count(), 'Citation count that page reported, when it showed one.')),
    title: v.optional(
      described(file.text(MAX_TITLE), "That page's title for the paper, when the paper's record kept another (a less trusted page)."),
    ),
    authors: v.optional(
      described(file.texts(MAX_TITLE, 5000), "That page's author list, when the paper's record kept another (a less trusted page)."),
    ),
  },
  "One site's sighting of the paper (one per site and page).",
);
export type PaperSource = v.InferOutput<typeof PaperSourceSchema>;

/** A site's profile of an author. */
export const AuthorProfileSchema = onSite(
  'Profile page.',
  { id: v.optional(described(file.text(1000), "The site's own profile id (Scholar user=, DBLP pid, Semantic Scholar author id, …).")) },
  "The author's profile on one site.",
);

/** One capture of an author's site-reported metrics. */
export const ReportedSnapshotSchema = onSite(
  'The profile page the metrics were read from.',
  { capturedAt: described(file.timestamp(), 'When they were read (ISO 8601).'), ...fileEntries(METRIC_FIELDS) },
  'Metrics a site reported for the author at one capture.',
);
export type ReportedSnapshot = v.InferOutput<typeof ReportedSnapshotSchema>;

const str = v.string();
const strs = v.array(v.string());
const num = v.number();

/** A paper in the library. */
export const PaperRecordSchema = v.object({
  id: str,
  ...fileEntries(PAPER_FIELDS),
  ids: PaperIdsFileSchema,
  /** The user's own layer (star, status, tags, note): never set by a capture (lib/store/user-layer.ts). */
  ...fileEntries(USER_FIELDS),
  sources: v.array(PaperSourceSchema),
  /** Citation counts over time, appended only when a count changes. */
  citationHistory: v.array(v.object({ at: str, site: SiteFileSchema, citations: num })),
  /** Index keys: `doi:…`, `arxiv:…`, … (multiEntry index `idKeys`). */
  idKeys: strs,
  /** Normalised title, for identity and quick prefix lookups. */
  titleKey: str,
  /** Ids of authors in the library linked to this paper. */
  authorIds: strs,
  /** Collections this paper belongs to. */
  collectionIds: strs,
  /**
   * `pdf`: known only from an opened PDF (lib/store/pdf-open.ts): its strong id and links, the tab
   * title at best. Cleared when a page describing the paper is captured (lib/core/identity.ts).
   */
  incomplete: v.optional(v.literal('pdf')),
  /**
   * How far the stored title and authors are trusted (lib/core/identity.ts descriptionTrust):
   * 0 a profile row, 2 an authoritative page; absent = 1.
   */
  descTrust: v.optional(v.picklist([0, 1, 2] as const)),
  addedAt: num,
  updatedAt: num,
});
export type PaperRecord = v.InferOutput<typeof PaperRecordSchema>;

/** An author in the library. */
export const AuthorRecordSchema = v.object({
  id: str,
  ...fileEntries(AUTHOR_FIELDS),
  profiles: v.array(AuthorProfileSchema),
  /** `site:profileId` keys (multiEntry index). */
  profileKeys: strs,
  /** Lower-cased, accent-free name for sorting and lookup. */
  nameKey: str,
  /** Other names the author's linked profiles gave ("R. Manmatha" beside "Raghavan Manmatha"), for author search. */
  otherNames: v.optional(strs),
  reported: v.array(ReportedSnapshotSchema),
  paperIds: strs,
  coauthors: v.optional(v.array(ProfileRefSchema)),
  /** Profile keys the user said are a different person (split): never auto-linked again. */
  notSame: v.optional(strs),
  addedAt: num,
  updatedAt: num,
});
export type AuthorRecord = v.InferOutput<typeof AuthorRecordSchema>;

/** A named collection. "All papers" is implicit and has no record. */
export const CollectionRecordSchema = v.object({ id: str, name: str, createdAt: num, updatedAt: num });
export type CollectionRecord = v.InferOutput<typeof CollectionRecordSchema>;

/** One page capture: the provenance log (table `sources`). */
export const CaptureRecordSchema = v.object({
  id: v.optional(num),
  site: SiteFileSchema,
  kind: v.picklist(PAGE_KINDS),
  url: str,
  capturedAt: str,
  /** Epoch ms, for the "recent first" index. */
  at: num,
  authorId: v.optional(str),
  authorName: v.optional(str),
  query: v.optional(str),
  /** The page visit this row describes (re-scrapes of one visit share a row). */
  visitId: v.optional(str),
  paperIds: strs,
  papersNew: num,
  papersUpdated: num,
  papersUnchanged: num,
});
export type CaptureRecord = v.InferOutput<typeof CaptureRecordSchema>;
