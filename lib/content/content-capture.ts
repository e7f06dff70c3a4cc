/**
 * What a content script does on a page: scrape it with the adapter registry, send the result to
 * the background, and scrape again when the page changes (rows appended by Google Scholar's
 * "Show more", single-page-app renders and in-app navigation). Sends only when the result changed.
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
}

/** A cheap digest of a scrape so unchanged re-scrapes are not sent again. */
export function fingerprint(value: unknown): string {
  const s = JSON.stringify(value) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `${s.length}:${(h >>> 0).toString(36)}`;
}

/** A capture loop for one document. Call `run()` on load, on DOM changes and on navigation. */
export function createCapturer(env: CaptureEnv) {
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
          // The extension was reloaded or the background is restarting: try on the next change.
          last = '';
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

  return { run };
}

/** Debounce `fn` by `ms`, trailing edge. */
export function debounce(fn: () => void, ms: number): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (t) clearTimeout(t);
    t = setTimeout(fn, ms);
  };
}

/** Scrape a document once and send it (on-demand capture). Returns the background's answer. */
export async function captureOnce(doc: Document, href: string, send: (req: RequestOf<'capture'>) => Promise<unknown>): Promise<unknown> {
  const { adapter, result, errors } = scrapePage(doc, new URL(href), { mode: 'click' });
  return send({ visitId: `now-${Date.now()}`, url: href, adapter, result, errors });
}
