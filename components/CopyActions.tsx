/**
 * "Copy a citation": Copy BibTeX, Copy Markdown link and Copy citation (APA) for one paper, Copy all
 * as BibTeX for a list, and the copy shortcuts on the selected search result. Owns writing to the
 * clipboard (text/plain, plus text/html for the citation so italics survive a paste into a word
 * processor) and the short confirmation in a polite live region. The texts themselves come from
 * lib/interchange/cite; the shortcut table from ./copy-shortcuts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { bibtexEntries, bibtexEntry, formatCitation, markdownLink } from '@/lib/interchange/cite/cite';
import { exportPaper } from '@/lib/core/assemble-export';
import type { PaperRecord } from '@/lib/core/types';
import { COPY_SHORTCUTS, matchCopyShortcut, shortcutKeys, type CopyKind } from './copy-shortcuts';
import { t, tn } from '@/lib/i18n/i18n';
import { closeDetailsOnEscape } from './popover';
import { shortTitle, useRowActions } from './PaperItem';

/** What goes on the clipboard: plain text, and optionally the same as HTML. */
export interface ClipboardContent {
  text: string;
  html?: string;
  /** The confirmation, when it depends on the content ("Copied 4 BibTeX entries"). */
  done?: string;
}

/** The clipboard content of one paper for a copy action. */
export function copyContent(kind: CopyKind, paper: PaperRecord): ClipboardContent {
  const p = exportPaper(paper);
  if (kind === 'bibtex') return { text: bibtexEntry(p) };
  if (kind === 'markdown') return { text: markdownLink(p) };
  return formatCitation(p);
}

/** The confirmation shown after a copy action. */
function doneText(kind: CopyKind): string {
  if (kind === 'bibtex') return t('copy_doneBibtex');
  if (kind === 'markdown') return t('copy_doneMarkdown');
  return t('copy_doneCitation');
}

/**
 * Put text (and HTML) on the clipboard with the async Clipboard API. Browsers without ClipboardItem
 * (Firefox before 127) get the plain text only. Rejects when the browser refuses (no user gesture,
 * the page not focused, a policy).
 */
export async function writeClipboard(c: ClipboardContent): Promise<void> {
  const clip = globalThis.navigator?.clipboard;
  if (!clip) throw new Error(t('copy_noClipboard'));
  if (c.html && typeof ClipboardItem !== 'undefined' && typeof clip.write === 'function') {
    const item = new ClipboardItem({
      'text/plain': new Blob([c.text], { type: 'text/plain' }),
      'text/html': new Blob([c.html], { type: 'text/html' }),
    });
    await clip.write([item]);
    return;
  }
  await clip.writeText(c.text);
}

/** A confirmation or an error to show; `n` makes a repeated message a new one for screen readers. */
export interface CopyStatusState {
  text: string;
  error?: boolean;
  n: number;
}

/** Confirmations dismiss themselves after this long; errors stay longer, to be read. */
const SHOW_MS = 2500;
const SHOW_ERROR_MS = 8000;

/** A copy status and the function that copies and reports. */
export function useCopier(): [
  CopyStatusState | null,
  (make: () => ClipboardContent | Promise<ClipboardContent>, done: string, what: string) => Promise<void>,
] {
  const [status, setStatus] = useState<CopyStatusState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const n = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (text: string, error?: boolean) => {
    clearTimeout(timer.current);
    setStatus({ text, error, n: ++n.current });
    timer.current = setTimeout(() => setStatus(null), error ? SHOW_ERROR_MS : SHOW_MS);
  };
  const copy = async (make: () => ClipboardContent | Promise<ClipboardContent>, done: string, what: string) => {
    let content: ClipboardContent;
    try {
      content = await make();
    } catch (e) {
      show(t('copy_failed', { what, error: e instanceof Error ? e.message : String(e) }), true);
      return;
    }
    try {
      await writeClipboard(content);
      show(content.done ?? done);
    } catch (e) {
      const reason = e instanceof Error ? e.message : '';
      show(reason ? t('copy_refusedBecause', { what, reason }) : t('copy_refused', { what }), true);
    }
  };
  return [status, copy];
}

/** The polite live region a copy reports in. Always in the page, so screen readers hear each change. */
export function CopyStatus({ status, toast }: { status: CopyStatusState | null; toast?: boolean }) {
  return (
    <div
      class={`copy-status${toast ? ' copy-toast' : ''}${status ? ' shown' : ''}${status?.error ? ' error' : ''}`}
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      {status && <span key={status.n}>{status.text}</span>}
    </div>
  );
}

