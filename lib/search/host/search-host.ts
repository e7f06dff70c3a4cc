/**
 * The search host: the one place the library's search index lives in memory. In Chrome it runs in
 * an offscreen document (kept alive while the browser runs, unlike the MV3 service worker); in
 * Firefox, in the persistent background page. It loads the persisted index (never rebuilding on
 * open), catches up with papers changed or deleted since it was saved, applies every change
 * incrementally, answers `search` messages, and saves the index again a little after changes.
 *
 * What it has indexed is a position in the library's change sequence (lib/store/changes.ts: every
 * write to papers records one in its own transaction), saved with the index in one transaction.
 * Every `indexChanged` message, and every start, reads the changes after that position together
 * with the papers, in one read transaction. So a message that never arrives (a side panel closed
 * mid-import) or a browser closed before the index was saved costs nothing: the next message or
 * start finds the changes. Never a timestamp: rows carry the time their writer chose (an import's
 * start), not the order they were committed in.
 */
import type { PaperdexDB } from '../../store/db';
import { parseQuery, type QueryWarning } from '../query';
import { PaperIndex } from '../engine';
import type { SearchOptions, SearchResponse } from '../search-types';

/** Key of the persisted index in the `meta` table. */
export const INDEX_META_KEY = 'searchIndex';
/** Key of the change sequence the persisted index holds (saved in the same transaction). */
export const INDEX_SEQ_META_KEY = 'searchIndexSeq';
const PERSIST_DELAY_MS = 15_000;
const BATCH = 2000;

/** Timings of the last start, for the benchmark. */
export interface HostStats {
  loadMs: number;
  catchUpMs: number;
  builtFromScratch: boolean;
  size: number;
  persistedBytes?: number;
  lastPersistMs?: number;
}

export class SearchHost {
  index: PaperIndex | undefined;
  readonly ready: Promise<void>;
  stats: HostStats = { loadMs: 0, catchUpMs: 0, builtFromScratch: false, size: 0 };
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private collections: Map<string, string> | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Every change up to this sequence is in the index. */
  seq = 0;

