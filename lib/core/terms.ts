/**
 * How words are folded for search (case, accents, stop words) and how venues are named in facets.
 * A small module of its own: the popup highlights matches with it without loading the engine.
 */
import { foldAccents } from './normalize';

/** Very common English words: matching them would only make queries slow and noisy. */
export const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this these to was were will with via we our not can'.split(
    ' ',
  ),
);

/** Fold a term for indexing and querying; null drops it. */
export function processTerm(term: string): string | null {
  const t = foldAccents(term.toLowerCase()).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!t || STOP_WORDS.has(t)) return null;
  return t;
}

/** Venue name without a trailing/leading year, for facets ("ICLR 2019" → "ICLR"). */
export function venueName(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const s = v
    .replace(/\b(19|20)\d\d\b/g, '')
    .replace(/[\s,:;–-]+$|^[\s,:;–-]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s ? s.slice(0, 60) : undefined;
}
