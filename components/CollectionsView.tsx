import { useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { createCollection, deleteCollectionUndoable, listCollections, renameCollection, restoreCollection } from '@/lib/store/collections';
import { ALL_PAPERS } from '@/lib/interchange/export';
import { exportCollectionFile } from '@/lib/interchange/export-files';
import { reindex } from '@/lib/search/reindex';
import { CollectionPapers } from './CollectionPapers';
import { ExportMenu } from './ExportMenu';
import { CopyAllBibtex } from './CopyActions';
import { ImportPanel } from './ImportPanel';
import { plural } from './format';
import { showToast } from './Toast';
import { useLive } from './use-live';

/** Named collections: create, rename, delete, open, export; and import. */
export function CollectionsView({ db, onOpen }: { db: PaperdexDB; onOpen: (name: string) => void }) {
  const collections = useLive(() => listCollections(db), [db], [] as Awaited<ReturnType<typeof listCollections>>);
  const total = useLive(() => db.papers.count(), [db], 0);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const guard = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section class="collections" aria-label="Collections">
      <form
        class="new-collection"
        onSubmit={(e) => {
          e.preventDefault();
          void guard(async () => {
            const c = await createCollection(db, name);
            setName('');
            showToast({ text: `Created collection “${c.name}”.` });
          });
        }}
      >
        <input
          aria-label="Collection name"
          placeholder="New collection name"
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn primary" disabled={!name.trim()}>
          Create collection
        </button>
      </form>
      {error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
      <article class="card collection-card" aria-label="All papers">
        <div class="collection-head">
          <h2>All papers</h2>
          <span class="faint small">{plural(total, 'paper')}</span>
        </div>
        <ExportMenu compact make={(f, p) => exportCollectionFile(db, ALL_PAPERS.id, f, p)} />
      </article>
      {collections.map((c) => (
        <article class="card collection-card" key={c.id} aria-label={`Collection ${c.name}`}>
          <div class="collection-head">
            {renaming?.id === c.id ? (
              <form
                class="new-collection"
                onSubmit={(e) => {
                  e.preventDefault();
                  void guard(async () => {
                    await renameCollection(db, c.id, renaming.name);
                    setRenaming(null);
                  });
                }}
              >
                <input
                  aria-label="New name"
                  value={renaming.name}
                  onInput={(e) => setRenaming({ id: c.id, name: (e.target as HTMLInputElement).value })}
                />
                <button type="submit" class="btn small">
                  Save
                </button>
                <button type="button" class="btn small" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <>
                <h2>
                  <button type="button" class="btn-link collection-name" onClick={() => onOpen(c.name)} title="Show its papers">
                    {c.name}
                  </button>
                </h2>
                <span class="faint small">{plural(c.count, 'paper')}</span>
              </>
            )}
          </div>
          <ExportMenu compact make={(f, p) => exportCollectionFile(db, c.id, f, p)} />
          <CopyAllBibtex disabled={c.count === 0} load={() => exportCollectionFile(db, c.id, 'bibtex')} />
          <CollectionPapers db={db} collection={c} count={c.count} onOpen={() => onOpen(c.name)} />
          <div class="collection-actions small">
            <button type="button" class="btn-link" onClick={() => setRenaming({ id: c.id, name: c.name })}>
              Rename
            </button>
            {deleting === c.id ? (
              <span class="confirm">
                Delete “{c.name}”? Its papers stay in your library.
                <button
                  type="button"
                  class="btn small danger"
                  onClick={() =>
                    void guard(async () => {
                      const snap = await deleteCollectionUndoable(db, c.id);
                      await reindex(snap.paperIds);
                      setDeleting(null);
                      showToast({
                        text: `Deleted collection “${c.name}”; its ${plural(snap.paperIds.length, 'paper')} stay in your library.`,
                        action: { label: 'Undo', run: async () => reindex(await restoreCollection(db, snap)) },
                      });
                    })
                  }
                >
                  Delete collection
                </button>
                <button type="button" class="btn small" onClick={() => setDeleting(null)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" class="btn-link danger-link" onClick={() => setDeleting(c.id)}>
                Delete
              </button>
            )}
          </div>
        </article>
      ))}
      {collections.length === 0 && (
        <p class="small muted">
          Make collections for reading lists or projects, then add papers from search results and author pages (⋯ next to a paper).
        </p>
      )}
      <ImportPanel db={db} />
    </section>
  );
}
