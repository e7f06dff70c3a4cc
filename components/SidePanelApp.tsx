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
  const [undo, setUndo] = useState<UndoState | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const counts = useLive(() => libraryCounts(db), [db], { papers: 0, authors: 0 });

  async function exportJson() {
    try {
      const data = await buildExport(db, ALL_PAPERS.id);
      saveText(exportFileName(data.collection.name), JSON.stringify(data, null, 2) + '\n');
      setStatus({ text: `Exported ${plural(data.papers.length, 'paper')} and ${plural(data.authors.length, 'author')}.` });
    } catch (e) {
      setStatus({ text: `Export failed: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  }

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
      <nav class="tabs" role="tablist">
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
        <button type="button" role="tab" aria-selected={view.name === 'settings'} onClick={() => setView({ name: 'settings' })}>
          Settings
        </button>
      </nav>
      <BackupBanner />
      {status && (
        <div class={status.error ? 'error status' : 'status'} role="status">
          {status.text}
        </div>
      )}
      <main class="panel-body">
        {view.name === 'search' && (
          <SearchView
            db={db}
            query={query}
            setQuery={setQuery}
            empty={<RecentPapers db={db} />}
            onPickAuthor={(id) => setView({ name: 'author', id })}
            renderActions={(p) => <PaperActions db={db} paper={p} onDeleted={setUndo} />}
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
      {undo && (
        <div class="toast" role="status">
          <span>{undo.text}</span>
          <button
            type="button"
            class="btn-link"
            onClick={async () => {
              await undoDelete(db, undo);
              setUndo(null);
            }}
          >
            Undo
          </button>
          <button type="button" class="btn-link" aria-label="Dismiss" onClick={() => setUndo(null)}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}

function RecentPapers({ db }: { db: PaperdexDB }) {
  const recent = useLive(() => db.papers.orderBy('addedAt').reverse().limit(50).toArray(), [db], []);
  if (!recent.length)
    return <div class="empty">Your library is empty. Browse Google Scholar — profiles and search results are captured as you go.</div>;
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
