import { useMemo, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { mergeAuthors, sameNameCandidates, splitProfile } from '@/lib/store/authors';
import { authorPapers, latestReported, SITE_NAMES } from '@/lib/store/library';
import type { AuthorRecord, PaperRecord } from '@/lib/core/types';
import { AddToCollection } from './AddToCollection';
import { papersByYear } from '@/lib/metrics/metrics';
import { knownCitationsByYear } from '@/lib/metrics/citation-data';
import { reportedHistory, topCategories, topCoauthors, topVenues } from '@/lib/metrics/author-stats';
import { MetricTable, ReportedVsComputed, useComputed } from './AuthorMetrics';
import { Chart, yearPoints } from './Charts';
import { Coverage } from './PageStatus';
import { PaperItem } from './PaperItem';
import { openPaper } from './ResultList';
import { fmtNum, fmtWhen, plural } from './format';
import { useLive } from './use-live';

type Sort = 'citations' | 'year' | 'title';

function sortPapers(papers: PaperRecord[], by: Sort): PaperRecord[] {
  const out = [...papers];
  if (by === 'citations') out.sort((a, b) => (b.citations ?? -1) - (a.citations ?? -1) || (b.year ?? 0) - (a.year ?? 0));
  else if (by === 'year') out.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.citations ?? -1) - (a.citations ?? -1));
  else out.sort((a, b) => a.title.localeCompare(b.title));
  return out;
}

