import { useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { addToCollection } from '@/lib/store/collections';
import { reindex } from '@/lib/search/reindex';
import type { CollectionRecord } from '@/lib/core/types';
import { plural } from './format';
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
  const [done, setDone] = useState<string | null>(null);
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
            const changed = await addToCollection(db, id, paperIds);
            await reindex(changed);
            setDone(`Added ${plural(changed.length, 'paper')} to “${collections.find((c) => c.id === id)?.name}”.`);
          }}
        >
          <option value="">choose a collection…</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {done && <span role="status"> {done}</span>}
    </div>
  );
}
