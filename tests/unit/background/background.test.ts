// The background's capture path with WXT's fake browser: a capture message from a content script
// goes through the real messaging registry (schema + sender checks), the real store (Dexie on
// fake-indexeddb) and the real tab-state and badge code. Only the browser is fake (plus the APIs
// it lacks: commands.onCommand, scripting, Chrome's offscreen documents). Each test loads the modules
// afresh, so the background's module state (its search-host start-up) is the test's own.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ScrapeResult } from '../../../lib/core/types';
import type { PaperdexDB } from '../../../lib/store/db';
import { messagesOf } from '../../helpers/messages';

/** English messages: the background words its status lines with t() (the fake browser has no i18n). */
const EN = messagesOf('en');

type Bg = typeof import('../../../lib/background/background');
type TabStateMod = typeof import('../../../lib/store/tab-state');
type SettingsMod = typeof import('../../../lib/store/settings');

const TAB = 7;
const PAGE = 'https://arxiv.org/list/cs.LG/new';
const contentSender = { id: fakeBrowser.runtime.id, url: PAGE, tab: { id: TAB, url: PAGE } };
const popupSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

function listing(n = 2, url = PAGE): ScrapeResult {
  return {
    site: 'arxiv',
    kind: 'listing',
    url,
    papers: Array.from({ length: n }, (_, i) => ({
      title: `Background capture study ${i + 1} of sparse kernels`,
      authors: ['Ada Lovelace', `Alan Turing ${i}`],
      year: 2024,
      ids: { arxiv: `2402.${10001 + i}` },
      url: `https://arxiv.org/abs/2402.${10001 + i}`,
    })),
  };
}

/** The envelope `sendMessage('capture', …)` puts on the wire. */
const captureMessage = (result: ScrapeResult | null, extra: Record<string, unknown> = {}) => ({
  paperdex: 1,
  type: 'capture',
  data: { visitId: 'visit-1', url: result?.url ?? PAGE, adapter: result?.site, result, errors: [], ...extra },
});

/** Deliver a message to the background's listeners as the browser does, and await its answer. */
function deliver(msg: unknown, sender: object): Promise<any> {
  return new Promise((resolve) => {
    // The fake's trigger() passes every argument on; its types only know (message, sender).
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...a: unknown[]) => Promise<unknown>;
    void trigger(msg, sender, resolve);
  });
}

/** An event the fake browser lacks (commands.onCommand), with a way to fire it. */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...a: A) => void)[] = [];
  return {
    addListener: (l: (...a: A) => void) => void listeners.push(l),
    removeListener: () => undefined,
    hasListener: () => false,
    hasListeners: () => listeners.length > 0,
    fire: (...a: A) => listeners.forEach((l) => l(...a)),
  };
}

let bg: Bg;
let tabState: TabStateMod;
let settings: SettingsMod;
let db: PaperdexDB;
let onCommand: ReturnType<typeof fakeEvent<[string, { id?: number; url?: string } | undefined]>>;
/** Chrome's offscreen API, which the fake browser lacks (the Chrome build hosts search there). */
let offscreen: { createDocument: ReturnType<typeof vi.fn> };
let n = 0;

beforeEach(async () => {
  vi.resetModules();
  onCommand = fakeEvent();
  (fakeBrowser as unknown as { commands: { onCommand: unknown } }).commands.onCommand = onCommand;
  offscreen = { createDocument: vi.fn(async () => undefined) };
  const created = () => offscreen.createDocument.mock.calls.map(() => ({ contextType: 'OFFSCREEN_DOCUMENT' }));
  Object.assign(fakeBrowser, { offscreen });
  Object.assign(fakeBrowser.runtime, { getContexts: vi.fn(async () => created()) });
  // The modules are fresh, lib/i18n too: it reads the English messages again.
  (await import('../../../lib/i18n/i18n')).setMessageSource((key) => EN[key] ?? '', 'en-US');
  const dbMod = await import('../../../lib/store/db');
  // A fresh in-memory database per test (fake-indexeddb), as the background's shared handle.
  db = new dbMod.PaperdexDB(`test-background-${n++}`);
  dbMod.setDb(db);
  bg = await import('../../../lib/background/background');
  tabState = await import('../../../lib/store/tab-state');
  settings = await import('../../../lib/store/settings');
  bg.startBackground();
  await vi.waitFor(() => expect(offscreen.createDocument).toHaveBeenCalled());
});

