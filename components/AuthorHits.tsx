import type { PaperdexDB } from '@/lib/store/db';
import { latestReported } from '@/lib/store/library';
import { matchAuthors } from '@/lib/search/author-match';
import { hIndexOf } from '@/lib/metrics/metrics';
import type { AuthorRecord } from '@/lib/core/types';
import { t, tn } from '@/lib/i18n/i18n';
import { useLive } from './use-live';

/** Every author of the library (thousands at most), kept current while the page is open. */
export function useAuthors(db: PaperdexDB): AuthorRecord[] {
  return useLive(() => db.authors.toArray(), [db], [] as AuthorRecord[]);
}

/** h-index computed from the collected papers' citations; undefined when none has a count. */
async function computedH(db: PaperdexDB, a: AuthorRecord): Promise<number | undefined> {
  const papers = await db.papers.bulkGet(a.paperIds);
  const counts = papers.flatMap((p) => (p?.citations !== undefined ? [p.citations] : []));
  return counts.length ? hIndexOf(counts) : undefined;
}

/** An author's figures, separated: papers collected, h-index reported and computed, citations. */
export function AuthorFigures({ author, computed }: { author: AuthorRecord; computed?: number }) {
  const r = latestReported(author);
  const parts = [
    <span key="p">{tn('author_figPapersCollected', author.paperIds.length)}</span>,
    r?.hIndex !== undefined && <span key="hr">{t('author_figHReported', { value: r.hIndex })}</span>,
    computed !== undefined && <span key="hc">{t('author_figHComputed', { value: computed })}</span>,
    r?.citations !== undefined && (
      <span key="c" class="cites">
        {tn('common_citations', r.citations)}
      </span>
    ),
  ].filter(Boolean);
  // The separators are text, not CSS: copied, read aloud and in textContent the figures stay apart.
  const sep = (i: number) => (
    <span key={`s${i}`} class="sep">
      {' · '}
    </span>
  );
  return <div class="m figures">{parts.flatMap((p, i) => (i ? [sep(i), p] : [p]))}</div>;
}

/**
 * Authors whose name matches the query, shown above the paper results. `onPick` opens the author
 * (side panel); without it the name links to the author's first profile page (popup).
 */
export function AuthorHits({
  db,
  query,
  limit = 3,
  onPick,
}: {
  db: PaperdexDB;
  query: string;
  limit?: number;
  onPick?: (id: string) => void;
}) {
  const authors = useAuthors(db);
  const hits = matchAuthors(authors, query, limit).map((m) => m.author);
  const key = hits.map((a) => `${a.id}:${a.updatedAt}`).join(',');
  const computed = useLive(
    async () => Object.fromEntries(await Promise.all(hits.map(async (a) => [a.id, await computedH(db, a)] as const))),
    [db, key],
    {} as Record<string, number | undefined>,
  );
  if (!hits.length) return null;
  return (
    <ul class="results author-hits" aria-label={t('author_hitsLabel')}>
      {hits.map((a) => {
        const href = a.profiles[0]?.url;
        return (
          <li key={a.id} class="result author-hit" onClick={onPick ? () => onPick(a.id) : undefined}>
            <div class="t">
              <span class="badge-author" aria-hidden="true">
                {t('author_hitBadge')}
              </span>{' '}
              {onPick || !href ? (
                <button type="button" class="btn-link author-link" onClick={onPick ? () => onPick(a.id) : undefined}>
                  {a.name}
                </button>
              ) : (
                <a class="author-link" href={href} target="_blank" rel="noopener noreferrer">
                  {a.name}
                </a>
              )}
            </div>
            {a.affiliation && <div class="a">{a.affiliation}</div>}
            <AuthorFigures author={a} computed={computed[a.id]} />
          </li>
        );
      })}
    </ul>
  );
}
