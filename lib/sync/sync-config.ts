/**
 * Where the sync configuration lives: extension `storage.local` (key `syncConfig`), per machine.
 * The password is kept there as the browser keeps any extension data; it never enters IndexedDB
 * (so no backup or export holds it), a log line, a status row or a URL.
 */
import { storage } from 'wxt/utils/storage';
import type { SyncConfig } from './sync-types';

/** The stored configuration; null until the user sets sync up. */
export const syncConfigItem = storage.defineItem<SyncConfig | null>('local:syncConfig', { fallback: null });

/** The configuration, or null when sync was never set up. */
export async function getSyncConfig(): Promise<SyncConfig | null> {
  const c = await syncConfigItem.getValue();
  return c && typeof c.url === 'string' ? c : null;
}

/** Change the stored configuration (null: forget it). */
export async function setSyncConfig(c: SyncConfig | null): Promise<void> {
  await syncConfigItem.setValue(c);
}
