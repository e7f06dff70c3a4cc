/**
 * Author metrics over a set of papers, computed the way Harzing's Publish or Perish (PoP) does:
 * counts and averages, the h-index family (h, g, e, Hirsch a, m, hc, hI, hI,norm, hI,annual, hm,
 * hA), the age-weighted citation rate family (AWCR, AW-index, AWCRpA) and the annual citation
 * counts (ACC1…ACC20). Also the subset filter (year range, un-ticked papers), per-year series for
 * charts, and a one-line explanation of every metric for the UI.
 *
 * Owns the formulas and the conventions below; nothing else. Pure: no browser APIs, no I/O, no
 * clock except the default reference year (`new Date().getUTCFullYear()`).
 *
 * Conventions (tested in tests/unit/metrics*.test.ts):
 * - Reference year Y: the year metrics are computed for (option `referenceYear`, default the
 *   current UTC year). PoP calls this the year of the query.
 * - Age of a paper = Y − year + 1, inclusive: a paper published in Y has age 1, one published the
 *   year before has age 2. A paper dated after Y (in press, or a subset computed "as of" an earlier
 *   year) gets age 1 and is counted in `flags.futureYear`.
 * - Academic age = Y − earliest publication year + 1 (same inclusive rule, at least 1), or 0 when
 *   no paper has a year.
 * - Citations: a paper without a citation count (or with one that is not a finite number in
 *   [0, 1e9]) counts as 0 citations, and is counted in `flags.missingCitations`.
 * - Authors: the author count of the fullest author list known, at least 1. When that list was
 *   truncated ("et al.") the count is a lower bound, so every per-author metric (cites/author,
 *   papers/author, hI, hI,norm, hI,annual, hm, AWCRpA) is an upper bound; such papers are counted
 *   in `flags.authorCountLowerBound`.
 * - Papers without a year count in every metric that needs no age (papers, citations, h, g, e,
 *   hI, hI,norm, hm, ...) but are EXCLUDED from the per-paper age metrics (hc, hA, AWCR, AW-index,
 *   AWCRpA, ACC) and from academic age; they are counted in `flags.missingYear`. The
 *   career-normalised ratios (cites/year, m, hI,annual) divide whole-set totals by academic age,
 *   as PoP does.
 * - Ranking: papers are ranked by citations, descending; ties by author count, ascending (the
 *   paper with fewer co-authors first); then by year. This fixes which tied papers form the h-core
 *   (hI) and the effective ranks of tied papers (hm), so every metric is invariant to input order.
 *   All floating-point sums are taken in this canonical order, so results are bit-identical for
 *   any permutation of the input.
 * - Empty input: counts and sums are 0; a ratio whose denominator is 0 (cites/paper, Hirsch a,
 *   cites/year, ...) is `undefined`. No output is ever NaN or ±Infinity.
 *
 * References: Hirsch 2005 (PNAS 102:16569); Egghe 2006 (Scientometrics 69:131); Zhang 2009 (PLoS
 * ONE 4:e5429); Sidiropoulos, Katsaros & Manolopoulos 2007 (Scientometrics 72:253); Batista et al.
 * 2006 (Scientometrics 68:179); Schreiber 2008 (J. Informetrics 2:211); Jin 2007 (ISSI Newsletter
 * 3(1):6); Harzing, Alakangas & Adams 2014 (Scientometrics 99:811); Fassin, "The ha-index: the
 * average citation h-index" (Quantitative Science Studies, 2023); PoP manual, "Citation metrics"
 * (harzing.com/resources/publish-or-perish/manual/using/query-results/metrics).
 */
import type { PaperRecord } from '../core/types';

// ---------------------------------------------------------------------------------------------
// Input

/** One paper as the metrics see it. */
export interface MetricPaper {
  /** Library id, when known: lets `filterPapers` exclude by id. Not used by any metric. */
  id?: string;
  /** Citation count. Missing (or invalid) counts as 0 and is flagged. */
  citations?: number;
  /** Publication year. Missing excludes the paper from age-based metrics and is flagged. */
  year?: number;
  /** Number of authors of the fullest author list known (values below 1 are read as 1). */
  authors: number;
  /** True when the author list was truncated, so `authors` is a lower bound. */
  authorsLowerBound?: boolean;
}

