import { useEffect, useRef, useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/interchange/export';
import type { ExportFile } from '@/lib/interchange/export-files';
import { saveText } from '@/lib/ui/ui-actions';
import { t, tn } from '@/lib/i18n/i18n';
import { closeDetails, closeDetailsOnEscape } from './popover';
import { showToast, toastRegionMounted } from './Toast';
import './ExportMenu.css';

/** A format's name on its button (the formats' own names, the same in every language). */
const FORMAT_NAME: Record<Exclude<ExportFormat, 'json'>, string> = { bibtex: 'BibTeX', 'csl-json': 'CSL-JSON', csv: 'CSV' };

/** The longer description of a format's button, in the user's language. */
function exportAs(format: ExportFormat): string {
  if (format === 'bibtex') return t('export_menuAsBibtex');
  if (format === 'csl-json') return t('export_menuAsCslJson');
  return t('export_menuAsCsv');
}

/** What was saved: "Saved paperdex-….json: 12 papers, 3 authors." */
export function savedText(file: Pick<ExportFile, 'name' | 'papers' | 'authors'>, format: ExportFormat): string {
  const papers = tn('common_papers', file.papers);
  if (format === 'json') return t('export_menuSavedWithAuthors', { name: file.name, papers, authors: tn('common_authors', file.authors) });
  return t('export_menuSaved', { name: file.name, papers });
}

/**
 * Export buttons for one collection or result set: a primary "Export JSON", and the other formats
 * behind a "More formats" disclosure (a `<details>` whose summary is the named button; Esc closes
 * it and returns focus there). Shows progress for large exports (the work yields to the UI) and what
 * was saved: as a toast where the page has a toast region (side panel), else inline in a live
 * region, cleared after a few seconds (popup). Both are announced by screen readers.
 */
export function ExportMenu({
  make,
  label,
  primaryLabel,
  compact,
}: {
  make: (format: ExportFormat, onProgress: (d: number, t: number) => void) => Promise<ExportFile>;
  /** The group's accessible name (default "Export"). */
  label?: string;
  /** The primary button's text (default "Export JSON"). */
  primaryLabel?: string;
  compact?: boolean;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | null>(null);
  const more = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!msg || msg.error) return;
    const timer = setTimeout(() => setMsg(null), 5_000);
    return () => clearTimeout(timer);
  }, [msg]);
  const say = (m: { text: string; error?: boolean }) => {
    if (toastRegionMounted()) showToast({ text: m.text, kind: m.error ? 'error' : 'info' });
    else setMsg(m);
  };
  const run = async (format: ExportFormat) => {
    // A format chosen from the disclosure: close it, focus back on its button (the chosen one is hidden now).
    if (format !== 'json') closeDetails(more.current);
    setMsg(null);
    setBusy(t('export_menuPreparing'));
    try {
      const file = await make(format, (d, total) =>
        setBusy(t('export_menuProgress', { percent: Math.round((d / Math.max(1, total)) * 100) })),
      );
      saveText(file.name, file.text, file.mime);
      say({ text: savedText(file, format) });
    } catch (e) {
      say({ text: t('export_menuFailed', { error: e instanceof Error ? e.message : String(e) }), error: true });
    } finally {
      setBusy(null);
    }
  };
  const status = busy ?? (msg && !msg.error ? msg.text : '');
  return (
    <div class={`export-menu${compact ? ' compact' : ''}`} aria-label={label ?? t('export_menuLabel')} role="group">
      <button type="button" class="btn primary" disabled={!!busy} onClick={() => void run('json')}>
        {primaryLabel ?? t('export_menuJson')}
      </button>
      <details class="export-more" ref={more} onKeyDown={closeDetailsOnEscape}>
        <summary class="btn">
          {t('export_menuMore')}
          <span class="export-more-chevron" aria-hidden="true">
            ▾
          </span>
        </summary>
        <span class="export-more-body">
          {EXPORT_FORMATS.filter((f) => f.id !== 'json').map((f) => (
            <button type="button" class="btn" key={f.id} disabled={!!busy} onClick={() => void run(f.id)} title={exportAs(f.id)}>
              {FORMAT_NAME[f.id as Exclude<ExportFormat, 'json'>]}
            </button>
          ))}
        </span>
      </details>
      {/* Live regions stay in the page (empty when silent), so each new message is announced. */}
      <div class="small muted export-msg export-live" role="status">
        {status}
      </div>
      <div class="error export-live" role="alert">
        {msg?.error ? msg.text : ''}
      </div>
    </div>
  );
}
