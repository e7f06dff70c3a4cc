// Settings → Sync's commands as the background answers them (lib/background/sync.ts), with WXT's
// fake browser: a configuration is checked (URL, HTTPS, database name, the host permission) before
// anything is stored or sent; the stored configuration reaches the sync host; "Stop syncing"
// forgets the password; records the worker wrote are re-indexed and synced settings applied.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncHandlers, type SyncDeps } from '../../../lib/background/sync';
import { getSyncConfig } from '../../../lib/sync/sync-config';
import { getDb, setDb, PaperdexDB } from '../../../lib/store/db';
import { getSettings } from '../../../lib/store/settings';
import { SYNCED_SETTINGS_KEY } from '../../../lib/store/sync-log';
import { SYNC_STATUS_KEY, type SyncStatus } from '../../../lib/sync/sync-types';

const extension = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
const creds = { url: 'http://127.0.0.1:5984', database: 'paperdex', username: 'ada', password: 's3cret' };

let granted: string[];
let sent: unknown[];
let deps: SyncDeps & { indexed: string[][] };
let n = 0;

beforeEach(() => {
  setDb(new PaperdexDB(`sync-commands-${n++}`));
  granted = [];
  sent = [];
  (fakeBrowser as unknown as { permissions: unknown }).permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
  };
  // Chrome: the configuration goes to the offscreen document as a `syncRun` message.
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    sent.push(msg);
    return Promise.resolve({ ok: true });
  });
  const indexed: string[][] = [];
  deps = { indexed, ensureHost: async () => undefined, notifyIndex: async (ids) => void indexed.push(ids) };
});

describe('sync commands', () => {
  it('refuses an unusable configuration and stores nothing', async () => {
    const h = syncHandlers(deps);
    expect(await h.syncCommand({ action: 'configure', config: { ...creds, url: 'http://example.org:5984' } }, extension)).toEqual({
      ok: false,
      error: 'insecure',
    });
    expect(await h.syncCommand({ action: 'configure', config: { ...creds, url: 'https://ada:pw@example.org' } }, extension)).toEqual({
      ok: false,
      error: 'credentials',
    });
    expect(await h.syncCommand({ action: 'configure', config: { ...creds, database: 'My Papers' } }, extension)).toEqual({
      ok: false,
      error: 'database',
    });
    // Without the host permission (the view asks for it in the click): refused.
    expect(await h.syncCommand({ action: 'configure', config: creds }, extension)).toEqual({ ok: false, error: 'permission' });
    expect(await getSyncConfig()).toBeNull();
    expect(sent).toEqual([]);
    expect(await h.syncCommand({ action: 'now' }, extension)).toEqual({ ok: false, error: 'notConfigured' });
  });

  it('stores a good configuration and hands it to the sync host; pause, resume and stop', async () => {
    granted = ['http://127.0.0.1/*'];
    const h = syncHandlers(deps);
    expect(await h.syncCommand({ action: 'configure', config: creds }, extension)).toEqual({ ok: true });
    expect(await getSyncConfig()).toEqual({ ...creds, enabled: true, paused: false });
    const run = () => (sent.at(-1) as { type: string; data: { config: unknown; now?: boolean } }).data;
    expect((sent.at(-1) as { type: string }).type).toBe('syncRun');
    expect(run()).toEqual({ config: { ...creds, enabled: true, paused: false }, now: true });
    await h.syncCommand({ action: 'pause' }, extension);
    expect(run().config).toMatchObject({ paused: true });
    await h.syncCommand({ action: 'resume' }, extension);
    expect(run()).toMatchObject({ config: { paused: false }, now: true });
    await h.syncCommand({ action: 'stop' }, extension);
    expect(await getSyncConfig()).toEqual({ ...creds, password: '', enabled: false, paused: false });
    expect(run().config).toMatchObject({ enabled: false, password: '' });
  });

  it('says so when the permission was taken back, and sends nothing', async () => {
    granted = ['http://127.0.0.1/*'];
    const h = syncHandlers(deps);
    await h.syncCommand({ action: 'configure', config: creds }, extension);
    const before = sent.length;
    granted = [];
    await h.syncCommand({ action: 'now' }, extension);
    expect(sent.length).toBe(before);
    const status = (await getDb().meta.get(SYNC_STATUS_KEY))!.value as SyncStatus;
    expect(status).toMatchObject({ state: 'error', errorCode: 'permission', target: 'http://127.0.0.1:5984/paperdex' });
  });

  it('re-indexes papers the worker wrote and applies synced settings', async () => {
    const h = syncHandlers(deps);
    await getDb().meta.put({ key: SYNCED_SETTINGS_KEY, value: { autoCapture: false, badgeSites: ['arxiv'], updatedAt: 5 } });
    expect(await h.syncApplied({ ids: ['p-1', 'p-2'], settings: true }, extension)).toEqual({ ok: true });
    expect(deps.indexed).toEqual([['p-1', 'p-2']]);
    expect(await getSettings()).toMatchObject({ autoCapture: false, badgeSites: ['arxiv'] });
    expect((await getSettings()) as unknown as Record<string, unknown>).not.toHaveProperty('updatedAt');
  });
});
