/**
 * The welcome page (entrypoints/welcome), opened once on install and from Settings: what Paperdex
 * captures and where (the automatic hosts read from lib/core/hosts.ts and the adapters that serve
 * them, grouped by site; the optional host groups; click-capture elsewhere with the toolbar button
 * and the `capture-page` shortcut read from the browser), what stays private, how to bring an
 * existing library (Zotero BibTeX, PaperMemory JSON) with the import control right there, where the
 * data shows, and the keyboard shortcuts.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AUTO_CAPTURE_MATCHES } from '@/lib/core/hosts';
import type { SiteId } from '@/lib/core/sites';
import { t, tn, tParts, type MessageKey } from '@/lib/i18n/i18n';
import { siteAdapters } from '@/lib/scrapers/registry';
import type { PaperdexDB } from '@/lib/store/db';
import { openSidePanel } from '@/lib/ui/ui-actions';
import { COPY_SHORTCUTS, shortcutKeys, type CopyKind } from './copy-shortcuts';
import { HostGroups } from './HostGroups';
import { ImportPanel } from './ImportPanel';
import { siteName } from './labels';

/** A site Paperdex captures on automatically, with the hosts (and paths) it does so on. */
export interface AutoSite {
  site: SiteId | 'generic';
  /** The site's name in the user's language (call while rendering: it reads the messages). */
  name: string;
  /** `host` or `host/path` as the manifest's match patterns give them, in manifest order. */
  hosts: string[];
}

/**
 * The automatic-capture hosts (the manifest's content-script matches), grouped by the site whose
 * adapter serves each host, in the order the manifest lists them.
 */
export function autoCaptureSites(): AutoSite[] {
  const out = new Map<string, AutoSite>();
  for (const pattern of AUTO_CAPTURE_MATCHES) {
    const m = pattern.match(/^[^:]+:\/\/([^/]+)(\/.*)$/);
    if (!m) continue;
    const [, host, path] = m;
    const site: SiteId | 'generic' = siteAdapters.find((a) => a.servesHost(host))?.id ?? 'generic';
    const shown = path === '/*' ? host : `${host}${path.replace(/\/?\*$/, '')}`;
    let g = out.get(site);
    if (!g) out.set(site, (g = { site, name: site === 'generic' ? t('welcome_siteOther') : siteName(site), hosts: [] }));
    if (!g.hosts.includes(shown)) g.hosts.push(shown);
  }
  return [...out.values()];
}

/** A command of the manifest with the shortcut the user has now ('' when none is set). */
interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** The key the manifest suggests for a command (the browser may have left it unassigned, e.g. when another extension has it). */
function suggestedKey(name: string): string | undefined {
  const commands = (browser.runtime.getManifest().commands ?? {}) as Record<string, { suggested_key?: { default?: string } }>;
  return commands[name]?.suggested_key?.default;
}

/**
 * The extension's commands and their current shortcuts: `commands.getAll()` where the browser has
 * it (the user may have changed or removed a shortcut), else the manifest's suggested keys.
 */
async function readShortcuts(): Promise<Shortcut[]> {
  const all = await Promise.resolve(browser.commands?.getAll?.()).catch(() => undefined);
  if (all) return all.filter((c) => !!c.name).map((c) => ({ name: c.name!, description: c.description ?? '', shortcut: c.shortcut ?? '' }));
  const commands = (browser.runtime.getManifest().commands ?? {}) as Record<
    string,
    { description?: string; suggested_key?: { default?: string } }
  >;
  return Object.entries(commands).map(([name, c]) => ({
    name,
    description: c.description ?? '',
    shortcut: c.suggested_key?.default ?? '',
  }));
}

const Keys = ({ keys }: { keys: string }) => (
  <span class="keys">
    {keys.split('+').map((k, i) => (
      <Fragment key={i}>
        {i > 0 && '+'}
        <kbd>{k}</kbd>
      </Fragment>
    ))}
  </span>
);

/** Where the user changes extension shortcuts, per browser (Firefox's menu labels are in the user's language). */
function shortcutSettings(): string {
  return import.meta.env.FIREFOX ? t('welcome_firefoxShortcutSettings') : 'chrome://extensions/shortcuts';
}

