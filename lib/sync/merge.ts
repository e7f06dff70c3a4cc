/**
 * The conflict merge of sync (pure): when CouchDB keeps several leaf revisions of one document (two
 * machines edited the same paper offline), or a remote version arrives while the local record has
 * an unsent edit, every machine runs {@link mergeVersions} on the versions it holds and must end
 * with the SAME record, whatever order the versions come in. Also owns {@link canonical}, the one
 * string form of a record that equality, ordering and content hashes (lib/sync/sync-records.ts) use.
 *
 * How it stays deterministic: versions equal in content are one version; the rest are sorted by
 * content (updatedAt, then the canonical string; never by CouchDB revision, since one content may
 * carry different revisions on two machines), then folded oldest first, each newer version merged
 * into the result as an import of it would be. Nothing reads the clock: the one date a merge needs
 * (for a replaced note without a date of its own) is the newest version's `updatedAt`.
 *
 * The field rules are the library's own (lib/core/identity.ts): capture/import rules for a paper's
 * description with the description trust kept, the user's layer by `mergeUserLayer` (tags united,
 * the newer star/status/note, the losing note kept in `noteHistory`), sightings united by site and
 * page (provenance). Only lib/core is imported: lib/interchange/import/merge-records.ts's
 * `mergePaperRecord` merges without the incoming version's trust and unites only the sources'
 * history, not the two records' `citationHistory`, so its source/history helpers are restated here.
 */
import { canonicalIds, DEFAULT_TRUST, idKeys, mergePaper, mergeUserLayer, union, type DescriptionTrust } from '../core/identity';
import { fieldNames, USER_FIELDS } from '../core/fields';
import { AuthorRecordSchema, PaperRecordSchema } from '../core/record-schema';
import type { AuthorRecord, CollectionRecord, PaperRecord, PaperSource, ReportedSnapshot, ScrapedPaper } from '../core/types';
import type { SyncKind } from './sync-types';

/** One version of a record: the record and the CouchDB revision it came from ('' for a local, unsent edit). */
export interface Version<T> {
  record: T;
  rev: string;
}

/** Result: the merged record, and for papers the note that lost (kept in noteHistory) if any. */
export interface Merged<T> {
  record: T;
  /**
   * The note that a newer one replaced in this merge (now in the paper's `noteHistory`), so the
   * caller can tell the user. With several losing notes (three or more versions): the last to lose.
   */
  replacedNote?: string;
}

// ---------------------------------------------------------------------------------------------
// Canonical form

/**
 * A canonical string of a value: JSON with object keys sorted (by code unit, not by locale, so
 * every machine agrees) and `undefined` members dropped; equal records give equal strings
 * whatever their key order. Arrays keep their order (it means something: authors, history).
 */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonical((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((x) => (x === undefined || typeof x === 'function' ? 'null' : canonical(x))).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(o).sort(byCodeUnit)) {
      const x = o[k];
      if (x === undefined || typeof x === 'function') continue;
      parts.push(`${JSON.stringify(k)}:${canonical(x)}`);
    }
    return `{${parts.join(',')}}`;
  }
  // Numbers (NaN and infinities as null, as JSON has them), strings, booleans.
  return JSON.stringify(value) ?? 'null';
}

/** Plain code-unit order: the same on every machine (localeCompare is not). */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Two id lists united exactly (first-seen order). Not lib/core `union`, which folds case: right
 * for names and tags, wrong for ids (Scholar user ids differ by case alone).
 */
const uniteIds = (...lists: (readonly string[] | undefined)[]): string[] => [...new Set(lists.flatMap((l) => l ?? []))];

// ---------------------------------------------------------------------------------------------
// Order

const stampOf = (r: unknown): number => {
  const t = (r as { updatedAt?: unknown } | null)?.updatedAt;
  return typeof t === 'number' && Number.isFinite(t) ? t : -Infinity;
};

const timeOf = (iso: string | undefined): number => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
};

interface Entry<T> {
  record: T;
  key: string;
}

/**
 * The distinct versions (by content), oldest first: by `updatedAt`, then by canonical string. A
 * paper known only from an opened PDF (`incomplete`) sorts before any described one, so a page's
 * description is merged into the stub, as a capture after the PDF would do, never the reverse.
 */
