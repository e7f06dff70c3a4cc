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
  });
  it('a bad row is dropped with its reason, never the message: the rest of the page stays', () => {
    // Rows are read one by one (lib/core/scrape-rows.ts): a row a page got wrong costs that row.
    const withRows = (edit: (p: Record<string, unknown>) => void) => {
      const m = structuredClone(good);
      m.data.result.papers.push({ title: 'Kept', authors: ['C'] });
      edit(m.data.result.papers[0] as Record<string, unknown>);
      return validateMessage(m, tabSender, ID, ORIGIN) as { ok: true; data: any };
    };
    const bad = withRows((p) => (p.title = 42));
    expect(bad).toMatchObject({ ok: true, type: 'capture' });
    expect(bad.data.result.papers.map((p: { title: string }) => p.title)).toEqual(['Kept']);
    // Reasons are data (the popup words them): the row and what is wrong with which field.
    expect(bad.data.rows).toMatchObject({
      total: 2,
      captured: 1,
      skipped: 1,
      reasons: [{ row: 1, issue: { text: expect.stringContaining('title') } }],
    });
    const js = withRows((p) => (p.url = 'javascript:alert(1)'));
    expect(js.data.rows.reasons).toEqual([{ row: 1, issue: { type: 'other', text: expect.stringContaining('http(s) URL') } }]);
    expect(JSON.stringify(js.data.result)).not.toContain('javascript:');
    const empty = withRows((p) => (p.title = '   '));
    expect(empty.data.rows.reasons).toEqual([{ row: 1, issue: { type: 'blankTitle' } }]);
    expect(empty.data.result.papers).toHaveLength(1);
  });
  it('a capture whose envelope is bad is still a message, carrying why (the background records it)', () => {
    const m = structuredClone(good);
    m.data.result.url = 'javascript:alert(1)';
    const r = validateMessage(m, tabSender, ID, ORIGIN) as { ok: true; data: any };
    expect(r.ok).toBe(true);
    expect(r.data.result).toBeNull();
    // What is wrong with the envelope; the background words the sentence around it.
    expect(r.data.invalid).toMatch(/^url: must be an http\(s\) URL/);
    // A sender cannot pre-fill what the reading reports.
    const forged = structuredClone(good) as typeof good & { data: Record<string, unknown> };
    forged.data.rows = { total: 9, captured: 9, skipped: 0, reasons: ['<b>x</b>'] };
    forged.data.invalid = 'forged';
    const f = validateMessage(forged, tabSender, ID, ORIGIN) as { ok: true; data: any };
    expect(f.data.rows).toEqual({ total: 1, captured: 1, skipped: 0, reasons: [] });
    expect(f.data.invalid).toBeUndefined();
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
