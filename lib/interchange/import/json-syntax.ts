/**
 * JSON syntax errors with a position every engine agrees on: `JSON.parse`, with a failure turned
 * into an {@link ImportError} that says where (line and column) and whether the file looks truncated.
 */
import { ImportError } from './import-types';

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

/**
 * Offset of the first JSON syntax error in `s` (`s.length` when it ends too early), or -1 if there
 * is none. Engines word (and place) JSON.parse errors differently, some without a position; this
 * finds it the same way everywhere. Iterative: no recursion limit on deep nesting.
 */
export function jsonErrorOffset(s: string): number {
  const n = s.length;
  const stack: string[] = [];
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
  for (;;) {
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    if (i >= n) return expect === 'end' ? -1 : n;
    const c = s[i];
    switch (expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        break;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if (c === (top === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = after();
        } else return i;
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
        if (c !== '"') return i;
        {
          const e = string();
          if (e >= 0) return e;
        }
        expect = 'colon';
        break;
      default:
        if (expect === 'valueOrEnd' && c === ']') {
          stack.pop();
          i++;
          expect = after();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
        } else if (c === '"') {
          const e = string();
          if (e >= 0) return e;
          expect = after();
        } else {
          const re = c === '-' || (c >= '0' && c <= '9') ? JSON_NUMBER : JSON_LITERAL;
          re.lastIndex = i;
          if (!re.test(s)) return c === '-' && i + 1 >= n ? n : i;
          i = re.lastIndex;
          expect = after();
        }
    }
  }
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
    if (pos !== undefined) {
      const { line, column } = lineColumn(text, pos);
      where = `line ${line}, column ${column}`;
    }
    const at = where ? ` at ${where}` : '';
    if (pos !== undefined && pos >= end) throw new ImportError(`The JSON ends unexpectedly${at}: the file looks truncated.`, where);
    const detail = msg
      .replace(/^JSON\.parse: /, '')
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/,? in JSON at position \d+.*$/s, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '')
      .replace(/\.$/, '');
    throw new ImportError(`The file is not valid JSON${at}: ${detail}.`, where);
  }
}
