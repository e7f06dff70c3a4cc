import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics, filterPapers, gIndexOf, hIndexOf, type AuthorMetrics, type MetricPaper } from '../../lib/metrics/metrics';

const REF = 2025;

/** A paper: citation count (sometimes missing), year (sometimes missing, sometimes after REF), author count. */
const paperArb: fc.Arbitrary<MetricPaper> = fc.record({
  citations: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined, freq: 8 }),
  year: fc.option(fc.integer({ min: 1960, max: REF + 2 }), { nil: undefined, freq: 6 }),
  authors: fc.integer({ min: 1, max: 30 }),
  authorsLowerBound: fc.boolean(),
});
const papersArb = fc.array(paperArb, { maxLength: 60 });
const refArb = fc.integer({ min: 1990, max: 2030 });

const REL = 1e-9;
/** |x − y| within a relative tolerance (float sums). */
const close = (x: number, y: number) => Math.abs(x - y) <= REL * Math.max(1, Math.abs(x), Math.abs(y));

/** Every leaf value of the metrics, with its path. */
function leaves(m: AuthorMetrics): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (v: unknown, path: string) => {
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    else out.push([path, v]);
  };
  walk(m, 'm');
  return out;
}

/** Keys that may be undefined (a ratio with a zero denominator). */
const MAY_BE_UNDEFINED = new Set([
  'm.citesPerPaper',
  'm.citesPerYear',
  'm.authorsPerPaper',
  'm.firstYear',
  'm.lastYear',
  'm.aIndex',
  'm.mQuotient',
  'm.hIAnnual',
]);

describe('metric identities (fast-check)', () => {
  it('Hirsch a · h² = total citations when h > 0; a undefined when h = 0', () => {
    fc.assert(
      fc.property(papersArb, (ps) => {
        const m = computeMetrics(ps, { referenceYear: REF });
        if (m.hIndex > 0) expect(close(m.aIndex! * m.hIndex ** 2, m.citations)).toBe(true);
        else expect(m.aIndex).toBeUndefined();
      }),
    );
  });

  it('e² + h² = h-core citations', () => {
    fc.assert(
      fc.property(papersArb, (ps) => {
        const m = computeMetrics(ps, { referenceYear: REF });
        expect(close(m.eIndex ** 2 + m.hIndex ** 2, m.hCoreCitations)).toBe(true);
      }),
    );
  });

  it('hI × (authors in the h-core) = h²', () => {
    fc.assert(
      fc.property(papersArb, (ps) => {
        const m = computeMetrics(ps, { referenceYear: REF });
        expect(close(m.hIIndex * m.hCoreAuthors, m.hIndex ** 2)).toBe(true);
      }),
    );
  });

  it('AW² = AWCR', () => {
    fc.assert(
      fc.property(papersArb, refArb, (ps, ref) => {
        const m = computeMetrics(ps, { referenceYear: ref });
        expect(close(m.awIndex ** 2, m.awcr)).toBe(true);
      }),
    );
  });

  it('m · academic age = h and hI,annual · academic age = hI,norm (when a year is known)', () => {
    fc.assert(
      fc.property(papersArb, refArb, (ps, ref) => {
        const m = computeMetrics(ps, { referenceYear: ref });
        if (m.academicAge === 0) {
          expect(m.mQuotient).toBeUndefined();
          expect(m.hIAnnual).toBeUndefined();
        } else {
          expect(close(m.mQuotient! * m.academicAge, m.hIndex)).toBe(true);
          expect(close(m.hIAnnual! * m.academicAge, m.hINorm)).toBe(true);
        }
      }),
    );
  });
});