function ordered<T>(kind: SyncKind, versions: Version<T>[]): T[] {
  const seen = new Map<string, Entry<T>>();
  for (const v of versions) {
    const key = canonical(v.record);
    if (!seen.has(key)) seen.set(key, { record: structuredClone(v.record), key });
  }
  const stub = (r: unknown) => (kind === 'paper' && (r as PaperRecord).incomplete === 'pdf' ? 0 : 1);
  return [...seen.values()]
    .sort((a, b) => stub(a.record) - stub(b.record) || stampOf(a.record) - stampOf(b.record) || byCodeUnit(a.key, b.key))
    .map((e) => e.record);
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Merge versions of one record (at least one) into the record every machine agrees on. The result
 * depends only on the set of distinct contents: not on their order, their revisions or the machine.
 * - `settings`: the newest by `updatedAt` (ties: the greater canonical string) wins whole;
 * - `collection`: the newer name, `createdAt` the earliest, `updatedAt` the latest;
 * - `paper`: see {@link mergeTwoPapers}; `author`: see {@link mergeTwoAuthors}.
 * A merge of one version (or of equal ones) is that version. The inputs are not modified.
 */
export function mergeVersions<T>(kind: SyncKind, versions: Version<T>[]): Merged<T> {
  if (!versions.length) throw new Error('mergeVersions: no version to merge');
  const list = ordered(kind, versions);
  if (list.length === 1 || kind === 'settings') return { record: list[list.length - 1] };
  if (kind === 'collection')
    return { record: (list as unknown as CollectionRecord[]).reduce((a, b) => mergeTwoCollections(a, b)) as unknown as T };
  if (kind === 'author') return { record: (list as unknown as AuthorRecord[]).reduce((a, b) => mergeTwoAuthors(a, b)) as unknown as T };
  // The one date the paper merge needs (a losing note without a date of its own), from the versions.
  const now = new Date(Math.max(0, ...list.map(stampOf)));
  let acc = list[0] as unknown as PaperRecord;
  let replacedNote: string | undefined;
  for (const next of list.slice(1)) {
    const m = mergeTwoPapers(acc, next as unknown as PaperRecord, now);
    acc = m.record;
    if (m.replacedNote !== undefined) replacedNote = m.replacedNote;
  }
  const record = acc as unknown as T;
  return replacedNote === undefined ? { record } : { record, replacedNote };
}

// ---------------------------------------------------------------------------------------------
// Collections

function mergeTwoCollections(older: CollectionRecord, newer: CollectionRecord): CollectionRecord {
  return {
    ...older,
    ...newer,
    createdAt: Math.min(older.createdAt, newer.createdAt),
    updatedAt: Math.max(older.updatedAt, newer.updatedAt),
  };
}

// ---------------------------------------------------------------------------------------------
// Papers

/** Fields a record may lack (`v.optional` in lib/core/record-schema.ts): never stored empty. */
const optionalKeys = (entries: Record<string, { type: string }>) => Object.keys(entries).filter((k) => entries[k].type === 'optional');
const OPTIONAL_PAPER_KEYS = optionalKeys(PaperRecordSchema.entries);
const OPTIONAL_AUTHOR_KEYS = optionalKeys(AuthorRecordSchema.entries);

function tidy<T extends object>(r: T, optional: readonly string[]): T {
  const o = r as Record<string, unknown>;
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  for (const k of optional) {
    const x = o[k];
    if (x === '' || (Array.isArray(x) && x.length === 0)) delete o[k];
  }
  return r;
}

const sourceKey = (s: PaperSource) => `${s.site}\u0000${s.url}`;

/**
 * Sightings united by site and page; of one page's two sightings the later (`capturedAt`) wins, and
 * keeps the count last seen there when it has none (as a capture does).
 */
function uniteSources(older: PaperSource[], newer: PaperSource[]): PaperSource[] {
  const out = older.map((s) => ({ ...s }));
  const at = new Map(out.map((s, i) => [sourceKey(s), i]));
  for (const s of newer) {
    const i = at.get(sourceKey(s));
    if (i === undefined) {
      at.set(sourceKey(s), out.length);
      out.push({ ...s });
    } else if (timeOf(s.capturedAt) > timeOf(out[i].capturedAt)) {
      const next = { ...s };
      if (next.citations === undefined && out[i].citations !== undefined) next.citations = out[i].citations;
      out[i] = next;
    }
  }
  return out;
}

/** The newest sighting with a citation count (the later in the list on a tie). */
function newestCounted(sources: PaperSource[]): PaperSource | undefined {
  let best: PaperSource | undefined;
  for (const s of sources) if (s.citations !== undefined && (!best || timeOf(s.capturedAt) >= timeOf(best.capturedAt))) best = s;
  return best;
}

type HistoryEntry = PaperRecord['citationHistory'][number];

/**
 * Both citation histories as one: in time order (ties by site, then count, so the order of the
 * inputs never shows), an entry kept only when its site's count changed.
 */
function uniteHistory(a: HistoryEntry[], b: HistoryEntry[]): HistoryEntry[] {
  const sorted = [...a, ...b].sort(
    (x, y) => timeOf(x.at) - timeOf(y.at) || byCodeUnit(x.at, y.at) || byCodeUnit(x.site, y.site) || x.citations - y.citations,
  );
  const last = new Map<string, number>();
  const out: HistoryEntry[] = [];
  for (const h of sorted) {
    if (last.get(h.site) === h.citations) continue;
    last.set(h.site, h.citations);
    out.push({ at: h.at, site: h.site, citations: h.citations });
  }
  return out;
}

/**
 * Merge a newer version of a paper into an older one:
 * - description (title, authors, venue, ids, …): lib/core/identity.ts `mergePaper`, the newer
 *   version as the incoming description with its own trust (`descTrust`), so a less trusted
 *   description never replaces a more trusted one, whichever machine had it; `incomplete` only
 *   when both are PDF stubs;
 * - sightings united by site and page; the citation count that of the newest counted sighting;
 *   both citation histories united;
 * - the user's layer by `mergeUserLayer` (tags united, the newer star/status/note by
 *   `userUpdatedAt`, the losing note in `noteHistory`);
 * - idKeys, authorIds, collectionIds united (the older's order, then the newer's additions);
 * - addedAt the earliest, updatedAt the latest.
 */
function mergeTwoPapers(older: PaperRecord, newer: PaperRecord, now: Date): Merged<PaperRecord> {
  const bothStubs = older.incomplete === 'pdf' && newer.incomplete === 'pdf';
  const trust: DescriptionTrust = newer.descTrust ?? DEFAULT_TRUST;
  const m = mergePaper(older, newer as unknown as ScrapedPaper, trust);
  if (bothStubs) m.incomplete = 'pdf';
  // Several DBLP keys or Scholar ids of one paper live in idKeys only: unite both lists, plus the
  // keys of the merged ids.
  m.idKeys = uniteIds(older.idKeys, newer.idKeys, idKeys(canonicalIds(m.ids)));

  m.sources = uniteSources(older.sources, newer.sources);
  const had = newestCounted(older.sources);
  const brought = newestCounted(newer.sources);
  if (brought && (!had || timeOf(brought.capturedAt) > timeOf(had.capturedAt))) m.citations = brought.citations;
  else m.citations = older.citations ?? newer.citations;
  m.citationHistory = uniteHistory(older.citationHistory, newer.citationHistory);

  const { layer, replacedNote } = mergeUserLayer(older, newer, now);
  const o = m as Record<string, unknown>;
  for (const k of fieldNames(USER_FIELDS)) delete o[k];
  Object.assign(m, layer);

  m.authorIds = uniteIds(older.authorIds, newer.authorIds);
  m.collectionIds = uniteIds(older.collectionIds, newer.collectionIds);
  m.addedAt = Math.min(older.addedAt, newer.addedAt);
  m.updatedAt = Math.max(older.updatedAt, newer.updatedAt);
  tidy(m, OPTIONAL_PAPER_KEYS);
  return replacedNote === undefined ? { record: m } : { record: m, replacedNote };
}

// ---------------------------------------------------------------------------------------------
// Authors

type Profile = AuthorRecord['profiles'][number];
type Coauthor = NonNullable<AuthorRecord['coauthors']>[number];

/** A profile's key, as capture writes it into `profileKeys`: `site:id`, else `site:url`. */
const profileKey = (p: Profile) => `${p.site}:${p.id ?? p.url}`;
const reportedKey = (s: ReportedSnapshot) => `${s.site}\u0000${s.capturedAt}`;
const coauthorKey = (c: Coauthor) => (c.id ? `id:${c.id}` : c.url ? `url:${c.url}` : `name:${c.name.toLowerCase()}`);

/** Items united by key: the older's order, an item of the newer replacing the older's of its key. */
function uniteBy<X>(older: readonly X[], newer: readonly X[], key: (x: X) => string): X[] {
  const out = older.map((x) => x);
  const at = new Map(out.map((x, i) => [key(x), i]));
  for (const x of newer) {
    const i = at.get(key(x));
    if (i === undefined) {
      at.set(key(x), out.length);
      out.push(x);
    } else out[i] = x;
  }
  return out;
}

/**
 * Merge a newer version of an author into an older one: name, affiliation, interests and homepage
 * from the newer (the older's where the newer has none; a name that changed stays in `otherNames`);
 * profiles, profile keys, reported snapshots (by site and capture time), papers, other names,
 * co-authors and "not the same person" decisions united; addedAt the earliest, updatedAt the latest.
 *
 * A split (lib/store/authors.ts `splitProfile`) removes a profile key and lists it in `notSame`;
 * a plain union would bring the profile back from the other machine's version, which merely still
 * has it (having a profile is no decision; a split is). So a key one version split off stays off,
 * unless the newer version lists it both as a profile and in `notSame` (the user merged the two
 * back: `mergeAuthors` keeps `notSame`). The split site's reported snapshots go with it unless
 * another kept profile is on that site.
 */
function mergeTwoAuthors(older: AuthorRecord, newer: AuthorRecord): AuthorRecord {
  const split = (a: AuthorRecord, k: string) => !a.profileKeys.includes(k) && !!a.notSame?.includes(k);
  const remerged = (a: AuthorRecord, k: string) => a.profileKeys.includes(k) && !!a.notSame?.includes(k);
  const splitOff = (k: string) => split(newer, k) || (split(older, k) && !remerged(newer, k));
  const allKeys = uniteIds(older.profileKeys, newer.profileKeys);
  const dropped = new Set(allKeys.filter(splitOff));
  const profileKeys = allKeys.filter((k) => !dropped.has(k));
  const droppedProfile = (p: Profile) => dropped.has(profileKey(p)) || dropped.has(`${p.site}:${p.url}`);
  const profiles = uniteBy(older.profiles, newer.profiles, profileKey).filter((p) => !droppedProfile(p));
  const keptSites = new Set(profileKeys.map((k) => k.split(':')[0]));
  const droppedSites = new Set([...dropped].map((k) => k.split(':')[0]).filter((s) => !keptSites.has(s)));
  const reported = uniteBy(older.reported, newer.reported, reportedKey)
    .filter((s) => !droppedSites.has(s.site))
    .map((s, i) => ({ s, i }))
    .sort((x, y) => timeOf(x.s.capturedAt) - timeOf(y.s.capturedAt) || byCodeUnit(x.s.site, y.s.site) || x.i - y.i)
    .map((x) => x.s);

  const name = newer.name || older.name;
  const otherNames = union(union(older.otherNames, newer.otherNames), [older.name, newer.name])?.filter((n) => n !== name);
  const m: AuthorRecord = {
    ...older,
    ...newer,
    name,
    nameKey: newer.name ? newer.nameKey : older.nameKey,
    affiliation: newer.affiliation ?? older.affiliation,
    interests: newer.interests?.length ? newer.interests : older.interests,
    homepage: newer.homepage ?? older.homepage,
    profiles,
    profileKeys,
    otherNames,
    reported,
    paperIds: uniteIds(older.paperIds, newer.paperIds),
    coauthors: uniteBy(older.coauthors ?? [], newer.coauthors ?? [], coauthorKey),
    notSame: uniteIds(older.notSame, newer.notSame),
    addedAt: Math.min(older.addedAt, newer.addedAt),
    updatedAt: Math.max(older.updatedAt, newer.updatedAt),
  };
  return tidy(m, OPTIONAL_AUTHOR_KEYS);
}
