// @vitest-environment happy-dom
// The popup's page card and the shared bits around it, as a user meets them: the card's lines in
// English exactly as before and in German, rejected rows worded from their codes, the outcome of
// "Capture this page" announced in a status region; Esc closing a <details> menu and returning
// focus to its button; the export formats behind a disclosure, with what was saved announced; the
// toast region's live regions, labels and timing (WCAG 2.2.1).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { setMessageSource } from '@/lib/i18n/i18n';
import type { PaperdexDB } from '@/lib/store/db';
import type { TabState } from '@/lib/store/tab-state';
import type { RowReason } from '@/lib/core/scrape-rows';
import { parseScrapeResult } from '@/lib/core/scrape-rows';
import { markLabel, pageHeadline, PageStatus, rowReasonText } from '@/components/PageStatus';
import { closeDetailsOnEscape } from '@/components/popover';
import { ExportMenu, savedText } from '@/components/ExportMenu';
import { dismissToast, showToast, ToastRegion } from '@/components/Toast';
import { QueryHelp } from '@/components/QueryHelp';
import { messagesOf } from '../helpers/messages';

const EN = messagesOf('en');
const useLocale = (folder: string, ui: string) => {
  const m = messagesOf(folder);
  setMessageSource((key) => m[key] ?? '', ui);
};

let root: HTMLElement;
beforeEach(() => {
  useLocale('en', 'en-US');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  setMessageSource((key) => EN[key] ?? '', 'en-US');
  vi.useRealTimers();
});

const NO_DB = {} as PaperdexDB;
const state = (s: Partial<TabState>): TabState => ({ url: 'https://arxiv.org/list/cs.LG/new', found: 0, errors: [], updatedAt: 1, ...s });
const summary = (s: Partial<NonNullable<TabState['summary']>>) =>
  ({ papersFound: 0, papersNew: 0, papersUpdated: 0, papersUnchanged: 0, paperIds: [], kind: 'listing', ...s }) as NonNullable<
    TabState['summary']
  >;
const text = (sel: string) => root.querySelector(sel)?.textContent ?? null;
const keyDown = (el: Element, key: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

describe('rejected rows, worded from their codes', () => {
  const reasons: RowReason[] = [
    { row: 31, issue: { type: 'tooMany', field: 'authors', count: 5001, max: 5000 } },
    { row: 12, issue: { type: 'tooLong', field: 'title', max: 200_000 } },
    { row: 3, issue: { type: 'tooLong', field: 'authors', item: 12, max: 1000 } },
    { row: 4, issue: { type: 'missing', field: 'title' } },
    { row: 5, issue: { type: 'blankTitle' } },
    { row: 6, issue: { type: 'other', text: 'url: must be an http(s) URL' } },
    { row: 7, issue: { type: 'tooMany', field: 'ids.foo', count: 3, max: 2 } },
  ];

  it('in English exactly as the popup always said them', () => {
    expect(reasons.map(rowReasonText)).toEqual([
      'row 31: 5,001 authors (at most 5,000)',
      'row 12: title longer than 200,000 characters',
      'row 3: author 12 longer than 1,000 characters',
      'row 4: no title',
      'row 5: blank title',
      'row 6: url: must be an http(s) URL',
      'row 7: 3 ids.foo entries (at most 2)',
    ]);
    // A state written before reasons were codes keeps its sentence.
    expect(rowReasonText('row 2: blank title')).toBe('row 2: blank title');
  });

  it('in German and Japanese, numbers in the user’s locale', () => {
    useLocale('de', 'de-DE');
    expect(rowReasonText(reasons[0])).toBe('Zeile 31: 5.001 Autoren (höchstens 5.000)');
    expect(rowReasonText(reasons[1])).toBe('Zeile 12: Titel länger als 200.000 Zeichen');
    useLocale('ja', 'ja');
    expect(rowReasonText(reasons[4])).toBe('5 行目：タイトルが空です');
  });

  it('the codes come from the schema: too many entries, an over-long list item, a missing title', () => {
    const page = { site: 'arxiv', kind: 'listing', url: 'https://arxiv.org/list/cs.LG/new' };
    const parsed = parseScrapeResult({
      ...page,
      papers: [{ title: 'Fine', authors: ['A'] }, { title: 'Long author', authors: ['A', 'x'.repeat(1001)] }, { authors: ['B'] }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report.reasons.map((r) => r.row)).toEqual([2, 3]);
    expect(parsed.report.reasons[0].issue).toMatchObject({ type: 'tooLong', field: 'authors', item: 2 });
    expect(parsed.report.reasons[1].issue).toEqual({ type: 'missing', field: 'title' });
    // A bad envelope says what is wrong with it; the background words the sentence.
    const bad = parseScrapeResult({ ...page, url: 'javascript:alert(1)', papers: [] });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^url: /) });
  });
});

