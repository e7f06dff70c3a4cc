import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '@/lib/store/db';
import { wipeLibrary } from '@/lib/store/collections';
import { ALL_PAPERS } from '@/lib/interchange/export';
import { exportCollectionFile } from '@/lib/interchange/export-files';
import { reindex } from '@/lib/search/reindex';
import { saveText } from '@/lib/ui/ui-actions';
import { t, tn } from '@/lib/i18n/i18n';
import './WipeData.css';

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
      setSaved(t('wipe_saved', { file: file.name, papers: tn('common_papers', file.papers), authors: tn('common_authors', file.authors) }));
    } catch (e) {
      setError(t('wipe_backupFailed', { error: e instanceof Error ? e.message : String(e) }));
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
      setDone(tn('wipe_deleted', ids.length));
      setOpen(false);
      opener.current?.focus();
    } catch (e) {
      setError(t('wipe_failed', { error: e instanceof Error ? e.message : String(e) }));
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
        {t('wipe_open')}
      </button>
      {/* Always in the page, so that a screen reader announces what it comes to say. */}
      <div class="small muted wipe-status" role="status">
        {done}
      </div>
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
        <h2 id="wipe-title">{t('wipe_title')}</h2>
        <p id="wipe-text" class="small">
          {t('wipe_text')}
        </p>
        <p class="small ok-text wipe-status" role="status">
          {saved}
        </p>
        <p class="error wipe-status" role="alert" id="wipe-error">
          {error}
        </p>
        <div class="dialog-actions">
          <button type="button" class={saved ? 'btn' : 'btn primary'} disabled={busy} onClick={() => void backup()}>
            {t('wipe_exportAll')}
          </button>
          <button
            type="button"
            class="btn danger"
            disabled={busy}
            aria-describedby={error ? 'wipe-error' : undefined}
            onClick={() => void wipe()}
          >
            {saved ? t('wipe_deleteAll') : t('wipe_deleteWithoutBackup')}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={close}>
            {t('common_cancel')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
