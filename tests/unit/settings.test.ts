// Settings: in-page badges are an opt-in per site (issue 16: a page's own scripts can read them),
// off for everyone by default, also for users of the old global switch that was on by default.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Settings } from '../../lib/store/settings';

type SettingsMod = typeof import('../../lib/store/settings');

/** The settings module loaded afresh, as at extension start (its storage item runs migrations then). */
async function load(): Promise<SettingsMod> {
  vi.resetModules();
  return import('../../lib/store/settings');
}

// (Completing opened PDFs from their landing page, a request of Paperdex's own, is off on a new install too.)
const base: Settings = { autoCapture: true, disabledSites: [], badgeSites: [], completeOpenedPdfs: false };

describe('settings: badges per site', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a new install shows badges nowhere', async () => {
    const { getSettings } = await load();
    expect(await getSettings()).toEqual(base);
  });

  it('an old install with the global switch on (v1) is migrated to no badges, keeping its other settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { autoCapture: false, disabledSites: ['dblp'], showBadges: true } });
    const { getSettings, settingsItem } = await load();
    await settingsItem.migrate();
    expect(await getSettings()).toEqual({ autoCapture: false, disabledSites: ['dblp'], badgeSites: [], completeOpenedPdfs: false });
    const stored = (await fakeBrowser.storage.local.get('settings')).settings;
    expect(stored).toEqual({ autoCapture: false, disabledSites: ['dblp'], badgeSites: [], completeOpenedPdfs: false });
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });
  });

  it('an opt-in survives a restart and applies to that site only', async () => {
    const first = await load();
    await first.updateSettings({ badgeSites: ['google-scholar'] });
    const { getSettings, badgesAllowed } = await load();
    const s = await getSettings();
    expect(s.badgeSites).toEqual(['google-scholar']);
    expect(badgesAllowed(s, 'google-scholar')).toBe(true);
    expect(badgesAllowed(s, 'arxiv')).toBe(false);
    expect(badgesAllowed(s, undefined)).toBe(false);
  });

  it('no badges while automatic capture is paused, or off for the opted-in site', async () => {
    const { badgesAllowed } = await load();
    const on = { ...base, badgeSites: ['google-scholar' as const] };
    expect(badgesAllowed(on, 'google-scholar')).toBe(true);
    expect(badgesAllowed({ ...on, autoCapture: false }, 'google-scholar')).toBe(false);
    expect(badgesAllowed({ ...on, disabledSites: ['google-scholar'] }, 'google-scholar')).toBe(false);
    expect(badgesAllowed({ ...on, disabledSites: ['arxiv'] }, 'google-scholar')).toBe(true);
  });
});
