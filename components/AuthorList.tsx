import { useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { matchAuthors, sortAuthors, type AuthorSort } from '@/lib/search/author-match';
import { AuthorFigures, useAuthors } from './AuthorHits';
import { SearchBox } from './SearchBox';
import { plural } from './format';

/** Every captured author, searchable by name (typos forgiven) and sortable; picking one opens their page. */
export function AuthorList({ db, onPick }: { db: PaperdexDB; onPick: (id: string) => void }) {
  const all = useAuthors(db);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<AuthorSort>('papers');
  if (!all.length) return <div class="empty">No authors yet. Visit a Google Scholar profile to capture one.</div>;
  const found = query.trim() ? matchAuthors(all, query, Infinity).map((m) => m.author) : all;
  const authors = sortAuthors(found, sort);
  return (
    <>
      <div class="search-row">
        <SearchBox
          value={query}
          onInput={setQuery}
          label="Search authors"
          placeholder="Search authors by name…"
          controls="author-list"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>
      <div class="result-bar">
        <span class="small faint result-count" aria-live="polite">
          {query.trim() ? `${plural(authors.length, 'author')} of ${all.length.toLocaleString('en-US')}` : plural(all.length, 'author')}
        </span>
        <label class="small muted">
          Sort{' '}
          <select aria-label="Sort authors" value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as AuthorSort)}>
            <option value="name">Name</option>
            <option value="papers">Papers</option>
            <option value="citations">Citations</option>
            <option value="hIndex">h-index</option>
            <option value="lastSeen">Last seen</option>
          </select>
        </label>
      </div>
      {authors.length ? (
        <ul class="results" aria-label="Authors" id="author-list">
          {authors.map((a) => (
            <li key={a.id} class="result" onClick={() => onPick(a.id)}>
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
        <div class="empty">No authors match “{query.trim()}”.</div>
      )}
    </>
  );
}
