// The content-script capturer in happy-dom, as the auto-capture content script runs it: the real
// adapter registry scrapes the document, the real messaging module sends through WXT's fake
// browser (whose listener plays the background), and the page is observed for changes the way
// entrypoints/capture.content.ts observes it (MutationObserver → debounce → run).
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureOnce, createCapturer, debounce } from '../../../lib/content/content-capture';
import { watchPage } from '../../../lib/content/page-watch';
import { ContentScriptContext } from '../../../lib/content/script-context';
import { BADGE_TAG } from '../../../lib/content/badges';
import { sendMessage, validateMessage, type Responses } from '../../../lib/messaging/messaging';
import { fixturesDir } from '../../helpers/dom';

const LISTING = 'https://arxiv.org/list/cs.LG/new';
const fixture = (p: string) => readFileSync(join(fixturesDir, p), 'utf8');
const expected = JSON.parse(fixture('arxiv/list-cs-LG-new.expected.json')) as {
  result: { papers: { title: string }[] };
};

/** A live happy-dom page at `url` (no scripts run, nothing fetched). */
function openPage(url: string, html: string) {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html);
  return { win, doc: win.document as unknown as Document };
}

interface Sent {
  type: string;
  data: {
    visitId: string;
    url: string;
    adapter?: string;
    result: { papers: { title: string }[] } | null;
    errors: string[];
    onDemand?: boolean;
  };
}

/** Play the background: record every message and answer with `answer(msg)`. */
function background(answer: (m: Sent) => Responses['capture'] | Promise<Responses['capture']> = () => ({ ok: true })) {
  const sent: Sent[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (msg: unknown) => {
    sent.push(msg as Sent);
    return answer(msg as Sent);
  });
  return sent;
}

/** A capturer wired as the content script wires it; `href` can be changed to play in-app navigation. */
function capturerFor(doc: Document, href: { current: string }) {
  let visits = 0;
  return createCapturer({
    doc,
    href: () => href.current,
    send: (req) => sendMessage('capture', req),
    newVisitId: () => `visit-${++visits}`,
  });
}

/** The content script's change watcher (entrypoints/capture.content.ts), with a short debounce. */
function watch(win: Window, doc: Document, run: () => Promise<void>) {
  const later = debounce(() => void run(), 20);
  const observer = new win.MutationObserver(later);
  observer.observe(doc.documentElement as never, { childList: true, subtree: true });
  return observer;
}

/** One more listing entry, in the page's own markup. */
function appendEntry(doc: Document, id: string, title: string) {
  const dl = doc.querySelector('dl#articles, dl')!;
  dl.insertAdjacentHTML(
    'beforeend',
    `<dt><a name="item99">[99]</a> <a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a> [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}">pdf</a>]</dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${title}</div>
<div class="list-authors"><a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Noether,+E">Emmy Noether</a></div>
<div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div></div></dd>`,
  );
}