const paperTitles = async () => (await db.papers.toArray()).map((p) => p.title).sort();

describe('background: capture messages from content scripts', () => {
  it('stores a valid capture, records the tab state and sets the badge', async () => {
    const res = await deliver(captureMessage(listing(2)), contentSender);
    expect(res).toMatchObject({ ok: true, summary: { papersFound: 2, papersNew: 2, site: 'arxiv', kind: 'listing' } });

    expect(await paperTitles()).toEqual(['Background capture study 1 of sparse kernels', 'Background capture study 2 of sparse kernels']);
    const sources = await db.sources.toArray();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ url: PAGE, site: 'arxiv', visitId: 'visit-1' });

    const st = await tabState.getTabState(TAB);
    expect(st).toMatchObject({ url: PAGE, site: 'arxiv', kind: 'listing', found: 2, errors: [], onDemand: false });
    expect(st!.summary).toMatchObject({ papersFound: 2, papersNew: 2 });
    expect(st!.skipped).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: TAB })).toEqual([0x2f, 0x5f, 0xb3, 255]);
  });

  it('starts the offscreen search host once and tells it which papers a capture changed', async () => {
    expect(offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(offscreen.createDocument).toHaveBeenCalledWith({
      url: 'offscreen.html',
      reasons: ['WORKERS'],
      justification: expect.any(String),
    });
    // Play the offscreen document: it answers `indexChanged`.
    const changed: string[][] = [];
    fakeBrowser.runtime.onMessage.addListener(async (m: unknown) => {
      const msg = m as { type?: string; data?: { ids: string[] } };
      if (msg.type !== 'indexChanged') return undefined;
      changed.push(msg.data!.ids);
      return { ok: true };
    });
    await deliver(captureMessage(listing(2)), contentSender);
    const stored = (await db.papers.toArray()).map((p) => p.id).sort();
    expect(stored).toHaveLength(2);
    expect(changed.map((ids) => [...ids].sort())).toEqual([stored]);
    // Open popups see the index version move and search again.
    const { INDEX_VERSION_KEY } = await import('../../../lib/search/index-version');
    expect(typeof (await fakeBrowser.storage.session.get(INDEX_VERSION_KEY))[INDEX_VERSION_KEY]).toBe('number');
    expect(offscreen.createDocument).toHaveBeenCalledTimes(1); // already running: not created again
  });

  it('a revisit of the same page adds nothing and says so on the badge', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    const again = await deliver(captureMessage(listing(2), { visitId: 'visit-2' }), contentSender);
    expect(again.summary).toMatchObject({ papersFound: 2, papersNew: 0, papersUnchanged: 2 });
    expect(await db.papers.count()).toBe(2);
    expect(await db.sources.count()).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('2');
  });

  it('a capture resent with the same visit id (the worker stopped before answering) is stored once, with the visit’s counts', async () => {
    // The content script resends until it gets an answer; the first write may have committed.
    await deliver(captureMessage(listing(2)), contentSender);
    const resent = await deliver(captureMessage(listing(2)), contentSender);
    expect(resent).toMatchObject({ ok: true, summary: { papersFound: 2, papersNew: 2 } });
    expect(await db.papers.count()).toBe(2);
    expect(await db.sources.count()).toBe(1);
    expect((await tabState.getTabState(TAB))!.summary).toMatchObject({ papersFound: 2, papersNew: 2 });
  });

  it('a page that holds nothing records found 0 and clears the badge; adapter errors show "!"', async () => {
    await fakeBrowser.action.setBadgeText({ tabId: TAB, text: '5' });
    expect(await deliver(captureMessage(null), contentSender)).toEqual({ ok: true });
    expect(await tabState.getTabState(TAB)).toMatchObject({ url: PAGE, found: 0, errors: [] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');

    await deliver(captureMessage(null, { errors: ['arxiv: the listing markup changed'] }), contentSender);
    expect(await tabState.getTabState(TAB)).toMatchObject({ found: 0, errors: ['arxiv: the listing markup changed'] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('!');
    expect(await db.papers.count()).toBe(0);
  });

  it('rejects a page reporting a capture of another site, and stores nothing', async () => {
    const forged = listing(2, 'https://arxiv.org/list/cs.LG/new');
    const evil = 'https://evil.example.com/page';
    const res = await deliver(captureMessage(forged), { id: fakeBrowser.runtime.id, url: evil, tab: { id: TAB, url: evil } });
    expect(res).toEqual({ ok: false, error: 'capture URL does not match the sending page' });
    expect(await db.papers.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    expect(await tabState.getTabState(TAB)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('rejects captures from senders that are not our content scripts, storing nothing', async () => {
    // (Malformed rows no longer cost the message: see "one bad row costs that row" below.)
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const noVisit = captureMessage(listing(1), { visitId: 42 });
    expect(await deliver(noVisit, contentSender)).toMatchObject({ ok: false, error: expect.stringMatching(/^capture: invalid request/) });
    const noErrors = captureMessage(listing(1), { errors: 'arxiv: broken' });
    expect(await deliver(noErrors, contentSender)).toMatchObject({ ok: false, error: expect.stringContaining('errors') });

    // Another extension, and one of our own pages (only content scripts report captures).
    expect(await deliver(captureMessage(listing(1)), { ...contentSender, id: 'someone-else' })).toEqual({
      ok: false,
      error: 'capture: sender not allowed',
    });
    expect(await deliver(captureMessage(listing(1)), popupSender())).toEqual({ ok: false, error: 'capture: sender not allowed' });
    expect(warned.mock.calls.filter(([m]) => m === '[paperdex] dropped message:')).toHaveLength(4);
    warned.mockRestore();

    expect(await db.papers.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    expect(await tabState.getTabState(TAB)).toBeUndefined();
  });

  it('storage full mid-capture: nothing partial is stored; the tab and the badge say why', async () => {
    // The browser refuses the second paper's write, as IndexedDB does when the disk quota is hit.
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'papers' && ++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await deliver(captureMessage(listing(3)), contentSender);
      expect(calls).toBe(2);
      expect(logged).toHaveBeenCalledWith('[paperdex] capture failed', expect.objectContaining({ name: 'QuotaExceededError' }));
      expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/ran out of storage space.*nothing from this page was saved/) });
      expect(await db.papers.count()).toBe(0);
      expect(await db.sources.count()).toBe(0);
      const st = await tabState.getTabState(TAB);
      expect(st).toMatchObject({ found: 3, errors: [res.error] });
      expect(st!.summary).toBeUndefined();
      expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('!');
      expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: TAB })).toEqual([0xb3, 0x26, 0x1e, 255]);
    } finally {
      spy.mockRestore();
      logged.mockRestore();
    }
  });

  it('a committed capture is answered as stored even when the tab state cannot be written afterwards', async () => {
    // The content script stops resending only on an answer; a failure after the commit must not
    // make it look as if nothing was saved.
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('session storage unavailable'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await deliver(captureMessage(listing(2)), contentSender);
      expect(res).toMatchObject({ ok: true, summary: { papersFound: 2, papersNew: 2 } });
      expect(await paperTitles()).toEqual(['Background capture study 1 of sparse kernels', 'Background capture study 2 of sparse kernels']);
      expect(logged).toHaveBeenCalledWith('[paperdex] tab state after a stored capture failed', expect.any(Error));
    } finally {
      set.mockRestore();
      logged.mockRestore();
    }
  });

  it('forgets a tab when it closes', async () => {
    await deliver(captureMessage(listing(1)), contentSender);
    expect(await tabState.getTabState(TAB)).toBeDefined();
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await tabState.getTabState(TAB)).toBeUndefined());
    expect(await db.papers.count()).toBe(1); // the library keeps the papers
  });
});

