// The Chromium driver for the shared scenarios: the Playwright harness (harness.ts).
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, shot, type LaunchOptions, type Session } from '../harness';
import type { Driver, ExtPage } from '../scenarios';

/** Options of {@link chromiumDriver}. */
export interface ChromiumDriverOptions {
  /** Passed to the harness's launch (e.g. `direct`: loopback test servers the browser reaches for real). */
  launch?: Omit<LaunchOptions, 'profileDir'>;
  /**
   * Optional host permissions to hold from the start (e.g. `http://127.0.0.1/*`), written into the
   * profile as Chrome records a request the user accepted (its prompt cannot be clicked headless):
   * the extension is installed in a first launch, the browser closed, the grant written, relaunched.
   */
  grant?: string[];
}

/** Write a grant of `origins` into a closed Chromium profile, as Chrome records an accepted request. */
export function grantInProfile(profileDir: string, extensionId: string, origins: string[]): void {
  const file = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const ext = prefs.extensions.settings[extensionId];
  for (const key of ['granted_permissions', 'active_permissions']) {
    ext[key] ??= {};
    ext[key].explicit_host = [...new Set([...(ext[key].explicit_host ?? []), ...origins])];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

export async function chromiumDriver(opts: ChromiumDriverOptions = {}): Promise<Driver> {
  let s: Session;
  let profileDir: string | undefined;
  if (opts.grant?.length) {
    profileDir = mkdtempSync(join(tmpdir(), 'paperdex-e2e-granted-'));
    const first = await launch({ ...opts.launch, profileDir });
    const id = first.extensionId;
    await first.close();
    grantInProfile(profileDir, id, opts.grant);
    s = await launch({ ...opts.launch, profileDir });
  } else s = await launch(opts.launch);
  const pages = new Map<number, Page>();
  const wrap = (p: Page): ExtPage => ({
    evaluate: (fn, arg) => p.evaluate(fn as never, arg) as never,
    click: (selector) => p.locator(selector).first().click(),
    shot: (name) => shot(p, name),
    close: () => p.close(),
  });
  return {
    name: 'chromium',
    serve: (routes) => s.serve(routes),
    async open(url) {
      const page = await s.open(url);
      const tabId = await s.tabIdOf(page);
      pages.set(tabId, page);
      return { tabId, close: () => page.close() };
    },
    async navigate(tabId, url) {
      await pages.get(tabId)!.goto(url, { waitUntil: 'load' });
    },
    waitForCapture: (tabId, pred) => s.waitForCapture(tabId, pred as never) as never,
    async extPage(path, opts = {}) {
      return wrap(await s.extPage(path, { colorScheme: opts.dark ? 'dark' : undefined, width: opts.width, height: opts.height }));
    },
    async clickToolbar(tabId) {
      await s.clickToolbar(pages.get(tabId)!);
    },
    async close() {
      await s.close();
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
