import { useEffect, useRef } from 'preact/hooks';

/** The search input. Focused on mount; results update as the user types. */
export function SearchBox({
  value,
  onInput,
  onKeyDown,
  placeholder = 'Search your papers — title, author, venue…',
  autoFocus = true,
  controls,
  label = 'Search your papers',
}: {
  value: string;
  onInput: (v: string) => void;
  onKeyDown?: (e: KeyboardEvent) => void;
  placeholder?: string;
  autoFocus?: boolean;
  controls?: string;
  /** Accessible name of the input. */
  label?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <div class="search">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="1.8" />
        <path d="M11 11l3.5 3.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      </svg>
      <input
        ref={ref}
        type="search"
        aria-label={label}
        aria-controls={controls}
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
