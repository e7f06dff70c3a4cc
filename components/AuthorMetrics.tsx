import { useMemo } from 'preact/hooks';
import { computeMetrics, describeFlags, explain, filterPapers, toMetricPaper, type AuthorMetrics } from '@/lib/metrics/metrics';
import type { PaperRecord, ReportedMetrics } from '@/lib/core/types';
import { fmtNum } from './format';

/** Metrics computed over a set of collected papers (memoised). */
export function useComputed(papers: PaperRecord[], opts: { fromYear?: number; toYear?: number; exclude?: Set<string> } = {}) {
  return useMemo(() => {
    const subset = filterPapers(papers, {
      fromYear: opts.fromYear,
      toYear: opts.toYear,
      exclude: opts.exclude,
      includeUndated: opts.fromYear === undefined && opts.toYear === undefined,
    });
    return { subset, m: computeMetrics(subset.map(toMetricPaper)) };
  }, [papers, opts.fromYear, opts.toYear, opts.exclude]);
}

const fmt = (v: number | undefined, digits = 0) =>
  v === undefined || !Number.isFinite(v) ? '—' : digits ? v.toFixed(digits) : fmtNum(Math.round(v));

/**
 * The site's numbers next to the ones computed over the collected papers, so the user sees how
 * complete the collection is.
 */
export function ReportedVsComputed({
  reported,
  computed,
  siteName,
}: {
  reported?: ReportedMetrics;
  computed: AuthorMetrics;
  siteName: string;
}) {
  const rows: [string, number | undefined, number][] = [
    ['Citations', reported?.citations, computed.citations],
    ['h-index', reported?.hIndex, computed.hIndex],
    ['i10-index', reported?.i10Index, computed.i10Index],
    ['Papers', reported?.papers, computed.papers],
  ];
  return (
    <table class="vs" aria-label={`${siteName} metrics next to metrics over collected papers`}>
      <thead>
        <tr>
          <th />
          <th scope="col">{siteName}</th>
          <th scope="col">Collected</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, r, c]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{fmt(r)}</td>
            <td>{fmt(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ROWS: [keyof AuthorMetrics, string, number?][] = [
  ['papers', 'Papers'],
  ['citations', 'Citations'],
  ['citesPerPaper', 'Citations per paper', 1],
  ['citesPerYear', 'Citations per year', 1],
  ['citesPerAuthor', 'Citations per author', 1],
  ['papersPerAuthor', 'Papers per author', 1],
  ['authorsPerPaper', 'Authors per paper', 1],
  ['academicAge', 'Academic age (years)'],
  ['hIndex', 'h-index'],
  ['gIndex', 'g-index'],
  ['i10Index', 'i10-index'],
  ['eIndex', 'e-index', 2],
  ['aIndex', 'Hirsch a', 2],
  ['mQuotient', 'm-quotient', 2],
  ['hcIndex', 'hc-index'],
  ['hIIndex', 'hI (individual)', 2],
  ['hINorm', 'hI,norm'],
  ['hIAnnual', 'hI,annual', 2],
  ['hmIndex', 'hm-index', 2],
  ['hAIndex', 'hA-index'],
  ['awcr', 'AWCR', 1],
  ['awIndex', 'AW-index', 2],
  ['awcrpa', 'AWCRpA', 1],
];

/** Every metric over the collected papers, each with a one-line explanation. */
export function MetricTable({ m }: { m: AuthorMetrics }) {
  const flags = describeFlags(m.flags);
  return (
    <>
      <table class="metric-table" aria-label="Metrics over collected papers">
        <tbody>
          {ROWS.map(([k, label, digits]) => (
            <tr key={k}>
              <th scope="row">
                {label}
                <div class="explain">{explain[k]}</div>
              </th>
              <td>{fmt(m[k] as number | undefined, digits)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              ACC1/2/5/10/20
              <div class="explain">{explain.acc}</div>
            </th>
            <td>{[1, 2, 5, 10, 20].map((t) => m.acc[t as 1]).join(' / ')}</td>
          </tr>
        </tbody>
      </table>
      {flags.map((f) => (
        <div class="small faint" key={f}>
          ⚠ {f}
        </div>
      ))}
      <div class="small faint">Computed for {m.referenceYear}; a paper’s age counts its publication year as year 1.</div>
    </>
  );
}
