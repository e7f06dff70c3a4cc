// Issue 14, "your own layer on every paper", as a scenario of the shared Driver (./scenarios.ts), so
// the same steps run in Chromium and Firefox (./user-layer.e2e.ts): a captured paper is starred,
// given a reading status, a tag and a note in the popup, found by `is:starred tag:"…"` and by a note
// word in the side panel, exported (Paperdex JSON, BibTeX), wiped, imported and found again.
import { expect } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fixturesDir } from '../helpers/dom';
import { chooseFile, clickButton, exportedText, resultTexts, typeInto, waitIn, type Driver, type ExtPage } from './scenarios';

/** A fixture arXiv paper page at its real URL: the paper the user stars, tags and annotates. */
export const LAYER_PAGE = {
  url: 'https://arxiv.org/abs/2301.01234v2',
  file: 'arxiv/abs-2301.01234v2.html',
  title: 'Contrastive Pretraining for Tabular Anomaly Detection',
  tag: 'reading group',
  // Two lines; "shuffling" is in no other field of the paper (its abstract is about feature-subset views).
  note: 'Compare with the row-shuffling baseline.\nCheck Lemma 2 before the reading group.',
} as const;

/** The query that must find the paper once it is starred and tagged. */
export const LAYER_QUERY = `is:starred tag:"${LAYER_PAGE.tag}"`;

/**
 * A result row as the scenario reads it: the option of `title` and, beside it outside the listbox,
 * its actions (Star, ⋯ menu; components/ResultList.tsx), queried together.
 */
interface ResultRow {
  textContent: string | null;
  querySelector(s: string): Element | null;
  querySelectorAll(s: string): Element[];
}
type RowFinder = { __row: (title: string) => ResultRow | undefined };

/** Install `window.__row(title)` in the page (see {@link ResultRow}). */
async function installRowFinder(page: ExtPage): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as RowFinder).__row = (t: string) => {
      const o = [...document.querySelectorAll('[role=listbox] [role=option]')].find((r) => r.textContent?.includes(t));
      if (!o) return undefined;
      const i = [...o.parentElement!.children].indexOf(o);
      const cells = [o, o.closest('.result-grid')?.querySelector(`.row-actions[data-row="${i}"]`)].filter((c): c is Element => !!c);
      return {
        textContent: o.textContent,
        querySelector: (q: string) => cells.map((c) => c.querySelector(q)).find((x) => !!x) ?? null,
        querySelectorAll: (q: string) => cells.flatMap((c) => [...c.querySelectorAll(q)]),
      };
    };
  }, null);
}

/** Type a query into the search box and wait for the result row of `title`. */
export async function showResult(page: ExtPage, query: string, title: string): Promise<void> {
  await installRowFinder(page);
  await typeInto(page, 'Search your papers', query);
  await waitIn(page, (t) => !!(window as unknown as RowFinder).__row(t as string), title);
}

/** Open the ⋯ menu of the result row of `title` (its Star, status, tags and note are in it). */
export async function openPaperMenu(page: ExtPage, title: string): Promise<void> {
  await page.evaluate((t) => {
    const row = (window as unknown as RowFinder).__row(t as string)!;
    const d = row.querySelector('details.paper-actions') as HTMLDetailsElement;
    if (!d.open) (d.querySelector('summary') as HTMLElement).click();
  }, title);
  await waitIn(
    page,
    (t) => {
      const row = (window as unknown as RowFinder).__row(t as string);
      return !!row?.querySelector('details.paper-actions[open] textarea[aria-label="Note"]');
    },
    title,
  );
}

/** What the row of `title` shows of the layer: the Star button's state, status, tags, note, marks. */
function layerShown(page: ExtPage, title: string) {
  return page.evaluate((t) => {
    const row = (window as unknown as RowFinder).__row(t as string);
    if (!row) return null;
    const star = row.querySelector('button[aria-label^="Star “"]');
    return {
      pressed: star?.getAttribute('aria-pressed') ?? null,
      status: (row.querySelector('select[aria-label="Reading status"]') as HTMLSelectElement | null)?.value ?? null,
      tags: [...row.querySelectorAll('.tag-list .tag-name')].map((x) => x.textContent),
      note: (row.querySelector('textarea[aria-label="Note"]') as HTMLTextAreaElement | null)?.value ?? null,
      starMark: !!row.querySelector('.result [aria-label="Starred"]'),
      marks: [...row.querySelectorAll('.user-marks > *')].map((x) => x.textContent?.trim()),
    };
  }, title);
}

/**
 * Issue 14, "your own layer": capture a paper page; in the popup star it, set its reading status,
 * a tag and a note; in the side panel `is:starred tag:"…"` finds it (and a note word too); the
 * Paperdex JSON and BibTeX exports carry the fields; after "Delete all data" and importing the
 * JSON back, the same searches find it with its star, status, tag and note.
 */
