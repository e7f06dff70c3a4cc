/**
 * Toasts: short messages that dismiss themselves ("Saved paperdex-all-papers-….json", "Deleted
 * collection “X”. Undo"). One shared queue per extension page: any component calls `showToast()`,
 * and the page mounts `<ToastRegion />` once (the side panel does). The region is a labelled
 * landmark holding two live regions that are always in the page: a polite one (`role="status"`)
 * for messages and an assertive one (`role="alert"`) for errors, so screen readers announce each
 * toast once, when it is added, without moving focus. A toast goes away after its timeout (5 s;
 * 15 s with an action such as Undo, long enough to reach its button with the keyboard; 10 s for
 * errors), and stays while the pointer is over it or focus is inside it (WCAG 2.2.1: time to read
 * and reach its button; the full time again after each hover or focus); every toast has a Dismiss
 * button, and Esc inside a toast dismisses it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import './Toast.css';

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
const ACTION_TIMEOUT = 15_000;
const ERROR_TIMEOUT = 10_000;

let nextId = 1;
let toasts: Toast[] = [];
const listeners = new Set<(t: Toast[]) => void>();
const emit = () => listeners.forEach((l) => l(toasts));

/** Show a toast; returns its id (for {@link dismissToast}). */
export function showToast(input: ToastInput): number {
  const id = nextId++;
  toasts = [...toasts, { ...input, id }].slice(-MAX_SHOWN);
  emit();
  return id;
}

/** Remove a toast now (no-op when it is already gone). */
export function dismissToast(id: number): void {
  if (!toasts.some((x) => x.id === id)) return;
  toasts = toasts.filter((x) => x.id !== id);
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
  // Errors and messages in their own live regions: a role="alert" inside a polite region would be announced twice.
  return (
    <section class="toasts" aria-label={t('toast_region')} data-testid="toasts">
      <div class="toast-stack" role="alert">
        {shown
          .filter((x) => x.kind === 'error')
          .map((x) => (
            <ToastItem key={x.id} toast={x} />
          ))}
      </div>
      <div class="toast-stack" role="status">
        {shown
          .filter((x) => x.kind !== 'error')
          .map((x) => (
            <ToastItem key={x.id} toast={x} />
          ))}
      </div>
    </section>
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
  const dismiss = t('toast_dismiss');
  const run = async () => {
    dismissToast(toast.id);
    try {
      await toast.action!.run();
    } catch (e) {
      showToast({
        text: t('toast_actionFailed', { action: toast.action!.label, error: e instanceof Error ? e.message : String(e) }),
        kind: 'error',
      });
    }
  };
  return (
    <div
      ref={ref}
      class={`toast${toast.kind === 'error' ? ' toast-error' : ''}`}
      onMouseEnter={hold}
      onMouseLeave={() => {
        if (!ref.current?.contains(document.activeElement)) release();
      }}
      onFocusIn={hold}
      onFocusOut={(e) => {
        if (!ref.current?.contains(e.relatedTarget as Node | null) && !ref.current?.matches(':hover')) release();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          dismissToast(toast.id);
        }
      }}
    >
      <span class="toast-text">{toast.text}</span>
      {toast.action && (
        <button type="button" class="btn-link toast-action" onClick={() => void run()}>
          {toast.action.label}
        </button>
      )}
      <button type="button" class="btn-link toast-close" aria-label={dismiss} title={dismiss} onClick={() => dismissToast(toast.id)}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
