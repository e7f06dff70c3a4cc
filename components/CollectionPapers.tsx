import { useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { removeFromCollectionUndoable, restoreMembership } from '@/lib/store/collections';
import { reindex } from '@/lib/search/reindex';
import type { CollectionRecord, PaperRecord } from '@/lib/core/types';
import { fmtAuthors } from './format';
import { t, tn } from '@/lib/i18n/i18n';
import { showToast } from './Toast';
import { useLive } from './use-live';

/** How many members the card lists; the rest are one click away in search. */
const SHOWN = 100;

/**
 * A collection's papers, listed on its card when opened, each with "Remove" (the paper stays in the
 * library; a toast offers Undo, which puts back exactly what was removed). Reads the papers only
 * while open.
 */
export function CollectionPapers({
  db,
  collection,
  count,
  onOpen,
}: {
  db: PaperdexDB;
  collection: CollectionRecord;
  count: number;
  onOpen: () => void;
}) {
  const [open, setOpen] = useState(false);
  const papers = useLive(
    async () => (open ? (await db.papers.where('collectionIds').equals(collection.id).sortBy('title')).slice(0, SHOWN) : []),
    [db, collection.id, open],
    [] as PaperRecord[],
  );
  const remove = async (p: PaperRecord) => {
    try {
      const snap = await removeFromCollectionUndoable(db, collection.id, [p.id]);
      await reindex(snap.paperIds);
      showToast({
        text: t('collections_removed', { title: shorten(p.title), name: collection.name }),
        action: { label: t('common_undo'), run: async () => reindex(await restoreMembership(db, snap)) },
      });
    } catch (e) {
      showToast({ text: t('collections_removeFailed', { error: e instanceof Error ? e.message : String(e) }), kind: 'error' });
    }
  };
  if (count === 0) return null;
  return (
    <details class="collection-papers" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary class="small">{t('collections_papersIn')}</summary>
      <ul aria-label={t('collections_papersOf', { name: collection.name })}>
        {papers.map((p) => (
          <li key={p.id}>
            <span class="cp-title">
              {p.title}
              <span class="faint small">
                {' '}
                · {fmtAuthors(p.authors, p.authorsTruncated, 3)}
                {p.year ? ` · ${String(p.year)}` : ''}
              </span>
            </span>
            <button
              type="button"
              class="btn-link small"
              aria-label={t('collections_removeLabel', { title: shorten(p.title), name: collection.name })}
              onClick={() => void remove(p)}
            >
              {t('collections_remove')}
            </button>
          </li>
        ))}
      </ul>
      {count > SHOWN && (
        <button type="button" class="btn-link small" onClick={onOpen}>
          {tn('collections_allInSearch', count)}
        </button>
      )}
    </details>
  );
}

const shorten = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);