/** Options of `computeMetrics`. */
export interface MetricsOptions {
  /** The year metrics are computed for (an integer). Default: the current UTC year. */
  referenceYear?: number;
}

/** The ACC thresholds PoP reports: papers with at least N citations per year of age. */
export const ACC_THRESHOLDS = [1, 2, 5, 10, 20] as const;
export type AccThreshold = (typeof ACC_THRESHOLDS)[number];

/** γ of the contemporary h-index (Sidiropoulos et al. 2007), as used by PoP. */
export const HC_GAMMA = 4;
/** δ of the contemporary h-index (Sidiropoulos et al. 2007), as used by PoP. */
export const HC_DELTA = 1;

/** Citation counts above this are treated as invalid (missing): no paper has a billion citations. */
export const MAX_PLAUSIBLE_CITATIONS = 1e9;

/** Slack for the float comparisons of the hm-index (sums of 1/a). */
const HM_EPSILON = 1e-9;

/** Data-quality counts: how many papers needed a convention. */
export interface MetricFlags {
  /** Papers without a (valid) citation count: they count as 0 citations. */
  missingCitations: number;
  /** Papers without a year: left out of academic age and of hc, hA, AWCR, AW, AWCRpA and ACC. */
  missingYear: number;
  /** Papers whose author list was truncated: their author count is a lower bound. */
  authorCountLowerBound: number;
  /** Papers dated after the reference year: given age 1. */
  futureYear: number;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Every metric, for one set of papers. */
export interface AuthorMetrics {
  /** The reference year Y the metrics were computed for. */
  referenceYear: number;
  /** Number of papers, N. */
  papers: number;
  /** Total citations, C = Σ c_i. */
  citations: number;
  /** Citations per paper, C / N (undefined when N = 0). */
  citesPerPaper?: number;
  /** Citations per year, C / academic age (undefined when no paper has a year). */
  citesPerYear?: number;
  /** Citations per author, Σ c_i / a_i (single-author-equivalent citations). */
  citesPerAuthor: number;
  /** Papers per author, Σ 1 / a_i (single-author-equivalent papers). */
  papersPerAuthor: number;
  /** Authors per paper, (Σ a_i) / N (undefined when N = 0). */
  authorsPerPaper?: number;
  /** Academic age, Y − first year + 1 (0 when no paper has a year). */
  academicAge: number;
  /** Earliest publication year among the papers. */
  firstYear?: number;
  /** Latest publication year among the papers. */
  lastYear?: number;

