// Every message from a content script is validated (schema + sender) before any handler sees it.
import { describe, expect, it } from 'vitest';
import { senderKind, validateMessage } from '../../lib/messaging/messaging';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const tabSender = { id: ID, url: 'https://scholar.google.com/scholar?q=x', tab: { id: 3, url: 'https://scholar.google.com/scholar?q=x' } };
const good = {
  paperdex: 1,
  type: 'capture',
  data: {
    visitId: 'v',
    url: 'https://scholar.google.com/scholar?q=x',
    errors: [],
    result: {
      site: 'google-scholar',
      kind: 'search',
      url: 'https://scholar.google.com/scholar?q=x',
      papers: [{ title: 'A', authors: ['B'] }],
    },
  },
};

describe('message validation', () => {
  it('accepts a well-formed capture from a content script', () => {
    expect(validateMessage(good, tabSender, ID, ORIGIN)).toMatchObject({ ok: true, type: 'capture' });
  });
  it('strips unknown keys a page might smuggle in', () => {
    const msg = structuredClone(good) as typeof good & { data: { result: { papers: Record<string, unknown>[] } } };
    msg.data.result.papers[0].__proto_hack = '<img src=x onerror=alert(1)>';
    const r = validateMessage(msg, tabSender, ID, ORIGIN);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('onerror');
  });
  it('rejects foreign senders, unknown types and malformed data', () => {
    expect(validateMessage(good, { ...tabSender, id: 'other' }, ID, ORIGIN)).toMatchObject({ ok: false });
    expect(validateMessage({ ...good, type: 'wipe' }, tabSender, ID, ORIGIN)).toMatchObject({ ok: false, error: 'unknown message type' });
    expect(validateMessage(good, { id: ID, url: ORIGIN + 'popup.html' }, ID, ORIGIN)).toMatchObject({
      ok: false,
      error: 'capture: sender not allowed',
    });
    const bad = structuredClone(good);
    (bad.data.result.papers[0] as { title: unknown }).title = 42;
    expect(validateMessage(bad, tabSender, ID, ORIGIN)).toMatchObject({
      ok: false,
      error: expect.stringContaining('result.papers.0.title'),
    });
    const js = structuredClone(good);
    (js.data.result.papers[0] as { url?: string }).url = 'javascript:alert(1)';
    expect(validateMessage(js, tabSender, ID, ORIGIN)).toMatchObject({ ok: false, error: expect.stringContaining('http(s) URL') });
    const empty = structuredClone(good);
    empty.data.result.papers[0].title = '   ';
    expect(validateMessage(empty, tabSender, ID, ORIGIN).ok).toBe(false);
  });
  it('classifies senders', () => {
    expect(senderKind(tabSender, ID, ORIGIN)).toBe('content');
    expect(senderKind({ id: ID, url: ORIGIN + 'sidepanel.html' }, ID, ORIGIN)).toBe('extension');
    expect(senderKind({ id: ID }, ID, ORIGIN)).toBeUndefined();
  });
});

describe('stored text', () => {
  it('drops NUL and bidi override controls from page text', async () => {
    const { stripControls } = await import('../../lib/core/scraped-schema');
    expect(stripControls('Evil \u202Efdp.exe\u202C title\u0000')).toBe('Evil fdp.exe title');
    const msg = structuredClone(good);
    msg.data.result.papers[0].title = 'A \u202Ereversed\u202C title';
    const r = validateMessage(msg, tabSender, ID, ORIGIN) as { ok: true; data: { result: { papers: { title: string }[] } } };
    expect(r.data.result.papers[0].title).toBe('A reversed title');
  });
});
