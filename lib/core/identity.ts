/**
 * Paper and author identity: the index keys a paper is found by, when two records are the same
 * paper, and how two descriptions of one paper merge field by field. Pure.
 *
 * Order of evidence: strong ids (DOI, version-free arXiv id, OpenReview id, Semantic Scholar id,
 * ACL Anthology id, DBLP key, Scholar cluster id), then normalised title + year ±1 + first-author
 * surname. Two papers whose DOI / arXiv / OpenReview / S2 / ACL ids disagree are never merged.
 * DBLP keys and Scholar ids are not "conflicting" evidence: one paper legitimately has several
 * (a CoRR preprint key and a conference key; a profile citation id and a cluster id).
 */
import type { PageKind, PaperIds, PaperRecord, ScrapedPaper, SiteId } from './types';
import { cleanNote, cleanTags, fieldNames, MAX_NOTE_HISTORY, PAPER_FIELDS, type MergeRule, type UserLayer } from './fields';
import { surname, titleKey } from './normalize';

/** Id kinds of which one paper has exactly one value: disagreement means different papers. */
const EXCLUSIVE: (keyof PaperIds)[] = ['doi', 'arxiv', 'openreview', 's2', 'acl', 'pmid', 'pmcid'];
/**
 * Every id kind of lib/core/fields.ts, strongest evidence first: a paper's id derives from its
 * first key ({@link paperIdFor}), so this order is part of every stored paper id.
 */
const ALL_ID_KINDS = [
  'doi',
  'arxiv',
  'openreview',
  's2',
  'acl',
  'pmid',
  'pmcid',
  'dblp',
  'scholar',
] as const satisfies readonly (keyof PaperIds)[];
// A new id kind must be placed in the order above (compile error until it is).
const everyIdKind: [Exclude<keyof PaperIds, (typeof ALL_ID_KINDS)[number]>] extends [never] ? true : never = true;
void everyIdKind;

/** arXiv's own DOIs (10.48550/arXiv.2301.00001) name the preprint: turn them into arXiv ids. */
export function canonicalIds(ids: PaperIds | undefined): PaperIds {
  const out: PaperIds = { ...(ids ?? {}) };
  const m = out.doi?.match(/^10\.48550\/arxiv\.(.+)$/i);
  if (m) {
    out.arxiv ??= m[1].replace(/v\d+$/, '');
    delete out.doi;
  }
  for (const k of ALL_ID_KINDS) if (!out[k]) delete out[k];
  return out;
}

/** Index keys for a set of ids: `doi:10.1/x`, `arxiv:2301.00001`, ... */
export function idKeys(ids: PaperIds): string[] {
  const keys: string[] = [];
  for (const k of ALL_ID_KINDS) {
    const v = ids[k];
    if (v) keys.push(`${k}:${k === 'doi' ? v.toLowerCase() : v}`);
  }
  return keys;
}

/** True when two id sets name different papers (an exclusive id kind with different values). */
export function idsConflict(a: PaperIds, b: PaperIds): boolean {
  return EXCLUSIVE.some((k) => a[k] && b[k] && a[k]!.toLowerCase() !== b[k]!.toLowerCase());
}

/**
 * Whether a scraped paper and a stored one are the same paper on title evidence alone: equal
 * normalised titles, years within one (preprint vs publication), same first-author surname when
 * both are known, and no conflicting strong id.
 */
export function sameByTitle(p: Pick<ScrapedPaper, 'title' | 'year' | 'authors' | 'ids'>, r: PaperRecord): boolean {
  if (!r.titleKey || titleKey(p.title) !== r.titleKey) return false;
  if (p.year && r.year && Math.abs(p.year - r.year) > 1) return false;
  // Double-blind venues list "Anonymous" (https://openreview.net/group?id=ICLR.cc/2019/Conference):
  // no author evidence either way.
  const named = (x: string | undefined) => (x && !/^anonymous\b/i.test(x.trim()) ? x : undefined);
  const a = named(p.authors[0]),
    b = named(r.authors[0]);
  if (a && b && surname(a) !== surname(b)) return false;
  return !idsConflict(canonicalIds(p.ids), r.ids);
}

/** 64-bit FNV-1a hash of a string, as 16 hex digits. Stable ids across machines and exports. */
export function hash64(s: string): string {
  let h1 = 0x811c9dc5 | 0,
    h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 7);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** A stable paper id derived from its first strong key, else its title key + year. */
export function paperIdFor(p: Pick<ScrapedPaper, 'title' | 'year' | 'ids'>): string {
  const keys = idKeys(canonicalIds(p.ids));
  return 'p-' + hash64(keys[0] ?? `t:${titleKey(p.title)}:${p.year ?? ''}`);
}

const PREPRINT_VENUE = /^(arxiv|corr|biorxiv|medrxiv|ssrn|preprint)\b|arxiv preprint|\bpreprint\b|^openreview\b|submitted to/i;

/** True for venues that name a preprint server rather than a publication. */
export function isPreprintVenue(v: string | undefined): boolean {
  return !!v && PREPRINT_VENUE.test(v.trim());
}