  /** Hirsch h-index: the largest h such that h papers have at least h citations each. */
  hIndex: number;
  /** Egghe g-index: the largest g ≤ N such that the top g papers have Σ c ≥ g² (capped at N). */
  gIndex: number;
  /** i10-index (Google Scholar): number of papers with at least 10 citations. */
  i10Index: number;
  /** Zhang e-index: e = √(Σ_{i ≤ h} c_i − h²), the excess citations of the h-core. */
  eIndex: number;
  /** Citations of the h-core (the top h papers): Σ_{i ≤ h} c_i. */
  hCoreCitations: number;
  /** Total author count of the h-core papers, N_a = Σ_{i ≤ h} a_i (Batista's N_a^(T)). */
  hCoreAuthors: number;
  /** Hirsch a = C / h² (undefined when h = 0). Not Jin's A-index (h-core mean). */
  aIndex?: number;
  /** Hirsch m-quotient, m = h / academic age (undefined when no paper has a year). */
  mQuotient?: number;
  /**
   * Contemporary h-index (Sidiropoulos et al. 2007, as in PoP): h-index of
   * S^c(i) = γ · (Y − Y(i) + 1)^(−δ) · c_i with γ = 4, δ = 1, over the dated papers.
   */
  hcIndex: number;
  /** Batista individual h-index, hI = h² / N_a where N_a = total authors of the h-core (0 when h = 0). */
  hIIndex: number;
  /** PoP hI,norm: h-index of the per-author citations c_i / a_i. */
  hINorm: number;
  /** hI,annual (hIa, Harzing, Alakangas & Adams 2014) = hI,norm / academic age (undefined when no year). */
  hIAnnual?: number;
  /**
   * Schreiber hm-index: rank by citations, r_eff(i) = Σ_{j ≤ i} 1/a_j,
   * hm = max r_eff(i) such that c_i ≥ r_eff(i) (0 when none qualifies).
   */
  hmIndex: number;
  /**
   * PoP hA-index (Fassin's ha-index, "average citation h-index", in PoP since version 8): h-index of
   * the annual citation rates c_i / age_i over the dated papers — the largest n such that n papers
   * have at least n citations per year of age. Not hI,annual (see `hIAnnual`).
   */
  hAIndex: number;
  /** Age-weighted citation rate (PoP, after Jin's AR-index, summed over all dated papers): Σ c_i / age_i. */
  awcr: number;
  /** AW-index = √AWCR. */
  awIndex: number;
  /** AWCR per author: Σ c_i / (age_i · a_i). */
  awcrpa: number;
  /** ACC_N (PoP): number of dated papers with c_i / age_i ≥ N, for N = 1, 2, 5, 10, 20. */
  acc: Record<AccThreshold, number>;
  /** Data-quality counts. */
  flags: MetricFlags;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The current UTC year (the default reference year). */
export function currentUtcYear(): number {
  return new Date().getUTCFullYear();
}

/**
 * Age of a paper published in `year`, seen from `referenceYear`: Y − year + 1 (inclusive), at
 * least 1 (a paper dated after Y is treated as published in Y).
 */
export function paperAge(year: number, referenceYear: number): number {
  return Math.max(1, referenceYear - year + 1);
}

/** A usable non-negative value for the h-type helpers: NaN, ±Infinity and negatives read as 0. */
function nonNegative(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * h-index of arbitrary non-negative values: the largest h such that at least h values are ≥ h.
 * Values need not be integers (hI,norm, hc and hA use real values). O(n), no sort.
 * NaN, ±Infinity and negative values count as 0.
 */
export function hIndexOf(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  // counts[k] = number of values whose floor is k (capped at n); v ≥ k ⇔ floor(v) ≥ k for integer k.
  const counts = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) counts[Math.min(n, Math.floor(nonNegative(values[i])))]++;
  let atLeast = 0;
  for (let k = n; k > 0; k--) {
    atLeast += counts[k];
    if (atLeast >= k) return k;
  }
  return 0;
}

/**
 * g-index (Egghe 2006) of citation counts: the largest g such that the g most-cited values sum to
 * at least g², capped at the number of values (no fictitious zero-cited papers).
 */
export function gIndexOf(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values as ArrayLike<number>, nonNegative)
    .sort()
    .reverse();
  let sum = 0;
  let g = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i];
    // Mean of the top k is non-increasing while k grows, so the qualifying k form a prefix.
    if (sum >= (i + 1) * (i + 1)) g = i + 1;
    else break;
  }
  return g;
}

/**
 * hm-index (Schreiber 2008) of papers given as citation count and author count: rank by citations
 * (ties: fewer authors first), effective rank r_eff(i) = Σ_{j ≤ i} 1/a_j,
 * hm = max r_eff(i) such that c_i ≥ r_eff(i); 0 when no paper qualifies.
 */
export function hmIndexOf(papers: readonly { citations: number; authors: number }[]): number {
  const ranked = papers.map((p) => ({ c: nonNegative(p.citations), a: authorCount(p.authors) })).sort((x, y) => y.c - x.c || x.a - y.a);
  let rEff = 0;
  let hm = 0;
  for (const p of ranked) {
    rEff += 1 / p.a;
    if (p.c >= rEff - HM_EPSILON) hm = rEff;
    else break; // c is non-increasing and r_eff increasing: no later paper can qualify.
  }
  return hm;
}

/** An author count usable as a divisor: integer ≥ 1 (invalid or < 1 reads as 1). */
function authorCount(a: number): number {
  return Number.isFinite(a) && a >= 1 ? Math.floor(a) : 1;
}

