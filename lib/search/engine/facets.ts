/**
 * Facet counts over the bitset of all matches: per value, the size of its set AND the matches
 * (a popcount per value: 30 → 2 ms for 100k matches).
 */
import type { Facets } from '../search-types';
import { hasBit, popcountAnd, type SetIndex } from './doc-sets';
import type { DocTable } from './doc-table';
import { canonicalSiteId } from '../../core/sites';

/** Papers of `matched` per key of `idx`, most first (ties by key); keys without any left out. */
function count(idx: SetIndex, matched: Uint32Array): [string, number][] {
  const out: [string, number][] = [];
  for (const [k, v] of idx.map) {
    if (!k) continue;
    let n = 0;
    if (typeof v === 'number') n = hasBit(matched, v) ? 1 : 0;
    else if (Array.isArray(v)) for (const d of v) n += hasBit(matched, d) ? 1 : 0;
    else n = popcountAnd(matched, v.w);
    if (n) out.push([k, n]);
  }
  return out.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Site facet under today's ids: papers stored before a site id was renamed (`seed-author` →
 * `author-profile`) keep the old id in their sources, so old and new keys count as one site.
 */
function siteCounts(idx: SetIndex, matched: Uint32Array): [string, number][] {
  const byId = new Map<string, string[]>();
  for (const k of idx.map.keys()) {
    const id = canonicalSiteId(k) ?? k;
    byId.set(id, [...(byId.get(id) ?? []), k]);
  }
  if ([...byId.values()].every((keys) => keys.length === 1)) return count(idx, matched).map(([k, n]) => [canonicalSiteId(k) ?? k, n]);
  const out: [string, number][] = [];
  for (const [id, keys] of byId) {
    const n = popcountAnd(
      matched,
      idx.union((k) => keys.includes(k)),
    );
    if (n) out.push([id, n]);
  }
  return out.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The facets of a query's matches: the 30 newest years, top 12 venues, categories and tags, every site and status. */
export function facetsOf(t: DocTable, matched: Uint32Array): Facets {
  return {
    year: count(t.years, matched)
      .sort((a, b) => b[0].localeCompare(a[0]))
      .slice(0, 30),
    venue: count(t.venueNames, matched).slice(0, 12),
    site: siteCounts(t.sites, matched),
    category: count(t.cats, matched).slice(0, 12),
    tag: count(t.tags, matched).slice(0, 12),
    status: count(t.statuses, matched),
  };
}
