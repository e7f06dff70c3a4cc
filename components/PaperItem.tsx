import type { PaperRecord } from '@/lib/core/types';
import { Highlight } from './Highlight';
import type { ComponentChild } from 'preact';
import { fmtAuthors, plural } from './format';
import { UserMarks } from './UserLayer';

/** Where a paper opens: its landing page, else its PDF. */
export function paperLink(p: PaperRecord): string | undefined {
  return p.url ?? p.pdfUrl ?? p.sources[0]?.url;
}

/** One paper in a result list: title, authors, year · venue · citations. */
export function PaperItem({
  paper,
  terms,
  prefixes,
  active,
  onOpen,
  id,
  as: Tag = 'li',
}: {
  /** Element to render as: a list item (default), or a div inside a list item the caller owns. */
  as?: 'li' | 'div';
  paper: PaperRecord;
  terms?: string[];
  prefixes?: string[];
  active?: boolean;
  onOpen?: (p: PaperRecord) => void;
  id?: string;
}) {
  const href = paperLink(paper);
  return (
    <Tag
      id={id}
      class={`result${active ? ' active' : ''}`}
      role="option"
      aria-selected={active ? 'true' : 'false'}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) return;
        onOpen?.(paper);
      }}
    >
      <div class="t">
        {paper.starred && (
          <span class="star-mark" role="img" aria-label="Starred" title="Starred">
            ★{' '}
          </span>
        )}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" tabIndex={-1} style="color: inherit">
            <Highlight text={paper.title} terms={terms} prefixes={prefixes} />
          </a>
        ) : (
          <Highlight text={paper.title} terms={terms} prefixes={prefixes} />
        )}
      </div>
      <div class="a">
        <Highlight text={fmtAuthors(paper.authors, paper.authorsTruncated)} terms={terms} prefixes={prefixes} />
      </div>
      <div class="m">
        {joinDots([
          paper.year ? <span>{paper.year}</span> : null,
          paper.venue ? (
            <span class="venue">
              <Highlight text={paper.venue} terms={terms} prefixes={prefixes} />
            </span>
          ) : null,
          paper.citations !== undefined ? <span class="cites">{plural(paper.citations, 'citation')}</span> : null,
          paper.incomplete === 'pdf' ? <span class="incomplete">opened as PDF; details not seen yet</span> : null,
        ])}
      </div>
      <UserMarks paper={paper} />
    </Tag>
  );
}

/** Interleave non-empty parts with " · " separators. */
function joinDots(parts: ComponentChild[]): ComponentChild[] {
  const out: ComponentChild[] = [];
  for (const p of parts.filter(Boolean)) {
    if (out.length)
      out.push(
        <span class="dot" aria-hidden="true">
          {' '}
          ·{' '}
        </span>,
      );
    out.push(p);
  }
  return out;
}
