// Keyboard behaviour shared by the <details> menus and popovers (the ⋯ menu of a paper, the search
// syntax help, the export formats): Esc closes the open one and returns focus to the button that
// opened it (WAI-ARIA APG, menu button and disclosure patterns), without also clearing the search
// box behind it. A `<details>` whose `<summary>` is its button is a native disclosure: browsers
// expose the summary as a button with its expanded state, so no aria-expanded is needed.

/** The `<summary>` of a `<details>` (its own, not one of a nested `<details>`). */
function summaryOf(details: HTMLDetailsElement): HTMLElement | null {
  for (const child of Array.from(details.children)) if (child.tagName === 'SUMMARY') return child as HTMLElement;
  return null;
}

/** Close an open `<details>` and put focus on its `<summary>`. No-op when it is closed. */
export function closeDetails(details: HTMLDetailsElement | null | undefined, focus = true): void {
  if (!details?.open) return;
  details.open = false;
  if (focus) summaryOf(details)?.focus();
}

/**
 * `onKeyDown` handler for a `<details>` used as a menu or popover: Esc, pressed anywhere inside it
 * while it is open, closes it and focuses its `<summary>`. Nested `<details>`: the innermost open one
 * around the focus closes first (each Esc closes one level). Attached elsewhere than on the
 * `<details>` itself, it acts on the open `<details>` around the key's target.
 */
export function closeDetailsOnEscape(e: KeyboardEvent): void {
  if (e.key !== 'Escape') return;
  const current = e.currentTarget as Element | null;
  const target = e.target as Element | null;
  // The innermost open <details> around the focus, within the element the handler is on.
  let details = target?.closest?.('details[open]') as HTMLDetailsElement | null;
  if (details && current && !current.contains(details)) details = null;
  if (!details && current instanceof HTMLDetailsElement && current.open) details = current;
  if (!details) return;
  e.preventDefault();
  e.stopPropagation();
  closeDetails(details);
}
