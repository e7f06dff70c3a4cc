/**
 * Toasts: short messages that dismiss themselves ("Saved paperdex-all-papers-….json", "Deleted
 * collection “X”. Undo"). One shared queue per extension page: any component calls `showToast()`,
 * and the page mounts `<ToastRegion />` once (the side panel does). The region is a polite live
 * region, so screen readers announce each message without moving focus; error toasts are
 * `role="alert"`. A toast goes away after its timeout (5 s; 8 s with an action such as Undo, 10 s
 * for errors), and stays while the pointer is over it or focus is inside it (WCAG 2.2.1: time to
 * read and reach its button); every toast has a Dismiss button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** What to show. */
export interface ToastInput {
  /** The message, rendered as text. */
  text: string;
  /** `error` toasts are announced assertively (`role="alert"`) and stay longer. Default `info`. */
  kind?: 'info' | 'error';
  /** One button in the toast, e.g. Undo. Running it dismisses the toast; if it throws, an error toast says why. */
  action?: { label: string; run: () => unknown };
  /** Milliseconds before it dismisses itself (the clock stops while hovered or focused). 0: until dismissed. */
  timeout?: number;
}

interface Toast extends ToastInput {
  id: number;
}

/** How many toasts show at once: older ones are dropped. */
const MAX_SHOWN = 3;
const DEFAULT_TIMEOUT = 5_000;
const ACTION_TIMEOUT = 8_000;
const ERROR_TIMEOUT = 10_000;

let nextId = 1;
let toasts: Toast[] = [];
const listeners = new Set<(t: Toast[]) => void>();
const emit = () => listeners.forEach((l) => l(toasts));

/** Show a toast; returns its id (for {@link dismissToast}). */
export function showToast(t: ToastInput): number {
  const id = nextId++;
  toasts = [...toasts, { ...t, id }].slice(-MAX_SHOWN);
  emit();
  return id;
}

/** Remove a toast now (no-op when it is already gone). */
export function dismissToast(id: number): void {
  if (!toasts.some((t) => t.id === id)) return;
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Whether a `<ToastRegion />` is mounted on this page (else a toast would not be seen). */
export function toastRegionMounted(): boolean {
  return listeners.size > 0;
}

/** The toasts of this page, at the bottom of the viewport. Mount once per page. */
export function ToastRegion() {
  const [shown, setShown] = useState<Toast[]>(toasts);
  useEffect(() => {
    listeners.add(setShown);
    setShown(toasts);
    return () => void listeners.delete(setShown);
  }, []);
  return (
    <div class="toasts" aria-live="polite" data-testid="toasts">
      {shown.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const ref = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const timeout = toast.timeout ?? (toast.kind === 'error' ? ERROR_TIMEOUT : toast.action ? ACTION_TIMEOUT : DEFAULT_TIMEOUT);
  // The clock is stopped and restarted in the event handlers themselves (not in an effect, which
  // runs a frame later): a pointer arriving just before the timeout still keeps the toast.
  const hold = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
  };
  // The full time again after each hover or focus: the user was reading it.
  const release = () => {
    hold();
    if (timeout > 0) timer.current = setTimeout(() => dismissToast(toast.id), timeout);
  };
  useEffect(() => {
    release();
    return hold;
  }, []);
  const run = async () => {
    dismissToast(toast.id);
    try {
      await toast.action!.run();
    } catch (e) {
      showToast({ text: `${toast.action!.label} failed: ${e instanceof Error ? e.message : String(e)}`, kind: 'error' });
    }
  };
  return (
    <div
      ref={ref}
      class={`toast${toast.kind === 'error' ? ' toast-error' : ''}`}
      role={toast.kind === 'error' ? 'alert' : undefined}
      onMouseEnter={hold}
      onMouseLeave={() => {
        if (!ref.current?.contains(document.activeElement)) release();
      }}
      onFocusIn={hold}
      onFocusOut={(e) => {
        if (!ref.current?.contains(e.relatedTarget as Node | null) && !ref.current?.matches(':hover')) release();
      }}
    >
      <span class="toast-text">{toast.text}</span>
      {toast.action && (
        <button type="button" class="btn-link toast-action" onClick={() => void run()}>
          {toast.action.label}
        </button>
      )}
      <button type="button" class="btn-link toast-close" aria-label="Dismiss" title="Dismiss" onClick={() => dismissToast(toast.id)}>
        ✕
      </button>
    </div>
  );
}
