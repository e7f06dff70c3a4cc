// The Chromium driver for the shared scenarios: the Playwright harness (harness.ts).
import type { Page } from 'playwright-core';
import { launch, shot } from '../harness';
import type { Driver, ExtPage } from '../scenarios';

export async function chromiumDriver(): Promise<Driver> {
  const s = await launch();
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
    close: () => s.close(),
  };
}
