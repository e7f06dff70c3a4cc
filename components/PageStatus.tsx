import type { PaperdexDB } from '@/lib/store/db';
import { authorPapers, latestReported, SITE_NAMES } from '@/lib/store/library';
import type { PaperRecord } from '@/lib/core/types';
import { ReportedVsComputed, useComputed } from './AuthorMetrics';
import type { TabState } from '@/lib/store/tab-state';
import { MARK_LABEL, type PagePapers } from '@/lib/store/page-papers';
import type { RowReport } from '@/lib/core/scrape-rows';
import { plural } from './format';
import { useLive } from './use-live';

const KIND_LABEL = { author: 'author page', search: 'search results', listing: 'listing', paper: 'paper page' } as const;

/**
 * "What this page held and what was captured": the popup's card about the current tab, with the
 * author's site-reported metrics when the page is a profile.
 */
export function PageStatus({
  db,
  state,
  page,
  onCapture,
  capturing,
}: {
  db: PaperdexDB;
  state: TabState | undefined | null;
  /** The tab's page, where the browser lets Paperdex see it (activeTab): shown when nothing was captured there. */
  page?: { url?: string; title?: string };
  /** Capture the page on demand (activeTab). Absent where the page can't be scripted. */
  onCapture?: () => void;
  capturing?: boolean;
}) {
  const captureButton = onCapture && (
    <button type="button" class="btn primary capture-btn" onClick={onCapture} disabled={capturing}>
      {capturing ? 'Capturing…' : 'Capture this page'}
    </button>
  );
  const author = useLive(
    async () => (state?.summary?.authorId ? ((await db.authors.get(state.summary.authorId)) ?? null) : null),
    [state?.summary?.authorId, state?.updatedAt],
    null,
  );
  const papers = useLive(async () => (author ? authorPapers(db, author) : []), [author], [] as PaperRecord[]);
  const { m: computed } = useComputed(papers);
  if (state === undefined)
    return (
      <div class="card" aria-busy="true">
        <span class="muted">Looking at this page…</span>
      </div>
    );
  if (state === null) {
    return (
      <section class="card" aria-label="This page">
        {page && <PageIdentity url={page.url} title={page.title} />}
        <h2 data-testid="page-headline">Not captured automatically</h2>
        <div class="muted small">
          Paperdex captures on its own on Google Scholar, Semantic Scholar, DBLP, arXiv, OpenReview and the ACL Anthology, and on the
          publisher and proceedings sites you switch on in Settings. On any other page it captures only when you ask (shortcut Alt+Shift+P).
        </div>
        {captureButton}
      </section>
    );
  }
  const s = state.summary;
  const site = state.site ? SITE_NAMES[state.site] : 'This page';
  const kind = state.kind ? KIND_LABEL[state.kind] : 'page';
  const reported = author ? latestReported(author, state.site) : undefined;
  return (
    <section class="card" aria-label="This page">
      {s && s.papersFound + (s.authorId ? 1 : 0) > 0 ? (
        <>
          <div class="small faint">
            {site} · {kind}
          </div>
          <h2 data-testid="page-headline">
            {s.authorName ? `${s.authorName} — ` : ''}
            {state.rows ? rowsHeadline(state.rows) : `${plural(s.papersFound, 'paper')} captured`}
          </h2>
          {state.rows && <RowsLeftOut rows={state.rows} />}
          {author?.affiliation && <div class="muted small">{author.affiliation}</div>}
          <div class="small muted" data-testid="page-counts">
            {s.papersNew} new · {s.papersUpdated} updated · {s.papersUnchanged} already in your library
          </div>
          {state.pagePapers && <PagePaperList list={state.pagePapers} />}
          {author && (
            <>
              <ReportedVsComputed reported={reported} computed={computed} siteName={site} />
              <Coverage collected={papers.length} reported={reported?.papers} />
            </>
          )}
        </>
      ) : (
        <>
          <h2 data-testid="page-headline">
            {state.unreadable
              ? 'Could not capture this page'
              : state.rows?.skipped
                ? rowsHeadline(state.rows)
                : state.skipped
                  ? `${plural(state.found, 'paper')} on this page, not captured`
                  : 'Nothing to capture on this page'}
          </h2>
          {state.rows && <RowsLeftOut rows={state.rows} />}
          {/* A page whose rows or capture were rejected did hold something: the reasons say what. */}
          {!state.unreadable && !state.rows?.skipped && (
            <div class="muted small">
              {state.skipped ??
                (site === 'This page'
                  ? 'No papers or author profile were found here.'
                  : `This ${site} page holds no papers or author profile.`)}
            </div>
          )}
          {state.skipped && captureButton}
        </>
      )}
      {state.errors.map((e, i) => (
        <div class="error" role="alert" key={i}>
          {e}
        </div>
      ))}
    </section>
  );
}

