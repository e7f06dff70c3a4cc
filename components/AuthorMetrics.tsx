import { useMemo } from 'preact/hooks';
import { computeMetrics, filterPapers, toMetricPaper, type AuthorMetrics, type MetricFlags } from '@/lib/metrics/metrics';
import { CITATION_METRICS, hasCitationData } from '@/lib/metrics/citation-data';
import type { PaperRecord, ReportedMetrics } from '@/lib/core/types';
import { t, tn } from '@/lib/i18n/i18n';
import { fmtFixed, fmtNum } from './format';

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

/** A metric's value in the user's locale: a whole number, or `digits` decimals. */
const fmt = (v: number | undefined, digits = 0) =>
  v === undefined || !Number.isFinite(v) ? '—' : digits ? fmtFixed(v, digits) : fmtNum(Math.round(v));

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
  const noData = t('metric_noCitationData');
  // id, label, reported, computed; the metric symbols (h-index, i10-index) are the same in every language.
  const rows: [string, string, number | undefined, number | undefined][] = [
    ['citations', t('metric_citations'), reported?.citations, known ? computed.citations : undefined],
    ['hIndex', 'h-index', reported?.hIndex, known ? computed.hIndex : undefined],
    ['i10Index', 'i10-index', reported?.i10Index, known ? computed.i10Index : undefined],
    ['papers', t('metric_papers'), reported?.papers, computed.papers],
  ];
  return (
    <table class="vs" aria-label={t('metric_vsLabel', { site: siteName })}>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('metric_column')}</span>
          </th>
          <th scope="col">{siteName}</th>
          <th scope="col">{t('metric_collected')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, label, r, c]) => (
          <tr key={id}>
            <th scope="row">{label}</th>
            {r === undefined && c === undefined && id !== 'papers' ? (
              <td colSpan={2} class="nodata">
                {noData}
              </td>
            ) : (
              <>
                <td>{fmt(r)}</td>
                <td>{c === undefined && id !== 'papers' ? <span class="nodata">{noData}</span> : fmt(c)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A row of the metric table: the metric, its name (a symbol stays as it is), its explanation, decimals. */
type Row = [keyof AuthorMetrics, string, string, number?];

/**
 * The rows, in the user's language (built at render time: messages come from the browser). The
 * names and explanations follow Publish or Perish; lib/metrics/metrics.ts keeps the English
 * reference text (`explain`) by the same ids.
 */
function metricRows(): Row[] {
  return [
    ['papers', t('metric_papers'), t('metric_explainPapers')],
    ['citations', t('metric_citations'), t('metric_explainCitations')],
    ['citesPerPaper', t('metric_citesPerPaper'), t('metric_explainCitesPerPaper'), 1],
    ['citesPerYear', t('metric_citesPerYear'), t('metric_explainCitesPerYear'), 1],
    ['citesPerAuthor', t('metric_citesPerAuthor'), t('metric_explainCitesPerAuthor'), 1],
    ['papersPerAuthor', t('metric_papersPerAuthor'), t('metric_explainPapersPerAuthor'), 1],
    ['authorsPerPaper', t('metric_authorsPerPaper'), t('metric_explainAuthorsPerPaper'), 1],
    ['academicAge', t('metric_academicAgeYears'), t('metric_explainAcademicAge')],
    ['hIndex', 'h-index', t('metric_explainHIndex')],
    ['gIndex', 'g-index', t('metric_explainGIndex')],
    ['i10Index', 'i10-index', t('metric_explainI10Index')],
    ['eIndex', 'e-index', t('metric_explainEIndex'), 2],
    ['aIndex', t('metric_hirschA'), t('metric_explainAIndex'), 2],
    ['mQuotient', t('metric_mQuotient'), t('metric_explainMQuotient'), 2],
    ['hcIndex', 'hc-index', t('metric_explainHcIndex')],
    ['hIIndex', t('metric_hIIndividual'), t('metric_explainHIIndex'), 2],
    ['hINorm', 'hI,norm', t('metric_explainHINorm')],
    ['hIAnnual', 'hI,annual', t('metric_explainHIAnnual'), 2],
    ['hmIndex', 'hm-index', t('metric_explainHmIndex'), 2],
    ['hAIndex', 'hA-index', t('metric_explainHAIndex')],
    ['awcr', 'AWCR', t('metric_explainAwcr'), 1],
    ['awIndex', 'AW-index', t('metric_explainAwIndex'), 2],
    ['awcrpa', 'AWCRpA', t('metric_explainAwcrpa'), 1],
  ];
}

/** The data-quality flags that are non-zero, as sentences in the user's language. */
function flagLines(flags: MetricFlags): string[] {
  const out: string[] = [];
  if (flags.missingCitations > 0) out.push(tn('metric_flagNoCitations', flags.missingCitations));
  if (flags.missingYear > 0) out.push(tn('metric_flagNoYear', flags.missingYear));
  if (flags.authorCountLowerBound > 0) out.push(tn('metric_flagTruncatedAuthors', flags.authorCountLowerBound));
  if (flags.futureYear > 0) out.push(tn('metric_flagFutureYear', flags.futureYear));
  return out;
}

/**
 * Every metric over the collected papers, each with a one-line explanation. Without citation data
 * (no paper has a count) only the metrics that need none are listed, under a line saying so.
 */
export function MetricTable({ m }: { m: AuthorMetrics }) {
  const known = hasCitationData(m);
  // "N papers have no citation count; counted as 0" says nothing more when none has one.
  const flags = flagLines(known ? m.flags : { ...m.flags, missingCitations: 0 });
  return (
    <>
      {!known && m.papers > 0 && (
        <p class="nodata-note" data-testid="no-citation-data">
          <strong>{t('metric_noDataTitle')}</strong> {tn('metric_noDataBody', m.papers)}
        </p>
      )}
      <table class="metric-table" aria-label={t('metric_tableLabel')}>
        <tbody>
          {metricRows()
            .filter(([k]) => known || !CITATION_METRICS.has(k))
            .map(([k, label, explanation, digits]) => (
              <tr key={k}>
                <th scope="row">
                  {label}
                  <div class="explain">{explanation}</div>
                </th>
                <td>{fmt(m[k] as number | undefined, digits)}</td>
              </tr>
            ))}
          {known && (
            <tr>
              <th scope="row">
                ACC1/2/5/10/20
                <div class="explain">{t('metric_explainAcc')}</div>
              </th>
              <td>{([1, 2, 5, 10, 20] as const).map((n) => fmtNum(m.acc[n])).join(' / ')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {flags.map((f) => (
        <div class="small faint" key={f}>
          <span aria-hidden="true">⚠ </span>
          {f}
        </div>
      ))}
      <div class="small faint">{t('metric_computedFor', { year: String(m.referenceYear) })}</div>
    </>
  );
}
