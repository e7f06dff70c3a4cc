import { describe, expect, it } from 'vitest';
import {
  ACC_THRESHOLDS,
  citationsByYear,
  computeMetrics,
  currentUtcYear,
  describeFlags,
  explain,
  filterPapers,
  gIndexOf,
  hIndexOf,
  hmIndexOf,
  paperAge,
  papersByYear,
  toMetricPaper,
  type AuthorMetrics,
  type MetricPaper,
} from '../../lib/metrics/metrics';
import type { PaperRecord } from '../../lib/core/types';

/** Papers from citation counts alone (1 author, no year). */
const cites = (cs: number[]): MetricPaper[] => cs.map((c) => ({ citations: c, authors: 1 }));
/** Papers from citation and author counts (no year). */
const withAuthors = (cs: number[], as: number[]): MetricPaper[] => cs.map((c, i) => ({ citations: c, authors: as[i] }));

function record(over: Partial<PaperRecord>): PaperRecord {
  return {
    id: 'p',
    title: 't',
    authors: [],
    ids: {},
    sources: [],
    citationHistory: [],
    idKeys: [],
    titleKey: 't',
    authorIds: [],
    collectionIds: [],
    addedAt: 0,
    updatedAt: 0,
    ...over,
  };
}

/** Every numeric leaf of the metrics, with its path. */
function numericLeaves(m: AuthorMetrics): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (v: unknown, path: string) => {
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    else out.push([path, v]);
  };
  walk(m, 'm');
  return out;
}

