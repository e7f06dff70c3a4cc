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
import { t, tn } from '@/lib/i18n/i18n';
import { showToast } from './Toast';
import { useLive } from './use-live';

/** Focus an element once the next render has put it in the page. */
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** Named collections: create, rename, delete, open, export; and import. */
export function CollectionsView({ db, onOpen }: { db: PaperdexDB; onOpen: (name: string) => void }) {
  const collections = useLive(() => listCollections(db), [db], [] as Awaited<ReturnType<typeof listCollections>>);
  const total = useLive(() => db.papers.count(), [db], 0);
  const [name, setName] = useState('');
  /** An error, and which field it is about (the new name, or a collection's rename field). */
  const [error, setError] = useState<{ text: string; field: 'new' | string } | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const guard = async (field: 'new' | string, f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError({ text: e instanceof Error ? e.message : String(e), field });
    }
  };
  const errorFor = (field: string) =>
    error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'collections-error' } : {};
  return (
    <section class="collections" aria-label={t('panel_tabCollections')}>
      <form
        class="new-collection"
        onSubmit={(e) => {
          e.preventDefault();
          void guard('new', async () => {
            const c = await createCollection(db, name);
            setName('');
            showToast({ text: t('collections_created', { name: c.name }) });
          });
        }}
      >
        <input
          id="new-collection-name"
          aria-label={t('collections_nameLabel')}
          placeholder={t('collections_namePlaceholder')}
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
          {...errorFor('new')}
        />
        <button type="submit" class="btn primary" disabled={!name.trim()}>
          {t('collections_create')}
        </button>
      </form>
      {error && (
        <div class="error" role="alert" id="collections-error">
          {error.text}
        </div>
      )}
      <article class="card collection-card" aria-labelledby="collection-all-h">
        <div class="collection-head">
          <h2 id="collection-all-h">{t('collections_allPapers')}</h2>
          <span class="faint small">{tn('common_papers', total)}</span>
        </div>
        <ExportMenu compact make={(f, p) => exportCollectionFile(db, ALL_PAPERS.id, f, p)} />
      </article>
      {collections.map((c) => (
        <article class="card collection-card" key={c.id} aria-label={t('collections_cardLabel', { name: c.name })}>
          <div class="collection-head">
            {renaming?.id === c.id ? (
              <form
                class="new-collection"
                onSubmit={(e) => {
                  e.preventDefault();
                  void guard(c.id, async () => {
                    await renameCollection(db, c.id, renaming.name);
                    setRenaming(null);
                    focusSoon(`collection-name-${c.id}`);
                  });
                }}
                onKeyDown={(e) => {
                  if (e.key !== 'Escape') return;
                  e.preventDefault();
                  setRenaming(null);
                  focusSoon(`collection-rename-${c.id}`);
                }}
              >
                <input
                  id={`collection-rename-input-${c.id}`}
                  aria-label={t('collections_renameLabel')}
                  value={renaming.name}
                  onInput={(e) => setRenaming({ id: c.id, name: (e.target as HTMLInputElement).value })}
                  {...errorFor(c.id)}
                />
                <button type="submit" class="btn small">
                  {t('collections_save')}
                </button>
                <button
                  type="button"
                  class="btn small"
                  onClick={() => {
                    setRenaming(null);
                    focusSoon(`collection-rename-${c.id}`);
                  }}
                >
                  {t('common_cancel')}
                </button>
              </form>
            ) : (
              <>
                <h2>
                  <button
                    type="button"
                    id={`collection-name-${c.id}`}
                    class="btn-link collection-name"
                    onClick={() => onOpen(c.name)}
                    title={t('collections_showPapers')}
                  >
                    {c.name}
                  </button>
                </h2>
                <span class="faint small">{tn('common_papers', c.count)}</span>
              </>
            )}
          </div>
          <ExportMenu compact make={(f, p) => exportCollectionFile(db, c.id, f, p)} />
          <CopyAllBibtex disabled={c.count === 0} load={() => exportCollectionFile(db, c.id, 'bibtex')} />
          <CollectionPapers db={db} collection={c} count={c.count} onOpen={() => onOpen(c.name)} />
          <div class="collection-actions small">
            <button
              type="button"
              id={`collection-rename-${c.id}`}
              class="btn-link"
              onClick={() => {
                setRenaming({ id: c.id, name: c.name });
                focusSoon(`collection-rename-input-${c.id}`);
              }}
            >
              {t('collections_rename')}
            </button>
            {deleting === c.id ? (
              <span class="confirm" role="group" aria-labelledby={`collection-confirm-${c.id}`}>
                <span id={`collection-confirm-${c.id}`}>{t('collections_confirmDelete', { name: c.name })}</span>
                <button
                  type="button"
                  class="btn small danger"
                  onClick={() =>
                    void guard(c.id, async () => {
                      const snap = await deleteCollectionUndoable(db, c.id);
                      await reindex(snap.paperIds);
                      setDeleting(null);
                      showToast({
                        text: tn('collections_deleted', snap.paperIds.length, { name: c.name }),
                        action: { label: t('common_undo'), run: async () => reindex(await restoreCollection(db, snap)) },
                      });
                      // The card is gone: focus goes to the next place to act, the new collection's name.
                      focusSoon('new-collection-name');
                    })
                  }
                >
                  {t('collections_deleteCollection')}
                </button>
                <button
                  type="button"
                  id={`collection-cancel-${c.id}`}
                  class="btn small"
                  onClick={() => {
                    setDeleting(null);
                    focusSoon(`collection-delete-${c.id}`);
                  }}
                >
                  {t('common_cancel')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                id={`collection-delete-${c.id}`}
                class="btn-link danger-link"
                onClick={() => {
                  setDeleting(c.id);
                  // The question appears beside the button: focus its safe answer, which reads it out.
                  focusSoon(`collection-cancel-${c.id}`);
                }}
              >
                {t('collections_delete')}
              </button>
            )}
          </div>
        </article>
      ))}
      {collections.length === 0 && <p class="small muted">{t('collections_emptyHint')}</p>}
      <ImportPanel db={db} />
    </section>
  );
}
