/**
 * "Capture automatically on …" per optional host group (lib/core/hosts.ts HOST_GROUPS), in Settings
 * and on the welcome page. Switching a group on asks the browser for its hosts (an optional host
 * permission; the browser shows its own prompt); switching it off gives them back. Until a group is
 * on, click-capture works on its sites like on any page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HOST_GROUPS, type HostGroup } from '@/lib/core/hosts';

type Granted = Partial<Record<HostGroup['id'], boolean>>;

async function readGranted(): Promise<Granted> {
  const out: Granted = {};
  for (const g of HOST_GROUPS) out[g.id] = await browser.permissions.contains({ origins: [...g.matches] });
  return out;
}

/** The optional host groups as switches, with what each covers. */
export function HostGroups() {
  const [granted, setGranted] = useState<Granted>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const refresh = () => void readGranted().then(setGranted);
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  const toggle = (g: HostGroup, on: boolean) => {
    setError(null);
    // The request must start inside the click (a user gesture): nothing is awaited before it.
    const origins = [...g.matches];
    const asked = on ? browser.permissions.request({ origins }) : browser.permissions.remove({ origins });
    void asked
      .then(async (ok) => {
        if (on && !ok) setError(`${g.name}: the browser did not grant access, so Paperdex still captures there only when you ask.`);
        setGranted(await readGranted());
      })
      .catch((e: unknown) => setError(`${g.name}: ${e instanceof Error ? e.message : String(e)}`));
  };

  return (
    <fieldset class="sites host-groups">
      <legend class="small muted">Capture automatically on publisher and proceedings sites</legend>
      <p class="small muted">
        Each group asks your browser for access to its sites. Without it, Paperdex captures there only when you click “Capture this page”.
      </p>
      {HOST_GROUPS.map((g) => (
        <label class="setting compact" key={g.id} data-group={g.id}>
          <input type="checkbox" checked={granted[g.id] === true} onChange={(e) => toggle(g, (e.target as HTMLInputElement).checked)} />
          <span>
            <strong>{g.name}</strong>
            <span class="small muted"> {g.sites}</span>
          </span>
        </label>
      ))}
      {error && (
        <p class="small error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
