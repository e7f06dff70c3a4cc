/**
 * On-demand capture of any page: inject the one-shot capture script (entrypoints/capture-now.content.ts)
 * into a tab. Works with the activeTab grant that a toolbar click or the keyboard shortcut gives, so
 * Paperdex needs no all-sites host permission.
 */
import { browser } from 'wxt/browser';

/** Path of the built one-shot capture script. */
export const CAPTURE_NOW_SCRIPT = '/content-scripts/capture-now.js';

/** Inject the capture script into a tab; resolves when the capture has been stored. */
export async function captureTabNow(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_NOW_SCRIPT] });
}
