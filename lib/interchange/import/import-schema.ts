/**
 * The `paperdex/collection` export format (lib/interchange/export.ts, README "Export format") as a valibot
 * schema, for reading export files back in (lib/interchange/import/import.ts). The same format is published as a JSON
 * Schema in public/paperdex-collection.schema.json; tests/unit/export-schema.test.ts keeps the two
 * in step with what `buildExport` writes.
 *
 * Rules, as for the messages of lib/core/scraped-schema.ts: every field has the type the exporter writes,
 * optional fields may be absent (never `null`), unknown extra fields are allowed and dropped, text
 * is bounded (≤ 200 k characters), URLs are http(s) only, timestamps are ISO 8601.
 *
 * Versions: `format` must be "paperdex/collection" and `version` an integer from 1 to
 * {@link CURRENT_VERSION}. A document of an older version is converted step by step to the current
 * shape by {@link migrate} before it is validated; a newer version is refused with a message asking
 * the user to update Paperdex.
 */
import * as v from 'valibot';
import { isHttpUrl, SITE_IDS } from '../../core/scraped-schema';
import type { CollectionExportV1 } from '../export';
import { MAX_TEXT } from '../../core/scraped-schema';

/** The `format` tag of a Paperdex export. */
export const FORMAT = 'paperdex/collection';
/** The format version this build writes and reads. */
export const CURRENT_VERSION = 1;

/** Most papers / authors in one file (the 50 MB file limit of lib/interchange/import/import.ts bounds it first). */
export const MAX_RECORDS = 1_000_000;
/** Longest id (paper, author, collection, site-specific ids). */
export const MAX_ID = 1000;
/** Longest URL. */
export const MAX_URL = 8192;
/** Longest collection name (as lib/store/collections.ts enforces). */
export const MAX_COLLECTION_NAME = 120;

// ---------------------------------------------------------------------------------------------
// Messages a user understands: "expected a string, got a number".

/** A short description of a JSON value's type, for messages. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  switch (typeof x) {
    case 'string':
      return x.length > 40 ? 'a string' : `"${x}"`;
    case 'number':
      return Number.isFinite(x) ? `the number ${x}` : 'a number';
    case 'boolean':
      return String(x);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return typeof x;
  }
}

const got = (what: string) => (i: { input: unknown }) => `expected ${what}, got ${describeValue(i.input)}`;

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An object with these fields (arrays are not objects here); unknown fields are dropped. */
function obj<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, got('an object')), v.object(entries, got('an object')));
}

function list<const T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(
    v.array(item, got('an array')),
    v.maxLength(max, (i) => `too many entries (${(i.input as unknown[]).length}); the limit is ${max}`),
  );
}

const text = (max = MAX_TEXT) =>
  v.pipe(
    v.string(got('a string')),
    v.maxLength(max, (i) => `too long (${(i.input as string).length} characters); the limit is ${max}`),
  );
const nonBlank = (max = MAX_TEXT) =>
  v.pipe(
    text(max),
    v.check((s) => s.trim().length > 0, 'must not be empty'),
  );
const int = (min: number, max: number) =>
  v.pipe(
    v.number(got('a number')),
    v.integer(got('a whole number')),
    v.minValue(min, (i) => `${i.input} is out of range (${min} to ${max})`),
    v.maxValue(max, (i) => `${i.input} is out of range (${min} to ${max})`),
  );
const count = int(0, 1e10);
const bool = v.boolean(got('true or false'));

// A file must not plant `javascript:` or `file:` links in the library: the capture schema's check.
export { isHttpUrl };
const httpUrl = v.pipe(
  text(MAX_URL),
  v.check(isHttpUrl, (i) => `expected an http(s) URL, got ${describeValue(i.input)}`),
);