describe('the page card', () => {
  it('says what the page held, in English exactly as before', () => {
    expect(pageHeadline(null)).toBe('Not captured automatically');
    expect(pageHeadline(state({ summary: summary({ papersFound: 1, papersNew: 1 }) }))).toBe('1 paper captured');
    expect(pageHeadline(state({ summary: summary({ papersFound: 12, authorId: 'a', authorName: 'Maria Lindqvist' }) }))).toBe(
      'Maria Lindqvist — 12 papers captured',
    );
    const rows = { total: 31, captured: 30, skipped: 1, reasons: [] };
    expect(pageHeadline(state({ summary: summary({ papersFound: 30 }), rows }))).toBe('30 of 31 papers captured — 1 skipped');
    expect(pageHeadline(state({ found: 3, skipped: 'Automatic capture is paused.' }))).toBe('3 papers on this page, not captured');
    expect(pageHeadline(state({ unreadable: true }))).toBe('Could not capture this page');
    expect(pageHeadline(state({}))).toBe('Nothing to capture on this page');
    expect(['new', 'updated', 'known'].map((m) => markLabel(m as 'new'))).toEqual(['new', 'updated', 'already known']);
  });

  it('renders a capture as an h2 with its counts, marks and skipped rows', () => {
    const st = state({
      site: 'arxiv',
      kind: 'listing',
      found: 5,
      summary: summary({ papersFound: 5, papersNew: 2, papersUpdated: 1, papersUnchanged: 2 }),
      pagePapers: { papers: [{ id: 'p1', title: 'Paper one', mark: 'new' }], more: 1234 },
      rows: { total: 7, captured: 5, skipped: 2, reasons: [{ row: 6, issue: { type: 'blankTitle' } }] },
    });
    render(<PageStatus db={NO_DB} state={st} />, root);
    const card = root.querySelector('section[aria-label="This page"]')!;
    expect(card).not.toBeNull();
    expect(card.querySelector('h2')!.textContent).toBe('5 of 7 papers captured — 2 skipped');
    expect(text('[data-testid=page-counts]')).toBe('2 new · 1 updated · 2 already in your library');
    expect(text('[data-testid=page-skipped]')).toBe('Skipped: row 6: blank title; and 1 more');
    expect(text('[data-testid=page-papers] .mark')).toBe('new');
    expect(text('[data-testid=page-papers-more]')).toBe('and 1,234 more');
    expect(root.querySelector('[data-testid=page-papers]')!.getAttribute('aria-label')).toBe('Papers on this page');
  });

  it('in German: the same card in German words, with German numbers', () => {
    useLocale('de', 'de-DE');
    const st = state({
      site: 'arxiv',
      kind: 'listing',
      summary: summary({ papersFound: 1200, papersNew: 1200 }),
      rows: { total: 20_001, captured: 20_000, skipped: 0, reasons: [], limit: 20_000 },
    });
    render(<PageStatus db={NO_DB} state={st} />, root);
    expect(root.querySelector('section')!.getAttribute('aria-label')).toBe('Diese Seite');
    expect(text('h2')).toBe('20.000 von 20.001 Papern erfasst');
    expect(text('[data-testid=page-limit]')).toBe('Nur die ersten 20.000 von 20.001 Zeilen erfasst (höchstens 20.000 pro Seite).');
    expect(text('[data-testid=page-counts]')).toBe('1.200 neu · 0 aktualisiert · 0 bereits in Ihrer Bibliothek');
  });

  it('announces the outcome of “Capture this page” once, in a status region that is always there', async () => {
    const onCapture = vi.fn();
    const page = { url: 'https://journals.example-press.org/a/1', title: 'An article' };
    render(<PageStatus db={NO_DB} state={null} page={page} onCapture={onCapture} />, root);
    const live = () => root.querySelector('[data-testid=page-announce]')!;
    expect(live().getAttribute('role')).toBe('status');
    expect(live().textContent).toBe('');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Capture this page')!;
    act(() => button.click());
    expect(onCapture).toHaveBeenCalledOnce();
    const region = live();
    await act(async () => render(<PageStatus db={NO_DB} state={null} page={page} onCapture={onCapture} capturing />, root));
    expect(text('button.capture-btn')).toBe('Capturing…');
    const done = state({ site: 'generic', kind: 'paper', found: 1, onDemand: true, summary: summary({ papersFound: 1, papersNew: 1 }) });
    await act(async () => render(<PageStatus db={NO_DB} state={done} page={page} onCapture={onCapture} />, root));
    expect(live()).toBe(region); // the same element: a live region must exist before it speaks
    expect(live().textContent).toBe('1 paper captured');
    expect(text('h2')).toBe('1 paper captured');
    // A later capture arriving on its own (not asked for) is shown, not announced again.
    const more = { ...done, updatedAt: 2, summary: summary({ papersFound: 2, papersNew: 2 }) };
    await act(async () => render(<PageStatus db={NO_DB} state={more} page={page} onCapture={onCapture} />, root));
    expect(live().textContent).toBe('1 paper captured');
  });
});

