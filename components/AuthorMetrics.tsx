import { useMemo } from 'preact/hooks';
import { computeMetrics, describeFlags, explain, filterPapers, toMetricPaper, type AuthorMetrics } from '@/lib/metrics/metrics';
import { CITATION_METRICS, hasCitationData } from '@/lib/metrics/citation-data';
import type { PaperRecord, ReportedMetrics } from '@/lib/core/types';
import { fmtNum, plural } from './format';

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

/** What a cell shows where no paper has a citation count (DBLP, ACL Anthology): not "0". */
export const NO_CITATION_DATA = 'no citation data';

/**
 * The site's numbers next to the ones computed over the collected papers, so the user sees how
 * complete the collection is. Where none of the collected papers has a citation count, the
 * citation rows say "no citation data" instead of a computed 0 (one cell across both columns when
 * the site reported none either).
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
  const known = hasCitationData(computed);
  const rows: [string, number | undefined, number | undefined][] = [
    ['Citations', reported?.citations, known ? computed.citations : undefined],
    ['h-index', reported?.hIndex, known ? computed.hIndex : undefined],
    ['i10-index', reported?.i10Index, known ? computed.i10Index : undefined],
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
            {r === undefined && c === undefined && label !== 'Papers' ? (
              <td colSpan={2} class="nodata">
                {NO_CITATION_DATA}
              </td>
            ) : (
              <>
                <td>{fmt(r)}</td>
                <td>{c === undefined && label !== 'Papers' ? <span class="nodata">{NO_CITATION_DATA}</span> : fmt(c)}</td>
              </>
            )}
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

/**
 * Every metric over the collected papers, each with a one-line explanation. Without citation data
 * (no paper has a count) only the metrics that need none are listed, under a line saying so.
 */
export function MetricTable({ m }: { m: AuthorMetrics }) {
  const known = hasCitationData(m);
  // "N papers have no citation count; counted as 0" says nothing more when none has one.
  const flags = describeFlags(known ? m.flags : { ...m.flags, missingCitations: 0 });
  return (
    <>
      {!known && m.papers > 0 && (
        <p class="nodata-note" data-testid="no-citation-data">
          <strong>No citation data.</strong> None of these {plural(m.papers, 'paper')} came with a citation count (DBLP and the ACL
          Anthology show none), so the citation metrics (h-index, g-index, citations per year, …) can’t be computed. Capture the author on
          Google Scholar or Semantic Scholar to get them.
        </p>
      )}
      <table class="metric-table" aria-label="Metrics over collected papers">
        <tbody>
          {ROWS.filter(([k]) => known || !CITATION_METRICS.has(k)).map(([k, label, digits]) => (
            <tr key={k}>
              <th scope="row">
                {label}
                <div class="explain">{explain[k]}</div>
              </th>
              <td>{fmt(m[k] as number | undefined, digits)}</td>
            </tr>
          ))}
          {known && (
            <tr>
              <th scope="row">
                ACC1/2/5/10/20
                <div class="explain">{explain.acc}</div>
              </th>
              <td>{[1, 2, 5, 10, 20].map((t) => m.acc[t as 1]).join(' / ')}</td>
            </tr>
          )}
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