/** One author: profile details, metrics each site reported, and their collected papers. */
export function AuthorView({
  db,
  authorId,
  onBack,
  onOpenAuthor,
  onCompare,
  compared,
}: {
  db: PaperdexDB;
  authorId: string;
  onBack: () => void;
  onOpenAuthor?: (id: string) => void;
  /** Add this author to the side-by-side comparison. */
  onCompare?: (id: string) => void;
  compared?: boolean;
}) {
  const author = useLive<AuthorRecord | null>(async () => (await db.authors.get(authorId)) ?? null, [authorId], null);
  const candidates = useLive(
    async () => (author ? sameNameCandidates(db, author) : []),
    [author],
    [] as Awaited<ReturnType<typeof sameNameCandidates>>,
  );
  const [message, setMessage] = useState<string | null>(null);
  const papers = useLive(async () => (author ? authorPapers(db, author) : []), [author], [] as PaperRecord[]);
  const [sort, setSort] = useState<Sort>('citations');
  const [exclude, setExclude] = useState<Set<string>>(new Set());
  const [fromYear, setFromYear] = useState<number | undefined>();
  const [toYear, setToYear] = useState<number | undefined>();
  const sorted = useMemo(() => sortPapers(papers, sort), [papers, sort]);
  const { subset, m } = useComputed(papers, { fromYear, toYear, exclude });
  const years = useMemo(() => [...new Set(papers.map((p) => p.year).filter((y): y is number => !!y))].sort((a, b) => a - b), [papers]);
  if (!author) return <div class="empty">Loading…</div>;
  const sites = [...new Set(author.reported.map((r) => r.site))];
  const latest = latestReported(author);
  const siteBars = latest?.citationsPerYear && Object.keys(latest.citationsPerYear).length ? latest.citationsPerYear : undefined;
  const collectedCites = siteBars ? undefined : knownCitationsByYear(subset);
  const hHistory = reportedHistory(author, 'hIndex');
  const cHistory = reportedHistory(author, 'citations');
  const fmtDate = (t: number) => new Date(t).toISOString().slice(0, 10);
  const toggle = (id: string) =>
    setExclude((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <article class="author-view" aria-label={`Author ${author.name}`}>
      <button type="button" class="btn-link small" onClick={onBack}>
        ← All authors
      </button>
      <h2 class="author-name">{author.name}</h2>
      {author.affiliation && <div class="muted">{author.affiliation}</div>}
      {author.interests?.length ? <div class="small faint">{author.interests.join(' · ')}</div> : null}
      <div class="small links">
        {author.profiles.map((p) => (
          <a key={p.url} href={p.url} target="_blank" rel="noopener noreferrer">
            {SITE_NAMES[p.site]} profile
          </a>
        ))}
        {author.homepage && (
          <a href={author.homepage} target="_blank" rel="noopener noreferrer">
            Homepage
          </a>
        )}
      </div>
      {onCompare && (
        <button type="button" class="btn small compare-btn" onClick={() => onCompare(author.id)} disabled={compared}>
          {compared ? 'In comparison' : 'Compare with others'}
        </button>
      )}
      <div class="author-grid">
        <div class="author-reported">
          {sites.map((site) => {
            const r = latestReported(author, site)!;
            return (
              <section key={site}>
                <div class="section-title">
                  Reported by {SITE_NAMES[site]} <span class="faint">· {fmtWhen(r.capturedAt)}</span>
                </div>
                <ReportedVsComputed reported={r} computed={m} siteName={SITE_NAMES[site]} />
                {r.since && (
                  <div class="small faint">
                    Since {r.since.year}: {fmtNum(r.since.citations)} citations, h-index {fmtNum(r.since.hIndex)}, i10-index{' '}
                    {fmtNum(r.since.i10Index)}
                  </div>
                )}
                {r.other && (
                  <div class="small faint">
                    {Object.entries(r.other)
                      .map(([k, v]) => `${k} ${fmtNum(v)}`)
                      .join(' · ')}
                  </div>
                )}
              </section>
            );
          })}
          <Coverage collected={papers.length} reported={latest?.papers} />
        </div>

        <section class="author-charts" aria-label="Charts">
          <div class="section-title">Charts</div>
          {siteBars ? (
            <Chart
              title={`Citations per year (${SITE_NAMES[latest!.site]})`}
              description={`Citations received each year, as ${SITE_NAMES[latest!.site]} reported on ${latest!.capturedAt.slice(0, 10)}.`}
              series={[{ name: 'Citations', points: yearPoints(siteBars) }]}
            />
          ) : collectedCites ? (
            <Chart
              title="Citations of collected papers, by publication year"
              description="Total current citations of the collected papers published each year."
              series={[{ name: 'Citations', points: yearPoints(collectedCites) }]}
            />
          ) : (
            papers.length > 0 && (
              <p class="nodata-note small">
                <strong>Citations: no citation data.</strong> {latest ? `${SITE_NAMES[latest.site]} reported` : 'The sites showed'} no
                citations per year, and none of the collected papers has a citation count.
              </p>
            )
          )}
          <Chart
            title="Collected papers per year"
            description="Number of collected papers published each year."
            series={[{ name: 'Papers', points: yearPoints(papersByYear(subset)) }]}
          />
          {hHistory.length >= 2 ? (
            <>
              <Chart
                title="h-index over time (reported)"
                description="h-index each time the profile was captured."
                kind="line"
                series={[{ name: 'h-index', points: hHistory }]}
                xLabel="Captured"
                fmtX={fmtDate}
              />
              <Chart
                title="Citations over time (reported)"
                description="Total citations each time the profile was captured."
                kind="line"
                series={[{ name: 'Citations', points: cHistory }]}
                xLabel="Captured"
                fmtX={fmtDate}
              />
            </>
          ) : (
            <div class="small faint">Metric history appears here after the profile has been captured on different days.</div>
          )}
        </section>

        <section class="author-metrics" aria-label="Collected-paper metrics">
          <div class="section-title">Metrics over collected papers</div>
          <div class="range small muted">
            <label>
              From{' '}
              <select
                aria-label="From year"
                value={fromYear ?? ''}
                onChange={(e) => setFromYear(Number((e.target as HTMLSelectElement).value) || undefined)}
              >
                <option value="">first</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              to{' '}
              <select
                aria-label="To year"
                value={toYear ?? ''}
                onChange={(e) => setToYear(Number((e.target as HTMLSelectElement).value) || undefined)}
              >
                <option value="">last</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            {exclude.size > 0 && (
              <>
                {' '}
                · {plural(exclude.size, 'paper')} left out{' '}
                <button type="button" class="btn-link small" onClick={() => setExclude(new Set())}>
                  include all
                </button>
              </>
            )}
          </div>
          <MetricTable m={m} />
        </section>
      </div>

      <div class="tops">
        <TopList title="Top co-authors" items={topCoauthors(author, papers)} />
        <TopList title="Venues" items={topVenues(papers)} />
        <TopList title="Categories" items={topCategories(papers)} />
      </div>
      <AddToCollection
        db={db}
        paperIds={papers.map((p) => p.id)}
        label={`Add all ${plural(papers.length, 'paper')} to`}
        ariaLabel={`Add all of ${author.name}'s papers to a collection`}
      />
      <div class="list-head">
        <div class="section-title">{plural(papers.length, 'paper')}</div>
        <label class="small muted">
          Sort{' '}
          <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}>
            <option value="citations">Most cited</option>
            <option value="year">Newest</option>
            <option value="title">Title</option>
          </select>
        </label>
      </div>
      <ul class="results" aria-label={`Papers by ${author.name}`}>
        {sorted.map((p) => (
          <li class="paper-row" key={p.id}>
            <input
              type="checkbox"
              checked={!exclude.has(p.id)}
              onChange={() => toggle(p.id)}
              aria-label={`Count “${p.title.slice(0, 80)}” in the metrics`}
              title="Count this paper in the metrics"
            />
            <PaperItem paper={p} onOpen={openPaper} as="div" />
          </li>
        ))}
      </ul>
      {(author.profileKeys.length > 1 || candidates.length > 0) && (
        <section aria-label="Identity">
          <div class="section-title">Same person?</div>
          {message && (
            <div class="status" role="status">
              {message}
            </div>
          )}
          {author.profileKeys.length > 1 && (
            <ul class="identity">
              {author.profileKeys.map((k) => {
                const p = author.profiles.find((x) => `${x.site}:${x.id ?? x.url}` === k);
                return (
                  <li key={k}>
                    <span>
                      {SITE_NAMES[k.split(':')[0] as keyof typeof SITE_NAMES] ?? k.split(':')[0]} profile{' '}
                      <span class="faint small">{p?.id ?? p?.url ?? k}</span>
                    </span>
                    <button
                      type="button"
                      class="btn small"
                      onClick={async () => {
                        const split = await splitProfile(db, author.id, k);
                        setMessage(`Split out as a separate author (${plural(split.paperIds.length, 'paper')}).`);
                      }}
                    >
                      Not the same person
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {candidates.length > 0 && (
            <ul class="identity">
              {candidates.slice(0, 5).map(({ author: o, shared }) => (
                <li key={o.id}>
                  <span>
                    <button type="button" class="btn-link" onClick={() => onOpenAuthor?.(o.id)}>
                      {o.name}
                    </button>{' '}
                    <span class="faint small">
                      {o.profiles.map((p) => SITE_NAMES[p.site]).join(', ') || 'no profile'} · {plural(shared, 'shared paper')}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="btn small"
                    onClick={async () => {
                      await mergeAuthors(db, author.id, o.id);
                      setMessage(`Merged ${o.name} into this author.`);
                    }}
                  >
                    Merge
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}

function TopList({ title, items }: { title: string; items: [string, number][] }) {
  if (!items.length) return null;
  return (
    <section class="top-list" aria-label={title}>
      <div class="section-title">{title}</div>
      <ol>
        {items.map(([k, n]) => (
          <li key={k}>
            <span>{k}</span> <span class="faint">{n}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
