/**
 * Automatic capture on the optional host groups (lib/core/hosts.ts HOST_GROUPS): once the user grants
 * a group's origins (Settings or the welcome page), the auto-capture content script is registered at
 * run time for them, and unregistered when the grant is taken back. The required hosts keep their
 * manifest content script; these never were in the manifest, so an update that added them did not
 * ask existing users for a new permission (Chrome disables an extension until they accept one).
 */
import { browser } from 'wxt/browser';
import { OPTIONAL_CAPTURE_MATCHES } from '../core/hosts';

/** Id of the run-time registration (one for every granted group). */
export const OPTIONAL_SCRIPT_ID = 'paperdex-capture-optional';
/** The built auto-capture script (entrypoints/capture.content.ts). */
const CAPTURE_SCRIPT = 'content-scripts/capture.js';

/**
 * The optional match patterns the granted `origins` cover, in HOST_GROUPS order. A grant is per
 * pattern: Chrome reports exactly the patterns it granted (and `<all_urls>`/`*://*\/*` when the user
 * gave every site, which covers them all).
 */
export function grantedOptionalMatches(origins: readonly string[]): string[] {
  const all = origins.some((o) => o === '<all_urls>' || o === '*://*/*' || o === 'https://*/*');
  const granted = new Set(origins);
  return OPTIONAL_CAPTURE_MATCHES.filter((m) => all || granted.has(m));
}

type Registered = { id: string; matches?: string[] };

/**
 * Make the run-time registration match the granted origins: register, update or remove it.
 * Idempotent; called on every background start and on every permission change.
 */
export async function syncOptionalCapture(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = grantedOptionalMatches(origins);
  const scripting = browser.scripting;
  const existing = ((await scripting.getRegisteredContentScripts({ ids: [OPTIONAL_SCRIPT_ID] })) as Registered[])[0];
  if (matches.length === 0) {
    if (existing) await scripting.unregisterContentScripts({ ids: [OPTIONAL_SCRIPT_ID] });
    return matches;
  }
  const same = existing && existing.matches?.length === matches.length && matches.every((m) => existing.matches!.includes(m));
  if (same) return matches;
  if (existing) await scripting.unregisterContentScripts({ ids: [OPTIONAL_SCRIPT_ID] });
  await scripting.registerContentScripts([
    {
      id: OPTIONAL_SCRIPT_ID,
      js: [CAPTURE_SCRIPT],
      matches,
      runAt: 'document_idle',
      // Chrome keeps it across restarts; Firefox re-registers on every background start (below).
      ...(import.meta.env.FIREFOX ? {} : { persistAcrossSessions: true }),
    },
  ]);
  return matches;
}

/** Keep the registration in step with grants; never throws into the caller. */
export function watchOptionalCapture(): void {
  // (Browsers without run-time content scripts or permission events — and test doubles — keep
  // click-capture only on these hosts.)
  if (!browser.permissions?.onAdded || !browser.scripting?.registerContentScripts) return;
  const sync = () => void syncOptionalCapture().catch((e) => console.warn('[paperdex] optional capture hosts not registered:', e));
  try {
    browser.permissions.onAdded.addListener(sync);
    browser.permissions.onRemoved.addListener(sync);
  } catch (e) {
    console.warn('[paperdex] permission changes are not observable here:', e);
    return;
  }
  sync();
}