describe('published worked examples', () => {
  it('h-index: Wikipedia "h-index" examples (10,8,5,4,3 → 4; 25,8,5,3,3 → 3)', () => {
    expect(computeMetrics(cites([10, 8, 5, 4, 3]), { referenceYear: 2024 }).hIndex).toBe(4);
    expect(computeMetrics(cites([25, 8, 5, 3, 3]), { referenceYear: 2024 }).hIndex).toBe(3);
    expect(hIndexOf([10, 8, 5, 4, 3])).toBe(4);
    expect(hIndexOf([25, 8, 5, 3, 3])).toBe(3);
  });

  it('g-index: Rousseau, Egghe & Guns, Becoming Metric-Wise (2018), Table 7.6 and §7', () => {
    // Table 7.6: [8,5,5,4,4,1,0]: top 5 have 26 ≥ 25, top 6 have 27 < 36 → g = 5.
    expect(gIndexOf([8, 5, 5, 4, 4, 1, 0])).toBe(5);
    expect(computeMetrics(cites([8, 5, 5, 4, 4, 1, 0]), { referenceYear: 2024 }).gIndex).toBe(5);
    // [4,4,4,4,0,0]: h = g = 4.
    const m = computeMetrics(cites([4, 4, 4, 4, 0, 0]), { referenceYear: 2024 });
    expect([m.hIndex, m.gIndex]).toEqual([4, 4]);
    // X2 = [3,3,3,0,0,0]: h = 3, g = 3.
    expect(gIndexOf([3, 3, 3, 0, 0, 0])).toBe(3);
    // X1 = [15,10,5,3]: h = 3 and the book's g = 5 uses a fictitious 5th paper (33 ≥ 25);
    // PoP (and this module) cap g at the number of papers → 4.
    const x1 = computeMetrics(cites([15, 10, 5, 3]), { referenceYear: 2024 });
    expect(x1.hIndex).toBe(3);
    expect(x1.gIndex).toBe(4);
  });

  // Rosenberg lab "impact" pages (rosenberglab.net/impact_*.html) use one 16-paper record
  // (their 2001 snapshot) for every index. Published there: g = 11, e = 9.2195, hm = 3.00,
  // real h = 6.4286 (which implies h = 6 with c_6 = 9, c_7 = 3).
  const rosenbergC = [42, 36, 14, 11, 9, 9, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0];
  const rosenbergA = [3, 3, 3, 2, 4, 1, 4, 4, 1, 1, 4, 2, 1, 4, 2, 1];
  const rosenberg = computeMetrics(withAuthors(rosenbergC, rosenbergA), { referenceYear: 2001 });

  it('Rosenberg example: h = 6, g = 11 (published)', () => {
    expect(rosenberg.hIndex).toBe(6);
    expect(rosenberg.gIndex).toBe(11); // 131 ≥ 121, 132 < 144
  });

  it('e-index (Zhang 2009 formula): Rosenberg example e = √(121 − 36) = 9.2195 (published)', () => {
    expect(rosenberg.hCoreCitations).toBe(121);
    expect(rosenberg.eIndex).toBeCloseTo(9.2195, 4);
  });

  it('hm-index (Schreiber 2008): Rosenberg example hm = 3.00 (published)', () => {
    // r_eff: .33 .67 1 1.5 2.5 2.75 3.0 (c=3 ✓) then 4.0 > 2 ✗.
    expect(rosenberg.hmIndex).toBeCloseTo(3, 10);
    expect(rosenberg.papersPerAuthor).toBeCloseTo(8.75, 12); // their final adjusted rank Σ 1/a
  });

  it('hm-index: 8-paper example attributed to Schreiber (2008) on Academia SE q/162640: h = 5, hm = 3', () => {
    const m = computeMetrics(withAuthors([16, 15, 14, 12, 10, 3, 3, 2], [2, 2, 3, 3, 2, 2, 3, 1]), { referenceYear: 2008 });
    expect(m.hIndex).toBe(5);
    expect(m.hmIndex).toBeCloseTo(3, 10);
    expect(hmIndexOf([16, 15, 14, 12, 10, 3, 3, 2].map((c, i) => ({ citations: c, authors: [2, 2, 3, 3, 2, 2, 3, 1][i] })))).toBeCloseTo(
      3,
      10,
    );
  });

  it('Rosenberg example, hand-computed: hI, hI,norm, Hirsch a, i10, per-author figures', () => {
    // h-core: c = 42,36,14,11,9,9 with a = 3,3,3,2,4,1 → N_a = 16, hI = 36/16.
    expect(rosenberg.hCoreAuthors).toBe(16);
    expect(rosenberg.hIIndex).toBeCloseTo(2.25, 12);
    // c/a sorted: 14, 12, 9, 5.5, 4.67, 2.25, … → hI,norm = 4.
    expect(rosenberg.hINorm).toBe(4);
    expect(rosenberg.citations).toBe(133);
    expect(rosenberg.aIndex).toBeCloseTo(133 / 36, 12);
    expect(rosenberg.i10Index).toBe(4);
    expect(rosenberg.citesPerAuthor).toBeCloseTo(653 / 12, 10);
    expect(rosenberg.authorsPerPaper).toBeCloseTo(2.5, 12);
  });
});

