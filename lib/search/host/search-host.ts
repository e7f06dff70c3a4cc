/**
 * The search host: the one place the library's search index lives in memory. In Chrome it runs in
 * an offscreen document (kept alive while the browser runs, unlike the MV3 service worker); in
 * Firefox, in the persistent background page. It loads the persisted index (never rebuilding on
 * open), catches up with papers changed or deleted since it was saved, applies every change
 * incrementally, answers `search` messages, and saves the index again a little after changes.
 */
import type { PaperdexDB } from '../../store/db';
import { parseQuery } from '../query';
import { PaperIndex } from '../engine';
import type { SearchOptions, SearchResponse } from '../search-types';

/** Key of the persisted index in the `meta` table. */
export const INDEX_META_KEY = 'searchIndex';
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

  constructor(private db: PaperdexDB) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    const t0 = performance.now();
    const saved = (await this.db.meta.get(INDEX_META_KEY))?.value;
    let idx = typeof saved === 'string' ? PaperIndex.fromJSON(saved) : null;
    this.stats.loadMs = performance.now() - t0;
    const t1 = performance.now();
    if (!idx) {
      // First run, or an index of an older format: build once, in batches.
      idx = new PaperIndex();
      this.stats.builtFromScratch = true;
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
    } else {
      // Catch up: papers changed since the index was saved, and papers deleted since.
      const changed = await this.db.papers.where('updatedAt').above(idx.stamp).toArray();
      idx.upsert(changed);
      const live = new Set(await this.db.papers.toCollection().primaryKeys());
      const gone = [...idx.ids()].filter((id) => !live.has(id));
      idx.remove(gone);
      if (changed.length || gone.length) this.schedulePersist();
    }
    this.stats.catchUpMs = performance.now() - t1;
    this.index = idx;
    this.stats.size = idx.size;
    if (this.stats.builtFromScratch) this.schedulePersist(0);
  }

  /** Re-read these papers (added, changed or deleted) into the index. Calls are applied in order. */
  update(ids: string[]): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.ready;
      const idx = this.index!;
      const got = await this.db.papers.bulkGet(ids);
      idx.upsert(got.filter((p): p is NonNullable<typeof p> => !!p));
      idx.remove(ids.filter((_, i) => !got[i]));
      this.collections = undefined;
      this.stats.size = idx.size;
      this.schedulePersist();
    });
    return this.queue;
  }

  /** Answer a query; before the index is ready, `ready: false` and no hits. */
  async search(
    query: string,
    opts: Omit<SearchOptions, 'collectionIdsByName'> = {},
  ): Promise<SearchResponse & { ready: boolean; warnings: string[] }> {
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
    const json = this.index!.toJSON();
    await this.db.meta.put({ key: INDEX_META_KEY, value: json });
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
