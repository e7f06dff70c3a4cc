import { useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import {
  addToCollection,
  createCollection,
  deletePapers,
  removeFromCollection,
  restorePapers,
  type DeletedSnapshot,
} from '@/lib/store/collections';
import { reindex } from '@/lib/search/reindex';
import type { CollectionRecord, PaperRecord } from '@/lib/core/types';
import { useLive } from './use-live';
import { closeDetailsOnEscape } from './popover';
import { CopyActions } from './CopyActions';
import { StarButton, UserLayerEditor } from './UserLayer';

/** Undo toast state shared by the side panel: the last deletion, restorable. */
export interface UndoState {
  text: string;
  snapshot: DeletedSnapshot;
}

/**
 * The "⋯" menu of a paper: copy its BibTeX / Markdown link / citation (./CopyActions), which collections it is in (tick to add/remove), a new collection, and
 * delete from the library (asks first; the side panel offers Undo).
 */
export function PaperActions(props: { db: PaperdexDB; paper: PaperRecord; onDeleted: (u: UndoState) => void }) {
  // The Star toggle beside the menu (one click), the rest of the user's layer inside it (./UserLayer).
  return (
    <>
      <StarButton db={props.db} paper={props.paper} />
      <PaperMenu {...props} />
    </>
  );
}

/**
 * The ⋯ button; its menu is rendered only while open, so a result row holds no hidden controls
 * (a closed row's status select would otherwise add its options to the results listbox) and rows
 * do not each watch the collections table.
 */
function PaperMenu(props: { db: PaperdexDB; paper: PaperRecord; onDeleted: (u: UndoState) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      class="paper-actions"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={closeDetailsOnEscape}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary aria-label={`Actions for “${props.paper.title.slice(0, 60)}”`} title="Collections and more">
        ⋯
      </summary>
      {open && <PaperMenuBody {...props} />}
    </details>
  );
}

function PaperMenuBody({ db, paper, onDeleted }: { db: PaperdexDB; paper: PaperRecord; onDeleted: (u: UndoState) => void }) {
  const collections = useLive(() => db.collections.orderBy('name').toArray(), [db], [] as CollectionRecord[]);
  const [confirming, setConfirming] = useState(false);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toggle = async (c: CollectionRecord, on: boolean) => {
    setError(null);
    const changed = on ? await addToCollection(db, c.id, [paper.id]) : await removeFromCollection(db, c.id, [paper.id]);
    await reindex(changed);
  };
  return (
    <div class="menu" role="menu">
      <CopyActions paper={paper} />
      <div class="menu-sep" />
      <UserLayerEditor db={db} paper={paper} />
      <div class="menu-sep" />
      <div class="section-title">Collections</div>
      {collections.length === 0 && <div class="small faint">No collections yet.</div>}
      {collections.map((c) => (
        <label class="menu-item" key={c.id}>
          <input
            type="checkbox"
            checked={paper.collectionIds.includes(c.id)}
            onChange={(e) => void toggle(c, (e.target as HTMLInputElement).checked)}
          />
          <span>{c.name}</span>
        </label>
      ))}
      <form
        class="new-collection"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const c = await createCollection(db, newName);
            await reindex(await addToCollection(db, c.id, [paper.id]));
            setNewName('');
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      >
        <input
          aria-label="New collection name"
          placeholder="New collection…"
          value={newName}
          onInput={(e) => setNewName((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn small" disabled={!newName.trim()}>
          Add
        </button>
      </form>
      {error && <div class="error">{error}</div>}
      <div class="menu-sep" />
      {confirming ? (
        <div class="confirm">
          <span class="small">Delete this paper from your library?</span>
          <button
            type="button"
            class="btn small danger"
            onClick={async () => {
              const snapshot = await deletePapers(db, [paper.id]);
              await reindex([paper.id]);
              onDeleted({ text: 'Deleted 1 paper.', snapshot });
            }}
          >
            Delete
          </button>
          <button type="button" class="btn small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" class="btn-link small danger-link" onClick={() => setConfirming(true)}>
          Delete from library…
        </button>
      )}
    </div>
  );
}

/** Restore the last deletion. */
export async function undoDelete(db: PaperdexDB, u: UndoState): Promise<void> {
  await restorePapers(db, u.snapshot);
  await reindex(u.snapshot.papers.map((p) => p.id));
}
