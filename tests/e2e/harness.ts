// E2E harness: launch Debian's Chromium with the built extension (playwright-core, never a
// downloaded browser), serve fixture pages at their real URLs with request interception (and
// refuse every other web request, so nothing leaves the machine), and reach the extension's pages.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../helpers/dom';
import { startProxy, type RecordingProxy } from './proxy';

// Runs inside the extension's service worker via worker.evaluate.
declare const chrome: any;

export const extensionDir = resolve(repoRoot, '.output/chrome-mv3');
export const screenshotDir = resolve(repoRoot, 'tests/e2e/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A page to serve: the exact URL (or a predicate) and the HTML body. */
export interface Route {
  url: string | ((u: URL) => boolean);
  body: string | (() => string);
  contentType?: string;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Requests the browser tried to make to the web that no route served. */
  refused: string[];
  /** Requests made by extension pages (popup, side panel) to the web. */
  extensionRequests: string[];
  /** Everything that reached the network (the recording proxy): requests no test route intercepted. */
  proxy: RecordingProxy;
  /**
   * Stop the extension's service worker, as Chrome does when it is idle or killed. Resolves once
   * Chrome reports the worker stopped. The next event starts it again, under the same `Worker`
   * handle (same DevTools target) with a fresh global scope.
   */
  stopServiceWorker(): Promise<void>;
  /** The extension's service worker (it may have been stopped and restarted since launch). */
  liveWorker(): Promise<Worker>;
  /** The welcome page a first install opened, when launched with `keepWelcome` (else it was closed). */
  welcome?: Page;
  /** Add routes (served at their real URLs). */
  serve(routes: Route[]): void;
  /** Open a fixture URL in a new tab and wait for load. */
  open(url: string): Promise<Page>;
  /** The tab id of a page, from the extension's point of view. */
  tabIdOf(page: Page): Promise<number>;
  /** Wait until the background recorded a capture for the tab (state newer than `after`). */
  waitForCapture(tabId: number, pred?: (s: TabStateLike) => boolean): Promise<TabStateLike>;
  /**
   * Click the toolbar button for a tab, as a user would (CDP Extensions.triggerAction): opens the
   * real popup and grants activeTab for that tab.
   */
  clickToolbar(page: Page): Promise<void>;
  /** Open an extension page (popup.html, sidepanel.html) in a tab. */
  extPage(path: string, opts?: ExtPageOptions): Promise<Page>;
  close(): Promise<void>;
}

/** How to open an extension page: colour scheme, forced colours (Windows high contrast), viewport. */
export interface ExtPageOptions {
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  width?: number;
  height?: number;
}

export interface TabStateLike {
  url: string;
  found: number;
  errors: string[];
  updatedAt: number;
  skipped?: string;
  onDemand?: boolean;
  summary?: {
    papersFound: number;
    papersNew: number;
    papersUpdated: number;
    papersUnchanged: number;
    authorName?: string;
    authorId?: string;
  };
}

/**
 * Launch Chromium with the built extension. With `profileDir`, that browser profile is used and
 * kept on close, so a test can close the browser and relaunch it with the same profile (and
 * IndexedDB); otherwise a fresh profile is made and deleted on close.
 *
 * On a fresh profile the extension is installed, and it opens its welcome page by itself: launch
 * waits for that page and closes it (so tests see only the tabs they open: `open` takes the tab
 * that appeared as the new one), or with `keepWelcome` hands it over as `session.welcome`.
 */
export async function launch(opts: LaunchOptions = {}): Promise<Session> {
  const fresh = !opts.profileDir || !existsSync(opts.profileDir) || readdirSync(opts.profileDir).length === 0;
  // Whether the build has localised messages to check (public/_locales, with the `meta_locale` key).
  const en = join(extensionDir, '_locales/en/messages.json');
  const localised = existsSync(en) && 'meta_locale' in (JSON.parse(readFileSync(en, 'utf8')) as object);
  for (let attempt = 1; ; attempt++) {
    const s = await launchOnce(opts);
    // Chromium (seen in 156, on about one install in ten to twenty) sometimes installs the
    // extension with an empty message bundle: every chrome.i18n.getMessage() of the extension's
    // pages and worker then returns "" until the browser restarts (a restart loads it). Not what
    // a test is about: start again, as a user would, and say so.
    if (!localised || (await (await s.liveWorker()).evaluate(() => chrome.i18n.getMessage('meta_locale') !== ''))) return s;
    await s.close();
    if (attempt >= 4) throw new Error(`Chromium started the extension without its messages ${attempt} times in a row`);
    console.warn(`[paperdex] Chromium started the extension with no messages (chrome.i18n.getMessage returned ""): launching again`);
    // A fresh profile is installed again from scratch (so the welcome page opens again).
    if (fresh && opts.profileDir) rmSync(opts.profileDir, { recursive: true, force: true });
  }
}

/** Options of {@link launch}. */
export interface LaunchOptions {
  profileDir?: string;
  keepWelcome?: boolean;
  /** The browser's UI language ("de", "ja", "zh-CN"): the extension's messages follow it. */
  locale?: string;
  /**
   * Loopback servers the test started (`127.0.0.1:<port>`, e.g. tests/helpers/couch-server.ts) that
   * the browser reaches for real: neither answered by routes nor sent to the recording proxy.
   */
  direct?: string[];
}

async function launchOnce(opts: LaunchOptions): Promise<Session> {
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`Build the extension first: ${extensionDir} is missing (npm run build)`);
  const fresh = !opts.profileDir || !existsSync(opts.profileDir) || readdirSync(opts.profileDir).length === 0;
  const userDataDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'paperdex-e2e-'));
  const direct = (opts.direct ?? []).filter((h) => /^127\.0\.0\.1:\d+$/.test(h));
  const proxy = await startProxy();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1100, height: 800 },
    // Chromium on Linux takes its UI language (and so the extension's _locales folder) from the
    // environment; `--lang` is for the other platforms. Needs Debian's chromium-l10n (.ci/run).
    ...(opts.locale
      ? {
          locale: opts.locale,
          env: { ...process.env, LANGUAGE: opts.locale.replace('-', '_'), LANG: `${opts.locale.replace('-', '_')}.UTF-8` },
        }
      : {}),
    args: [
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      // Lets the test use CDP Extensions.triggerAction (a toolbar click) on the loaded extension.
      '--enable-unsafe-extension-debugging',
      // Anything not answered by a test route goes to the recording proxy, never to the web.
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      `--proxy-bypass-list=${['<-loopback>', ...direct].join(';')}`,
    ],
  });
  const routes: Route[] = [];
  const tabOf = new WeakMap<Page, number>();
  const refused: string[] = [];
  const extensionRequests: string[] = [];
  context.on('request', (r) => {
    if (!/^https?:/.test(r.url())) return;
    let origin = '';
    try {
      origin = r.serviceWorker()?.url() ?? r.frame().url();
    } catch {
      origin = '';
    }
    if (origin.startsWith('chrome-extension://')) extensionRequests.push(r.url());
  });
  await context.route('**/*', async (route) => {
    const reqUrl = route.request().url();
    if (!/^https?:/.test(reqUrl)) return route.continue();
    const u = new URL(reqUrl);
    if (direct.includes(u.host)) return route.continue();
    const hit = routes.find((r) => (typeof r.url === 'string' ? r.url === reqUrl : r.url(u)));
    if (hit) {
      const body = typeof hit.body === 'function' ? hit.body() : hit.body;
      return route.fulfill({ status: 200, contentType: hit.contentType ?? 'text/html; charset=utf-8', body });
    }
    refused.push(reqUrl);
    return route.abort('blockedbyclient');
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  let welcome: Page | undefined;
  if (fresh) {
    const url = `chrome-extension://${extensionId}/welcome.html`;
    const deadline = Date.now() + 20_000;
    while (!(welcome = context.pages().find((p) => p.url() === url))) {
      if (Date.now() > deadline) throw new Error('the welcome page did not open on install');
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!opts.keepWelcome) {
      await welcome.close();
      welcome = undefined;
    }
  }

  const session: Session = {
    context,
    extensionId,
    worker,
    refused,
    extensionRequests,
    proxy,
    welcome,
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        // Resolve on Chrome's own report that our worker's version is no longer running.
        const ours = `chrome-extension://${extensionId}/`;
        const stopped = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the service worker did not stop within 10 s')), 10_000);
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(ours) && v.runningStatus === 'stopped')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await stopped;
      } finally {
        await cdp.detach();
      }
    },
    liveWorker: () => currentWorker(),
    serve(rs) {
      routes.push(...rs);
    },
    async open(url) {
      // Without the "tabs" permission the extension can't see tab URLs: identify the new tab as
      // the one that appeared when this page opened.
      const before = new Set(await tabIds());
      const page = await context.newPage();
      const deadline = Date.now() + 10_000;
      let id: number | undefined;
      while (id === undefined && Date.now() < deadline) {
        id = (await tabIds()).find((t) => !before.has(t));
        if (id === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      if (id === undefined) throw new Error(`no new tab for ${url}`);
      tabOf.set(page, id);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async tabIdOf(page) {
      const id = tabOf.get(page);
      if (id === undefined) throw new Error(`page ${page.url()} was not opened with session.open()`);
      return id;
    },
    async waitForCapture(tabId, pred = () => true) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const w = await currentWorker();
        const s = (await w.evaluate(async (k: string) => (await chrome.storage.session.get(k))[k], `tab:${tabId}`)) as
          TabStateLike | undefined;
        if (s && pred(s)) return s;
        if (Date.now() > deadline) throw new Error(`no capture recorded for tab ${tabId}: ${JSON.stringify(s)}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    async clickToolbar(page) {
      const browser = context.browser();
      if (!browser) throw new Error('no browser handle');
      const cdp = await browser.newBrowserCDPSession();
      try {
        // triggerAction wants the *tab* target of the page (not its page target).
        const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
        const pageInfo = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
        const tab = targetInfos.find((t) => t.url === pageInfo.targetInfo.url);
        if (!tab) throw new Error(`no tab target for ${page.url()}`);
        await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      } finally {
        await cdp.detach();
      }
    },
    async extPage(path, opts = {}) {
      const page = await context.newPage();
      if (opts.colorScheme || opts.forcedColors)
        await page.emulateMedia({ colorScheme: opts.colorScheme, forcedColors: opts.forcedColors });
      if (opts.width) await page.setViewportSize({ width: opts.width, height: opts.height ?? 600 });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await proxy.close();
      if (!opts.profileDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };

  async function tabIds(): Promise<number[]> {
    const w = await currentWorker();
    return w.evaluate(async () => (await chrome.tabs.query({})).map((t: { id: number }) => t.id));
  }

  /** The service worker may have been stopped and restarted: always use the live one. */
  async function currentWorker(): Promise<Worker> {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (live) return live;
    return context.waitForEvent('serviceworker', { timeout: 30_000 });
  }
  return session;
}

/**
 * Capture each page at its real URL (served from `body`), one tab at a time, and wait until the
 * background recorded its capture; returns the summaries in order. The tabs are closed again.
 */
export async function captureAll(
  s: Session,
  pages: readonly { url: string; body: string }[],
): Promise<NonNullable<TabStateLike['summary']>[]> {
  s.serve(pages.map((p) => ({ url: p.url, body: p.body })));
  const out: NonNullable<TabStateLike['summary']>[] = [];
  for (const p of pages) {
    const tab = await s.open(p.url);
    out.push((await s.waitForCapture(await s.tabIdOf(tab), (x) => !!x.summary)).summary!);
    await tab.close();
  }
  return out;
}

/** Where the Chromium in use keeps its UI language packs (`<locale>.pak`): Debian's chromium-l10n. */
export function chromiumLocalesDir(): string {
  const beside = (() => {
    try {
      return join(dirname(realpathSync(CHROMIUM)), 'locales');
    } catch {
      return '';
    }
  })();
  return beside && existsSync(join(beside, 'en-US.pak')) ? beside : '/usr/lib/chromium/locales';
}

/**
 * Whether Chromium can run in this UI language ("de", "ja", "zh-CN"): without its language pack it
 * silently falls back to en-US, and so would the extension's messages.
 */
export function chromiumHasLocale(locale: string): boolean {
  return existsSync(join(chromiumLocalesDir(), `${locale}.pak`));
}

/** Save a screenshot under tests/e2e/screenshots/ (gitignored) for a human to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * {@link shot} of everything the page holds, also what an inner scroller hides (the popup is at most
 * 600 px tall and scrolls its body below the top bar): for the capture, each scroller that hides
 * content, and its ancestors, may grow to their content; their styles are set back afterwards.
 */
export async function shotWhole(page: Page, name: string): Promise<void> {
  const grown = await page.evaluate(() => {
    const saved: [HTMLElement, string | null][] = [];
    const grow = (el: HTMLElement, scroller: boolean) => {
      if (saved.some(([e]) => e === el)) return;
      saved.push([el, el.getAttribute('style')]);
      el.style.setProperty('max-height', 'none', 'important');
      el.style.setProperty('height', 'auto', 'important');
      if (scroller) el.style.setProperty('overflow-y', 'visible', 'important');
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { overflowY, position } = getComputedStyle(el);
      // (popovers and menus that scroll themselves stay as they are)
      if ((overflowY !== 'auto' && overflowY !== 'scroll') || position === 'absolute' || position === 'fixed') continue;
      if (el.scrollHeight <= el.clientHeight + 1 || !el.getClientRects().length) continue;
      grow(el, true);
      for (let a = el.parentElement; a; a = a.parentElement) grow(a, false);
    }
    (window as unknown as { __pdxGrown?: typeof saved }).__pdxGrown = saved;
    return saved.length;
  });
  try {
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    await shot(page, name);
  } finally {
    if (grown)
      await page.evaluate(() => {
        const w = window as unknown as { __pdxGrown?: [HTMLElement, string | null][] };
        for (const [el, style] of w.__pdxGrown ?? []) {
          if (style === null) el.removeAttribute('style');
          else el.setAttribute('style', style);
        }
        delete w.__pdxGrown;
      });
  }
}

/** Read a file as text. */
export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Click a button and return the downloaded file's text and suggested name. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}
