// @vitest-environment happy-dom
// The copy actions as a user meets them: the menu items put the exact text on the clipboard and say
// so in a polite live region that clears itself; a refused clipboard gives a clear message; the
// shortcuts copy the selected result only from its own search box; Copy all copies every entry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { PaperRecord } from '@/lib/core/types';
import { CopyActions, CopyAllBibtex } from '@/components/CopyActions';
import { ResultList } from '@/components/ResultList';
import { COPY_SHORTCUTS, matchCopyShortcut, shortcutKeys } from '@/components/copy-shortcuts';

const record = (p: Partial<PaperRecord> & Pick<PaperRecord, 'id' | 'title'>): PaperRecord =>
  ({
    authors: [],
    sources: [],
    citationHistory: [],
    idKeys: [],
    titleKey: '',
    authorIds: [],
    collectionIds: [],
    ids: {},
    ...p,
  }) as PaperRecord;

const LECUN = record({
  id: 'p-lecun',
  title: 'Deep learning',
  authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
  year: 2015,
  venue: 'Nature 521 (7553), 436-444',
  ids: { doi: '10.1038/nature14539' },
});
const KINGMA = record({
  id: 'p-adam',
  title: 'Adam: A Method for Stochastic Optimization',
  authors: ['Diederik P. Kingma', 'Jimmy Ba'],
  year: 2014,
  venue: 'arXiv preprint arXiv:1412.6980',
  ids: { arxiv: '1412.6980' },
});

