// Issue 18, sync in Chromium beyond the two-profile scenario (./sync.e2e.ts): sync keeps going
// when the MV3 service worker is stopped (it runs in the offscreen document's worker, not in the
// service worker) and after the browser restarts (the background hands the stored configuration
// over at every start); and the Settings → Sync section passes axe in each state it shows — up to
// date, offline, wrong password — in light and dark, at 400 px. A real CouchDB-protocol server
// (pouchdb-server, tests/helpers/couch-server.ts) on 127.0.0.1; the server's origin is granted in the
// profile as Chrome records an accepted request (its prompt cannot be clicked headless).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCouch, type CouchServer } from '../helpers/couch-server';
import { fixturesDir } from '../helpers/dom';
import { launch, shotWhole, type Session } from './harness';
import { grantInProfile } from './drivers/chromium';
import { blocking, formatViolations, runAxe, settle } from './axe';

declare const chrome: any;

const PAGES = [
  {
    url: 'https://arxiv.org/abs/2301.01234v2',
    file: 'arxiv/abs-2301.01234v2.html',
    title: 'Contrastive Pretraining for Tabular Anomaly Detection',
  },
  { url: 'https://arxiv.org/list/cs.LG/new', file: 'arxiv/list-cs-LG-new.html' },
];

/** Poll `fn` until it returns something truthy (bounded). */
async function until<T>(what: string, fn: () => Promise<T | undefined | false | null>, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What the Sync section's status element says. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="sync-status"]');
    return el ? { state: el.getAttribute('data-state'), error: el.getAttribute('data-error'), text: el.textContent ?? '' } : null;
  });

describe('sync keeps going, and its settings are accessible (Chromium)', () => {
  let server: CouchServer;
  let s: Session;
  let profileDir: string;
  let direct: string[];

  const titlesOnServer = async () =>
    (await server.docs()).filter((d) => d._id.startsWith('paper:') && !d._deleted).map((d) => (d.record as { title: string }).title);

  async function settings(width = 400): Promise<Page> {
    const panel = await s.extPage('sidepanel.html', { width, height: 900 });
    await panel.getByRole('tab', { name: 'Settings', exact: true }).click();
    await panel.locator('[data-testid="sync-settings"]').waitFor();
    return panel;
  }

  beforeAll(async () => {
    server = await startCouch({ user: 'researcher', password: 'lifecycle password', db: 'paperdex' });
    direct = [new URL(server.url).host];
    profileDir = mkdtempSync(join(tmpdir(), 'paperdex-sync-life-'));
    const first = await launch({ profileDir, direct });
    const id = first.extensionId;
    await first.close();
    grantInProfile(profileDir, id, ['http://127.0.0.1/*']);
    s = await launch({ profileDir, direct });
    s.serve(PAGES.map((p) => ({ url: p.url, body: readFileSync(join(fixturesDir, p.file), 'utf8') })));
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('goes on after the service worker is stopped, and after the browser restarts', async () => {
    const panel = await settings();
    const ok = await panel.evaluate(
      (config) => chrome.runtime.sendMessage({ paperdex: 1, type: 'syncCommand', data: { action: 'configure', config } }),
      { url: server.url, database: server.db, username: server.user, password: server.password },
    );
    expect(ok).toEqual({ ok: true });
    await until('up to date', async () => (await shown(panel))?.state === 'idle');

    // The service worker stops (as Chrome does after 30 s idle): a capture made after it still reaches the server.
    // (The page is opened by the browser, not through the stopped worker: its content script's
    // message is what starts the worker again.)
    await s.stopServiceWorker();
    const tab = await s.context.newPage();
    await tab.goto(PAGES[0].url, { waitUntil: 'load' });
    await until('the capture on the server', async () => (await titlesOnServer()).includes(PAGES[0].title!));
    await tab.close();
    await panel.close();

    // The browser closes and opens again (same profile): sync resumes by itself.
    await s.close();
    s = await launch({ profileDir, direct });
    s.serve(PAGES.map((p) => ({ url: p.url, body: readFileSync(join(fixturesDir, p.file), 'utf8') })));
    const before = (await titlesOnServer()).length;
    const list = await s.open(PAGES[1].url);
    const st = await s.waitForCapture(await s.tabIdOf(list), (x) => !!x.summary);
    expect(st.summary!.papersNew).toBeGreaterThan(1);
    await until('the listing on the server', async () => (await titlesOnServer()).length >= before + st.summary!.papersNew);
    const again = await settings();
    await until('up to date after the restart', async () => (await shown(again))?.state === 'idle');
    await again.close();
  }, 180_000);

  it('Settings → Sync passes axe when up to date, offline and after a wrong password, light and dark', async () => {
    const failures: string[] = [];
    const check = async (page: Page, view: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await settle(page);
        await page.locator('[data-testid="sync-settings"]').scrollIntoViewIfNeeded();
        const bad = blocking(await runAxe(page));
        if (bad.length) failures.push(formatViolations(`${view}-${scheme}`, bad));
        await shotWhole(page, `sync-${view}-400-${scheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    };
    const panel = await settings();
    await until('up to date', async () => (await shown(panel))?.state === 'idle');
    await check(panel, 'idle');

    await server.stop();
    await until('offline', async () => (await shown(panel))?.state === 'offline');
    expect((await shown(panel))!.text).toContain("Can't reach the server");
    await check(panel, 'offline');
    await server.restart();
    await until('back up to date', async () => (await shown(panel))?.state === 'idle');

    await panel.evaluate(
      (config) => chrome.runtime.sendMessage({ paperdex: 1, type: 'syncCommand', data: { action: 'configure', config } }),
      { url: server.url, database: server.db, username: server.user, password: 'not the password' },
    );
    await until('the password refused', async () => (await shown(panel))?.error === 'auth');
    expect((await shown(panel))!.text).toContain('refused the username or password');
    await check(panel, 'auth');
    if (failures.length) throw new Error(`serious or critical axe violations:\n${failures.join('\n')}`);
  }, 180_000);
});
