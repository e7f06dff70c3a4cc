/**
 * The background's part of sync (opt-in, lib/sync): it holds the configuration (extension
 * storage, which the sync worker cannot read), answers Settings → Sync's commands, checks the
 * server's host permission, hands the configuration to the sync worker — in Chrome's offscreen
 * document, in Firefox's background page — and re-indexes what the worker wrote from the server.
 * Nothing here runs, and no request is made, until the user turns sync on.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../store/db';
import { applySyncedSettings } from '../store/settings';
import { getSyncConfig, setSyncConfig } from '../sync/sync-config';
import { startSyncHost, type SyncHost } from '../sync/sync-host';
import {
  databaseNameOk,
  databaseUrl,
  originPattern,
  serverUrlProblem,
  SYNC_STATUS_KEY,
  type SyncConfig,
  type SyncStatus,
} from '../sync/sync-types';
import { sendMessage, type Handlers, type SyncCommandError } from '../messaging/messaging';

/** Firefox: the sync worker of this background page. */
let localSync: SyncHost | undefined;

/** How the background reaches the search host and re-indexes papers (lib/background/background.ts). */
export interface SyncDeps {
  ensureHost(): Promise<void>;
  notifyIndex(ids: string[]): Promise<void>;
}

/** Whether the browser lets Paperdex reach the configured server (an optional host permission). */
async function permitted(c: SyncConfig): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(c.url)] }).catch(() => false);
}

/** Say so in the status row when the server's permission is missing (the worker is not started then). */
async function reportNoPermission(c: SyncConfig): Promise<void> {
  const status: SyncStatus = {
    state: 'error',
    errorCode: 'permission',
    pending: 0,
    sent: 0,
    received: 0,
    target: databaseUrl(c),
    updatedAt: Date.now(),
  };
  const old = (await getDb().meta.get(SYNC_STATUS_KEY))?.value as SyncStatus | undefined;
  await getDb().meta.put({ key: SYNC_STATUS_KEY, value: { ...status, kept: old?.kept } });
}

/** Hand the stored configuration to the sync worker (`now`: and sync at once). */
export async function pushSyncConfig(deps: SyncDeps, now = false): Promise<void> {
  const config = await getSyncConfig();
  if (!config) return;
  if (config.enabled && !config.paused && !(await permitted(config))) return reportNoPermission(config);
  if (import.meta.env.FIREFOX) {
    if (!localSync && !config.enabled) return;
    localSync ??= startSyncHost(browser.runtime.getURL('/sync-worker.js'), (ids, s) => void applied(deps, ids, s));
    localSync.run(config, now);
    return;
  }
  await deps.ensureHost();
  await sendMessage('syncRun', { config, now });
}

/** The worker wrote records from the server: re-index the papers, store received settings. */
async function applied(deps: SyncDeps, ids: string[], settings: boolean): Promise<void> {
  if (settings) await applySyncedSettings().catch((e: unknown) => console.warn('[paperdex] synced settings not applied:', e));
  if (ids.length) await deps.notifyIndex(ids);
}

/** Why a configuration cannot be used, or null. */
function configProblem(c: Pick<SyncConfig, 'url' | 'database'>): SyncCommandError | null {
  const url = serverUrlProblem(c.url);
  if (url) return url;
  return databaseNameOk(c.database) ? null : 'database';
}

/** Handlers of the sync messages (registered by the background). */
export function syncHandlers(deps: SyncDeps): Pick<Handlers, 'syncCommand' | 'syncApplied'> {
  return {
    async syncCommand(cmd) {
      const stored = await getSyncConfig();
      let next: SyncConfig;
      if (cmd.action === 'configure') {
        const c = { ...cmd.config, url: cmd.config.url.trim(), database: cmd.config.database.trim() };
        const problem = configProblem(c);
        if (problem) return { ok: false, error: problem };
        // Settings → Sync asked for the permission in the click; without it nothing is stored or sent.
        if (!(await permitted({ ...c, enabled: true, paused: false }))) return { ok: false, error: 'permission' };
        next = { ...c, enabled: true, paused: false };
      } else {
        if (!stored) return { ok: false, error: 'notConfigured' };
        if (cmd.action === 'now') {
          await pushSyncConfig(deps, true);
          return { ok: true };
        }
        next =
          cmd.action === 'stop'
            ? // Stop syncing: the library stays; the password is forgotten with the local log.
              { ...stored, enabled: false, paused: false, password: '' }
            : { ...stored, paused: cmd.action === 'pause' };
      }
      await setSyncConfig(next);
      await pushSyncConfig(deps, cmd.action === 'configure' || cmd.action === 'resume');
      return { ok: true };
    },
    async syncApplied({ ids, settings }) {
      await applied(deps, ids, !!settings);
      return { ok: true };
    },
  };
}
