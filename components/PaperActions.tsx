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
import { setStarred } from '@/lib/store/user-layer';
import { t } from '@/lib/i18n/i18n';
import { useLive } from './use-live';
import { closeDetailsOnEscape } from './popover';
import { CopyActions } from './CopyActions';
import { shortTitle, useRowActions } from './PaperItem';
import { UserLayerEditor } from './UserLayer';

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
  // Beside a result list (./ResultList) only the selected row's two buttons are in the tab order.
  return (
    <>
      <RowStar db={props.db} paper={props.paper} />
      <PaperMenu {...props} />
    </>
  );
}

/**
 * The Star toggle of a result row: `aria-pressed` says whether the paper is starred; its name quotes
 * the paper ("Star “…”"), since the button sits beside the result's option, not in it. Shows the
 * state written here until the caller's copy of the paper (re-read after the index catches up) is
 * as new.
 */
function RowStar({ db, paper }: { db: PaperdexDB; paper: PaperRecord }) {
  const row = useRowActions();
  const [mine, setMine] = useState<PaperRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cur = mine && mine.id === paper.id && (mine.userUpdatedAt ?? '') > (paper.userUpdatedAt ?? '') ? mine : paper;
  const on = !!cur.starred;
  const toggle = async () => {
    try {
      const p = await setStarred(db, cur.id, !on);
      setError(null);
      setMine(p);
      await reindex([p.id]);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <button
        type="button"
        class={`star-toggle${on ? ' on' : ''}`}
        aria-pressed={on ? 'true' : 'false'}
        aria-label={t('paper_rowStar', { title: shortTitle(paper) })}
        title={error ?? (on ? t('paper_rowStarredUnstar') : t('paper_rowStarThis'))}
        tabIndex={row.tabIndex}
        onClick={(e) => {
          e.stopPropagation();
          void toggle();
        }}
      >
        <span aria-hidden="true">{on ? '★' : '☆'}</span>
      </button>
      {/* A failed edit is announced (and shown in the tooltip), out of the row's layout. */}
      {error && (
        <span role="alert" class="visually-hidden">
          {error}
        </span>
      )}
    </>
  );
}

/**
 * The ⋯ button; its menu is rendered only while open, so the page holds no hidden controls and rows
 * do not each watch the collections table. A disclosure (`<details>`) rather than an ARIA menu: what
 * it opens holds a form (status, tags, note, collection checkboxes), which `role="menu"` may not
 * contain. Esc inside it closes it and gives focus back to the ⋯ button (./popover).
 */
function PaperMenu(props: { db: PaperdexDB; paper: PaperRecord; onDeleted: (u: UndoState) => void }) {
  const [open, setOpen] = useState(false);
  const row = useRowActions();
  return (
    <details
      class="paper-actions"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={closeDetailsOnEscape}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary
        aria-label={t('paper_menuActionsFor', { title: shortTitle(props.paper) })}
        title={t('paper_menuTitle')}
        tabIndex={row.tabIndex}
      >
        <span aria-hidden="true">⋯</span>
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
  // Membership as ticked here while the menu is open: the caller's copy of the paper is re-read only
  // once the index has the change, and a re-render before that must not untick the box.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const isIn = (id: string) => ticked[id] ?? paper.collectionIds.includes(id);
  const toggle = async (c: CollectionRecord, on: boolean) => {
    setTicked((t) => ({ ...t, [c.id]: on }));
    setError(null);
    try {
      const changed = on ? await addToCollection(db, c.id, [paper.id]) : await removeFromCollection(db, c.id, [paper.id]);
      await reindex(changed);
    } catch (err) {
      setTicked((t) => ({ ...t, [c.id]: !on }));
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div class="menu">
      <CopyActions paper={paper} />
      <div class="menu-sep" />
      <UserLayerEditor db={db} paper={paper} />
      <div class="menu-sep" />
      <div class="section-title">{t('paper_menuCollections')}</div>
      {collections.length === 0 && <div class="small faint">{t('paper_menuNoCollections')}</div>}
      {collections.map((c) => (
        <label class="menu-item" key={c.id}>
          <input type="checkbox" checked={isIn(c.id)} onChange={(e) => void toggle(c, (e.target as HTMLInputElement).checked)} />
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
          aria-label={t('paper_menuNewCollectionName')}
          placeholder={t('paper_menuNewCollectionPlaceholder')}
          value={newName}
          onInput={(e) => setNewName((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn small" disabled={!newName.trim()}>
          {t('paper_menuAddCollection')}
        </button>
      </form>
      {error && <div class="error">{error}</div>}
      <div class="menu-sep" />
      {confirming ? (
        <div class="confirm">
          <span class="small">{t('paper_menuDeleteConfirm')}</span>
          <button
            type="button"
            class="btn small danger"
            onClick={async () => {
              const snapshot = await deletePapers(db, [paper.id]);
              await reindex([paper.id]);
              onDeleted({ text: t('paper_menuDeleted'), snapshot });
            }}
          >
            {t('paper_menuDelete')}
          </button>
          <button type="button" class="btn small" onClick={() => setConfirming(false)}>
            {t('common_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="btn-link small danger-link" onClick={() => setConfirming(true)}>
          {t('paper_menuDeleteFromLibrary')}
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
