import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';

/**
 * The search box's combobox state (WAI-ARIA APG, combobox with a listbox popup and
 * `aria-activedescendant`): focus stays in the box, ↑/↓ move the selection in the list(s) shown.
 */
export interface ComboboxState {
  /** Ids of the listboxes shown now (none: collapsed). `aria-controls` never names a list that is not in the page. */
  lists: string[];
  /** Id of the selected option, if one is. */
  activeId?: string;
}

/** The search input. Focused on mount; results update as the user types. */
export function SearchBox({
  value,
  onInput,
  onKeyDown,
  placeholder,
  autoFocus = true,
  controls,
  combobox,
  label,
}: {
  value: string;
  onInput: (v: string) => void;
  onKeyDown?: (e: KeyboardEvent) => void;
  placeholder?: string;
  autoFocus?: boolean;
  /** A plain search box's `aria-controls` (the list it filters). Ignored with `combobox`. */
  controls?: string;
  /** Make the box a combobox over these listboxes. */
  combobox?: ComboboxState;
  /** Accessible name of the input. */
  label?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const expanded = !!combobox?.lists.length;
  return (
    <div class="search">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="1.8" />
        <path d="M11 11l3.5 3.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      </svg>
      <input
        ref={ref}
        type="search"
        aria-label={label ?? t('search_boxLabel')}
        {...(combobox
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list',
              'aria-expanded': expanded ? 'true' : 'false',
              'aria-controls': expanded ? combobox.lists.join(' ') : undefined,
              'aria-activedescendant': expanded ? combobox.activeId : undefined,
            }
          : { 'aria-controls': controls })}
        placeholder={placeholder ?? t('search_boxPlaceholder')}
        value={value}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
