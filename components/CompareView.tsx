import type { PaperdexDB } from '@/lib/store/db';
import { authorPapers, latestReported, SITE_NAMES } from '@/lib/store/library';
import { computeMetrics, papersByYear, citationsByYear, toMetricPaper, type AuthorMetrics } from '@/lib/metrics/metrics';
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

const ROWS: [string, (e: Entry) => number | undefined, number?][] = [
  ['Papers collected', (e) => e.m.papers],
  ['Citations (collected)', (e) => e.m.citations],
  ['Citations (reported)', (e) => latestReported(e.author)?.citations],
  ['h-index (collected)', (e) => e.m.hIndex],
  ['h-index (reported)', (e) => latestReported(e.author)?.hIndex],
  ['g-index', (e) => e.m.gIndex],
  ['i10-index', (e) => e.m.i10Index],
  ['hc-index', (e) => e.m.hcIndex],
  ['hI,norm', (e) => e.m.hINorm],
  ['hm-index', (e) => e.m.hmIndex, 2],
  ['m-quotient', (e) => e.m.mQuotient, 2],
  ['Citations per paper', (e) => e.m.citesPerPaper, 1],
  ['Authors per paper', (e) => e.m.authorsPerPaper, 1],
  ['AWCR', (e) => e.m.awcr, 1],
  ['Academic age', (e) => e.m.academicAge],
];

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
    [] as Entry[],
  );
  if (ids.length < 2)
    return <div class="empty">Add at least two authors to compare: open an author and choose “Compare with others” (up to four).</div>;
  const name = (e: Entry) => e.author.name;
  const perYear = (f: (e: Entry) => Record<number, number>) => entries.map((e) => ({ name: name(e), points: yearPoints(f(e)) }));
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
            {ROWS.map(([label, f, digits]) => {
              const vals = entries.map(f);
              const max = Math.max(...vals.map((v) => v ?? -Infinity));
              return (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {vals.map((v, i) => (
                    <td key={i} class={v !== undefined && v === max && entries.length > 1 ? 'best' : ''}>
                      {v === undefined || !Number.isFinite(v) ? '—' : digits ? v.toFixed(digits) : fmtNum(v)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
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
        series={perYear((e) => latestReported(e.author)?.citationsPerYear ?? citationsByYear(e.papers))}
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
    </section>
  );
}
