// Issue 14: the welcome page. Installing Paperdex (a fresh profile) opens it by itself; relaunching
// the same profile does not open it again. It lists every host the manifest captures on
// automatically (read here from the built manifest, not from the code) and the capture shortcut,
// and a PaperMemory export imported right there is searchable in the popup and the side panel —
// without the collection the import offers, once the user unticks it.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../helpers/dom';
import { extensionDir, launch, shot, type Session } from './harness';

// Runs inside the extension's service worker via worker.evaluate.
declare const chrome: any;

const FIXTURE = join(repoRoot, 'tests/unit/formats/papermemory/PaperMemory-data-12.05.2025-10.31.07.json');
const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
  content_scripts: { matches: string[] }[];
  commands: Record<string, { suggested_key: { default: string } }>;
};

/** What a person reads off a match pattern: `host`, or `host/path` when the pattern has a path. */
const shown = (pattern: string) => {
  const [, host, path] = pattern.match(/^[^:]+:\/\/([^/]+)(\/.*)$/)!;
  return path === '/*' ? host : `${host}${path.replace(/\/?\*$/, '')}`;
};

/** Search, and wait until the first result is the one expected (the list updates as results arrive). */
async function firstResult(page: Page, q: string, expected: string): Promise<void> {
  await page.getByLabel('Search your papers').fill(q);
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect.poll(async () => (await results.getByRole('option').allTextContents())[0] ?? '', { timeout: 15_000 }).toContain(expected);
}

