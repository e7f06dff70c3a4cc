import { createContext, type ComponentChild, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PaperRecord } from '@/lib/core/types';
import { recordOpened } from '@/lib/store/openings';
import { t, tn } from '@/lib/i18n/i18n';
import { Highlight } from './Highlight';
import { fmtAuthors } from './format';
import { UserMarks } from './UserLayer';

/** Where a paper opens: its landing page, else its PDF. */
export function paperLink(p: PaperRecord): string | undefined {
  return p.url ?? p.pdfUrl ?? p.sources[0]?.url;
}

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
 * Open a paper in a background tab (a middle or Ctrl/⌘-click on a result row, as on a link), recorded;
 * the popup stays open.
 */
function openPaperInBackground(p: PaperRecord): void {
  const href = paperLink(p);
  if (href) void noteOpened(p).then(() => browser.tabs.create({ url: href, active: false }));
}

/** Whether a click asks for a background tab (middle button, or a modifier as on a link). */
function wantsBackground(e: MouseEvent): boolean {
  return e.button === 1 || (e.button === 0 && (e.ctrlKey || e.metaKey || e.shiftKey));
}

/**
 * What the action buttons of a result row need from the list they sit beside: only the selected
 * row's buttons are in the tab order (`tabIndex` 0, the others -1; undefined outside a result list).
 * Provided by ./ResultList for each row, read by the row's actions (./PaperActions, ./CopyActions),
 * so a caller's `renderActions` need not pass it on.
 */
export const RowActionsContext = createContext<{ tabIndex?: number }>({});

/** The row context of a result's action buttons (see {@link RowActionsContext}). */
export function useRowActions(): { tabIndex?: number } {
  return useContext(RowActionsContext);
}

/** A paper's title as the names of its row's buttons quote it ("Actions for “…”"): at most 60 characters. */
export function shortTitle(p: PaperRecord): string {
  return p.title.slice(0, 60);
}

/**
 * One paper in a list: title, authors, year · venue · citations, the user's marks.
 *
 * Two forms. By default a plain list item whose title is a real link (keyboard: Tab to it, Enter),
 * for lists nothing else drives (the side panel's "Recently added", an author's papers). With
 * `option`, an option of a listbox driven by a combobox (./ResultList): the row holds text only —
 * no link, no control (ARIA: an option's content is presentational) — and opens on click; the
 * keyboard reaches it through the search box (↑/↓, Enter).
 */
export function PaperItem({
  paper,
  terms,
  prefixes,
  active,
  onOpen,
  id,
  option,
  children,
  as: Tag = 'li',
}: {
  /** Element to render as: a list item (default), or a div inside a list item the caller owns. */
  as?: 'li' | 'div';
  paper: PaperRecord;
  terms?: string[];
  prefixes?: string[];
  /** (option) The option the combobox has selected. */
  active?: boolean;
  onOpen?: (p: PaperRecord) => void;
  id?: string;
  /** Render as `role="option"` of a listbox (./ResultList); otherwise a plain item with a link. */
  option?: boolean;
  /** More text inside the item (never a control when `option`). */
  children?: ComponentChildren;
}) {
  const href = paperLink(paper);
  const title = <Highlight text={paper.title} terms={terms} prefixes={prefixes} />;
  const body = (
    <>
      <div class="t">
        {paper.starred && (
          <span class="star-mark" role="img" aria-label={t('common_starred')} title={t('common_starred')}>
            ★{' '}
          </span>
        )}
        {option || !href ? (
          title
        ) : (
          <a
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            class="paper-link"
            onClick={(e) => {
              // A plain click opens through `onOpen` (recorded first); a modified click is the browser's, recorded.
              if (onOpen && !wantsBackground(e)) {
                e.preventDefault();
                onOpen(paper);
              } else void noteOpened(paper);
            }}
            onAuxClick={(e) => {
              if (e.button === 1) void noteOpened(paper);
            }}
          >
            {title}
          </a>
        )}
      </div>
      <div class="a">
        <Highlight text={fmtAuthors(paper.authors, paper.authorsTruncated)} terms={terms} prefixes={prefixes} />
      </div>
      <div class="m">
        {joinDots([
          paper.year ? <span>{paper.year}</span> : null,
          paper.venue ? (
            <span class="venue">
              <Highlight text={paper.venue} terms={terms} prefixes={prefixes} />
            </span>
          ) : null,
          paper.citations !== undefined ? <span class="cites">{tn('common_citations', paper.citations)}</span> : null,
          paper.incomplete === 'pdf' ? <span class="incomplete">{t('common_incompletePdf')}</span> : null,
        ])}
      </div>
      <UserMarks paper={paper} />
      {children}
    </>
  );
  if (option)
    return (
      <Tag
        id={id}
        class={`result${active ? ' active' : ''}`}
        role="option"
        aria-selected={active ? 'true' : 'false'}
        onClick={(e) => (wantsBackground(e) ? openPaperInBackground(paper) : onOpen?.(paper))}
        onAuxClick={(e) => {
          if (e.button === 1) openPaperInBackground(paper);
        }}
      >
        {body}
      </Tag>
    );
  return (
    <Tag
      id={id}
      class="result"
      onClick={(e) => {
        // A click anywhere on the row but its link or a control opens it, as a result row does.
        if ((e.target as HTMLElement).closest('a, button, input, select, textarea, label, summary')) return;
        onOpen?.(paper);
      }}
    >
      {body}
    </Tag>
  );
}

/**
 * Interleave non-empty parts with " · " separators. The dot is hidden from screen readers, the
 * spaces are not: the parts stay words apart in the option's accessible name ("2023 Nature", not
 * "2023Nature").
 */
function joinDots(parts: ComponentChild[]): ComponentChild[] {
  const out: ComponentChild[] = [];
  for (const p of parts.filter(Boolean)) {
    if (out.length)
      out.push(
        ' ',
        <span class="dot" aria-hidden="true">
          ·
        </span>,
        ' ',
      );
    out.push(p);
  }
  return out;
}
