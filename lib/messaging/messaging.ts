/**
 * The one typed messaging registry between content scripts, extension pages and the background.
 * Each message type declares its request schema (validated on receipt: content-script data is
 * page-controlled) and which senders may send it. Listeners return promises; the registry adapts
 * them to `sendResponse` so it works in Chrome and Firefox alike.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { CaptureSummary } from '../store/capture';
import type { HostStats } from '../search/host/search-host';
import type { SearchResponse } from '../search/search-types';
import type { QueryWarning } from '../search/query';
import { SiteIdSchema, describeIssues } from '../core/scraped-schema';
import { parseScrapeResult, type RowReport } from '../core/scrape-rows';
import type { ScrapeResult } from '../core/types';

/** Who may send a message: a content script in a web page, or one of our own extension pages. */
export type SenderKind = 'content' | 'extension';

/** A capture's result read row by row ({@link parseScrapeResult}): a bad row costs that row, not the page. */
function readRows(input: unknown): { result: ScrapeResult | null; rows?: RowReport; dropped?: number[]; invalid?: string } {
  if (input === null) return { result: null };
  const parsed = parseScrapeResult(input);
  if (!parsed.ok) return { result: null, invalid: parsed.error };
  return { result: parsed.result, rows: parsed.report, dropped: parsed.dropped };
}

const CaptureRequestFields = v.object({
  visitId: v.pipe(v.string(), v.maxLength(100)),
  url: v.pipe(v.string(), v.maxLength(8192)),
  adapter: v.optional(SiteIdSchema),
  result: v.nullable(v.unknown()),
  errors: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(20)),
  /** The user asked for this capture (toolbar button / shortcut): runs even when auto-capture is off. */
  onDemand: v.optional(v.boolean()),
});

/**
 * A capture: its fields, then its result read row by row. The output's `rows`, `dropped` and
 * `invalid` come from that reading only (a sender's own keys of those names are stripped).
 */
const CaptureRequest = v.pipe(
  CaptureRequestFields,
  v.transform(({ result, ...rest }) => ({ ...rest, ...readRows(result) })),
);

const SearchRequest = v.object({
  query: v.pipe(v.string(), v.maxLength(1000)),
  sort: v.optional(v.picklist(['relevance', 'newest', 'cited'])),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  facets: v.optional(v.boolean()),
});

const IdsRequest = v.object({ ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200_000)) });

const short = (n: number) => v.pipe(v.string(), v.maxLength(n));
/** What the user typed in Settings → Sync (checked again by the background: lib/sync/sync-types.ts). */
const SyncCredentials = v.object({ url: short(2000), database: short(238), username: short(500), password: short(2000) });
const SyncConfigSchema = v.object({ ...SyncCredentials.entries, enabled: v.boolean(), paused: v.boolean() });
const SyncCommandRequest = v.variant('action', [
  v.object({ action: v.literal('configure'), config: SyncCredentials }),
  v.object({ action: v.picklist(['now', 'pause', 'resume', 'stop']) }),
]);

/** Request schemas and allowed senders, per message type. */
export const protocol = {
  /** A content script reports what it scraped on its page (result null: nothing to capture). */
  capture: { request: CaptureRequest, from: ['content'] as SenderKind[] },
  /** A content script's page moved to another URL in-app (history API, hash): the tab's state may be about the old one. */
  pageMoved: { request: v.object({ url: v.pipe(v.string(), v.maxLength(8192)) }), from: ['content'] as SenderKind[] },
  /** Search the library (answered by the search host). */
  search: { request: SearchRequest, from: ['extension'] as SenderKind[] },
  /** Papers were added, changed or deleted: the search host re-reads them. */
  indexChanged: { request: IdsRequest, from: ['extension'] as SenderKind[] },
  /** Make sure the search host is running (the popup asks when a search found nobody to answer). */
  ensureSearchHost: { request: v.object({}), from: ['extension'] as SenderKind[] },
  /** Read a fetched landing page with the adapters (answered by Chrome's offscreen document; opt-in PDF completion). */
  scrapeHtml: {
    request: v.object({ url: v.pipe(v.string(), v.maxLength(8192)), html: v.pipe(v.string(), v.maxLength(8_000_000)) }),
    from: ['extension'] as SenderKind[],
  },
  /** Search host statistics (benchmark). */
  searchStats: { request: v.object({}), from: ['extension'] as SenderKind[] },
  /** The user set up, paused, resumed, stopped or nudged sync (Settings → Sync; answered by the background). */
  syncCommand: { request: SyncCommandRequest, from: ['extension'] as SenderKind[] },
  /** The background hands the sync host its configuration (null: sync off), or asks for a sync now. */
  syncRun: {
    request: v.object({ config: v.nullable(SyncConfigSchema), now: v.optional(v.boolean()) }),
    from: ['extension'] as SenderKind[],
  },
  /** The sync host wrote records received from the server: re-index these papers; `settings`: apply the synced settings. */
  syncApplied: {
    request: v.object({ ids: IdsRequest.entries.ids, settings: v.optional(v.boolean()) }),
    from: ['extension'] as SenderKind[],
  },
};

