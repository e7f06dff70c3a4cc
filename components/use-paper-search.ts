import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/db';
import { createIndex, searchIndex, upsertPapers, type Hit } from '@/lib/search';
import type { PaperRecord } from '@/lib/types';

/** A search hit joined with its paper. */
export interface PaperHit extends Hit {
  paper: PaperRecord;
}

/**
 * Keeps a MiniSearch index of the library in this page, updated incrementally as papers are
 * added or changed (by captures in other tabs too), and runs `query` against it.
 */
export function usePaperSearch(db: PaperdexDB, query: string, limit = 50) {
  const index = useMemo(() => createIndex(), []);
  const papers = useRef(new Map<string, PaperRecord>());
  const [version, setVersion] = useState(0);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let since = -1;
    const sub = liveQuery(() => db.papers.where('updatedAt').aboveOrEqual(since).toArray()).subscribe({
      next: (changed) => {
        if (!changed.length) {
          setReady(true);
          return;
        }
        for (const p of changed) {
          papers.current.set(p.id, p);
          if (p.updatedAt > since) since = p.updatedAt;
        }
        upsertPapers(index, changed);
        setReady(true);
        setVersion((v) => v + 1);
      },
      error: (e) => console.error('[paperdex] search index update failed', e),
    });
    return () => sub.unsubscribe();
  }, [db, index]);

  const hits: PaperHit[] = useMemo(() => {
    if (!query.trim()) return [];
    return searchIndex(index, query, limit)
      .map((h) => ({ ...h, paper: papers.current.get(h.id)! }))
      .filter((h) => h.paper);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, version, limit]);

  return { hits, ready, size: papers.current.size };
}
