import { useState } from 'preact/hooks';
import { exportPapersFile } from '@/lib/interchange/export-files';
import type { PaperRecord } from '@/lib/core/types';
import { AddToCollection } from './AddToCollection';
import { ExportMenu } from './ExportMenu';
import { CopyAllBibtex } from './CopyActions';
import type { PaperdexDB } from '@/lib/store/db';
import type { Facets, SortOrder } from '@/lib/search/search-types';
import { SITE_NAMES } from '@/lib/store/library';
import type { SiteId } from '@/lib/core/types';
import { QueryHelp } from './QueryHelp';
import { ResultList, openPaper, useResultKeys } from './ResultList';
import { SearchBox } from './SearchBox';
import { AuthorHits } from './AuthorHits';
import { plural } from './format';
import { useSearch } from './use-search';
import { STATUS_LABELS } from './UserLayer';
import type { ReadingStatus } from '@/lib/core/fields';

/** Quote a facet value for the query language when it has spaces. */
function q(v: string): string {
  return /\s/.test(v) ? `"${v}"` : v;
}

function FacetGroup({
  title,
  items,
  toFilter,
  label,
}: {
  title: string;
  items: [string, number][];
  toFilter: (v: string) => string;
  label?: (v: string) => string;
}) {
  if (!items.length) return null;
  return (
    <div class="facet" role="group" aria-label={`Filter by ${title.toLowerCase()}`}>
      <div class="facet-title">{title}</div>
      <div class="facet-items">
        {items.slice(0, 10).map(([v, n]) => (
          <button type="button" class="chip" key={v} data-filter={toFilter(v)}>
            {label ? label(v) : v} <span class="faint">{n.toLocaleString('en-US')}</span>
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
      <FacetGroup title="Year" items={facets.year} toFilter={(v) => `year:${v}`} />
      <FacetGroup title="Venue" items={facets.venue} toFilter={(v) => `venue:${q(v)}`} />
      <FacetGroup title="Site" items={facets.site} toFilter={(v) => `site:${v}`} label={(v) => SITE_NAMES[v as SiteId] ?? v} />
      <FacetGroup title="Category" items={facets.category} toFilter={(v) => `cat:${v}`} />
      <FacetGroup
        title="Status"
        items={facets.status}
        toFilter={(v) => `status:${v}`}
        label={(v) => STATUS_LABELS[v as ReadingStatus] ?? v}
      />
      <FacetGroup title="Tag" items={facets.tag} toFilter={(v) => `tag:"${v}"`} />
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
  const { active, onKey } = useResultKeys(res.hits.length, (i) => openPaper(res.hits[i].paper));
  const addFilter = (f: string) => setQuery((cur) => (cur.includes(f) ? cur : `${cur.trim()} ${f} `.trimStart()));
  return (
    <>
      <div class="search-row">
        <SearchBox
          value={query}
          onInput={setQuery}
          controls="panel-results"
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
            <span class="small faint result-count" aria-live="polite">
              {res.quick ? 'Quick title matches — full search is starting…' : res.answered ? plural(res.total, 'result') : 'Searching…'}
            </span>
            <label class="small muted">
              Sort{' '}
              <select aria-label="Sort results" value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortOrder)}>
                <option value="relevance">Relevance</option>
                <option value="newest">Newest</option>
                <option value="cited">Most cited</option>
              </select>
            </label>
          </div>
          {res.warnings.map((w) => (
            <div class="error" role="alert" key={w}>
              {w}
            </div>
          ))}
          <AuthorHits db={db} query={query} limit={5} onPick={onPickAuthor} />
          {res.facets && res.total > 0 && <FacetPanel facets={res.facets} onFilter={addFilter} />}
          {res.hits.length > 0 && !res.quick && (
            <ResultTools db={db} papers={res.hits.map((h) => h.paper)} total={res.total} query={query} />
          )}
          {res.hits.length ? (
            <ResultList hits={res.hits} active={active} prefixes={res.prefixes} id="panel-results" renderActions={renderActions} />
          ) : res.answered ? (
            <div class="empty">No papers match “{query.trim()}”.</div>
          ) : null}
        </>
      ) : (
        empty
      )}
    </>
  );
}

/** Actions on the shown results: add them all to a collection, export them, copy them as BibTeX. */
function ResultTools({ db, papers, total, query }: { db: PaperdexDB; papers: PaperRecord[]; total: number; query: string }) {
  return (
    <details class="result-tools">
      <summary class="small muted">
        {total > papers.length ? `Copy, export or collect the first ${papers.length} results…` : 'Copy, export or collect these results…'}
      </summary>
      <div class="result-tools-body">
        <AddToCollection db={db} paperIds={papers.map((p) => p.id)} label="Add to" ariaLabel="Add these results to a collection" />
        <ExportMenu
          compact
          primaryLabel="Export results as JSON"
          make={(format) => exportPapersFile(db, papers, `search ${query}`.slice(0, 60), format)}
        />
        <CopyAllBibtex papers={papers} label={total > papers.length ? `Copy these ${papers.length} as BibTeX` : 'Copy all as BibTeX'} />
      </div>
    </details>
  );
}