describe('hand-computed small set (reference year 2024)', () => {
  //     c     year  a   age  c/age   4c/age  c/a
  // P1  30    2020  2   5    6       24      15
  // P2  12    2023  1   2    6       24      12
  // P3  8     2014  4   11   0.727   2.909   2
  // P4  25    2024  3   1    25      100     8.33
  // P5  0     2018  1   7    0       0       0
  // P6  —     2019  2*  6    0       0       0      (* truncated list; missing count → 0)
  // P7  3     —     1   —    —       —       3      (no year: out of age metrics)
  const set: MetricPaper[] = [
    { citations: 30, year: 2020, authors: 2 },
    { citations: 12, year: 2023, authors: 1 },
    { citations: 8, year: 2014, authors: 4 },
    { citations: 25, year: 2024, authors: 3 },
    { citations: 0, year: 2018, authors: 1 },
    { year: 2019, authors: 2, authorsLowerBound: true },
    { citations: 3, authors: 1 },
  ];
  const m = computeMetrics(set, { referenceYear: 2024 });

  it('counts and averages', () => {
    expect(m.referenceYear).toBe(2024);
    expect(m.papers).toBe(7);
    expect(m.citations).toBe(78);
    expect(m.citesPerPaper).toBeCloseTo(78 / 7, 12);
    expect(m.firstYear).toBe(2014);
    expect(m.lastYear).toBe(2024);
    expect(m.academicAge).toBe(11); // 2024 − 2014 + 1
    expect(m.citesPerYear).toBeCloseTo(78 / 11, 12);
    expect(m.citesPerAuthor).toBeCloseTo(121 / 3, 12); // 15 + 12 + 2 + 25/3 + 0 + 0 + 3
    expect(m.papersPerAuthor).toBeCloseTo(55 / 12, 12); // 1/2 + 1 + 1/4 + 1/3 + 1 + 1/2 + 1
    expect(m.authorsPerPaper).toBe(2); // 14 / 7
  });

  it('h family: h, g (capped), i10, e, a, m', () => {
    // ranked c: 30 25 12 8 | 3 0 0
    expect(m.hIndex).toBe(4);
    expect(m.hCoreCitations).toBe(75);
    expect(m.eIndex).toBeCloseTo(Math.sqrt(59), 12);
    expect(m.aIndex).toBeCloseTo(78 / 16, 12);
    expect(m.mQuotient).toBeCloseTo(4 / 11, 12);
    // cumulative 78 ≥ 49 at g = 7; uncapped it would be 8 (64 ≤ 78) but there are only 7 papers.
    expect(m.gIndex).toBe(7);
    expect(m.i10Index).toBe(3);
  });

  it('co-authorship: hI, hI,norm, hI,annual, hm', () => {
    // h-core authors: 2 + 3 + 1 + 4 = 10 → hI = 16 / 10.
    expect(m.hCoreAuthors).toBe(10);
    expect(m.hIIndex).toBeCloseTo(1.6, 12);
    // c/a sorted: 15, 12, 8.33, 3, 2, 0, 0 → 3.
    expect(m.hINorm).toBe(3);
    expect(m.hIAnnual).toBeCloseTo(3 / 11, 12);
    // ranked (c, a): (30,2) (25,3) (12,1) (8,4) (3,1) → r_eff .5 .833 1.833 2.083 then 3.083 > 3.
    expect(m.hmIndex).toBeCloseTo(25 / 12, 12);
  });

  it('age metrics: hc, hA, AWCR, AW, AWCRpA, ACC over the six dated papers', () => {
    expect(m.hcIndex).toBe(3); // 100, 24, 24, 2.9, 0, 0
    expect(m.hAIndex).toBe(3); // 25, 6, 6, 0.73, 0, 0
    expect(m.awcr).toBeCloseTo(415 / 11, 12); // 6 + 6 + 8/11 + 25
    expect(m.awIndex).toBeCloseTo(Math.sqrt(415 / 11), 12);
    expect(m.awcrpa).toBeCloseTo(578 / 33, 12); // 3 + 6 + 2/11 + 25/3
    expect(m.acc).toEqual({ 1: 3, 2: 3, 5: 3, 10: 1, 20: 1 });
  });

  it('flags', () => {
    expect(m.flags).toEqual({ missingCitations: 1, missingYear: 1, authorCountLowerBound: 1, futureYear: 0 });
    expect(describeFlags(m.flags)).toEqual([
      '1 paper has no citation count; counted as 0 citations.',
      '1 paper has no year; left out of academic age, hc, hA, AWCR, AW-index, AWCRpA and ACC.',
      '1 paper has a truncated author list; per-author metrics are upper bounds.',
    ]);
  });
});

