import { useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { matchAuthors, sortAuthors, type AuthorSort } from '@/lib/search/author-match';
import { t, tn } from '@/lib/i18n/i18n';
import { AuthorFigures, useAuthors } from './AuthorHits';
import { SearchBox } from './SearchBox';

/** Every captured author, searchable by name (typos forgiven) and sortable; picking one opens their page. */
export function AuthorList({ db, onPick }: { db: PaperdexDB; onPick: (id: string) => void }) {
  const all = useAuthors(db);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<AuthorSort>('papers');
  if (!all.length) return <div class="empty">{t('author_listEmpty')}</div>;
  const found = query.trim() ? matchAuthors(all, query, Infinity).map((m) => m.author) : all;
  const authors = sortAuthors(found, sort);
  return (
    <>
      <div class="search-row">
        <SearchBox
          value={query}
          onInput={setQuery}
          label={t('author_searchLabel')}
          placeholder={t('author_searchPlaceholder')}
          // Only while the list is there: aria-controls must name an element that exists.
          controls={authors.length ? 'author-list' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>
      <div class="result-bar">
        <span class="small faint result-count" aria-live="polite">
          {query.trim() ? tn('author_listCountOf', authors.length, { total: all.length }) : tn('common_authors', all.length)}
        </span>
        <label class="small muted">
          {t('author_sort')}{' '}
          <select
            aria-label={t('author_sortAuthors')}
            value={sort}
            onChange={(e) => setSort((e.target as HTMLSelectElement).value as AuthorSort)}
          >
            <option value="name">{t('author_sortName')}</option>
            <option value="papers">{t('author_sortPapers')}</option>
            <option value="citations">{t('author_sortCitations')}</option>
            <option value="hIndex">h-index</option>
            <option value="lastSeen">{t('author_sortLastSeen')}</option>
          </select>
        </label>
      </div>
      {authors.length ? (
        <ul class="results" aria-label={t('author_listLabel')} id="author-list">
          {authors.map((a) => (
            // The whole row is a mouse target; the name's button is the keyboard's (clicking it opens once).
            <li key={a.id} class="result" onClick={(e) => !(e.target as HTMLElement).closest('button') && onPick(a.id)}>
              <div class="t">
                <button type="button" class="btn-link author-link" onClick={() => onPick(a.id)}>
                  {a.name}
                </button>
              </div>
              {a.affiliation && <div class="a">{a.affiliation}</div>}
              <AuthorFigures author={a} />
            </li>
          ))}
        </ul>
      ) : (
        <div class="empty">{t('author_noMatch', { query: query.trim() })}</div>
      )}
    </>
  );
}
