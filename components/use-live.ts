import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribe to a Dexie live query: re-runs when the tables it read change, in this page or in
 * any other extension context (captures written by the background show up without a reload).
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue(v),
      error: (e) => console.error('[paperdex] live query failed', e),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
