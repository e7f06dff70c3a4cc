/**
 * JSON syntax errors with a position every engine agrees on: `JSON.parse`, with a failure turned
 * into an {@link ImportError} that says where (line and column) and whether the file looks truncated.
 * The same scanner finds a key repeated within one object (which `JSON.parse` resolves silently).
 */
import { ImportError } from './import-types';
import { t } from '../../i18n/i18n';

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: pos - start + 1 };
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_LITERAL = /true|false|null/y;

/** A key that occurs twice in one object: the key, the path of that object, and where the second one starts. */
interface DuplicateKey {
  key: string;
  /** Keys and array indices from the document down to the object holding the key; [] for the document. */
  path: (string | number)[];
  /** Offset of the second occurrence (its opening quote). */
  offset: number;
}

/** One open object or array of {@link scanJson}: for an object its keys so far (when tracked), for an array the index. */
interface Frame {
  kind: '{' | '[';
  keys?: Set<string>;
  key?: string;
  index: number;
}

/**
 * The one JSON scanner: offset of the first syntax error (`s.length` when `s` ends too early; -1 if
 * none), and with `findDuplicateKeys` the first key repeated within one object. Iterative: no
 * recursion limit on deep nesting.
 */
function scanJson(s: string, findDuplicateKeys: boolean): { error: number; duplicate?: DuplicateKey } {
  const n = s.length;
  const stack: Frame[] = [];
  let i = 0;
  type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'end';
  let expect: Expect = 'value';
  const after = (): Expect => (stack.length ? 'commaOrEnd' : 'end');
  /** Skip a string starting at i; -1 when fine, else the offset of the problem. */
  const string = (): number => {
    i++;
    for (;;) {
      if (i >= n) return n;
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === undefined) return n;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return i + 1;
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return i + 1;
      } else if (c < 0x20) return i;
      else i++;
    }
  };
  /** A value starts: in an array, it is the next element. */
  const element = () => {
    const top = stack[stack.length - 1];
    if (top?.kind === '[') top.index++;
  };
  for (;;) {
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    if (i >= n) return { error: expect === 'end' ? -1 : n };
    const c = s[i];
    switch (expect) {
      case 'end':
        return { error: i };
      case 'colon':
        if (c !== ':') return { error: i };
        i++;
        expect = 'value';
        break;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top.kind === '{' ? 'key' : 'value';
        } else if (c === (top.kind === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = after();
        } else return { error: i };
        break;
      }
      case 'key':
      case 'keyOrEnd':
        if (expect === 'keyOrEnd' && c === '}') {
          stack.pop();
          i++;
          expect = after();
          break;
        }
        if (c !== '"') return { error: i };
        {
          const start = i;
          const e = string();
          if (e >= 0) return { error: e };
          const top = stack[stack.length - 1];
          if (top.keys) {
            const raw = s.slice(start + 1, i - 1);
            // Escapes spell the same key differently ("pap\u0065rs"): compare decoded keys.
            const key = raw.includes('\\') ? (JSON.parse(s.slice(start, i)) as string) : raw;
            if (top.keys.has(key)) {
              return { error: -1, duplicate: { key, path: pathOf(stack), offset: start } };
            }
            top.keys.add(key);
            top.key = key;
          }
        }
        expect = 'colon';
        break;
      default:
        if (expect === 'valueOrEnd' && c === ']') {
          stack.pop();
          i++;
          expect = after();
        } else if (c === '{' || c === '[') {
          element();
          stack.push({ kind: c, index: -1, ...(c === '{' && findDuplicateKeys ? { keys: new Set<string>() } : {}) });
          i++;
          expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
        } else if (c === '"') {
          element();
          const e = string();
          if (e >= 0) return { error: e };
          expect = after();
        } else {
          element();
          const re = c === '-' || (c >= '0' && c <= '9') ? JSON_NUMBER : JSON_LITERAL;
          re.lastIndex = i;
          if (!re.test(s)) return { error: c === '-' && i + 1 >= n ? n : i };
          i = re.lastIndex;
          expect = after();
        }
    }
  }
}

/** The path of the innermost open object: each enclosing container's current key or index. */
function pathOf(stack: Frame[]): (string | number)[] {
  return stack.slice(0, -1).map((f) => (f.kind === '[' ? f.index : f.key!));
}

/**
 * Offset of the first JSON syntax error in `s` (`s.length` when it ends too early), or -1 if there
 * is none. Engines word (and place) JSON.parse errors differently, some without a position; this
 * finds it the same way everywhere. Iterative: no recursion limit on deep nesting.
 */
export function jsonErrorOffset(s: string): number {
  return scanJson(s, false).error;
}

/**
 * The first key that occurs twice in one object of the (valid) JSON text `s`, or undefined.
 * `JSON.parse` silently keeps the last of them, so a file with `"papers"` twice would import
 * whichever came last.
 */
function jsonDuplicateKey(s: string): DuplicateKey | undefined {
  return scanJson(s, true).duplicate;
}

/** `a.b[3].c` for a path; "the document" for []. */
function describeJsonPath(path: (string | number)[]): string {
  if (!path.length) return 'the document';
  return path
    .map((p, k) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `${k ? '.' : ''}${p}` : `[${JSON.stringify(p)}]`))
    .join('');
}

/**
 * Refuse JSON text that repeats a key within an object, naming the key, the object and the line.
 * Runs on text that `JSON.parse` accepted.
 */
export function rejectDuplicateKeys(text: string): void {
  const d = jsonDuplicateKey(text);
  if (!d) return;
  const { line, column } = lineColumn(text, d.offset);
  const where = describeJsonPath(d.path);
  throw new ImportError(
    t('import_jsonDuplicateKey', {
      key: JSON.stringify(d.key),
      where: d.path.length ? where : t('import_jsonDocument'),
      line: String(line),
      column: String(column),
    }),
    d.path.length ? where : 'document',
  );
}

/** `JSON.parse`, with a syntax error turned into a message that says where. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const end = text.trimEnd().length;
    let pos: number | undefined = jsonErrorOffset(text);
    if (pos < 0) {
      const p = /position (\d+)/.exec(msg);
      pos = /end of (JSON )?(input|data)/i.test(msg) ? end : p ? Number(p[1]) : undefined;
    }
    let where: string | undefined;
    // (line and column as text: "line 1234", not "line 1,234")
    let at: { line: string; column: string } | undefined;
    if (pos !== undefined) {
      const { line, column } = lineColumn(text, pos);
      where = `line ${line}, column ${column}`;
      at = { line: String(line), column: String(column) };
    }
    if (pos !== undefined && pos >= end) throw new ImportError(at ? t('import_jsonTruncatedAt', at) : t('import_jsonTruncated'), where);
    const detail = msg
      .replace(/^JSON\.parse: /, '')
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/,? in JSON at position \d+.*$/s, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '')
      .replace(/\.$/, '');
    throw new ImportError(at ? t('import_jsonInvalidAt', { ...at, detail }) : t('import_jsonInvalid', { detail }), where);
  }
}