export async function userLayer(d: Driver): Promise<void> {
  const { url, title, tag, note } = LAYER_PAGE;
  d.serve([{ url, body: readFileSync(join(fixturesDir, LAYER_PAGE.file), 'utf8') }]);
  const tab = await d.open(url);
  expect((await d.waitForCapture(tab.tabId, (x) => !!x.summary)).summary!.papersFound).toBe(1);
  await tab.close();

  // The popup: star, status, tag (Enter adds it), note (saved when the field is left).
  const popup = await d.extPage('popup.html', { width: 400, height: 600 });
  await showResult(popup, 'tabular anomaly', title);
  expect(await layerShown(popup, title)).toMatchObject({ pressed: 'false', starMark: false, marks: [] });
  await popup.evaluate((t) => {
    const row = (window as unknown as RowFinder).__row(t as string)!;
    (row.querySelector(':scope > button[aria-label^="Star “"]') as HTMLButtonElement).click();
  }, title);
  await waitIn(
    popup,
    (t) => {
      const row = (window as unknown as RowFinder).__row(t as string);
      return row?.querySelector('button[aria-label^="Star “"]')?.getAttribute('aria-pressed') === 'true';
    },
    title,
  );
  await openPaperMenu(popup, title);
  await popup.evaluate(
    ([t, tagText, noteText]) => {
      const row = (window as unknown as RowFinder).__row(t as string)!;
      const select = row.querySelector('select[aria-label="Reading status"]') as HTMLSelectElement;
      select.value = 'toread';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const input = row.querySelector('input[aria-label="Add a tag"]') as HTMLInputElement;
      input.focus();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, tagText);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      const area = row.querySelector('textarea[aria-label="Note"]') as HTMLTextAreaElement;
      area.focus();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(area, noteText);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.blur();
    },
    [title, tag, note] as const,
  );
  await waitIn(
    popup,
    (t) => {
      const row = (window as unknown as RowFinder).__row(t as string);
      return !!(row?.querySelector('.user-note label')?.textContent?.includes('saved') && row.querySelector('.tag-list .tag-name'));
    },
    title,
  );
  // The row shows the layer as the user left it (the search re-runs once the index has the edit).
  await waitIn(
    popup,
    (t) => {
      const row = (window as unknown as RowFinder).__row(t as string);
      return !!(row?.querySelector('.result [aria-label="Starred"]') && row.querySelector('.user-marks .tag-mark'));
    },
    title,
  );
  expect(await layerShown(popup, title)).toEqual({
    pressed: 'true',
    status: 'toread',
    tags: [tag],
    note,
    starMark: true,
    marks: ['To read', tag, '✎ note'],
  });
  await popup.close();

  // The side panel finds it by the layer, and by a word of the note.
  const panel = await d.extPage('sidepanel.html', { width: 420, height: 900 });
  await showResult(panel, LAYER_QUERY, title);
  expect(await resultTexts(panel)).toHaveLength(1);
  await showResult(panel, 'shuffling', title);
  await typeInto(panel, 'Search your papers', 'is:starred tag:"not a tag of it"');
  await waitIn(panel, () => document.querySelector('.empty')?.textContent?.startsWith('No papers match'));

  // The files: Paperdex JSON (every field) and BibTeX (tags in keywords, the note as annote).
  const json = await exportedText(panel, 'Export JSON');
  const data = JSON.parse(json);
  const exported = data.papers.find((p: { title: string }) => p.title === title);
  expect(exported).toMatchObject({ starred: true, status: 'toread', tags: [tag], note });
  expect(Date.parse(exported.userUpdatedAt)).toBeGreaterThan(Date.parse(data.exportedAt) - 600_000);
  await clickButton(panel, 'Collections');
  const bib = await exportedText(panel, 'BibTeX');
  const entry = bib.split('\n@').find((e) => e.includes('Contrastive Pretraining'))!;
  expect(entry).toContain(`  keywords = {${tag}},\n`);
  expect(entry).toContain('  annote = {Compare with the row-shuffling baseline. Check Lemma 2 before the reading group.}');

  // Delete all data, then import the JSON back.
  await clickButton(panel, 'Settings');
  await clickButton(panel, 'Delete all Paperdex data');
  await clickButton(panel, 'Delete all data');
  await waitIn(panel, () => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent?.startsWith('Deleted')));
  await clickButton(panel, 'Papers');
  await typeInto(panel, 'Search your papers', LAYER_QUERY);
  await waitIn(panel, () => document.querySelector('.empty')?.textContent?.startsWith('No papers match'));
  await clickButton(panel, 'Collections');
  await waitIn(panel, () => !!document.querySelector('input[type=file][aria-label="Choose a file to import"]'));
  await chooseFile(panel, 'Choose a file to import', 'paperdex-all-papers.json', json);
  await clickButton(panel, 'Import');
  await waitIn(panel, () => document.querySelector('.import-result')?.textContent?.startsWith('Imported'), null, 30_000);

  await clickButton(panel, 'Papers');
  await showResult(panel, LAYER_QUERY, title);
  expect(await resultTexts(panel)).toHaveLength(1);
  await openPaperMenu(panel, title);
  expect(await layerShown(panel, title)).toEqual({
    pressed: 'true',
    status: 'toread',
    tags: [tag],
    note,
    starMark: true,
    marks: ['To read', tag, '✎ note'],
  });
  await showResult(panel, 'has:note shuffling', title);
  await panel.close();
}
