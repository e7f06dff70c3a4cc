import type { PaperdexDB } from '@/lib/store/db';
import { latestReported, listAuthors } from '@/lib/store/library';
import type { AuthorRecord } from '@/lib/core/types';
import { fmtNum, plural } from './format';
import { useLive } from './use-live';

/** Every captured author, most papers first; picking one opens their page. */
export function AuthorList({ db, onPick }: { db: PaperdexDB; onPick: (id: string) => void }) {
  const authors = useLive(() => listAuthors(db), [db], [] as AuthorRecord[]);
  if (!authors.length) return <div class="empty">No authors yet. Visit a Google Scholar profile to capture one.</div>;
  return (
    <ul class="results" aria-label="Authors">
      {authors.map((a) => {
        const r = latestReported(a);
        return (
          <li key={a.id} class="result" onClick={() => onPick(a.id)}>
            <div class="t">
              <button type="button" class="btn-link author-link" onClick={() => onPick(a.id)}>
                {a.name}
              </button>
            </div>
            {a.affiliation && <div class="a">{a.affiliation}</div>}
            <div class="m">
              <span>{plural(a.paperIds.length, 'paper')} collected</span>
              {r?.hIndex !== undefined && <span>h-index {fmtNum(r.hIndex)}</span>}
              {r?.citations !== undefined && <span class="cites">{fmtNum(r.citations)} citations</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
