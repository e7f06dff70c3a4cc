import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '@/lib/store/db';
import { wipeLibrary } from '@/lib/store/collections';
import { ALL_PAPERS } from '@/lib/interchange/export';
import { exportCollectionFile } from '@/lib/interchange/export-files';
import { reindex } from '@/lib/search/reindex';
import { saveText } from '@/lib/ui/ui-actions';
import { plural } from './format';

/**
 * "Delete all data" in Settings: a modal dialog that offers a JSON backup of everything first
 * (the same file as Export JSON: papers, authors, collections), then deletion with or without it.
 * Esc or Cancel closes it and focus goes back to the link that opened it.
 */
export function WipeData() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const backup = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await exportCollectionFile(getDb(), ALL_PAPERS.id, 'json');
      saveText(file.name, file.text, file.mime);
      setSaved(`Saved ${file.name}: ${plural(file.papers, 'paper')}, ${plural(file.authors, 'author')}.`);
    } catch (e) {
      setError(`The backup failed, nothing was deleted: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const wipe = async () => {
    setBusy(true);
    setError(null);
    try {
      const ids = await wipeLibrary(getDb());
      await reindex(ids);
      setDone(`Deleted ${plural(ids.length, 'paper')} and everything else Paperdex stored.`);
      setOpen(false);
      opener.current?.focus();
    } catch (e) {
      setError(`Deleting failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button
        type="button"
        ref={opener}
        class="btn-link small danger-link"
        onClick={() => {
          setSaved(null);
          setError(null);
          setDone(null);
          setOpen(true);
        }}
      >
        Delete all Paperdex data…
      </button>
      {done && (
        <div class="small muted" role="status">
          {done}
        </div>
      )}
      <dialog
        ref={dialog}
        class="wipe-dialog"
        aria-labelledby="wipe-title"
        aria-describedby="wipe-text"
        onClose={() => setOpen(false)}
        onCancel={(e) => {
          // Esc: close, and put focus back where it was (not every browser does).
          e.preventDefault();
          close();
        }}
      >
        <h2 id="wipe-title">Download a backup first</h2>
        <p id="wipe-text" class="small">
          This deletes every paper, author and collection Paperdex stored in this browser. A backup is a Paperdex JSON file you can import
          again under Collections.
        </p>
        {saved && (
          <p class="small ok-text" role="status">
            {saved}
          </p>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class={saved ? 'btn' : 'btn primary'} disabled={busy} onClick={() => void backup()}>
            Export JSON of everything
          </button>
          <button type="button" class="btn danger" disabled={busy} onClick={() => void wipe()}>
            {saved ? 'Delete all data' : 'Delete all data without a backup'}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={close}>
            Cancel
          </button>
        </div>
      </dialog>
    </div>
  );
}