describe('background: auto-capture settings', () => {
  it('paused: stores nothing and the tab state says why', async () => {
    await settings.updateSettings({ autoCapture: false });
    const res = await deliver(captureMessage(listing(3)), contentSender);
    expect(res).toMatchObject({ ok: true, skipped: 'Automatic capture is paused.' });
    expect(res.summary).toBeUndefined();
    expect(await db.papers.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    const st = await tabState.getTabState(TAB);
    expect(st).toMatchObject({ url: PAGE, site: 'arxiv', found: 3, skipped: 'Automatic capture is paused.' });
    expect(st!.summary).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('off for one site: that site is skipped by name, others are stored', async () => {
    await settings.updateSettings({ disabledSites: ['arxiv'] });
    const res = await deliver(captureMessage(listing(1)), contentSender);
    expect(res).toMatchObject({ ok: true, skipped: 'Automatic capture is off for arXiv.' });
    expect(await db.papers.count()).toBe(0);

    const dblp = 'https://dblp.org/search?q=sparse';
    const other: ScrapeResult = { ...listing(1, dblp), site: 'dblp', kind: 'search' };
    const stored = await deliver(captureMessage(other), { id: fakeBrowser.runtime.id, url: dblp, tab: { id: 8, url: dblp } });
    expect(stored).toMatchObject({ ok: true, summary: { papersNew: 1 } });
    expect(await db.papers.count()).toBe(1);
  });

  it('paused, but the user asked (toolbar / shortcut): the capture is stored', async () => {
    await settings.updateSettings({ autoCapture: false });
    const res = await deliver(captureMessage(listing(2), { onDemand: true }), contentSender);
    expect(res).toMatchObject({ ok: true, summary: { papersNew: 2 } });
    expect(await db.papers.count()).toBe(2);
    expect(await tabState.getTabState(TAB)).toMatchObject({ found: 2, onDemand: true });
  });

  // Issue 16: this test used to expect `known: [true, false]` here (a paused page was told which of
  // its papers are known, so it could badge them). A page's own scripts read those badges, so a
  // paused page is now told nothing, whatever the badge setting (see the next describe).
  it('paused with badges on for the site: answers nothing about the library and looks nothing up', async () => {
    await deliver(captureMessage(listing(1)), contentSender);
    await settings.updateSettings({ autoCapture: false, badgeSites: ['arxiv'] });
    const lookups = vi.spyOn(db.papers, 'where');
    const res = await deliver(captureMessage(listing(2), { visitId: 'visit-2' }), contentSender);
    expect(res).toMatchObject({ ok: true, skipped: 'Automatic capture is paused.' });
    expect(res).not.toHaveProperty('known');
    expect(lookups).not.toHaveBeenCalled();
    expect(await db.papers.count()).toBe(1);
    expect((await tabState.getTabState(TAB))!.pagePapers).toBeUndefined();
  });
});

describe('background: what a page learns about the library (issue 16)', () => {
  const titles = (n: number) => listing(n).papers.map((p) => p.title);

  it("by default the page is told nothing; the popup's tab state lists its papers, new first, marked new / known", async () => {
    expect((await settings.getSettings()).badgeSites).toEqual([]);
    await deliver(captureMessage(listing(1)), contentSender);
    const res = await deliver(captureMessage(listing(2), { visitId: 'visit-2' }), contentSender);
    expect(res).toMatchObject({ ok: true, summary: { papersNew: 1, papersUnchanged: 1 } });
    expect(res.known).toBeUndefined();
    const idOf = async (t: string) => (await db.papers.filter((p) => p.title === t).first())!.id;
    const [first, second] = [await idOf(titles(2)[0]), await idOf(titles(2)[1])];
    expect((await tabState.getTabState(TAB))!.pagePapers).toEqual({
      papers: [
        { id: second, title: titles(2)[1], mark: 'new' },
        { id: first, title: titles(2)[0], mark: 'known' },
      ],
      more: 0,
      visit: { [second]: 'new' },
    });
  });

  it('with the opt-in for the site, the page is told which papers are known; an opt-in for another site does not count', async () => {
    await deliver(captureMessage(listing(1)), contentSender);
    await settings.updateSettings({ badgeSites: ['dblp'] });
    expect((await deliver(captureMessage(listing(2), { visitId: 'visit-2' }), contentSender)).known).toBeUndefined();
    await settings.updateSettings({ badgeSites: ['dblp', 'arxiv'] });
    const res = await deliver(captureMessage(listing(3), { visitId: 'visit-3' }), contentSender);
    expect(res.known).toEqual([true, true, false]);
  });

  it('opt-in on but capture off for the site, or a click-capture while paused: the page is told nothing', async () => {
    await deliver(captureMessage(listing(1)), contentSender);
    await settings.updateSettings({ badgeSites: ['arxiv'], disabledSites: ['arxiv'] });
    const off = await deliver(captureMessage(listing(2), { visitId: 'visit-2' }), contentSender);
    expect(off).toMatchObject({ ok: true, skipped: 'Automatic capture is off for arXiv.' });
    expect(off).not.toHaveProperty('known');

    await settings.updateSettings({ disabledSites: [], autoCapture: false });
    const clicked = await deliver(captureMessage(listing(2), { visitId: 'visit-3', onDemand: true }), contentSender);
    expect(clicked).toMatchObject({ ok: true, summary: { papersNew: 1 } });
    expect(clicked.known).toBeUndefined();
    // The popup still says which of them the library held (it is the extension's own page).
    expect((await tabState.getTabState(TAB))!.pagePapers!.papers.map((p) => [p.title, p.mark])).toEqual([
      [titles(2)[1], 'new'],
      [titles(2)[0], 'known'],
    ]);
  });

  it('a click-capture on a site without the opt-in tells the page nothing', async () => {
    await deliver(captureMessage(listing(1)), contentSender);
    const res = await deliver(captureMessage(listing(2), { visitId: 'now-1', onDemand: true }), contentSender);
    expect(res).toMatchObject({ ok: true, summary: { papersFound: 2 } });
    expect(res.known).toBeUndefined();
  });

  it('re-scrapes of the same visit keep its marks: what this visit stored is not "known before"', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    await deliver(captureMessage(listing(3)), contentSender); // same visit-1, one row appended
    const st = await tabState.getTabState(TAB);
    expect(st!.pagePapers!.papers.map((p) => p.mark)).toEqual(['new', 'new', 'new']);
    // A new visit of the page: now they were known before.
    await deliver(captureMessage(listing(3), { visitId: 'visit-2' }), contentSender);
    expect((await tabState.getTabState(TAB))!.pagePapers!.papers.map((p) => p.mark)).toEqual(['known', 'known', 'known']);
  });

  it('a long page lists the first 10 papers and counts the rest', async () => {
    await deliver(captureMessage(listing(13)), contentSender);
    const list = (await tabState.getTabState(TAB))!.pagePapers!;
    expect(list.papers.map((p) => p.title)).toEqual(titles(13).slice(0, 10));
    expect(list.more).toBe(3);
  });
});

describe('background: keyboard shortcut', () => {
  it('injects the one-shot capture script into the tab', async () => {
    const inject = vi.fn(async () => []);
    (fakeBrowser as unknown as { scripting: { executeScript: unknown } }).scripting.executeScript = inject;
    onCommand.fire('capture-page', { id: TAB, url: PAGE });
    await vi.waitFor(() => expect(inject).toHaveBeenCalledTimes(1));
    expect(inject).toHaveBeenCalledWith({ target: { tabId: TAB }, files: ['/content-scripts/capture-now.js'] });
    onCommand.fire('some-other-command', { id: TAB, url: PAGE });
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('when the page cannot be scripted, the tab state says so', async () => {
    (fakeBrowser as unknown as { scripting: { executeScript: unknown } }).scripting.executeScript = async () => {
      throw new Error('Cannot access contents of the page');
    };
    onCommand.fire('capture-page', { id: TAB, url: 'chrome://settings' });
    await vi.waitFor(async () =>
      expect(await tabState.getTabState(TAB)).toMatchObject({
        url: 'chrome://settings',
        found: 0,
        onDemand: true,
        errors: ['Could not capture this page: Cannot access contents of the page'],
      }),
    );
  });
});

describe('background: the tab state is about one page (issue 14)', () => {
  const OTHER = 'https://www.example.org/2026/12/an-ordinary-page';
  /** Fire `tabs.onUpdated` as Chrome does without the `tabs` permission (`url` only where visible). */
  const updated = (change: object, url?: string) =>
    (fakeBrowser.tabs.onUpdated.trigger as unknown as (...a: unknown[]) => Promise<unknown>)(TAB, change, { id: TAB, url });
  /** The auto-capture content script's answer to "which page are you on?" (undefined: no script there). */
  let where: string | undefined;
  let asked: unknown[];
  beforeEach(() => {
    where = undefined;
    asked = [];
    Object.assign(fakeBrowser.tabs, {
      sendMessage: vi.fn(async (tabId: number, msg: unknown, opts: unknown) => {
        asked.push([tabId, msg, opts]);
        if (where === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
        return where;
      }),
    });
  });

  it('is read for its own page only: another URL reads as nothing, a #fragment is the same page', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    expect(await tabState.getTabState(TAB, PAGE)).toMatchObject({ url: PAGE, found: 2 });
    expect(await tabState.getTabState(TAB, `${PAGE}#item3`)).toMatchObject({ url: PAGE });
    expect(await tabState.getTabState(TAB, OTHER)).toBeUndefined();
    expect(await tabState.getTabState(TAB, `${PAGE}?skip=25`)).toBeUndefined();
    expect(await tabState.getTabState(TAB)).toMatchObject({ url: PAGE }); // URL unknown: as recorded
  });

  it('is dropped when the tab navigates to another page it can see, kept on a reload or #fragment', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    await updated({ status: 'loading' }, `${PAGE}#section`);
    await updated({ status: 'loading' }, PAGE);
    expect(await tabState.getTabState(TAB)).toMatchObject({ url: PAGE });
    expect(asked).toEqual([]); // the URL was known: nobody asked
    await updated({ status: 'loading' }, OTHER);
    await vi.waitFor(async () => expect(await tabState.getTabState(TAB)).toBeUndefined());
    expect(await db.papers.count()).toBe(2); // the library keeps the papers
  });

  it('with the URL hidden (no tabs permission), asks the content script: same page kept, another dropped', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    // A frame loading on the page: the content script is still there, on the same page.
    where = PAGE;
    await updated({ status: 'loading' });
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toEqual([TAB, { paperdex: 1, type: 'where' }, { frameId: 0 }]);
    expect(await tabState.getTabState(TAB)).toMatchObject({ url: PAGE });
    // In-app route change: the script is on another URL.
    where = `${PAGE}?skip=25`;
    await updated({});
    await vi.waitFor(async () => expect(await tabState.getTabState(TAB)).toBeUndefined());
  });

  it('with the URL hidden and no content script answering (an ordinary page), the old page’s state is dropped', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    await updated({ status: 'loading' });
    await vi.waitFor(async () => expect(await tabState.getTabState(TAB)).toBeUndefined());
  });

  it('never drops a capture of the new page recorded while the content script was asked', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    const next = 'https://arxiv.org/list/cs.CL/new';
    let answer!: () => void;
    Object.assign(fakeBrowser.tabs, {
      sendMessage: vi.fn(
        () =>
          new Promise((_, reject) => {
            answer = () => reject(new Error('Receiving end does not exist.'));
          }),
      ),
    });
    const judged = bg.tabUpdated(TAB, undefined); // what the onUpdated listener runs
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
    await deliver(captureMessage(listing(1, next), { visitId: 'visit-2' }), { ...contentSender, url: next, tab: { id: TAB, url: next } });
    answer(); // no content script answered: the state judged was the old page's, and it is gone
    await judged;
    expect(await tabState.getTabState(TAB)).toMatchObject({ url: next, found: 1 });
  });

  it('is dropped when the content script reports an in-app route change; another origin is ignored', async () => {
    await deliver(captureMessage(listing(2)), contentSender);
    const moved = (url: string) => deliver({ paperdex: 1, type: 'pageMoved', data: { url } }, contentSender);
    expect(await moved(`${PAGE}#top`)).toEqual({ ok: true });
    expect(await tabState.getTabState(TAB)).toMatchObject({ url: PAGE });
    await moved('https://evil.example/elsewhere');
    expect(await tabState.getTabState(TAB)).toMatchObject({ url: PAGE });
    await moved(`${PAGE}?skip=25`);
    expect(await tabState.getTabState(TAB)).toBeUndefined();
    // Only content scripts may say so (an extension page is not a tab's page).
    expect(await deliver({ paperdex: 1, type: 'pageMoved', data: { url: PAGE } }, popupSender())).toMatchObject({ ok: false });
  });
});
