/**
 * Browser actions the UI triggers that differ between Chrome and Firefox: opening the side panel
 * (Chrome `sidePanel`) or sidebar (Firefox `sidebarAction`), and saving a file from an extension page.
 */
import { browser } from 'wxt/browser';

/**
 * Open the side panel / sidebar for a window, or the panel in a tab where the browser has neither
 * (Firefox for Android). Must run in a user gesture. Which API to try is decided at build time
 * (`import.meta.env.FIREFOX`); whether it exists, at run time.
 */
export async function openSidePanel(windowId?: number): Promise<void> {
  if (import.meta.env.FIREFOX) {
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) return sidebar.open();
  } else {
    const panel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
    if (panel) return panel.open({ windowId: windowId ?? (await browser.windows.getCurrent()).id! });
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}

/** Save `text` as a file named `name` (a download from the extension page; no network). */
export function saveText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
