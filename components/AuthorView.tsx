import { useId, useMemo, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { AuthorEditError, mergeAuthors, sameNameCandidates, splitProfile } from '@/lib/store/authors';
import { authorPapers, latestReported } from '@/lib/store/library';
import { siteName } from './labels';
import type { StoredSiteId } from '@/lib/core/sites';
import type { AuthorRecord, PaperRecord } from '@/lib/core/types';
import { formatDate, t, tn, uiLocale } from '@/lib/i18n/i18n';
import { AddToCollection } from './AddToCollection';
import { papersByYear } from '@/lib/metrics/metrics';
import { knownCitationsByYear } from '@/lib/metrics/citation-data';
import { reportedHistory, topCategories, topCoauthors, topVenues } from '@/lib/metrics/author-stats';
import { MetricTable, ReportedVsComputed, useComputed } from './AuthorMetrics';
import { Chart, yearPoints } from './Charts';
import { Coverage } from './PageStatus';
import { openPaper, PaperItem } from './PaperItem';
import { fmtDay, fmtNames, fmtNum, fmtWhen } from './format';
import { useLive } from './use-live';
import './AuthorView.css';

type Sort = 'citations' | 'year' | 'title';

function sortPapers(papers: PaperRecord[], by: Sort): PaperRecord[] {
  const out = [...papers];
  if (by === 'citations') out.sort((a, b) => (b.citations ?? -1) - (a.citations ?? -1) || (b.year ?? 0) - (a.year ?? 0));
  else if (by === 'year') out.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.citations ?? -1) - (a.citations ?? -1));
  else out.sort((a, b) => a.title.localeCompare(b.title, uiLocale()));
  return out;
}

/** A refused merge or split, said in the user's language. */
function editProblem(e: unknown): string {
  if (e instanceof AuthorEditError) {
    if (e.code === 'notFound') return t('author_errorNotFound');
    if (e.code === 'notPart') return t('author_errorNotPart');
    if (e.code === 'oneProfile') return t('author_errorOneProfile');
    return t('author_errorSelf');
  }
  return t('author_errorOther', { reason: e instanceof Error ? e.message : String(e) });
}