describe('conventions', () => {
  it('paper age is inclusive: published in the reference year → age 1', () => {
    expect(paperAge(2024, 2024)).toBe(1);
    expect(paperAge(2023, 2024)).toBe(2);
    expect(computeMetrics([{ citations: 10, year: 2024, authors: 1 }], { referenceYear: 2024 }).awcr).toBe(10);
    expect(computeMetrics([{ citations: 10, year: 2023, authors: 1 }], { referenceYear: 2024 }).awcr).toBe(5);
  });

  it('academic age is inclusive and taken from the earliest dated paper', () => {
    const m = computeMetrics(
      [
        { citations: 1, year: 2020, authors: 1 },
        { citations: 1, year: 2010, authors: 1 },
        { citations: 1, authors: 1 },
      ],
      { referenceYear: 2024 },
    );
    expect(m.academicAge).toBe(15);
    expect(m.citesPerYear).toBeCloseTo(3 / 15, 12); // whole-set citations, dated or not
  });

  it('papers dated after the reference year count as age 1 and are flagged', () => {
    const m = computeMetrics([{ citations: 6, year: 2026, authors: 2 }], { referenceYear: 2024 });
    expect(m.awcr).toBe(6);
    expect(m.academicAge).toBe(1);
    expect(m.flags.futureYear).toBe(1);
  });

  it('missing citation counts count as 0 and are flagged; invalid counts too', () => {
    const m = computeMetrics(
      [
        { citations: 5, authors: 1 },
        { authors: 1 },
        { citations: Number.NaN, authors: 1 },
        { citations: -3, authors: 1 },
        { citations: Infinity, authors: 1 },
      ],
      { referenceYear: 2024 },
    );
    expect(m.citations).toBe(5);
    expect(m.papers).toBe(5);
    expect(m.flags.missingCitations).toBe(4);
    expect(m.citesPerPaper).toBe(1);
  });

  it('papers without a year are excluded from age metrics only', () => {
    const dated = { citations: 8, year: 2020, authors: 1 };
    const undated = { citations: 100, authors: 1 };
    const m = computeMetrics([dated, undated], { referenceYear: 2024 });
    const onlyDated = computeMetrics([dated], { referenceYear: 2024 });
    for (const k of ['hcIndex', 'hAIndex', 'awcr', 'awIndex', 'awcrpa', 'acc', 'academicAge', 'firstYear', 'lastYear'] as const)
      expect(m[k], k).toEqual(onlyDated[k]);
    expect(m.citations).toBe(108);
    expect(m.hIndex).toBe(2);
    expect(m.flags.missingYear).toBe(1);
    // Giving it a year brings it into the age metrics.
    expect(computeMetrics([dated, { ...undated, year: 2024 }], { referenceYear: 2024 }).awcr).toBeCloseTo(8 / 5 + 100, 12);
  });

  it('author counts: invalid or < 1 read as 1; truncated lists flagged', () => {
    const m = computeMetrics(
      [
        { citations: 4, authors: 0 },
        { citations: 4, authors: Number.NaN },
        { citations: 4, authors: 3, authorsLowerBound: true },
      ],
      {
        referenceYear: 2024,
      },
    );
    expect(m.papersPerAuthor).toBeCloseTo(2 + 1 / 3, 12);
    expect(m.flags.authorCountLowerBound).toBe(1);
  });

  it('ties in citations are ranked fewer-authors-first, so hm and hI do not depend on input order', () => {
    // (5,1) then the two 2-cited papers: a = 1 first → r_eff 1, 2 (2 ≥ 2 ✓), 2.5 ✗ → hm = 2.
    // In the other order r_eff would be 1, 1.5 ✓, 2.5 ✗ → 1.5: the tie-break decides.
    const a: MetricPaper[] = [
      { citations: 5, authors: 1 },
      { citations: 2, authors: 2 },
      { citations: 2, authors: 1 },
    ];
    const b = [a[2], a[0], a[1]];
    expect(computeMetrics(a, { referenceYear: 2024 }).hmIndex).toBe(2);
    expect(computeMetrics(b, { referenceYear: 2024 })).toEqual(computeMetrics(a, { referenceYear: 2024 }));
    // hI: [3,3,3,3] with a = 4,1,2,3: h-core = the three with fewest authors → N_a = 6.
    const ties = withAuthors([3, 3, 3, 3], [4, 1, 2, 3]);
    expect(computeMetrics(ties, { referenceYear: 2024 }).hCoreAuthors).toBe(6);
    expect(computeMetrics([...ties].reverse(), { referenceYear: 2024 }).hIIndex).toBeCloseTo(9 / 6, 12);
  });

  it('reference year defaults to the current UTC year; a non-integer one is rejected', () => {
    expect(computeMetrics([]).referenceYear).toBe(currentUtcYear());
    expect(() => computeMetrics([], { referenceYear: 2024.5 })).toThrow(RangeError);
  });
});