describe('<details> menus: Esc closes and returns focus to the button', () => {
  function menu() {
    render(
      <details class="outer" onKeyDown={closeDetailsOnEscape} open>
        <summary>Outer</summary>
        <details class="inner" onKeyDown={closeDetailsOnEscape} open>
          <summary>Inner</summary>
          <button type="button">Item</button>
        </details>
        <input aria-label="field" />
      </details>,
      root,
    );
    return {
      outer: root.querySelector<HTMLDetailsElement>('details.outer')!,
      inner: root.querySelector<HTMLDetailsElement>('details.inner')!,
    };
  }

  it('closes the innermost open one first, focusing its own summary', () => {
    const { outer, inner } = menu();
    const item = root.querySelector('button')!;
    item.focus();
    keyDown(item, 'Escape');
    expect(inner.open).toBe(false);
    expect(outer.open).toBe(true);
    expect(document.activeElement).toBe(inner.querySelector('summary'));
    keyDown(document.activeElement!, 'Escape');
    expect(outer.open).toBe(false);
    expect(document.activeElement).toBe(outer.querySelector(':scope > summary'));
  });

  it('lets Esc through when nothing is open (the search box behind it clears), and ignores other keys', () => {
    const { outer, inner } = menu();
    const input = root.querySelector('input')!;
    keyDown(input, 'Enter');
    expect(outer.open).toBe(true);
    inner.open = false;
    outer.open = false;
    const seen = vi.fn();
    root.addEventListener('keydown', seen);
    keyDown(outer.querySelector('summary')!, 'Escape');
    expect(seen).toHaveBeenCalledOnce();
  });

  it('the search help is such a disclosure, named in the user’s language', () => {
    useLocale('ja', 'ja');
    render(<QueryHelp />, root);
    const summary = root.querySelector('details.query-help > summary')!;
    expect(summary.getAttribute('aria-label')).toBe('検索構文');
    expect(root.querySelector('dd')!.textContent).toBe(messagesOf('ja').help_syntaxWords);
    const details = root.querySelector<HTMLDetailsElement>('details')!;
    details.open = true;
    keyDown(root.querySelector('code')!, 'Escape');
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });
});

