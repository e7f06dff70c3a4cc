/**
 * The user's own layer on a paper, in the popup's and side panel's paper actions (the Star toggle
 * beside the row is PaperActions'): the Reading status, Tags (with completion from the tags in use,
 * a native datalist) and a Note (plain text, saved on blur and while typing, debounced). Also the small read-only marks result rows show (★, status,
 * tags, a note sign). Every edit is one store call (lib/store/user-layer.ts), then a re-index of the
 * paper so searches (`is:starred`, `tag:"…"`, note words) see it. Everything is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { addTag, removeTag, setNote, setStatus, tagsInUse, type TagCount } from '@/lib/store/user-layer';
import { reindex } from '@/lib/search/reindex';
import { isReadingStatus, MAX_NOTE, type ReadingStatus } from '@/lib/core/fields';
import type { PaperRecord } from '@/lib/core/types';
import { t } from '@/lib/i18n/i18n';

/** The reading statuses, in the order they are offered. */
const STATUSES: ReadingStatus[] = ['toread', 'reading', 'read'];

/** How a reading status is shown ("To read", "Reading", "Read"), in the user's language. */
export function statusLabel(status: ReadingStatus): string {
  switch (status) {
    case 'toread':
      return t('paper_layerToRead');
    case 'reading':
      return t('paper_layerReading');
    case 'read':
      return t('paper_layerRead');
  }
}

/** Wait this long after the last keystroke before saving a note. */
const NOTE_DEBOUNCE_MS = 800;

