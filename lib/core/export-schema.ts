/**
 * The `paperdex/collection` export format, version 1 (README "Export format"), as a valibot schema:
 * what lib/core/assemble-export.ts writes and lib/interchange/import reads back. Its TypeScript
 * types are inferred from it (lib/core/types.ts) and the published JSON Schema
 * (public/paperdex-collection.schema.json) is generated from it (lib/core/json-schema.ts).
 *
 * Rules, as for the capture messages of lib/core/scraped-schema.ts: every field has the type the
 * exporter writes, optional fields may be absent (never `null`), unknown extra fields are allowed
 * and dropped, text is bounded (≤ 200 k characters), URLs are http(s) only, timestamps are ISO 8601.
 * Later versions may add fields; they never remove or change these.
 */
import * as v from 'valibot';
import { AUTHOR_FIELDS, exportedEntries, PAPER_FIELDS, USER_FIELDS } from './fields';
import { AuthorProfileSchema, described, PaperSourceSchema, ReportedSnapshotSchema } from './record-schema';
import { file, MAX_ID } from './schema-kit';

/** The `format` tag of a Paperdex export. */
export const FORMAT = 'paperdex/collection';
/** The format version this build writes and reads. */
export const CURRENT_VERSION = 1;
/** Most papers / authors in one file (the 50 MB limit of lib/interchange/import bounds it first). */
export const MAX_RECORDS = 1_000_000;

const paperIdList = (doc: string) => described(file.list(described(file.text(MAX_ID), 'Paper id.'), MAX_RECORDS), doc);

/** A paper in the export: the stored record's exported fields and its sightings. */
export const ExportedPaperSchema = described(
  file.obj({
    id: described(file.nonBlank(MAX_ID), 'Stable id of the paper (p-…), the same across exports.'),
    ...exportedEntries(PAPER_FIELDS),
    // The user's own layer: optional additions to version 1 (older readers ignore them).
    ...exportedEntries(USER_FIELDS),
    sources: described(file.list(PaperSourceSchema, 100_000), 'Where the paper was seen (provenance).'),
  }),
  'A paper of the library.',
);
export type ExportedPaper = v.InferOutput<typeof ExportedPaperSchema>;

/** An author in the export, with links to the exported papers only. */
export const ExportedAuthorSchema = described(
  file.obj({
    id: described(file.nonBlank(MAX_ID), 'Stable id of the author (a-…).'),
    ...exportedEntries(AUTHOR_FIELDS),
    profiles: described(file.list(AuthorProfileSchema, 10_000), 'Site profiles of this person.'),
    reported: described(file.list(ReportedSnapshotSchema, 100_000), 'Metrics snapshots, oldest first.'),
    paperIds: paperIdList('Ids of the exported papers by this author, sorted.'),
  }),
  'An author of the library.',
);
export type ExportedAuthor = v.InferOutput<typeof ExportedAuthorSchema>;

/** A named collection inside an export (an extension of v1: older readers ignore it). */
export const ExportedCollectionSchema = described(
  file.obj({
    id: described(file.nonBlank(MAX_ID), 'Stable id of the collection (c-…).'),
    name: described(
      file.collectionName(),
      'Name ("All papers" is reserved). Renamed "Name (2)" on import when the library has one of that name.',
    ),
    createdAt: v.optional(described(file.timestamp(), 'When the collection was created (ISO 8601).')),
    paperIds: paperIdList('Ids of its papers among the exported papers, sorted.'),
  }),
  'A named collection.',
);
export type ExportedCollection = v.InferOutput<typeof ExportedCollectionSchema>;

/** A whole `paperdex/collection` document of version 1. */
export const CollectionExportV1Schema = file.obj({
  format: described(file.literal(FORMAT), 'Identifies a Paperdex export.'),
  version: described(file.literal(1), 'Format version. A reader refuses versions newer than the ones it knows.'),
  exportedAt: described(file.timestamp(), 'When the export was made (ISO 8601).'),
  collection: described(
    file.obj({
      id: described(file.nonBlank(MAX_ID), 'Id of the exported collection; "all" for the whole library.'),
      name: described(file.text(1000), 'Name of the exported collection; "All papers" for the whole library.'),
    }),
    'The collection that was exported. Importing a file of a single collection (id other than "all") recreates that collection.',
  ),
  papers: described(file.list(ExportedPaperSchema, MAX_RECORDS), 'The papers, sorted by id.'),
  authors: described(
    file.list(ExportedAuthorSchema, MAX_RECORDS),
    'Authors linked to the exported papers (for "All papers": every author), sorted by id.',
  ),
  collections: v.optional(
    described(
      file.list(ExportedCollectionSchema, 100_000),
      'The named collections the exported papers belong to, with their members among the exported papers (for "All papers": every collection, empty ones included), sorted by id. Absent when there are none.',
    ),
  ),
});
export type CollectionExportV1 = v.InferOutput<typeof CollectionExportV1Schema>;
