import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { AUTO_CAPTURE_MATCHES, OPTIONAL_CAPTURE_MATCHES, SYNC_SERVER_MATCHES } from './lib/core/hosts';

/**
 * Paperdex never renders HTML from strings (a lint rule forbids dangerouslySetInnerHTML), so the
 * one HTML sink in Preact's renderer — `dom.innerHTML = props.dangerouslySetInnerHTML.__html` — is
 * replaced by an error at build time: no code path can turn page data into markup, and Mozilla's
 * add-on linter has no unsafe assignment to report.
 */
function preactWithoutHtmlSink(): Plugin {
  return {
    name: 'paperdex:preact-without-html-sink',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/.test(id)) return;
      const out = code.replace(
        /\((\w+)\.innerHTML=(\w+)\.__html\)/,
        '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Paperdex")})()',
      );
      if (out === code) this.error('Preact changed: the innerHTML sink to disable was not found');
      return { code: out, map: null };
    },
  };
}

// `npm run dev` opens a browser with the extension loaded. Prefer Debian's Chromium / Firefox ESR
// when they are installed (they are on our dev and CI machines); otherwise web-ext finds Chrome.
const binaries: Record<string, string> = {};
if (existsSync('/usr/bin/chromium')) binaries.chrome = '/usr/bin/chromium';
if (existsSync('/usr/bin/firefox-esr')) binaries.firefox = '/usr/bin/firefox-esr';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  zip: {
    // The sources archive AMO reviewers rebuild from (see README "Store packages").
    excludeSources: ['tests/e2e/screenshots/**', 'bench-results/**', '.output/**'],
  },
  webExt: {
    binaries,
    chromiumArgs: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    startUrls: ['https://scholar.google.com/'],
  },
  vite: () => ({
    plugins: [preactWithoutHtmlSink(), preact()],
    resolve: {
      // WXT's content-script context posts the extension id to the page and lets the page switch the
      // script off; every content script gets a silent one instead (see lib/content/script-context.ts).
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/content/script-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    // Name, description and the shortcut's text come from public/_locales (the browser's own i18n).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [...AUTO_CAPTURE_MATCHES] : ['sidePanel', 'offscreen']),
    ],
    // The auto-capture hosts again as host permissions (the content script's matches already ask for
    // them, so users see no new warning): only an explicit host permission lets the background read a
    // tab's URL without the `tabs` permission, and opened PDFs are recognised by their URL.
    ...(browser === 'firefox' ? {} : { host_permissions: [...AUTO_CAPTURE_MATCHES] }),
    // Host groups added after the first release are optional (lib/core/hosts.ts HOST_GROUPS): granted
    // from Settings or the welcome page, so an update never disables Paperdex for existing users.
    // So are sync servers (lib/sync): only the origin the user types is ever requested.
    ...(browser === 'firefox'
      ? { optional_permissions: [...OPTIONAL_CAPTURE_MATCHES, ...SYNC_SERVER_MATCHES] }
      : { optional_host_permissions: [...OPTIONAL_CAPTURE_MATCHES, ...SYNC_SERVER_MATCHES] }),
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_ext_commandCapture__',
      },
    },
    action: { default_title: '__MSG_ext_name__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paperdex@paperdex.app',
              strict_min_version: '140.0',
              // Paperdex collects nothing: everything stays in the browser profile.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
  }),
});
