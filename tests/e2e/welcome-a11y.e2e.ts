// Issue 17: the welcome page in its four languages, and the theme at 200 % zoom and in Windows high
// contrast. The welcome page in English, German, Japanese and Simplified Chinese (the browser's UI
// language, `launch({ locale })`): the page says which language it is in (`<html lang>`, set from the
// messages shown), its title and h1 are that language's, it has one main landmark, one h1 and an h2
// per section, axe finds nothing serious or critical in light and dark at 1100 and 400 px, and it
// reflows without a horizontal scrollbar at 200 px (400 px at 200 % zoom) and keeps all text with
// WCAG 1.4.12's text spacing. The popup (400 px wide, so 200 CSS px at 200 % zoom) and the side panel
// (320–400 px, so 160–200) with a captured profile and a search: no horizontal overflow in any tab,
// light or dark, and no colour-contrast finding of axe at those widths (the rest of axe's rules run
// in a11y.e2e.ts). Screenshots of each (`welcome-<locale>-<width>-<theme>`, `zoom-…`, `forced-…`,
// forced colours) go to tests/e2e/screenshots/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers/dom';
import { messagesOf } from '../helpers/messages';
import { blocking, formatViolations, runAxe, settle } from './axe';
import { launch, read, shot, type Session } from './harness';

const THEMES = ['light', 'dark'] as const;
/** Browser UI language → the messages folder it shows. */
const LOCALES = { en: 'en', de: 'de', ja: 'ja', 'zh-CN': 'zh_CN' } as const;

/** WCAG 1.4.12: line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em, word spacing 0.16 em. */
const TEXT_SPACING =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/**
 * What sticks out to the right of the viewport (and is not inside an element that scrolls
 * sideways on purpose, like the compare table): one line per element, at most 10.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const inScroller = (el: Element) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const out: string[] = [];
    if (document.documentElement.scrollWidth > vw)
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw} px`);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) continue;
      if (r.right > vw + 1 && !inScroller(el))
        out.push(
          `<${el.tagName.toLowerCase()} class="${el.className}"> ends at ${Math.round(r.right)} px: "${(el.textContent ?? '').trim().slice(0, 40)}"`,
        );
    }
    return out.slice(0, 10);
  });
}

/** Text cut off by its box (overflow hidden and more content than room), ellipses and line clamps aside. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const cs = getComputedStyle(el);
      if (!/hidden|clip/.test(cs.overflowX + cs.overflowY) || !el.textContent?.trim() || el.closest('.visually-hidden')) continue;
      if (cs.textOverflow === 'ellipsis' || cs.webkitLineClamp !== 'none') continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        out.push(
          `<${el.tagName.toLowerCase()} class="${el.className}">: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        );
    }
    return out.slice(0, 10);
  });
}

/** axe's colour findings (contrast of text, and links told apart from text by colour alone). */
async function colourFindings(page: Page, view: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of THEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await settle(page);
    const vs = (await runAxe(page)).filter((v) => v.id === 'color-contrast' || v.id === 'link-in-text-block');
    if (vs.length) out.push(formatViolations(`${view}-${scheme}`, vs));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

describe.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])('the welcome page in %s (issue 17)', (locale) => {
  const messages = messagesOf(LOCALES[locale]);
  let s: Session | undefined;
  afterAll(async () => s?.close());

  it('is in that language, has its landmarks and headings, is axe-clean light and dark, and reflows at 200 px', async () => {
    s = await launch({ keepWelcome: true, ...(locale === 'en' ? {} : { locale }) });
    const w = s.welcome!;
    await expect.poll(() => w.getByRole('heading', { level: 1 }).allTextContents()).toEqual([messages.welcome_title]);
    expect(await w.evaluate(() => document.documentElement.lang)).toBe(messages.meta_locale);
    expect(await w.title()).toBe(messages.welcome_title);
    expect(await w.getByRole('main').count()).toBe(1);
    // Each section is named by its h2.
    const sections = await w
      .locator('main > section')
      .evaluateAll((els) => els.map((e) => e.querySelector(':scope > h2')?.id === e.getAttribute('aria-labelledby')));
    expect(sections.length).toBeGreaterThanOrEqual(5);
    expect(sections.every(Boolean)).toBe(true);
    expect(await w.getByRole('heading', { level: 2 }).allTextContents()).toContain(messages.welcome_privateHeading);

    const failures: string[] = [];
    for (const width of [1100, 400, 200]) {
      const p = await s.extPage('welcome.html', { width, height: 900 });
      await p.getByTestId('capture-shortcut').waitFor();
      for (const scheme of THEMES) {
        await p.emulateMedia({ colorScheme: scheme });
        await settle(p);
        if (width !== 200) {
          const bad = blocking(await runAxe(p));
          if (bad.length) failures.push(formatViolations(`welcome-${locale}-${width}-${scheme}`, bad));
        }
        const over = await overflowing(p);
        if (over.length) failures.push(`welcome-${locale}-${width}-${scheme} is wider than the window:\n${over.join('\n')}`);
        await shot(p, `welcome-${locale}-${width}-${scheme}`);
      }
      if (width === 400) {
        await p.emulateMedia({ colorScheme: 'light' });
        await p.addStyleTag({ content: TEXT_SPACING });
        const cut = await clipped(p);
        if (cut.length) failures.push(`welcome-${locale}-400 cuts text with WCAG text spacing:\n${cut.join('\n')}`);
      }
      await p.close();
    }
    const hc = await s.extPage('welcome.html', { width: 1100, height: 900, forcedColors: 'active' });
    await hc.getByTestId('capture-shortcut').waitFor();
    await shot(hc, `forced-welcome-${locale}-1100`);
    await hc.close();
    expect(failures.join('\n\n')).toBe('');
  });
});