describe('export buttons', () => {
  it('keep "Export JSON" at hand and the other formats behind a named disclosure; what was saved is announced', async () => {
    const make = vi.fn(async (format: string) => ({ name: `x.${format}`, text: '{}', mime: 'text/plain', papers: 3, authors: 1 }));
    const saved: string[] = [];
    const orig = URL.createObjectURL;
    URL.createObjectURL = () => {
      saved.push('file');
      return 'blob:x';
    };
    try {
      render(<ExportMenu compact make={make} />, root);
      const group = root.querySelector('[role=group]')!;
      expect(group.getAttribute('aria-label')).toBe('Export');
      const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);
      expect(buttons()).toEqual(['Export JSON', 'BibTeX', 'CSL-JSON', 'CSV']);
      const details = root.querySelector<HTMLDetailsElement>('details.export-more')!;
      expect(details.open).toBe(false);
      expect(details.querySelector('summary')!.textContent).toContain('More formats');
      const status = root.querySelector('[role=status]')!;
      expect(status.textContent).toBe('');
      // A format chosen from the disclosure closes it and focuses its button again.
      details.open = true;
      const bib = [...root.querySelectorAll('button')].find((b) => b.textContent === 'BibTeX')!;
      expect(bib.title).toBe('Export as BibTeX');
      await act(async () => bib.click());
      await act(async () => undefined);
      expect(make).toHaveBeenCalledWith('bibtex', expect.any(Function));
      expect(details.open).toBe(false);
      expect(document.activeElement).toBe(details.querySelector('summary'));
      expect(root.querySelector('[role=status]')).toBe(status);
      expect(status.textContent).toBe('Saved x.bibtex: 3 papers.');
      expect(saved).toHaveLength(1);
    } finally {
      URL.createObjectURL = orig;
    }
  });

  it('say what was saved in each language', () => {
    const file = { name: 'paperdex.json', papers: 1338, authors: 1 };
    expect(savedText(file, 'json')).toBe('Saved paperdex.json: 1,338 papers, 1 author.');
    useLocale('de', 'de-DE');
    expect(savedText(file, 'json')).toBe('paperdex.json gespeichert: 1.338 Paper, 1 Autor.');
    useLocale('zh_CN', 'zh-CN');
    expect(savedText(file, 'csv')).toBe('已保存 paperdex.json：1,338 篇论文。');
  });
});

describe('toasts', () => {
  it('are announced by the region they are added to: messages politely, errors assertively', () => {
    act(() => render(<ToastRegion />, root));
    const region = root.querySelector('[data-testid=toasts]')!;
    expect(region.tagName).toBe('SECTION');
    expect(region.getAttribute('aria-label')).toBe('Notifications');
    const [alerts, status] = [region.querySelector('[role=alert]')!, region.querySelector('[role=status]')!];
    expect(alerts).not.toBeNull();
    expect(status).not.toBeNull();
    let a = 0;
    let b = 0;
    act(() => {
      a = showToast({ text: 'Saved a.json.' });
      b = showToast({ text: 'Export failed: disk full', kind: 'error' });
    });
    expect(status.querySelector('.toast-text')!.textContent).toBe('Saved a.json.');
    expect(alerts.querySelector('.toast-text')!.textContent).toBe('Export failed: disk full');
    // No toast carries a role of its own (it would be announced twice).
    expect(region.querySelectorAll('.toast[role]')).toHaveLength(0);
    expect(region.querySelector('.toast-close')!.getAttribute('aria-label')).toBe('Dismiss');
    act(() => {
      dismissToast(a);
      dismissToast(b);
    });
  });

  it('with an action, stay at least 10 s (longer while hovered or focused); Esc dismisses', () => {
    vi.useFakeTimers();
    act(() => render(<ToastRegion />, root));
    act(() => void showToast({ text: 'Deleted collection “X”.', action: { label: 'Undo', run: () => undefined } }));
    const toast = () => root.querySelector('.toast');
    act(() => void vi.advanceTimersByTime(10_000));
    expect(toast(), 'still there after 10 s').not.toBeNull();
    act(() => void toast()!.dispatchEvent(new MouseEvent('mouseenter')));
    act(() => void vi.advanceTimersByTime(60_000));
    expect(toast(), 'kept while hovered').not.toBeNull();
    act(() => void toast()!.dispatchEvent(new MouseEvent('mouseleave')));
    act(() => void vi.advanceTimersByTime(14_000));
    expect(toast(), 'the full time again after the pointer left').not.toBeNull();
    keyDown(toast()!.querySelector('.toast-action')!, 'Escape');
    expect(toast()).toBeNull();
  });

  it('word a failed action in the user’s language', async () => {
    useLocale('de', 'de-DE');
    act(() => render(<ToastRegion />, root));
    act(
      () =>
        void showToast({
          text: 'x',
          action: {
            label: 'Rückgängig',
            run: () => {
              throw new Error('weg');
            },
          },
        }),
    );
    await act(async () => (root.querySelector('.toast-action') as HTMLButtonElement).click());
    expect(root.querySelector('[role=alert] .toast-text')!.textContent).toBe('„Rückgängig“ fehlgeschlagen: weg');
    expect(root.querySelector('.toast-close')!.getAttribute('aria-label')).toBe('Schließen');
    act(() => root.querySelectorAll<HTMLButtonElement>('.toast-close').forEach((b) => b.click()));
  });
});
