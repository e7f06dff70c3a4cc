import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { authorPapers, latestReported } from '@/lib/store/library';
import type { AuthorRecord, PaperRecord } from '@/lib/core/types';
import { ReportedVsComputed, useComputed } from './AuthorMetrics';
import type { TabState } from '@/lib/store/tab-state';
import type { PageMark, PagePapers } from '@/lib/store/page-papers';
import type { RowIssue, RowReason, RowReport } from '@/lib/core/scrape-rows';
import { t, tn } from '@/lib/i18n/i18n';
import { useLive } from './use-live';
import { siteName as siteLabel } from './labels';
import './PageStatus.css';

/** What kind of page the site showed, in words ("author page", "listing"). */
function kindLabel(kind: TabState['kind']): string {
  switch (kind) {
    case 'author':
      return t('page_kindAuthor');
    case 'search':
      return t('page_kindSearch');
    case 'listing':
      return t('page_kindListing');
    case 'paper':
      return t('page_kindPaper');
    default:
      return t('page_kindPage');
  }
}

/** The words a page paper's mark is shown with (text, never colour alone). */
export function markLabel(mark: PageMark): string {
  if (mark === 'new') return t('page_markNew');
  if (mark === 'updated') return t('page_markUpdated');
  return t('page_markKnown');
}

/**
 * The card's headline for a tab state: "Maria Lindqvist — 12 papers captured", "30 of 31 papers
 * captured — 1 skipped", "Nothing to capture on this page", … Also what the status region
 * announces after a capture.
 */
export function pageHeadline(state: TabState | null): string {
  if (!state) return t('page_notAuto');
  const s = state.summary;
  if (s && s.papersFound + (s.authorId ? 1 : 0) > 0) {
    const captured = state.rows ? rowsHeadline(state.rows) : tn('page_papersCaptured', s.papersFound);
    return s.authorName ? t('page_authorHeadline', { author: s.authorName, headline: captured }) : captured;
  }
  if (state.unreadable) return t('page_unreadable');
  if (state.rows?.skipped) return rowsHeadline(state.rows);
  if (state.skipped) return tn('page_notCaptured', state.found);
  return t('page_nothing');
}