/** ISO 8601 date-time, as `Date.prototype.toISOString` writes it (any offset accepted). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export function isIsoTimestamp(s: string): boolean {
  return ISO_TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s));
}
const timestamp = v.pipe(
  v.string(got('a date-time string')),
  v.maxLength(100, 'too long for a date-time'),
  v.check(isIsoTimestamp, (i) => `expected an ISO 8601 date-time like "2026-01-31T12:00:00.000Z", got ${describeValue(i.input)}`),
);

export { SITE_IDS };
const site = v.picklist(SITE_IDS, (i) => `unknown site ${describeValue(i.input)} (expected one of ${SITE_IDS.join(', ')})`);

/** A collection name lib/store/collections.ts accepts (after its clean-up of spaces and control characters). */
export function isCollectionName(name: string): boolean {
  const n = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return n.length > 0 && n.length <= MAX_COLLECTION_NAME && n.toLowerCase() !== 'all papers';
}
const collectionName = v.pipe(
  text(MAX_COLLECTION_NAME),
  v.check(isCollectionName, `a collection name must be 1 to ${MAX_COLLECTION_NAME} characters and not "All papers"`),
);

// ---------------------------------------------------------------------------------------------
// The format, version 1

export const PaperIdsV1 = obj({
  doi: v.optional(text(MAX_ID)),
  arxiv: v.optional(text(MAX_ID)),
  openreview: v.optional(text(MAX_ID)),
  dblp: v.optional(text(MAX_ID)),
  s2: v.optional(text(MAX_ID)),
  scholar: v.optional(text(MAX_ID)),
  acl: v.optional(text(MAX_ID)),
});

export const PaperSourceV1 = obj({
  site,
  url: httpUrl,
  capturedAt: timestamp,
  citations: v.optional(count),
});

/** The fields of a paper that describe it (shared with papers read from BibTeX / CSL-JSON). */
export const paperFieldsV1 = {
  title: nonBlank(),
  authors: list(text(), 100_000),
  authorsTruncated: v.optional(bool),
  year: v.optional(int(1, 9999)),
  date: v.optional(text(100)),
  venue: v.optional(text()),
  abstract: v.optional(text()),
  tldr: v.optional(text()),
  categories: v.optional(list(text(), 10_000)),
  keywords: v.optional(list(text(), 10_000)),
  citations: v.optional(count),
  ids: v.optional(PaperIdsV1),
  url: v.optional(httpUrl),
  pdfUrl: v.optional(httpUrl),
  codeUrl: v.optional(httpUrl),
  type: v.optional(text(1000)),
};

export const ExportedPaperV1 = obj({
  id: nonBlank(MAX_ID),
  ...paperFieldsV1,
  sources: list(PaperSourceV1, 100_000),
});

const counts = v.record(text(1000), v.number(got('a number')), got('an object'));

export const ReportedSnapshotV1 = obj({
  site,
  url: httpUrl,
  capturedAt: timestamp,
  citations: v.optional(count),
  hIndex: v.optional(count),
  i10Index: v.optional(count),
  papers: v.optional(count),
  since: v.optional(obj({ year: int(1, 9999), citations: v.optional(count), hIndex: v.optional(count), i10Index: v.optional(count) })),
  citationsPerYear: v.optional(counts),
  other: v.optional(counts),
});

export const AuthorProfileV1 = obj({
  site,
  url: httpUrl,
  id: v.optional(text(MAX_ID)),
});

export const ExportedAuthorV1 = obj({
  id: nonBlank(MAX_ID),
  name: nonBlank(),
  affiliation: v.optional(text()),
  interests: v.optional(list(text(), 10_000)),
  homepage: v.optional(httpUrl),
  profiles: list(AuthorProfileV1, 10_000),
  reported: list(ReportedSnapshotV1, 100_000),
  paperIds: list(text(MAX_ID), MAX_RECORDS),
});

export const ExportedCollectionV1 = obj({
  id: nonBlank(MAX_ID),
  name: collectionName,
  createdAt: v.optional(timestamp),
  paperIds: list(text(MAX_ID), MAX_RECORDS),
});

export const CollectionExportV1Schema = obj({
  format: v.literal(FORMAT, (i) => `expected "${FORMAT}", got ${describeValue(i.input)}`),
  version: v.literal(1, (i) => `expected 1, got ${describeValue(i.input)}`),
  exportedAt: timestamp,
  collection: obj({ id: nonBlank(MAX_ID), name: text(1000) }),
  papers: list(ExportedPaperV1, MAX_RECORDS),
  authors: list(ExportedAuthorV1, MAX_RECORDS),
  collections: v.optional(list(ExportedCollectionV1, 100_000)),
});

// The schema's output is the exporter's type (compile-time check that the two agree).
type SchemaOutput = v.InferOutput<typeof CollectionExportV1Schema>;
const _sameShape: (x: SchemaOutput) => CollectionExportV1 = (x) => x;
void _sameShape;

