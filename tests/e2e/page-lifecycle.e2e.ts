// The content script's lifecycle against a hostile or restless page, in real Chromium: a page that
// records every message it receives and forges WXT's "content script started" and location-change
// events learns nothing (no message from Paperdex, no extension id) and cannot stop capture; and a
// page that changes every 300 ms, forever, still has the rows it appends captured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arxivListing, type ListEntry } from './pages';
import { launch, type Session } from './harness';

const entry = (tag: string, n: number): ListEntry => ({
  id: `2503.${String(20000 + n)}`,
  title: `${tag} lifecycle study ${n} of streaming parsers`,
  authors: [`Grace Hopper${n % 3}`, `Edsger Dijkstra${n % 4}`],
});

/** The same listing markup the arXiv adapter reads, for rows the page appends itself. */
const rowsHtml = (entries: ListEntry[]) => {
  const html = arxivListing(entries);
  return html.slice(html.indexOf("<dl id='articles'>") + "<dl id='articles'>".length, html.lastIndexOf('</dl>'));
};

/** A listing whose head runs `script` (the page's own JavaScript, before any content script). */
const withScript = (entries: ListEntry[], heading: string, script: string) =>
  arxivListing(entries, heading).replace('</head>', `<script>${script}</script></head>`);

describe('page lifecycle', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  /** How many papers whose title starts with `prefix` the library holds (read in an extension page). */
  const storedWith = async (prefix: string) => {
    const p = await s.extPage('sidepanel.html');
    const n = await p.evaluate(
      (pre) =>
        new Promise<number>((res, rej) => {
          const o = indexedDB.open('paperdex');
          o.onerror = () => rej(o.error);
          o.onsuccess = () => {
            const req = o.result.transaction('papers').objectStore('papers').getAll();
            req.onsuccess = () => {
              o.result.close();
              res((req.result as { title: string }[]).filter((x) => x.title.startsWith(pre)).length);
            };
            req.onerror = () => rej(req.error);
          };
        }),
      prefix,
    );
    await p.close();
    return n;
  };

  it('a page that reads postMessages and forges WXT’s events sees nothing of Paperdex and cannot stop capture', async () => {
    const url = 'https://arxiv.org/list/cs.DS/2503';
    const first = Array.from({ length: 30 }, (_, i) => entry('Forged', i));
    const later = Array.from({ length: 10 }, (_, i) => entry('Appended', 100 + i));
    // The page's script: record every message event and every event on document and window whose
    // name mentions "wxt" or "content-script" (how WXT 0.21's context announced itself).
    const recorder = `
      window.__seen = [];
      window.addEventListener('message', (e) => {
        let data; try { data = JSON.stringify(e.data); } catch { data = String(e.data); }
        window.__seen.push({ data, origin: e.origin });
      }, true);`;
    s.serve([{ url, body: withScript(first, 'Data Structures and Algorithms', recorder) }]);
    const page = await s.open(url);
    const tabId = await s.tabIdOf(page);
    expect((await s.waitForCapture(tabId, (x) => !!x.summary)).summary!.papersFound).toBe(30);

    // Forge what stopped WXT's context: its "started" event (on document, with another script's
    // message id) and message, and its location-change event, under every name it could have.
    const id = s.extensionId;
    await page.evaluate((extId) => {
      const names = [
        `${extId}:capture:wxt:content-script-started`,
        `${extId}:content-scripts/capture:wxt:content-script-started`,
        'wxt:content-script-started',
      ];
      for (const type of names) {
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'capture', messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName: 'capture', messageId: 'forged' }, '*');
      }
      window.dispatchEvent(new Event(`${extId}:capture:wxt:locationchange`));
      window.dispatchEvent(new Event('wxt:locationchange'));
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, id);
    const rows = rowsHtml(later);
    await page.evaluate((h) => document.getElementById('articles')!.insertAdjacentHTML('beforeend', h), rows);

    const st = await s.waitForCapture(tabId, (x) => x.summary?.papersFound === 40);
    expect(st.summary!.papersFound).toBe(40);
    expect(await storedWith('Appended lifecycle study')).toBe(10);

    // Everything the page received: only its own forged messages, nothing from the content script.
    const seen = (await page.evaluate(() => (window as unknown as { __seen: { data: string }[] }).__seen)).map((m) => m.data);
    expect(seen.length).toBe(3);
    for (const m of seen) expect(m).toContain('"messageId":"forged"');
    expect(seen.join('\n')).not.toMatch(/"messageId":"(?!forged)/);
    expect(await page.evaluate((extId) => document.documentElement.outerHTML.includes(extId), id)).toBe(false);
    await page.close();
  });

  it('a page that changes every 300 ms still has the rows it appends captured', async () => {
    const url = 'https://arxiv.org/list/cs.NI/2503';
    const first = Array.from({ length: 30 }, (_, i) => entry('Ticker', i));
    const later = Array.from({ length: 10 }, (_, i) => entry('Mid-tick', 200 + i));
    // A live ticker in the page, as a news strip or a clock: the DOM never rests for 600 ms.
    const ticker = `
      document.addEventListener('DOMContentLoaded', () => {
        const t = document.createElement('div');
        t.id = 'ticker';
        document.body.prepend(t);
        let n = 0;
        setInterval(() => { t.textContent = 'tick ' + (++n); }, 300);
      });`;
    s.serve([{ url, body: withScript(first, 'Networking and Internet Architecture', ticker) }]);
    const page = await s.open(url);
    const tabId = await s.tabIdOf(page);
    expect((await s.waitForCapture(tabId, (x) => !!x.summary)).summary!.papersFound).toBe(30);
    await expect.poll(() => page.evaluate(() => Number(document.getElementById('ticker')?.textContent?.slice(5)))).toBeGreaterThan(3);

    await page.evaluate((h) => document.getElementById('articles')!.insertAdjacentHTML('beforeend', h), rowsHtml(later));
    const st = await s.waitForCapture(tabId, (x) => x.summary?.papersFound === 40);
    expect(st.summary!.papersFound).toBe(40);
    expect(await storedWith('Mid-tick lifecycle study')).toBe(10);
    // Still ticking: the capture did not wait for the page to rest.
    const before = await page.evaluate(() => document.getElementById('ticker')!.textContent);
    await expect.poll(() => page.evaluate(() => document.getElementById('ticker')!.textContent)).not.toBe(before);
    await page.close();
  });
});