describe('content-script capturer', () => {
  it('scrapes the page and sends one capture message the background accepts', async () => {
    const sent = background();
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    await capturerFor(doc, { current: LISTING }).run();

    expect(sent).toHaveLength(1);
    const msg = sent[0];
    expect(msg).toMatchObject({ type: 'capture', data: { visitId: 'visit-1', url: LISTING, adapter: 'arxiv', errors: [] } });
    expect(JSON.parse(JSON.stringify(msg.data.result))).toEqual(expected.result);
    // What the background's validation makes of it: accepted from a content script on that page.
    const sender = { id: fakeBrowser.runtime.id, url: LISTING, tab: { id: 1, url: LISTING } };
    expect(validateMessage(msg, sender, fakeBrowser.runtime.id, fakeBrowser.runtime.getURL('/'))).toMatchObject({ ok: true });
  });

  it('does not resend an unchanged result, on a re-run or after a change that alters nothing scraped', async () => {
    const sent = background();
    const { win, doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, { current: LISTING });
    await capturer.run();
    await capturer.run();
    expect(sent).toHaveLength(1);

    const runs = vi.fn(() => capturer.run());
    const observer = watch(win, doc, runs);
    doc.body.insertAdjacentHTML('beforeend', '<footer id="late-footer"><p>Thanks to our members</p></footer>');
    await vi.waitFor(() => expect(runs).toHaveBeenCalled());
    await runs.mock.results[0].value;
    observer.disconnect();
    expect(sent).toHaveLength(1);
  });

  it('rescrapes after the page changes and sends the changed result in the same visit', async () => {
    const sent = background();
    const { win, doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, { current: LISTING });
    const observer = watch(win, doc, () => capturer.run());
    await capturer.run();
    expect(sent).toHaveLength(1);

    appendEntry(doc, '2406.09999', 'A late entry appended by the page');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    observer.disconnect();
    const titles = sent[1].data.result!.papers.map((p) => p.title);
    expect(titles).toHaveLength(expected.result.papers.length + 1);
    expect(titles).toContain('A late entry appended by the page');
    expect(sent[1].data.visitId).toBe('visit-1');
  });

  it('an in-app navigation starts a new visit and is sent even when the page looks the same', async () => {
    const sent = background();
    const href = { current: LISTING };
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, href);
    await capturer.run();
    href.current = `${LISTING}?skip=0&show=25`;
    await capturer.run();
    expect(sent.map((m) => [m.data.visitId, m.data.url])).toEqual([
      ['visit-1', LISTING],
      ['visit-2', href.current],
    ]);
  });

  it('a page with nothing to capture reports so once (the popup says why)', async () => {
    const sent = background();
    const url = 'https://arxiv.org/list/math.HO/new';
    const { doc } = openPage(url, fixture('arxiv/list-empty.html'));
    const capturer = capturerFor(doc, { current: url });
    await capturer.run();
    await capturer.run();
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ url, result: null, errors: [] });
  });

  it('when the background is unreachable (restarting), the same result is sent again on the next run', async () => {
    let up = false;
    const sent = background(() => {
      if (!up) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, { current: LISTING });
    await expect(capturer.run()).resolves.toBeUndefined();
    expect(debug).toHaveBeenCalledWith('[paperdex] capture not sent:', expect.any(Error));
    debug.mockRestore();
    up = true;
    await capturer.run();
    expect(sent).toHaveLength(2);
    expect(sent[1].data).toEqual(sent[0].data);
    await capturer.run();
    expect(sent).toHaveLength(2);
  });

  it('runs asked for while one is in flight coalesce into one follow-up', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent = background(async () => {
      await gate;
      return { ok: true };
    });
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, { current: LISTING });
    const first = capturer.run();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    appendEntry(doc, '2406.08888', 'Appended while the first capture was in flight');
    const more = [capturer.run(), capturer.run(), capturer.run()];
    release();
    await Promise.all([first, ...more]);
    expect(sent).toHaveLength(2);
    expect(sent[1].data.result!.papers.map((p) => p.title)).toContain('Appended while the first capture was in flight');
    expect(sent[0].data.result!.papers.map((p) => p.title)).not.toContain('Appended while the first capture was in flight');
  });

  it('badges the papers the background says were already known when the visit first saw them', async () => {
    // Titles the background reports as in the library before this capture.
    const known = new Set([expected.result.papers[0].title]);
    const sent = background((m) => ({ ok: true, known: m.data.result!.papers.map((p) => known.has(p.title)) }));
    const { win, doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, { current: LISTING });
    await capturer.run();
    const badged = () => [...doc.querySelectorAll(`div.list-title:has(${BADGE_TAG})`)].map((el) => el.textContent!.trim());
    expect(badged()).toHaveLength(1);
    expect(badged()[0]).toContain(expected.result.papers[0].title);

    // The page appends an entry that was in the library from an earlier visit. On this re-scrape
    // the background knows every paper (the first capture stored them): only the papers known
    // before this visit first saw them get a badge, not the ones this visit added.
    for (const p of expected.result.papers) known.add(p.title);
    known.add('An entry the library held before this visit');
    const observer = watch(win, doc, () => capturer.run());
    appendEntry(doc, '2406.07777', 'An entry the library held before this visit');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    await capturer.run(); // the re-scrape's answer has been applied
    observer.disconnect();
    expect(badged()).toHaveLength(2);
    expect(badged()[0]).toContain(expected.result.papers[0].title);
    expect(badged()[1]).toContain('An entry the library held before this visit');
  });
});

