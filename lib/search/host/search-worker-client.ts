/**
 * The offscreen document's side of the search worker: message handlers that forward validated
 * requests to the worker (lib/search/host/search-worker.ts) and resolve with its answers.
 */
import type { searchHostHandlers } from './search-host';

type Handlers = ReturnType<typeof searchHostHandlers>;

/** Handlers for `registerHandlers` that run each request in the worker. */
export function workerClientHandlers(worker: Worker): Handlers {
  let seq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.error !== undefined) p.reject(new Error(e.data.error));
    else p.resolve(e.data.result);
  };
  const call = <T>(type: keyof Handlers, data: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, type, data });
    });
  return {
    search: (d) => call('search', d),
    indexChanged: (d) => call('indexChanged', d),
    searchStats: () => call('searchStats', {}),
  } as Handlers;
}
