/**
 * The building blocks of Paperdex's valibot schemas, in two dialects:
 *  - `msg`: data a content script sends (page-controlled text): tight bounds, control characters
 *    stripped, terse messages (a developer reads them in the console).
 *  - `file`: the `paperdex/collection` export format read back by the importer: the format's own
 *    bounds and messages a user understands ("expected a string, got a number").
 * Every `check` carries the JSON Schema it stands for (see {@link checked}), so the published JSON
 * Schema (lib/core/json-schema.ts) says what the check does instead of silently dropping it.
 */
import * as v from 'valibot';
import type { JsonSchema } from '@valibot/to-json-schema';
import { SITE_IDS, STORED_SITE_IDS } from './sites';

/** Longest text field accepted (a 100 kB title is stored; a 10 MB one is not). */
export const MAX_TEXT = 200_000;
/** Longest URL. */
export const MAX_URL = 8192;
/** Longest id in a file (paper, author, collection, site-specific ids). */
export const MAX_ID = 1000;
/** Longest collection name (as lib/store/collections.ts enforces). */
export const MAX_COLLECTION_NAME = 120;
/** Largest count (citations, h-index, …) accepted. */
export const MAX_COUNT = 1e10;

// ---------------------------------------------------------------------------------------------
// Checks shared by both dialects

/**
 * Page text is stored as text, minus what can only deceive: NUL and other C0 controls, and the
 * bidi embedding/override controls that make "fdp.exe" display reversed
 * (U+202A–U+202E, U+2066–U+2069).
 */
export function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** http(s) URLs only: no `javascript:`, `data:` or `file:` links reach the library. */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** ISO 8601 date-time, as `Date.prototype.toISOString` writes it (any offset accepted). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 date-time string that names a real instant. */
export function isIsoTimestamp(s: string): boolean {
  return ISO_TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s));
}

/** A collection name lib/store/collections.ts accepts (after its clean-up of spaces and control characters). */
export function isCollectionName(name: string): boolean {
  const n = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return n.length > 0 && n.length <= MAX_COLLECTION_NAME && n.toLowerCase() !== 'all papers';
}

/** A `v.check` whose meaning in JSON Schema is `json` (read by lib/core/json-schema.ts). */
export type CheckedAction<T> = v.CheckAction<T, v.ErrorMessage<v.CheckIssue<T>> | undefined> & { readonly jsonSchema: JsonSchema };

/** `v.check(fn, message)`, annotated with the JSON Schema keywords that express it. */
export function checked<T>(fn: (x: T) => boolean, message: v.ErrorMessage<v.CheckIssue<T>>, json: JsonSchema): CheckedAction<T> {
  return Object.assign(v.check(fn, message), { jsonSchema: json });
}

const HTTP_URL_JSON: JsonSchema = { format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' };
const NON_BLANK_JSON: JsonSchema = { minLength: 1, pattern: '\\S' };

// ---------------------------------------------------------------------------------------------
// Capture messages

const msgText = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max), v.transform(stripControls));
const msgInt = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** The message dialect: schemas for scrape results sent by content scripts. */
export const msg = {
  /** Text, control characters stripped. */
  text: msgText,
  /** Text that must not be blank once trimmed (titles, names); trimmed. */
  nonBlank: (max = MAX_TEXT) => v.pipe(msgText(max), v.trim(), v.minLength(1)),
  /** A list of texts. */
  texts: (item: number, max: number) => v.pipe(v.array(msgText(item)), v.maxLength(max)),
  /** A list of anything, bounded. */
  list: <const T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max)),
  /** A count (citations, h-index). */
  count: () => msgInt(0, MAX_COUNT),
  /** A year a page may plausibly show. */
  year: () => msgInt(1500, 2200),
  bool: () => v.boolean(),
  url: () => v.pipe(v.string(), v.maxLength(MAX_URL), v.check(isHttpUrl, 'must be an http(s) URL')),
  /** Labelled numbers (citations per year, other metrics). */
  counts: () => v.record(msgText(200), v.number()),
  /** A site id as adapters produce it today. */
  site: () => v.picklist(SITE_IDS),
};

// ---------------------------------------------------------------------------------------------
// Files: messages a user understands

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

/** A JSON object (not an array, not null). */
export const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const fileText = (max = MAX_TEXT) =>
  v.pipe(
    v.string(got('a string')),
    v.maxLength(max, (i) => `too long (${(i.input as string).length} characters); the limit is ${max}`),
  );
const fileList = <const T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(
    v.array(item, got('an array')),
    v.maxLength(max, (i) => `too many entries (${(i.input as unknown[]).length}); the limit is ${max}`),
  );
const fileInt = (min: number, max: number) =>
  v.pipe(
    v.number(got('a number')),
    v.integer(got('a whole number')),
    v.minValue(min, (i) => `${i.input} is out of range (${min} to ${max})`),
    v.maxValue(max, (i) => `${i.input} is out of range (${min} to ${max})`),
  );

/** The file dialect: schemas for the `paperdex/collection` format. */
export const file = {
  /** An object with these fields (arrays are not objects here); unknown fields are dropped. */
  obj: <const E extends v.ObjectEntries>(entries: E) =>
    v.pipe(v.custom<Record<string, unknown>>(isPlainObject, got('an object')), v.object(entries, got('an object'))),
  list: fileList,
  text: fileText,
  nonBlank: (max = MAX_TEXT) =>
    v.pipe(
      fileText(max),
      checked((s: string) => s.trim().length > 0, 'must not be empty', NON_BLANK_JSON),
    ),
  texts: (item: number, max: number) => fileList(fileText(item), max),
  int: fileInt,
  count: () => fileInt(0, MAX_COUNT),
  year: () => fileInt(1, 9999),
  bool: () => v.boolean(got('true or false')),
  /** A file must not plant `javascript:` or `file:` links in the library: the capture schema's check. */
  url: () =>
    v.pipe(
      fileText(MAX_URL),
      checked(isHttpUrl, (i) => `expected an http(s) URL, got ${describeValue(i.input)}`, HTTP_URL_JSON),
    ),
  counts: () => v.record(fileText(1000), v.number(got('a number')), got('an object')),
  timestamp: () =>
    v.pipe(
      v.string(got('a date-time string')),
      v.maxLength(100, 'too long for a date-time'),
      checked(isIsoTimestamp, (i) => `expected an ISO 8601 date-time like "2026-01-31T12:00:00.000Z", got ${describeValue(i.input)}`, {
        format: 'date-time',
        pattern: ISO_TIMESTAMP.source,
      }),
    ),
  /** A site id as stored data carries it: files written before an id was renamed still import. */
  site: () => v.picklist(STORED_SITE_IDS, (i) => `unknown site ${describeValue(i.input)} (expected one of ${SITE_IDS.join(', ')})`),
  collectionName: () =>
    v.pipe(
      fileText(MAX_COLLECTION_NAME),
      checked(isCollectionName, `a collection name must be 1 to ${MAX_COLLECTION_NAME} characters and not "All papers"`, {
        ...NON_BLANK_JSON,
        not: { type: 'string', pattern: '^\\s*[Aa][Ll][Ll]\\s+[Pp][Aa][Pp][Ee][Rr][Ss]\\s*$' },
      }),
    ),
  literal: <const T extends string | number>(value: T) =>
    v.literal(value, (i) => `expected ${JSON.stringify(value)}, got ${describeValue(i.input)}`),
};
