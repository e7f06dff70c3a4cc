import type { PaperdexDB } from '@/lib/store/db';
import { authorPapers, latestReported } from '@/lib/store/library';
import { siteName } from './labels';
import { computeMetrics, papersByYear, toMetricPaper, type AuthorMetrics } from '@/lib/metrics/metrics';
import { hasCitationData, knownCitationsByYear } from '@/lib/metrics/citation-data';
import { reportedHistory } from '@/lib/metrics/author-stats';
import type { AuthorRecord, PaperRecord } from '@/lib/core/types';
import { Chart, yearPoints } from './Charts';
import { t, tn, formatList } from '@/lib/i18n/i18n';
import { fmtDay, fmtFixed, fmtNames, fmtNum } from './format';
import { useLive } from './use-live';

interface Entry {
  author: AuthorRecord;
  papers: PaperRecord[];
  m: AuthorMetrics;
}

/** A value; undefined when unknown. */
type Get = (e: Entry) => number | undefined;
/** A metric computed from the collected papers' citations: unknown (not 0) when none has a count. */
const cited =
  (f: (m: AuthorMetrics) => number | undefined): Get =>
  (e) =>
    hasCitationData(e.m) ? f(e.m) : undefined;

/** Label (a metric symbol stays as it is), value, decimals, whether it needs citation data (its blank cell then says why). */
type Row = [string, Get, number | undefined, boolean];

/** The rows, in the user's language (built at render time: messages come from the browser). */
function compareRows(): Row[] {
  return [
    [t('compare_papersCollected'), (e) => e.m.papers, undefined, false],
    [t('compare_citesCollected'), cited((m) => m.citations), undefined, true],
    [t('compare_citesReported'), (e) => latestReported(e.author)?.citations, undefined, true],
    [t('compare_hCollected'), cited((m) => m.hIndex), undefined, true],
    [t('compare_hReported'), (e) => latestReported(e.author)?.hIndex, undefined, true],
    ['g-index', cited((m) => m.gIndex), undefined, true],
    ['i10-index', cited((m) => m.i10Index), undefined, true],
    ['hc-index', cited((m) => m.hcIndex), undefined, true],
    ['hI,norm', cited((m) => m.hINorm), undefined, true],
    ['hm-index', cited((m) => m.hmIndex), 2, true],
    [t('metric_mQuotient'), cited((m) => m.mQuotient), 2, true],
    [t('metric_citesPerPaper'), cited((m) => m.citesPerPaper), 1, true],
    [t('metric_authorsPerPaper'), (e) => e.m.authorsPerPaper, 1, false],
    ['AWCR', cited((m) => m.awcr), 1, true],
    [t('compare_academicAge'), (e) => e.m.academicAge, undefined, false],
  ];
}

/** Whether an author has any citation figure at all: collected counts or a reported one. */
const anyCitations = (e: Entry) =>
  hasCitationData(e.m) || e.author.reported.some((r) => r.citations !== undefined || r.hIndex !== undefined);

/** 2–4 authors side by side: a metrics table and overlaid charts. */
export function CompareView({
  db,
  ids,
  onRemove,
  onOpen,
}: {
  db: PaperdexDB;
  ids: string[];
  onRemove: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const entries = useLive(
    async () => {
      const out: Entry[] = [];
      for (const id of ids) {
        const author = await db.authors.get(id);
        if (!author) continue;
        const papers = await authorPapers(db, author);
        out.push({ author, papers, m: computeMetrics(papers.map(toMetricPaper)) });
      }
      return out;
    },
    [ids.join(',')],
    null as Entry[] | null,
  );
  // Not an empty table while the authors load.
  if (ids.length >= 2 && !entries)
    return (
      <div class="empty" aria-busy="true">
        {t('author_loading')}
      </div>
    );
  // Fewer than two picked, or left after a deletion (Delete all data, a merge).
  if (!entries || entries.length < 2) return <div class="empty">{t('compare_empty', { action: t('author_compareWithOthers') })}</div>;
  const name = (e: Entry) => e.author.name;
  // Each author keeps one colour, dash and marker across the charts (a chart may leave some out).
  const perYear = (f: (e: Entry) => Record<number, number>) =>
    entries.map((e, style) => ({ name: name(e), style, points: yearPoints(f(e)) }));
  // Reported per-year citations, else collected counts by publication year; none at all: no line (not a line at 0).
  const cites = entries.map((e, style) => ({
    e,
    style,
    points: latestReported(e.author)?.citationsPerYear ?? knownCitationsByYear(e.papers),
  }));
  const citeSeries = cites.filter((c) => c.points).map((c) => ({ name: name(c.e), style: c.style, points: yearPoints(c.points) }));
  const noCites = cites.filter((c) => !c.points).map((c) => c.e);
  const hist = entries
    .map((e, style) => ({ name: name(e), style, points: reportedHistory(e.author, 'hIndex') }))
    .filter((s) => s.points.length >= 2);
  return (
    <section aria-label={t('compare_region')}>
      <div class="compare-scroll">
        <table class="compare" aria-label={t('compare_tableLabel')}>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{t('metric_column')}</span>
              </th>
              {entries.map((e) => (
                <th scope="col" key={e.author.id}>
                  <button type="button" class="btn-link" onClick={() => onOpen(e.author.id)}>
                    {e.author.name}
                  </button>
                  <div class="small faint">{fmtNames(e.author.profiles.map((p) => siteName(p.site)))}</div>
                  {!anyCitations(e) && <div class="small nodata">{t('metric_noCitationData')}</div>}
                  <button
                    type="button"
                    class="btn-link small"
                    aria-label={t('compare_removeLabel', { name: e.author.name })}
                    onClick={() => onRemove(e.author.id)}
                  >
                    {t('compare_remove')}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compareRows().map(([label, f, digits, needsCites]) => {
              const vals = entries.map(f);
              const known = vals.filter((v): v is number => v !== undefined && Number.isFinite(v));
              const max = Math.max(...known);
              return (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {vals.map((v, i) =>
                    v === undefined || !Number.isFinite(v) ? (
                      <td
                        key={i}
                        class="unknown"
                        title={needsCites && !anyCitations(entries[i]) ? t('metric_noCitationData') : t('compare_notKnown')}
                      >
                        —
                      </td>
                    ) : (
                      <td key={i} class={v === max && known.length > 1 ? 'best' : ''}>
                        {digits ? fmtFixed(v, digits) : fmtNum(v)}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="compare-charts">
        <Chart
          title={t('chart_papersPerYear')}
          description={t('compare_chartPapersDesc')}
          kind="line"
          series={perYear((e) => papersByYear(e.papers))}
        />
        <Chart title={t('compare_chartCitesTitle')} description={t('compare_chartCitesDesc')} kind="line" series={citeSeries} />
        {hist.length >= 1 && (
          <Chart
            title={t('chart_hIndexHistory')}
            description={t('compare_chartHistoryDesc')}
            kind="line"
            series={hist}
            xLabel={t('chart_captured')}
            fmtX={fmtDay}
          />
        )}
      </div>
      {noCites.length > 0 && (
        <p class="small nodata-note">{tn('compare_noCites', noCites.length, { names: formatList(noCites.map(name)) })}</p>
      )}
    </section>
  );
}