/** A message whose placeholders hold elements (`<strong>`, `<kbd>`), rendered in the translation's word order. */
function Rich({ id, subs }: { id: MessageKey; subs: Record<string, ComponentChildren> }) {
  return (
    <>
      {tParts<ComponentChildren>(id, subs).map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  );
}

/** The label of a copy shortcut's row ("Copy BibTeX of the selected search result"). */
function copyRowLabel(kind: CopyKind): string {
  switch (kind) {
    case 'bibtex':
      return t('welcome_keyCopyBibtex');
    case 'markdown':
      return t('welcome_keyCopyMarkdown');
    case 'citation':
      return t('welcome_keyCopyCitation');
  }
}

function SiteList() {
  const sites = autoCaptureSites();
  return (
    <ul class="welcome-sites" aria-label={t('welcome_sitesLabel')}>
      {sites.map((s) => (
        <li key={s.site} data-site={s.site}>
          <strong>{s.name}</strong>
          {s.hosts.length <= 10 ? (
            <span class="small muted"> {s.hosts.join(', ')}</span>
          ) : (
            <>
              <span class="small muted"> {tn('welcome_moreDomains', s.hosts.length - 1, { first: s.hosts[0] })}</span>
              <details class="welcome-hosts">
                <summary class="small">{tn('welcome_allDomains', s.hosts.length)}</summary>
                <p class="small muted">{s.hosts.join(', ')}</p>
              </details>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The welcome page. */
export function WelcomePage({ db }: { db: PaperdexDB }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [panelError, setPanelError] = useState<string | null>(null);
  useEffect(() => {
    void readShortcuts().then(setShortcuts, () => setShortcuts([]));
    // (known before the click: opening the side panel must happen inside the click's gesture)
    void Promise.resolve(browser.windows?.getCurrent?.())
      .then((w) => setWindowId(w?.id))
      .catch(() => undefined);
  }, []);
  const capture = shortcuts?.find((c) => c.name === 'capture-page');
  const suggested = suggestedKey('capture-page');
  const settingsPage = shortcutSettings();
  const captureKeys =
    shortcuts === null ? null : capture?.shortcut ? (
      <Keys keys={capture.shortcut} />
    ) : (
      <em>
        {suggested
          ? t('welcome_noKeySuggested', { keys: suggested, settings: settingsPage })
          : t('welcome_noKey', { settings: settingsPage })}
      </em>
    );
  const others = (shortcuts ?? []).filter((c) => c.name !== 'capture-page' && c.shortcut);
  const panelLead = import.meta.env.FIREFOX ? t('welcome_findSidebarLead') : t('welcome_findPanelLead');

  return (
    <div class="welcome">
      <header class="welcome-header">
        <div class="brand">
          <img src="/icon/32.png" alt="" width={24} height={24} />
          Paperdex
        </div>
      </header>
      <nav class="welcome-toc" aria-label={t('welcome_tocLabel')}>
        <a href="#capture">{t('welcome_tocCapture')}</a>
        <a href="#private">{t('welcome_tocPrivacy')}</a>
        <a href="#import">{t('welcome_tocImport')}</a>
        <a href="#find">{t('welcome_tocFind')}</a>
        <a href="#shortcuts">{t('welcome_tocShortcuts')}</a>
      </nav>
      <main class="welcome-main">
        <h1>{t('welcome_title')}</h1>
        <p class="welcome-lede">{t('welcome_lede')}</p>

        <section id="capture" aria-labelledby="capture-h">
          <h2 id="capture-h">{t('welcome_captureHeading')}</h2>
          <h3>{t('welcome_autoHeading')}</h3>
          <p>{t('welcome_autoText')}</p>
          <SiteList />
          <h3>{t('welcome_optionalHeading')}</h3>
          <div class="settings">
            <HostGroups />
          </div>
          <h3>{t('welcome_elsewhereHeading')}</h3>
          <p>
            <Rich
              id={shortcuts !== null && !capture?.shortcut ? 'welcome_elsewhereTextNoKey' : 'welcome_elsewhereText'}
              subs={{
                button: <strong>{t('capture_button')}</strong>,
                keys: <span data-testid="capture-shortcut">{captureKeys ?? '…'}</span>,
              }}
            />
          </p>
        </section>

        <section id="private" aria-labelledby="private-h">
          <h2 id="private-h">{t('welcome_privateHeading')}</h2>
          <ul class="welcome-points">
            <li>
              <Rich id="welcome_privateNothing" subs={{ lead: <strong>{t('welcome_privateNothingLead')}</strong> }} />
            </li>
            <li>{t('welcome_privateReads')}</li>
            <li>{t('welcome_privateBadges')}</li>
            <li>{t('welcome_privateUserLayer')}</li>
            <li>{t('welcome_privateUninstall')}</li>
          </ul>
        </section>

        <section id="import" aria-labelledby="import-h">
          <h2 id="import-h">{t('welcome_importHeading')}</h2>
          <p>{t('welcome_importIntro')}</p>
          <div class="welcome-steps">
            <div class="card">
              <h3>{t('welcome_zoteroHeading')}</h3>
              <ol>
                <li>
                  <Rich
                    id="welcome_zoteroStep1"
                    subs={{
                      exportLibrary: <strong>{t('welcome_zoteroExportLibrary')}</strong>,
                      exportCollection: <strong>{t('welcome_zoteroExportCollection')}</strong>,
                    }}
                  />
                </li>
                <li>
                  <Rich id="welcome_zoteroStep2" subs={{ bibtex: <strong>BibTeX</strong>, ok: <strong>{t('welcome_zoteroOk')}</strong> }} />
                </li>
                <li>{t('welcome_zoteroStep3')}</li>
              </ol>
            </div>
            <div class="card">
              <h3>{t('welcome_pmHeading')}</h3>
              <ol>
                <li>
                  <Rich id="welcome_pmStep1" subs={{ options: <strong>{t('welcome_pmOptions')}</strong> }} />
                </li>
                <li>
                  {/* PaperMemory's own labels: it is not translated. */}
                  <Rich
                    id="welcome_pmStep2"
                    subs={{
                      section: <strong>Data Management</strong>,
                      label: 'Export your full Memory data',
                      json: <strong>.json</strong>,
                    }}
                  />
                </li>
                <li>{t('welcome_pmStep3', { file: 'PaperMemory-data-….json' })}</li>
              </ol>
            </div>
          </div>
          <ImportPanel db={db} heading="h3" />
        </section>

        <section id="find" aria-labelledby="find-h">
          <h2 id="find-h">{t('welcome_findHeading')}</h2>
          <ul class="welcome-points">
            <li>
              <Rich id="welcome_findPopup" subs={{ lead: <strong>{t('welcome_findPopupLead')}</strong> }} />
            </li>
            <li>
              <Rich id="welcome_findPanel" subs={{ lead: <strong>{panelLead}</strong> }} />
            </li>
          </ul>
          <button
            type="button"
            class="btn primary"
            onClick={() => {
              setPanelError(null);
              openSidePanel(windowId).catch((e: unknown) =>
                setPanelError(t('welcome_openError', { error: e instanceof Error ? e.message : String(e) })),
              );
            }}
          >
            {import.meta.env.FIREFOX ? t('welcome_openSidebar') : t('welcome_openPanel')}
          </button>
          {panelError && (
            <p class="small error" role="alert">
              {panelError}
            </p>
          )}
        </section>

        <section id="shortcuts" aria-labelledby="shortcuts-h">
          <h2 id="shortcuts-h">{t('welcome_shortcutsHeading')}</h2>
          <table class="welcome-keys" aria-labelledby="shortcuts-h">
            <tbody>
              <tr>
                <th scope="row">{t('welcome_keyCapture')}</th>
                <td>{captureKeys ?? '…'}</td>
              </tr>
              {others.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{c.description || c.name}</th>
                  <td>
                    <Keys keys={c.shortcut} />
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('welcome_keyResults')}</th>
                <td>
                  <kbd>↑</kbd> <kbd>↓</kbd> · <kbd>Enter</kbd> · <kbd>Esc</kbd>
                </td>
              </tr>
              {COPY_SHORTCUTS.map((c) => (
                <tr key={c.kind}>
                  <th scope="row">{copyRowLabel(c.kind)}</th>
                  <td>
                    <Keys keys={shortcutKeys(c)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="small muted">{t('welcome_changeShortcuts', { settings: settingsPage })}</p>
        </section>
      </main>
      <footer class="welcome-footer small muted">{import.meta.env.FIREFOX ? t('welcome_footerSidebar') : t('welcome_footerPanel')}</footer>
    </div>
  );
}
