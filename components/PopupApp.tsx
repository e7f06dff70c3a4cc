import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PaperdexDB } from '@/lib/store/db';
import { libraryCounts } from '@/lib/store/library';
import { getTabState, samePage, type TabState } from '@/lib/store/tab-state';
import { captureTabNow } from '@/lib/ui/capture-now';
import { openSidePanel } from '@/lib/ui/ui-actions';
import { PageStatus } from './PageStatus';
import { ResultList, ResultStatus, optionId, useResultKeys } from './ResultList';
import { openPaper } from './PaperItem';
import { PaperActions } from './PaperActions';
import { SearchBox, type ComboboxState } from './SearchBox';
import { AuthorHits } from './AuthorHits';
import { fmtWhen } from './format';
import { t, tn } from '@/lib/i18n/i18n';
import { recentlyCaptured, recentlyOpened, type RecentPaper } from '@/lib/store/openings';
import { useLive } from './use-live';
import { QueryHelp } from './QueryHelp';
import { ExportMenu } from './ExportMenu';
import { exportCollectionFile } from '@/lib/interchange/export-files';
import { ALL_PAPERS } from '@/lib/interchange/export';
import type { CollectionRecord } from '@/lib/core/types';
import { searchStatusText, useSearch, warningText } from './use-search';
import './PopupApp.css';

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
  const { active, onKey, setActive } = useResultKeys(hits.length, (i) => openPaper(hits[i].paper));
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
        errors: [t('popup_cannotCapture', { error: e instanceof Error ? e.message : String(e) })],
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

  // The search box is a combobox over the results (a query) or the recent lists (an empty box):
  // `aria-controls` names the lists shown, `aria-activedescendant` the selected option.
  const searching = !!query.trim();
  const combobox: ComboboxState = searching
    ? { lists: hits.length ? [RESULTS_ID] : [], activeId: hits.length ? optionId(RESULTS_ID, active) : undefined }
    : {
        lists: [opened.length ? 'recent-opened' : '', captured.length ? 'recent-captured' : ''].filter(Boolean),
        activeId:
          recentActive < 0 || recentActive >= recent.length
            ? undefined
            : recentActive < opened.length
              ? optionId('recent-opened', recentActive)
              : optionId('recent-captured', recentActive - opened.length),
      };

  return (
    <div class="popup">
      <header class="topbar">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" />
          {t('ext_name')}
        </h1>
        <button type="button" class="btn" onClick={() => void openSidePanel(tab.windowId).then(() => window.close())}>
          {t('popup_openSidePanel')}
        </button>
      </header>
      <main class="popup-body">
        <div class="search-row">
          <SearchBox
            value={query}
            onInput={setQuery}
            combobox={combobox}
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
        {searching ? (
          // (No live region around the list: ResultStatus below says what was found, once.)
          <div class="popup-results">
            {res.warnings.map((w) => (
              <div class="error search-warning" key={`${w.code}:${w.value}`}>
                {warningText(w)}
              </div>
            ))}
            {res.quick && <div class="small faint">{t('results_quick')}</div>}
            <AuthorHits db={db} query={query} />
            {hits.length ? (
              <ResultList
                id={RESULTS_ID}
                hits={hits}
                active={active}
                onActive={setActive}
                prefixes={res.prefixes}
                // Each result's actions: Star, and the ⋯ menu (your status, tags, note; collections; delete).
                renderActions={(p) => <PaperActions db={db} paper={p} onDeleted={() => undefined} />}
              />
            ) : (
              <div class="empty">{res.answered ? t('results_noMatch', { query: query.trim() }) : t('results_searching')}</div>
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
            <RecentList id="recent-opened" label={t('popup_recentOpened')} items={opened} active={recentActive} list="opened" />
            <RecentList
              id="recent-captured"
              label={t('popup_recentCaptured')}
              items={captured}
              active={recentActive - opened.length}
              list="captured"
            />
            <div class="small faint library-line">
              {counts.papers
                ? t('popup_library', { papers: tn('common_papers', counts.papers), authors: tn('common_authors', counts.authors) })
                : t('popup_libraryEmpty')}
            </div>
            {counts.papers > 0 && <PopupExport db={db} />}
          </>
        )}
        <ResultStatus text={searchStatusText(res, query)} />
      </main>
    </div>
  );
}

/** The id of the popup's result listbox. */
const RESULTS_ID = 'results';

/** Papers in each of the empty search box's lists. */
const RECENT_SHOWN = 5;

/** When and how a recent paper was last met: "opened 5 min ago", "visited just now", "captured 3 days ago". */
function whenText(r: RecentPaper, list: 'opened' | 'captured'): string {
  const when = fmtWhen(new Date(r.at).toISOString());
  const how = r.how ?? (list === 'opened' ? 'result' : undefined);
  if (how === 'result') return t('popup_whenOpened', { when });
  if (how === 'page') return t('popup_whenVisited', { when });
  if (how === 'pdf') return t('popup_whenPdfOpened', { when });
  return t('popup_whenCaptured', { when });
}

/**
 * "Recently opened" / "Recently captured": a few papers, newest first, each opening like a search
 * result (a listbox the search box drives while it is empty).
 */
function RecentList({
  id,
  label,
  items,
  active,
  list,
}: {
  id: string;
  label: string;
  items: RecentPaper[];
  /** Index of the keyboard-selected item in this list (out of range: none). */
  active: number;
  list: 'opened' | 'captured';
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
        renderActions={null}
        // Read-only text, so inside the option: it is read with the paper.
        renderExtra={(p) => <span class="recent-when small faint">{whenText(when.get(p.id)!, list)}</span>}
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
    <section class="popup-export" aria-label={t('popup_exportSection')}>
      <label class="small muted">
        {t('popup_exportCollection')}{' '}
        <select
          aria-label={t('popup_exportWhich')}
          value={id}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            setCurrent(v);
            localStorage.setItem('paperdex:popup-collection', v);
          }}
        >
          <option value={ALL_PAPERS.id}>{t('popup_allPapers')}</option>
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
