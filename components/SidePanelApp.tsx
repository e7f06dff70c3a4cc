import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { ALL_PAPERS, buildExport, exportFileName } from '@/lib/interchange/export';
import { libraryCounts } from '@/lib/store/library';
import { saveText } from '@/lib/ui/ui-actions';
import { AuthorList } from './AuthorList';
import { AuthorView } from './AuthorView';
import { BackupBanner } from './BackupBanner';
import { CollectionsView } from './CollectionsView';
import { CompareView } from './CompareView';
import { PaperActions, undoDelete, type UndoState } from './PaperActions';
import { showToast, ToastRegion } from './Toast';
import { openPaper, PaperItem } from './PaperItem';

import { SearchView } from './SearchView';
import { SettingsView } from './SettingsView';
import { useLive } from './use-live';
import { formatNumber, t, tn } from '@/lib/i18n/i18n';
import './SidePanelApp.css';

type View =
  | { name: 'search' }
  | { name: 'authors' }
  | { name: 'author'; id: string }
  | { name: 'compare' }
  | { name: 'collections' }
  | { name: 'settings' };

/** The tabs of the side panel; the author page belongs to "authors". */
type TabId = 'search' | 'authors' | 'collections' | 'compare' | 'settings';
const tabOf = (v: View): TabId => (v.name === 'author' ? 'authors' : v.name);
/** The one tab panel all tabs control (its content is the selected tab's view). */
const PANEL_ID = 'view-panel';
const tabElementId = (id: TabId) => `tab-${id}`;

/**
 * The side panel: full search, authors and their pages, export. The view switcher is the WAI-ARIA
 * tabs pattern: a tab list with a roving tabindex (only the selected tab is in the Tab order),
 * ←/→ (wrapping), Home and End move focus and select at once (automatic activation), and every
 * tab controls the one tab panel, labelled by the selected tab. Each view has exactly one h1: a
 * visually hidden one with the view's name, except the author page, whose own h1 is the author's
 * name (components/AuthorView.tsx).
 */
