/**
 * The sync goals of `npm run bench` (issue 18), measured on the built extension in two Chromium
 * profiles against a real CouchDB-protocol server on 127.0.0.1 (pouchdb-server, as the E2E tests
 * start it: tests/helpers/couch-server.ts). Per size: the first sync of a library of N papers
 * (generated from the real ICLR 2019 corpus, bench/corpus.ts) from machine A to the server, then
 * from the server into machine B's empty library (until B holds every paper and its search finds
 * the last one), A's extra disk for the local replication log (storage estimate before/after), and
 * one capture on A until B's search finds it, with both online.
 *
 * Usage: npm run bench -- --only-sync [--sync-sizes 10000,100000] [--no-build]
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeCorpus, type loadIclrNotes } from './corpus';
import { startCouch, type CouchServer } from '../tests/helpers/couch-server';
import { grantInProfile } from '../tests/e2e/drivers/chromium';
import { CHROMIUM, chromiumArgs } from './browser';

declare const chrome: any;

const root = resolve(import.meta.dirname, '..');
const USER = 'bench';
const PASSWORD = 'bench-password';
const DB = 'paperdex';

/** One size's sync figures. */
export interface SyncRow {
  size: number;
  /** A's library → the server, complete (ms). */
  uploadMs: number;
  /** The server → B's empty library, until B's search finds the last paper (ms). */
  downloadMs: number;
  /** A capture on A until B's search finds it (ms). */
  captureMs: number;
  /** A's storage before and after the first sync (bytes): the local replication log's cost. */
  usageBefore: number;
  usageAfter: number;
}

interface Machine {
  context: BrowserContext;
  page: Page;
  dir: string;
}

async function launchMachine(server: CouchServer, arxivPage: string): Promise<Machine> {
  const dir = mkdtempSync(join(tmpdir(), 'paperdex-bench-sync-'));
  const open = () => chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: chromiumArgs() });
  // First start installs the extension; its grant of the server's origin is written as Chrome
  // records an accepted request (the prompt cannot be clicked headless), then the profile reopens.
  let context = await open();
  let sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  await context.close();
  grantInProfile(dir, id, ['http://127.0.0.1/*']);
  context = await open();
  sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Nothing leaves the machine: only the server and one arXiv page (served here) are reached.
  const serverHost = new URL(server.url).host;
  await context.route('**/*', (r) => {
    const u = new URL(r.request().url());
    if (!/^https?:$/.test(u.protocol) || u.host === serverHost) return r.fallback();
    if (u.href.startsWith('https://arxiv.org/abs/')) return r.fulfill({ contentType: 'text/html', body: arxivPage });
    return r.abort();
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.waitForSelector('input[type=search]');
  return { context, page, dir };
}

const send = (page: Page, type: string, data: unknown): Promise<any> =>
  page.evaluate(([type, data]) => chrome.runtime.sendMessage({ paperdex: 1, type, data }), [type, data] as const);

async function poll<T>(what: string, fn: () => Promise<T | undefined | false>, ms: number, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const paperCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((res, rej) => {
        const open = indexedDB.open('paperdex');
        open.onsuccess = () => {
          const r = open.result.transaction('papers').objectStore('papers').count();
          r.onsuccess = () => (open.result.close(), res(r.result));
          r.onerror = () => rej(r.error);
        };
        open.onerror = () => rej(open.error);
      }),
  );

const syncState = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<any>((res, rej) => {
        const open = indexedDB.open('paperdex');
        open.onsuccess = () => {
          const r = open.result.transaction('meta').objectStore('meta').get('syncStatus');
          r.onsuccess = () => (open.result.close(), res(r.result?.value));
          r.onerror = () => rej(r.error);
        };
        open.onerror = () => rej(open.error);
      }),
  );

const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

async function found(page: Page, query: string, id: string): Promise<boolean> {
  const r = await send(page, 'search', { query, limit: 100 });
  return !!r?.ready && r.hits.some((h: { id: string }) => h.id === id);
}

