import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PaperdexDB } from '@/lib/store/db';
import { libraryCounts } from '@/lib/store/library';
import { getTabState, samePage, type TabState } from '@/lib/store/tab-state';
import { captureTabNow } from '@/lib/ui/capture-now';
import { openSidePanel } from '@/lib/ui/ui-actions';
import { PageStatus } from './PageStatus';
import { ResultList, openPaper, useResultKeys } from './ResultList';
import { PaperActions } from './PaperActions';
import { SearchBox } from './SearchBox';
import { AuthorHits } from './AuthorHits';
import { fmtWhen, plural } from './format';
import { recentlyCaptured, recentlyOpened, type RecentPaper } from '@/lib/store/openings';
import { useLive } from './use-live';
import { QueryHelp } from './QueryHelp';
import { ExportMenu } from './ExportMenu';
import { exportCollectionFile } from '@/lib/interchange/export-files';
import { ALL_PAPERS } from '@/lib/interchange/export';
import type { CollectionRecord } from '@/lib/core/types';
import { useSearch } from './use-search';

/** The tab the popup is about. `url` and `title` are known where Paperdex may see them (activeTab). */
interface TargetTab {
  id?: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/** The tab the popup is about: `?tabId=` when given, else the active tab of this window. */
async function targetTab(): Promise<TargetTab> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) {
    const id = Number(param);
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return { id, windowId: tab?.windowId, url: tab?.url, title: tab?.title };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, windowId: tab?.windowId, url: tab?.url, title: tab?.title };
}

/** The toolbar popup: this page's capture, and instant search over everything collected. */
export function PopupApp({ db }: { db: PaperdexDB }) {
  const [query, setQuery] = useState('');
  const [tab, setTab] = useState<TargetTab>({});
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const counts = useLive(() => libraryCounts(db), [db], { papers: 0, authors: 0 });
  const res = useSearch(db, query, { limit: 30 });
  const hits = res.hits;
  const { active, onKey } = useResultKeys(hits.length, (i) => openPaper(hits[i].paper));
  const [capturing, setCapturing] = useState(false);
  // The empty search box's lists; the page the card already lists is not repeated under "captured".
  const stateUrl = state?.summary ? state.url : undefined;
  const opened = useLive(() => recentlyOpened(RECENT_SHOWN, db), [db], [] as RecentPaper[]);
  const captured = useLive(
    () => recentlyCaptured(RECENT_SHOWN, db, stateUrl ? (u) => samePage(u, stateUrl) : undefined),
    [db, stateUrl],
    [] as RecentPaper[],
  );
  const recent = [...opened, ...captured];
  const [recentActive, setRecentActive] = useState(-1);
  useEffect(() => setRecentActive(-1), [recent.length, query]);
  /** ↑/↓ move through the recent lists (none is selected until then), Enter opens. */
  const onRecentKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && recent.length) {
      e.preventDefault();
      setRecentActive((a) => Math.min(recent.length - 1, a + 1));
    } else if (e.key === 'ArrowUp' && recent.length) {
      e.preventDefault();
      setRecentActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && recent[recentActive]) {
      e.preventDefault();
      openPaper(recent[recentActive].paper);
    }
  };

  async function captureNow() {
    if (tab.id === undefined) return;
    setCapturing(true);
    try {
      await captureTabNow(tab.id);
      setState((await getTabState(tab.id, tab.url)) ?? null);
    } catch (e) {
      setState({
        url: '',
        found: 0,
        updatedAt: Date.now(),
        errors: [`This page can't be captured: ${e instanceof Error ? e.message : String(e)}`],
      });
    } finally {
      setCapturing(false);
    }
  }

  // First meaningful frame (search box + page card) committed: mark the frame that shows it, for
  // the benchmark. A layout effect runs right after the first commit (a plain effect waits a frame).
  useLayoutEffect(() => {
    requestAnimationFrame(() => performance.mark('paperdex:first-render'));
  }, []);

  useEffect(() => {
    let alive = true;
    void targetTab().then(async (t) => {
      if (!alive) return;
      setTab(t);
      // A state about another page (the tab moved on) is no state: the popup is about this page.
      setState(t.id !== undefined ? ((await getTabState(t.id, t.url)) ?? null) : null);
    });
    // Captures keep arriving while the popup is open (e.g. "Show more" on a profile).
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session') return;
      void targetTab().then(async (t) => {
        if (alive && t.id !== undefined && changes[`tab:${t.id}`]) setState((await getTabState(t.id, t.url)) ?? null);
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  return (
    <div class="popup">
      <header class="topbar">
        <div class="brand">
          <img src="/icon/32.png" alt="" />
          Paperdex
        </div>
        <button type="button" class="btn" onClick={() => void openSidePanel(tab.windowId).then(() => window.close())}>
          Open side panel
        </button>
      </header>
      <div class="popup-body">
        <div class="search-row">
          <SearchBox
            value={query}
            onInput={setQuery}
            controls="results"
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              } else if (query.trim()) onKey(e);
              else onRecentKey(e);
            }}
          />
          <QueryHelp />
        </div>
        {query.trim() ? (
          <div class="popup-results" aria-live="polite">
            {res.warnings.map((w) => (
              <div class="error" role="alert" key={w}>
                {w}
              </div>
            ))}
            {res.quick && <div class="small faint">Quick title matches — full search is starting…</div>}
            <AuthorHits db={db} query={query} />
            {hits.length ? (
              <ResultList
                hits={hits}
                active={active}
                prefixes={res.prefixes}
                // Each result's actions: Star, and the ⋯ menu (your status, tags, note; collections; delete).
                renderActions={(p) => <PaperActions db={db} paper={p} onDeleted={() => undefined} />}
              />
            ) : (
              <div class="empty">{res.answered ? `No papers match “${query.trim()}”.` : 'Searching…'}</div>
            )}
          </div>
        ) : (
          <>
            <PageStatus
              db={db}
              state={state}
              page={tab}
              onCapture={tab.id !== undefined ? () => void captureNow() : undefined}
              capturing={capturing}
            />
            <RecentList id="recent-opened" label="Recently opened" items={opened} active={recentActive} verb="opened" />
            <RecentList
              id="recent-captured"
              label="Recently captured"
              items={captured}
              active={recentActive - opened.length}
              verb="captured"
            />
            <div class="small faint library-line">
              {counts.papers
                ? `${plural(counts.papers, 'paper')} · ${plural(counts.authors, 'author')} in your library`
                : 'Your library is empty.'}
            </div>
            {counts.papers > 0 && <PopupExport db={db} />}
          </>
        )}
      </div>
    </div>
  );
}

