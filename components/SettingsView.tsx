import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SITE_NAMES } from '@/lib/store/library';
import { autoCaptureAllowed, DEFAULT_SETTINGS, getSettings, settingsItem, updateSettings, type Settings } from '@/lib/store/settings';
import type { SiteId } from '@/lib/core/types';
import { WipeData } from './WipeData';
import { HostGroups } from './HostGroups';

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
    <section class="settings" aria-label="Settings">
      <div class="section-title">Capture</div>
      <label class="setting">
        <input
          type="checkbox"
          checked={s.autoCapture}
          onChange={(e) => void save({ autoCapture: (e.target as HTMLInputElement).checked })}
        />
        <span>
          <strong>Capture automatically</strong>
          <span class="small muted">
            Store papers and authors from the sites below as you browse. When off, use “Capture this page” in the toolbar popup or
            Alt+Shift+P.
          </span>
        </span>
      </label>
      <fieldset class="sites" disabled={!s.autoCapture}>
        <legend class="small muted">Capture automatically on</legend>
        {AUTO_SITES.map((site) => (
          <label class="setting compact" key={site}>
            <input
              type="checkbox"
              checked={!s.disabledSites.includes(site)}
              onChange={(e) => void toggleSite(site, (e.target as HTMLInputElement).checked)}
            />
            <span>{SITE_NAMES[site]}</span>
          </label>
        ))}
      </fieldset>
      <HostGroups />
      <label class="setting" data-testid="complete-pdfs">
        <input
          type="checkbox"
          checked={s.completeOpenedPdfs}
          onChange={(e) => void save({ completeOpenedPdfs: (e.target as HTMLInputElement).checked })}
        />
        <span>
          <strong>Complete opened PDFs from their landing page</strong>
          <span class="small muted">
            When you open the PDF of a paper Paperdex has not seen (arXiv, OpenReview, ACL Anthology, proceedings), it records the paper
            from the link alone. With this on, Paperdex also fetches that paper’s landing page once, from the same site and without your
            cookies, to read its title, authors and abstract. This is the only request Paperdex makes by itself; off by default.
          </span>
        </span>
      </label>
      <div class="section-title">Badges on pages</div>
      <p class="small muted" data-testid="badges-explained">
        Optionally show an “in Paperdex” badge next to papers already in your library, on the sites you choose.{' '}
        <strong>The site's own scripts can see these badges and learn which of its papers are in your library.</strong> Off on every site by
        default, also if you had badges on before: they are now your choice per site. Badges never appear while automatic capture is paused
        or off for a site. The toolbar popup always lists which of a page's papers you already had, without telling the site.
      </p>
      <fieldset class="sites">
        <legend class="small muted">Show badges on</legend>
        {AUTO_SITES.map((site) => (
          <label class="setting compact" key={site}>
            <input
              type="checkbox"
              checked={s.badgeSites.includes(site)}
              onChange={(e) => void toggleBadges(site, (e.target as HTMLInputElement).checked)}
            />
            <span>
              {SITE_NAMES[site]}
              {s.badgeSites.includes(site) && !autoCaptureAllowed(s, site) && (
                <span class="small faint"> — not while automatic capture is off here</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      <div class="section-title">Your data</div>
      <WipeData />
      <div class="section-title">Privacy</div>
      <p class="small muted">
        Everything Paperdex captures stays in this browser profile. Paperdex makes no network requests of its own (unless you switch on
        “Complete opened PDFs” above); removing the extension deletes its data, so export first.
      </p>
      <div class="section-title">Help</div>
      <p class="small muted">
        What Paperdex captures and where, how to import a Zotero or PaperMemory library, and the shortcuts.{' '}
        <button
          type="button"
          class="btn small"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined)}
        >
          Show welcome page
        </button>
      </p>
    </section>
  );
}
