import { useMemo, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/db';
import { mergeAuthors, sameNameCandidates, splitProfile } from '@/lib/authors';
import { authorPapers, latestReported, SITE_NAMES } from '@/lib/library';
import type { AuthorRecord, PaperRecord } from '@/lib/types';
import { MetricsGrid } from './MetricsGrid';
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
}: {
  db: PaperdexDB;
  authorId: string;
  onBack: () => void;
  onOpenAuthor?: (id: string) => void;
}) {
  const author = useLive<AuthorRecord | null>(async () => (await db.authors.get(authorId)) ?? null, [authorId], null);
  const candidates = useLive(async () => (author ? sameNameCandidates(db, author) : []), [author], [] as Awaited<ReturnType<typeof sameNameCandidates>>);
  const [message, setMessage] = useState<string | null>(null);
  const papers = useLive(async () => (author ? authorPapers(db, author) : []), [author], [] as PaperRecord[]);
  const [sort, setSort] = useState<Sort>('citations');
  const sorted = useMemo(() => sortPapers(papers, sort), [papers, sort]);
  if (!author) return <div class="empty">Loading…</div>;
  const sites = [...new Set(author.reported.map((r) => r.site))];
  const collectedCitations = papers.reduce((s, p) => s + (p.citations ?? 0), 0);
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
      {sites.map((site) => {
        const r = latestReported(author, site)!;
        return (
          <section key={site}>
            <div class="section-title">
              Reported by {SITE_NAMES[site]} <span class="faint">· {fmtWhen(r.capturedAt)}</span>
            </div>
            <MetricsGrid m={r} label={`Metrics reported by ${SITE_NAMES[site]}`} />
          </section>
        );
      })}
      <div class="section-title">Collected</div>
      <div class="metrics" aria-label="Over collected papers">
        <div class="metric">
          <div class="v">{fmtNum(papers.length)}</div>
          <div class="l">Papers collected</div>
        </div>
        <div class="metric">
          <div class="v">{fmtNum(collectedCitations)}</div>
          <div class="l">Their citations</div>
        </div>
      </div>
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
          <PaperItem key={p.id} paper={p} onOpen={openPaper} />
        ))}
      </ul>
      {(author.profileKeys.length > 1 || candidates.length > 0) && (
        <section aria-label="Identity">
          <div class="section-title">Same person?</div>
          {message && <div class="status" role="status">{message}</div>}
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
