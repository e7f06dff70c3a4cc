/**
 * Cite keys (`vaswani2017attention`), the same in the BibTeX and the CSL-JSON export of a library so
 * that a document can switch formats without renaming its citations. Pure.
 */
import type { ExportedPaper } from '../export';
import { foldText } from '../../core/normalize';
import { PARTICLES, splitDisplayName } from './names';

// Articles, prepositions and conjunctions skipped when picking the title word of a key (the list
// Better BibTeX uses, trimmed to the languages titles here come in).
const KEY_STOPWORDS = new Set(
  (
    'a an the and or nor but of on in at to for from by with without within into onto over under ' +
    'via per as is are be than toward towards about above across after against along among around ' +
    'before behind below beneath beside between beyond during except inside near off since through ' +
    'until up upon versus vs while de del der die das des du el en et il la las le les lo los un une ' +
    'una uno von zu zum zur'
  ).split(' '),
);

const ascii = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');

/**
 * The un-deduplicated cite key of a paper: first author's family name (particles dropped) + year +
 * first significant title word, ASCII-folded and lower-case — `vaswani2017attention`,
 * `merrienboer2015blocks`. Missing parts are left out; no author gives `anon`.
 */
export function citeKeyBase(p: Pick<ExportedPaper, 'authors' | 'year' | 'title'>): string {
  const first = p.authors.find((a) => a && a.trim());
  const name = first ? splitDisplayName(first) : undefined;
  let who = '';
  if (name) {
    const words = name.family.split(/\s+/);
    const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
    who = ascii((core.length ? core : words).join(''));
  }
  const year = typeof p.year === 'number' && Number.isInteger(p.year) && p.year > 0 ? String(p.year) : '';
  let word = '';
  for (const w of foldText(p.title ?? '').split(' ')) {
    const a = w.replace(/[^a-z0-9]/g, '');
    if (a && !KEY_STOPWORDS.has(w)) {
      word = a;
      break;
    }
  }
  return `${who || 'anon'}${year}${word}`;
}

/** a, b, …, z, aa, ab, … (bijective base 26). */
function letterSuffix(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Cite keys for a list of papers, in the same order, unique within the list. The first paper with a
 * given base key keeps it bare; later ones get `a`, `b`, `c`… (`smith2020deep`, `smith2020deepa`).
 * Deterministic: the same list in the same order always gets the same keys, and appending papers
 * never renames the keys of earlier ones. A suffixed key never collides with another paper's base key.
 */
export function citeKeys(papers: Pick<ExportedPaper, 'authors' | 'year' | 'title'>[]): string[] {
  const bases = papers.map(citeKeyBase);
  const allBases = new Set(bases);
  const used = new Set<string>();
  return bases.map((base) => {
    let key = base;
    if (used.has(key)) {
      for (let i = 0; ; i++) {
        key = base + letterSuffix(i);
        if (!used.has(key) && !allBases.has(key)) break;
      }
    }
    used.add(key);
    return key;
  });
}