/**
 * "What this page held and what was captured": the popup's card about the current tab, with the
 * author's site-reported metrics when the page is a profile. Its headline is an h2 (the popup's h1
 * is above it). A status region (always in the page) announces the outcome of "Capture this page".
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
  const author = useLive(
    async () => (state?.summary?.authorId ? ((await db.authors.get(state.summary.authorId)) ?? null) : null),
    [state?.summary?.authorId, state?.updatedAt],
    null,
  );
  const papers = useLive(async () => (author ? authorPapers(db, author) : []), [author], [] as PaperRecord[]);
  const { m: computed } = useComputed(papers);
  // The outcome of an on-demand capture, announced once it is known ("1 paper captured").
  const [announced, setAnnounced] = useState('');
  const wasCapturing = useRef(false);
  useEffect(() => {
    if (capturing) {
      wasCapturing.current = true;
      setAnnounced('');
    } else if (wasCapturing.current && state !== undefined) {
      wasCapturing.current = false;
      // (Errors are role="alert" on the card: announced as they appear.)
      setAnnounced(pageHeadline(state));
    }
  }, [capturing, state]);

  // The live region comes second, at the same place whatever the card shows, so it stays in the page.
  // The wrapper is its containing block: placed inside the popup's scroller, it takes no room there.
  return (
    <div class="page-status">
      <Card state={state} page={page} onCapture={onCapture} capturing={capturing} author={author} papers={papers} computed={computed} />
      <div class="visually-hidden" role="status" data-testid="page-announce">
        {announced}
      </div>
    </div>
  );
}

function Card({
  state,
  page,
  onCapture,
  capturing,
  author,
  papers,
  computed,
}: Omit<Parameters<typeof PageStatus>[0], 'db'> & {
  author: AuthorRecord | null;
  papers: PaperRecord[];
  computed: ReturnType<typeof useComputed>['m'];
}) {
  const captureButton = onCapture && (
    <button type="button" class="btn primary capture-btn" onClick={onCapture} disabled={capturing}>
      {capturing ? t('capture_capturing') : t('capture_button')}
    </button>
  );
  if (state === undefined)
    return (
      <div class="card" aria-busy="true">
        <span class="muted">{t('page_looking')}</span>
      </div>
    );
  const cardLabel = t('page_cardLabel');
  if (state === null) {
    return (
      <section class="card" aria-label={cardLabel}>
        {page && <PageIdentity url={page.url} title={page.title} />}
        <h2 data-testid="page-headline">{pageHeadline(null)}</h2>
        <div class="muted small">{t('page_notAutoHelp', { shortcut: 'Alt+Shift+P' })}</div>
        {captureButton}
      </section>
    );
  }
  const s = state.summary;
  const siteName = state.site ? siteLabel(state.site) : undefined;
  const reported = author ? latestReported(author, state.site) : undefined;
  return (
    <section class="card" aria-label={cardLabel}>
      {s && s.papersFound + (s.authorId ? 1 : 0) > 0 ? (
        <>
          <div class="small faint">
            {siteName ?? cardLabel} · {kindLabel(state.kind)}
          </div>
          <h2 data-testid="page-headline">{pageHeadline(state)}</h2>
          {state.rows && <RowsLeftOut rows={state.rows} />}
          {author?.affiliation && <div class="muted small">{author.affiliation}</div>}
          <div class="small muted" data-testid="page-counts">
            {t('page_counts', { new: s.papersNew, updated: s.papersUpdated, known: s.papersUnchanged })}
          </div>
          {state.pagePapers && <PagePaperList list={state.pagePapers} />}
          {author && (
            <>
              <ReportedVsComputed reported={reported} computed={computed} siteName={siteName ?? cardLabel} />
              <Coverage collected={papers.length} reported={reported?.papers} />
            </>
          )}
        </>
      ) : (
        <>
          <h2 data-testid="page-headline">{pageHeadline(state)}</h2>
          {state.rows && <RowsLeftOut rows={state.rows} />}
          {/* A page whose rows or capture were rejected did hold something: the reasons say what. */}
          {!state.unreadable && !state.rows?.skipped && (
            <div class="muted small">
              {state.skipped ?? (siteName ? t('page_nothingOnSite', { site: siteName }) : t('page_nothingHere'))}
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
  if (r.skipped) return tn('page_rowsCapturedSkipped', r.total, { captured: r.captured, skipped: r.skipped });
  return tn('page_rowsCaptured', r.total, { captured: r.captured });
}

/** A paper field named in a reason: the common ones in words, others by their path ("ids.doi"). */
function fieldName(field: string): string {
  if (field === 'title') return t('page_fieldTitle');
  if (field === 'abstract') return t('page_fieldAbstract');
  return field;
}

/** Why a row was rejected, in words: "5,001 authors (at most 5,000)", "title longer than 200,000 characters". */
function issueText(issue: RowIssue): string {
  switch (issue.type) {
    case 'tooMany': {
      const subs = { max: issue.max };
      if (issue.field === 'authors') return tn('page_issueTooManyAuthors', issue.count, subs);
      if (issue.field === 'authorProfiles') return tn('page_issueTooManyProfiles', issue.count, subs);
      if (issue.field === 'categories') return tn('page_issueTooManyCategories', issue.count, subs);
      if (issue.field === 'keywords') return tn('page_issueTooManyKeywords', issue.count, subs);
      return tn('page_issueTooManyEntries', issue.count, { ...subs, field: issue.field });
    }
    case 'tooLong': {
      const subs = { max: issue.max };
      if (issue.item !== undefined) {
        const item = { ...subs, item: issue.item };
        if (issue.field === 'authors') return t('page_issueAuthorTooLong', item);
        if (issue.field === 'authorProfiles') return t('page_issueProfileTooLong', item);
        if (issue.field === 'categories') return t('page_issueCategoryTooLong', item);
        if (issue.field === 'keywords') return t('page_issueKeywordTooLong', item);
      }
      return t('page_issueTooLong', { ...subs, field: fieldName(issue.field) });
    }
    case 'missing':
      return t('page_issueMissing', { field: fieldName(issue.field) });
    case 'blankTitle':
      return t('page_issueBlankTitle');
    default:
      return issue.text;
  }
}

/** One rejected row, in words: "row 31: 5,001 authors (at most 5,000)". */
export function rowReasonText(reason: RowReason | string): string {
  // (A state written by an older version kept the sentence itself.)
  if (typeof reason === 'string') return reason;
  return t('page_rowReason', { row: reason.row, reason: issueText(reason.issue) });
}

/** Why rows were left out: the first reasons (page text, rendered as text), and the page-size limit. */
function RowsLeftOut({ rows }: { rows: RowReport }) {
  const more = rows.skipped - rows.reasons.length;
  const reasons = rows.reasons.map(rowReasonText).join(t('page_reasonSeparator'));
  return (
    <>
      {rows.skipped > 0 && (
        <div class="small muted" data-testid="page-skipped">
          {more > 0 ? t('page_skippedMore', { reasons, more }) : t('page_skipped', { reasons })}
        </div>
      )}
      {rows.limit !== undefined && (
        <div class="small muted" data-testid="page-limit">
          {t('page_rowLimit', { limit: rows.limit, total: rows.total })}
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
      <ul class="page-papers" aria-label={t('page_papersLabel')} data-testid="page-papers">
        {list.papers.map((p) => (
          <li key={p.id}>
            <span class={`mark ${p.mark}`}>{markLabel(p.mark)}</span>
            <span class="title" title={p.title}>
              {p.title}
            </span>
          </li>
        ))}
      </ul>
      {list.more > 0 && (
        <div class="small faint" data-testid="page-papers-more">
          {t('page_andMore', { count: list.more })}
        </div>
      )}
    </>
  );
}

/** How complete the collection is for this author. */
export function Coverage({ collected, reported }: { collected: number; reported?: number }) {
  if (!reported) return <div class="coverage muted">{tn('page_coverageSoFar', collected)}</div>;
  const pct = Math.min(100, Math.round((collected / reported) * 100));
  return (
    <div class="coverage muted" data-testid="coverage">
      {t('page_coverage', { collected, reported, percent: pct })}
      <div class="bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={t('page_coverageLabel')}>
        <span style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