/** Whether `c` is a usable citation count (a finite number in [0, 1e9]); anything else counts as missing. */
export function validCitations(c: unknown): c is number {
  return typeof c === 'number' && Number.isFinite(c) && c >= 0 && c <= MAX_PLAUSIBLE_CITATIONS;
}

function validYear(y: unknown): y is number {
  return typeof y === 'number' && Number.isInteger(y) && y > 0;
}

function resolveReferenceYear(y: number | undefined): number {
  if (y === undefined) return currentUtcYear();
  if (!Number.isInteger(y)) throw new RangeError(`referenceYear must be an integer year, got ${y}`);
  return y;
}

/** `PaperRecord` → `MetricPaper`. An empty author list counts as 1 author, flagged as a lower bound. */
export function toMetricPaper(p: PaperRecord): MetricPaper {
  return {
    id: p.id,
    citations: p.citations,
    year: p.year,
    authors: p.authors.length || 1,
    authorsLowerBound: !!p.authorsTruncated || p.authors.length === 0,
  };
}

// ---------------------------------------------------------------------------------------------
// The metrics

interface Ranked {
  c: number;
  a: number;
  y: number | undefined;
}

/** Canonical ranking: citations descending, then author count ascending, then year (undated last). */
function compareRanked(p: Ranked, q: Ranked): number {
  return q.c - p.c || p.a - q.a || (p.y ?? Infinity) - (q.y ?? Infinity) || 0;
}

/** Compute every metric for `papers` (see the conventions in the header comment). */
export function computeMetrics(papers: readonly MetricPaper[], opts: MetricsOptions = {}): AuthorMetrics {
  const Y = resolveReferenceYear(opts.referenceYear);
  const flags: MetricFlags = { missingCitations: 0, missingYear: 0, authorCountLowerBound: 0, futureYear: 0 };
  const n = papers.length;

  const ranked: Ranked[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = papers[i];
    let c = 0;
    if (validCitations(p.citations)) c = p.citations;
    else flags.missingCitations++;
    let y: number | undefined;
    if (validYear(p.year)) {
      y = p.year;
      if (y > Y) flags.futureYear++;
    } else flags.missingYear++;
    if (p.authorsLowerBound) flags.authorCountLowerBound++;
    ranked[i] = { c, a: authorCount(p.authors), y };
  }
  ranked.sort(compareRanked);

  let citations = 0;
  let citesPerAuthor = 0;
  let papersPerAuthor = 0;
  let authorSum = 0;
  let hIndex = 0;
  let hCoreCitations = 0;
  let hCoreAuthors = 0;
  let gIndex = 0;
  let i10Index = 0;
  let rEff = 0;
  let hmIndex = 0;
  let hmOpen = true;
  let firstYear: number | undefined;
  let lastYear: number | undefined;
  let awcr = 0;
  let awcrpa = 0;
  const acc: Record<AccThreshold, number> = { 1: 0, 2: 0, 5: 0, 10: 0, 20: 0 };
  const perAuthor = new Float64Array(n);
  const contemporary: number[] = [];
  const annual: number[] = [];

  for (let i = 0; i < n; i++) {
    const { c, a, y } = ranked[i];
    const rank = i + 1;
    citations += c;
    citesPerAuthor += c / a;
    papersPerAuthor += 1 / a;
    authorSum += a;
    perAuthor[i] = c / a;
    if (c >= 10) i10Index++;
    // Ranked by citations, so "c_i ≥ i" holds for a prefix: that prefix is the h-core.
    if (c >= rank) {
      hIndex = rank;
      hCoreCitations += c;
      hCoreAuthors += a;
    }
    if (citations >= rank * rank) gIndex = rank; // also a prefix (see gIndexOf)
    if (hmOpen) {
      rEff += 1 / a;
      if (c >= rEff - HM_EPSILON) hmIndex = rEff;
      else hmOpen = false;
    }
    if (y !== undefined) {
      if (firstYear === undefined || y < firstYear) firstYear = y;
      if (lastYear === undefined || y > lastYear) lastYear = y;
      const age = paperAge(y, Y);
      const rate = c / age;
      awcr += rate;
      awcrpa += c / (age * a);
      annual.push(rate);
      contemporary.push((HC_GAMMA * c) / age ** HC_DELTA);
      for (const t of ACC_THRESHOLDS) if (c >= t * age) acc[t]++;
    }
  }

  const academicAge = firstYear === undefined ? 0 : paperAge(firstYear, Y);
  const hINorm = hIndexOf(perAuthor);
  const perYear = (x: number) => (academicAge > 0 ? x / academicAge : undefined);

  return {
    referenceYear: Y,
    papers: n,
    citations,
    citesPerPaper: n > 0 ? citations / n : undefined,
    citesPerYear: perYear(citations),
    citesPerAuthor,
    papersPerAuthor,
    authorsPerPaper: n > 0 ? authorSum / n : undefined,
    academicAge,
    firstYear,
    lastYear,
    hIndex,
    gIndex,
    i10Index,
    eIndex: Math.sqrt(Math.max(0, hCoreCitations - hIndex * hIndex)),
    hCoreCitations,
    hCoreAuthors,
    aIndex: hIndex > 0 ? citations / (hIndex * hIndex) : undefined,
    mQuotient: perYear(hIndex),
    hcIndex: hIndexOf(contemporary),
    hIIndex: hIndex > 0 ? (hIndex * hIndex) / hCoreAuthors : 0,
    hINorm,
    hIAnnual: perYear(hINorm),
    hmIndex,
    hAIndex: hIndexOf(annual),
    awcr,
    awIndex: Math.sqrt(awcr),
    awcrpa,
    acc,
    flags,
  };
}

