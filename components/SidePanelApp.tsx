import { useState } from 'preact/hooks';
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
import { PaperItem } from './PaperItem';
import { openPaper } from './ResultList';
import { SearchView } from './SearchView';
import { SettingsView } from './SettingsView';
import { plural } from './format';
import { useLive } from './use-live';

type View =
  | { name: 'search' }
  | { name: 'authors' }
  | { name: 'author'; id: string }
  | { name: 'compare' }
  | { name: 'collections' }
  | { name: 'settings' };

/** The side panel: full search, authors and their pages, export. */
export function SidePanelApp({ db }: { db: PaperdexDB }) {
  const [view, setView] = useState<View>({ name: 'search' });
  const [compare, setCompare] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const counts = useLive(() => libraryCounts(db), [db], { papers: 0, authors: 0 });

  async function exportJson() {
    try {
      const data = await buildExport(db, ALL_PAPERS.id);
      saveText(exportFileName(data.collection.name), JSON.stringify(data, null, 2) + '\n');
      showToast({ text: `Exported ${plural(data.papers.length, 'paper')} and ${plural(data.authors.length, 'author')}.` });
    } catch (e) {
      showToast({ text: `Export failed: ${e instanceof Error ? e.message : String(e)}`, kind: 'error' });
    }
  }
  const onDeleted = (u: UndoState) => showToast({ text: u.text, action: { label: 'Undo', run: () => undoDelete(db, u) } });
  const wide = view.name === 'author' || view.name === 'compare';

  return (
    <div class="panel">
      <header class="topbar">
        <div class="brand">
          <img src="/icon/32.png" alt="" />
          Paperdex
        </div>
        <button type="button" class="btn primary" onClick={() => void exportJson()} disabled={counts.papers === 0}>
          Export JSON
        </button>
      </header>
      <nav class="tabs" role="tablist" aria-label="Views">
        <button type="button" role="tab" aria-selected={view.name === 'search'} onClick={() => setView({ name: 'search' })}>
          Papers <span class="faint">{counts.papers.toLocaleString('en-US')}</span>
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view.name === 'authors' || view.name === 'author'}
          onClick={() => setView({ name: 'authors' })}
        >
          Authors <span class="faint">{counts.authors.toLocaleString('en-US')}</span>
        </button>
        <button type="button" role="tab" aria-selected={view.name === 'collections'} onClick={() => setView({ name: 'collections' })}>
          Collections
        </button>
        {compare.length > 0 && (
          <button type="button" role="tab" aria-selected={view.name === 'compare'} onClick={() => setView({ name: 'compare' })}>
            Compare <span class="faint">{compare.length}</span>
          </button>
        )}
        {/* A gear, not a word: with a Compare tab the words no longer fit at 320–400 px (issue 14). */}
        <button
          type="button"
          role="tab"
          class="tab-icon"
          aria-label="Settings"
          title="Settings"
          aria-selected={view.name === 'settings'}
          onClick={() => setView({ name: 'settings' })}
        >
          <GearIcon />
        </button>
      </nav>
      <BackupBanner />
      <main class={wide ? 'panel-body wide' : 'panel-body'}>
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
      </main>
      <ToastRegion />
    </div>
  );
}

/** The Settings tab's icon (decorative: the tab's accessible name is "Settings"). */
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
  if (!recent.length)
    return (
      <div class="empty">
        Your library is empty. Browse Google Scholar, Semantic Scholar, DBLP, arXiv, OpenReview or the ACL Anthology: papers and authors are
        captured as you go. Anywhere else, click the Paperdex toolbar icon and “Capture this page”.
      </div>
    );
  return (
    <>
      <div class="section-title">Recently added</div>
      <ul class="results" aria-label="Recently added papers">
        {recent.map((p) => (
          <PaperItem key={p.id} paper={p} onOpen={openPaper} />
        ))}
      </ul>
    </>
  );
}
