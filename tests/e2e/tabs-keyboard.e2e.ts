// Issue 17: the side panel's view switcher is a WAI-ARIA tabs pattern, used with the keyboard only.
// Only the selected tab is in the Tab order (roving tabindex); ←/→ move focus and selection together
// (automatic activation) and wrap around, Home and End go to the first and last tab; every tab
// controls the one tab panel, which is labelled by the selected tab and shows that tab's view; Tab
// from the tab list goes into the panel and Shift+Tab comes back to the selected tab. And every view
// of the side panel has exactly one main landmark and exactly one h1 (a visually hidden one with the
// view's name; the author page's own h1 is the author's name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { fixturesDir } from '../helpers/dom';
import { captureAll, launch, read, shot, type Session } from './harness';

/** A fixture page at the URL it was saved from, and the author a person read off it. */
function fixture(name: string) {
  const exp = JSON.parse(read(join(fixturesDir, `${name}.expected.json`))) as { url: string; result: { author?: { name: string } } };
  return { url: exp.url, body: read(join(fixturesDir, `${name}.html`)), author: exp.result.author?.name };
}

const PROFILES = [fixture('google-scholar/profile-coauthors'), fixture('google-scholar/profile-de')];
const [MARIA, LENA] = PROFILES.map((p) => p.author!);

