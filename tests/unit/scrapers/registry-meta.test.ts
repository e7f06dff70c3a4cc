// Meta-tests (as Refined GitHub's): the adapter registry, the site ids and names (lib/core/sites.ts),
// the manifest's host list (lib/core/hosts.ts), the adapter modules and the fixture folders agree,
// and every site adapter lists real URLs it was written against that its own route accepts.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  AUTO_CAPTURE_MATCHES,
  OPTIONAL_CAPTURE_MATCHES,
  REDIRECTING_HOSTS,
  isAutoCaptureUrl,
  matchesPattern,
} from '../../../lib/core/hosts';
import { SITE_IDS, SITE_NAMES } from '../../../lib/core/sites';
import { hostMatches } from '../../../lib/scrapers/kit/define-adapter';
import { adapters, fallbackAdapter, heuristicAdapters, siteAdapters } from '../../../lib/scrapers/registry';
import { fixturesDir, repoRoot } from '../../helpers/dom';

interface Expected {
  url: string;
  adapter: string | null;
  result: unknown;
}

const fixtureDirs = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function expectations(dir: string): Expected[] {
  return readdirSync(join(fixturesDir, dir))
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => JSON.parse(readFileSync(join(fixturesDir, dir, f), 'utf8')) as Expected);
}

/** Hostnames the manifest's match patterns name (`*://dblp.uni-trier.de/*` → dblp.uni-trier.de). */
const hostOf = (p: string) => p.match(/^[^:]+:\/\/([^/]+)\//)![1];
const requiredHosts = [...new Set(AUTO_CAPTURE_MATCHES.map(hostOf))];
/** Hostnames of the required and the optional host groups (`*.hal.science` stays a wildcard). */
const manifestHosts = [...new Set([...requiredHosts, ...OPTIONAL_CAPTURE_MATCHES.map(hostOf)])];
/** Whether a manifest pattern (required or optional) covers `url`. */
const inManifest = (url: string) => isAutoCaptureUrl(url) || OPTIONAL_CAPTURE_MATCHES.some((p) => matchesPattern(p, url));

describe('registry, site ids and names', () => {
  it('every site id has exactly one adapter, and every adapter a site id', () => {
    for (const id of SITE_IDS)
      expect(
        adapters.filter((a) => a.id === id).map((a) => a.id),
        id,
      ).toEqual([id]);
    for (const a of adapters) expect(SITE_IDS as readonly string[], a.id).toContain(a.id);
  });

  it('adapter ids are unique', () => {
    const ids = adapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every adapter's name is the site's name users see", () => {
    for (const a of adapters) expect(a.name, a.id).toBe(SITE_NAMES[a.id]);
  });

  it('the embedded-metadata fallback comes last, after the heuristics', () => {
    expect(adapters.at(-1)).toBe(fallbackAdapter);
    expect(adapters.slice(siteAdapters.length, -1)).toEqual(heuristicAdapters);
  });

  it('every module in lib/scrapers/sites is a registered site adapter named after its id', () => {
    const files = readdirSync(resolve(repoRoot, 'lib/scrapers/sites')).filter((f) => f.endsWith('.ts'));
    expect(files.sort()).toEqual(siteAdapters.map((a) => `${a.id}.ts`).sort());
  });
});

describe('hosts: the adapters and the manifest agree', () => {
  it('every site adapter host is in the manifest, or redirects to one that is', () => {
    for (const a of siteAdapters) {
      expect(a.hosts.length, a.id).toBeGreaterThan(0);
      for (const h of a.hosts) expect([...manifestHosts, ...REDIRECTING_HOSTS], `${a.id}: ${h}`).toContain(h);
    }
  });

  it('redirecting hosts are served by an adapter and not in the manifest', () => {
    for (const h of REDIRECTING_HOSTS) {
      expect(manifestHosts, h).not.toContain(h);
      expect(
        siteAdapters.filter((a) => a.hosts.includes(h)),
        h,
      ).toHaveLength(1);
    }
  });

  it('optional host groups do not overlap the required hosts or each other', () => {
    const optional = OPTIONAL_CAPTURE_MATCHES.map(hostOf);
    expect(new Set(optional).size).toBe(optional.length);
    for (const h of optional) expect(requiredHosts, h).not.toContain(h);
  });

  it('every manifest host is served by exactly one site adapter', () => {
    for (const h of manifestHosts) {
      const serving = siteAdapters.filter((a) => a.hosts.some((p) => hostMatches(p, h))).map((a) => a.id);
      expect(serving, h).toHaveLength(1);
    }
  });
});

describe('urls: each adapter lists the real pages it was written against', () => {
  for (const a of siteAdapters) {
    it(a.id, () => {
      expect(a.urls.length).toBeGreaterThan(0);
      for (const u of a.urls) {
        expect(a.route(new URL(u)), `${a.id} route(${u})`).not.toBeNull();
        expect(inManifest(u), `${u} is captured automatically (required or optional host)`).toBe(true);
        // Hosts do not overlap, so no other adapter reads the page.
        expect(
          siteAdapters.filter((b) => b !== a && b.route(new URL(u)) !== null).map((b) => b.id),
          u,
        ).toEqual([]);
      }
    });
  }
});

describe('fixtures', () => {
  it('every site id has a fixture folder, and every folder is a site id or negative/', () => {
    for (const id of SITE_IDS) expect(fixtureDirs, `tests/fixtures/${id}/ missing`).toContain(id);
    for (const d of fixtureDirs) if (d !== 'negative') expect(SITE_IDS as readonly string[], `tests/fixtures/${d}/`).toContain(d);
  });

  it('every adapter has a positive fixture it claims, in its own folder', () => {
    for (const a of adapters) {
      const claimed = expectations(a.id).filter((e) => e.adapter === a.id && e.result !== null);
      expect(claimed.length, `${a.id} has no positive fixture`).toBeGreaterThan(0);
    }
  });

  it('negative/ holds ordinary pages that capture nothing', () => {
    const negative = expectations('negative');
    expect(negative.length).toBeGreaterThan(0);
    for (const e of negative) {
      expect(e.adapter, e.url).toBeNull();
      expect(e.result, e.url).toBeNull();
    }
  });
});