const looksCut = (s: string | undefined) => !!s && /(…|\.\.\.)\s*$|^\s*(…|\.\.\.)/.test(s);

/** Choose between two values of a text field: a complete value beats a cut one ("…"), then longer wins. */
function richer(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  if (looksCut(a) !== looksCut(b)) return looksCut(a) ? b : a;
  return b.length > a.length ? b : a;
}

/** Choose the better author list: a complete list beats a truncated one, then more names, then fuller names. */
export function betterAuthors(
  a: { authors: string[]; truncated?: boolean },
  b: { authors: string[]; truncated?: boolean },
): { authors: string[]; truncated?: boolean } {
  if (!a.authors.length) return b;
  if (!b.authors.length) return a;
  if (!!a.truncated !== !!b.truncated) return a.truncated ? b : a;
  if (a.authors.length !== b.authors.length) return b.authors.length > a.authors.length ? b : a;
  const len = (x: string[]) => x.join('').replace(/[.\s]/g, '').length;
  return len(b.authors) > len(a.authors) ? b : a;
}

/** Union of two string lists, first-seen order, case-insensitive. */
export function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of [...(a ?? []), ...(b ?? [])]) {
    const k = x.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out.length ? out : undefined;
}

/**
 * How far a page's description of a paper (its title and author list) is trusted: 0 a row of a
 * profile its owner edits (Google Scholar and Semantic Scholar author pages, ORCID works, other
 * author pages), 1 search results and aggregators (the default, also for imports), 2 an
 * authoritative source (arXiv, OpenReview, the ACL Anthology, DBLP, the publisher's or
 * proceedings' own page). A Scholar profile row claiming arXiv 1706.03762 with invented
 * co-authors once rewrote the stored author list; now its version stays in that source only.
 */
export type DescriptionTrust = 0 | 1 | 2;
/** Trust of a description whose origin is unknown (records stored before trust was kept, imports). */
export const DEFAULT_TRUST: DescriptionTrust = 1;

const AUTHORITATIVE = new Set<SiteId>(['arxiv', 'openreview', 'acl-anthology', 'dblp']);
const AGGREGATORS = new Set<SiteId>(['google-scholar', 'semantic-scholar', 'paper-search', 'generic', 'author-profile', 'orcid']);

/** The trust of a page's paper descriptions, by its site and kind. */
export function descriptionTrust(site: SiteId, kind: PageKind): DescriptionTrust {
  if (AUTHORITATIVE.has(site)) return 2;
  if (kind === 'author' && AGGREGATORS.has(site)) return 0;
  if (AGGREGATORS.has(site)) return 1;
  // Publisher and proceedings adapters (lib/scrapers/sites): the paper's own record.
  return 2;
}

/** The merge of the fields whose rule in lib/core/fields.ts is not `custom`. */
const MERGE: Record<Exclude<MergeRule, 'custom'>, (stored: unknown, incoming: unknown) => unknown> = {
  keep: (a, b) => a ?? b,
  newest: (a, b) => b ?? a,
  richer: (a, b) => richer(a as string | undefined, b as string | undefined),
  union: (a, b) => union(a as string[] | undefined, b as string[] | undefined),
};

/**
 * Merge a newly scraped description into a stored paper, field by field, each by its rule in
 * lib/core/fields.ts (`custom` ones here). Returns the updated record (a new object) — the caller
 * adds sources/history. Citations: the newest capture wins. The user's own layer (USER_FIELDS: star,
 * status, tags, note) is the stored record's, whatever `p` holds: a page never sets it.
 * `trustOf`: how far the page is trusted (descriptionTrust); a less trusted page never replaces the
 * stored title and authors. Omitted (imports): as trusted as the stored description.
 */
