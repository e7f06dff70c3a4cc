/**
 * Writing a parsed import file into the library, in chunks of papers (one Dexie transaction each)
 * with progress and cancellation between chunks. Identity is the capture's (lib/core/identity.ts):
 * strong ids first, then title + year ±1 + first author; conflicting strong ids never merge.
 */
import { authorIdFor } from '../../store/capture';
import { freeName } from '../../store/collections';
import type { PaperdexDB } from '../../store/db';
import { canonicalIds, hash64, idKeys, idsConflict, paperIdFor, sameByTitle } from '../../core/identity';
import { nameKey, titleKey } from '../../core/normalize';
import type { AuthorRecord, PaperRecord } from '../../core/types';
import type { ImportOptions, ImportSummary, ParsedImport } from './import-types';
import {
  addTo,
  addToSet,
  byIndex,
  lookupKeysOf,
  mergeAuthorRecord,
  mergePaperRecord,
  mergeUserFields,
  newAuthorRecord,
  newPaperRecord,
  prefer,
  profileKeysOf,
  snapshot,
} from './merge-records';

/** The first of `base-2`, `base-3`, … neither held in this chunk (`held`) nor in the table. */
async function suffixed(base: string, held: (id: string) => boolean, table: { get(id: string): PromiseLike<unknown> }): Promise<string> {
  for (let k = 2; ; k++) {
    const id = `${base}-${k}`;
    if (!held(id) && !(await table.get(id))) return id;
  }
}

/**
 * Write a parsed file into the library. Papers go in chunks, each one Dexie transaction (papers,
 * authors and collections): a chunk's papers, the collections they join (created on first use)
 * and their authors (with links to the chunk's papers only) are written together, so a cancelled
 * import leaves whole chunks and a consistent library. Authors without papers in the file and
 * collections without papers come last. Lookups are by index (strong-id keys, title keys, profile
 * keys, ids), batched per chunk.
 */
