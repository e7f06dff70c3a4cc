import { useId, useRef, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import {
  ImportError,
  importParsed,
  offeredCollection,
  parseImportFile,
  withCollectionChoice,
  type ImportSummary,
  type ParsedImport,
} from '@/lib/interchange/import/import';
import { isCollectionName } from '@/lib/core/schema-kit';
import { reindex } from '@/lib/search/reindex';
import { formatNumber, messageLocale, t, tn } from '@/lib/i18n/i18n';
import './ImportPanel.css';

const MAX_MB = 50;
const MAX_BYTES = MAX_MB * 1024 * 1024;

/** "“A”, “B”" in the language shown (a list of names, not a sentence: no "and" in English). */
function quotedNames(names: string[]): string {
  const quoted = names.map((name) => t('import_quotedName', { name }));
  return new Intl.ListFormat(messageLocale(), { type: 'unit', style: 'short' }).format(quoted);
}

/** What a chosen file holds: "refs.bib: 12 papers.", "x.json: 3 papers, 2 authors, 1 collection." */
function previewText(file: string, data: ParsedImport, offered: string | undefined): string {
  const papers = tn('common_papers', data.count);
  if (data.kind === 'papermemory') return t('import_previewPaperMemory', { file, papers });
  const authors = data.authors?.length ? tn('common_authors', data.authors.length) : undefined;
  const collections = offered === undefined && data.collections.length ? tn('import_collectionCount', data.collections.length) : undefined;
  if (authors && collections) return t('import_previewAll', { file, papers, authors, collections });
  if (authors) return t('import_previewAuthors', { file, papers, authors });
  if (collections) return t('import_previewCollections', { file, papers, collections });
  return t('import_preview', { file, papers });
}

/** What an import did: "Imported. 6 new papers, 0 papers merged with ones you had, 0 new authors." */
function resultText(r: ImportSummary): string {
  const subs = {
    new: tn('import_newPapers', r.papersNew),
    merged: tn('import_mergedPapers', r.papersMerged),
    authors: tn('import_newAuthors', r.authorsNew),
  };
  if (!r.collections.length) return r.cancelled ? t('import_resultStopped', subs) : t('import_resultImported', subs);
  const collections = quotedNames(r.collections.map((c) => c.name));
  return r.cancelled ? t('import_resultStoppedIn', { ...subs, collections }) : t('import_resultImportedIn', { ...subs, collections });
}

/**
 * Import a Paperdex JSON export, a BibTeX file, CSL-JSON (e.g. from Zotero) or a PaperMemory export.
 * The file is validated whole first (a bad file is rejected with what is wrong and where, and
 * nothing is written); the import then runs in atomic chunks with progress and can be cancelled.
 *
 * A file of another tool asks whether to also put its papers in a new collection (named after the
 * file, editable). Ticked by default: that is what Zotero's own import does ("Place imported
 * collections and items into new collection"), and it keeps a file's papers findable as a set
 * (`collection:"…"`) among the rest of the library; unticking it costs one click, and deleting a
 * collection later never deletes its papers.
 */
export function ImportPanel({ db, heading = 'h2' }: { db: PaperdexDB; heading?: 'h2' | 'h3' }) {
  const [parsed, setParsed] = useState<{ file: string; data: ParsedImport } | null>(null);
  const [inCollection, setInCollection] = useState(true);
  const [collectionName, setCollectionName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  async function pick(file: File) {
    setError(null);
    setResult(null);
    setParsed(null);
    if (file.size > MAX_BYTES) {
      const size = formatNumber(file.size / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      setError(t('import_tooLarge', { file: file.name, size, limit: MAX_MB }));
      if (input.current) input.current.value = '';
      return;
    }
    try {
      const data = parseImportFile(file.name, await file.text());
      setParsed({ file: file.name, data });
      setInCollection(true);
      setCollectionName(offeredCollection(data) ?? '');
    } catch (e) {
      setError(
        e instanceof ImportError
          ? t('import_fileProblem', { file: file.name, message: e.message })
          : t('import_unreadable', { file: file.name, error: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  async function run() {
    if (!parsed) return;
    let data: ParsedImport;
    try {
      data = withCollectionChoice(parsed.data, inCollection ? collectionName : null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    abort.current = new AbortController();
    setProgress({ done: 0, total: parsed.data.count });
    try {
      // Each committed chunk is indexed as it lands (not awaited: the host queues them in order),
      // so papers are searchable during the import and a panel closed mid-way loses nothing;
      // the last call answers once the host holds every chunk.
      const summary = await importParsed(db, data, {
        signal: abort.current.signal,
        onProgress: (done, total) => setProgress({ done, total }),
        onChunk: (ids) => void reindex(ids),
      });
      await reindex(summary.paperIds);
      setResult(summary);
      setParsed(null);
    } catch (e) {
      setError(t('import_failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  const Heading = heading;
  const offered = parsed ? offeredCollection(parsed.data) : undefined;
  const badName = offered !== undefined && inCollection && !isCollectionName(collectionName);
  const errorId = `${id}-error`;
  const nameErrorId = `${id}-name-error`;
  const progressId = `${id}-progress`;
  const warnings = parsed?.data.warnings ?? [];
  return (
    <section class="card import-panel" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`}>{t('import_title')}</Heading>
      <p class="small muted">{t('import_intro')}</p>
      <input
        ref={input}
        type="file"
        aria-label={t('import_chooseFile')}
        aria-describedby={error ? errorId : undefined}
        accept=".json,.bib,.bibtex,.csl,.csljson,application/json"
        disabled={!!progress}
        onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          if (f) void pick(f);
        }}
      />
      {error && (
        <div class="error" role="alert" id={errorId}>
          {error}
        </div>
      )}
      {parsed && !progress && (
        <div class="import-preview">
          <div role="status">
            <div class="small">{previewText(parsed.file, parsed.data, offered)}</div>
            {warnings.length > 0 && (
              <ul class="import-warnings small faint" aria-label={t('import_warnings')}>
                {warnings.slice(0, 5).map((w: string) => (
                  <li key={String(w)}>
                    <span aria-hidden="true">⚠ </span>
                    {String(w)}
                  </li>
                ))}
                {warnings.length > 5 && <li>{tn('import_moreWarnings', warnings.length - 5)}</li>}
              </ul>
            )}
          </div>
          {offered !== undefined && (
            <div class="import-collection">
              <label class="setting compact">
                <input type="checkbox" checked={inCollection} onChange={(e) => setInCollection((e.target as HTMLInputElement).checked)} />
                <span>{t('import_alsoCollection')}</span>
              </label>
              <input
                type="text"
                class="import-collection-name"
                aria-label={t('import_collectionName')}
                aria-describedby={badName ? nameErrorId : undefined}
                value={collectionName}
                maxLength={120}
                disabled={!inCollection}
                aria-invalid={badName}
                onInput={(e) => setCollectionName((e.target as HTMLInputElement).value)}
              />
              {badName && (
                <div class="small error" id={nameErrorId}>
                  {t('import_badCollectionName')}
                </div>
              )}
            </div>
          )}
          <button type="button" class="btn primary" disabled={badName} onClick={() => void run()}>
            {tn('import_run', parsed.data.count)}
          </button>{' '}
          <button type="button" class="btn" onClick={() => setParsed(null)}>
            {t('common_cancel')}
          </button>
        </div>
      )}
      {progress && (
        <div class="import-progress">
          <progress id={progressId} max={progress.total} value={progress.done} aria-label={t('import_progressLabel')} />
          <div class="small muted">
            <span>{tn('import_progress', progress.total, { done: progress.done })}</span>{' '}
            <button type="button" class="btn small" onClick={() => abort.current?.abort()}>
              {t('import_stop')}
            </button>
          </div>
        </div>
      )}
      {/* Always in the page: a polite live region announces the import's start and its outcome. */}
      <div role="status" class="import-status">
        {progress && <span class="visually-hidden">{tn('import_started', progress.total)}</span>}
        {result && (
          <div class="small import-result">
            {resultText(result)}
            {result.notesReplaced.length > 0 && (
              <div class="notes-replaced">
                {result.notesReplaced.length === 1
                  ? t('import_noteReplaced', { title: result.notesReplaced[0].title.slice(0, 80) })
                  : tn('import_notesReplaced', result.notesReplaced.length)}
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
