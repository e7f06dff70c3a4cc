// Keyboard behaviour shared by the <details> menus and popovers (the ⋯ menu of a paper, the search
// syntax help): Esc closes the open one and returns focus to the button that opened it (WAI-ARIA
// APG, menu button and disclosure patterns), without also clearing the search box behind it.

/**
 * `onKeyDown` handler for a `<details>` used as a menu or popover: Esc, pressed anywhere inside it
 * while it is open, closes it and focuses its `<summary>`.
 */
export function closeDetailsOnEscape(e: KeyboardEvent): void {
  if (e.key !== 'Escape') return;
  const details = e.currentTarget as HTMLDetailsElement | null;
  if (!details?.open) return;
  e.preventDefault();
  e.stopPropagation();
  details.open = false;
  details.querySelector('summary')?.focus();
}