describe('welcome page (issue 14)', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'paperdex-e2e-welcome-'));
  let s: Session | undefined;
  afterAll(async () => {
    await s?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('opens by itself on install and lists the automatic hosts and the capture shortcut', async () => {
    s = await launch({ profileDir, keepWelcome: true });
    const w = s.welcome!;
    expect(w.url()).toBe(`chrome-extension://${s.extensionId}/welcome.html`);
    await expect.poll(() => w.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Welcome to Paperdex']);
    for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) expect(await w.getByRole(role).count()).toBe(1);

    // Every automatic host of the manifest, under its site.
    const sites = w.getByRole('list', { name: 'Sites Paperdex captures on automatically' });
    const text = (await sites.textContent()) ?? '';
    const patterns = [...new Set(manifest.content_scripts.flatMap((c) => c.matches))];
    expect(patterns.length).toBeGreaterThan(100);
    const missing = patterns.map(shown).filter((h) => !text.includes(h));
    expect(missing).toEqual([]);
    const item = (name: string) => sites.getByRole('listitem').filter({ has: w.getByText(name, { exact: true }) });
    expect(await item('Google Scholar').textContent()).toContain('scholar.google.com and');
    expect(await item('Google Scholar').textContent()).toContain('scholar.google.co.uk');
    expect(await item('arXiv').textContent()).toContain('huggingface.co/papers');
    expect(await item('ACL Anthology').textContent()).toContain('www.aclweb.org/anthology');
    expect(await item('DBLP').textContent()).toContain('dblp.uni-trier.de');
    // The optional groups, as switches, off until the user grants them.
    const groups = w.getByRole('group', { name: 'Capture automatically on publisher and proceedings sites' });
    expect(await groups.getByRole('checkbox').count()).toBeGreaterThan(0);
    for (const c of await groups.getByRole('checkbox').all()) expect(await c.isChecked()).toBe(false);

    // The shortcut of the manifest's capture-page command as the browser has it now: the key, or
    // (headless Chromium assigns none) that none is set, with the key the manifest suggests.
    const keys = manifest.commands['capture-page'].suggested_key.default;
    expect(keys).toBe('Alt+Shift+P');
    const assigned = await s.worker.evaluate(
      async () =>
        ((await chrome.commands.getAll()) as { name: string; shortcut?: string }[]).find((c) => c.name === 'capture-page')?.shortcut,
    );
    const expected = assigned
      ? assigned
      : `no key set in this browser (Paperdex suggests ${keys}): choose one in chrome://extensions/shortcuts`;
    await expect.poll(() => w.getByTestId('capture-shortcut').textContent()).toBe(expected);
    const table = w.getByRole('table');
    expect(await table.getByRole('row', { name: /Capture the current page/ }).textContent()).toContain(expected);
    // The copy shortcuts of the search results (Linux keys).
    expect(await table.getByRole('row', { name: /Copy BibTeX/ }).textContent()).toContain('Alt+Shift+X');
    expect(await table.getByRole('row', { name: /Copy Markdown link/ }).textContent()).toContain('Alt+Shift+M');
    expect(await table.getByRole('row', { name: /Copy citation/ }).textContent()).toContain('Alt+Shift+C');

    await shot(w, 'welcome-1100-light');
    for (const [width, scheme] of [
      [1100, 'dark'],
      [400, 'light'],
      [400, 'dark'],
    ] as const) {
      const p = await s.extPage('welcome.html', { width, height: 900, colorScheme: scheme });
      await expect.poll(() => p.getByTestId('capture-shortcut').textContent()).toBe(expected);
      // Nothing is wider than the page at 400 px.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(p, `welcome-${width}-${scheme}`);
      await p.close();
    }
  });

  it('imports a PaperMemory export there; its papers are searchable in the popup and the side panel', async () => {
    const w = s!.welcome!;
    await w.getByLabel('Choose a file to import').setInputFiles(FIXTURE);
    const preview = w.locator('.import-preview');
    await expect
      .poll(() => preview.getByRole('status').textContent())
      .toContain('PaperMemory-data-12.05.2025-10.31.07.json (PaperMemory): 6 papers');
    const inCollection = w.getByRole('checkbox', { name: 'Also put these papers in a new collection named' });
    expect(await inCollection.isChecked()).toBe(true);
    expect(await w.getByLabel('Name of the new collection').inputValue()).toBe('PaperMemory');
    await shot(w, 'welcome-import-preview-1100-light');
    await inCollection.uncheck();
    await w.getByRole('button', { name: 'Import 6 papers' }).click();
    await expect
      .poll(() => w.locator('.import-result').textContent(), { timeout: 30_000 })
      .toBe('Imported. 6 new papers, 0 papers merged with ones you had, 0 new authors.');

    const popup = await s!.extPage('popup.html', { width: 400, height: 600 });
    await firstResult(popup, 'attention all you need', 'Attention Is All You Need');
    const panel = await s!.extPage('sidepanel.html', { width: 420, height: 900 });
    await firstResult(panel, 'maldacena supergravity', 'The Large N Limit of Superconformal Field Theories and Supergravity');
    await firstResult(panel, 'venue:nature deep learning', 'Deep learning');
    // The user unticked the collection: none was made.
    await panel
      .getByRole('tab', { name: 'Collections' })
      .or(panel.getByRole('button', { name: 'Collections', exact: true }))
      .first()
      .click();
    await expect.poll(() => panel.getByRole('article', { name: 'All papers' }).textContent()).toContain('6 papers');
    expect(await panel.getByRole('article', { name: /^Collection / }).count()).toBe(0);
    await popup.close();
    await panel.close();
    // (as a user would before closing the browser: a tab left open is restored on the next start)
    await w.close();
  });

  it('does not open again when the same profile is launched again', async () => {
    await s!.close();
    s = await launch({ profileDir });
    const panel = await s.extPage('sidepanel.html', { width: 420, height: 900 });
    // The background has started and answers (the library is still there) ...
    await firstResult(panel, 'random search hyper-parameter', 'Random Search for Hyper-Parameter Optimization');
    // ... and opened no welcome page.
    expect(s.context.pages().map((p) => p.url())).not.toContain(`chrome-extension://${s.extensionId}/welcome.html`);
  });
});
