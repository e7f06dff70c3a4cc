/**
 * Browser actions the UI triggers that differ between Chrome and Firefox: opening the side panel
 * (Chrome `sidePanel`) or sidebar (Firefox `sidebarAction`), and saving a file from an extension page.
 */
import { browser } from 'wxt/browser';

/** Open the side panel / sidebar for a window. Must run in a user gesture. */
export async function openSidePanel(windowId?: number): Promise<void> {
  const b = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (b.sidebarAction) return b.sidebarAction.open();
  if (b.sidePanel) {
    const wid = windowId ?? (await browser.windows.getCurrent()).id!;
    return b.sidePanel.open({ windowId: wid });
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
