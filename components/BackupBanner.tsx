import { useEffect, useState } from 'preact/hooks';
import { dismissBackup, pendingBackups, type UpgradeBackup } from '@/lib/store/migration';
import { saveText } from '@/lib/ui/ui-actions';
import { plural } from './format';

/** Offers the backup taken before a database upgrade, until the user saves or dismisses it. */
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
      Paperdex upgraded its database (version {b.fromVersion} → {b.toVersion}). A backup of your {plural(b.papers, 'paper')} from before the
      upgrade is ready.{' '}
      <button
        type="button"
        class="btn small"
        onClick={async () => {
          saveText(`paperdex-backup-before-v${b.toVersion}-${b.takenAt.slice(0, 10)}.json`, b.json);
          await close();
        }}
      >
        Save backup
      </button>{' '}
      <button type="button" class="btn-link small" onClick={() => void close()}>
        Dismiss
      </button>
    </div>
  );
}
