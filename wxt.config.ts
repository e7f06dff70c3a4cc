import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';

// `npm run dev` opens a browser with the extension loaded. Prefer Debian's Chromium / Firefox ESR
// when they are installed (they are on our dev and CI machines); otherwise web-ext finds Chrome.
const binaries: Record<string, string> = {};
if (existsSync('/usr/bin/chromium')) binaries.chrome = '/usr/bin/chromium';
if (existsSync('/usr/bin/firefox-esr')) binaries.firefox = '/usr/bin/firefox-esr';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  webExt: {
    binaries,
    chromiumArgs: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    startUrls: ['https://scholar.google.com/'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Paperdex',
    description:
      'Captures the authors and papers on the scholarly pages you visit, keeps them on your machine, and makes them searchable.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Capture this page with Paperdex',
      },
    },
    action: { default_title: 'Paperdex' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
  }),
});