// ---------------------------------------------------------------------------------------------
// Explanations

/**
 * One-line English explanation of every metric, keyed like `AuthorMetrics`: the reference text
 * (README, tests). The UI shows them in the user's language by the same ids (`metric_explain*`
 * messages in components/AuthorMetrics.tsx); lib/metrics stays pure, with no browser APIs.
 */
export const explain: Record<keyof AuthorMetrics, string> = {
  referenceYear: 'The year the metrics are computed for; ages count this year as year 1.',
  papers: 'Number of papers in the set.',
  citations: 'Total citations of all papers (papers without a count add 0).',
  citesPerPaper: 'Average citations per paper.',
  citesPerYear: 'Total citations divided by academic age (years since the first dated paper, inclusive).',
  citesPerAuthor: 'Citations shared out among co-authors: each paper’s citations divided by its author count, summed.',
  papersPerAuthor: 'Papers shared out among co-authors: 1 / author count, summed over papers.',
  authorsPerPaper: 'Average number of authors per paper.',
  academicAge: 'Years from the first dated paper to the reference year, counting both ends.',
  firstYear: 'Year of the earliest dated paper.',
  lastYear: 'Year of the most recent dated paper.',
  hIndex: 'h papers have at least h citations each (Hirsch).',
  gIndex: 'The top g papers together have at least g² citations (Egghe); never more than the number of papers.',
  i10Index: 'Papers with at least 10 citations (Google Scholar).',
  eIndex: 'Square root of the h-core’s citations beyond the h² the h-index needs (Zhang).',
  hCoreCitations: 'Citations of the h most-cited papers.',
  hCoreAuthors: 'Authors of the h most-cited papers, counted paper by paper.',
  aIndex: 'Hirsch’s a: total citations divided by h².',
  mQuotient: 'h-index divided by academic age: h gained per year (Hirsch’s m).',
  hcIndex: 'Contemporary h-index: h-index after weighting each paper’s citations by 4 / its age, favouring recent work.',
  hIIndex: 'Individual h-index (Batista): h² divided by the total number of authors of the h-core papers.',
  hINorm: 'h-index after dividing each paper’s citations by its number of authors (PoP hI,norm).',
  hIAnnual: 'hI,norm divided by academic age: single-author-equivalent impactful papers per year (Harzing’s hIa).',
  hmIndex: 'h-index with papers counted fractionally, 1/authors each, when ranking (Schreiber’s hm).',
  hAIndex: 'hA papers have at least hA citations per year of age each (Fassin’s ha, PoP hA).',
  awcr: 'Age-weighted citation rate: each paper’s citations divided by its age, summed.',
  awIndex: 'Square root of the age-weighted citation rate, comparable to the h-index.',
  awcrpa: 'Age-weighted citation rate shared out among co-authors.',
  acc: 'Papers averaging at least 1, 2, 5, 10 and 20 citations per year of age (PoP ACC).',
  flags:
    'How many papers lack a citation count (counted as 0), lack a year (left out of age-based metrics), or have a truncated author list.',
};

