/**
 * How an incoming paper or author becomes a library record, or merges into one (pure): sightings
 * united by site and URL, citation counts and history from the newest sighting, author profiles and
 * reported metrics united. The field-level merge is the capture's (lib/core/identity.ts); the user's
 * own layer (star, status, tags, note) merges by lib/core/identity.ts `mergeUserLayer`.
 */
import { newPaper } from '../../store/capture';
import { fieldNames, USER_FIELDS } from '../../core/fields';
import { mergePaper, mergeUserLayer, union } from '../../core/identity';
import { nameKey } from '../../core/normalize';
import { AuthorRecordSchema, PaperRecordSchema } from '../../core/record-schema';
import type { AuthorRecord, PaperRecord, PaperSource, ReportedSnapshot, ScrapedPaper } from '../../core/types';
import type { IncomingAuthor, IncomingPaper } from './import-types';

const sourceKey = (s: PaperSource) => `${s.site}\u0000${s.url}`;
const timeOf = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

/**
 * United sources by site + url, the newer sighting of each winning. `fresh`: the incoming sightings
 * that were added or replaced an older one and carry their own citation count.
 */
function uniteSources(have: PaperSource[], incoming: PaperSource[]): { sources: PaperSource[]; fresh: PaperSource[] } {
  const sources = have.map((s) => ({ ...s }));
  const at = new Map<string, number>();
  sources.forEach((s, i) => at.set(sourceKey(s), i));
  const fresh: PaperSource[] = [];
  for (const s of incoming) {
    const k = sourceKey(s);
    const i = at.get(k);
    if (i === undefined) {
      at.set(k, sources.length);
      sources.push({ ...s });
    } else if (timeOf(s.capturedAt) > timeOf(sources[i].capturedAt)) {
      const next = { ...s };
      const prev = sources[i];
      // A newer sighting without a count keeps the count last seen there (as a capture does).
      if (next.citations === undefined && prev.citations !== undefined) next.citations = prev.citations;
      sources[i] = next;
    } else continue;
    if (s.citations !== undefined) fresh.push(s);
  }
  return { sources, fresh };
}

/** The newest source with a citation count (later in the list wins a tie). */
function newestCounted(sources: PaperSource[]): PaperSource | undefined {
  let best: PaperSource | undefined;
  for (const s of sources) if (s.citations !== undefined && (!best || timeOf(s.capturedAt) >= timeOf(best.capturedAt))) best = s;
  return best;
}

type HistoryEntry = PaperRecord['citationHistory'][number];

/** History in time order, an entry kept only when the site's count changed. */
function tidyHistory(entries: HistoryEntry[]): HistoryEntry[] {
  const sorted = entries.map((h, i) => ({ h, i })).sort((a, b) => timeOf(a.h.at) - timeOf(b.h.at) || a.i - b.i);
  const last = new Map<string, number>();
  const out: HistoryEntry[] = [];
  for (const { h } of sorted) {
    if (last.get(h.site) === h.citations) continue;
    last.set(h.site, h.citations);
    out.push(h);
  }
  return out;
}

const historyOf = (sources: PaperSource[]): HistoryEntry[] =>
  sources.filter((s) => s.citations !== undefined).map((s) => ({ at: s.capturedAt, site: s.site, citations: s.citations! }));

/** Fields a record may lack (`v.optional` in lib/core/record-schema.ts): never stored empty. */
const optionalKeys = (entries: Record<string, { type: string }>) => Object.keys(entries).filter((k) => entries[k].type === 'optional');
const OPTIONAL_PAPER_KEYS = optionalKeys(PaperRecordSchema.entries);
const OPTIONAL_AUTHOR_KEYS = optionalKeys(AuthorRecordSchema.entries);

function dropEmpty<T extends object>(r: T, keys: readonly string[]): T {
  const o = r as Record<string, unknown>;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined || x === '' || (Array.isArray(x) && x.length === 0)) delete o[k];
  }
  return r;
}

/**
 * Merge the user's layer of `p` into record `r` (in place, lib/core/identity.ts `mergeUserLayer`).
 * Returns the note that a newer one replaced (now in `r.noteHistory`), if any.
 */
export function mergeUserFields(r: PaperRecord, p: IncomingPaper, now: Date): string | undefined {
  const { layer, replacedNote } = mergeUserLayer(r, p, now);
  const o = r as Record<string, unknown>;
  for (const k of fieldNames(USER_FIELDS)) delete o[k];
  Object.assign(r, layer);
  return replacedNote;
}

/** A complete library record for a paper new to the library, with the file's sightings and user layer. */
export function newPaperRecord(p: IncomingPaper, id: string, nowMs: number): PaperRecord {
  const { sources } = uniteSources([], p.sources ?? []);
  const r = newPaper(p as ScrapedPaper, id, nowMs);
  mergeUserFields(r, p, new Date(nowMs));
  r.sources = sources;
  r.citations = p.citations ?? newestCounted(sources)?.citations;
  r.citationHistory = tidyHistory(historyOf(sources));
  return dropEmpty(r, OPTIONAL_PAPER_KEYS);
}