/** Run a store edit, re-index the paper, hand the stored record back (or the error's message). */
async function apply(
  edit: () => Promise<PaperRecord>,
  onDone: (p: PaperRecord) => void,
  onError: (m: string | null) => void,
): Promise<void> {
  try {
    const p = await edit();
    onError(null);
    onDone(p);
    await reindex([p.id]);
  } catch (e) {
    onError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The paper as last written here, else as the caller gave it: the caller's copy is re-read after
 * the search index catches up, so it may lag one edit behind.
 */
function useCurrent(paper: PaperRecord): [PaperRecord, (p: PaperRecord) => void] {
  const [cur, setCur] = useState(paper);
  useEffect(() => {
    setCur((c) => (c.id !== paper.id || (paper.userUpdatedAt ?? '') >= (c.userUpdatedAt ?? '') ? paper : c));
  }, [paper]);
  return [cur, setCur];
}

/** The layer of one paper but its star (the Star toggle sits beside the menu this is in): reading status, tags, note. */
export function UserLayerEditor({ db, paper }: { db: PaperdexDB; paper: PaperRecord }) {
  const [cur, setCur] = useCurrent(paper);
  const [error, setError] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [known, setKnown] = useState<TagCount[]>([]);
  const listId = `tags-in-use-${cur.id}`;
  const errorId = `layer-error-${cur.id}`;
  /** The controls point at the error of the last edit while it shows. */
  const described = error ? { 'aria-describedby': errorId } : {};
  const tags = cur.tags ?? [];

  const addTags = (raw: string) => {
    const parts = raw
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean);
    setTag('');
    if (!parts.length) return;
    void (async () => {
      let p = cur;
      for (const part of parts) {
        try {
          p = await addTag(db, cur.id, part);
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
          break;
        }
      }
      setCur(p);
      await reindex([p.id]);
    })();
  };

  return (
    <div class="user-layer" role="group" aria-label={t('paper_layerGroup')}>
      <div class="user-layer-row">
        <label class="small muted user-status">
          <span>{t('paper_layerStatus')}</span>
          <select
            aria-label={t('paper_layerStatusLabel')}
            {...described}
            value={cur.status ?? ''}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              void apply(() => setStatus(db, cur.id, isReadingStatus(v) ? v : undefined), setCur, setError);
            }}
          >
            <option value="">{t('paper_layerStatusNone')}</option>
            {STATUSES.map((v) => (
              <option key={v} value={v}>
                {statusLabel(v)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="user-tags" role="group" aria-label={t('paper_layerTags')}>
        {tags.length > 0 && (
          <ul class="tag-list" aria-label={t('paper_layerTagList')}>
            {tags.map((tg) => (
              <li class="tag-chip" key={tg}>
                <span class="tag-name">{tg}</span>
                <button
                  type="button"
                  class="tag-remove"
                  aria-label={t('paper_layerRemoveTag', { tag: tg })}
                  title={t('paper_layerRemoveTag', { tag: tg })}
                  onClick={() => void apply(() => removeTag(db, cur.id, tg), setCur, setError)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          class="tag-input"
          aria-label={t('paper_layerAddTag')}
          placeholder={t('paper_layerAddTagPlaceholder')}
          {...described}
          list={listId}
          maxLength={100}
          value={tag}
          onFocus={() => void tagsInUse(db).then(setKnown, () => setKnown([]))}
          onInput={(e) => {
            const v = (e.target as HTMLInputElement).value;
            // A comma ends a tag (pasted "a, b" adds both).
            if (/[,;]/.test(v)) addTags(v);
            else setTag(v);
          }}
          onKeyDown={(e) => {
            // Keys typed here are the tag's, not the list's (↑/↓, shortcuts); Esc still closes the menu.
            if (e.key !== 'Escape') e.stopPropagation();
            if (e.key === 'Enter') {
              e.preventDefault();
              // (the field's own value: the state may not have re-rendered since the last keystroke)
              addTags((e.target as HTMLInputElement).value);
            }
          }}
          onBlur={(e) => {
            // A tag typed and left is not lost.
            const v = (e.target as HTMLInputElement).value;
            if (v.trim()) addTags(v);
          }}
        />
        <datalist id={listId}>
          {known
            .filter((k) => !tags.some((tg) => tg.toLowerCase() === k.tag.toLowerCase()))
            .slice(0, 50)
            .map((k) => (
              <option key={k.tag} value={k.tag} label={t('paper_layerTagCount', { tag: k.tag, count: k.count })} />
            ))}
        </datalist>
      </div>
      <NoteField db={db} paper={cur} onSaved={setCur} onError={setError} describedBy={error ? errorId : undefined} />
      {error && (
        <div class="error" role="alert" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}

/** The note: plain text, saved when the field loses focus and a moment after typing stops. */
function NoteField({
  db,
  paper,
  onSaved,
  onError,
  describedBy,
}: {
  db: PaperdexDB;
  paper: PaperRecord;
  onSaved: (p: PaperRecord) => void;
  onError: (m: string | null) => void;
  describedBy?: string;
}) {
  const [text, setText] = useState(paper.note ?? '');
  const [state, setState] = useState<'idle' | 'pending' | 'saved'>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = paper.id;

  // Another view changed the note (and nothing is being typed here): show it.
  useEffect(() => {
    if (pending.current === null) setText(paper.note ?? '');
  }, [paper.note]);

  const flush = () => {
    clearTimeout(timer.current);
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    void apply(
      () => setNote(db, id, text),
      (p) => {
        onSaved(p);
        setState('saved');
      },
      onError,
    );
  };
  // Leaving the view (menu closed, popup closed) saves what was typed.
  useEffect(() => () => flush(), [id]);

  return (
    <div class="user-note">
      <label class="small muted" for={`note-${id}`}>
        {t('paper_layerNote')}{' '}
        {state === 'pending' ? (
          <span class="faint">{t('paper_layerNoteEditing')}</span>
        ) : state === 'saved' ? (
          <span class="faint">{t('paper_layerNoteSaved')}</span>
        ) : null}
      </label>
      <textarea
        id={`note-${id}`}
        aria-label={t('paper_layerNote')}
        aria-describedby={describedBy}
        rows={3}
        maxLength={MAX_NOTE}
        placeholder={t('paper_layerNotePlaceholder')}
        value={text}
        onInput={(e) => {
          const v = (e.target as HTMLTextAreaElement).value;
          setText(v);
          pending.current = v;
          setState('pending');
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, NOTE_DEBOUNCE_MS);
        }}
        onBlur={flush}
        onKeyDown={(e) => {
          // Keys typed here are the note's; Esc saves and lets the menu close.
          if (e.key === 'Escape') flush();
          else e.stopPropagation();
        }}
      />
    </div>
  );
}

/** The layer as a result row shows it: status, tags and a note sign (read-only; the star is beside the title). */
export function UserMarks({ paper }: { paper: PaperRecord }) {
  const tags = paper.tags ?? [];
  if (!paper.status && !tags.length && !paper.note) return null;
  return (
    <div class="user-marks">
      {paper.status && <span class={`status-chip status-${paper.status}`}>{statusLabel(paper.status)}</span>}
      {tags.slice(0, 6).map((tg) => (
        <span class="tag-mark" key={tg}>
          {tg}
        </span>
      ))}
      {tags.length > 6 && (
        <span class="faint" title={tags.slice(6).join(', ')}>
          {t('paper_layerMoreTags', { count: tags.length - 6 })}
        </span>
      )}
      {paper.note && (
        <span class="note-mark" title={paper.note.slice(0, 300)}>
          <span aria-hidden="true">✎</span> {t('paper_layerNoteMark')}
        </span>
      )}
    </div>
  );
}
