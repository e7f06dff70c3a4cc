import { useEffect, useState } from 'preact/hooks';
import { dismissBackup, pendingBackups, type UpgradeBackup } from '@/lib/store/migration';
import { saveText } from '@/lib/ui/ui-actions';
import { t, tn } from '@/lib/i18n/i18n';
import { showToast } from './Toast';

/**
 * Offers the backup taken before a database upgrade, until the user saves or dismisses it (a banner,
 * not a toast: it must not go away on its own). Saving says so in a toast.
 */
export function BackupBanner() {
  const [backups, setBackups] = useState<UpgradeBackup[]>([]);
  useEffect(() => {
    void pendingBackups()
      .then(setBackups)
      .catch(() => setBackups([]));
  }, []);
  const b = backups[0];
  if (!b) return null;
  const close = async () => {
    await dismissBackup(b.id);
    setBackups(backups.slice(1));
  };
  return (
    <div class="status backup-banner" role="status">
      {tn('backup_ready', b.papers, { from: String(b.fromVersion), to: String(b.toVersion) })}{' '}
      <button
        type="button"
        class="btn small"
        onClick={async () => {
          const name = `paperdex-backup-before-v${b.toVersion}-${b.takenAt.slice(0, 10)}.json`;
          saveText(name, b.json);
          await close();
          showToast({ text: t('backup_saved', { name }) });
        }}
      >
        {t('backup_save')}
      </button>{' '}
      <button type="button" class="btn-link small" onClick={() => void close()}>
        {t('backup_dismiss')}
      </button>
    </div>
  );
}