describe('edge cases', () => {
  it('empty input: zeros and undefined, never NaN or Infinity', () => {
    const m = computeMetrics([], { referenceYear: 2024 });
    expect(m).toEqual({
      referenceYear: 2024,
      papers: 0,
      citations: 0,
      citesPerPaper: undefined,
      citesPerYear: undefined,
      citesPerAuthor: 0,
      papersPerAuthor: 0,
      authorsPerPaper: undefined,
      academicAge: 0,
      firstYear: undefined,
      lastYear: undefined,
      hIndex: 0,
      gIndex: 0,
      i10Index: 0,
      eIndex: 0,
      hCoreCitations: 0,
      hCoreAuthors: 0,
      aIndex: undefined,
      mQuotient: undefined,
      hcIndex: 0,
      hIIndex: 0,
      hINorm: 0,
      hIAnnual: undefined,
      hmIndex: 0,
      hAIndex: 0,
      awcr: 0,
      awIndex: 0,
      awcrpa: 0,
      acc: { 1: 0, 2: 0, 5: 0, 10: 0, 20: 0 },
      flags: { missingCitations: 0, missingYear: 0, authorCountLowerBound: 0, futureYear: 0 },
    });
    for (const [path, v] of numericLeaves(m)) if (v !== undefined) expect(Number.isFinite(v), path).toBe(true);
  });

  it('all papers uncited and undated: h = 0, a undefined, age metrics 0', () => {
    const m = computeMetrics([{ authors: 2 }, { citations: 0, authors: 1 }], { referenceYear: 2024 });
    expect(m.hIndex).toBe(0);
    expect(m.aIndex).toBeUndefined();
    expect(m.hIIndex).toBe(0);
    expect(m.mQuotient).toBeUndefined();
    expect(m.awcr).toBe(0);
    expect(m.flags).toEqual({ missingCitations: 1, missingYear: 2, authorCountLowerBound: 0, futureYear: 0 });
  });

  it('a single paper', () => {
    const m = computeMetrics([{ citations: 10, year: 2024, authors: 1 }], { referenceYear: 2024 });
    expect(m).toMatchObject({
      papers: 1,
      citations: 10,
      citesPerPaper: 10,
      citesPerYear: 10,
      academicAge: 1,
      hIndex: 1,
      gIndex: 1,
      i10Index: 1,
      eIndex: 3, // √(10 − 1)
      aIndex: 10,
      mQuotient: 1,
      hcIndex: 1, // S^c = 40, capped by one paper
      hIIndex: 1,
      hINorm: 1,
      hIAnnual: 1,
      hmIndex: 1,
      hAIndex: 1,
      awcr: 10,
      awcrpa: 10,
      acc: { 1: 1, 2: 1, 5: 1, 10: 1, 20: 0 },
    });
    expect(m.awIndex).toBeCloseTo(Math.sqrt(10), 12);
  });

  it('handles 10,000 papers', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const papers: MetricPaper[] = Array.from({ length: 10_000 }, () => ({
      citations: Math.floor(rnd() ** 3 * 2000),
      year: 1980 + Math.floor(rnd() * 45),
      authors: 1 + Math.floor(rnd() * 12),
    }));
    const m = computeMetrics(papers, { referenceYear: 2024 });
    expect(m.papers).toBe(10_000);
    expect(m.hIndex).toBe(hIndexOf(papers.map((p) => p.citations!)));
    expect(m.hIndex).toBeGreaterThan(100);
    expect(m.gIndex).toBeGreaterThanOrEqual(m.hIndex);
    // Every paper is dated, cited and authored: no metric lacks a denominator, so none is undefined.
    for (const [path, v] of numericLeaves(m)) expect(Number.isFinite(v), path).toBe(true);
  });
});

