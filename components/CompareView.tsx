import type { PaperdexDB } from '@/lib/store/db';
import { authorPapers, latestReported, SITE_NAMES } from '@/lib/store/library';
import { computeMetrics, papersByYear, toMetricPaper, type AuthorMetrics } from '@/lib/metrics/metrics';
import { hasCitationData, knownCitationsByYear } from '@/lib/metrics/citation-data';
import { reportedHistory } from '@/lib/metrics/author-stats';
import type { AuthorRecord, PaperRecord } from '@/lib/core/types';
import { Chart, yearPoints } from './Charts';
import { fmtNum } from './format';
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

/** Label, value, decimals, whether it needs citation data (its blank cell then says why). */
const ROWS: [string, Get, number | undefined, boolean][] = [
  ['Papers collected', (e) => e.m.papers, undefined, false],
  ['Citations (collected)', cited((m) => m.citations), undefined, true],
  ['Citations (reported)', (e) => latestReported(e.author)?.citations, undefined, true],
  ['h-index (collected)', cited((m) => m.hIndex), undefined, true],
  ['h-index (reported)', (e) => latestReported(e.author)?.hIndex, undefined, true],
  ['g-index', cited((m) => m.gIndex), undefined, true],
  ['i10-index', cited((m) => m.i10Index), undefined, true],
  ['hc-index', cited((m) => m.hcIndex), undefined, true],
  ['hI,norm', cited((m) => m.hINorm), undefined, true],
  ['hm-index', cited((m) => m.hmIndex), 2, true],
  ['m-quotient', cited((m) => m.mQuotient), 2, true],
  ['Citations per paper', cited((m) => m.citesPerPaper), 1, true],
  ['Authors per paper', (e) => e.m.authorsPerPaper, 1, false],
  ['AWCR', cited((m) => m.awcr), 1, true],
  ['Academic age', (e) => e.m.academicAge, undefined, false],
];

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
        Loading…
      </div>
    );
  // Fewer than two picked, or left after a deletion (Delete all data, a merge).
  if (!entries || entries.length < 2)
    return <div class="empty">Add at least two authors to compare: open an author and choose “Compare with others” (up to four).</div>;
  const name = (e: Entry) => e.author.name;
  const perYear = (f: (e: Entry) => Record<number, number>) => entries.map((e) => ({ name: name(e), points: yearPoints(f(e)) }));
  // Reported per-year citations, else collected counts by publication year; none at all: no line (not a line at 0).
  const cites = entries.map((e) => ({ e, points: latestReported(e.author)?.citationsPerYear ?? knownCitationsByYear(e.papers) }));
  const citeSeries = cites.filter((c) => c.points).map((c) => ({ name: name(c.e), points: yearPoints(c.points) }));
  const noCites = cites.filter((c) => !c.points).map((c) => c.e);
  const hist = entries.map((e) => ({ name: name(e), points: reportedHistory(e.author, 'hIndex') })).filter((s) => s.points.length >= 2);
  return (
    <section aria-label="Compare authors">
      <div class="compare-scroll">
        <table class="compare">
          <thead>
            <tr>
              <th />
              {entries.map((e) => (
                <th scope="col" key={e.author.id}>
                  <button type="button" class="btn-link" onClick={() => onOpen(e.author.id)}>
                    {e.author.name}
                  </button>
                  <div class="small faint">{e.author.profiles.map((p) => SITE_NAMES[p.site]).join(', ')}</div>
                  {!anyCitations(e) && <div class="small nodata">no citation data</div>}
                  <button
                    type="button"
                    class="btn-link small"
                    aria-label={`Remove ${e.author.name} from the comparison`}
                    onClick={() => onRemove(e.author.id)}
                  >
                    remove
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([label, f, digits, needsCites]) => {
              const vals = entries.map(f);
              const known = vals.filter((v): v is number => v !== undefined && Number.isFinite(v));
              const max = Math.max(...known);
              return (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {vals.map((v, i) =>
                    v === undefined || !Number.isFinite(v) ? (
                      <td key={i} class="unknown" title={needsCites && !anyCitations(entries[i]) ? 'no citation data' : 'not known'}>
                        —
                      </td>
                    ) : (
                      <td key={i} class={v === max && known.length > 1 ? 'best' : ''}>
                        {digits ? v.toFixed(digits) : fmtNum(v)}
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
          title="Collected papers per year"
          description="Papers per publication year, one line per author."
          kind="line"
          series={perYear((e) => papersByYear(e.papers))}
        />
        <Chart
          title="Citations per year"
          description="Citations per year as each author's profile reported them, or, without a report, citations of collected papers by publication year."
          kind="line"
          series={citeSeries}
        />
        {hist.length >= 1 && (
          <Chart
            title="h-index over time (reported)"
            description="Reported h-index at each capture."
            kind="line"
            series={hist}
            xLabel="Captured"
            fmtX={(t) => new Date(t).toISOString().slice(0, 10)}
          />
        )}
      </div>
      {noCites.length > 0 && (
        <p class="small nodata-note">
          No citation data for {noCites.map(name).join(', ')}, so {noCites.length === 1 ? 'this author is' : 'these authors are'} not in the
          citations chart.
        </p>
      )}
    </section>
  );
}