/** Papers in each of the empty search box's lists. */
const RECENT_SHOWN = 5;

const HOW_LABEL = { result: 'opened', page: 'visited', pdf: 'PDF opened' } as const;

/** "Recently opened" / "Recently captured": a few papers, newest first, each opening like a search result. */
function RecentList({
  id,
  label,
  items,
  active,
  verb,
}: {
  id: string;
  label: string;
  items: RecentPaper[];
  /** Index of the keyboard-selected item in this list (out of range: none). */
  active: number;
  verb: string;
}) {
  if (!items.length) return null;
  const hits = items.map((r) => ({ id: r.paper.id, terms: [], paper: r.paper }));
  const when = new Map(items.map((r) => [r.paper.id, r]));
  return (
    <section class="recent" aria-labelledby={`${id}-h`} data-testid={id}>
      <h2 class="recent-h" id={`${id}-h`}>
        {label}
      </h2>
      <ResultList
        id={id}
        label={label}
        hits={hits}
        active={active}
        renderActions={(p) => {
          const r = when.get(p.id)!;
          return (
            <span class="recent-when small faint">
              {r.how ? HOW_LABEL[r.how] : verb} {fmtWhen(new Date(r.at).toISOString())}
            </span>
          );
        }}
      />
    </section>
  );
}

/** Export the current collection from the popup (the last one chosen is remembered). */
function PopupExport({ db }: { db: PaperdexDB }) {
  const collections = useLive(() => db.collections.orderBy('name').toArray(), [db], [] as CollectionRecord[]);
  const [current, setCurrent] = useState<string>(() => localStorage.getItem('paperdex:popup-collection') ?? ALL_PAPERS.id);
  const id = current === ALL_PAPERS.id || collections.some((c) => c.id === current) ? current : ALL_PAPERS.id;
  return (
    <section class="popup-export" aria-label="Export a collection">
      <label class="small muted">
        Collection{' '}
        <select
          aria-label="Collection to export"
          value={id}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            setCurrent(v);
            localStorage.setItem('paperdex:popup-collection', v);
          }}
        >
          <option value={ALL_PAPERS.id}>All papers</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <ExportMenu compact make={(f, p) => exportCollectionFile(db, id, f, p)} />
    </section>
  );
}
