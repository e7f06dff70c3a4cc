/**
 * `npm run bench`: Paperdex's search and capture speed, measured in the built extension running in
 * Debian's Chromium (playwright-core), on corpora of 1k, 10k and 100k papers generated from the real
 * ICLR 2019 corpus (bench/corpus.ts). For each size: index build time and size, index load time,
 * capture-to-searchable time, popup first meaningful render, keystroke→results p50/p95 over a fixed
 * query mix typed key by key, the search host's memory — and the same queries through a linear-scan
 * peer (case-insensitive substring AND over title and authors, as simple extensions do), with the
 * speed ratio and typo recall of both. Prints a table, checks the targets, writes
 * bench-results/latest.json and the README's benchmark section. Also times each scraper on its big
 * page (bench/scrape.ts), the wall-clock checks the unit tests no longer make.
 *
 * Then the sync goals (bench/sync.ts): two profiles and a CouchDB-protocol server on 127.0.0.1.
 *
 * Usage: npm run bench [-- --sizes 1000,10000] [-- --no-build] [-- --sync-sizes 10000,100000]
 *        npm run bench -- --only-scrape   (only the scraper timings: no build, no browser)
 *        npm run bench -- --only-sync     (only the sync goals)
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadIclrNotes, makeCorpus, rng } from './corpus';
import { computeMetrics, toMetricPaper } from '../lib/metrics/metrics';
import { scrapeTimings, type ScrapeTiming } from './scrape';
import { syncBench, syncChecks, syncTable, type SyncRow } from './sync';
import { CHROMIUM, chromiumArgs, EXTENSION_DIR } from './browser';

const root = resolve(import.meta.dirname, '..');
const ext = EXTENSION_DIR;
const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [1000, 10000, 100000];
const syncSizesArg = process.argv.indexOf('--sync-sizes');
/** Library sizes of the sync bench (bench/sync.ts); 100k takes a quarter of an hour more, so on request. */
const SYNC_SIZES = syncSizesArg > 0 ? process.argv[syncSizesArg + 1].split(',').map(Number) : [10000];
declare const chrome: any;

/** Queries typed key by key: exact words, multi-word, typos, filters. Every prefix is a keystroke. */
const TYPED = [
  'graph neural networks',
  'adversarial examples',
  'reinforcement learning exploration',
  'difusion modles', // typo
  'generativ adversarial netwroks', // typos
  'variational autoencoder',
  'meta learning few shot',
  'year:2019 attention',
  'venue:iclr robust',
  'has:code transformer',
  'cat:cs.CV segmentation',
  'author:"tanaka" optimization',
];

function typoOf(title: string, r: () => number): string {
  // Two words of 5+ letters get one typo each (a transposition or a dropped letter).
  const words = title.split(/\s+/);
  let n = 0;
  return words
    .map((w) => {
      if (n >= 2 || w.length < 5 || r() < 0.3) return w;
      n++;
      const i = 1 + Math.floor(r() * (w.length - 3));
      return r() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
    })
    .slice(0, 6)
    .join(' ');
}

function chromiumVersion(): string {
  try {
    return execSync(`${CHROMIUM} --version`, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
      .replace(/^Chromium\s*/, '');
  } catch {
    return 'unknown';
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] : NaN;
}

async function launchBrowser(): Promise<{ context: BrowserContext; worker: Worker; id: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'paperdex-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs('--enable-precise-memory-info'),
  });
  // Nothing leaves the machine: web requests other than the probe page are refused.
  await context.route('**/*', (r) =>
    !/^https?:/.test(r.request().url()) || r.request().url().startsWith('https://arxiv.org/') ? r.fallback() : r.abort(),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host, dir };
}

async function send(page: Page, type: string, data: unknown): Promise<any> {
  return page.evaluate(([type, data]) => chrome.runtime.sendMessage({ paperdex: 1, type, data }), [type, data] as const);
}

async function waitReady(page: Page): Promise<any> {
  for (let i = 0; i < 2400; i++) {
    const st = await send(page, 'searchStats', {}).catch(() => undefined);
    if (st?.ready) return st;
    await page.waitForTimeout(100);
  }
  throw new Error('search host never became ready');
}

