/**
 * Merging descriptions of the same work from sources of different trust (meta tags over JSON-LD
 * over microdata over COinS): the more trusted source's fields win, the others fill the gaps.
 */
import type { ScrapedPaper } from '../../core/types';
import { titleKey } from './metadata-text';

/** Whether two papers describe the same work: same DOI/arXiv id when both have one, else same title. */
export function sameWork(a: ScrapedPaper, b: ScrapedPaper): boolean {
  if (a.ids?.doi && b.ids?.doi) return a.ids.doi === b.ids.doi;
  if (a.ids?.arxiv && b.ids?.arxiv) return a.ids.arxiv === b.ids.arxiv;
  const ka = titleKey(a.title);
  return ka.length > 0 && ka === titleKey(b.title);
}

/** Fill `base`'s missing fields from a less trusted description of the same work. */
export function mergePaper(base: ScrapedPaper, extra: ScrapedPaper): ScrapedPaper {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    if (k === 'ids' || k === 'authors' || k === 'authorsTruncated') continue;
    if (out[k] === undefined) out[k] = v;
  }
  if (!base.authors.length && extra.authors.length) {
    out.authors = extra.authors;
    if (extra.authorsTruncated) out.authorsTruncated = true;
  }
  const ids = { ...(extra.ids ?? {}), ...(base.ids ?? {}) };
  if (Object.keys(ids).length) out.ids = ids;
  return out as unknown as ScrapedPaper;
}

/**
 * Merge a less trusted source's papers into a more trusted one's: each paper of `extra` fills in
 * the first primary paper describing the same work, or is appended. Papers of one source are
 * never merged with each other: a listing may hold a preprint and its published version.
 */
export function mergeAcross(primary: ScrapedPaper[], extra: ScrapedPaper[]): ScrapedPaper[] {
  const out = primary.slice();
  if (!extra.length) return out;
  // Index the primary papers by DOI, arXiv id and title so big listings merge in linear time.
  const index = new Map<string, number[]>();
  const keysOf = (p: ScrapedPaper) =>
    [p.ids?.doi && `doi:${p.ids.doi}`, p.ids?.arxiv && `arxiv:${p.ids.arxiv}`, `t:${titleKey(p.title)}`].filter(
      (k): k is string => !!k && k !== 't:',
    );
  primary.forEach((p, i) => {
    for (const k of keysOf(p)) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
  });
  for (const p of extra) {
    let best = -1;
    for (const k of keysOf(p)) for (const i of index.get(k) ?? []) if ((best < 0 || i < best) && sameWork(out[i], p)) best = i;
    if (best >= 0) out[best] = mergePaper(out[best], p);
    else out.push(p);
  }
  return out;
}
