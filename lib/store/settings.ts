/**
 * User settings (extension `storage.local`): pause auto-capture, or turn it off per site.
 * Read by the background before storing an automatic capture; on-demand captures always run.
 */
import { storage } from 'wxt/utils/storage';
import type { SiteId } from '../core/types';

export interface Settings {
  /** Capture automatically on the known scholarly sites. */
  autoCapture: boolean;
  /** Sites where automatic capture is off. */
  disabledSites: SiteId[];
  /** Show "in Paperdex" badges next to known papers on listing pages. */
  showBadges: boolean;
}

export const DEFAULT_SETTINGS: Settings = { autoCapture: true, disabledSites: [], showBadges: true };

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Current settings, with defaults for anything missing. */
export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** Update some settings. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** Whether an automatic capture from `site` should be stored. */
export function autoCaptureAllowed(s: Settings, site: SiteId | undefined): boolean {
  return s.autoCapture && (!site || !s.disabledSites.includes(site));
}