// ---------------------------------------------------------------------------------------------
// Versions

/** A document of some version, as parsed from JSON. */
export type VersionedDocument = Record<string, unknown> & { version: number };

/**
 * Conversions from version N to N+1, keyed by N. Empty while 1 is the only version: when version 2
 * changes the shape, add `1: (doc) => ({ ...doc, version: 2, ... })` here, bump CURRENT_VERSION and
 * point `ExportSchema` at the version-2 schema.
 */
const MIGRATIONS: Record<number, (doc: VersionedDocument) => VersionedDocument> = {};

/** Bring a document of an older (supported) version to the current shape. */
export function migrate(doc: VersionedDocument): VersionedDocument {
  let d = doc;
  while (d.version < CURRENT_VERSION) {
    const step = MIGRATIONS[d.version];
    if (!step) throw new Error(`No migration from format version ${d.version}`);
    d = step(d);
  }
  return d;
}

/** The schema of the current version. */
export const ExportSchema = CollectionExportV1Schema;
/** A validated export of the current version. */
export type CurrentExport = CollectionExportV1;

// ---------------------------------------------------------------------------------------------
// Validation with readable messages

/** A problem found in a document: what is wrong, and where (`papers[12].title`). */
export interface SchemaProblem {
  message: string;
  where?: string;
}

/** `papers[12].ids.doi` from a valibot issue path. */
export function formatPath(path: v.BaseIssue<unknown>['path']): string {
  let out = '';
  for (const item of path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string') out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** One issue as "where: what". */
export function describeIssue(issue: v.BaseIssue<unknown>): SchemaProblem {
  const where = formatPath(issue.path);
  const last = issue.path?.[issue.path.length - 1] as { origin?: string } | undefined;
  const message = issue.input === undefined && last?.origin === 'key' ? 'required field is missing' : issue.message;
  return where ? { message: `${where}: ${message}`, where } : { message };
}

/** The message for a file of a newer format version. */
export const newerVersionMessage = (n: number) =>
  `This file was made by a newer Paperdex (format version ${n}); update Paperdex to import it.`;

/**
 * Check `format` and `version`, migrate older versions, and validate against the current schema.
 * Returns the validated export (unknown fields dropped; object keys in the file's order) or the
 * first problem.
 */
export function validateExport(value: unknown): { ok: true; value: CurrentExport } | { ok: false; problem: SchemaProblem } {
  const fail = (message: string, where?: string) => ({
    ok: false as const,
    problem: where ? { message: `${where}: ${message}`, where } : { message },
  });
  if (!isPlainObject(value)) return fail(`expected a JSON object, got ${describeValue(value)}`);
  if (!('format' in value)) return fail(`required field is missing (expected "${FORMAT}")`, 'format');
  if (value.format !== FORMAT) return fail(`expected "${FORMAT}", got ${describeValue(value.format)}`, 'format');
  if (!('version' in value)) return fail('required field is missing', 'version');
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return fail(`expected a whole number, got ${describeValue(version)}`, 'version');
  if (version > CURRENT_VERSION) return { ok: false, problem: { message: newerVersionMessage(version), where: 'version' } };
  if (version < 1) return fail(`${version} is not a Paperdex format version (expected 1 to ${CURRENT_VERSION})`, 'version');
  const doc = migrate(value as VersionedDocument);
  const r = v.safeParse(ExportSchema, doc, { abortEarly: true });
  if (!r.success) return { ok: false, problem: describeIssue(r.issues[0]) };
  return { ok: true, value: inInputOrder(r.output, doc) as CurrentExport };
}

/**
 * valibot writes an object's known keys in the schema's order; give them back the file's order, so
 * that a record imported from an export exports byte-identically (nested objects such as `ids` or a
 * reported snapshot keep the key order they were stored with).
 */
export function inInputOrder(out: unknown, input: unknown): unknown {
  if (Array.isArray(out) && Array.isArray(input)) {
    for (let i = 0; i < out.length; i++) out[i] = inInputOrder(out[i], input[i]);
    return out;
  }
  if (isPlainObject(out) && isPlainObject(input)) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(input)) if (Object.prototype.hasOwnProperty.call(out, k)) o[k] = inInputOrder(out[k], input[k]);
    return o;
  }
  return out;
}
