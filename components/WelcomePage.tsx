/**
 * The welcome page (entrypoints/welcome), opened once on install and from Settings: what Paperdex
 * captures and where (the automatic hosts read from lib/core/hosts.ts and the adapters that serve
 * them, grouped by site; the optional host groups; click-capture elsewhere with the toolbar button
 * and the `capture-page` shortcut read from the browser), what stays private, how to bring an
 * existing library (Zotero BibTeX, PaperMemory JSON) with the import control right there, where the
 * data shows, and the keyboard shortcuts.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AUTO_CAPTURE_MATCHES } from '@/lib/core/hosts';
import { SITE_NAMES, type SiteId } from '@/lib/core/sites';
import { siteAdapters } from '@/lib/scrapers/registry';
import type { PaperdexDB } from '@/lib/store/db';
import { openSidePanel } from '@/lib/ui/ui-actions';
import { COPY_SHORTCUTS, shortcutKeys } from './copy-shortcuts';
import { HostGroups } from './HostGroups';
import { ImportPanel } from './ImportPanel';

/** A site Paperdex captures on automatically, with the hosts (and paths) it does so on. */
export interface AutoSite {
  site: SiteId | 'generic';
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
    if (!g) out.set(site, (g = { site, name: site === 'generic' ? 'Other scholarly sites' : SITE_NAMES[site], hosts: [] }));
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

/** Where the user changes extension shortcuts, per browser. */
const SHORTCUT_SETTINGS = import.meta.env.FIREFOX
  ? 'about:addons → the gear menu → Manage Extension Shortcuts'
  : 'chrome://extensions/shortcuts';

function SiteList() {
  const sites = autoCaptureSites();
  return (
    <ul class="welcome-sites" aria-label="Sites Paperdex captures on automatically">
      {sites.map((s) => (
        <li key={s.site} data-site={s.site}>
          <strong>{s.name}</strong>
          {s.hosts.length <= 10 ? (
            <span class="small muted"> {s.hosts.join(', ')}</span>
          ) : (
            <>
              <span class="small muted">
                {' '}
                {s.hosts[0]} and {s.hosts.length - 1} more domains
              </span>
              <details class="welcome-hosts">
                <summary class="small">All {s.hosts.length} domains</summary>
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
  const captureKeys =
    shortcuts === null ? null : capture?.shortcut ? (
      <Keys keys={capture.shortcut} />
    ) : (
      <em>
        no key set in this browser{suggested ? ` (Paperdex suggests ${suggested})` : ''}: choose one in {SHORTCUT_SETTINGS}
      </em>
    );
  const others = (shortcuts ?? []).filter((c) => c.name !== 'capture-page' && c.shortcut);

  return (
    <div class="welcome">
      <header class="welcome-header">
        <div class="brand">
          <img src="/icon/32.png" alt="" width={24} height={24} />
          Paperdex
        </div>
      </header>
      <nav class="welcome-toc" aria-label="On this page">
        <a href="#capture">What it captures</a>
        <a href="#private">Privacy</a>
        <a href="#import">Bring your library</a>
        <a href="#find">Find your papers</a>
        <a href="#shortcuts">Shortcuts</a>
      </nav>
      <main class="welcome-main">
        <h1>Welcome to Paperdex</h1>
        <p class="welcome-lede">
          Paperdex keeps the papers and authors you come across while you browse — titles, authors, venues, abstracts, ids, citation counts
          and the metrics author pages show — in a library on this computer, and makes all of it searchable.
        </p>

        <section id="capture" aria-labelledby="capture-h">
          <h2 id="capture-h">What it captures, and where</h2>
          <h3>Automatically, as you browse</h3>
          <p>
            On these sites Paperdex reads author profiles, search results, listings and paper pages by itself — no click needed. Visiting a
            page twice adds nothing twice; the same paper seen on two sites is one paper.
          </p>
          <SiteList />
          <h3>On publisher and proceedings sites, if you switch them on</h3>
          <div class="settings">
            <HostGroups />
          </div>
          <h3>Everywhere else, when you ask</h3>
          <p>
            On any other page, click the Paperdex button in the toolbar and then <strong>Capture this page</strong>, or press{' '}
            <span data-testid="capture-shortcut">{captureKeys ?? '…'}</span>. It reads the paper metadata a page embeds (the tags publishers
            and repositories add for citation managers) and lists of papers; an ordinary page (news, shops, READMEs) captures nothing.
          </p>
        </section>

        <section id="private" aria-labelledby="private-h">
          <h2 id="private-h">What stays private</h2>
          <ul class="welcome-points">
            <li>
              <strong>Nothing leaves your machine.</strong> Your library lives in this browser profile. Paperdex makes no network requests
              of its own: no account, no sync, no analytics, no look-ups. (One opt-in in Settings, off by default, fetches an opened PDF’s
              landing page from the same site to complete its details.)
            </li>
            <li>It reads only the sites listed above (and the groups you switch on), plus a page when you ask it to capture that page.</li>
            <li>
              Sites cannot see what is in your library: the “in Paperdex” badges on pages are off unless you turn them on for a site in
              Settings.
            </li>
            <li>Your stars, tags and notes stay with your papers and go only into files you export yourself.</li>
            <li>Removing the extension deletes its data, so export first if you may want it back.</li>
          </ul>
        </section>

        <section id="import" aria-labelledby="import-h">
          <h2 id="import-h">Bring your existing library</h2>
          <p>Papers you import are merged with the ones Paperdex captures: a paper you already have is updated, never duplicated.</p>
          <div class="welcome-steps">
            <div class="card">
              <h3>From Zotero (BibTeX)</h3>
              <ol>
                <li>
                  In Zotero, choose <strong>File → Export Library…</strong> (or right-click a collection →{' '}
                  <strong>Export Collection…</strong>).
                </li>
                <li>
                  Format: <strong>BibTeX</strong> (Better BibTeX and CSL JSON work too), then <strong>OK</strong> and save the file.
                </li>
                <li>Choose that .bib file below.</li>
              </ol>
            </div>
            <div class="card">
              <h3>From PaperMemory</h3>
              <ol>
                <li>
                  Right-click PaperMemory's toolbar button and choose <strong>Options</strong> (or open its menu and the options page).
                </li>
                <li>
                  Under <strong>Data Management</strong>, next to “Export your full Memory data”, click <strong>.json</strong>.
                </li>
                <li>Choose the PaperMemory-data-….json file below. Favorites become starred papers; tags and notes come along.</li>
              </ol>
            </div>
          </div>
          <ImportPanel db={db} heading="h3" />
        </section>

        <section id="find" aria-labelledby="find-h">
          <h2 id="find-h">Where to find your papers</h2>
          <ul class="welcome-points">
            <li>
              <strong>The popup</strong> (the Paperdex button in the toolbar; pin it from the extensions menu): what the current page held,
              and a search box over everything you collected.
            </li>
            <li>
              <strong>The {import.meta.env.FIREFOX ? 'sidebar' : 'side panel'}</strong>: full search with filters, authors with their
              metrics and charts, comparisons, collections, import and export, and Settings (where this page opens again).
            </li>
          </ul>
          <button
            type="button"
            class="btn primary"
            onClick={() => {
              setPanelError(null);
              openSidePanel(windowId).catch((e: unknown) =>
                setPanelError(`Could not open it: ${e instanceof Error ? e.message : String(e)}`),
              );
            }}
          >
            Open the {import.meta.env.FIREFOX ? 'sidebar' : 'side panel'}
          </button>
          {panelError && (
            <p class="small error" role="alert">
              {panelError}
            </p>
          )}
        </section>

        <section id="shortcuts" aria-labelledby="shortcuts-h">
          <h2 id="shortcuts-h">Keyboard shortcuts</h2>
          <table class="welcome-keys">
            <tbody>
              <tr>
                <th scope="row">Capture the current page</th>
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
                <th scope="row">Search results (popup and side panel): move, open, clear</th>
                <td>
                  <kbd>↑</kbd> <kbd>↓</kbd> · <kbd>Enter</kbd> · <kbd>Esc</kbd>
                </td>
              </tr>
              {COPY_SHORTCUTS.map((c) => (
                <tr key={c.kind}>
                  <th scope="row">{c.action} of the selected search result</th>
                  <td>
                    <Keys keys={shortcutKeys(c)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="small muted">Change the browser shortcuts in {SHORTCUT_SETTINGS}.</p>
        </section>
      </main>
      <footer class="welcome-footer small muted">
        Open this page again from Settings in the {import.meta.env.FIREFOX ? 'sidebar' : 'side panel'}.
      </footer>
    </div>
  );
}
