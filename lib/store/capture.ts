/**
 * Writing a page capture into the library: one Dexie transaction per capture that upserts papers
 * (identity + field merge from lib/core/identity.ts), the page's author and linked co-author profiles,
 * and one provenance row in `sources`. Idempotent: the same page twice adds no duplicates; a changed
 * citation count updates the paper and is appended to its citation history.
 */
import type { PaperdexDB } from './db';
import { recordOpened } from './openings';
import { landingKey } from '../core/pdf-urls';
import {
  canonicalIds,
  DEFAULT_TRUST,
  descriptionTrust,
  idKeys,
  idsConflict,
  mergePaper,
  paperIdFor,
  sameByTitle,
  hash64,
  union,
  type DescriptionTrust,
} from '../core/identity';
import { nameKey, titleKey } from '../core/normalize';
import { fieldNames, METRIC_FIELDS, PAPER_FIELDS } from '../core/fields';
import type {
  AuthorRecord,
  CaptureRecord,
  PaperRecord,
  PaperSource,
  ReportedMetrics,
  ReportedSnapshot,
  ScrapeResult,
  ScrapedPaper,
  ScrapedProfileRef,
  SiteId,
} from '../core/types';

/** What one capture did, for the popup and the toolbar badge. */
export interface CaptureSummary {
  captureId: number;
  site: SiteId;
  kind: ScrapeResult['kind'];
  url: string;
  capturedAt: string;
  authorId?: string;
  authorName?: string;
  paperIds: string[];
  papersFound: number;
  papersNew: number;
  papersUpdated: number;
  papersUnchanged: number;
  /**
   * Per scraped paper (same order as the capture's `papers`): whether it was already in the
   * library before this capture. Drives the "in Paperdex" badges; not kept in tab state.
   */
  known?: boolean[];
  /**
   * Per scraped paper (same order as `known`): the paper it is and what this capture did to it
   * (`new`, `updated`, `unchanged`); undefined for a row without a title. Drives the popup's
   * marked list of the page's papers; not kept in tab state as such.
   */
  marks?: (PaperMark | undefined)[];
}

/** What a capture did to one of the page's papers. */
export interface PaperMark {
  paperId: string;
  status: 'new' | 'updated' | 'unchanged';
}

/** Options for {@link saveCapture}. */
export interface SaveOptions {
  /** Capture time (defaults to now). */
  now?: Date;
  /**
   * Identifies one page visit. Re-scrapes of the same visit (rows appended by "Show more", SPA
   * re-renders) update that visit's provenance row instead of adding one per re-scrape.
   */
  visitId?: string;
}

const MIN_SNAPSHOT_GAP_MS = 24 * 3600 * 1000;
/** Citation-history entries kept per paper (the newest). */
export const CITATION_HISTORY_MAX = 100;

/** Profile key of an author on a site: `site:profileId`, else `site:url`. */
export function profileKey(site: SiteId, ref: { id?: string; url?: string }, fallbackUrl?: string): string | undefined {
  const k = ref.id ?? ref.url ?? fallbackUrl;
  return k ? `${site}:${k}` : undefined;
}

/** Stable id of an author created from a profile key. */
export function authorIdFor(key: string): string {
  return 'a-' + hash64(key);
}

function metricsOf(m: ReportedMetrics | undefined): ReportedMetrics {
  const out: ReportedMetrics = {};
  if (!m) return out;
  for (const k of fieldNames(METRIC_FIELDS)) {
    if (m[k] !== undefined) (out as Record<string, unknown>)[k] = m[k];
  }
  return out;
}

function comparable(r: PaperRecord): string {
  const { updatedAt: _u, sources: _s, citationHistory: _c, addedAt: _a, ...rest } = r;
  return JSON.stringify(rest);
}

