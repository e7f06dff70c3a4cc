/**
 * User settings (extension `storage.local`): pause auto-capture, or turn it off per site; in-page
 * "in Paperdex" badges per site (opt-in). Read by the background before storing an automatic
 * capture (on-demand captures always run) and before telling a page which of its papers are known.
 */
import { storage } from 'wxt/utils/storage';
import type { SiteId } from '../core/types';
import { getDb } from './db';
import { SYNCED_SETTINGS_KEY } from './sync-log';

export interface Settings {
  /** Capture automatically on the known scholarly sites. */
  autoCapture: boolean;
  /** Sites where automatic capture is off. */
  disabledSites: SiteId[];
  /**
   * Sites whose pages show "in Paperdex" badges next to papers already in the library. Opt-in per
   * site: the site's own scripts can read the badges, so by default a page learns nothing.
   */
  badgeSites: SiteId[];
  /**
   * When a PDF of a paper Paperdex has not seen is opened, fetch its landing page from the same
   * site once (no cookies) to read its details. Off by default: the only request Paperdex makes itself.
   */
  completeOpenedPdfs: boolean;
}

/** Defaults: capture everywhere, badges nowhere. */
export const DEFAULT_SETTINGS: Settings = { autoCapture: true, disabledSites: [], badgeSites: [], completeOpenedPdfs: false };

/** Settings as stored before version 2 (one global badge switch, on by default). */
type SettingsV1 = Omit<Settings, 'badgeSites'> & { showBadges?: boolean };

/**
 * Version 2 replaced the global `showBadges` (on by default) with the per-site `badgeSites`. Nobody
 * is opted in by the migration, not even users who had `showBadges: true`: badges were on for
 * everyone by default, and off for everyone is the privacy fix (Settings says so).
 */
export function migrateSettingsV2(old: SettingsV1): Settings {
  const { showBadges: _dropped, ...rest } = old ?? ({} as SettingsV1);
  return { ...DEFAULT_SETTINGS, ...rest, badgeSites: [] };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateSettingsV2 },
});

/** Current settings, with defaults for anything missing. */
export async function getSettings(): Promise<Settings> {
  const stored = (await settingsItem.getValue()) as Partial<Settings> & { showBadges?: unknown };
  const { showBadges: _old, ...rest } = stored ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...rest,
    badgeSites: Array.isArray(rest.badgeSites) ? rest.badgeSites : [],
    completeOpenedPdfs: rest.completeOpenedPdfs === true,
  };
}

/** Update some settings. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  await mirrorForSync(next);
  return next;
}

/**
 * The settings that follow the user to their other machines, as a dated `meta` row that sync
 * sends (lib/store/sync-log.ts; the sync worker cannot read extension storage). All of
 * {@link Settings} is the user's choice, not the machine's: the host groups granted and the sync
 * configuration itself are per machine and live elsewhere.
 */
async function mirrorForSync(s: Settings): Promise<void> {
  try {
    await getDb().meta.put({ key: SYNCED_SETTINGS_KEY, value: { ...s, updatedAt: Date.now() } });
  } catch (e) {
    // Sync sends the settings with the next change; the change itself is saved.
    console.warn('[paperdex] settings not recorded for sync:', e);
  }
}

/** Settings received from another machine (the `meta` row sync wrote): stored here, not sent back. */
export async function applySyncedSettings(): Promise<void> {
  const row = (await getDb().meta.get(SYNCED_SETTINGS_KEY))?.value as (Partial<Settings> & { updatedAt?: number }) | undefined;
  if (!row) return;
  const { updatedAt: _at, ...rest } = row;
  await settingsItem.setValue({ ...(await getSettings()), ...rest });
}

/** Whether an automatic capture from `site` should be stored. */
export function autoCaptureAllowed(s: Settings, site: SiteId | undefined): boolean {
  return s.autoCapture && (!site || !s.disabledSites.includes(site));
}

/**
 * Whether a page of `site` may be told which of its papers are in the library (to badge them):
 * only with the user's opt-in for that site, and only while automatic capture runs there. Paused
 * or off means Paperdex stays silent on the page, whatever the page asks.
 */
export function badgesAllowed(s: Settings, site: SiteId | undefined): boolean {
  return !!site && s.badgeSites.includes(site) && autoCaptureAllowed(s, site);
}
