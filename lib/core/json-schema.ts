/**
 * The published JSON Schema of the export format (public/paperdex-collection.schema.json),
 * generated from the valibot schema of lib/core/export-schema.ts, so the two cannot drift apart.
 * `npm run schema` writes the file (tests/helpers/write-json-schema.ts); a unit test checks the
 * committed file equals {@link collectionJsonSchema}'s output.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { PaperIdsFileSchema } from './fields';
import { AuthorProfileSchema, PaperSourceSchema, ReportedSnapshotSchema, SiteFileSchema } from './record-schema';
import {
  CollectionExportV1Schema,
  CURRENT_VERSION,
  ExportedAuthorSchema,
  ExportedCollectionSchema,
  ExportedPaperSchema,
  FORMAT,
} from './export-schema';

/** Shapes published as named definitions (`#/$defs/…`), in the file's order. */
const DEFINITIONS: Record<string, v.GenericSchema> = {
  site: SiteFileSchema,
  paperIds: PaperIdsFileSchema,
  source: PaperSourceSchema,
  paper: ExportedPaperSchema,
  reported: ReportedSnapshotSchema,
  profile: AuthorProfileSchema,
  author: ExportedAuthorSchema,
  namedCollection: ExportedCollectionSchema,
};

const DESCRIPTION =
  'A collection of papers and their authors exported by Paperdex (Export JSON in the side panel). Optional fields are ' +
  'omitted when unknown (never null). Papers, authors and collections are sorted by id, so two exports of the same data ' +
  'differ only in exportedAt. Later format versions add fields; they never remove or change these. Readers ignore ' +
  'fields they do not know.';

/** The JSON Schema (draft 2020-12) of a `paperdex/collection` document of the current version. */
export function collectionJsonSchema(): JsonSchema {
  const generated = toJsonSchema(CollectionExportV1Schema, {
    target: 'draft-2020-12',
    // Pipes start with `v.custom` (a plain object, not an array) before the object schema: the
    // JSON type says that already, so convert from the last schema of each pipe.
    typeMode: 'output',
    definitions: DEFINITIONS,
    // Each `check` of lib/core/schema-kit.ts carries the keywords that express it.
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const json = (valibotAction as { jsonSchema?: JsonSchema }).jsonSchema;
      return json ? { ...jsonSchema, ...json } : undefined;
    },
    // Readers ignore fields they do not know (later versions add fields): say so explicitly.
    overrideSchema: ({ valibotSchema, jsonSchema }) =>
      valibotSchema.type === 'object' ? { ...jsonSchema, additionalProperties: true } : undefined,
  });
  const { $schema, $defs, ...root } = generated;
  return {
    $schema,
    $id: `urn:paperdex:schema:collection:${CURRENT_VERSION}`,
    title: `Paperdex collection export (${FORMAT}, version ${CURRENT_VERSION})`,
    description: DESCRIPTION,
    ...root,
    $defs,
  };
}
