import { useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { addToCollection } from '@/lib/store/collections';
import { reindex } from '@/lib/search/reindex';
import type { CollectionRecord } from '@/lib/core/types';
import { t, tn } from '@/lib/i18n/i18n';
import './AddToCollection.css';
import { useLive } from './use-live';

/**
 * "Add these papers to <collection>": a select of the collections; says what it added. Renders
 * nothing while there are no collections (or no papers).
 */
export function AddToCollection({
  db,
  paperIds,
  label,
  ariaLabel,
}: {
  db: PaperdexDB;
  paperIds: string[];
  label: string;
  ariaLabel: string;
}) {
  const collections = useLive(() => db.collections.orderBy('name').toArray(), [db], [] as CollectionRecord[]);
  const [done, setDone] = useState<{ text: string; error?: boolean } | null>(null);
  if (!collections.length || !paperIds.length) return null;
  return (
    <div class="small muted add-all">
      <label>
        {label}{' '}
        <select
          aria-label={ariaLabel}
          value=""
          onChange={async (e) => {
            const id = (e.target as HTMLSelectElement).value;
            if (!id) return;
            const name = collections.find((c) => c.id === id)?.name ?? '';
            try {
              const changed = await addToCollection(db, id, paperIds);
              await reindex(changed);
              setDone({ text: tn('collections_added', changed.length, { name }) });
            } catch (err) {
              setDone({ text: t('collections_addFailed', { name, error: err instanceof Error ? err.message : String(err) }), error: true });
            }
          }}
        >
          <option value="">{t('collections_choose')}</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {/* Always in the page, so that what it says next is announced. */}
      <span role="status">{done && !done.error ? ` ${done.text}` : ''}</span>
      {done?.error && (
        <span role="alert" class="add-all-error">
          {' '}
          {done.text}
        </span>
      )}
    </div>
  );
}