export async function importParsed(db: PaperdexDB, parsed: ParsedImport, opts: ImportOptions = {}): Promise<ImportSummary> {
  const nowMs = (opts.now ?? new Date()).getTime();
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
  const papers = parsed.papers;
  const authors = parsed.authors ?? [];
  const total = papers.length;
  // In a Paperdex export, different papers are different records of the exporting library: they
  // may each merge into a paper the library has, but never into one another.
  const distinctInFile = parsed.kind === 'paperdex';

  const fileIndex = new Map<string, number>();
  papers.forEach((p, i) => {
    if (p.id !== undefined && !fileIndex.has(p.id)) fileIndex.set(p.id, i);
  });
  const everyPaper: number[] = [];
  const memberOf = new Map<number, number[]>();
  parsed.collections.forEach((c, ci) => {
    if (!c.paperIds) everyPaper.push(ci);
    else
      for (const id of c.paperIds) {
        const i = fileIndex.get(id);
        if (i !== undefined) addTo(memberOf, i, ci);
      }
  });
  const authorsOf = new Map<number, number[]>();
  authors.forEach((a, ai) => {
    for (const id of a.paperIds) {
      const i = fileIndex.get(id);
      if (i !== undefined) addTo(authorsOf, i, ai);
    }
  });

  const target: string[] = new Array(total);
  const createdPapers = new Set<string>();
  const createdAuthors = new Set<string>();
  const authorTarget = new Map<number, string>();
  const collTarget = new Map<number, { id: string; name: string }>();
  const touched = new Set<string>();
  const summary: ImportSummary = {
    papersNew: 0,
    papersMerged: 0,
    authorsNew: 0,
    authorsMerged: 0,
    collections: [],
    paperIds: [],
    notesReplaced: [],
    cancelled: false,
  };

  async function resolveCollection(ci: number): Promise<{ id: string; name: string }> {
    const done = collTarget.get(ci);
    if (done) return done;
    const c = parsed.collections[ci];
    const same = c.id ? await db.collections.get(c.id) : undefined;
    let out: { id: string; name: string };
    if (same) {
      // The same collection (ids are random per collection): add to it.
      await db.collections.update(same.id, { updatedAt: nowMs });
      out = { id: same.id, name: same.name };
    } else {
      const name = await freeName(db, c.name);
      const id = c.id ?? `c-${hash64(`${name}:${nowMs}:${Math.random()}`)}`;
      const createdAt = c.createdAt ? Date.parse(c.createdAt) : nowMs;
      await db.collections.add({ id, name, createdAt: Number.isNaN(createdAt) ? nowMs : createdAt, updatedAt: nowMs });
      out = { id, name };
    }
    collTarget.set(ci, out);
    if (!summary.collections.some((x) => x.id === out.id)) summary.collections.push(out);
    return out;
  }

  /**
   * Find or create the library authors of these file authors (by profile key, else by id; never
   * one created by this import from another file author), merging the file's details in the first
   * time. Returns the working records (to be linked and written by the caller).
   */
  async function resolveAuthors(ais: number[], working: Map<string, AuthorRecord>, before: Map<string, string>): Promise<void> {
    const hold = (a: AuthorRecord) => {
      if (!working.has(a.id)) {
        working.set(a.id, a);
        before.set(a.id, snapshot(a));
      }
    };
    // Authors resolved by an earlier chunk: their current records.
    const known = [...new Set(ais.filter((ai) => authorTarget.has(ai)).map((ai) => authorTarget.get(ai)!))].filter(
      (id) => !working.has(id),
    );
    if (known.length) for (const a of await db.authors.bulkGet(known)) if (a) hold(a);
    // (one deleted meanwhile is looked up afresh)
    for (const ai of ais) if (authorTarget.has(ai) && !working.has(authorTarget.get(ai)!)) authorTarget.delete(ai);
    const need = ais.filter((ai) => !authorTarget.has(ai));
    if (!need.length) return;
    const keysOf = need.map((ai) => lookupKeysOf(authors[ai]));
    const derivedId = (ai: number) => {
      const k = profileKeysOf(authors[ai])[0];
      return k ? authorIdFor(k) : 'a-' + hash64(`name:${nameKey(authors[ai].name)}:${authors[ai].name}`);
    };
    const allKeys = [...new Set(keysOf.flat())];
    const idCands = [...new Set(need.flatMap((ai) => [authors[ai].id, derivedId(ai)]))];
    const byKey = await byIndex<AuthorRecord>(db.authors, 'profileKeys', allKeys);
    const byId = idCands.length ? await db.authors.bulkGet(idCands) : [];
    const taken = new Set<string>();
    const index = new Map<string, Set<string>>();
    for (const a of [...byKey, ...byId]) if (a) hold(a);
    for (const a of byId) if (a) taken.add(a.id);
    for (const a of working.values()) for (const k of a.profileKeys) addToSet(index, k, a.id);
    for (const a of working.values()) for (const p of a.profiles) addToSet(index, `${p.site}:${p.url}`, a.id);

    for (const [n, ai] of need.entries()) {
      const inc = authors[ai];
      const keys = keysOf[n];
      const incKeys = profileKeysOf(inc);
      // Not one this import created from another file author, nor one the user split from these profiles.
      const eligible = (a: AuthorRecord) => !createdAuthors.has(a.id) && !incKeys.some((k) => a.notSame?.includes(k));
      const cands = new Map<string, AuthorRecord>();
      for (const k of keys)
        for (const id of index.get(k) ?? []) {
          const a = working.get(id);
          if (a && eligible(a)) cands.set(id, a);
        }
      let match = prefer([...cands.values()], inc.id);
      if (!match) {
        const same = working.get(inc.id);
        if (same && eligible(same)) match = same;
      }
      let rec: AuthorRecord;
      if (match) {
        rec = mergeAuthorRecord(match, inc);
        summary.authorsMerged++;
      } else {
        const free = (id: string) => !taken.has(id) && !working.has(id);
        let id = free(inc.id) ? inc.id : derivedId(ai);
        if (!free(id)) id = await suffixed(id, (x) => working.has(x), db.authors);
        rec = newAuthorRecord(inc, id, nowMs);
        createdAuthors.add(id);
        summary.authorsNew++;
      }
      working.set(rec.id, rec);
      authorTarget.set(ai, rec.id);
      for (const k of rec.profileKeys) addToSet(index, k, rec.id);
      for (const p of rec.profiles) addToSet(index, `${p.site}:${p.url}`, rec.id);
    }
  }

  /** Write the working authors that are new or changed. */
  async function putAuthors(working: Map<string, AuthorRecord>, before: Map<string, string>): Promise<void> {
    const out: AuthorRecord[] = [];
    for (const a of working.values()) {
      const b = before.get(a.id);
      if (b === undefined) out.push(a);
      else if (snapshot(a) !== b) {
        a.updatedAt = nowMs;
        out.push(a);
      }
    }
    if (out.length) await db.authors.bulkPut(out);
  }

  async function importChunk(lo: number, hi: number): Promise<string[]> {
    const recs = new Map<string, PaperRecord>();
    const before = new Map<string, string>();
    const byKey = new Map<string, Set<string>>();
    const byTitle = new Map<string, Set<string>>();
    const hold = (r: PaperRecord) => {
      recs.set(r.id, r);
      for (const k of r.idKeys) addToSet(byKey, k, r.id);
      if (r.titleKey) addToSet(byTitle, r.titleKey, r.id);
    };

    const prep = [];
    for (let i = lo; i < hi; i++) {
      const p = papers[i];
      const ids = canonicalIds(p.ids);
      prep.push({ i, p, ids, keys: idKeys(ids), tk: titleKey(p.title), derived: paperIdFor(p) });
    }
    const allKeys = [...new Set(prep.flatMap((x) => x.keys))];
    const allTitles = [...new Set(prep.map((x) => x.tk).filter(Boolean))];
    const idCands = [...new Set(prep.flatMap((x) => (x.p.id ? [x.p.id, x.derived] : [x.derived])))];
    const hitsK = await byIndex<PaperRecord>(db.papers, 'idKeys', allKeys);
    const hitsT = await byIndex<PaperRecord>(db.papers, 'titleKey', allTitles);
    const hitsId = await db.papers.bulkGet(idCands);
    for (const r of [...hitsK, ...hitsT]) {
      if (!recs.has(r.id)) {
        before.set(r.id, snapshot(r));
        hold(r);
      }
    }
    const taken = new Set(hitsId.filter((r): r is PaperRecord => !!r).map((r) => r.id));
    const free = (id: string) => !taken.has(id) && !recs.has(id);
    const eligible = (r: PaperRecord) => !(distinctInFile && createdPapers.has(r.id));
    const chunkTouched = new Set<string>();

    for (const { i, p, ids, keys, tk, derived } of prep) {
      let cands: PaperRecord[] = [];
      const seen = new Set<string>();
      for (const k of keys) {
        for (const id of byKey.get(k) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const r = recs.get(id)!;
          if (eligible(r) && !idsConflict(ids, r.ids)) cands.push(r);
        }
      }
      if (!cands.length && tk)
        cands = [...(byTitle.get(tk) ?? [])].map((id) => recs.get(id)!).filter((r) => eligible(r) && sameByTitle(p, r));
      const match = prefer(cands, p.id);
      let rec: PaperRecord;
      if (match) {
        rec = mergePaperRecord(match, p);
        // The user's layer: tags united, the newer star/status/note kept, an older note kept in the history.
        if (mergeUserFields(rec, p, new Date(nowMs)) !== undefined) summary.notesReplaced.push({ paperId: rec.id, title: rec.title });
        summary.papersMerged++;
      } else {
        let id = p.id !== undefined && free(p.id) ? p.id : derived;
        if (!free(id)) id = await suffixed(derived, (x) => recs.has(x), db.papers);
        rec = newPaperRecord(p, id, nowMs);
        createdPapers.add(id);
        summary.papersNew++;
      }
      hold(rec);
      target[i] = rec.id;
      chunkTouched.add(rec.id);
      if (!touched.has(rec.id)) {
        touched.add(rec.id);
        summary.paperIds.push(rec.id);
      }
    }

    // Collections the chunk's papers join (created on first use, in this transaction).
    for (let i = lo; i < hi; i++) {
      const cis = memberOf.get(i);
      if (!everyPaper.length && !cis) continue;
      const rec = recs.get(target[i])!;
      for (const ci of cis ? [...everyPaper, ...cis] : everyPaper) {
        const c = collTarget.get(ci) ?? (await resolveCollection(ci));
        if (!rec.collectionIds.includes(c.id)) rec.collectionIds.push(c.id);
      }
    }

    // Authors of the chunk's papers, linked both ways.
    const ais = new Set<number>();
    for (let i = lo; i < hi; i++) for (const ai of authorsOf.get(i) ?? []) ais.add(ai);
    const working = new Map<string, AuthorRecord>();
    const aBefore = new Map<string, string>();
    if (ais.size) {
      await resolveAuthors([...ais], working, aBefore);
      const linked = new Map<string, Set<string>>();
      for (let i = lo; i < hi; i++) {
        const rec = recs.get(target[i])!;
        for (const ai of authorsOf.get(i) ?? []) {
          const a = working.get(authorTarget.get(ai)!)!;
          let s = linked.get(a.id);
          if (!s) linked.set(a.id, (s = new Set(a.paperIds)));
          if (!s.has(rec.id)) {
            s.add(rec.id);
            a.paperIds.push(rec.id);
          }
          if (!rec.authorIds.includes(a.id)) rec.authorIds.push(a.id);
        }
      }
    }

    const out: PaperRecord[] = [];
    for (const id of chunkTouched) {
      const r = recs.get(id)!;
      const b = before.get(id);
      if (b === undefined) out.push(r);
      else if (snapshot(r) !== b) {
        r.updatedAt = nowMs;
        out.push(r);
      }
    }
    if (out.length) await db.papers.bulkPut(out);
    await putAuthors(working, aBefore);
    return out.map((r) => r.id);
  }

  const tables = [db.papers, db.authors, db.collections];
  for (let lo = 0; lo < total; lo += chunkSize) {
    if (opts.signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    const hi = Math.min(total, lo + chunkSize);
    // (an async callback: Dexie keeps the transaction open across native awaits only for those)
    const written = await db.transaction('rw', tables, async () => importChunk(lo, hi));
    // (the transaction has committed: the chunk and its change-log rows are on disk)
    if (written.length) await opts.onChunk?.(written);
    opts.onProgress?.(hi, total);
  }
  if (total === 0) opts.onProgress?.(0, 0);

  // Authors with no paper in the file, and collections with none: last, in chunks too.
  if (!summary.cancelled) {
    const rest = authors.map((_, ai) => ai).filter((ai) => !authorTarget.has(ai));
    for (let lo = 0; lo < rest.length; lo += chunkSize) {
      if (opts.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      await db.transaction('rw', tables, async () => {
        const working = new Map<string, AuthorRecord>();
        const before = new Map<string, string>();
        await resolveAuthors(rest.slice(lo, lo + chunkSize), working, before);
        await putAuthors(working, before);
      });
    }
  }
  if (!summary.cancelled) {
    const rest = parsed.collections.map((_, ci) => ci).filter((ci) => !collTarget.has(ci));
    if (rest.length) {
      if (opts.signal?.aborted) summary.cancelled = true;
      else
        await db.transaction('rw', tables, async () => {
          for (const ci of rest) await resolveCollection(ci);
        });
    }
  }
  return summary;
}