/** The page the tab shows: its title and host (page text, rendered as text). */
function PageIdentity({ url, title }: { url?: string; title?: string }) {
  let host = '';
  try {
    const u = new URL(url ?? '');
    if (/^https?:$/.test(u.protocol)) host = u.host;
  } catch {
    /* no URL known */
  }
  if (!host && !title) return null;
  return (
    <div class="page-identity" data-testid="page-identity">
      {title && (
        <div class="page-title" title={title}>
          {title}
        </div>
      )}
      {host && <div class="small faint">{host}</div>}
    </div>
  );
}

/** "29 of 31 papers captured — 2 skipped" (rows validation left out). */
function rowsHeadline(r: RowReport): string {
  const skipped = r.skipped ? ` — ${r.skipped.toLocaleString('en-US')} skipped` : '';
  return `${r.captured.toLocaleString('en-US')} of ${plural(r.total, 'paper')} captured${skipped}`;
}

/** Why rows were left out: the first reasons (page text, rendered as text), and the page-size limit. */
function RowsLeftOut({ rows }: { rows: RowReport }) {
  const more = rows.skipped - rows.reasons.length;
  return (
    <>
      {rows.skipped > 0 && (
        <div class="small muted" data-testid="page-skipped">
          Skipped: {rows.reasons.join('; ')}
          {more > 0 ? `; and ${more.toLocaleString('en-US')} more` : ''}
        </div>
      )}
      {rows.limit !== undefined && (
        <div class="small muted" data-testid="page-limit">
          Only the first {rows.limit.toLocaleString('en-US')} of {rows.total.toLocaleString('en-US')} rows captured (at most{' '}
          {rows.limit.toLocaleString('en-US')} per page).
        </div>
      )}
    </>
  );
}

/**
 * The page's papers, new ones first, each marked "new", "updated" (in the library before this visit,
 * and this visit added to it) or "already known": said in words (not colour alone) here, in the
 * extension's own page, rather than on the site, whose scripts could read it.
 */
function PagePaperList({ list }: { list: PagePapers }) {
  return (
    <>
      <ul class="page-papers" aria-label="Papers on this page" data-testid="page-papers">
        {list.papers.map((p) => (
          <li key={p.id}>
            <span class={`mark ${p.mark}`}>{MARK_LABEL[p.mark]}</span>
            <span class="title" title={p.title}>
              {p.title}
            </span>
          </li>
        ))}
      </ul>
      {list.more > 0 && (
        <div class="small faint" data-testid="page-papers-more">
          and {list.more.toLocaleString('en-US')} more
        </div>
      )}
    </>
  );
}

/** How complete the collection is for this author. */
export function Coverage({ collected, reported }: { collected: number; reported?: number }) {
  if (!reported) return <div class="coverage muted">{plural(collected, 'paper')} of this author collected so far.</div>;
  const pct = Math.min(100, Math.round((collected / reported) * 100));
  return (
    <div class="coverage muted" data-testid="coverage">
      {collected.toLocaleString('en-US')} of {reported.toLocaleString('en-US')} papers collected ({pct} %)
      <div class="bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label="Papers collected">
        <span style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
