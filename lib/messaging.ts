/**
 * The one typed messaging registry between content scripts, extension pages and the background.
 * Each message type declares its request schema (validated on receipt: content-script data is
 * page-controlled) and which senders may send it. Listeners return promises; the registry adapts
 * them to `sendResponse` so it works in Chrome and Firefox alike.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { CaptureSummary } from './capture';
import { ScrapeResultSchema, SiteIdSchema, describeIssues } from './schema';

/** Who may send a message: a content script in a web page, or one of our own extension pages. */
export type SenderKind = 'content' | 'extension';

const CaptureRequest = v.object({
  visitId: v.pipe(v.string(), v.maxLength(100)),
  url: v.pipe(v.string(), v.maxLength(8192)),
  adapter: v.optional(SiteIdSchema),
  result: v.nullable(ScrapeResultSchema),
  errors: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(20)),
  /** The user asked for this capture (toolbar button / shortcut): runs even when auto-capture is off. */
  onDemand: v.optional(v.boolean()),
});

/** Request schemas and allowed senders, per message type. */
export const protocol = {
  /** A content script reports what it scraped on its page (result null: nothing to capture). */
  capture: { request: CaptureRequest, from: ['content'] as SenderKind[] },
};

/** Responses, per message type. */
export interface Responses {
  capture:
    | { ok: true; summary?: CaptureSummary; skipped?: string; known?: boolean[] }
    | { ok: false; error: string };
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
 * Register the background's handlers. Invalid or foreign messages are dropped with a warning and
 * answered with an error, never passed to a handler.
 */
export function registerHandlers(handlers: Handlers): void {
  const runtimeId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((msg: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (!msg || typeof msg !== 'object' || (msg as Envelope).paperdex !== 1) return false;
    const checked = validateMessage(msg, sender, runtimeId, origin);
    if (!checked.ok) {
      console.warn('[paperdex] dropped message:', checked.error);
      sendResponse({ ok: false, error: checked.error });
      return false;
    }
    const handler = handlers[checked.type] as (d: unknown, s: Sender) => Promise<unknown>;
    handler(checked.data, sender).then(sendResponse, (e: unknown) => {
      console.error('[paperdex]', checked.type, e);
      sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) });
    });
    return true;
  });
}