describe('popup and side panel at 200 % zoom and in forced colours (issue 17)', () => {
  let s: Session;
  let tabId: number;
  beforeAll(async () => {
    s = await launch();
    const exp = JSON.parse(read(join(fixturesDir, 'google-scholar/profile-coauthors.expected.json'))) as { url: string };
    s.serve([{ url: exp.url, body: read(join(fixturesDir, 'google-scholar/profile-coauthors.html')) }]);
    const tab = await s.open(exp.url);
    tabId = await s.tabIdOf(tab);
    await s.waitForCapture(tabId, (x) => !!x.summary);
  });
  afterAll(async () => s?.close());

  it('the popup reflows at 200 px: its page card and a search, light and dark', async () => {
    const failures: string[] = [];
    const p = await s.extPage(`popup.html?tabId=${tabId}`, { width: 200, height: 600 });
    await p.getByTestId('page-headline').waitFor();
    const check = async (view: string) => {
      failures.push(...(await colourFindings(p, view)));
      for (const scheme of THEMES) {
        await p.emulateMedia({ colorScheme: scheme });
        const over = await overflowing(p);
        if (over.length) failures.push(`${view}-${scheme} is wider than the window:\n${over.join('\n')}`);
        await shot(p, `zoom-${view}-${scheme}`);
      }
      await p.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
      await shot(p, `forced-${view}`);
      await p.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    };
    await check('popup-page-200');
    await p.getByRole('combobox').or(p.getByRole('searchbox')).first().fill('learning');
    // Results are in: search terms are marked in them.
    await p.locator('mark').first().waitFor();
    await p.keyboard.press('ArrowDown');
    await check('popup-search-200');
    await p.close();
    expect(failures.join('\n\n')).toBe('');
  });

  it('the side panel reflows at 200 and 160 px in every tab, light and dark', async () => {
    const failures: string[] = [];
    for (const width of [200, 160]) {
      const p = await s.extPage('sidepanel.html', { width, height: 900 });
      const tabs = p.getByRole('tab');
      await tabs.first().waitFor();
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await settle(p);
        const view = `panel-tab${i}-${width}`;
        if (width === 200) failures.push(...(await colourFindings(p, view)));
        for (const scheme of THEMES) {
          await p.emulateMedia({ colorScheme: scheme });
          const over = await overflowing(p);
          if (over.length) failures.push(`${view}-${scheme} is wider than the window:\n${over.join('\n')}`);
          await shot(p, `zoom-${view}-${scheme}`);
        }
        if (width === 200) {
          await p.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
          await shot(p, `forced-${view}`);
          await p.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
        }
      }
      await p.close();
    }
    expect(failures.join('\n\n')).toBe('');
  });
});