describe('delivery: a capture is kept until the background answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('no answer (worker stopped mid-write): resent with the same visit id after 1, 2, 4 … s, capped at 30 s, until answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const t0 = Date.now();
    const at: number[] = [];
    let failures = 7;
    const sent = background(() => {
      at.push(Date.now() - t0);
      if (failures-- > 0) throw new Error('The message port closed before a response was received.');
      return { ok: true };
    });
    // A static page: nothing changes after load, nothing calls run() again.
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    await capturerFor(doc, { current: LISTING }).run();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    debug.mockRestore();

    expect(at).toEqual([0, 1000, 3000, 7000, 15000, 31000, 61000, 91000]);
    expect(new Set(sent.map((m) => m.data.visitId))).toEqual(new Set(['visit-1']));
    for (const m of sent) expect(m.data).toEqual(sent[0].data);
    expect(sent[0].data.result!.papers).toHaveLength(expected.result.papers.length);
  });

  it('an answer, even an error, is an acknowledgement: nothing is resent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const sent = background(() => ({ ok: false, error: 'Your browser ran out of storage space for Paperdex.' }));
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    await capturerFor(doc, { current: LISTING }).run();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(sent).toHaveLength(1);
  });

  it('a change while a resend is pending sends at once and, answered, ends the backoff', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    let up = false;
    const sent = background(() => {
      if (!up) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    });
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, { current: LISTING });
    await capturer.run();
    up = true;
    appendEntry(doc, '2406.06666', 'Appended while the background was away');
    await capturer.run();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    debug.mockRestore();
    expect(sent).toHaveLength(2);
    expect(sent[1].data.result!.papers.map((p) => p.title)).toContain('Appended while the background was away');
  });

  it('stops for good once the extension is gone (reloaded or removed), and only then', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const sent = background(() => {
      throw new Error('Extension context invalidated.');
    });
    const { doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const capturer = capturerFor(doc, { current: LISTING });
    expect(capturer.stopped).toBe(false);
    await capturer.run();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    appendEntry(doc, '2406.05555', 'Appended after the extension was reloaded');
    await capturer.run();
    debug.mockRestore();
    expect(sent).toHaveLength(1);
    expect(capturer.stopped).toBe(true);
  });
});