/** Responses, per message type. */
export interface Responses {
  search: SearchResponse & { ready: boolean; warnings: QueryWarning[] };
  indexChanged: { ok: true };
  ensureSearchHost: { ok: true };
  searchStats: HostStats & { ready: boolean; heapBytes?: number };
  capture: { ok: true; summary?: CaptureSummary; skipped?: string; known?: boolean[] } | { ok: false; error: string };
  pageMoved: { ok: true };
  scrapeHtml: { result: ScrapeResult | null };
  syncCommand: { ok: true } | { ok: false; error: SyncCommandError };
  syncRun: { ok: true };
  syncApplied: { ok: true };
}

/** Why a sync command was refused. */
export type SyncCommandError = 'invalid' | 'insecure' | 'credentials' | 'database' | 'permission' | 'notConfigured';

/**
 * The background asks a tab's auto-capture content script which page it is on
 * (`browser.tabs.sendMessage`, main frame): the answer is the page's URL. No answer means no
 * script there, i.e. the tab left the pages Paperdex captures on its own.
 */
export const WHERE_QUERY = { paperdex: 1, type: 'where' } as const;

/** Whether a message is {@link WHERE_QUERY}. */
export function isWhereQuery(msg: unknown): boolean {
  const m = msg as Partial<typeof WHERE_QUERY> | null;
  return m?.paperdex === 1 && m.type === 'where';
}

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof protocol)[K]['request']>;

interface Envelope {
  paperdex: 1;
  type: MessageType;
  data: unknown;
}

/** Minimal view of a message sender (the parts we check). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/** Send a typed message to the background and await its response. */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<Responses[K]> {
  const env: Envelope = { paperdex: 1, type, data };
  return (await browser.runtime.sendMessage(env)) as Responses[K];
}

/** Classify a sender; undefined for anything that is not us. */
export function senderKind(sender: Sender, runtimeId: string, extensionOrigin: string): SenderKind | undefined {
  if (sender.id !== runtimeId) return undefined;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && /^https?:/.test(sender.url ?? sender.tab.url ?? '')) return 'content';
  return undefined;
}

export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>, sender: Sender) => Promise<Responses[K]>;
};

/** Validate an incoming message: the envelope, the sender, then the request schema. */
export function validateMessage(
  msg: unknown,
  sender: Sender,
  runtimeId: string,
  extensionOrigin: string,
): { ok: true; type: MessageType; data: unknown } | { ok: false; error: string } {
  if (!msg || typeof msg !== 'object' || (msg as Envelope).paperdex !== 1) return { ok: false, error: 'not a Paperdex message' };
  const { type, data } = msg as Envelope;
  if (!Object.prototype.hasOwnProperty.call(protocol, type)) return { ok: false, error: `unknown message type` };
  const kind = senderKind(sender, runtimeId, extensionOrigin);
  const spec = protocol[type];
  if (!kind || !spec.from.includes(kind)) return { ok: false, error: `${type}: sender not allowed` };
  const parsed = v.safeParse(spec.request, data);
  if (!parsed.success) return { ok: false, error: `${type}: invalid request (${describeIssues(parsed.issues)})` };
  return { ok: true, type, data: parsed.output };
}

/**
 * Register this context's handlers (each message type is answered by the one context that
 * handles it: captures by the background, searches by the search host). Invalid or foreign
 * messages are dropped with a warning and answered with an error, never passed to a handler.
 */
export function registerHandlers(handlers: Partial<Handlers>): void {
  const runtimeId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((msg: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (!msg || typeof msg !== 'object' || (msg as Envelope).paperdex !== 1) return false;
    if (
      !Object.prototype.hasOwnProperty.call(handlers, (msg as Envelope).type) &&
      Object.prototype.hasOwnProperty.call(protocol, (msg as Envelope).type)
    )
      return false;
    const checked = validateMessage(msg, sender, runtimeId, origin);
    if (!checked.ok) {
      console.warn('[paperdex] dropped message:', checked.error);
      sendResponse({ ok: false, error: checked.error });
      return false;
    }
    const handler = handlers[checked.type] as ((d: unknown, s: Sender) => Promise<unknown>) | undefined;
    if (!handler) return false;
    handler(checked.data, sender).then(sendResponse, (e: unknown) => {
      console.error('[paperdex]', checked.type, e);
      sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) });
    });
    return true;
  });
}
