import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PaperdexDB } from '@/lib/store/db';
import { sendMessage } from '@/lib/messaging/messaging';
import { foldText } from '@/lib/core/normalize';
import type { Facets, SortOrder } from '@/lib/search/search-types';
import { INDEX_VERSION_KEY } from '@/lib/search/index-version';
import type { PaperRecord } from '@/lib/core/types';
import { parseQuery, type QueryWarning } from '@/lib/search/query';
import { t, tn } from '@/lib/i18n/i18n';

/** A search hit joined with its paper. */
export interface PaperHit {
  id: string;
  terms: string[];
  paper: PaperRecord;
}

export interface SearchState {
  hits: PaperHit[];
  total: number;
  facets?: Facets;
  /** Words being typed, highlighted as prefixes. */
  prefixes: string[];
  /** Problems with the query's filters (worded by {@link warningText}). */
  warnings: QueryWarning[];
  /** Results come from the quick title match while the search host starts. */
  quick: boolean;
  /** A query has been answered at least once. */
  answered: boolean;
  tookMs?: number;
}

const EMPTY: SearchState = { hits: [], total: 0, prefixes: [], warnings: [], quick: false, answered: false };

/** While the search host is starting: papers whose title starts with the query (a Dexie index). */
async function quickMatch(db: PaperdexDB, query: string, limit: number): Promise<PaperHit[]> {
  const k = foldText(query);
  if (!k) return [];
  const papers = await db.papers.where('titleKey').startsWith(k).limit(limit).toArray();
  return papers.map((p) => ({ id: p.id, terms: [], paper: p }));
}

/**
 * Search the library through the search host as the user types. Stale answers are dropped; the
 * query re-runs when the index changes (a capture in another tab), so new papers show up without
 * reopening anything.
 */
export function useSearch(db: PaperdexDB, query: string, opts: { sort?: SortOrder; limit?: number; facets?: boolean } = {}): SearchState {
  const [state, setState] = useState<SearchState>(EMPTY);
  const [indexVersion, setIndexVersion] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && changes[INDEX_VERSION_KEY]) setIndexVersion((v) => v + 1);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    const my = ++seq.current;
    const limit = opts.limit ?? 50;
    if (!query.trim()) {
      setState(EMPTY);
      return;
    }
    let retry: ReturnType<typeof setTimeout> | undefined;
    const run = async (attempt: number) => {
      try {
        const res = await sendMessage('search', { query, sort: opts.sort, limit, facets: opts.facets });
        if (my !== seq.current) return;
        if (!res || !res.ready) throw new Error('search host not ready');
        const papers = await db.papers.bulkGet(res.hits.map((h) => h.id));
        if (my !== seq.current) return;
        const hits: PaperHit[] = [];
        res.hits.forEach((h, i) => {
          const p = papers[i];
          if (p) hits.push({ id: h.id, terms: h.terms, paper: p });
        });
        setState({
          hits,
          total: res.total,
          facets: res.facets,
          prefixes: res.prefixes,
          warnings: [],
          quick: false,
          answered: true,
          tookMs: res.tookMs,
        });
      } catch {
        if (my !== seq.current) return;
        // No host answered yet (browser just started, or Chrome closed it): quick results now,
        // ask the background to start the host, and try again shortly.
        const hits = await quickMatch(db, query, limit);
        if (my !== seq.current) return;
        setState({ ...EMPTY, hits, total: hits.length, quick: true, answered: true });
        if (attempt === 0) void sendMessage('ensureSearchHost', {}).catch(() => undefined);
        if (attempt < 20) retry = setTimeout(() => void run(attempt + 1), 250 * Math.min(attempt + 1, 4));
      }
    };
    void run(0);
    return () => {
      if (retry) clearTimeout(retry);
    };
  }, [db, query, opts.sort, opts.limit, opts.facets, indexVersion]);

  // The query's problems come from parsing it here (pure and cheap), not from the host's answer: they
  // show while the host starts too, and in the user's language.
  const warnings = useMemo(() => (query.trim() ? parseQuery(query).warnings : []), [query]);
  return useMemo(() => ({ ...state, warnings }), [state, warnings]);
}

/** A query warning in the user's language: "year:abc is not a year or range (e.g. year:2019, year:2018..2021)". */
export function warningText(w: QueryWarning): string {
  const allowed = (w.allowed ?? []).join(', ');
  switch (w.code) {
    case 'has':
      return t('search_warnHas', { value: w.value, allowed });
    case 'is':
      return t('search_warnIs', { value: w.value });
    case 'status':
      return t('search_warnStatus', { value: w.value, allowed });
    case 'year':
      return t('search_warnYear', { value: w.value });
  }
}

/**
 * What a search found, in a sentence for the results' live region (./ResultList `ResultStatus`):
 * "12 results", "No papers match “…”.", the quick-match note, and the query's warnings. Empty while
 * nothing has been answered (or there is no query).
 */
export function searchStatusText(res: SearchState, query: string): string {
  const q = query.trim();
  if (!q || !res.answered) return '';
  const found = res.quick ? t('results_quick') : res.total ? tn('results_count', res.total) : t('results_noMatch', { query: q });
  return [found, ...res.warnings.map(warningText)].join(' ');
}
