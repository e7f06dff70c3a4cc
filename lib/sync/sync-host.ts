/**
 * The page side of the sync worker (lib/sync/sync-worker.ts): starts it once in this context
 * (Chrome's offscreen document, Firefox's background page), hands it configurations, and passes
 * on what it wrote. No extension API here: the caller says where the worker script is.
 */
import type { FromSyncWorker, ToSyncWorker } from './sync-worker';
import type { SyncConfig } from './sync-types';

/** A running sync worker. */
export interface SyncHost {
  /** Apply a configuration (null: off); `now`: sync at once. */
  run(config: SyncConfig | null, now?: boolean): void;
}

/** Start the sync worker from `scriptUrl`; `onApplied` hears of records written from the server. */
export function startSyncHost(scriptUrl: string, onApplied: (ids: string[], settings: boolean) => void): SyncHost {
  const worker = new Worker(scriptUrl);
  worker.onmessage = (e: MessageEvent<FromSyncWorker>) => {
    if (e.data?.type === 'applied') onApplied(e.data.ids, e.data.settings);
  };
  return {
    run(config, now) {
      worker.postMessage({ type: 'run', config, now } satisfies ToSyncWorker);
    },
  };
}