/**
 * One author: profile details, metrics each site reported, and their collected papers. The
 * author's name is the view's one h1 (the side panel shows no other for this view); each part is
 * a section under an h2.
 */
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
  const id = useId();
  const author = useLive<AuthorRecord | null>(async () => (await db.authors.get(authorId)) ?? null, [authorId], null);
  const candidates = useLive(
    async () => (author ? sameNameCandidates(db, author) : []),
    [author],
    [] as Awaited<ReturnType<typeof sameNameCandidates>>,
  );
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const papers = useLive(async () => (author ? authorPapers(db, author) : []), [author], [] as PaperRecord[]);
  const [sort, setSort] = useState<Sort>('citations');
  const [exclude, setExclude] = useState<Set<string>>(new Set());
  const [fromYear, setFromYear] = useState<number | undefined>();
  const [toYear, setToYear] = useState<number | undefined>();
  const sorted = useMemo(() => sortPapers(papers, sort), [papers, sort]);
  const { subset, m } = useComputed(papers, { fromYear, toYear, exclude });
  const years = useMemo(() => [...new Set(papers.map((p) => p.year).filter((y): y is number => !!y))].sort((a, b) => a - b), [papers]);
  if (!author) return <div class="empty">{t('author_loading')}</div>;
  const sites = [...new Set(author.reported.map((r) => r.site))];
  const latest = latestReported(author);
  const siteBars = latest?.citationsPerYear && Object.keys(latest.citationsPerYear).length ? latest.citationsPerYear : undefined;
  const collectedCites = siteBars ? undefined : knownCitationsByYear(subset);
  const hHistory = reportedHistory(author, 'hIndex');
  const cHistory = reportedHistory(author, 'citations');
  const toggle = (pid: string) =>
    setExclude((cur) => {
      const next = new Set(cur);
      if (next.has(pid)) next.delete(pid);
      else next.add(pid);
      return next;
    });
  const edit = async (run: () => Promise<string>) => {
    try {
      setMessage({ text: await run() });
    } catch (e) {
      setMessage({ text: editProblem(e), error: true });
    }
  };
  return (
    <article class="author-view" aria-labelledby={`${id}-name`}>
      <button type="button" class="btn-link small" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {t('author_backToList')}
      </button>
      <h1 class="author-name" id={`${id}-name`}>
        {author.name}
      </h1>
      {author.affiliation && <div class="muted">{author.affiliation}</div>}
      {author.interests?.length ? <div class="small faint">{author.interests.join(' · ')}</div> : null}
      <div class="small links">
        {author.profiles.map((p) => (
          <a key={p.url} href={p.url} target="_blank" rel="noopener noreferrer">
            {t('author_profileLink', { site: siteName(p.site) })}
          </a>
        ))}
        {author.homepage && (
          <a href={author.homepage} target="_blank" rel="noopener noreferrer">
            {t('author_homepage')}
          </a>
        )}
      </div>
      {onCompare && (
        <button type="button" class="btn small compare-btn" onClick={() => onCompare(author.id)} disabled={compared}>
          {compared ? t('author_inComparison') : t('author_compareWithOthers')}
        </button>
      )}
      <div class="author-grid">
        <div class="author-reported">
          {sites.map((site) => {
            const r = latestReported(author, site)!;
            return (
              <section key={site} aria-labelledby={`${id}-rep-${site}`}>
                <h2 class="section-title" id={`${id}-rep-${site}`}>
                  {t('author_reportedBy', { site: siteName(site) })} <span class="faint">· {fmtWhen(r.capturedAt)}</span>
                </h2>
                <ReportedVsComputed reported={r} computed={m} siteName={siteName(site)} />
                {r.since && (
                  <div class="small faint">
                    {t('author_since', {
                      year: String(r.since.year),
                      citations: fmtNum(r.since.citations),
                      hIndex: fmtNum(r.since.hIndex),
                      i10Index: fmtNum(r.since.i10Index),
                    })}
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

        <section class="author-charts" aria-labelledby={`${id}-charts`}>
          <h2 class="section-title" id={`${id}-charts`}>
            {t('author_charts')}
          </h2>
          {siteBars ? (
            <Chart
              title={t('author_chartSiteCitesTitle', { site: siteName(latest!.site) })}
              description={t('author_chartSiteCitesDesc', {
                site: siteName(latest!.site),
                date: formatDate(Date.parse(latest!.capturedAt), { dateStyle: 'long' }),
              })}
              series={[{ name: t('chart_seriesCitations'), points: yearPoints(siteBars) }]}
            />
          ) : collectedCites ? (
            <Chart
              title={t('author_chartCollectedCitesTitle')}
              description={t('author_chartCollectedCitesDesc')}
              series={[{ name: t('chart_seriesCitations'), points: yearPoints(collectedCites) }]}
            />
          ) : (
            papers.length > 0 && (
              <p class="nodata-note small">
                <strong>{t('author_noCitesTitle')}</strong>{' '}
                {latest ? t('author_noCitesSite', { site: siteName(latest.site) }) : t('author_noCitesSites')}
              </p>
            )
          )}
          <Chart
            title={t('chart_papersPerYear')}
            description={t('author_chartPapersDesc')}
            series={[{ name: t('chart_seriesPapers'), points: yearPoints(papersByYear(subset)) }]}
          />
          {hHistory.length >= 2 ? (
            <>
              <Chart
                title={t('chart_hIndexHistory')}
                description={t('author_chartHHistoryDesc')}
                kind="line"
                series={[{ name: 'h-index', points: hHistory }]}
                xLabel={t('chart_captured')}
                fmtX={fmtDay}
              />
              <Chart
                title={t('author_chartCitesHistoryTitle')}
                description={t('author_chartCitesHistoryDesc')}
                kind="line"
                series={[{ name: t('chart_seriesCitations'), points: cHistory }]}
                xLabel={t('chart_captured')}
                fmtX={fmtDay}
              />
            </>
          ) : (
            <div class="small faint">{t('author_historyLater')}</div>
          )}
        </section>

        <section class="author-metrics" aria-labelledby={`${id}-metrics`}>
          <h2 class="section-title" id={`${id}-metrics`}>
            {t('metric_tableLabel')}
          </h2>
          <div class="range small muted">
            <label>
              {t('author_from')}{' '}
              <select
                aria-label={t('author_fromYear')}
                value={fromYear ?? ''}
                onChange={(e) => setFromYear(Number((e.target as HTMLSelectElement).value) || undefined)}
              >
                <option value="">{t('author_firstYear')}</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {String(y)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('author_to')}{' '}
              <select
                aria-label={t('author_toYear')}
                value={toYear ?? ''}
                onChange={(e) => setToYear(Number((e.target as HTMLSelectElement).value) || undefined)}
              >
                <option value="">{t('author_lastYear')}</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {String(y)}
                  </option>
                ))}
              </select>
            </label>
            {exclude.size > 0 && (
              <>
                {' '}
                · {tn('author_leftOut', exclude.size)}{' '}
                <button type="button" class="btn-link small" onClick={() => setExclude(new Set())}>
                  {t('author_includeAll')}
                </button>
              </>
            )}
          </div>
          <MetricTable m={m} />
        </section>
      </div>

      <div class="tops">
        <TopList title={t('author_topCoauthors')} items={topCoauthors(author, papers)} />
        <TopList title={t('author_venues')} items={topVenues(papers)} />
        <TopList title={t('author_categories')} items={topCategories(papers)} />
      </div>
      <AddToCollection
        db={db}
        paperIds={papers.map((p) => p.id)}
        label={tn('author_addAll', papers.length)}
        ariaLabel={t('author_addAllLabel', { name: author.name })}
      />
      <section aria-labelledby={`${id}-papers`}>
        <div class="list-head">
          <h2 class="section-title" id={`${id}-papers`}>
            {tn('common_papers', papers.length)}
          </h2>
          <label class="small muted">
            {t('author_sort')}{' '}
            <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}>
              <option value="citations">{t('author_sortMostCited')}</option>
              <option value="year">{t('author_sortNewest')}</option>
              <option value="title">{t('author_sortTitle')}</option>
            </select>
          </label>
        </div>
        <ul class="results" aria-label={t('author_papersBy', { name: author.name })}>
          {sorted.map((p) => (
            <li class="paper-row" key={p.id}>
              <input
                type="checkbox"
                checked={!exclude.has(p.id)}
                onChange={() => toggle(p.id)}
                aria-label={t('author_countPaper', { title: p.title.slice(0, 80) })}
                title={t('author_countPaperHint')}
              />
              <PaperItem paper={p} onOpen={openPaper} as="div" />
            </li>
          ))}
        </ul>
      </section>
      {(author.profileKeys.length > 1 || candidates.length > 0) && (
        <section aria-labelledby={`${id}-identity`}>
          <h2 class="section-title" id={`${id}-identity`}>
            {t('author_samePerson')}
          </h2>
          {/* In the page before a message arrives, so screen readers announce it. */}
          <div class={message ? (message.error ? 'status error' : 'status') : undefined} role="status">
            {message?.text}
          </div>
          {author.profileKeys.length > 1 && (
            <ul class="identity">
              {author.profileKeys.map((k) => {
                const p = author.profiles.find((x) => `${x.site}:${x.id ?? x.url}` === k);
                return (
                  <li key={k}>
                    <span>
                      {t('author_profileLink', { site: siteName(k.split(':')[0] as StoredSiteId) })}{' '}
                      <span class="faint small">{p?.id ?? p?.url ?? k}</span>
                    </span>
                    <button
                      type="button"
                      class="btn small"
                      aria-label={t('author_notSameLabel', { site: siteName(k.split(':')[0] as StoredSiteId) })}
                      onClick={() =>
                        void edit(async () => {
                          const split = await splitProfile(db, author.id, k);
                          return tn('author_splitDone', split.paperIds.length);
                        })
                      }
                    >
                      {t('author_notSame')}
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
                      {fmtNames(o.profiles.map((p) => siteName(p.site))) || t('author_noProfile')} · {tn('author_sharedPapers', shared)}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="btn small"
                    aria-label={t('author_mergeLabel', { name: o.name })}
                    onClick={() =>
                      void edit(async () => {
                        await mergeAuthors(db, author.id, o.id);
                        return t('author_mergeDone', { name: o.name });
                      })
                    }
                  >
                    {t('author_merge')}
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
  const id = useId();
  if (!items.length) return null;
  return (
    <section class="top-list" aria-labelledby={id}>
      <h2 class="section-title" id={id}>
        {title}
      </h2>
      <ol>
        {items.map(([k, n]) => (
          <li key={k}>
            <span>{k}</span> <span class="faint">{fmtNum(n)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