async function restartHost(worker: Worker, page: Page, dropPersisted: boolean): Promise<any> {
  if (dropPersisted) {
    await page.evaluate(
      () =>
        new Promise<void>((res, rej) => {
          const open = indexedDB.open('paperdex');
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').delete('searchIndex');
            tx.oncomplete = () => (open.result.close(), res());
            tx.onerror = () => rej(tx.error);
          };
          open.onerror = () => rej(open.error);
        }),
    );
  }
  await worker.evaluate(async () => {
    if ((await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length) await chrome.offscreen.closeDocument();
  });
  await send(page, 'ensureSearchHost', {});
  return waitReady(page);
}

interface Row {
  size: number;
  buildMs: number;
  indexBytes: number;
  bytesPerPaper: number;
  loadMs: number;
  captureToSearchableMs: number;
  popupFirstRenderMs: number;
  p50: number;
  p95: number;
  peerP50: number;
  peerP95: number;
  peerMemP95: number;
  ratioP95: number;
  typoRecall: number;
  peerTypoRecall: number;
  heapMB?: number;
}

async function benchSize(size: number, notes: ReturnType<typeof loadIclrNotes>): Promise<Row> {
  const { context, worker, id, dir } = await launchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.waitForSelector('input[type=search]');
    // Seed the library directly into the extension's IndexedDB, in chunks.
    const corpus = makeCorpus(notes, size);
    for (let i = 0; i < corpus.length; i += 5000) {
      await page.evaluate(
        (chunk) =>
          new Promise<void>((res, rej) => {
            const open = indexedDB.open('paperdex');
            open.onsuccess = () => {
              const tx = open.result.transaction('papers', 'readwrite');
              const store = tx.objectStore('papers');
              for (const p of chunk) store.put(p);
              tx.oncomplete = () => (open.result.close(), res());
              tx.onerror = () => rej(tx.error);
            };
            open.onerror = () => rej(open.error);
          }),
        corpus.slice(i, i + 5000),
      );
    }
    // Index build (from scratch) and its persisted size.
    const built = await restartHost(worker, page, true);
    let persisted = built;
    for (let i = 0; i < 1200 && !persisted.persistedBytes; i++) {
      await page.waitForTimeout(100);
      persisted = await send(page, 'searchStats', {});
    }
    // Index load (what every browser start does; never a rebuild).
    const loaded = await restartHost(worker, page, false);
    if (loaded.builtFromScratch) throw new Error('index was rebuilt instead of loaded');

    // Popup first meaningful render.
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${id}/popup.html`);
      await p.waitForFunction(() => performance.getEntriesByName('paperdex:first-render').length > 0);
      renders.push(await p.evaluate(() => performance.getEntriesByName('paperdex:first-render')[0].startTime));
      await p.close();
    }

    // Keystroke → results: each prefix of each typed query, through the host, plus fetching the
    // shown papers from IndexedDB (what the popup does before rendering).
    const keystrokes = TYPED.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((q) => q.trim());
    const measure = (qs: string[]) =>
      page.evaluate(async (qs) => {
        const db: IDBDatabase = await new Promise((res, rej) => {
          const o = indexedDB.open('paperdex');
          o.onsuccess = () => res(o.result);
          o.onerror = () => rej(o.error);
        });
        const out: { ms: number; ids: string[] }[] = [];
        for (const query of qs) {
          const t = performance.now();
          const r = await chrome.runtime.sendMessage({ paperdex: 1, type: 'search', data: { query, limit: 30 } });
          const ids: string[] = r.hits.map((h: { id: string }) => h.id);
          await new Promise<void>((res) => {
            const tx = db.transaction('papers');
            const st = tx.objectStore('papers');
            for (const i of ids) st.get(i);
            tx.oncomplete = () => res();
          });
          out.push({ ms: performance.now() - t, ids });
        }
        db.close();
        return out;
      }, qs);
    await measure(keystrokes.slice(0, 10)); // warm-up
    const ours = await measure(keystrokes);

    // The linear-scan peer: substring AND over title + authors, reading the papers from IndexedDB
    // on each keystroke as a simple extension does; and the same over an in-memory array.
    const peer = await page.evaluate(async (qs) => {
      const getAll = () =>
        new Promise<{ id: string; title: string; authors: string[] }[]>((res, rej) => {
          const o = indexedDB.open('paperdex');
          o.onsuccess = () => {
            const r = o.result.transaction('papers').objectStore('papers').getAll();
            r.onsuccess = () => (o.result.close(), res(r.result));
            r.onerror = () => rej(r.error);
          };
        });
      const scan = (all: { id: string; title: string; authors: string[] }[], q: string) => {
        const words = q.toLowerCase().split(/\s+/).filter(Boolean);
        const out: string[] = [];
        for (const p of all) {
          const hay = (p.title + ' ' + p.authors.join(' ')).toLowerCase();
          if (words.every((w) => hay.includes(w))) out.push(p.id);
          if (out.length >= 30) break;
        }
        return out;
      };
      const db: number[] = [];
      for (const q of qs.slice(0, 40)) {
        const t = performance.now();
        scan(await getAll(), q);
        db.push(performance.now() - t);
      }
      const all = await getAll();
      const mem: number[] = [];
      for (const q of qs) {
        const t = performance.now();
        scan(all, q);
        mem.push(performance.now() - t);
      }
      return { db, mem };
    }, keystrokes);

    // Typo recall@10: 30 known items, two typos each.
    const r = rng(7);
    const targets = Array.from({ length: 30 }, () => corpus[Math.floor(r() * Math.min(corpus.length, notes.length))]).filter(
      (p, i, a) => a.findIndex((x) => x.id === p.id) === i,
    );
    const typoQs = targets.map((p) => typoOf(p.title, r));
    const found = await measure(typoQs);
    const typoRecall = found.filter((f, i) => f.ids.slice(0, 10).includes(targets[i].id)).length / targets.length;
    const peerTypo = await page.evaluate(
      async ([qs, ids]) => {
        const all: { id: string; title: string; authors: string[] }[] = await new Promise((res) => {
          const o = indexedDB.open('paperdex');
          o.onsuccess = () => {
            const rq = o.result.transaction('papers').objectStore('papers').getAll();
            rq.onsuccess = () => (o.result.close(), res(rq.result));
          };
        });
        let hit = 0;
        qs.forEach((q: string, i: number) => {
          const words = q.toLowerCase().split(/\s+/).filter(Boolean);
          const res = all.filter((p) => words.every((w) => (p.title + ' ' + p.authors.join(' ')).toLowerCase().includes(w))).slice(0, 10);
          if (res.some((p) => p.id === ids[i])) hit++;
        });
        return hit / qs.length;
      },
      [typoQs, targets.map((t) => t.id)] as const,
    );

    // Capture → searchable: a new paper on a real arXiv URL, until the search host finds it.
    const title = `Benchmark capture probe ${size} quasiperiodic lattice`;
    await context.route('https://arxiv.org/abs/2511.99999', (rt) =>
      rt.fulfill({
        contentType: 'text/html',
        body: `<html><head><meta name="citation_title" content="${title}"><meta name="citation_author" content="Probe, Ada"><meta name="citation_arxiv_id" content="2511.99999"><meta name="citation_date" content="2025/11/20"></head><body><h1 class="title mathjax"><span class="descriptor">Title:</span>${title}</h1><div class="authors"><a href="/a/probe_a_1">Ada Probe</a></div><blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>A probe.</blockquote></body></html>`,
      }),
    );
    const probe = await context.newPage();
    const t0 = Date.now();
    await probe.goto('https://arxiv.org/abs/2511.99999');
    let captureToSearchableMs = NaN;
    for (let i = 0; i < 600; i++) {
      const res = await send(page, 'search', { query: 'quasiperiodic lattice probe', limit: 5 });
      if (res?.hits?.length) {
        captureToSearchableMs = Date.now() - t0;
        break;
      }
      await page.waitForTimeout(10);
    }
    const stats = await send(page, 'searchStats', {});
    const oursMs = ours.map((o) => o.ms);
    const row: Row = {
      size,
      buildMs: built.catchUpMs,
      indexBytes: persisted.persistedBytes,
      bytesPerPaper: persisted.persistedBytes / size,
      loadMs: loaded.loadMs + loaded.catchUpMs,
      captureToSearchableMs,
      popupFirstRenderMs: pct(renders, 0.5),
      p50: pct(oursMs, 0.5),
      p95: pct(oursMs, 0.95),
      peerP50: pct(peer.db, 0.5),
      peerP95: pct(peer.db, 0.95),
      peerMemP95: pct(peer.mem, 0.95),
      ratioP95: pct(peer.db, 0.95) / pct(oursMs, 0.95),
      typoRecall,
      peerTypoRecall: peerTypo,
      heapMB: stats.heapBytes ? stats.heapBytes / 1e6 : undefined,
    };
    return row;
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '—');

function table(rows: Row[]): string {
  const head =
    '| papers | build | index size | per paper | load | capture→searchable | popup first render | keystroke p50 / p95 | linear scan (IndexedDB) p50 / p95 | scan (in memory) p95 | speed-up at p95 | typo recall@10 (ours / scan) | host heap |';
  const sep =
    '|' +
    head
      .split('|')
      .slice(1, -1)
      .map(() => '---')
      .join('|') +
    '|';
  const lines = rows.map(
    (r) =>
      `| ${r.size.toLocaleString('en-US')} | ${f1(r.buildMs / 1000)} s | ${f1(r.indexBytes / 1e6)} MB | ${f1(r.bytesPerPaper / 1000)} kB | ${f1(r.loadMs)} ms | ${f1(r.captureToSearchableMs)} ms | ${f1(r.popupFirstRenderMs)} ms | ${f1(r.p50)} / ${f1(r.p95)} ms | ${f1(r.peerP50)} / ${f1(r.peerP95)} ms | ${f1(r.peerMemP95)} ms | ${f1(r.ratioP95)}× | ${Math.round(r.typoRecall * 100)} % / ${Math.round(r.peerTypoRecall * 100)} % | ${r.heapMB ? f1(r.heapMB) + ' MB' : '—'} |`,
  );
  return [head, sep, ...lines].join('\n');
}

function checks(rows: Row[]): string[] {
  const out: string[] = [];
  const at = (n: number) => rows.find((r) => r.size === n);
  const check = (ok: boolean, what: string) => out.push(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  const r100 = at(100000),
    r10 = at(10000);
  if (r100) {
    check(r100.p95 <= 50, `100k keystroke→results p95 ≤ 50 ms (${f1(r100.p95)} ms)`);
    check(r100.ratioP95 >= 10, `100k ≥ 10× faster than the linear scan at p95 (${f1(r100.ratioP95)}×)`);
    check(r100.popupFirstRenderMs <= 100, `100k popup first meaningful render ≤ 100 ms (${f1(r100.popupFirstRenderMs)} ms)`);
  }
  if (r10) check(r10.p95 <= 16, `10k keystroke→results p95 ≤ 16 ms (${f1(r10.p95)} ms)`);
  for (const r of rows)
    check(r.bytesPerPaper <= 2000, `${r.size.toLocaleString('en-US')}: index ≤ 2 kB per paper (${f1(r.bytesPerPaper)} B)`);
  return out;
}

/** Author metrics for an author with 1,000 papers: median and p95 over 300 runs (target ≤ 5 ms). */
function metricsTiming(notes: ReturnType<typeof loadIclrNotes>): { p50: number; p95: number } {
  const papers = makeCorpus(notes, 1000, 99).map(toMetricPaper);
  for (let i = 0; i < 30; i++) computeMetrics(papers);
  const ts: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    computeMetrics(papers);
    ts.push(performance.now() - t);
  }
  return { p50: pct(ts, 0.5), p95: pct(ts, 0.95) };
}

/** One PASS/FAIL line per scraper timing: its median against its goal. */
function scrapeChecks(timings: ScrapeTiming[]): string[] {
  return timings.map(
    (t) =>
      `${t.medianMs <= t.goalMs ? 'PASS' : 'FAIL'}  scrape ${t.name} (${t.rows.toLocaleString('en-US')} rows) ≤ ${t.goalMs} ms (median ${f1(t.medianMs)} ms, ${(t.medianMs / t.rows).toFixed(3)} ms a row)`,
  );
}

async function main() {
  if (process.argv.includes('--only-scrape')) {
    const lines = scrapeChecks(await scrapeTimings());
    for (const c of lines) console.log(c);
    if (lines.some((c) => c.startsWith('FAIL'))) process.exitCode = 1;
    return;
  }
  if (!process.argv.includes('--no-build')) execSync('npx wxt build', { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error('build missing');
  const notesPath = resolve(root, '../shared/pages/openreview/iclr2019-notes.json');
  const notes = loadIclrNotes(notesPath);
  if (process.argv.includes('--only-sync')) {
    const sync = await syncBench(SYNC_SIZES, notes);
    const lines = syncChecks(sync);
    console.log('\n' + syncTable(sync) + '\n');
    for (const c of lines) console.log(c);
    writeSyncBlock(sync, lines);
    if (lines.some((c) => c.startsWith('FAIL'))) process.exitCode = 1;
    return;
  }
  const rows: Row[] = [];
  for (const n of SIZES) {
    console.log(`\n▶ ${n.toLocaleString('en-US')} papers…`);
    rows.push(await benchSize(n, notes));
    console.log(table(rows.slice(-1)));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium ${chromiumVersion()}, Node ${process.version}`;
  const metrics = metricsTiming(notes);
  const scrape = await scrapeTimings();
  const result = { date: new Date().toISOString(), machine, rows, metrics, scrape, checks: checks(rows) };
  result.checks.push(
    `${metrics.p95 <= 5 ? 'PASS' : 'FAIL'}  author metrics for 1,000 papers ≤ 5 ms (p50 ${f1(metrics.p50)} ms, p95 ${f1(metrics.p95)} ms)`,
  );
  result.checks.push(...scrapeChecks(scrape));
  const sync = await syncBench(SYNC_SIZES, notes);
  const syncLines = syncChecks(sync);
  Object.assign(result, { sync });
  console.log('\n' + table(rows) + '\n\n' + syncTable(sync) + '\n');
  for (const c of syncLines) console.log(c);
  writeSyncBlock(sync, syncLines);
  for (const c of result.checks) console.log(c);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/latest.json'), JSON.stringify(result, null, 2));
  if (SIZES.length === 3) {
    const readme = join(root, 'README.md');
    const md = readFileSync(readme, 'utf8');
    const block = `<!-- bench:start -->\nLatest \`npm run bench\` (${result.date.slice(0, 10)}; ${machine}):\n\n${table(rows)}\n\n${result.checks.map((c) => `- ${c}`).join('\n')}\n<!-- bench:end -->`;
    if (md.includes('<!-- bench:start -->')) writeFileSync(readme, md.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  }
}

/** The sync figures into the README (their own block: `--only-sync` writes them alone). */
function writeSyncBlock(rows: SyncRow[], lines: string[]): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium ${chromiumVersion()}, Node ${process.version}`;
  const readme = join(root, 'README.md');
  const md = readFileSync(readme, 'utf8');
  const block = `<!-- bench-sync:start -->\nLatest sync bench (${new Date().toISOString().slice(0, 10)}; ${machine}; pouchdb-server 4.2.0 on 127.0.0.1):\n\n${syncTable(rows)}\n\n${lines.map((c) => `- ${c}`).join('\n')}\n<!-- bench-sync:end -->`;
  if (md.includes('<!-- bench-sync:start -->'))
    writeFileSync(readme, md.replace(/<!-- bench-sync:start -->[\s\S]*<!-- bench-sync:end -->/, block));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
