import { useState } from 'preact/hooks';
import { exportPapersFile } from '@/lib/interchange/export-files';
import type { PaperRecord } from '@/lib/core/types';
import { AddToCollection } from './AddToCollection';
import { ExportMenu } from './ExportMenu';
import { CopyAllBibtex } from './CopyActions';
import type { PaperdexDB } from '@/lib/store/db';
import type { Facets, SortOrder } from '@/lib/search/search-types';
import { siteName } from './labels';
import type { SiteId } from '@/lib/core/types';
import { QueryHelp } from './QueryHelp';
import { ResultList, ResultStatus, optionId, useResultKeys } from './ResultList';
import { openPaper } from './PaperItem';
import { SearchBox } from './SearchBox';
import { AuthorHits } from './AuthorHits';
import { searchStatusText, useSearch, warningText } from './use-search';
import { formatNumber, t, tn } from '@/lib/i18n/i18n';
import { statusLabel } from './UserLayer';
import { isReadingStatus } from '@/lib/core/fields';

/** Quote a facet value for the query language when it has spaces. */
function q(v: string): string {
  return /\s/.test(v) ? `"${v}"` : v;
}

function FacetGroup({
  title,
  groupLabel,
  items,
  toFilter,
  label,
}: {
  title: string;
  /** The group's accessible name: "Filter by year". */
  groupLabel: string;
  items: [string, number][];
  toFilter: (v: string) => string;
  label?: (v: string) => string;
}) {
  if (!items.length) return null;
  return (
    <div class="facet" role="group" aria-label={groupLabel}>
      <div class="facet-title">{title}</div>
      <div class="facet-items">
        {items.slice(0, 10).map(([v, n]) => (
          <button type="button" class="chip" key={v} data-filter={toFilter(v)}>
            {label ? label(v) : v} <span class="faint">{formatNumber(n)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

/** Facet counts over all matches; a click narrows the query with the matching filter. */
function FacetPanel({ facets, onFilter }: { facets: Facets; onFilter: (f: string) => void }) {
  return (
    <div
      class="facets"
      onClick={(e) => {
        const b = (e.target as HTMLElement).closest('button[data-filter]');
        if (b) onFilter(b.getAttribute('data-filter')!);
      }}
    >
      <FacetGroup title={t('results_facetYear')} groupLabel={t('results_filterYear')} items={facets.year} toFilter={(v) => `year:${v}`} />
      <FacetGroup
        title={t('results_facetVenue')}
        groupLabel={t('results_filterVenue')}
        items={facets.venue}
        toFilter={(v) => `venue:${q(v)}`}
      />
      <FacetGroup
        title={t('results_facetSite')}
        groupLabel={t('results_filterSite')}
        items={facets.site}
        toFilter={(v) => `site:${v}`}
        label={(v) => siteName(v as SiteId)}
      />
      <FacetGroup
        title={t('results_facetCategory')}
        groupLabel={t('results_filterCategory')}
        items={facets.category}
        toFilter={(v) => `cat:${v}`}
      />
      <FacetGroup
        title={t('results_facetStatus')}
        groupLabel={t('results_filterStatus')}
        items={facets.status}
        toFilter={(v) => `status:${v}`}
        label={(v) => (isReadingStatus(v) ? statusLabel(v) : v)}
      />
      <FacetGroup title={t('results_facetTag')} groupLabel={t('results_filterTag')} items={facets.tag} toFilter={(v) => `tag:"${v}"`} />
    </div>
  );
}

/** Full search for the side panel: query syntax, sort, facets, keyboard navigation. */
export function SearchView({
  db,
  empty,
  query,
  setQuery,
  renderActions,
  onPickAuthor,
}: {
  db: PaperdexDB;
  empty: preact.ComponentChildren;
  query: string;
  setQuery: (q: string | ((cur: string) => string)) => void;
  renderActions?: (paper: PaperRecord) => preact.ComponentChildren;
  /** Open an author found by name (shown above the papers). */
  onPickAuthor?: (id: string) => void;
}) {
  const [sort, setSort] = useState<SortOrder>('relevance');
  const res = useSearch(db, query, { sort, limit: 200, facets: true });
  const { active, onKey, setActive } = useResultKeys(res.hits.length, (i) => openPaper(res.hits[i].paper));
  const shown = !!query.trim() && res.hits.length > 0;
  const addFilter = (f: string) => setQuery((cur) => (cur.includes(f) ? cur : `${cur.trim()} ${f} `.trimStart()));
  return (
    <>
      <div class="search-row">
        <SearchBox
          value={query}
          onInput={setQuery}
          // A combobox over the results while they are shown (./SearchBox).
          combobox={{ lists: shown ? [PANEL_RESULTS] : [], activeId: shown ? optionId(PANEL_RESULTS, active) : undefined }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
            else onKey(e);
          }}
        />
        <QueryHelp />
      </div>
      {query.trim() ? (
        <>
          <div class="result-bar">
            {/* (Not a live region: ResultStatus below announces what was found.) */}
            <span class="small faint result-count">
              {res.quick ? t('results_quick') : res.answered ? tn('results_count', res.total) : t('results_searching')}
            </span>
            <label class="small muted">
              {t('results_sort')}{' '}
              <select
                aria-label={t('results_sortLabel')}
                value={sort}
                onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortOrder)}
              >
                <option value="relevance">{t('results_sortRelevance')}</option>
                <option value="newest">{t('results_sortNewest')}</option>
                <option value="cited">{t('results_sortCited')}</option>
              </select>
            </label>
          </div>
          {res.warnings.map((w) => (
            <div class="error search-warning" key={`${w.code}:${w.value}`}>
              {warningText(w)}
            </div>
          ))}
          <AuthorHits db={db} query={query} limit={5} onPick={onPickAuthor} />
          {res.facets && res.total > 0 && <FacetPanel facets={res.facets} onFilter={addFilter} />}
          {res.hits.length > 0 && !res.quick && (
            <ResultTools db={db} papers={res.hits.map((h) => h.paper)} total={res.total} query={query} />
          )}
          {res.hits.length ? (
            <ResultList
              hits={res.hits}
              active={active}
              onActive={setActive}
              prefixes={res.prefixes}
              id={PANEL_RESULTS}
              renderActions={renderActions}
            />
          ) : res.answered ? (
            <div class="empty">{t('results_noMatch', { query: query.trim() })}</div>
          ) : null}
        </>
      ) : (
        empty
      )}
      <ResultStatus text={searchStatusText(res, query)} />
    </>
  );
}

/** The id of the side panel's result listbox. */
const PANEL_RESULTS = 'panel-results';

/** Actions on the shown results: add them all to a collection, export them, copy them as BibTeX. */
function ResultTools({ db, papers, total, query }: { db: PaperdexDB; papers: PaperRecord[]; total: number; query: string }) {
  return (
    <details class="result-tools">
      <summary class="small muted">{total > papers.length ? tn('results_toolsFirst', papers.length) : t('results_tools')}</summary>
      <div class="result-tools-body">
        <AddToCollection db={db} paperIds={papers.map((p) => p.id)} label={t('results_addTo')} ariaLabel={t('results_addToLabel')} />
        <ExportMenu
          compact
          primaryLabel={t('results_exportJson')}
          make={(format) => exportPapersFile(db, papers, t('results_exportName', { query }).slice(0, 60), format)}
        />
        <CopyAllBibtex papers={papers} label={total > papers.length ? tn('results_copyThese', papers.length) : t('copy_all')} />
      </div>
    </details>
  );
}
