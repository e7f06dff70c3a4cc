/**
 * Reading a `paperdex/collection` document back in (lib/interchange/import): its version checked
 * and migrated, then validated against the format's valibot schema (lib/core/export-schema.ts,
 * which also generates the published public/paperdex-collection.schema.json), with problems
 * reported as "where: what" a user can act on.
 *
 * Versions: `format` must be "paperdex/collection" and `version` an integer from 1 to
 * {@link CURRENT_VERSION}. A document of an older version is converted step by step to the current
 * shape by {@link migrate} before it is validated; a newer version is refused with a message asking
 * the user to update Paperdex.
 */
import * as v from 'valibot';
import { CollectionExportV1Schema, CURRENT_VERSION, FORMAT } from '../../core/export-schema';
import { describeValue, isPlainObject } from '../../core/schema-kit';
import type { CollectionExportV1 } from '../../core/types';
import { t } from '../../i18n/i18n';

export { CURRENT_VERSION, FORMAT };
export { SITE_IDS } from '../../core/sites';
export { isCollectionName, isHttpUrl, isIsoTimestamp } from '../../core/schema-kit';

// ---------------------------------------------------------------------------------------------
// Versions

/** A document of some version, as parsed from JSON. */
export type VersionedDocument = Record<string, unknown> & { version: number };

/**
 * Conversions from version N to N+1, keyed by N. Empty while 1 is the only version: when version 2
 * changes the shape, add `1: (doc) => ({ ...doc, version: 2, ... })` here, bump CURRENT_VERSION and
 * point `ExportSchema` (lib/core/export-schema.ts) at the version-2 schema.
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
const ExportSchema = CollectionExportV1Schema;
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
export const newerVersionMessage = (n: number) => t('import_newerVersion', { version: String(n) });

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
