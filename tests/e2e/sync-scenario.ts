// Issue 18, sync, as steps of the shared Driver (./scenarios.ts), so the same code runs in Chromium
// (./sync.e2e.ts) and Firefox (./sync-firefox.e2e.ts): two browser profiles A and B, each reaching
// a real CouchDB-protocol server (pouchdb-server, tests/helpers/couch-server.ts) through its own
// door (so the test can count who sent what), set up in Settings → Sync as a user would; a capture
// on A is found in B's search, a tag set on B shows on A, both edit one paper while the server is
// stopped and converge on the merged record once it is back, a wrong password stops A until it is
// fixed, and "Stop syncing" on B leaves both libraries whole. Every wait polls what the page shows
// (bounded), never a fixed sleep — except the one window in which A must send nothing.
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fixturesDir } from '../helpers/dom';
import type { CouchDoor, CouchServer } from '../helpers/couch-server';
import { clickButton, exportedText, typeInto, waitIn, type Driver, type ExtPage } from './scenarios';
import { LAYER_PAGE, openPaperMenu, showResult } from './user-layer-scenario';

/** The two profiles, the server, and each profile's door to it. */
export interface SyncWorld {
  a: Driver;
  b: Driver;
  server: CouchServer;
  doorA: CouchDoor;
  doorB: CouchDoor;
}

/** What the Sync section shows: the status element's attributes and text (null: sync is off, no status). */
interface SyncShown {
  state: string;
  error: string;
  shown: string;
  text: string;
}

const TITLE = LAYER_PAGE.title;
/** A word of the title (and in no other fixture). */
const TITLE_QUERY = 'tabular anomaly';
export const SYNC_TAG = 'synced on b';

/** Bounds (ms). The engine retries at most every 30 s (lib/sync/sync-engine.ts MAX_RETRY_MS). */
const STATE_TIMEOUT = 45_000;
const CONVERGE_TIMEOUT = 90_000;

// ---- DOM steps ---------------------------------------------------------------------------

/** The status element of Settings → Sync, as the user sees it. */
/** The engine's status row (meta `syncStatus`) as stored, for failure messages. */
function storedStatus(page: ExtPage): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((res) => {
        const o = indexedDB.open('paperdex');
        o.onsuccess = () => {
          const r = o.result.transaction('meta').objectStore('meta').get('syncStatus');
          r.onsuccess = () => {
            o.result.close();
            res(r.result?.value ?? null);
          };
          r.onerror = () => res(null);
        };
        o.onerror = () => res(null);
      }),
    null,
  );
}

function syncShown(page: ExtPage): Promise<SyncShown | null> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="sync-status"]');
    if (!el) return null;
    return {
      state: el.getAttribute('data-state') ?? '',
      error: el.getAttribute('data-error') ?? '',
      shown: el.getAttribute('data-shown') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  }, null);
}

/** Requests as lines for a failure message (method, path, status, age). */
const listRequests = (rs: CouchDoor['requests']) =>
  rs.map((r) => `\n  ${r.method} ${r.url.slice(0, 140)} → ${r.status ?? '…'} (${Math.round((Date.now() - r.at) / 1000)} s ago)`).join('');

