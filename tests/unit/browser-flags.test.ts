// The build-time browser flags (`import.meta.env.FIREFOX`, set by WXT per build): where the search
// host runs and which side-panel API the popup opens. Vitest leaves the flag undefined (the Chrome
// branch); `vi.stubEnv('FIREFOX', 'true')` selects the Firefox branch, as `wxt build -b firefox` does.
// Modules are re-imported per test: the background keeps its host in module state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaperRecord } from '../../lib/core/types';

const paper: PaperRecord = {
  id: 'p1',
  title: 'Manifold Mixup: Better Representations by Interpolating Hidden States',
  authors: ['Vikas Verma', 'Alex Lamb'],
  ids: {},
  sources: [{ site: 'openreview', url: 'https://openreview.net/forum?id=x', capturedAt: '' }],
  citationHistory: [],
  idKeys: [],
  titleKey: '',
  authorIds: [],
  collectionIds: [],
  addedAt: 1,
  updatedAt: 1,
};

/** Give the fake browser an API it lacks (offscreen, sidePanel) for one test. */
function provide(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
}

/**
 * Deliver a message to the registered listeners as our own extension page would send it; the
 * answer, or undefined when no listener took it.
 */
async function fromExtensionPage(msg: unknown): Promise<unknown> {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  let answer!: (r: unknown) => void;
  const answered = new Promise((resolve) => (answer = resolve));
  // The registry answers through `sendResponse` (the third argument), which the fake's typing omits.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const kept = await trigger(msg, sender, answer);
  if (!kept.includes(true)) answer(undefined);
  return answered;
}

const sidebarAction = fakeBrowser.sidebarAction;

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const k of ['offscreen', 'sidePanel']) delete (fakeBrowser as unknown as Record<string, unknown>)[k];
  provide(fakeBrowser, 'sidebarAction', sidebarAction);
});

// The Chrome branch (offscreen document) is covered by tests/unit/background/background.test.ts.
describe('search host placement', () => {
  it('Firefox build: the host runs in the background page and answers searches', async () => {
    vi.stubEnv('FIREFOX', 'true');
    const createDocument = vi.fn(async () => undefined);
    provide(fakeBrowser, 'offscreen', { createDocument });
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const { getDb } = await import('../../lib/store/db');
    const { ensureSearchHost, notifyIndex } = await import('../../lib/background/background');

    await ensureSearchHost();
    await getDb().papers.put(paper);
    await notifyIndex([paper.id]);
    const res = await fromExtensionPage({ paperdex: 1, type: 'search', data: { query: 'manifold mix' } });
    expect(res).toMatchObject({ ready: true, hits: [{ id: paper.id }] });
    // Even where an offscreen API exists, the Firefox build never uses it or messages a host.
    expect(createDocument).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('openSidePanel', () => {
  it("Chrome build: Chrome's side panel for the window", async () => {
    const open = vi.fn(async () => undefined);
    provide(fakeBrowser, 'sidePanel', { open });
    const sidebar = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue(undefined as never);
    const { openSidePanel } = await import('../../lib/ui/ui-actions');
    await openSidePanel(7);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(sidebar).not.toHaveBeenCalled();
  });

  it("Firefox build: Firefox's sidebar, never the side panel API", async () => {
    vi.stubEnv('FIREFOX', 'true');
    const open = vi.fn(async () => undefined);
    provide(fakeBrowser, 'sidePanel', { open });
    const sidebar = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue(undefined as never);
    const { openSidePanel } = await import('../../lib/ui/ui-actions');
    await openSidePanel(7);
    expect(sidebar).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
  });

  it('without the API (Firefox for Android): the panel in a tab', async () => {
    vi.stubEnv('FIREFOX', 'true');
    provide(fakeBrowser, 'sidebarAction', undefined);
    const { openSidePanel } = await import('../../lib/ui/ui-actions');
    await openSidePanel();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/sidepanel.html'));
  });
});
