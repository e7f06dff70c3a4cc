/**
 * "Capture automatically on …" per optional host group (lib/core/hosts.ts HOST_GROUPS), in Settings
 * and on the welcome page. Switching a group on asks the browser for its hosts (an optional host
 * permission; the browser shows its own prompt); switching it off gives them back. Until a group is
 * on, click-capture works on its sites like on any page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HOST_GROUPS, type HostGroup } from '@/lib/core/hosts';
import { t } from '@/lib/i18n/i18n';

/** A group's name in the user's language (the sites it covers are names, shown as they are). */
function groupName(g: HostGroup): string {
  switch (g.id) {
    case 'proceedings':
      return t('hosts_groupProceedings');
    case 'biomed':
      return t('hosts_groupBiomed');
    case 'publishers':
      return t('hosts_groupPublishers');
    case 'profiles':
      return t('hosts_groupProfiles');
    default:
      return g.name;
  }
}

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
        if (on && !ok) setError(t('hosts_denied', { group: groupName(g) }));
        setGranted(await readGranted());
      })
      .catch((e: unknown) => setError(t('hosts_failed', { group: groupName(g), error: e instanceof Error ? e.message : String(e) })));
  };

  return (
    <fieldset class="sites host-groups">
      <legend class="small muted">{t('hosts_legend')}</legend>
      <p class="small muted">{t('hosts_help', { button: t('capture_button') })}</p>
      {HOST_GROUPS.map((g) => (
        <label class="setting compact" key={g.id} data-group={g.id}>
          <input type="checkbox" checked={granted[g.id] === true} onChange={(e) => toggle(g, (e.target as HTMLInputElement).checked)} />
          <span>
            <strong>{groupName(g)}</strong>
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
