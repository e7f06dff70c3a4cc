// The site id list (lib/core/sites.ts): renamed ids stay readable in stored data. The structural
// heuristics were stored as `seed-author` / `seed-search` before they were named for what they
// recognise (`author-profile` / `paper-search`).
import { describe, expect, it } from 'vitest';
import { canonicalSiteId, LEGACY_SITE_IDS, SITE_IDS, SITE_NAMES, STORED_SITE_IDS } from '../../lib/core/sites';

describe('legacy site ids', () => {
  it('map the two old heuristic ids to their new names', () => {
    expect(LEGACY_SITE_IDS).toEqual({ 'seed-author': 'author-profile', 'seed-search': 'paper-search' });
    expect(canonicalSiteId('seed-author')).toBe('author-profile');
    expect(canonicalSiteId('seed-search')).toBe('paper-search');
  });

  it('leave current ids as they are and know no others', () => {
    for (const id of SITE_IDS) expect(canonicalSiteId(id)).toBe(id);
    expect(canonicalSiteId('seed')).toBeUndefined();
    expect(canonicalSiteId('')).toBeUndefined();
    // Not fooled by Object.prototype keys.
    expect(canonicalSiteId('toString')).toBeUndefined();
    expect(canonicalSiteId('constructor')).toBeUndefined();
  });

  it('are no current id, and each maps to a current one', () => {
    for (const [old, now] of Object.entries(LEGACY_SITE_IDS)) {
      expect(SITE_IDS as readonly string[]).not.toContain(old);
      expect(SITE_IDS).toContain(now);
    }
  });

  it('are accepted in stored data: STORED_SITE_IDS is the current ids, then the legacy ones', () => {
    expect(STORED_SITE_IDS).toEqual([...SITE_IDS, 'seed-author', 'seed-search']);
    expect(new Set(STORED_SITE_IDS).size).toBe(STORED_SITE_IDS.length);
  });

  it('show the same name as the id they were renamed to', () => {
    expect(Object.keys(SITE_NAMES).sort()).toEqual([...STORED_SITE_IDS].sort());
    expect(SITE_NAMES['seed-author']).toBe('Author page');
    expect(SITE_NAMES['seed-search']).toBe('Paper search');
    for (const [old, now] of Object.entries(LEGACY_SITE_IDS)) expect(SITE_NAMES[old as keyof typeof LEGACY_SITE_IDS]).toBe(SITE_NAMES[now]);
  });
});