/** The sync figures for one library size. */
async function syncSize(size: number, notes: ReturnType<typeof loadIclrNotes>): Promise<SyncRow> {
  const server = await startCouch({ user: USER, password: PASSWORD, db: DB });
  const arxivPage = readFileSync(join(root, 'tests/fixtures/arxiv/abs-2301.01234v2.html'), 'utf8');
  const machines: Machine[] = [];
  try {
    const a = await launchMachine(server, arxivPage);
    machines.push(a);
    const b = await launchMachine(server, arxivPage);
    machines.push(b);
    const corpus = makeCorpus(notes, size);
    for (let i = 0; i < corpus.length; i += 5000) {
      await a.page.evaluate(
        (chunk) =>
          new Promise<void>((res, rej) => {
            const open = indexedDB.open('paperdex');
            open.onsuccess = () => {
              const tx = open.result.transaction('papers', 'readwrite');
              for (const p of chunk) tx.objectStore('papers').put(p);
              tx.oncomplete = () => (open.result.close(), res());
              tx.onerror = () => rej(tx.error);
            };
            open.onerror = () => rej(open.error);
          }),
        corpus.slice(i, i + 5000),
      );
    }
    const config = { url: server.url, database: DB, username: USER, password: PASSWORD };
    const usageBefore = await usage(a.page);
    const t0 = Date.now();
    const ok = await send(a.page, 'syncCommand', { action: 'configure', config });
    if (!ok?.ok) throw new Error(`sync not turned on: ${JSON.stringify(ok)}`);
    const limit = Math.max(120_000, size * 20);
    await poll(
      'every paper on the server',
      async () => {
        const info = (await (await server.fetch(`/${DB}`)).json()) as { doc_count?: number };
        return (info.doc_count ?? 0) >= size;
      },
      limit,
      250,
    );
    const uploadMs = Date.now() - t0;
    console.log(`  every paper on the server after ${f1(uploadMs / 1000)} s`);
    await poll('A idle', async () => (await syncState(a.page))?.state === 'idle', limit, 250);
    const usageAfter = await usage(a.page);

    const last = corpus[corpus.length - 1];
    const t1 = Date.now();
    if (!(await send(b.page, 'syncCommand', { action: 'configure', config }))?.ok) throw new Error('sync not turned on in B');
    await poll('every paper in B', async () => (await paperCount(b.page)) >= size, limit, 250);
    console.log(`  every paper in B's library after ${f1((Date.now() - t1) / 1000)} s`);
    // (Its whole title: the corpus repeats each ICLR title in variants, so one word finds hundreds.)
    await poll('B finds the last paper', () => found(b.page, last.title.replace(/[^\p{L}\p{N}\s]/gu, ' '), last.id), limit, 250);
    const downloadMs = Date.now() - t1;
    await poll('B idle', async () => (await syncState(b.page))?.state === 'idle', limit, 250);

    // One capture on A (an arXiv page served at its real URL): from stored on A to found on B.
    const tab = await a.context.newPage();
    await tab.goto('https://arxiv.org/abs/2301.01234v2');
    const before = size;
    await poll('the capture stored on A', async () => (await paperCount(a.page)) > before, 30_000, 20);
    const t2 = Date.now();
    const captured = await poll(
      'the capture found on B',
      async () => {
        const r = await send(b.page, 'search', { query: 'Contrastive Pretraining Tabular Anomaly', limit: 5 });
        return r?.hits?.length && r.total > 0 ? Date.now() : undefined;
      },
      60_000,
      50,
    );
    return { size, uploadMs, downloadMs, captureMs: captured - t2, usageBefore, usageAfter };
  } finally {
    for (const m of machines) {
      await m.context.close().catch(() => undefined);
      rmSync(m.dir, { recursive: true, force: true });
    }
    await server.close();
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '—');

/** The sync table (Markdown). */
export function syncTable(rows: SyncRow[]): string {
  const head =
    '| papers | first sync A → server | server → B (searchable) | capture on A → found on B | A storage before / after (extra) |';
  const sep = '| --- | --- | --- | --- | --- |';
  const lines = rows.map(
    (r) =>
      `| ${r.size.toLocaleString('en-US')} | ${f1(r.uploadMs / 1000)} s | ${f1(r.downloadMs / 1000)} s | ${f1(r.captureMs)} ms | ${f1(r.usageBefore / 1e6)} / ${f1(r.usageAfter / 1e6)} MB (+${f1((r.usageAfter - r.usageBefore) / 1e6)} MB, ${f1(r.usageAfter / Math.max(1, r.usageBefore))}×) |`,
  );
  return [head, sep, ...lines].join('\n');
}

/** PASS/FAIL per sync goal: first sync of 10k ≤ 60 s and of 100k ≤ 10 min (both ways), capture A → B ≤ 5 s. */
export function syncChecks(rows: SyncRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const goal = r.size >= 100_000 ? 600_000 : r.size >= 10_000 ? 60_000 : undefined;
    const n = r.size.toLocaleString('en-US');
    if (goal) {
      const g = goal >= 600_000 ? '10 min' : '60 s';
      out.push(
        `${r.uploadMs <= goal ? 'PASS' : 'FAIL'}  sync: first sync of ${n} papers to the server ≤ ${g} (${f1(r.uploadMs / 1000)} s)`,
      );
      out.push(
        `${r.downloadMs <= goal ? 'PASS' : 'FAIL'}  sync: ${n} papers from the server into an empty library ≤ ${g} (${f1(r.downloadMs / 1000)} s)`,
      );
    }
    out.push(`${r.captureMs <= 5000 ? 'PASS' : 'FAIL'}  sync: a capture on A searchable on B ≤ 5 s at ${n} papers (${f1(r.captureMs)} ms)`);
  }
  return out;
}

/** Run the sync bench for these sizes. */
export async function syncBench(sizes: number[], notes: ReturnType<typeof loadIclrNotes>): Promise<SyncRow[]> {
  const rows: SyncRow[] = [];
  for (const n of sizes) {
    console.log(`\n▶ sync, ${n.toLocaleString('en-US')} papers…`);
    rows.push(await syncSize(n, notes));
    console.log(syncTable(rows.slice(-1)));
  }
  return rows;
}
