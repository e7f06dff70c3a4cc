import { useEffect, useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/interchange/export';
import type { ExportFile } from '@/lib/interchange/export-files';
import { saveText } from '@/lib/ui/ui-actions';
import { plural } from './format';
import { showToast, toastRegionMounted } from './Toast';

/**
 * Export buttons for one collection or result set: a primary "Export JSON" and the other formats.
 * Shows progress for large exports (the work yields to the UI) and what was saved: as a toast where
 * the page has a toast region (side panel), else inline, cleared after a few seconds (popup).
 */
export function ExportMenu({
  make,
  label = 'Export',
  primaryLabel = 'Export JSON',
  compact,
}: {
  make: (format: ExportFormat, onProgress: (d: number, t: number) => void) => Promise<ExportFile>;
  label?: string;
  primaryLabel?: string;
  compact?: boolean;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => {
    if (!msg || msg.error) return;
    const t = setTimeout(() => setMsg(null), 5_000);
    return () => clearTimeout(t);
  }, [msg]);
  const say = (m: { text: string; error?: boolean }) => {
    if (toastRegionMounted()) showToast({ text: m.text, kind: m.error ? 'error' : 'info' });
    else setMsg(m);
  };
  const run = async (format: ExportFormat) => {
    setMsg(null);
    setBusy('Preparing…');
    try {
      const file = await make(format, (d, t) => setBusy(`Exporting… ${Math.round((d / Math.max(1, t)) * 100)} %`));
      saveText(file.name, file.text, file.mime);
      say({
        text: `Saved ${file.name}: ${plural(file.papers, 'paper')}${format === 'json' ? `, ${plural(file.authors, 'author')}` : ''}.`,
      });
    } catch (e) {
      say({ text: `Export failed: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class={`export-menu${compact ? ' compact' : ''}`} aria-label={label} role="group">
      <button type="button" class="btn primary" disabled={!!busy} onClick={() => void run('json')}>
        {primaryLabel}
      </button>
      {EXPORT_FORMATS.filter((f) => f.id !== 'json').map((f) => (
        <button type="button" class="btn" key={f.id} disabled={!!busy} onClick={() => void run(f.id)} title={`Export as ${f.label}`}>
          {f.id === 'bibtex' ? 'BibTeX' : f.id === 'csl-json' ? 'CSL-JSON' : 'CSV'}
        </button>
      ))}
      {busy && (
        <span class="small muted" role="status">
          {busy}
        </span>
      )}
      {msg && (
        <div class={msg.error ? 'error' : 'small muted export-msg'} role={msg.error ? 'alert' : 'status'}>
          {msg.text}
        </div>
      )}
    </div>
  );
}