describe('helpers', () => {
  it('hIndexOf works on real values and ignores garbage', () => {
    expect(hIndexOf([])).toBe(0);
    expect(hIndexOf([0.5])).toBe(0);
    expect(hIndexOf([1])).toBe(1);
    expect(hIndexOf([2.5, 2.5, 2.5])).toBe(2);
    expect(hIndexOf([Number.NaN, Infinity, -5, 3, 3])).toBe(2);
    expect(hIndexOf(new Float64Array([100, 100, 100]))).toBe(3);
  });

  it('toMetricPaper', () => {
    expect(toMetricPaper(record({ id: 'x', authors: ['A', 'B', 'C'], citations: 7, year: 2019 }))).toEqual({
      id: 'x',
      citations: 7,
      year: 2019,
      authors: 3,
      authorsLowerBound: false,
    });
    expect(toMetricPaper(record({ authors: ['A', 'B'], authorsTruncated: true })).authorsLowerBound).toBe(true);
    // No authors known: count 1, and that is only a lower bound.
    expect(toMetricPaper(record({ authors: [] }))).toMatchObject({ authors: 1, authorsLowerBound: true });
  });

  it('filterPapers: year range, undated papers, exclusion by index or id', () => {
    const ps: MetricPaper[] = [
      { id: 'a', year: 2010, citations: 1, authors: 1 },
      { id: 'b', year: 2015, citations: 2, authors: 1 },
      { id: 'c', year: 2020, citations: 3, authors: 1 },
      { id: 'd', citations: 4, authors: 1 },
    ];
    const ids = (xs: MetricPaper[]) => xs.map((p) => p.id);
    expect(ids(filterPapers(ps))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterPapers(ps, { fromYear: 2015 }))).toEqual(['b', 'c']);
    expect(ids(filterPapers(ps, { toYear: 2015 }))).toEqual(['a', 'b']);
    expect(ids(filterPapers(ps, { fromYear: 2011, toYear: 2019 }))).toEqual(['b']);
    expect(ids(filterPapers(ps, { fromYear: 2015, includeUndated: true }))).toEqual(['b', 'c', 'd']);
    expect(ids(filterPapers(ps, { exclude: new Set<number | string>([0, 'c']) }))).toEqual(['b', 'd']);
    // Works on PaperRecord too, and composes with computeMetrics.
    const recs = [record({ id: 'r1', year: 2001, citations: 5 }), record({ id: 'r2', year: 2002, citations: 9 })];
    expect(computeMetrics(filterPapers(recs, { exclude: new Set(['r2']) }).map(toMetricPaper), { referenceYear: 2002 }).citations).toBe(5);
  });

  it('citationsByYear / papersByYear: gaps filled with 0, undated skipped', () => {
    const ps: MetricPaper[] = [
      { year: 2018, citations: 4, authors: 1 },
      { year: 2018, authors: 1 },
      { year: 2021, citations: 10, authors: 1 },
      { citations: 99, authors: 1 },
    ];
    expect(citationsByYear(ps)).toEqual({ 2018: 4, 2019: 0, 2020: 0, 2021: 10 });
    expect(papersByYear(ps)).toEqual({ 2018: 2, 2019: 0, 2020: 0, 2021: 1 });
    expect(citationsByYear([])).toEqual({});
    const undatedOnly: MetricPaper[] = [{ citations: 3, authors: 1 }];
    expect(papersByYear(undatedOnly)).toEqual({});
  });

  it('explain has a non-empty line for every metric, and ACC thresholds match', () => {
    const m = computeMetrics([{ citations: 1, year: 2020, authors: 1 }], { referenceYear: 2024 });
    expect(Object.keys(explain).sort()).toEqual(Object.keys(m).sort());
    for (const [k, v] of Object.entries(explain)) {
      expect(v.length, k).toBeGreaterThan(10);
      expect(v.includes('\n'), k).toBe(false);
    }
    expect(Object.keys(m.acc).map(Number)).toEqual([...ACC_THRESHOLDS]);
  });
});