/** Find the stored paper a scraped paper is, if any (strong ids first, then title evidence). */
async function findPaper(db: PaperdexDB, p: ScrapedPaper): Promise<PaperRecord | undefined> {
  const ids = canonicalIds(p.ids);
  // `landing:` keys are carried by records known only from an opened PDF of a site without ids
  // (lib/store/pdf-open.ts): the capture of that landing page completes them.
  const keys = [...idKeys(ids), ...(p.url ? [landingKey(p.url)] : [])];
  if (keys.length) {
    const hits = await db.papers.where('idKeys').anyOf(keys).toArray();
    const ok = hits.find((r) => !idsConflict(ids, r.ids));
    if (ok) return ok;
  }
  const tk = titleKey(p.title);
  if (!tk) return undefined;
  const cands = await db.papers.where('titleKey').equals(tk).toArray();
  return cands.find((r) => sameByTitle(p, r));
}

/**
 * A complete library record for a paper new to the library (no sightings yet): the paper fields of
 * lib/core/fields.ts as scraped (an empty optional list is no value), with canonical ids.
 */
export function newPaper(p: ScrapedPaper, id: string, nowMs: number): PaperRecord {
  const ids = canonicalIds(p.ids);
  const r = { id } as PaperRecord;
  const o = r as Record<string, unknown>;
  for (const k of fieldNames(PAPER_FIELDS)) {
    const x = p[k];
    o[k] = PAPER_FIELDS[k].optional && Array.isArray(x) && !x.length ? undefined : x;
  }
  r.authorsTruncated = p.authorsTruncated || undefined;
  r.ids = ids;
  r.hasCode = p.hasCode || !!p.codeUrl || undefined;
  Object.assign(r, {
    sources: [],
    citationHistory: [],
    idKeys: idKeys(ids),
    titleKey: titleKey(p.title),
    authorIds: [],
    collectionIds: [],
    addedAt: nowMs,
    updatedAt: nowMs,
  } satisfies Omit<PaperRecord, keyof typeof PAPER_FIELDS | 'id'>);
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return r;
}

/**
 * A page less trusted than the record's description (a profile row) keeps its own title and
 * author list on its source, so what it claimed is not lost; a page that agrees (or was used) has none.
 */
function keepOwnVersion(r: PaperRecord, src: PaperSource, p: ScrapedPaper, trust: DescriptionTrust): void {
  delete src.title;
  delete src.authors;
  if (trust >= (r.descTrust ?? DEFAULT_TRUST)) return;
  if (p.title !== r.title) src.title = p.title;
  if (p.authors.length && p.authors.join('\u0000') !== r.authors.join('\u0000')) src.authors = [...p.authors];
}

/** Record this site's sighting on the paper and the citation count history; returns the sighting. */
function addSighting(r: PaperRecord, site: SiteId, url: string, at: string, citations?: number): PaperSource {
  let src = r.sources.find((s) => s.site === site && s.url === url);
  if (src) {
    src.capturedAt = at;
    if (citations !== undefined) src.citations = citations;
  } else {
    src = citations !== undefined ? { site, url, capturedAt: at, citations } : { site, url, capturedAt: at };
    r.sources.push(src);
  }
  if (citations !== undefined) {
    const last = [...r.citationHistory].reverse().find((h) => h.site === site);
    // A count that flips on every re-capture (a page that keeps changing) is recorded at most once
    // per site per day; the current count is always on the paper and its source.
    const recent = last && Date.parse(at) - Date.parse(last.at) < MIN_SNAPSHOT_GAP_MS;
    if (!last || (last.citations !== citations && !recent)) r.citationHistory.push({ at, site, citations });
    if (r.citationHistory.length > CITATION_HISTORY_MAX) r.citationHistory.splice(0, r.citationHistory.length - CITATION_HISTORY_MAX);
  }
  return src;
}

/**
 * Create or update the author behind a site profile. `found` is the current record (from this
 * transaction's working set or the database), if any.
 */