/** A library paper with an incoming description of it merged in (a new object). */
export function mergePaperRecord(r: PaperRecord, p: IncomingPaper): PaperRecord {
  const m = mergePaper(r, p as ScrapedPaper);
  const { sources, fresh } = uniteSources(r.sources, p.sources ?? []);
  m.sources = sources;
  // Citations: the count of the newest source that has one; the library's own count unless the
  // file brings a newer one.
  const had = newestCounted(r.sources);
  const brought = newestCounted(fresh);
  if (brought && (!had || timeOf(brought.capturedAt) > timeOf(had.capturedAt))) m.citations = brought.citations;
  else if (r.citations !== undefined) m.citations = r.citations;
  else if (p.citations !== undefined) m.citations = p.citations;
  else delete m.citations;
  m.citationHistory = fresh.length ? tidyHistory([...r.citationHistory, ...historyOf(fresh)]) : [...r.citationHistory];
  m.authorIds = [...r.authorIds];
  m.collectionIds = [...r.collectionIds];
  return m;
}

/** Profile keys an author is stored under (as capture writes them): `site:id`, else `site:url`. */
export const profileKeysOf = (a: IncomingAuthor): string[] => [...new Set(a.profiles.map((p) => `${p.site}:${p.id ?? p.url}`))];
/** Keys an incoming author may be found by: `site:id` and `site:url`. */
export const lookupKeysOf = (a: IncomingAuthor): string[] => [
  ...new Set(a.profiles.flatMap((p) => (p.id ? [`${p.site}:${p.id}`, `${p.site}:${p.url}`] : [`${p.site}:${p.url}`]))),
];

const reportedKey = (s: ReportedSnapshot) => `${s.site}\u0000${s.capturedAt}`;

export function newAuthorRecord(a: IncomingAuthor, id: string, nowMs: number): AuthorRecord {
  const seen = new Set<string>();
  const r: AuthorRecord = {
    id,
    name: a.name,
    nameKey: nameKey(a.name),
    affiliation: a.affiliation,
    interests: a.interests ? [...a.interests] : undefined,
    homepage: a.homepage,
    profiles: a.profiles.map((p) => ({ ...p })),
    profileKeys: profileKeysOf(a),
    reported: a.reported.filter((s) => !seen.has(reportedKey(s)) && (seen.add(reportedKey(s)), true)).map((s) => ({ ...s })),
    paperIds: [],
    addedAt: nowMs,
    updatedAt: nowMs,
  };
  return dropEmpty(r, OPTIONAL_AUTHOR_KEYS);
}

export function mergeAuthorRecord(e: AuthorRecord, a: IncomingAuthor): AuthorRecord {
  const m: AuthorRecord = {
    ...e,
    profiles: [...e.profiles],
    profileKeys: [...e.profileKeys],
    reported: [...e.reported],
    paperIds: [...e.paperIds],
  };
  if (!m.affiliation && a.affiliation) m.affiliation = a.affiliation;
  if (!m.homepage && a.homepage) m.homepage = a.homepage;
  const interests = union(e.interests, a.interests);
  if (interests) m.interests = interests;
  for (const p of a.profiles) {
    if (!m.profiles.some((x) => x.site === p.site && (x.id ? x.id === p.id : x.url === p.url))) m.profiles.push({ ...p });
  }
  for (const k of profileKeysOf(a)) if (!m.profileKeys.includes(k)) m.profileKeys.push(k);
  const seen = new Set(m.reported.map(reportedKey));
  let added = false;
  for (const s of a.reported) {
    if (seen.has(reportedKey(s))) continue;
    seen.add(reportedKey(s));
    m.reported.push({ ...s });
    added = true;
  }
  if (added)
    m.reported = m.reported
      .map((s, i) => ({ s, i }))
      .sort((x, y) => timeOf(x.s.capturedAt) - timeOf(y.s.capturedAt) || x.i - y.i)
      .map((x) => x.s);
  return m;
}

/** Comparable form of a record, to tell whether a merge changed it. */
export const snapshot = (r: PaperRecord | AuthorRecord) => JSON.stringify({ ...r, updatedAt: 0 });

export function addTo<K, V>(m: Map<K, V[]>, k: K, x: V): void {
  const l = m.get(k);
  if (!l) m.set(k, [x]);
  else if (l[l.length - 1] !== x) l.push(x);
}

export function addToSet<K, V>(m: Map<K, Set<V>>, k: K, x: V): void {
  const s = m.get(k);
  if (s) s.add(x);
  else m.set(k, new Set([x]));
}

/**
 * Records with any of these index keys: one `equals` lookup per key, issued together. (Not
 * `anyOf`, whose cursor skips from key to key: fake-indexeddb walks the index on every skip, which
 * makes a chunk's lookups grow with the library.) May hold a record more than once.
 */
export async function byIndex<T>(
  table: { where(index: string): { equals(key: string): { toArray(): PromiseLike<T[]> } } },
  index: string,
  keys: string[],
): Promise<T[]> {
  if (!keys.length) return [];
  const lists = await Promise.all(keys.map((k) => table.where(index).equals(k).toArray()));
  return lists.flat();
}

/** The record preferred among candidates: the one with the file's id, else the smallest id. */
export function prefer<T extends { id: string }>(cands: T[], id: string | undefined): T | undefined {
  if (!cands.length) return undefined;
  return cands.find((c) => c.id === id) ?? cands.reduce((a, b) => (b.id < a.id ? b : a));
}