/** Poll until the status element shows `state` (and `error`); returns what it shows. Fails with the last thing seen. */
async function waitForState(
  page: ExtPage,
  who: string,
  state: string,
  error?: string,
  timeout = STATE_TIMEOUT,
  door?: CouchDoor,
): Promise<SyncShown> {
  const end = Date.now() + timeout;
  let last: SyncShown | null = null;
  for (;;) {
    last = await syncShown(page).catch(() => last);
    if (last && last.state === state && (error === undefined || last.error === error)) return last;
    if (Date.now() > end)
      throw new Error(
        `${who}: sync status did not reach ${state}${error ? `/${error}` : ''} within ${timeout} ms (last: ${JSON.stringify(last)}; stored: ${JSON.stringify(await storedStatus(page).catch(() => null))})` +
          (door ? `; ${door.requests.length} requests, the last: ${listRequests(door.requests.slice(-15))}` : ''),
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Fill the form whose submit button reads `submit`, by the fields' visible labels, then press the
 * submit button with a real click (a user gesture: the form asks the browser for the server's
 * permission inside it).
 */
async function submitForm(page: ExtPage, submit: string, fields: Record<string, string>): Promise<void> {
  await waitIn(page, (s) => [...document.querySelectorAll('form button[type=submit]')].some((b) => b.textContent?.trim() === s), submit);
  const missing = await page.evaluate(
    ([s, f]) => {
      const form = [...document.querySelectorAll('form')].find((x) =>
        [...x.querySelectorAll('button[type=submit]')].some((b) => b.textContent?.trim() === s),
      )!;
      const out: string[] = [];
      for (const [label, value] of Object.entries(f)) {
        const l = [...form.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
        const input = (l?.control ?? null) as HTMLInputElement | null;
        if (!input) {
          out.push(label);
          continue;
        }
        input.focus();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      for (const el of document.querySelectorAll('[data-pdx-click]')) el.removeAttribute('data-pdx-click');
      [...form.querySelectorAll('button[type=submit]')].find((b) => b.textContent?.trim() === s)!.setAttribute('data-pdx-click', '1');
      return out;
    },
    [submit, fields] as const,
  );
  expect(missing, `fields labelled ${missing.join(', ')} in the "${submit}" form`).toEqual([]);
  await page.click('[data-pdx-click="1"]');
}

/** Click the button whose text is exactly `name` (inside the Sync section), with a real click. */
async function pressSync(page: ExtPage, name: string): Promise<void> {
  await waitIn(
    page,
    (n) =>
      [...document.querySelectorAll('[data-testid="sync-settings"] button')].some(
        (b) => b.textContent?.trim() === n && !(b as HTMLButtonElement).disabled,
      ),
    name,
  );
  await page.evaluate((n) => {
    for (const el of document.querySelectorAll('[data-pdx-click]')) el.removeAttribute('data-pdx-click');
    [...document.querySelectorAll('[data-testid="sync-settings"] button')]
      .filter((b) => b.textContent?.trim() === n && !(b as HTMLButtonElement).disabled)
      .at(-1)!
      .setAttribute('data-pdx-click', '1');
  }, name);
  await page.click('[data-pdx-click="1"]');
}

/** Open the side panel on its Settings tab, at the Sync section. */
async function openSettings(d: Driver): Promise<ExtPage> {
  const page = await d.extPage('sidepanel.html', { width: 420, height: 1000 });
  await clickButton(page, 'Settings');
  await waitIn(page, () => !!document.querySelector('[data-testid="sync-settings"]'));
  return page;
}

/**
 * Search (Papers tab of the side panel) until the row of `title` shows and `pred` holds for its
 * text: the query is typed again every few seconds, as a user looking for it would.
 */
async function searchUntil(page: ExtPage, who: string, query: string, title: string, timeout = STATE_TIMEOUT): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    await typeInto(page, 'Search your papers', '');
    try {
      await showResult(page, query, title);
      return;
    } catch (e) {
      if (Date.now() > end) throw new Error(`${who}: "${query}" did not find “${title}” within ${timeout} ms (${String(e)})`);
    }
  }
}

/** Set the note of the paper `title` from its row's ⋯ menu (saved when the field is left), in the page's search. */
async function setNote(page: ExtPage, title: string, note: string): Promise<void> {
  await openPaperMenu(page, title);
  await page.evaluate(
    ([t, n]) => {
      const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t))!;
      const i = [...o.parentElement!.children].indexOf(o);
      const menu = o.closest('.result-grid')?.querySelector(`.row-actions[data-row="${i}"]`) ?? o;
      const area = menu.querySelector('textarea[aria-label="Note"]') as HTMLTextAreaElement;
      area.focus();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(area, n);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.blur();
    },
    [title, note] as const,
  );
  await waitIn(
    page,
    (t) => {
      const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t as string));
      if (!o) return false;
      const i = [...o.parentElement!.children].indexOf(o);
      const menu = o.closest('.result-grid')?.querySelector(`.row-actions[data-row="${i}"]`);
      return !!menu?.querySelector('.user-note label')?.textContent?.includes('saved');
    },
    title,
  );
}

/** The exported record of the paper (Export JSON in the side panel's Papers tab). */
async function exportedPaper(page: ExtPage): Promise<{ all: { title: string }[]; paper: Record<string, any> | undefined }> {
  const data = JSON.parse(await exportedText(page, 'Export JSON')) as { papers: Record<string, any>[] };
  return { all: data.papers as { title: string }[], paper: data.papers.find((p) => p.title === TITLE) };
}

/** The user's layer of an exported paper, as it must be the same on both machines. */
const layerOf = (p: Record<string, any> | undefined) =>
  p && {
    starred: !!p.starred,
    status: p.status ?? null,
    tags: [...(p.tags ?? [])].sort(),
    note: p.note ?? null,
    noteHistory: (p.noteHistory ?? []).map((h: { note: string }) => h.note),
  };