describe('re-capture timing: debounce with a maximum wait', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a page changing every 300 ms is still handled every 3 s; a quiet page 600 ms after its last change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const t0 = Date.now();
    const fired: number[] = [];
    const later = debounce(() => fired.push(Date.now() - t0), 600, 3000);
    for (let t = 0; t < 10_000; t += 300) {
      later();
      await vi.advanceTimersByTimeAsync(300);
    }
    // The ticker stopped at 9,900 ms: the trailing run follows 600 ms later.
    await vi.advanceTimersByTimeAsync(5000);
    expect(fired).toEqual([3000, 6000, 9000, 10500]);
  });

  it('without a maximum wait a 300 ms ticker would starve it (the bug this guards against)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const fn = vi.fn();
    const later = debounce(fn, 600);
    for (let t = 0; t < 10_000; t += 300) {
      later();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('page lifecycle: the page cannot stop capture', () => {
  it('a ticker page with rows appended is captured; forged WXT and history events change nothing; navigation starts a visit', async () => {
    const sent = background();
    const href = { current: LISTING };
    const { win, doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    doc.body.insertAdjacentHTML('afterbegin', '<div id="ticker">0</div>');
    const capturer = capturerFor(doc, href);
    await capturer.run();
    const stop = watchPage({
      win: win as never,
      doc,
      href: () => href.current,
      run: () => void capturer.run(),
      alive: () => true,
      debounceMs: 60,
      maxWaitMs: 250,
      pollMs: 20,
    });
    let n = 0;
    const ticker = win.setInterval(() => (doc.getElementById('ticker')!.textContent = String(++n)), 15);
    // What a page can dispatch: WXT 0.21's "content script started" event and message, its
    // location-change event, and history events. None of them reaches the watcher's lifecycle.
    const id = fakeBrowser.runtime.id;
    for (const type of [`${id}:capture:wxt:content-script-started`, 'wxt:content-script-started', `${id}:capture:wxt:locationchange`]) {
      doc.dispatchEvent(new win.CustomEvent(type, { detail: { contentScriptName: 'capture', messageId: 'forged' } }) as never);
      win.dispatchEvent(new win.Event(type) as never);
    }
    win.postMessage({ type: `${id}:capture:wxt:content-script-started`, contentScriptName: 'capture', messageId: 'forged' }, '*');
    win.dispatchEvent(new win.Event('popstate') as never);
    win.dispatchEvent(new win.Event('hashchange') as never);
    appendEntry(doc, '2406.04444', 'Appended while the ticker never stops');
    await vi.waitFor(() => expect(sent).toHaveLength(2), { timeout: 3000 });
    expect(sent[1].data.result!.papers.map((p) => p.title)).toContain('Appended while the ticker never stops');

    // An in-app navigation the page makes with the history API (no event): the poll notices it.
    href.current = `${LISTING}?skip=25&show=25`;
    await vi.waitFor(() => expect(sent).toHaveLength(3), { timeout: 3000 });
    expect(sent[2].data).toMatchObject({ url: href.current, visitId: 'visit-2' });
    win.clearInterval(ticker);
    stop();
  });

  it('tells of an in-app route change at once, before the debounced re-capture (issue 14)', async () => {
    const { win, doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    const href = { current: LISTING };
    const events: string[] = [];
    const stop = watchPage({
      win: win as never,
      doc,
      href: () => href.current,
      run: () => void events.push('run'),
      moved: (url) => void events.push(`moved ${url}`),
      alive: () => true,
      debounceMs: 60,
      maxWaitMs: 250,
      pollMs: 20,
    });
    win.dispatchEvent(new win.Event('popstate') as never); // a forged event, same URL: nothing moved
    href.current = `${LISTING}?skip=25&show=25`;
    await vi.waitFor(() => expect(events).toContain('run'), { timeout: 3000 });
    expect(events).toEqual([`moved ${LISTING}?skip=25&show=25`, 'run']);
    stop();
  });

  it('stops watching once the extension is gone', async () => {
    const { win, doc } = openPage(LISTING, fixture('arxiv/list-cs-LG-new.html'));
    let alive = true;
    const run = vi.fn();
    // The window as the watcher sees it, recording when its observer and URL poll are let go.
    const released: string[] = [];
    const Observer = class extends win.MutationObserver {
      disconnect() {
        released.push('observer');
        super.disconnect();
      }
    };
    const view = {
      MutationObserver: Observer,
      setInterval: win.setInterval.bind(win),
      clearInterval: (t: never) => (released.push('poll'), win.clearInterval(t)),
      addEventListener: win.addEventListener.bind(win),
      removeEventListener: win.removeEventListener.bind(win),
    };
    watchPage({ win: view as never, doc, href: () => LISTING, run, alive: () => alive, debounceMs: 10, maxWaitMs: 50, pollMs: 10 });
    appendEntry(doc, '2406.03333', 'Seen while the extension runs');
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    alive = false;
    // The next URL check finds the extension gone: the watcher lets everything go, runs nothing.
    await vi.waitFor(() => expect(released.sort()).toEqual(['observer', 'poll']));
    appendEntry(doc, '2406.02222', 'After the extension was removed');
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('content-script context (replaces WXT’s at build time)', () => {
  it('is valid while the extension runs and invalid once its runtime is gone; posts and listens to nothing', () => {
    const post = vi.fn();
    const listen = vi.fn();
    vi.stubGlobal('postMessage', post);
    vi.stubGlobal('addEventListener', listen);
    vi.stubGlobal('document', { dispatchEvent: post, addEventListener: listen });
    try {
      const ctx = new ContentScriptContext('capture', { matches: [] });
      const invalidated = vi.fn();
      ctx.onInvalidated(invalidated);
      expect(ctx.isValid).toBe(true);
      expect(post).not.toHaveBeenCalled();
      expect(listen).not.toHaveBeenCalled();
      const id = fakeBrowser.runtime.id;
      Object.assign(fakeBrowser.runtime, { id: undefined });
      try {
        expect(ctx.isInvalid).toBe(true);
        expect(invalidated).toHaveBeenCalledTimes(1);
      } finally {
        Object.assign(fakeBrowser.runtime, { id });
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('on-demand capture (toolbar / shortcut)', () => {
  it('scrapes once and returns the background’s answer', async () => {
    const sent = background(() => ({ ok: true, summary: undefined, skipped: 'test' }));
    const url = 'https://www.lab-example.org/papers/sparse-transformers';
    const { doc } = openPage(
      url,
      '<html><head><meta name="citation_title" content="Sparse Transformers for Long Documents"><meta name="citation_author" content="Rivera, Ana"><meta name="citation_publication_date" content="2024/05/02"></head><body><h1>Sparse Transformers for Long Documents</h1></body></html>',
    );
    const answer = await captureOnce(doc, url, (req) => sendMessage('capture', { ...req, onDemand: true }));
    expect(answer).toEqual({ ok: true, skipped: 'test' });
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ url, onDemand: true, errors: [] });
    expect(sent[0].data.visitId).toMatch(/^now-/);
    expect(sent[0].data.result!.papers.map((p) => p.title)).toEqual(['Sparse Transformers for Long Documents']);
  });
});