let root: HTMLElement;
let clipboard: { text?: string; html?: string; refuse?: string };

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  clipboard = {};
  const blobText = (b: Blob) => b.text();
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (t: string) => {
        if (clipboard.refuse) throw new DOMException(clipboard.refuse, 'NotAllowedError');
        clipboard.text = t;
        clipboard.html = undefined;
      },
      write: async (items: ClipboardItem[]) => {
        if (clipboard.refuse) throw new DOMException(clipboard.refuse, 'NotAllowedError');
        clipboard.text = await blobText(await items[0].getType('text/plain'));
        clipboard.html = await blobText(await items[0].getType('text/html'));
      },
    },
  });
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name))!;
const status = () => root.querySelector('[role=status]')!;
const until = async (f: () => boolean) => {
  for (let i = 0; i < 50 && !f(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  expect(f()).toBe(true);
};

describe('CopyActions', () => {
  it('Copy BibTeX puts the entry on the clipboard and confirms in a polite live region', async () => {
    render(<CopyActions paper={LECUN} />, root);
    expect(status().getAttribute('aria-live')).toBe('polite');
    await act(() => button('Copy BibTeX').click());
    await until(() => status().textContent === 'Copied BibTeX');
    expect(clipboard.text).toBe(
      '@article{lecun2015deep,\n  title = {Deep learning},\n  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},\n' +
        '  year = {2015},\n  journal = {Nature 521 (7553), 436-444},\n  doi = {10.1038/nature14539}\n}\n',
    );
  });

  it('Copy citation writes text/plain and text/html (with italics)', async () => {
    render(<CopyActions paper={LECUN} />, root);
    await act(() => button('Copy citation').click());
    await until(() => status().textContent === 'Copied citation (APA)');
    expect(clipboard.text).toBe(
      'LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444. https://doi.org/10.1038/nature14539',
    );
    expect(clipboard.html).toBe(
      'LeCun, Y., Bengio, Y., &amp; Hinton, G. (2015). Deep learning. <i>Nature</i>, <i>521</i>(7553), 436–444. https://doi.org/10.1038/nature14539',
    );
  });

  it('the confirmation dismisses itself', async () => {
    vi.useFakeTimers();
    render(<CopyActions paper={LECUN} />, root);
    await act(async () => {
      button('Copy Markdown link').click();
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(status().textContent).toBe('Copied Markdown link');
    expect(clipboard.text).toBe('[Deep learning](https://doi.org/10.1038/nature14539)');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });
    expect(status().textContent).toBe('');
  });

  it('a refused clipboard gives a clear message and copies nothing', async () => {
    clipboard.refuse = 'Write permission denied.';
    render(<CopyActions paper={LECUN} />, root);
    await act(() => button('Copy BibTeX').click());
    await until(() => !!status().textContent);
    expect(status().textContent).toBe(
      "Couldn't copy BibTeX: the browser refused access to the clipboard (Write permission denied.). Click in this window and try again.",
    );
    expect(status().className).toContain('error');
    expect(clipboard.text).toBeUndefined();
  });

  it('each item shows its shortcut', () => {
    render(<CopyActions paper={LECUN} />, root);
    expect(button('Copy BibTeX').querySelector('kbd')!.textContent).toBe(shortcutKeys(COPY_SHORTCUTS[0]));
  });
});

describe('CopyAllBibtex', () => {
  it('copies every entry of the list in its order and says how many', async () => {
    render(<CopyAllBibtex papers={[KINGMA, LECUN]} />, root);
    await act(() => button('Copy all as BibTeX').click());
    await until(() => status().textContent === 'Copied 2 BibTeX entries');
    expect(clipboard.text).toBe(
      '@misc{kingma2014adam,\n  title = {Adam: A Method for Stochastic Optimization},\n  author = {Kingma, Diederik P. and Ba, Jimmy},\n' +
        '  year = {2014},\n  eprint = {1412.6980},\n  archivePrefix = {arXiv}\n}\n' +
        '\n' +
        '@article{lecun2015deep,\n  title = {Deep learning},\n  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},\n' +
        '  year = {2015},\n  journal = {Nature 521 (7553), 436-444},\n  doi = {10.1038/nature14539}\n}\n',
    );
  });

  it('is disabled for an empty list', () => {
    render(<CopyAllBibtex papers={[]} />, root);
    expect(button('Copy all as BibTeX').disabled).toBe(true);
  });
});

describe('copy shortcuts', () => {
  const key = (k: Partial<KeyboardEvent>) => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...k });

  it('Alt+Shift+letter elsewhere, Control+Shift+letter on macOS; nothing else', () => {
    expect(matchCopyShortcut(key({ key: 'X', code: 'KeyX', altKey: true, shiftKey: true }), false)).toBe('bibtex');
    expect(matchCopyShortcut(key({ key: 'M', code: 'KeyM', altKey: true, shiftKey: true }), false)).toBe('markdown');
    expect(matchCopyShortcut(key({ key: 'C', code: 'KeyC', altKey: true, shiftKey: true }), false)).toBe('citation');
    expect(matchCopyShortcut(key({ key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true }), true)).toBe('citation');
    // Not: Ctrl+Shift+C elsewhere (DevTools), Alt+Shift+C on macOS (types Ç), Ctrl+Alt (AltGr), plain letters.
    expect(matchCopyShortcut(key({ key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(matchCopyShortcut(key({ key: 'Ç', code: 'KeyC', altKey: true, shiftKey: true }), true)).toBeUndefined();
    expect(matchCopyShortcut(key({ key: 'C', code: 'KeyC', altKey: true, ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(matchCopyShortcut(key({ key: 'c', code: 'KeyC' }), false)).toBeUndefined();
    expect(matchCopyShortcut(key({ key: 'B', code: 'KeyB', altKey: true, shiftKey: true }), false)).toBeUndefined();
  });

  it('the physical key on a non-Latin layout, the typed letter on a Latin one', () => {
    // Russian layout: the C key types "С" (Cyrillic).
    expect(matchCopyShortcut(key({ key: 'С', code: 'KeyC', altKey: true, shiftKey: true }), false)).toBe('citation');
    // AZERTY: the key typing "M" sits where QWERTY has ";".
    expect(matchCopyShortcut(key({ key: 'M', code: 'Semicolon', altKey: true, shiftKey: true }), false)).toBe('markdown');
    expect(matchCopyShortcut(key({ key: ',', code: 'KeyM', altKey: true, shiftKey: true }), false)).toBeUndefined();
  });

  it('copy the selected result from its search box, not from another input', async () => {
    const hits = [KINGMA, LECUN].map((p) => ({ id: p.id, terms: [], paper: p }));
    render(
      <>
        <input aria-label="Search" aria-controls="results" />
        <input aria-label="Other" />
        <ResultList hits={hits} active={1} />
      </>,
      root,
    );
    const mac = /Mac/.test(navigator.platform);
    const press = (el: Element, letter: string) =>
      el.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: letter,
          code: `Key${letter}`,
          shiftKey: true,
          altKey: !mac,
          ctrlKey: mac,
          bubbles: true,
          cancelable: true,
        }),
      );
    const other = root.querySelector('[aria-label=Other]')!;
    await act(() => void press(other, 'M'));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(clipboard.text).toBeUndefined();

    const box = root.querySelector('[aria-label=Search]')!;
    await act(() => void press(box, 'M'));
    const toast = () => root.querySelector('.copy-toast')!;
    await until(() => toast().textContent === 'Copied Markdown link');
    expect(clipboard.text).toBe('[Deep learning](https://doi.org/10.1038/nature14539)');
    expect(toast().getAttribute('aria-live')).toBe('polite');
  });
});
