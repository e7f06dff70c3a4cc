/**
 * What a content script does on a page: scrape it with the adapter registry, send the result to
 * the background, and scrape again when the page changes (rows appended by Google Scholar's
 * "Show more", single-page-app renders and in-app navigation). Sends only when the result changed.
 * Delivery is acknowledged: a capture is kept until the background answers (its answer comes after
 * the committed write), and resent with the same visit id, with backoff, when no answer came (an
 * MV3 service worker stopped mid-write) — a static page has no DOM change to trigger a resend.
 */
import { showBadges } from './badges';
import { titleKey } from '../core/normalize';
import { scrapePage } from '../scrapers/registry';
import type { RequestOf, Responses } from '../messaging/messaging';

/** Dependencies, injected so the logic runs in tests without a browser. */
export interface CaptureEnv {
  doc: Document;
  href: () => string;
  send: (req: RequestOf<'capture'>) => Promise<Responses['capture'] | undefined>;
  /** New id per page visit (and per SPA navigation). */
  newVisitId: () => string;
  /** Whether the extension still runs (false once it was reloaded or removed): then capture stops. */
  alive?: () => boolean;
  /** Resend delays when no answer came: the first, doubled per failure up to the cap. */
  retry?: { firstMs: number; maxMs: number };
}

/** Resend after 1 s, 2 s, 4 s … at most every 30 s, while the page is open. */
export const RETRY = { firstMs: 1000, maxMs: 30_000 };

/** A send that failed because this script's extension is gone (reloaded or removed): never retried. */
export function isOrphaned(e: unknown): boolean {
  return /extension context invalidated/i.test(e instanceof Error ? e.message : String(e));
}

/** A cheap digest of a scrape so unchanged re-scrapes are not sent again. */
export function fingerprint(value: unknown): string {
  const s = JSON.stringify(value) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `${s.length}:${(h >>> 0).toString(36)}`;
}

/**
 * A capture loop for one document. Call `run()` on load, on DOM changes and on navigation; it
 * resends by itself until the background acknowledges, and `stop()` ends it.
 */
export function createCapturer(env: CaptureEnv) {
  const alive = env.alive ?? (() => true);
  const retry = env.retry ?? RETRY;
  let delay = retry.firstMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let visitId = env.newVisitId();
  let lastHref = env.href();
  let last = '';
  /**
   * Whether each paper (by title key) was in the library when this visit first saw it: re-scrapes
   * of the same visit find everything "known" (it was just captured), which must not badge it.
   */
  let firstSeen = new Map<string, boolean>();
  let running: Promise<void> | undefined;
  let again = false;

  async function once(): Promise<void> {
    if (stopped) return;
    const href = env.href();
    if (href !== lastHref) {
      lastHref = href;
      visitId = env.newVisitId();
      firstSeen = new Map();
    }
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return;
    }
    const { adapter, result, errors } = scrapePage(env.doc, url);
    const fp = fingerprint([href, result, errors]);
    if (fp === last) return;
    last = fp;
    const res = await env.send({ visitId, url: href, adapter, result, errors });
    // No answer: nobody received it (worker starting or stopped); an error answer is still an
    // answer (the background decided and the tab says why), so only silence is retried.
    if (!res) throw new Error('no answer from the background');
    acknowledged();
    if (result && res?.ok && res.known) {
      const known = result.papers.map((p, i) => {
        const k = titleKey(p.title);
        if (!firstSeen.has(k)) firstSeen.set(k, !!res.known![i]);
        return firstSeen.get(k)!;
      });
      showBadges(env.doc, result.papers, known);
    }
  }

  /** Scrape now (coalescing overlapping calls into one follow-up run). */
  async function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await once();
        } catch (e) {
          // Not acknowledged: keep it (send again) unless the extension itself is gone.
          last = '';
          if (isOrphaned(e) || !alive()) stop();
          else scheduleRetry();
          console.debug('[paperdex] capture not sent:', e);
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  }

  function acknowledged(): void {
    delay = retry.firstMs;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  /** Resend the page (same visit) after the current backoff delay, then double it. */
  function scheduleRetry(): void {
    if (stopped || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void run();
    }, delay);
    delay = Math.min(delay * 2, retry.maxMs);
  }

  /** Stop for good: no further sends or resends (the extension is gone). */
  function stop(): void {
    stopped = true;
    acknowledged();
  }

  return {
    run,
    stop,
    /** True once stopped (by `stop()` or because the extension is gone). */
    get stopped() {
      return stopped;
    },
  };
}

/**
 * Debounce `fn` by `ms`, trailing edge, but never wait more than `maxWait` since the first call
 * still pending: a page that changes every 300 ms is still handled every `maxWait`.
 */
export function debounce(fn: () => void, ms: number, maxWait = Infinity): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  let since: number | undefined;
  return () => {
    const now = Date.now();
    since ??= now;
    if (t) clearTimeout(t);
    t = setTimeout(
      () => {
        t = undefined;
        since = undefined;
        fn();
      },
      Math.max(0, Math.min(ms, since + maxWait - now)),
    );
  };
}

/** Scrape a document once and send it (on-demand capture). Returns the background's answer. */
export async function captureOnce(doc: Document, href: string, send: (req: RequestOf<'capture'>) => Promise<unknown>): Promise<unknown> {
  const { adapter, result, errors } = scrapePage(doc, new URL(href), { mode: 'click' });
  return send({ visitId: `now-${Date.now()}`, url: href, adapter, result, errors });
}