export function mergePaper(r: PaperRecord, p: ScrapedPaper, trustOf?: DescriptionTrust): PaperRecord {
  const ids = canonicalIds({ ...canonicalIds(p.ids), ...r.ids });
  // Title and authors: a less trusted page (a row of a user-editable profile) never replaces what a
  // more trusted one (the paper's own page on arXiv, OpenReview, ACL, DBLP, a publisher) said; a
  // more trusted page replaces a less trusted one's, even with a shorter list.
  // Without a trust (an import: the file does not say where its descriptions came from) the
  // description counts as trusted as the stored one.
  const stored = r.descTrust ?? DEFAULT_TRUST;
  const trust = trustOf ?? stored;
  const fromPdfStub = r.incomplete === 'pdf';
  const cmp = fromPdfStub ? 1 : Math.sign(trust - stored);
  const auth =
    cmp < 0
      ? { authors: r.authors, truncated: r.authorsTruncated }
      : cmp > 0 && p.authors.length
        ? { authors: p.authors, truncated: p.authorsTruncated }
        : betterAuthors({ authors: r.authors, truncated: r.authorsTruncated }, { authors: p.authors, truncated: p.authorsTruncated });
  let venue = r.venue;
  if (!venue || (isPreprintVenue(venue) && p.venue && !isPreprintVenue(p.venue))) venue = p.venue ?? venue;
  else if (p.venue && !isPreprintVenue(p.venue) && looksCut(venue) && !looksCut(p.venue)) venue = p.venue;
  const custom: Partial<Record<keyof typeof PAPER_FIELDS, unknown>> = {
    // (A cut title never replaces a whole one, whoever sends it.)
    title:
      fromPdfStub || (cmp > 0 && !(looksCut(p.title) && !looksCut(r.title))) || (cmp === 0 && looksCut(r.title) && !looksCut(p.title))
        ? p.title
        : r.title,
    authors: auth.authors,
    authorsTruncated: auth.truncated || undefined,
    venue,
    venueTruncated: venue === p.venue ? p.venueTruncated : venue === r.venue ? r.venueTruncated : undefined,
    ids,
    hasCode: r.hasCode || p.hasCode || !!(r.codeUrl ?? p.codeUrl) || undefined,
  };
  const out: PaperRecord = { ...r };
  const o = out as Record<string, unknown>;
  for (const k of fieldNames(PAPER_FIELDS)) {
    const rule = PAPER_FIELDS[k].merge;
    if (rule !== 'custom') o[k] = MERGE[rule](r[k], p[k]);
    else if (k in custom) o[k] = custom[k];
    else throw new Error(`mergePaper: no merge for the custom field ${k}`);
  }
  out.titleKey = out.title === r.title && r.titleKey ? r.titleKey : titleKey(out.title);
  out.descTrust = fromPdfStub ? trust : (Math.max(stored, trust) as DescriptionTrust);
  if (out.descTrust === DEFAULT_TRUST) delete out.descTrust;
  delete out.incomplete;
  out.idKeys = union(r.idKeys, idKeys(canonicalIds(p.ids))) ?? [];
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return out;
}

// ---------------------------------------------------------------------------------------------
// The user's own layer (lib/core/fields.ts USER_FIELDS), merged on import

const timeOf = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
};

/** What {@link mergeUserLayer} made of two layers. */
export interface UserLayerMerge {
  /** The merged layer (only the fields that hold something). */
  layer: UserLayer;
  /** The note that lost to a newer one and went to `noteHistory` in this merge. */
  replacedNote?: string;
}

/**
 * Merge the user's layer of an imported paper (`incoming`) into the library's (`have`):
 * - tags: the union (the library's first; one tag per spelling ignoring case);
 * - star and reading status: those of the newer layer by `userUpdatedAt` (an absent star or status
 *   of the newer layer means "not starred" / "no status"); a layer without `userUpdatedAt` (never
 *   set in Paperdex, or from a BibTeX file) is older than any dated one, and a library paper the user
 *   never touched takes the file's;
 * - note: the newer layer's; when both hold different notes, the other one goes to `noteHistory`
 *   (dated by its layer, else `now`) and is returned as `replacedNote`, so no note is ever lost;
 * - noteHistory: both histories united, oldest first, the newest {@link MAX_NOTE_HISTORY} kept;
 * - userUpdatedAt: the later of the two.
 * Pure; the inputs are not modified.
 */
export function mergeUserLayer(have: UserLayer, incoming: UserLayer, now: Date = new Date()): UserLayerMerge {
  const tHave = timeOf(have.userUpdatedAt);
  const tInc = timeOf(incoming.userUpdatedAt);
  const incNewer = tInc > tHave;
  const untouched = have.userUpdatedAt === undefined;
  const pick = <K extends 'starred' | 'status'>(k: K): UserLayer[K] =>
    incNewer ? incoming[k] : untouched ? (have[k] ?? incoming[k]) : have[k];
  const out: UserLayer = {};
  if (pick('starred')) out.starred = true;
  const status = pick('status');
  if (status) out.status = status;
  const tags = cleanTags([...(have.tags ?? []), ...(incoming.tags ?? [])]);
  if (tags.length) out.tags = tags;

  const history = [...(have.noteHistory ?? []), ...(incoming.noteHistory ?? [])];
  const a = have.note ? cleanNote(have.note) : '';
  const b = incoming.note ? cleanNote(incoming.note) : '';
  let replacedNote: string | undefined;
  let note = a || b;
  if (a && b && a.trim() !== b.trim()) {
    note = incNewer ? b : a;
    replacedNote = incNewer ? a : b;
    const at = incNewer ? have.userUpdatedAt : incoming.userUpdatedAt;
    history.push({ note: replacedNote, at: at && timeOf(at) > -Infinity ? at : now.toISOString() });
  }
  if (note) out.note = note;
  const seen = new Set<string>();
  const united = history
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => {
      const k = `${h.at}\u0000${h.note}`;
      if (!h.note || h.note === note || seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => timeOf(x.h.at) - timeOf(y.h.at) || x.i - y.i)
    .map(({ h }) => ({ note: h.note, at: h.at }))
    .slice(-MAX_NOTE_HISTORY);
  if (united.length) out.noteHistory = united;
  const stamp = tInc > tHave ? incoming.userUpdatedAt : have.userUpdatedAt;
  if (stamp) out.userUpdatedAt = stamp;
  return replacedNote === undefined ? { layer: out } : { layer: out, replacedNote };
}