/** Watch `door` for `ms` (polling its counter): fails as soon as a request comes in. */
async function expectSilence(door: CouchDoor, who: string, ms: number): Promise<void> {
  const before = door.requests.length;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const extra = door.requests.slice(before);
    expect(
      extra.map((r) => `${r.method} ${r.url}`),
      `${who} sent requests after the server refused its password`,
    ).toEqual([]);
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(door.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual([]);
}

// ---- The scenario ------------------------------------------------------------------------

/** The steps, in order (each an `it` of the calling suite; later steps rely on earlier ones). */
export function syncSteps(w: SyncWorld) {
  const { a, b, server, doorA, doorB } = w;
  let setA: ExtPage | undefined;
  let setB: ExtPage | undefined;
  let libA: ExtPage | undefined;
  let libB: ExtPage | undefined;
  let papersBefore = { a: 0, b: 0 };
  const name = a.name;

  const settingsA = async () => (setA ??= await openSettings(a));
  const settingsB = async () => (setB ??= await openSettings(b));
  const libraryA = async () => (libA ??= await a.extPage('sidepanel.html', { width: 420, height: 1000 }));
  const libraryB = async () => (libB ??= await b.extPage('sidepanel.html', { width: 420, height: 1000 }));

  return {
    /** 1. Both set sync up in Settings → Sync; nothing reached the server before; both reach "idle". */
    async turnOn(): Promise<void> {
      const pa = await settingsA();
      const pb = await settingsB();
      for (const [p, who] of [
        [pa, 'A'],
        [pb, 'B'],
      ] as const) {
        expect(await syncShown(p), `${who}: sync is off at first`).toBeNull();
        await waitIn(p, () => document.querySelector('[data-testid="sync-settings"]')?.textContent?.includes('Sync is off'));
      }
      expect(doorA.requests.length + doorB.requests.length, 'no request before sync is turned on').toBe(0);
      await pa.shot(`${name}-sync-off`);
      for (const [p, door, who] of [
        [pa, doorA, 'A'],
        [pb, doorB, 'B'],
      ] as const) {
        await submitForm(p, 'Turn on sync', {
          'Server URL': door.url,
          Database: server.db,
          Username: server.user,
          Password: server.password,
        });
        const st = await waitForState(p, who, 'idle', undefined, STATE_TIMEOUT, door);
        expect(st.text).toContain('Up to date');
      }
      await pa.shot(`${name}-sync-idle`);
      expect(doorA.requests.length, 'A talked to the server').toBeGreaterThan(0);
      expect(doorB.requests.length, 'B talked to the server').toBeGreaterThan(0);
      // Nothing left the browser without credentials, and the password is in no URL.
      for (const r of [...doorA.requests, ...doorB.requests]) {
        expect(r.auth, `${r.method} ${r.url} carried credentials`).toBe(true);
        expect(r.url).not.toContain(server.password);
      }
      const target = await pa.evaluate(() => document.querySelector('[data-testid="sync-target"]')?.textContent ?? '', null);
      expect(target).toBe(`${doorA.url}/${server.db}`);
    },

    /** 2. A capture on A is found by a title word in B's search. */
    async captureOnAFoundOnB(): Promise<void> {
      a.serve([{ url: LAYER_PAGE.url, body: readFileSync(join(fixturesDir, LAYER_PAGE.file), 'utf8') }]);
      const tab = await a.open(LAYER_PAGE.url);
      expect((await a.waitForCapture(tab.tabId, (x) => !!x.summary)).summary!.papersFound).toBe(1);
      await tab.close();
      const t0 = Date.now();
      const lb = await libraryB();
      await searchUntil(lb, 'B', TITLE_QUERY, TITLE);
      console.log(`[paperdex] ${name}: a capture on A was found in B's search after ${Date.now() - t0} ms`);
      // On the server: one paper document with that title.
      const docs = await server.docs();
      expect(docs.filter((x) => x._id.startsWith('paper:') && (x.record as { title?: string })?.title === TITLE)).toHaveLength(1);
    },

    /** 3. A tag set on B (⋯ menu of the row) shows on A (`tag:"…"` finds it, with the tag on its row). */
    async tagOnBShownOnA(): Promise<void> {
      const lb = await libraryB();
      await showResult(lb, TITLE_QUERY, TITLE);
      await openPaperMenu(lb, TITLE);
      await lb.evaluate(
        ([t, tag]) => {
          const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t))!;
          const i = [...o.parentElement!.children].indexOf(o);
          const menu = o.closest('.result-grid')?.querySelector(`.row-actions[data-row="${i}"]`) ?? o;
          const input = menu.querySelector('input[aria-label="Add a tag"]') as HTMLInputElement;
          input.focus();
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, tag);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        },
        [TITLE, SYNC_TAG] as const,
      );
      await waitIn(
        lb,
        (arg) => {
          const [t, tag] = arg as [string, string];
          const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t as string));
          if (!o) return false;
          const i = [...o.parentElement!.children].indexOf(o);
          const menu = o.closest('.result-grid')?.querySelector(`.row-actions[data-row="${i}"]`);
          return [...(menu?.querySelectorAll('.tag-list .tag-name') ?? [])].some((x) => x.textContent === tag);
        },
        [TITLE, SYNC_TAG],
      );
      const la = await libraryA();
      await searchUntil(la, 'A', `tag:"${SYNC_TAG}"`, TITLE);
      const marks = await la.evaluate((t) => {
        const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t))!;
        return [...o.querySelectorAll('.user-marks > *')].map((x) => x.textContent?.trim());
      }, TITLE);
      expect(marks).toContain(SYNC_TAG);
    },

    /**
     * 4. The server stops: both say so in plain words; A notes "from A", then B stars it and notes
     * "from B"; the server comes back: both converge, by themselves, on the merged record (B's newer
     * note, A's in the note history, the star, the tag), and the server keeps no conflict.
     */
    async offlineEditsConverge(): Promise<void> {
      const pa = await settingsA();
      const pb = await settingsB();
      await server.stop();
      for (const [p, who] of [
        [pa, 'A'],
        [pb, 'B'],
      ] as const) {
        const st = await waitForState(p, who, 'offline');
        expect(st.text, `${who}: the offline status says what is going on`).toContain("Can't reach the server");
        expect(st.text).toContain('nothing is lost');
      }
      await pa.shot(`${name}-sync-offline`);

      const la = await libraryA();
      await showResult(la, TITLE_QUERY, TITLE);
      await setNote(la, TITLE, 'from A');
      const lb = await libraryB();
      await showResult(lb, TITLE_QUERY, TITLE);
      // B's edits come later than A's (its layer is the newer one).
      await new Promise((r) => setTimeout(r, 50));
      await lb.evaluate((t) => {
        const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t))!;
        const i = [...o.parentElement!.children].indexOf(o);
        const actions = o.closest('.result-grid')!.querySelector(`.row-actions[data-row="${i}"]`)!;
        (actions.querySelector('button[aria-label^="Star “"]') as HTMLButtonElement).click();
      }, TITLE);
      await waitIn(
        lb,
        (t) => {
          const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t as string));
          if (!o) return false;
          const i = [...o.parentElement!.children].indexOf(o);
          return (
            o
              .closest('.result-grid')
              ?.querySelector(`.row-actions[data-row="${i}"] button[aria-label^="Star “"]`)
              ?.getAttribute('aria-pressed') === 'true'
          );
        },
        TITLE,
      );
      await setNote(lb, TITLE, 'from B');
      // Still offline: both wait, with their change counted.
      for (const [p, who] of [
        [pa, 'A'],
        [pb, 'B'],
      ] as const)
        expect((await syncShown(p))?.state, `${who} while the server is down`).toBe('offline');

      await server.restart();
      // Both reconnect by themselves (no "Sync now") and converge: first the data, then the status says so.
      const end = Date.now() + CONVERGE_TIMEOUT;
      let got: [unknown, unknown] = [undefined, undefined];
      for (;;) {
        const [ea, eb] = [await exportedPaper(la), await exportedPaper(lb)];
        got = [layerOf(ea.paper), layerOf(eb.paper)];
        const ok = (x: unknown) => {
          const l = x as ReturnType<typeof layerOf>;
          return !!l && l.starred && l.note === 'from B' && l.noteHistory.includes('from A') && l.tags.includes(SYNC_TAG);
        };
        if (ok(got[0]) && ok(got[1]) && JSON.stringify(got[0]) === JSON.stringify(got[1])) break;
        if (Date.now() > end)
          throw new Error(
            `A and B did not converge within ${CONVERGE_TIMEOUT} ms: A ${JSON.stringify(got[0])}, B ${JSON.stringify(got[1])}`,
          );
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(got[0]).toMatchObject({ starred: true, tags: [SYNC_TAG], note: 'from B' });
      expect(got[1]).toEqual(got[0]);
      await waitForState(pa, 'A', 'idle', undefined, STATE_TIMEOUT, doorA);
      await waitForState(pb, 'B', 'idle', undefined, STATE_TIMEOUT, doorB);
      // What A shows on the row: the star mark, and B's note in the menu.
      await searchUntil(la, 'A', `is:starred ${TITLE_QUERY}`, TITLE);
      await openPaperMenu(la, TITLE);
      const noteA = await la.evaluate((t) => {
        const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t))!;
        const i = [...o.parentElement!.children].indexOf(o);
        return (
          o
            .closest('.result-grid')
            ?.querySelector(`.row-actions[data-row="${i}"] textarea[aria-label="Note"]`) as HTMLTextAreaElement | null
        )?.value;
      }, TITLE);
      expect(noteA).toBe('from B');
      // The server holds one winning revision of the paper: the conflict was resolved, not left behind.
      const conflicted = async () =>
        (await server.docs()).filter((x) => x._id.startsWith('paper:') && (x.record as { title?: string })?.title === TITLE);
      const until = Date.now() + STATE_TIMEOUT;
      let docs = await conflicted();
      while ((docs.length !== 1 || docs[0]._conflicts?.length) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 500));
        docs = await conflicted();
      }
      expect(docs).toHaveLength(1);
      expect(docs[0]._conflicts ?? [], 'conflicting revisions left on the server').toEqual([]);
      expect((docs[0].record as { note?: string }).note).toBe('from B');
    },

    /** 5. A wrong password on A: a clear error, and A sends nothing until it is fixed; fixed, A is up to date again. */
    async wrongPassword(): Promise<void> {
      const pa = await settingsA();
      await pressSync(pa, 'Change server…');
      await submitForm(pa, 'Save', { Password: `${server.password}-typo` });
      const st = await waitForState(pa, 'A', 'error', 'auth');
      expect(st.text).toContain('The server refused the username or password');
      await pa.shot(`${name}-sync-error-auth`);
      // The 401 answers are in; from now on nothing more (polling the door's counter for 8 s).
      expect(doorA.requests.some((r) => r.status === 401)).toBe(true);
      await expectSilence(doorA, 'A', 8_000);
      await submitForm(pa, 'Save and retry', { Password: server.password });
      await waitForState(pa, 'A', 'idle', undefined, STATE_TIMEOUT, doorA);
      expect(doorA.requests.at(-1)?.status).not.toBe(401);
    },

    /** 6. "Stop syncing" on B: sync is off there; both libraries keep every paper. */
    async stopOnB(): Promise<void> {
      const la = await libraryA();
      const lb = await libraryB();
      papersBefore = { a: (await exportedPaper(la)).all.length, b: (await exportedPaper(lb)).all.length };
      expect(papersBefore.a).toBeGreaterThan(0);
      expect(papersBefore.b).toBe(papersBefore.a);
      const pb = await settingsB();
      await pressSync(pb, 'Stop syncing');
      // The confirmation: "Stop syncing?" with the same button.
      await waitIn(pb, () => document.querySelector('[data-testid="sync-settings"]')?.textContent?.includes('Stop syncing?'));
      await pressSync(pb, 'Stop syncing');
      await waitIn(pb, () => !document.querySelector('[data-testid="sync-status"]') && document.body.textContent?.includes('Sync is off'));
      await waitIn(pb, () =>
        [...document.querySelectorAll('form button[type=submit]')].some((x) => x.textContent?.trim() === 'Turn on sync'),
      );
      await pb.shot(`${name}-sync-stopped`);
      // B stops talking to the server.
      await expectSilence(doorB, 'B (stopped)', 3_000);
      for (const [lib, who, n] of [
        [la, 'A', papersBefore.a],
        [lb, 'B', papersBefore.b],
      ] as const) {
        await searchUntil(lib, who, TITLE_QUERY, TITLE);
        expect((await exportedPaper(lib)).all, `${who} keeps every paper`).toHaveLength(n);
      }
      // A is still on, and up to date.
      expect((await syncShown(await settingsA()))?.state).toBe('idle');
    },

    async closePages(): Promise<void> {
      for (const p of [setA, setB, libA, libB]) await p?.close().catch(() => undefined);
    },
  };
}

/**
 * The scenario as the calling suite's tests, in order (the same in both browsers); `steps` is read
 * when each test runs (the suite's beforeAll makes it).
 */
export function syncTests(steps: () => ReturnType<typeof syncSteps>): void {
  it('both turn sync on in Settings → Sync and are up to date', () => steps().turnOn());
  it('a capture on A is found in B’s search', () => steps().captureOnAFoundOnB());
  it('a tag set on B shows on A', () => steps().tagOnBShownOnA());
  it(
    'server stopped: both say so, both edit one paper; server back: both converge on the merged record',
    () => steps().offlineEditsConverge(),
    180_000,
  );
  it('a wrong password on A: a clear error, nothing sent until it is fixed', () => steps().wrongPassword());
  it('Stop syncing on B: both libraries keep every paper', () => steps().stopOnB());
}