/** What a failed copy names ("Couldn't copy the citation: …"). */
function whatText(kind: CopyKind): string {
  if (kind === 'bibtex') return t('copy_whatBibtex');
  if (kind === 'markdown') return t('copy_whatMarkdown');
  return t('copy_whatCitation');
}

/** Copy one paper's BibTeX / Markdown link / citation, reporting in `copy`'s status. */
export function copyPaper(copy: ReturnType<typeof useCopier>[1], kind: CopyKind, paper: PaperRecord): Promise<void> {
  return copy(() => copyContent(kind, paper), doneText(kind), whatText(kind));
}

/** The copy items of a paper's actions menu, with their shortcuts shown, and their confirmation. */
export function CopyActions({ paper }: { paper: PaperRecord }) {
  const [status, copy] = useCopier();
  return (
    <div class="copy-actions" role="group" aria-label={t('copy_group')}>
      <div class="section-title" aria-hidden="true">
        {t('copy_group')}
      </div>
      {COPY_SHORTCUTS.map((s) => (
        <button type="button" class="menu-item menu-button" key={s.kind} onClick={() => void copyPaper(copy, s.kind, paper)}>
          <span>{s.action}</span>
          <kbd class="faint">{shortcutKeys(s)}</kbd>
        </button>
      ))}
      <CopyStatus status={status} />
    </div>
  );
}

/**
 * A "⋯" actions menu holding only the copy items: what a result row gets where no richer menu is
 * given. A disclosure (`<details>`), not an ARIA menu: what it opens is a small panel of buttons.
 * Esc closes it and gives focus back to its button; in a result list only the selected row's button
 * is in the tab order (./PaperItem `useRowActions`).
 */
export function CopyMenu({ paper }: { paper: PaperRecord }) {
  const row = useRowActions();
  return (
    <details class="paper-actions" onClick={(e) => e.stopPropagation()} onKeyDown={closeDetailsOnEscape}>
      <summary aria-label={t('paper_menuActionsFor', { title: shortTitle(paper) })} title={t('copy_menuTitle')} tabIndex={row.tabIndex}>
        <span aria-hidden="true">⋯</span>
      </summary>
      <div class="menu">
        <CopyActions paper={paper} />
      </div>
    </details>
  );
}

/**
 * "Copy all as BibTeX" for a list of papers: `papers` as shown (a result list, in its order), or
 * `load` for text made elsewhere (a collection: exactly its Export BibTeX file, same cite keys).
 */
export function CopyAllBibtex({
  papers,
  load,
  label,
  disabled,
}: {
  papers?: PaperRecord[];
  load?: () => Promise<{ text: string; papers: number }>;
  label?: string;
  disabled?: boolean;
}) {
  const [status, copy] = useCopier();
  const make = async (): Promise<ClipboardContent> => {
    const f = load ? await load() : { text: bibtexEntries((papers ?? []).map(exportPaper)), papers: papers?.length ?? 0 };
    if (!f.papers) throw new Error(t('copy_nothing'));
    return { text: f.text, done: tn('copy_doneEntries', f.papers) };
  };
  return (
    <div class="copy-all">
      <button
        type="button"
        class="btn"
        disabled={disabled || (papers !== undefined && papers.length === 0)}
        onClick={() => void copy(make, '', t('copy_whatBibtex'))}
      >
        {label ?? t('copy_all')}
      </button>
      <CopyStatus status={status} />
    </div>
  );
}

/**
 * The copy shortcuts (./copy-shortcuts) on the selected result of the list `listId`: they act when
 * the key is pressed in that list or in the search box that controls it (`aria-controls`), so two
 * lists on one page never both copy. Returns the status to show.
 */
export function useCopyShortcuts(listId: string, selected: () => PaperRecord | undefined): CopyStatusState | null {
  const [status, copy] = useCopier();
  const latest = useRef(selected);
  latest.current = selected;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const kind = matchCopyShortcut(e);
      if (!kind) return;
      const el = e.target instanceof Element ? e.target : null;
      // The search box controlling the list (`aria-controls` may name several lists), the list, or
      // its rows' action buttons beside it (./ResultList).
      const controls = el?.getAttribute('aria-controls')?.split(/\s+/) ?? [];
      const mine = !!el && (controls.includes(listId) || !!el.closest(`[data-list="${listId}"]`));
      if (!mine) return;
      const paper = latest.current();
      if (!paper) return;
      e.preventDefault();
      void copyPaper(copy, kind, paper);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [listId]);
  return status;
}
