/**
 * Benchmark: every metric of lib/metrics/metrics.ts for an author with 1,000 papers (random citations,
 * years and author counts). Goal: ≤ 5 ms per computeMetrics call.
 * Run: npx vitest bench --run bench/metrics.bench.ts --config vitest.config.ts
 */
import { bench, describe } from 'vitest';
import { computeMetrics, filterPapers, type MetricPaper } from '../lib/metrics/metrics';

/** Deterministic PRNG (mulberry32), so every run benchmarks the same author. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAuthor(n: number, seed: number): MetricPaper[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    // Heavy-tailed citations, a few missing counts and years, mostly small teams.
    citations: rnd() < 0.03 ? undefined : Math.floor(rnd() ** 4 * 5000),
    year: rnd() < 0.02 ? undefined : 1975 + Math.floor(rnd() * 50),
    authors: 1 + Math.floor(rnd() ** 2 * 40),
    authorsLowerBound: rnd() < 0.05,
  }));
}

const author1k = randomAuthor(1_000, 1);
const excluded = new Set<number | string>(['p3', 'p10', 42]);

describe('computeMetrics', () => {
  bench('1,000 papers, all metrics', () => {
    computeMetrics(author1k, { referenceYear: 2025 });
  });

  bench('1,000 papers, filtered to 2000–2020 minus 3 papers, all metrics', () => {
    computeMetrics(filterPapers(author1k, { fromYear: 2000, toYear: 2020, exclude: excluded }), { referenceYear: 2025 });
  });
});