describe('side panel tabs with the keyboard (issue 17)', () => {
  let s: Session;
  let panel: Page;

  beforeAll(async () => {
    s = await launch();
    await captureAll(s, PROFILES);
    panel = await s.extPage('sidepanel.html', { width: 400, height: 900 });
    await panel.getByRole('tab', { name: /^Papers [1-9]/ }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  const tabs = () => panel.getByRole('tablist').getByRole('tab');
  const tab = (name: string) => panel.getByRole('tab', { name: new RegExp(`^${name}`) });
  const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
  const tabpanel = () => panel.getByRole('tabpanel');

  /** The tab that has focus is `name`, it alone is selected and in the Tab order, and the panel shows it. */
  async function expectOn(name: string, shows: () => Locator): Promise<void> {
    const t = tab(name);
    await expect.poll(() => t.getAttribute('aria-selected'), { message: `${name} selected` }).toBe('true');
    expect(await focused(t), `${name} has focus`).toBe(true);
    const states = await tabs().evaluateAll((ts) => ts.map((x) => [x.getAttribute('aria-selected'), (x as HTMLElement).tabIndex]));
    expect(
      states.filter(([sel]) => sel === 'true'),
      'one tab selected',
    ).toHaveLength(1);
    for (const [sel, index] of states) expect(index, 'roving tabindex').toBe(sel === 'true' ? 0 : -1);
    const id = await t.getAttribute('id');
    expect(id).toBeTruthy();
    expect(await t.getAttribute('aria-controls')).toBe(await tabpanel().getAttribute('id'));
    expect(await tabpanel().getAttribute('aria-labelledby'), `the panel is labelled by ${name}`).toBe(id);
    await shows().first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(
      await shows()
        .first()
        .evaluate((el) => !!el.closest('[role=tabpanel]')),
      `${name}'s view is in the panel`,
    ).toBe(true);
  }

  const views = {
    Papers: () => panel.getByLabel('Search your papers'),
    Authors: () => panel.getByRole('button', { name: LENA, exact: true }),
    Collections: () => panel.getByRole('button', { name: 'Create collection' }),
    Settings: () => panel.getByRole('region', { name: 'Settings' }),
  };

  it('the selected tab is the one Tab stop of the tab list; arrows, Home and End move focus and selection', async () => {
    // The search box has focus on open; Shift+Tab reaches the selected tab (Papers), and the next
    // Shift+Tab leaves the tab list (the other tabs are not Tab stops) for the header's button.
    await views.Papers().first().focus();
    await panel.keyboard.press('Shift+Tab');
    await expectOn('Papers', views.Papers);
    expect(await tabs().count()).toBe(4);
    await panel.keyboard.press('Shift+Tab');
    expect(await panel.evaluate(() => document.activeElement?.closest('header') !== null), 'one Tab stop in the tab list').toBe(true);
    await panel.keyboard.press('Tab');
    await expectOn('Papers', views.Papers);

    await panel.keyboard.press('ArrowRight');
    await expectOn('Authors', views.Authors);
    await panel.keyboard.press('ArrowRight');
    await expectOn('Collections', views.Collections);
    await panel.keyboard.press('ArrowRight');
    await expectOn('Settings', views.Settings);
    // The gear tab keeps its name.
    expect(await panel.getByRole('tab', { name: 'Settings', exact: true }).count()).toBe(1);
    // Wraps: the last tab → the first, and back.
    await panel.keyboard.press('ArrowRight');
    await expectOn('Papers', views.Papers);
    await panel.keyboard.press('ArrowLeft');
    await expectOn('Settings', views.Settings);
    await panel.keyboard.press('Home');
    await expectOn('Papers', views.Papers);
    await panel.keyboard.press('End');
    await expectOn('Settings', views.Settings);
    await panel.keyboard.press('ArrowLeft');
    await expectOn('Collections', views.Collections);
    await shot(panel, 'tabs-keyboard-collections-400-light');

    // Tab leaves the tab list into the panel; Shift+Tab comes back to the selected tab.
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => !!document.activeElement?.closest('[role=tabpanel]')), 'Tab goes into the panel').toBe(true);
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
    await panel.keyboard.press('Shift+Tab');
    await expectOn('Collections', views.Collections);

    // Papers: Tab lands in the search box, and typing there does not switch tabs.
    await panel.keyboard.press('Home');
    await expectOn('Papers', views.Papers);
    await panel.keyboard.press('Tab');
    expect(await focused(views.Papers())).toBe(true);
    await panel.keyboard.press('ArrowRight');
    expect(await tab('Papers').getAttribute('aria-selected'), 'arrows in the search box are its own').toBe('true');
  });

  it('with a Compare tab, the arrows go through it too (five tabs)', async () => {
    for (const who of [MARIA, LENA]) {
      await tab('Authors').click();
      await panel.getByRole('button', { name: who, exact: true }).click();
      await panel.getByRole('heading', { level: 1, name: who }).waitFor();
      await panel.getByRole('button', { name: /^Compare with others/ }).click();
    }
    await expect.poll(() => tab('Compare').getAttribute('aria-selected')).toBe('true');
    expect(await tabs().count()).toBe(5);
    await tab('Compare').focus();
    await panel.keyboard.press('ArrowRight');
    await expectOn('Settings', views.Settings);
    await panel.keyboard.press('ArrowLeft');
    await expectOn('Compare', () => panel.getByRole('columnheader', { name: new RegExp(LENA) }));
    await panel.keyboard.press('ArrowLeft');
    await expectOn('Collections', views.Collections);
  });

  it('every view has exactly one main landmark and one h1', async () => {
    const count = () =>
      panel.evaluate(() => ({
        main: document.querySelectorAll('main, [role=main]').length,
        h1: [...document.querySelectorAll('h1, [role=heading][aria-level="1"]')].map((h) => h.textContent?.trim()),
      }));
    const want = { Papers: 'Papers', Authors: 'Authors', Collections: 'Collections', Compare: 'Compare', Settings: 'Settings' } as const;
    for (const [name, h1] of Object.entries(want)) {
      await tab(name).click();
      await expect.poll(() => tab(name).getAttribute('aria-selected')).toBe('true');
      const c = await count();
      expect(c.main, `${name}: one main`).toBe(1);
      expect(c.h1, `${name}: one h1`).toEqual([h1]);
    }
    // The author page: its h1 is the author's name (and the panel adds none).
    await tab('Authors').click();
    await panel.getByRole('button', { name: MARIA, exact: true }).click();
    await panel.getByRole('heading', { level: 1, name: MARIA }).waitFor();
    const c = await count();
    expect(c.main).toBe(1);
    expect(c.h1).toEqual([MARIA]);
    expect(await panel.getByRole('banner').count(), 'the header is the banner').toBe(1);
  });
});
