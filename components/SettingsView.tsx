import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteName } from './labels';
import { autoCaptureAllowed, DEFAULT_SETTINGS, getSettings, settingsItem, updateSettings, type Settings } from '@/lib/store/settings';
import type { SiteId } from '@/lib/core/types';
import { WipeData } from './WipeData';
import { HostGroups } from './HostGroups';
import { SyncSettings } from './SyncSettings';
import { t, tParts } from '@/lib/i18n/i18n';

/** Sites that capture automatically, in the order users think of them. */
const AUTO_SITES: SiteId[] = ['google-scholar', 'semantic-scholar', 'dblp', 'arxiv', 'openreview', 'acl-anthology'];

/** Settings: pause automatic capture, or turn it off per site; opt in to in-page badges per site. */
export function SettingsView() {
  const [s, setS] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then(setS);
    return settingsItem.watch((v) => setS({ ...DEFAULT_SETTINGS, ...v }));
  }, []);
  const save = async (patch: Partial<Settings>) => setS(await updateSettings(patch));
  const toggleSite = (site: SiteId, on: boolean) =>
    save({ disabledSites: on ? s.disabledSites.filter((x) => x !== site) : [...new Set([...s.disabledSites, site])] });
  const toggleBadges = (site: SiteId, on: boolean) =>
    save({ badgeSites: on ? [...new Set([...s.badgeSites, site])] : s.badgeSites.filter((x) => x !== site) });

  return (
    <section class="settings" aria-label={t('panel_tabSettings')}>
      <h2 class="section-title">{t('settings_captureTitle')}</h2>
      <label class="setting">
        <input
          type="checkbox"
          aria-labelledby="set-auto-name"
          aria-describedby="set-auto-help"
          checked={s.autoCapture}
          onChange={(e) => void save({ autoCapture: (e.target as HTMLInputElement).checked })}
        />
        <span>
          <strong id="set-auto-name">{t('settings_autoCapture')}</strong>
          <span class="small muted" id="set-auto-help">
            {t('settings_autoCaptureHelp', { shortcut: 'Alt+Shift+P' })}
          </span>
        </span>
      </label>
      <fieldset class="sites" disabled={!s.autoCapture}>
        <legend class="small muted">{t('settings_autoCaptureOn')}</legend>
        {AUTO_SITES.map((site) => (
          <label class="setting compact" key={site}>
            <input
              type="checkbox"
              checked={!s.disabledSites.includes(site)}
              onChange={(e) => void toggleSite(site, (e.target as HTMLInputElement).checked)}
            />
            <span>{siteName(site)}</span>
          </label>
        ))}
      </fieldset>
      <HostGroups />
      <label class="setting" data-testid="complete-pdfs">
        <input
          type="checkbox"
          aria-labelledby="set-pdfs-name"
          aria-describedby="set-pdfs-help"
          checked={s.completeOpenedPdfs}
          onChange={(e) => void save({ completeOpenedPdfs: (e.target as HTMLInputElement).checked })}
        />
        <span>
          <strong id="set-pdfs-name">{t('settings_completePdfs')}</strong>
          <span class="small muted" id="set-pdfs-help">
            {t('settings_completePdfsHelp')}
          </span>
        </span>
      </label>
      <h2 class="section-title">{t('settings_badgesTitle')}</h2>
      <p class="small muted" data-testid="badges-explained">
        {tParts('settings_badgesExplained', { warning: <strong>{t('settings_badgesWarning')}</strong> })}
      </p>
      <fieldset class="sites">
        <legend class="small muted">{t('settings_badgesOn')}</legend>
        {AUTO_SITES.map((site) => (
          <label class="setting compact" key={site}>
            <input
              type="checkbox"
              checked={s.badgeSites.includes(site)}
              onChange={(e) => void toggleBadges(site, (e.target as HTMLInputElement).checked)}
            />
            <span>
              {siteName(site)}
              {s.badgeSites.includes(site) && !autoCaptureAllowed(s, site) && (
                <span class="small faint"> {t('settings_badgeInactive')}</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      <h2 class="section-title">{t('settings_dataTitle')}</h2>
      <WipeData />
      <h2 class="section-title" id="sync-title">
        {t('sync_title')}
      </h2>
      <SyncSettings />
      <h2 class="section-title">{t('settings_privacyTitle')}</h2>
      <p class="small muted">{t('settings_privacyText')}</p>
      <h2 class="section-title">{t('settings_helpTitle')}</h2>
      <p class="small muted">
        {t('settings_helpText')}{' '}
        <button
          type="button"
          class="btn small"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined)}
        >
          {t('settings_showWelcome')}
        </button>
      </p>
    </section>
  );
}
