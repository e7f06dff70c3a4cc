// Issue 15, new sites, in real Chromium. The publisher, proceedings, biomedicine and ORCID hosts are
// optional host permissions (lib/core/hosts.ts HOST_GROUPS): before they are granted a page there
// is not captured by itself; once granted (as the browser stores a grant the user accepted: Chrome's
// permission prompt cannot be clicked headless, so the test writes the grant into the profile, and
// the extension takes it from there at start), one page per new site, served at its real URL, is
// captured automatically and is in Export JSON; a NeurIPS, PMLR and CVF listing captures every paper.
// Firefox runs the grant through the real Settings switch (tests/e2e/scenarios.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_GROUPS, OPTIONAL_CAPTURE_MATCHES } from '../../lib/core/hosts';
import { siteAdapters } from '../../lib/scrapers/registry';
import { fixturesDir } from '../helpers/dom';
import { download, launch, shot, type Session } from './harness';
import { grantInProfile } from './drivers/chromium';

interface Expected {
  url: string;
  adapter: string | null;
  result: { kind: string; papers: { title: string }[] } | null;
}

/** Site ids served by the optional host groups (the sites added in issue 15): the adapters on their hosts. */
const optionalHosts = new Set(OPTIONAL_CAPTURE_MATCHES.map((p) => p.match(/^[^:]+:\/\/([^/]+)\//)![1]));
const NEW_SITES = siteAdapters.filter((a) => a.hosts.some((h) => optionalHosts.has(h))).map((a) => a.id);

/** The site's fixtures with a non-empty result it claims, as { html, expected }. */
function fixturesOf(site: string): { html: string; exp: Expected }[] {
  const dir = join(fixturesDir, site);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({
      exp: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected,
      html: readFileSync(join(dir, f.replace(/\.expected\.json$/, '.html')), 'utf8'),
    }))
    .filter(({ exp }) => exp.adapter === site && exp.result !== null && exp.result.papers.length > 0);
}

describe('optional host groups (Chromium)', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'paperdex-hosts-'));
  let s: Session;
  const pages = NEW_SITES.map((site) => ({
    site,
    page: fixturesOf(site).find((f) => f.exp.result!.kind === 'paper') ?? fixturesOf(site)[0],
  }));

  beforeAll(async () => {
    // First run: nothing granted.
    s = await launch({ profileDir });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('every new site has a fixture page to visit', () => {
    // The 20 sites of issue 15, each on an optional host.
    expect(NEW_SITES).toHaveLength(20);
    expect(pages.filter((p) => !p.page).map((p) => p.site)).toEqual([]);
  });

  it('before a grant, a publisher page is not captured by itself; Settings offers every group, switched off', async () => {
    const nature = pages.find((p) => p.site === 'nature')!.page!;
    s.serve([{ url: nature.exp.url, body: nature.html }]);
    const tab = await s.open(nature.exp.url);
    const panel = await s.extPage('sidepanel.html', { width: 400 });
    await panel.getByRole('tab', { name: 'Settings' }).click();
    for (const g of HOST_GROUPS) {
      const box = panel.locator(`[data-group="${g.id}"] input[type=checkbox]`);
      await expect.poll(() => box.count()).toBe(1);
      expect(await box.isChecked()).toBe(false);
    }
    await shot(panel, 'settings-host-groups-400-light');
    // The content script is not registered for the optional hosts: no capture ever reaches the tab.
    const registered = await (await s.liveWorker()).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    expect(registered).toBe(0);
    await tab.close();
    await panel.close();
  });

  it('after the grant, one page per new site is captured automatically and exported; listings capture every paper', async () => {
    const extensionId = s.extensionId;
    await s.close();
    grantInProfile(
      profileDir,
      extensionId,
      HOST_GROUPS.flatMap((g) => g.matches),
    );
    s = await launch({ profileDir });
    const panel = await s.extPage('sidepanel.html', { width: 1100 });
    await panel.getByRole('tab', { name: 'Settings' }).click();
    for (const g of HOST_GROUPS)
      await expect.poll(() => panel.locator(`[data-group="${g.id}"] input[type=checkbox]`).isChecked(), { timeout: 10_000 }).toBe(true);

    // The background registers the capture script for the granted hosts when it starts.
    await expect
      .poll(
        async () =>
          (await s.liveWorker()).evaluate(
            async () => ((await chrome.scripting.getRegisteredContentScripts())[0]?.matches ?? []) as string[],
          ),
        { timeout: 10_000 },
      )
      // (Chrome may fold a pattern into a wider one it also holds: https://hal.science/* into https://*.hal.science/*.)
      .toEqual(expect.arrayContaining(HOST_GROUPS.map((g) => g.matches[0])));

    const visited: { site: string; title: string }[] = [];
    for (const { site, page } of pages) {
      if (!page) continue;
      s.serve([{ url: page.exp.url, body: page.html }]);
      const tab = await s.open(page.exp.url);
      const st = await s.waitForCapture(await s.tabIdOf(tab), (x) => x.found > 0);
      expect(st.found, site).toBe(page.exp.result!.papers.length);
      visited.push({ site, title: page.exp.result!.papers[0].title });
      await tab.close();
    }

    // Listings: every paper of the page.
    for (const site of ['neurips', 'pmlr', 'cvf']) {
      const listing = fixturesOf(site).find((f) => f.exp.result!.kind === 'listing');
      expect(listing, `${site} has a listing fixture`).toBeDefined();
      s.serve([{ url: listing!.exp.url, body: listing!.html }]);
      const tab = await s.open(listing!.exp.url);
      const st = await s.waitForCapture(await s.tabIdOf(tab), (x) => x.found > 0);
      expect(st.found, `${site} listing`).toBe(listing!.exp.result!.papers.length);
      await tab.close();
    }

    await panel.reload();
    const { text } = await download(panel, () => panel.getByRole('button', { name: 'Export JSON' }).click());
    const exported = JSON.parse(text) as { papers: { title: string; sources: { site: string }[] }[] };
    for (const v of visited) {
      const p = exported.papers.find((x) => x.title === v.title);
      expect(
        p?.sources.map((x) => x.site),
        `${v.site}: ${v.title}`,
      ).toContain(v.site);
    }
  });
});

declare const chrome: any;
