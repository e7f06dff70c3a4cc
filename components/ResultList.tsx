import { useEffect, useState } from 'preact/hooks';
import type { PaperRecord } from '@/lib/core/types';
import { PaperItem, paperLink } from './PaperItem';
import type { PaperHit } from './use-search';
import { recordOpened } from '@/lib/store/openings';
import { CopyMenu, CopyStatus, useCopyShortcuts } from './CopyActions';

/**
 * Record that the user opened a paper from Paperdex ("Recently opened", its reading history). Never
 * throws, and gives up waiting after a moment: opening the paper must not depend on it.
 */
function noteOpened(p: PaperRecord): Promise<void> {
  const write = recordOpened(p.id, Date.now(), 'result').catch((e: unknown) => console.warn('[paperdex] opening not recorded:', e));
  return Promise.race([write, new Promise<void>((r) => setTimeout(r, 400))]);
}

/**
 * Open a paper's page in a new tab, recording the opening first: the popup closes as soon as the
 * new tab takes focus, and a write still pending then would be lost.
 */
export function openPaper(p: PaperRecord): void {
  const href = paperLink(p);
  if (href) void noteOpened(p).then(() => window.open(href, '_blank', 'noopener,noreferrer'));
}

/**
 * A click on a result's own link (its title): a plain click opens it through {@link openPaper}
 * (recorded first); a click that opens it in the background (middle / modified click) is recorded
 * and left to the browser.
 */
function onLinkClick(e: MouseEvent, hits: PaperHit[], id: string): void {
  const target = e.target as HTMLElement;
  const link = target.closest?.('a[href]');
  const row = target.closest?.('[role=option]');
  if (!link || !row?.id.startsWith(`${id}-`)) return;
  const paper = hits[Number(row.id.slice(id.length + 1))]?.paper;
  if (!paper) return;
  if (e.type === 'click' && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) {
    e.preventDefault();
    openPaper(paper);
  } else if (e.button === 0 || e.button === 1) void noteOpened(paper);
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
  renderActions = copyMenu,
  label = 'Search results',
}: {
  hits: PaperHit[];
  /** The list's accessible name. */
  label?: string;
  active: number;
  prefixes?: string[];
  id?: string;
  /**
   * Per-result controls beside each result (the side panel's ⋯ menu); by default the copy menu
   * (Copy BibTeX / Markdown link / citation); `null` for none.
   */
  renderActions?: ((paper: PaperHit['paper']) => preact.ComponentChildren) | null;
}) {
  useEffect(() => {
    document.getElementById(`${id}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);
  // Alt+Shift+X / M / C (⌃⇧ on macOS) copy the selected result (components/copy-shortcuts.ts).
  const copyStatus = useCopyShortcuts(id, () => hits[active]?.paper);
  return (
    <>
      <ul
        class="results"
        id={id}
        role="listbox"
        aria-label={label}
        onClickCapture={(e) => onLinkClick(e, hits, id)}
        onAuxClick={(e) => onLinkClick(e, hits, id)}
      >
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
      <CopyStatus status={copyStatus} toast />
    </>
  );
}

/** The default actions of a result: the copy menu. */
const copyMenu = (paper: PaperRecord) => <CopyMenu paper={paper} />;
