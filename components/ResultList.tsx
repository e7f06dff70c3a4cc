import { useEffect, useState } from 'preact/hooks';
import type { PaperRecord } from '@/lib/core/types';
import { PaperItem, paperLink } from './PaperItem';
import type { PaperHit } from './use-search';

/** Open a paper's page in a new tab. */
export function openPaper(p: PaperRecord): void {
  const href = paperLink(p);
  if (href) window.open(href, '_blank', 'noopener,noreferrer');
}

/**
 * Keyboard-navigable result list. The parent forwards the search box's keydown to `onKey`:
 * ↑/↓ move, Enter opens the active result.
 */
export function useResultKeys(count: number, onEnter: (i: number) => void) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [count]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(count - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && count > 0) {
      e.preventDefault();
      onEnter(active);
    }
  };
  return { active, onKey };
}

export function ResultList({
  hits,
  active,
  prefixes,
  id = 'results',
  renderActions,
}: {
  hits: PaperHit[];
  active: number;
  prefixes?: string[];
  id?: string;
  /** Per-result controls (the side panel's collection menu), beside each result. */
  renderActions?: (paper: PaperHit['paper']) => preact.ComponentChildren;
}) {
  useEffect(() => {
    document.getElementById(`${id}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);
  return (
    <ul class="results" id={id} role="listbox" aria-label="Search results">
      {hits.map((h, i) =>
        renderActions ? (
          <li key={h.id} class="result-row" role="presentation">
            <PaperItem
              as="div"
              id={`${id}-${i}`}
              paper={h.paper}
              terms={h.terms}
              prefixes={prefixes}
              active={i === active}
              onOpen={openPaper}
            />
            {renderActions(h.paper)}
          </li>
        ) : (
          <PaperItem
            key={h.id}
            id={`${id}-${i}`}
            paper={h.paper}
            terms={h.terms}
            prefixes={prefixes}
            active={i === active}
            onOpen={openPaper}
          />
        ),
      )}
    </ul>
  );
}
