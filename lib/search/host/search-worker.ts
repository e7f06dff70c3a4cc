/**
 * The search host's thread (a dedicated worker started by Chrome's offscreen document): the index
 * and every query run here, so index work and garbage collection of a large index never stall the
 * extension's pages, which share one main thread with the offscreen document. Requests arrive
 * already validated by the offscreen document's message registry.
 */
import { getDb } from '../../store/db';
import { SearchHost, searchHostHandlers } from './search-host';

type Handlers = ReturnType<typeof searchHostHandlers>;

/** Start answering the offscreen document's requests. */
export function startSearchWorker(): void {
  const handlers: Handlers = searchHostHandlers(new SearchHost(getDb()));
  self.onmessage = async (e: MessageEvent<{ id: number; type: keyof Handlers; data: never }>) => {
    const { id, type, data } = e.data;
    try {
      const result = await (handlers[type] as (d: never) => Promise<unknown>)(data);
      (self as unknown as Worker).postMessage({ id, result });
    } catch (err) {
      (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
}