  constructor(private db: PaperdexDB) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    const t0 = performance.now();
    const [saved, savedSeq] = await this.db.transaction('r', this.db.meta, () =>
      Promise.all([this.db.meta.get(INDEX_META_KEY), this.db.meta.get(INDEX_SEQ_META_KEY)]).then((rows) => rows.map((r) => r?.value)),
    );
    // An index saved without its sequence (before the change log existed) cannot be caught up
    // exactly: rebuild it once.
    let idx = typeof saved === 'string' && typeof savedSeq === 'number' ? PaperIndex.fromJSON(saved) : null;
    this.stats.loadMs = performance.now() - t0;
    const t1 = performance.now();
    if (!idx) {
      // First run, or an index of an older format: build once, in batches.
      idx = new PaperIndex();
      this.stats.builtFromScratch = true;
      // The scan below sees at least every change up to here; later ones are caught up after it.
      this.seq = (await this.db.changes.orderBy('seq').last())?.seq ?? 0;
      let lastKey: string | undefined;
      for (;;) {
        const batch =
          lastKey === undefined
            ? await this.db.papers.orderBy('id').limit(BATCH).toArray()
            : await this.db.papers.where('id').above(lastKey).limit(BATCH).toArray();
        if (!batch.length) break;
        idx.upsert(batch);
        lastKey = batch[batch.length - 1].id;
        await new Promise((r) => setTimeout(r, 0));
      }
    } else this.seq = savedSeq as number;
    // Catch up: papers changed or deleted since the saved sequence (or during the build).
    if ((await this.catchUp(idx)) && !this.stats.builtFromScratch) this.schedulePersist();
    this.stats.catchUpMs = performance.now() - t1;
    this.index = idx;
    this.stats.size = idx.size;
    if (this.stats.builtFromScratch) this.schedulePersist(0);
  }

  /**
   * Apply the changes after {@link seq}, in pages of {@link BATCH}: each page of change rows and
   * their papers is read in one transaction (a consistent snapshot), and the index and `seq` move
   * together, synchronously, so a save never holds one without the other. Returns the changes read.
   */
  private async catchUp(idx: PaperIndex): Promise<number> {
    let n = 0;
    for (;;) {
      const after = this.seq;
      const { rows, papers } = await this.db.transaction('r', this.db.changes, this.db.papers, async () => {
        const rows = await this.db.changes.where('seq').above(after).limit(BATCH).toArray();
        return { rows, papers: await this.db.papers.bulkGet(rows.map((r) => r.paperId)) };
      });
      if (!rows.length) return n;
      idx.remove(rows.filter((_, i) => !papers[i]).map((r) => r.paperId));
      idx.upsert(papers.filter((p): p is NonNullable<typeof p> => !!p));
      this.seq = rows[rows.length - 1].seq;
      n += rows.length;
      if (rows.length < BATCH) return n;
    }
  }

  /**
   * Papers changed: index every change since {@link seq}. The ids say which papers the sender
   * changed; the change log is what is read, so changes whose message was lost are found too.
   * Calls are applied in order; resolves once the index holds the sender's changes.
   */
  update(_ids: string[]): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.ready;
      const idx = this.index!;
      // (collection names are re-read on every message: a collection edit may change no paper)
      this.collections = undefined;
      if (!(await this.catchUp(idx))) return;
      this.stats.size = idx.size;
      this.schedulePersist();
    });
    return this.queue;
  }

  /** Answer a query; before the index is ready, `ready: false` and no hits. */
  async search(
    query: string,
    opts: Omit<SearchOptions, 'collectionIdsByName'> = {},
  ): Promise<SearchResponse & { ready: boolean; warnings: QueryWarning[] }> {
    if (!this.index) return { hits: [], total: 0, prefixes: [], tookMs: 0, ready: false, warnings: [] };
    const q = parseQuery(query);
    if (q.collections.length && !this.collections) {
      const cs = await this.db.collections.toArray();
      this.collections = new Map(cs.map((c) => [c.name.toLowerCase(), c.id]));
    }
    const res = this.index.search(q, { ...opts, collectionIdsByName: this.collections });
    return { ...res, ready: true, warnings: q.warnings };
  }

  private schedulePersist(delay = PERSIST_DELAY_MS): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), delay);
  }

  /** Save the index now. */
  async persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    await this.ready;
    const t = performance.now();
    // Serialised in the same synchronous step as reading seq: the index holds exactly the
    // changes up to it. Both rows in one transaction, so a crash keeps the old pair or the new.
    const json = this.index!.toJSON();
    const seq = this.seq;
    await this.db.transaction('rw', this.db.meta, async () => {
      await this.db.meta.put({ key: INDEX_META_KEY, value: json });
      await this.db.meta.put({ key: INDEX_SEQ_META_KEY, value: seq });
    });
    this.stats.persistedBytes = json.length;
    this.stats.lastPersistMs = performance.now() - t;
  }
}

export { INDEX_VERSION_KEY } from '../index-version';

/**
 * The message handlers a search host answers. Whoever sends `indexChanged` bumps
 * {@link INDEX_VERSION_KEY} once it is answered (offscreen documents have no `storage` API).
 */
export function searchHostHandlers(host: SearchHost) {
  return {
    async search(d: { query: string; sort?: 'relevance' | 'newest' | 'cited'; limit?: number; facets?: boolean }) {
      return host.search(d.query, { sort: d.sort, limit: d.limit, facets: d.facets });
    },
    async indexChanged(d: { ids: string[] }) {
      await host.update(d.ids);
      return { ok: true as const };
    },
    async searchStats() {
      // Chrome's non-standard performance.memory: the host's JS heap, for the benchmark.
      const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
      return { ...host.stats, ready: !!host.index, heapBytes: heap };
    },
  };
}
