import { useRef, useState } from 'preact/hooks';
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
import { plural } from './format';

const MAX_BYTES = 50 * 1024 * 1024;

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

  async function pick(file: File) {
    setError(null);
    setResult(null);
    setParsed(null);
    try {
      if (file.size > MAX_BYTES)
        throw new ImportError(`${file.name} is too large: ${(file.size / 1048576).toFixed(1)} MB; the limit is 50 MB.`);
      const data = parseImportFile(file.name, await file.text());
      setParsed({ file: file.name, data });
      setInCollection(true);
      setCollectionName(offeredCollection(data) ?? '');
    } catch (e) {
      setError(
        e instanceof ImportError
          ? `${file.name}: ${e.message}`
          : `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`,
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
      setError(`Import failed, nothing more was written: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  const Heading = heading;
  const offered = parsed ? offeredCollection(parsed.data) : undefined;
  const badName = offered !== undefined && inCollection && !isCollectionName(collectionName);
  return (
    <section class="card import-panel" aria-label="Import">
      <Heading>Import</Heading>
      <p class="small muted">
        A Paperdex JSON export, a BibTeX file (.bib), CSL-JSON (Zotero, citation tools) or a PaperMemory export (.json). Papers you already
        have are merged, not duplicated.
      </p>
      <input
        ref={input}
        type="file"
        aria-label="Choose a file to import"
        accept=".json,.bib,.bibtex,.csl,.csljson,application/json"
        disabled={!!progress}
        onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          if (f) void pick(f);
        }}
      />
      {error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
      {parsed && !progress && (
        <div class="import-preview">
          <div role="status">
            <div class="small">
              {parsed.file}
              {parsed.data.kind === 'papermemory' ? ' (PaperMemory)' : ''}: {plural(parsed.data.count, 'paper')}
              {parsed.data.authors?.length ? `, ${plural(parsed.data.authors.length, 'author')}` : ''}
              {offered === undefined && parsed.data.collections.length ? `, ${plural(parsed.data.collections.length, 'collection')}` : ''}.
            </div>
            {parsed.data.warnings?.slice(0, 5).map((w: string) => (
              <div class="small faint" key={String(w)}>
                ⚠ {String(w)}
              </div>
            ))}
          </div>
          {offered !== undefined && (
            <div class="import-collection">
              <label class="setting compact">
                <input type="checkbox" checked={inCollection} onChange={(e) => setInCollection((e.target as HTMLInputElement).checked)} />
                <span>Also put these papers in a new collection named</span>
              </label>
              <input
                type="text"
                class="import-collection-name"
                aria-label="Name of the new collection"
                value={collectionName}
                maxLength={120}
                disabled={!inCollection}
                aria-invalid={badName}
                onInput={(e) => setCollectionName((e.target as HTMLInputElement).value)}
              />
              {badName && <div class="small error">A collection name must be 1 to 120 characters and not “All papers”.</div>}
            </div>
          )}
          <button type="button" class="btn primary" disabled={badName} onClick={() => void run()}>
            Import {plural(parsed.data.count, 'paper')}
          </button>{' '}
          <button type="button" class="btn" onClick={() => setParsed(null)}>
            Cancel
          </button>
        </div>
      )}
      {progress && (
        <div role="status" aria-live="polite">
          <progress max={progress.total} value={progress.done} aria-label="Import progress" />
          <div class="small muted">
            {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} papers{' '}
            <button type="button" class="btn small" onClick={() => abort.current?.abort()}>
              Stop
            </button>
          </div>
        </div>
      )}
      {result && (
        <div class="small import-result" role="status">
          {result.cancelled ? 'Stopped. ' : 'Imported. '}
          {plural(result.papersNew, 'new paper')}, {plural(result.papersMerged, 'paper')} merged with ones you had,{' '}
          {plural(result.authorsNew, 'new author')}
          {result.collections.length ? `; collections: ${result.collections.map((c) => `“${c.name}”`).join(', ')}` : ''}.
          {result.notesReplaced.length > 0 && (
            <div class="notes-replaced">
              {result.notesReplaced.length === 1
                ? `“${result.notesReplaced[0].title.slice(0, 80)}” had another note: the newer one is kept, the other is in its note history.`
                : `${plural(result.notesReplaced.length, 'paper')} had another note: the newer ones are kept, the others are in their note history.`}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
