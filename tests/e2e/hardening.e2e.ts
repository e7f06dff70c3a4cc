// Hardening in real Chromium: hostile page strings stay inert text with the UI intact; ten tabs
// capturing overlapping pages at once store every paper exactly once; a service worker stopped in
// the middle of a capture leaves no partial capture and the next event works; and the extension
// makes no network request of its own while capturing, searching and exporting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arxivListing, HOSTILE, type ListEntry } from './pages';
import { download, launch, shot, type Session } from './harness';

const entry = (n: number, extra: Partial<ListEntry> = {}): ListEntry => ({
  id: `2402.${String(10000 + n)}`,
  title: `Synthetic study number ${n} of sparse attention kernels`,
  authors: [`Ada Lovelace${n % 7}`, `Alan Turing${n % 5}`],
  ...extra,
});

describe('hardening', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('stores hostile strings as text and shows them inert, layout intact', async () => {
    const url = 'https://arxiv.org/list/cs.CR/pastweek';
    const entries = Object.entries(HOSTILE).map(([k, title], i) =>
      entry(900 + i, { title, authors: [`<svg onload=alert(1)> ${k}`, 'Eve \u202Eredli\u202C'] }),
    );
    s.serve([{ url, body: arxivListing(entries, 'Cryptography and Security') }]);
    const page = await s.open(url);
    const tabId = await s.tabIdOf(page);
    const st = await s.waitForCapture(tabId, (x) => !!x.summary);
    expect(st.summary!.papersFound).toBe(entries.length);

    const popup = await s.extPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
    const box = popup.getByLabel('Search your papers');
    const expectFirst: [string, string][] = [
      ['adversarial robustness', 'Adversarial <b>robustness</b>'],
      ['image captioning', 'Image captioning attack'],
      ['reversed title', 'reversed title about transformers'],
      ['invisible characters', 'invisible characters'],
      ['longtitle lorem', 'Longtitle lorem'],
    ];
    for (const [q, text] of expectFirst) {
      await box.fill(q);
      await expect.poll(() => popup.getByRole('option').first().textContent(), { message: q }).toContain(text);
    }
    await box.fill('script pwned');
    // The payload is visible as text, never as markup; nothing ran. (Results update as you type:
    // wait for this query's.)
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('<script>window.__pwned = 1</script>');
    await box.fill('captioning');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('<img src=x onerror=');
    expect(await popup.locator('img[src="x"], script:not([src]), svg[onload]').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await box.fill('longtitle');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Longtitle lorem');
    expect(await popup.getByRole('option').count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await shot(popup, 'popup-hostile-light');

    const panel = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    await panel.getByLabel('Search your papers').fill('year:2024..2030');
    await expect.poll(() => panel.getByRole('option').count()).toBeGreaterThanOrEqual(entries.length);
    expect(await panel.locator('img[src="x"], svg[onload]').count()).toBe(0);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await panel.emulateMedia({ colorScheme: 'dark' });
    await shot(panel, 'sidepanel-hostile-dark');
    const { text } = await download(panel, () => panel.getByRole('button', { name: 'Export JSON' }).click());
    const data = JSON.parse(text);
    const titles = data.papers.map((p: { title: string }) => p.title);
    expect(titles).toContain(HOSTILE.script);
    expect(titles).toContain(HOSTILE.img);
    expect(titles.find((t: string) => t.startsWith('Longtitle')).length).toBeGreaterThan(90_000);
    expect(titles.some((t: string) => t.includes('\u0000'))).toBe(false);
    await popup.close();
    await panel.close();
  });

  it('ten tabs capturing overlapping pages at once store every paper exactly once', async () => {
    const pages = Array.from({ length: 10 }, (_, k) => ({
      url: `https://arxiv.org/list/cs.LG/25${String(k + 1).padStart(2, '0')}`,
      entries: Array.from({ length: 30 }, (_, i) => entry(k * 20 + i)),
    }));
    s.serve(pages.map((p) => ({ url: p.url, body: arxivListing(p.entries) })));
    const opened = await Promise.all(pages.map((p) => s.open(p.url)));
    for (const page of opened) await s.waitForCapture(await s.tabIdOf(page), (x) => !!x.summary);
    const panel = await s.extPage('sidepanel.html');
    const { text } = await download(panel, () => panel.getByRole('button', { name: 'Export JSON' }).click());
    const data = JSON.parse(text);
    const ours = data.papers.filter((p: { title: string }) => p.title.startsWith('Synthetic study number'));
    expect(ours).toHaveLength(9 * 20 + 30);
    expect(new Set(ours.map((p: { ids: { arxiv: string } }) => p.ids.arxiv)).size).toBe(ours.length);
    for (const p of pages) {
      const seen = ours.filter((x: { sources: { url: string }[] }) => x.sources.some((src) => src.url === p.url));
      expect(seen, p.url).toHaveLength(30);
    }
    for (const page of opened) await page.close();
    await panel.close();
  });

  it('a service worker stopped mid-capture leaves no partial capture, and the next capture works', async () => {
    const url = 'https://arxiv.org/list/math.PR/2501';
    const big = Array.from({ length: 4000 }, (_, i) =>
      entry(5000 + i, { title: `Probability note ${i} on random walks`, category: 'Probability (math.PR)' }),
    );
    s.serve([{ url, body: arxivListing(big, 'Probability') }]);
    const page = await s.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(150);
    await s.stopServiceWorker();
    await page.waitForTimeout(500);
    const count = async () => {
      const p = await s.extPage('sidepanel.html');
      const n = await p.evaluate(
        () =>
          new Promise<number>((res) => {
            const o = indexedDB.open('paperdex');
            o.onsuccess = () => {
              const all = o.result.transaction('papers').objectStore('papers').getAll();
              all.onsuccess = () => {
                res((all.result as { title: string }[]).filter((x) => x.title.startsWith('Probability note')).length);
                o.result.close();
              };
            };
          }),
      );
      await p.close();
      return n;
    };
    expect([0, 4000]).toContain(await count());
    // The next event wakes the worker; the database opens again and the capture completes.
    const again = await s.open(url);
    await s.waitForCapture(await s.tabIdOf(again), (x) => !!x.summary);
    expect(await count()).toBe(4000);
  });

  it('the extension made no network request of its own', async () => {
    // Search and export once more, then look at everything that tried to reach the network.
    const popup = await s.extPage('popup.html');
    await popup.getByLabel('Search your papers').fill('random walks');
    await expect.poll(() => popup.getByRole('option').count()).toBeGreaterThan(0);
    expect(s.extensionRequests).toEqual([]);
    // What reached the network besides the routed pages is the browser's own traffic: favicons of
    // the pages tabs show (their own host) and Chromium's update/sign-in services, which run even
    // with background networking off. Anything else would be the extension phoning home.
    const browserOwn = new Set([
      'arxiv.org',
      'update.googleapis.com',
      'accounts.google.com',
      'clients2.google.com',
      'clientservices.googleapis.com',
      'redirector.gvt1.com',
    ]);
    const ours = s.proxy.requests.filter((r) => {
      const host = r.startsWith('CONNECT ') ? r.slice(8).replace(/:\d+$/, '') : new URL(r.split(' ')[1]).hostname;
      return !browserOwn.has(host);
    });
    expect(ours).toEqual([]);

    // The detector itself works: a request made from the extension's service worker is seen.
    await s.worker.evaluate(() => fetch('https://telemetry.example.net/ping').catch(() => undefined));
    await expect
      .poll(() => [...s.extensionRequests, ...s.refused, ...s.proxy.requests].some((r) => r.includes('telemetry.example.net')))
      .toBe(true);
  });
});
