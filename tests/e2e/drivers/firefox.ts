// The Firefox driver for the shared scenarios: Debian's firefox-esr driven headless by
// puppeteer-core over WebDriver BiDi, the built add-on (.output/firefox-mv2) installed temporarily.
// Fixture pages are served at their real URLs by request interception; every other web request is
// refused. Nothing is downloaded.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../helpers/dom';
import type { Driver, ExtPage, TabStateLike } from '../scenarios';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const firefoxExtensionDir = resolve(repoRoot, '.output/firefox-mv2');
const ADDON_ID = 'paperdex@paperdex.app';
/** A fixed internal UUID, so extension pages have a known moz-extension:// origin. */
const UUID = 'c0ffee00-0000-4000-8000-00000000da7a';
const ORIGIN = `moz-extension://${UUID}`;
const screenshots = resolve(repoRoot, 'tests/e2e/screenshots');

export function firefoxAvailable(): boolean {
  return existsSync(FIREFOX) && existsSync(join(firefoxExtensionDir, 'manifest.json'));
}

export async function firefoxDriver(): Promise<Driver> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Extension pages are moz-extension:// URLs, which WebDriver BiDi only navigates to with
    // system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // Optional permissions (the host groups of Settings) are granted without Firefox's doorhanger,
      // which WebDriver BiDi cannot click: the request itself still runs as in real use.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(firefoxExtensionDir);
  const routes = new Map<string, { body: string; contentType?: string }>();

  async function intercept(page: Page) {
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      const u = r.url();
      if (!/^https?:/.test(u)) return void r.continue().catch(() => undefined);
      const hit = routes.get(u);
      if (hit !== undefined)
        return void r
          .respond({ status: 200, contentType: hit.contentType ?? 'text/html; charset=utf-8', body: hit.body })
          .catch(() => undefined);
      return void r.abort().catch(() => undefined);
    });
  }

  /** Open an extension page; BiDi never reports its load, so wait for the document instead. */
  async function openExt(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage();
    if (viewport) await page.setViewport(viewport);
    void page.goto(`${ORIGIN}/${path}`, { timeout: 60_000 }).catch(() => undefined);
    const end = Date.now() + 20_000;
    for (;;) {
      const ok = await page
        .evaluate(
          () =>
            location.protocol === 'moz-extension:' && document.readyState === 'complete' && !!document.getElementById('app')?.firstChild,
        )
        .catch(() => false);
      if (ok) return page;
      if (Date.now() > end) throw new Error(`extension page ${path} did not load`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const control = await openExt('popup.html');
  // The add-on was just installed, so it opens its welcome page by itself: close it, so that `open`
  // (which takes the tab that appeared as the new one) sees only the tabs a scenario opens. (Found
  // by the extension's own tabs.query: BiDi reports extension pages as about:blank.)
  for (const end = Date.now() + 20_000; ;) {
    const closed = await control.evaluate(async (url: string) => {
      const tabs = (globalThis as any).browser.tabs;
      const w = ((await tabs.query({})) as { id: number; url?: string }[]).find((t) => t.url === url);
      if (w) await tabs.remove(w.id);
      return !!w;
    }, `${ORIGIN}/welcome.html`);
    if (closed) break;
    if (Date.now() > end) throw new Error('the welcome page did not open on install');
    await new Promise((r) => setTimeout(r, 100));
  }
  /** Web pages opened with `open`, by tab id. */
  const tabs = new Map<number, Awaited<ReturnType<typeof browser.newPage>>>();
  const tabIds = () =>
    control.evaluate(async () => ((await (globalThis as any).browser.tabs.query({})) as { id: number }[]).map((t) => t.id));

  return {
    name: 'firefox',
    serve: (rs) => rs.forEach((r) => routes.set(r.url, { body: r.body, contentType: r.contentType })),
    async open(url) {
      const before = new Set(await tabIds());
      const page = await browser.newPage();
      await intercept(page);
      let tabId: number | undefined;
      for (let i = 0; i < 100 && tabId === undefined; i++) {
        tabId = (await tabIds()).find((t) => !before.has(t));
        if (tabId === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      if (tabId === undefined) throw new Error('no new tab');
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      tabs.set(tabId, page);
      return { tabId, close: () => page.close() };
    },
    async navigate(tabId, url) {
      await tabs.get(tabId)!.goto(url, { waitUntil: 'load' });
    },
    async waitForCapture(tabId, pred = () => true) {
      const end = Date.now() + 30_000;
      for (;;) {
        const st = (await control.evaluate(
          async (k: string) => (await (globalThis as any).browser.storage.session.get(k))[k],
          `tab:${tabId}`,
        )) as TabStateLike | undefined;
        if (st && pred(st)) return st;
        if (Date.now() > end) throw new Error(`no capture for tab ${tabId}: ${JSON.stringify(st)}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    async extPage(path, opts = {}) {
      const page = await openExt(path, { width: opts.width ?? 420, height: opts.height ?? 800 });
      if (opts.dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      const ext: ExtPage = {
        evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
        click: (selector) => page.click(selector),
        async shot(name) {
          mkdirSync(screenshots, { recursive: true });
          await page.screenshot({ path: join(screenshots, `${name}.png`) as `${string}.png`, fullPage: true });
        },
        close: () => page.close(),
      };
      return ext;
    },
    // Firefox has no automation hook for toolbar clicks (the activeTab grant): see README.
    clickToolbar: undefined,
    close: () => browser.close(),
  };
}
