import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { PaperRecord } from '@/lib/core/types';
import { t } from '@/lib/i18n/i18n';
import { PaperItem, RowActionsContext, openPaper } from './PaperItem';
import type { PaperHit } from './use-search';
import { CopyMenu, CopyStatus, useCopyShortcuts } from './CopyActions';
import './ResultList.css';

/**
 * Keyboard-navigable result list. The parent forwards the search box's keydown to `onKey`:
 * ↑/↓ move, Enter opens the active result. `setActive` selects a row
 * (its action buttons took focus).
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
  return { active, onKey, setActive };
}

/** The id of a list's option `i` (the combobox's `aria-activedescendant`). */
export function optionId(listId: string, i: number): string {
  return `${listId}-${i}`;
}

/**
 * A search's results: a listbox driven by the search box (a WAI-ARIA combobox: focus stays in the
 * box, `aria-activedescendant` names the selected option), with each row's actions beside it.
 *
 * Why this structure. An option may hold no interactive element (axe nested-interactive; a listbox
 * may own only options, aria-required-children), so the row's actions (Star, the ⋯ menu) cannot sit
 * inside it. They sit in a second column outside the listbox: the list is a two-column CSS grid, the
 * `ul[role=listbox]` spans every row in column 1 and the actions container every row in column 2,
 * both with `grid-template-rows: subgrid`, so each row's actions share their option's row track
 * (same top, same height) and stay visually beside it, whatever the title's length. Only the
 * selected row's buttons are in the tab order (roving tabindex, ./PaperItem `RowActionsContext`): Tab
 * from the search box reaches the selected result's Star, then its ⋯ menu, not 60 buttons. A button
 * taking focus (a click, Tab) selects its row. The buttons' names quote the paper ("Star “…”"),
 * since they are not inside the option that names it. The ⋯ menu opens in column 2, outside the
 * listbox. (A grid with a roving tabindex over rows was the other choice: it would take the
 * results out of the search box's combobox, and ↑/↓ out of the box.)
 */
export function ResultList({
  hits,
  active,
  prefixes,
  id = 'results',
  renderActions = copyMenu,
  renderExtra,
  onActive,
  label,
}: {
  hits: PaperHit[];
  /** The list's accessible name ("Search results" by default). */
  label?: string;
  active: number;
  prefixes?: string[];
  id?: string;
  /**
   * Per-result controls beside each result (the side panel's ⋯ menu); by default the copy menu
   * (Copy BibTeX / Markdown link / citation); `null` for none. Rendered outside the listbox.
   */
  renderActions?: ((paper: PaperHit['paper']) => ComponentChildren) | null;
  /** More text inside each option (read-only: "opened 5 min ago"). */
  renderExtra?: (paper: PaperHit['paper']) => ComponentChildren;
  /** A row's action button took focus: select that row. */
  onActive?: (i: number) => void;
}) {
  useEffect(() => {
    document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);
  // Alt+Shift+X / M / C (⌃⇧ on macOS) copy the selected result (components/copy-shortcuts.ts).
  const copyStatus = useCopyShortcuts(id, () => hits[active]?.paper);
  const rows = Math.max(1, hits.length);
  return (
    <>
      <div class={`result-grid${renderActions ? ' with-actions' : ''}`} data-list={id}>
        <ul class="results" id={id} role="listbox" aria-label={label ?? t('results_label')} style={{ gridRow: `1 / span ${rows}` }}>
          {hits.map((h, i) => (
            <PaperItem
              key={h.id}
              id={optionId(id, i)}
              option
              paper={h.paper}
              terms={h.terms}
              prefixes={prefixes}
              active={i === active}
              onOpen={openPaper}
            >
              {renderExtra?.(h.paper)}
            </PaperItem>
          ))}
        </ul>
        {renderActions && (
          <div class="row-actions-col" style={{ gridRow: `1 / span ${rows}` }}>
            {hits.map((h, i) => (
              <div class="row-actions" key={h.id} data-row={i} onFocusCapture={() => i !== active && onActive?.(i)}>
                <RowActionsContext.Provider value={{ tabIndex: i === active ? 0 : -1 }}>
                  {renderActions(h.paper)}
                </RowActionsContext.Provider>
              </div>
            ))}
          </div>
        )}
      </div>
      <CopyStatus status={copyStatus} toast />
    </>
  );
}

/** The default actions of a result: the copy menu. */
const copyMenu = (paper: PaperRecord) => <CopyMenu paper={paper} />;

/**
 * What a search found, said politely to screen readers ("12 results", "No papers match …") without
 * reading the list itself: a visually hidden `role="status"`, always in the page (a live region
 * added with its text is not announced), updated a moment after typing stops.
 */
export function ResultStatus({ text }: { text: string }) {
  const [said, setSaid] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSaid(text), 500);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {said}
    </div>
  );
}