function applyProfile(
  found: AuthorRecord | undefined,
  site: SiteId,
  key: string,
  ref: ScrapedProfileRef & { interests?: string[]; homepage?: string },
  nowMs: number,
  isPageAuthor: boolean,
): AuthorRecord {
  const profile = { site, url: ref.url ?? '', ...(ref.id ? { id: ref.id } : {}) };
  if (!found) {
    const a: AuthorRecord = {
      id: authorIdFor(key),
      name: ref.name,
      nameKey: nameKey(ref.name),
      profiles: profile.url ? [profile] : [],
      profileKeys: [key],
      reported: [],
      paperIds: [],
      addedAt: nowMs,
      updatedAt: nowMs,
    };
    if (ref.affiliation) a.affiliation = ref.affiliation;
    if (ref.interests?.length) a.interests = ref.interests;
    if (ref.homepage) a.homepage = ref.homepage;
    return a;
  }
  const a = { ...found, profiles: [...found.profiles] };
  // The author's own page is authoritative for their name and details; a co-author link is not
  // (it may show "R Manmatha" where the profile says "R. Manmatha").
  if (isPageAuthor) {
    if (ref.name && ref.name !== a.name && !a.otherNames?.includes(a.name)) a.otherNames = [...(a.otherNames ?? []), a.name];
    a.name = ref.name || a.name;
    a.nameKey = nameKey(a.name);
    if (ref.affiliation) a.affiliation = ref.affiliation;
    if (ref.interests?.length) a.interests = ref.interests;
    if (ref.homepage) a.homepage = ref.homepage;
  } else if (!a.affiliation && ref.affiliation) a.affiliation = ref.affiliation;
  const p = a.profiles.find((x) => x.site === site && (x.id ? x.id === profile.id : x.url === profile.url));
  if (p) {
    if (profile.url) p.url = profile.url;
  } else if (profile.url) a.profiles.push(profile);
  return a;
}

function addSnapshot(a: AuthorRecord, snap: ReportedSnapshot): void {
  const last = [...a.reported].reverse().find((s) => s.site === snap.site);
  const { site: _s, url: _u, capturedAt: _c, ...values } = snap;
  if (last) {
    const { site: _ls, url: _lu, capturedAt: lc, ...lastValues } = last;
    const same = JSON.stringify(lastValues) === JSON.stringify(values);
    if (same && Date.parse(snap.capturedAt) - Date.parse(lc) < MIN_SNAPSHOT_GAP_MS) return;
  }
  a.reported.push(snap);
}

/**
 * Store a scrape in one transaction. Returns what changed. Papers without a title are skipped.
 */