/**
 * English sentences for the data-quality flags that are non-zero (logs, tests); the UI words them
 * in the user's language (`metric_flag*` messages, components/AuthorMetrics.tsx).
 */
export function describeFlags(flags: MetricFlags): string[] {
  const out: string[] = [];
  const papers = (k: number) => (k === 1 ? '1 paper has' : `${k} papers have`);
  if (flags.missingCitations > 0) out.push(`${papers(flags.missingCitations)} no citation count; counted as 0 citations.`);
  if (flags.missingYear > 0)
    out.push(`${papers(flags.missingYear)} no year; left out of academic age, hc, hA, AWCR, AW-index, AWCRpA and ACC.`);
  if (flags.authorCountLowerBound > 0)
    out.push(`${papers(flags.authorCountLowerBound)} a truncated author list; per-author metrics are upper bounds.`);
  if (flags.futureYear > 0) out.push(`${papers(flags.futureYear)} a year after the reference year; treated as age 1.`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Subsets and series

/** Which papers to keep. */
export interface PaperFilter {
  /** Keep papers published in or after this year. */
  fromYear?: number;
  /** Keep papers published in or before this year. */
  toYear?: number;
  /** Papers to drop: a number is a position in the input array, a string a paper `id`. */
  exclude?: ReadonlySet<number | string>;
  /** With a year bound set, keep papers without a year too (default: drop them, they can't be placed). */
  includeUndated?: boolean;
}

/** The papers of `papers` that pass `filter`, in input order. Works on MetricPaper and PaperRecord alike. */
export function filterPapers<T extends { year?: number; id?: string }>(papers: readonly T[], filter: PaperFilter = {}): T[] {
  const { fromYear, toYear, exclude, includeUndated = false } = filter;
  const bounded = fromYear !== undefined || toYear !== undefined;
  return papers.filter((p, i) => {
    if (exclude && (exclude.has(i) || (p.id !== undefined && exclude.has(p.id)))) return false;
    if (!bounded) return true;
    if (!validYear(p.year)) return includeUndated;
    if (fromYear !== undefined && p.year < fromYear) return false;
    if (toYear !== undefined && p.year > toYear) return false;
    return true;
  });
}

/** Per-year totals from the first to the last dated year, gaps filled with 0; undated papers skipped. */
function byYear(
  papers: readonly { year?: number; citations?: number }[],
  value: (p: { citations?: number }) => number,
): Record<number, number> {
  const out: Record<number, number> = {};
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of papers) {
    if (!validYear(p.year)) continue;
    lo = Math.min(lo, p.year);
    hi = Math.max(hi, p.year);
    out[p.year] = (out[p.year] ?? 0) + value(p);
  }
  for (let y = lo; y <= hi; y++) out[y] ??= 0;
  return out;
}

/**
 * Citations of the papers published in each year, `{ year: Σ c }`, from the first to the last
 * dated year (gaps are 0). Missing counts add 0; undated papers are skipped. This is by year of
 * publication, not year of citation.
 */
export function citationsByYear(papers: readonly { year?: number; citations?: number }[]): Record<number, number> {
  return byYear(papers, (p) => (validCitations(p.citations) ? p.citations : 0));
}

/** Number of papers published in each year, `{ year: count }`, first to last dated year (gaps are 0). */
export function papersByYear(papers: readonly { year?: number }[]): Record<number, number> {
  return byYear(papers, () => 1);
}