describe('metric bounds (fast-check)', () => {
  it('h ≤ g ≤ papers; i10 ≤ papers; hm ≤ h ≤ papers; hI, hI,norm ≤ h; ACC nested', () => {
    fc.assert(
      fc.property(papersArb, refArb, (ps, ref) => {
        const m = computeMetrics(ps, { referenceYear: ref });
        expect(m.hIndex).toBeLessThanOrEqual(m.gIndex);
        expect(m.gIndex).toBeLessThanOrEqual(m.papers);
        expect(m.i10Index).toBeLessThanOrEqual(m.papers);
        expect(m.hmIndex).toBeLessThanOrEqual(m.papers + 1e-9);
        expect(m.hmIndex).toBeLessThanOrEqual(m.hIndex + 1e-9); // integer citations
        expect(m.hIIndex).toBeLessThanOrEqual(m.hIndex + 1e-9);
        expect(m.hINorm).toBeLessThanOrEqual(m.hIndex);
        expect(m.papersPerAuthor).toBeLessThanOrEqual(m.papers + 1e-9);
        expect(m.citesPerAuthor).toBeLessThanOrEqual(m.citations + 1e-9);
        const dated = m.papers - m.flags.missingYear;
        expect(m.hcIndex).toBeLessThanOrEqual(dated);
        expect(m.hAIndex).toBeLessThanOrEqual(dated);
        expect(m.acc[1]).toBeLessThanOrEqual(dated);
        expect(m.acc[1] >= m.acc[2] && m.acc[2] >= m.acc[5] && m.acc[5] >= m.acc[10] && m.acc[10] >= m.acc[20]).toBe(true);
        expect(m.hAIndex).toBeLessThanOrEqual(m.acc[1]); // hA papers each have ≥ hA ≥ 1 citations per year
      }),
    );
  });

  it('all outputs finite (or undefined where a denominator is 0), counts are integers', () => {
    fc.assert(
      fc.property(papersArb, refArb, (ps, ref) => {
        const m = computeMetrics(ps, { referenceYear: ref });
        for (const [path, v] of leaves(m)) {
          if (v === undefined) expect(MAY_BE_UNDEFINED.has(path), path).toBe(true);
          else expect(Number.isFinite(v), path).toBe(true);
        }
        for (const k of ['papers', 'hIndex', 'gIndex', 'i10Index', 'hcIndex', 'hINorm', 'hAIndex', 'academicAge'] as const)
          expect(Number.isInteger(m[k]), k).toBe(true);
      }),
    );
  });

  it('hIndexOf / gIndexOf agree with the definitions, brute force', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 40 }), (vs) => {
        let h = 0;
        for (let k = 1; k <= vs.length; k++) if (vs.filter((v) => v >= k).length >= k) h = k;
        expect(hIndexOf(vs)).toBe(h);
        const desc = [...vs].sort((a, b) => b - a);
        let g = 0;
        for (let k = 1; k <= vs.length; k++) if (desc.slice(0, k).reduce((s, v) => s + v, 0) >= k * k) g = k;
        expect(gIndexOf(vs)).toBe(g);
      }),
    );
  });
});

describe('invariances (fast-check)', () => {
  it('metrics are invariant to paper order (exactly, not just approximately)', () => {
    fc.assert(
      fc.property(
        papersArb.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }))),
        refArb,
        ([ps, shuffled], ref) => {
          expect(computeMetrics(shuffled, { referenceYear: ref })).toEqual(computeMetrics(ps, { referenceYear: ref }));
        },
      ),
    );
  });

  it('adding a paper never lowers h, g, i10, citations or papers', () => {
    fc.assert(
      fc.property(papersArb, paperArb, (ps, extra) => {
        const before = computeMetrics(ps, { referenceYear: REF });
        const after = computeMetrics([...ps, extra], { referenceYear: REF });
        expect(after.hIndex).toBeGreaterThanOrEqual(before.hIndex);
        expect(after.gIndex).toBeGreaterThanOrEqual(before.gIndex);
        expect(after.i10Index).toBeGreaterThanOrEqual(before.i10Index);
        expect(after.citations).toBeGreaterThanOrEqual(before.citations);
        expect(after.papers).toBe(before.papers + 1);
      }),
    );
  });

  it('filterPapers with no bounds keeps everything; a year range drops exactly the papers outside it', () => {
    fc.assert(
      fc.property(papersArb, fc.integer({ min: 1960, max: REF }), fc.integer({ min: 0, max: 30 }), (ps, from, span) => {
        expect(computeMetrics(filterPapers(ps), { referenceYear: REF })).toEqual(computeMetrics(ps, { referenceYear: REF }));
        const kept = filterPapers(ps, { fromYear: from, toYear: from + span });
        expect(kept.every((p) => p.year !== undefined && p.year >= from && p.year <= from + span)).toBe(true);
        expect(kept.length).toBe(ps.filter((p) => p.year !== undefined && p.year >= from && p.year <= from + span).length);
        const m = computeMetrics(kept, { referenceYear: REF });
        expect(m.flags.missingYear).toBe(0);
      }),
    );
  });

  it('undated papers never change the age-based metrics', () => {
    fc.assert(
      fc.property(
        papersArb,
        fc.array(
          paperArb.map((p) => ({ ...p, year: undefined })),
          { maxLength: 10 },
        ),
        (ps, undated) => {
          const a = computeMetrics(ps, { referenceYear: REF });
          const b = computeMetrics([...ps, ...undated], { referenceYear: REF });
          expect([b.hcIndex, b.hAIndex, b.acc, b.academicAge]).toEqual([a.hcIndex, a.hAIndex, a.acc, a.academicAge]);
          expect(close(b.awcr, a.awcr) && close(b.awcrpa, a.awcrpa)).toBe(true);
        },
      ),
    );
  });
});
