/**
 * The user's own layer on a paper, in the popup's and side panel's paper actions: a Star toggle,
 * the Reading status, Tags (with completion from the tags in use) and a Note (plain text, saved on
 * blur and while typing, debounced). Also the small read-only marks result rows show (★, status,
 * tags, a note sign). Every edit is one store call (lib/store/user-layer.ts), then a re-index of the
 * paper so searches (`is:starred`, `tag:"…"`, note words) see it. Everything is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperdexDB } from '@/lib/store/db';
import { addTag, removeTag, setNote, setStarred, setStatus, tagsInUse, type TagCount } from '@/lib/store/user-layer';
import { reindex } from '@/lib/search/reindex';
import { isReadingStatus, MAX_NOTE, type ReadingStatus } from '@/lib/core/fields';
import type { PaperRecord } from '@/lib/core/types';

/** How each reading status is shown. */
export const STATUS_LABELS: Record<ReadingStatus, string> = { toread: 'To read', reading: 'Reading', read: 'Read' };

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

/** The Star toggle: `aria-pressed` says whether the paper is starred. */
export function StarButton({ db, paper }: { db: PaperdexDB; paper: PaperRecord }) {
  const [cur, setCur] = useCurrent(paper);
  const [error, setError] = useState<string | null>(null);
  const on = !!cur.starred;
  return (
    <button
      type="button"
      class={`star-toggle${on ? ' on' : ''}`}
      aria-pressed={on ? 'true' : 'false'}
      aria-label="Star"
      title={error ?? (on ? 'Starred (click to unstar)' : 'Star this paper')}
      onClick={(e) => {
        e.stopPropagation();
        void apply(() => setStarred(db, cur.id, !on), setCur, setError);
      }}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
    </button>
  );
}

/** The layer of one paper but its star (the Star toggle sits beside the menu this is in): reading status, tags, note. */
export function UserLayerEditor({ db, paper }: { db: PaperdexDB; paper: PaperRecord }) {
  const [cur, setCur] = useCurrent(paper);
  const [error, setError] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [known, setKnown] = useState<TagCount[]>([]);
  const listId = `tags-in-use-${cur.id}`;
  const tags = cur.tags ?? [];

  const addTags = (raw: string) => {
    const parts = raw
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter(Boolean);
    setTag('');
    if (!parts.length) return;
    void (async () => {
      let p = cur;
      for (const t of parts) {
        try {
          p = await addTag(db, cur.id, t);
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
    <div class="user-layer" role="group" aria-label="Your layer on this paper">
      <div class="user-layer-row">
        <label class="small muted user-status">
          <span>Status</span>
          <select
            aria-label="Reading status"
            value={cur.status ?? ''}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              void apply(() => setStatus(db, cur.id, isReadingStatus(v) ? v : undefined), setCur, setError);
            }}
          >
            <option value="">None</option>
            {Object.entries(STATUS_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="user-tags" role="group" aria-label="Tags">
        {tags.length > 0 && (
          <ul class="tag-list" aria-label="Tags of this paper">
            {tags.map((t) => (
              <li class="tag-chip" key={t}>
                <span class="tag-name">{t}</span>
                <button
                  type="button"
                  class="tag-remove"
                  aria-label={`Remove tag ${t}`}
                  title={`Remove tag “${t}”`}
                  onClick={() => void apply(() => removeTag(db, cur.id, t), setCur, setError)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          class="tag-input"
          aria-label="Add a tag"
          placeholder="Add a tag…"
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
            .filter((k) => !tags.some((t) => t.toLowerCase() === k.tag.toLowerCase()))
            .slice(0, 50)
            .map((k) => (
              <option key={k.tag} value={k.tag} label={`${k.tag} (${k.count})`} />
            ))}
        </datalist>
      </div>
      <NoteField db={db} paper={cur} onSaved={setCur} onError={setError} />
      {error && (
        <div class="error" role="alert">
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
}: {
  db: PaperdexDB;
  paper: PaperRecord;
  onSaved: (p: PaperRecord) => void;
  onError: (m: string | null) => void;
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
    const t = pending.current;
    if (t === null) return;
    pending.current = null;
    void apply(
      () => setNote(db, id, t),
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
        Note {state === 'pending' ? <span class="faint">· editing…</span> : state === 'saved' ? <span class="faint">· saved</span> : null}
      </label>
      <textarea
        id={`note-${id}`}
        aria-label="Note"
        rows={3}
        maxLength={MAX_NOTE}
        placeholder="Your note (plain text, only on this computer)"
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
      {paper.status && <span class={`status-chip status-${paper.status}`}>{STATUS_LABELS[paper.status]}</span>}
      {tags.slice(0, 6).map((t) => (
        <span class="tag-mark" key={t}>
          {t}
        </span>
      ))}
      {tags.length > 6 && <span class="faint">+{tags.length - 6}</span>}
      {paper.note && (
        <span class="note-mark" title={paper.note.slice(0, 300)}>
          <span aria-hidden="true">✎</span> note
        </span>
      )}
    </div>
  );
}
