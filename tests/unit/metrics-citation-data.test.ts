// "No citation data" versus "0 citations" (issue 14): DBLP and the ACL Anthology show no counts, so
// their papers have none; the UI must tell that apart from papers that were counted and have 0.
import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricPaper } from '../../lib/metrics/metrics';
import { CITATION_METRICS, citationCoverage, hasCitationData, knownCitationsByYear } from '../../lib/metrics/citation-data';

const m = (ps: MetricPaper[]) => computeMetrics(ps, { referenceYear: 2024 });

describe('citation coverage', () => {
  it('papers without any count: no citation data, although the sum is 0', () => {
    const dblp = m([
      { year: 2015, authors: 2 },
      { year: 2018, authors: 3 },
    ]);
    expect(dblp.citations).toBe(0);
    expect(citationCoverage(dblp)).toBe('none');
    expect(hasCitationData(dblp)).toBe(false);
  });

  it('papers counted with 0 citations: citation data (a real 0)', () => {
    const uncited = m([
      { citations: 0, year: 2015, authors: 2 },
      { citations: 0, year: 2018, authors: 3 },
    ]);
    expect(uncited.citations).toBe(0);
    expect(citationCoverage(uncited)).toBe('full');
    expect(hasCitationData(uncited)).toBe(true);
  });

  it('some papers with a count: partial; invalid counts are no data', () => {
    expect(citationCoverage(m([{ citations: 4, authors: 1 }, { authors: 1 }]))).toBe('partial');
    expect(
      citationCoverage(
        m([
          { citations: NaN, authors: 1 },
          { citations: -3, authors: 1 },
        ]),
      ),
    ).toBe('none');
  });

  it('an empty set has no citation data', () => {
    expect(hasCitationData(m([]))).toBe(false);
  });

  it('names the citation-based metrics, and not the ones that hold without counts', () => {
    for (const k of ['citations', 'hIndex', 'gIndex', 'i10Index', 'citesPerPaper', 'awcr', 'acc'] as const)
      expect(CITATION_METRICS.has(k), k).toBe(true);
    for (const k of ['papers', 'authorsPerPaper', 'papersPerAuthor', 'academicAge', 'referenceYear'] as const)
      expect(CITATION_METRICS.has(k), k).toBe(false);
  });
});

describe('knownCitationsByYear', () => {
  it('is undefined when no paper has a count (no all-zero chart)', () => {
    expect(knownCitationsByYear([{ year: 2015 }, { year: 2017 }])).toBeUndefined();
  });
  it('sums by publication year once one paper has a count, 0 being a count', () => {
    expect(knownCitationsByYear([{ year: 2015, citations: 0 }, { year: 2017 }])).toEqual({ 2015: 0, 2016: 0, 2017: 0 });
    expect(knownCitationsByYear([{ year: 2015, citations: 7 }, { year: 2015, citations: 2 }, { year: 2016 }])).toEqual({
      2015: 9,
      2016: 0,
    });
  });
});