export async function saveCapture(db: PaperdexDB, result: ScrapeResult, opts: SaveOptions = {}): Promise<CaptureSummary> {
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  const at = now.toISOString();
  const { site, url } = result;
  const trust = descriptionTrust(site, result.kind);

  return db.transaction('rw', [db.papers, db.authors, db.sources, db.openings], async () => {
    const paperIds: string[] = [];
    let papersNew = 0,
      papersUpdated = 0,
      papersUnchanged = 0;
    const touched = new Map<string, PaperRecord>();
    const authorsByKey = new Map<string, AuthorRecord>();
    const loadAuthor = async (key: string) => authorsByKey.get(key) ?? (await db.authors.where('profileKeys').equals(key).first());

    const known: boolean[] = [];
    const createdHere = new Set<string>();
    const rowIds: (string | undefined)[] = [];
    const statusOf = new Map<string, PaperMark['status']>();
    for (const p of result.papers) {
      if (!p.title?.trim()) {
        known.push(false);
        rowIds.push(undefined);
        continue;
      }
      const found = await findPaper(db, p);
      const existing = found && (touched.get(found.id) ?? found);
      known.push(!!existing && !createdHere.has(existing.id));
      let rec: PaperRecord;
      if (existing) {
        const before = comparable(existing);
        rec = mergePaper(
          { ...existing, sources: existing.sources.map((s) => ({ ...s })), citationHistory: [...existing.citationHistory] },
          p,
          trust,
        );
        if (comparable(rec) !== before) {
          rec.updatedAt = nowMs;
          if (!touched.has(rec.id)) {
            papersUpdated++;
            statusOf.set(rec.id, 'updated');
          }
        } else if (!touched.has(rec.id)) {
          papersUnchanged++;
          statusOf.set(rec.id, 'unchanged');
        }
      } else {
        rec = newPaper(p, paperIdFor(p), nowMs);
        if (trust !== DEFAULT_TRUST) rec.descTrust = trust;
        // A different paper may already hold the derived id (same title, conflicting DOI):
        // derive a distinct one deterministically.
        for (let i = 2; await db.papers.get(rec.id); i++) rec.id = paperIdFor(p) + '-' + i;
        createdHere.add(rec.id);
        statusOf.set(rec.id, 'new');
        papersNew++;
      }
      keepOwnVersion(rec, addSighting(rec, site, url, at, p.citations), p, trust);

      // Linked author profiles next to the paper (e.g. Scholar search results).
      for (const ref of p.authorProfiles ?? []) {
        const key = profileKey(site, ref);
        if (!key || !ref.name) continue;
        const a = applyProfile(await loadAuthor(key), site, key, ref, nowMs, false);
        authorsByKey.set(key, a);
        a.paperIds = union(a.paperIds, [rec.id]) ?? [];
        rec.authorIds = union(rec.authorIds, [a.id]) ?? [];
      }
      touched.set(rec.id, rec);
      // Written now (inside the transaction) so that later rows of the same page find it: a
      // Scholar cluster page lists several versions of one paper.
      await db.papers.put(rec);
      if (!paperIds.includes(rec.id)) paperIds.push(rec.id);
      rowIds.push(rec.id);
    }

    let authorId: string | undefined;
    let authorName: string | undefined;
    if (result.author?.name) {
      const au = result.author;
      const key = profileKey(site, au, url)!;
      const a = applyProfile(await loadAuthor(key), site, key, { ...au, url: au.url ?? url }, nowMs, true);
      authorsByKey.set(key, a);
      addSnapshot(a, { site, url: au.url ?? url, capturedAt: at, ...metricsOf(au.metrics) });
      if (au.coauthors?.length) a.coauthors = au.coauthors;
      a.paperIds = union(a.paperIds, paperIds) ?? [];
      for (const id of paperIds) {
        const r = touched.get(id)!;
        r.authorIds = union(r.authorIds, [a.id]) ?? [];
      }
      authorId = a.id;
      authorName = a.name;
    }

    for (const a of authorsByKey.values()) a.updatedAt = nowMs;
    await db.papers.bulkPut([...touched.values()]);
    await db.authors.bulkPut([...authorsByKey.values()]);

    const row: CaptureRecord = {
      site,
      kind: result.kind,
      url,
      capturedAt: at,
      at: nowMs,
      paperIds,
      papersNew,
      papersUpdated,
      papersUnchanged,
      ...(authorId ? { authorId, authorName } : {}),
      ...(result.query !== undefined ? { query: result.query } : {}),
      ...(opts.visitId ? { visitId: opts.visitId } : {}),
    };
    let captureId: number;
    const prev = opts.visitId ? (await db.sources.where('visitId').equals(opts.visitId).toArray()).find((c) => c.url === url) : undefined;
    if (prev?.id !== undefined) {
      // Same visit, re-scraped: keep one row; counts describe the whole visit.
      row.papersNew += prev.papersNew;
      row.papersUpdated += prev.papersUpdated;
      row.papersUnchanged = Math.max(0, paperIds.length - row.papersNew - row.papersUpdated);
      row.capturedAt = prev.capturedAt;
      row.at = prev.at;
      await db.sources.put({ ...row, id: prev.id });
      captureId = prev.id;
    } else {
      captureId = (await db.sources.add(row)) as number;
      // A visit of a paper's own landing page opens it (re-scrapes of the same visit do not again).
      if (result.kind === 'paper' && paperIds.length) await recordOpened(paperIds[0], nowMs, 'page', db);
    }
    return {
      captureId,
      site,
      kind: result.kind,
      url,
      capturedAt: row.capturedAt,
      authorId,
      authorName,
      paperIds,
      papersFound: paperIds.length,
      papersNew: row.papersNew,
      papersUpdated: row.papersUpdated,
      papersUnchanged: row.papersUnchanged,
      known,
      marks: rowIds.map((id) => (id ? { paperId: id, status: statusOf.get(id) ?? 'unchanged' } : undefined)),
    };
  });
}