export function SidePanelApp({ db }: { db: PaperdexDB }) {
  const [view, setView] = useState<View>({ name: 'search' });
  const [compare, setCompare] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const counts = useLive(() => libraryCounts(db), [db], { papers: 0, authors: 0 });
  /** The tab that keeps focus after a keyboard switch (see onPanelFocus). */
  const keepTabFocus = useRef<TabId | null>(null);
  useEffect(() => {
    const release = () => {
      keepTabFocus.current = null;
    };
    document.addEventListener('pointerdown', release, true);
    return () => document.removeEventListener('pointerdown', release, true);
  }, []);

  async function exportJson() {
    try {
      const data = await buildExport(db, ALL_PAPERS.id);
      saveText(exportFileName(data.collection.name), JSON.stringify(data, null, 2) + '\n');
      showToast({
        text: t('panel_exported', { papers: tn('common_papers', data.papers.length), authors: tn('common_authors', data.authors.length) }),
      });
    } catch (e) {
      showToast({ text: t('panel_exportFailed', { error: e instanceof Error ? e.message : String(e) }), kind: 'error' });
    }
  }
  const onDeleted = (u: UndoState) => showToast({ text: u.text, action: { label: t('common_undo'), run: () => undoDelete(db, u) } });
  const wide = view.name === 'author' || view.name === 'compare';

  const tabs: { id: TabId; label: string; count?: number }[] = [
    { id: 'search', label: t('panel_tabPapers'), count: counts.papers },
    { id: 'authors', label: t('panel_tabAuthors'), count: counts.authors },
    { id: 'collections', label: t('panel_tabCollections') },
    ...(compare.length > 0 || view.name === 'compare'
      ? [{ id: 'compare' as const, label: t('panel_tabCompare'), count: compare.length }]
      : []),
    { id: 'settings', label: t('panel_tabSettings') },
  ];
  const selected = tabOf(view);
  const select = (id: TabId) => {
    // (the Authors tab on an author's page goes back to the list)
    if (id !== view.name) setView({ name: id } as View);
  };
  /** ←/→ (wrapping), Home, End: focus the tab and select it. */
  const onTabKey = (e: KeyboardEvent) => {
    const from = tabs.findIndex((x) => tabElementId(x.id) === (e.target as HTMLElement).id);
    if (from < 0) return;
    const n = tabs.length;
    const to =
      e.key === 'ArrowRight'
        ? (from + 1) % n
        : e.key === 'ArrowLeft'
          ? (from - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0 || e.altKey || e.ctrlKey || e.metaKey) {
      // Any other key (Tab, Enter, a shortcut) is the user moving on: focus may go where it leads.
      keepTabFocus.current = null;
      return;
    }
    e.preventDefault();
    keepTabFocus.current = tabs[to].id;
    select(tabs[to].id);
    document.getElementById(tabElementId(tabs[to].id))?.focus();
  };
  /**
   * A view focuses its search box when it appears (also once its data has loaded): after a tab was
   * chosen with the arrow keys, focus stays on that tab until the user moves on (a key other than
   * the arrows, or a click), as the tabs pattern expects.
   */
  const onPanelFocus = () => {
    const held = keepTabFocus.current;
    if (held) document.getElementById(tabElementId(held))?.focus();
  };

  return (
    <div class="panel">
      <header class="topbar">
        <div class="brand">
          <img src="/icon/32.png" alt="" />
          Paperdex
        </div>
        <button type="button" class="btn primary" onClick={() => void exportJson()} disabled={counts.papers === 0}>
          {t('panel_exportJson')}
        </button>
      </header>
      {/* A navigation landmark around the tab list (a tablist is no landmark itself). */}
      <nav class="tabs-nav" aria-label={t('panel_tabs')}>
        <div class="tabs" role="tablist" aria-label={t('panel_tabs')} onKeyDown={onTabKey}>
          {tabs.map((x) => {
            const on = x.id === selected;
            const common = {
              type: 'button' as const,
              role: 'tab' as const,
              id: tabElementId(x.id),
              'aria-selected': on,
              'aria-controls': PANEL_ID,
              tabIndex: on ? 0 : -1,
              onClick: () => select(x.id),
            };
            // A gear, not a word, for Settings: with a Compare tab the words no longer fit at 320–400 px (issue 14).
            return x.id === 'settings' ? (
              <button key={x.id} {...common} class="tab-icon" aria-label={x.label} title={x.label}>
                <GearIcon />
              </button>
            ) : (
              <button key={x.id} {...common}>
                {x.label}
                {x.count !== undefined && (
                  <>
                    {' '}
                    <span class="faint">{formatNumber(x.count)}</span>
                  </>
                )}
              </button>
            );
          })}
        </div>
      </nav>
      <main class="panel-main">
        <BackupBanner />
        <div
          role="tabpanel"
          id={PANEL_ID}
          aria-labelledby={tabElementId(selected)}
          class={wide ? 'panel-body wide' : 'panel-body'}
          onFocusIn={onPanelFocus}
        >
          {view.name !== 'author' && <h1 class="visually-hidden">{tabs.find((x) => x.id === selected)?.label}</h1>}
          {view.name === 'search' && (
            <SearchView
              db={db}
              query={query}
              setQuery={setQuery}
              empty={<RecentPapers db={db} />}
              onPickAuthor={(id) => setView({ name: 'author', id })}
              renderActions={(p) => <PaperActions db={db} paper={p} onDeleted={onDeleted} />}
            />
          )}
          {view.name === 'collections' && (
            <CollectionsView
              db={db}
              onOpen={(name) => {
                setQuery(`collection:"${name}" `);
                setView({ name: 'search' });
              }}
            />
          )}
          {view.name === 'authors' && <AuthorList db={db} onPick={(id) => setView({ name: 'author', id })} />}
          {view.name === 'author' && (
            <AuthorView
              db={db}
              authorId={view.id}
              onBack={() => setView({ name: 'authors' })}
              onOpenAuthor={(id) => setView({ name: 'author', id })}
              compared={compare.includes(view.id)}
              onCompare={(id) => {
                const next = [...compare.filter((x) => x !== id), id].slice(-4);
                setCompare(next);
                if (next.length >= 2) setView({ name: 'compare' });
                else setView({ name: 'authors' });
              }}
            />
          )}
          {view.name === 'compare' && (
            <CompareView
              db={db}
              ids={compare}
              onRemove={(id) => setCompare(compare.filter((x) => x !== id))}
              onOpen={(id) => setView({ name: 'author', id })}
            />
          )}
          {view.name === 'settings' && <SettingsView />}
        </div>
      </main>
      <ToastRegion />
    </div>
  );
}

/** The Settings tab's icon (decorative: the tab's accessible name is "Settings", localised). */
function GearIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2">
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
    </svg>
  );
}

function RecentPapers({ db }: { db: PaperdexDB }) {
  const recent = useLive(() => db.papers.orderBy('addedAt').reverse().limit(50).toArray(), [db], []);
  if (!recent.length) return <div class="empty">{t('panel_emptyLibrary')}</div>;
  return (
    <>
      <h2 class="section-title">{t('panel_recentTitle')}</h2>
      <ul class="results" aria-label={t('panel_recentList')}>
        {recent.map((p) => (
          <PaperItem key={p.id} paper={p} onOpen={openPaper} />
        ))}
      </ul>
    </>
  );
}
