/**
 * The .bib syntax: a scanner that turns a BibTeX file into raw entries (type, key, fields with macros
 * expanded and `#` concatenated, LaTeX still inside) and syntax errors with the line to look at.
 * Understands @string, @preamble, @comment, `%` comment lines, `{…}` and `(…)` delimiters, and
 * resynchronises after an error at the next line starting with `@`. Pure.
 */
import { isLetter } from './latex';

/** A problem in a BibTeX file. `line` is 1-based. */
export interface BibError {
  line: number;
  message: string;
}

/** The predefined month macros of BibTeX, `jan`…`dec`, in order. */
export const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One field of an entry as the file wrote it. */
export interface RawField {
  /** Macro-expanded, concatenated value with the outer delimiters removed; inner LaTeX untouched. */
  value: string;
  line: number;
}

/** One entry as the file wrote it (not @string, @preamble or @comment). */
export interface RawEntry {
  /** Lower-case entry type: "article", "inproceedings"… */
  type: string;
  /** The citation key, as written. */
  key: string;
  /** 1-based line of the `@`. */
  line: number;
  /** Fields by lower-case name; a repeated field keeps its first value. */
  fields: Map<string, RawField>;
}

/** Thrown inside the parser to abandon the current entry; becomes a `BibError`. */
class Fail {
  constructor(
    readonly line: number,
    readonly message: string,
    /** Where to resume scanning; default: the next line that starts with `@`. */
    readonly resumeAt?: number,
  ) {}
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MAX_ERRORS = 50;

/**
 * The scanner: `new BibParser(text).run()` fills `entries`, `errors` (syntax errors, each with the
 * line to look at; capped at 50) and `warnings` (undefined macros, duplicate fields). After an error
 * it resumes at the next line starting with `@`, so one pass reports every broken entry.
 */
export class BibParser {
  private i = 0;
  private readonly lineStarts: number[] = [0];
  private readonly macros = new Map<string, string>(MONTH_MACROS.map((m, k) => [m, MONTH_NAMES[k]]));
  readonly entries: RawEntry[] = [];
  readonly errors: BibError[] = [];
  readonly warnings: BibError[] = [];
  /** Where the last complete entry ended, for messages about a stray '}' after it. */
  private lastEntry?: { key: string; line: number; end: number };
  /** Brace depth of free text between entries, and whether a stray '}' there was reported. */
  private junkDepth = 0;
  private strayReported = false;

  constructor(private readonly s: string) {
    for (let k = 0; k < s.length; k++) if (s[k] === '\n') this.lineStarts.push(k + 1);
  }

  line(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  run(): void {
    const s = this.s;
    while (this.i < s.length && this.errors.length < MAX_ERRORS) {
      const c = s[this.i];
      if (c === '@' && !/[\w.+-]/.test(s[this.i - 1] ?? '') && isLetter(s[this.i + 1])) {
        // (an "@" right after a word character is an e-mail address in free text, and one not
        // followed by a letter cannot start an entry: both are free text, which BibTeX ignores)
        this.junkDepth = 0;
        this.strayReported = false;
        try {
          this.entry();
        } catch (e) {
          if (!(e instanceof Fail)) throw e;
          this.errors.push({ line: e.line, message: e.message });
          this.resync(e.resumeAt);
        }
      } else if (c === '%' && this.atLineStart(this.i)) {
        // A comment line ("% @article{old, …}" must not be read as an entry). A '%' inside a
        // line of free text is just text: after an entry that closed early, the rest of its
        // fields ("50\% …}") are free text and their braces must still be counted.
        this.skipLine();
      } else if (c === '{') {
        this.junkDepth++;
        this.i++;
      } else if (c === '}') {
        // Outside an entry BibTeX ignores text, but a closing brace there without an opening one
        // means an entry closed early: its remaining fields would silently be dropped. Reported
        // once per early-closed entry.
        if (this.junkDepth > 0) this.junkDepth--;
        else if (!this.strayReported) {
          this.errors.push(this.strayBrace());
          this.strayReported = true;
        }
        this.i++;
      } else {
        this.i++;
      }
    }
  }

  private strayBrace(): BibError {
    const here = this.line(this.i);
    const prev = this.lastEntry;
    // Field text between the previous entry's end and this brace: that entry was closed early by
    // an extra '}' in one of its values, and the fields after it were cut off.
    if (prev && /=/.test(this.s.slice(prev.end, this.i))) {
      const endLine = this.line(prev.end - 1);
      return {
        line: endLine,
        message: `Unbalanced braces: entry '${prev.key}' (line ${prev.line}) is closed at line ${endLine}, but field text follows up to a stray '}' at line ${here} — an extra '}' in a value?`,
      };
    }
    return { line: here, message: "Unexpected '}' outside an entry: unbalanced braces" };
  }

  /** Only spaces or tabs between the start of the line and `pos`. */
  private atLineStart(pos: number): boolean {
    let k = pos;
    while (k > 0 && (this.s[k - 1] === ' ' || this.s[k - 1] === '\t')) k--;
    return k === 0 || this.s[k - 1] === '\n' || this.s[k - 1] === '\r';
  }

  private skipLine(): void {
    const nl = this.s.indexOf('\n', this.i);
    this.i = nl < 0 ? this.s.length : nl + 1;
  }

  /** Continue at `at`, or at the next line starting with "@" after the current position. */
  private resync(at?: number): void {
    if (at !== undefined) {
      this.i = at;
      return;
    }
    // The error may have been found at an "@" that starts a line (the next entry): resume there.
    if (this.s[this.i] === '@' && this.atLineStart(this.i)) return;
    const re = /\n[ \t]*@/g;
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    this.i = m ? m.index + m[0].length - 1 : this.s.length;
  }

  /** Skip whitespace and %-comments between tokens. */
  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\ufeff') this.i++;
      else if (c === '%') this.skipLine();
      else break;
    }
  }

  private ident(): string {
    const m = /[^\s"#%'(),={}@\\]+/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) return '';
    this.i += r[0].length;
    return r[0];
  }

  /**
   * Citation keys allow more than identifiers (DBLP:journals/corr/abs-1706-03762, o'neil2020), and
   * brace groups: Google Scholar writes the LaTeX of a surname into its keys (`m{\"u}ller2019does`),
   * which BibTeX accepts since it reads a key up to the comma.
   */
  private citeKey(): string {
    const m = /(?:[^\s,{}()"#%=]|\{[^\s,{}]+\})+/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) return '';
    this.i += r[0].length;
    return r[0];
  }

  private describe(pos: number): string {
    if (pos >= this.s.length) return 'the end of the file';
    const c = this.s[pos];
    return c === '\n' || c === '\r' ? 'a line break' : `'${c}'`;
  }

  private entry(): void {
    const s = this.s;
    const at = this.i;
    const startLine = this.line(at);
    this.i++; // '@'
    this.ws();
    const type = this.ident().toLowerCase();
    if (!type || !/^[a-z]/.test(type)) throw new Fail(startLine, `Expected an entry type after '@' (found ${this.describe(this.i)})`);
    this.ws();
    const open = s[this.i];
    if (type === 'comment' && open !== '{' && open !== '(') {
      // "@comment text…" without braces: BibTeX ignores the rest of the line.
      this.skipLine();
      return;
    }
    if (open !== '{' && open !== '(') throw new Fail(startLine, `Expected '{' after '@${type}' (found ${this.describe(this.i)})`);
    const close = open === '{' ? '}' : ')';
    this.i++;

    if (type === 'comment') {
      this.skipComment(startLine, close);
      return;
    }
    if (type === 'preamble') {
      this.ws();
      this.value('@preamble');
      this.expectClose(close, '@preamble', startLine);
      return;
    }
    if (type === 'string') {
      this.ws();
      const name = this.ident();
      if (!name) throw new Fail(this.line(this.i), `Expected a macro name in @string (found ${this.describe(this.i)})`);
      this.ws();
      if (s[this.i] !== '=')
        throw new Fail(this.line(this.i), `Expected '=' after @string name '${name}' (found ${this.describe(this.i)})`);
      this.i++;
      this.ws();
      const v = this.value(name);
      this.macros.set(name.toLowerCase(), v.value);
      this.ws();
      if (s[this.i] === ',') this.i++;
      this.expectClose(close, `@string{${name}}`, startLine);
      return;
    }

    this.ws();
    const key = this.citeKey();
    this.ws();
    if (!key || s[this.i] === '=') throw new Fail(startLine, `Entry @${type} has no citation key`);
    const e: RawEntry = { type, key, line: startLine, fields: new Map() };
    if (s[this.i] === close) {
      this.i++;
      this.entries.push(e);
      this.lastEntry = { key, line: startLine, end: this.i };
      return;
    }
    if (s[this.i] !== ',')
      throw new Fail(
        this.line(this.i),
        `Expected ',' after the key '${key}' of the entry at line ${startLine} (found ${this.describe(this.i)})`,
      );
    this.i++;
    for (;;) {
      this.ws();
      if (this.i >= s.length)
        throw new Fail(startLine, `Entry '${key}' is never closed: missing '${close}' (unbalanced braces) — reached the end of the file`);
      if (s[this.i] === close) {
        this.i++;
        break;
      }
      const fieldLine = this.line(this.i);
      const name = this.ident().toLowerCase();
      if (!name) throw new Fail(fieldLine, `Expected a field name or '${close}' in entry '${key}' (found ${this.describe(this.i)})`);
      this.ws();
      if (s[this.i] !== '=')
        throw new Fail(this.line(this.i), `Expected '=' after field '${name}' in entry '${key}' (found ${this.describe(this.i)})`);
      this.i++;
      this.ws();
      const v = this.value(name, key);
      if (e.fields.has(name))
        this.warnings.push({ line: fieldLine, message: `Entry '${key}': duplicate field '${name}' ignored (the first one is kept)` });
      else e.fields.set(name, { value: v.value, line: fieldLine });
      this.ws();
      if (s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (s[this.i] === close) {
        this.i++;
        break;
      }
      if (this.i >= s.length)
        throw new Fail(startLine, `Entry '${key}' is never closed: missing '${close}' (unbalanced braces) — reached the end of the file`);
      // The usual cause is a value whose braces do not balance: it swallowed the following lines
      // and ended somewhere unexpected. Point at the line where that value started.
      const here = this.line(this.i);
      if (v.endLine > v.startLine) {
        throw new Fail(
          v.startLine,
          `Unbalanced braces? The value of field '${name}' in entry '${key}' starts at line ${v.startLine} and runs to line ${v.endLine}, then ${this.describe(this.i)} follows at line ${here} where ',' or '${close}' was expected`,
        );
      }
      throw new Fail(here, `Expected ',' or '${close}' after field '${name}' in entry '${key}' (found ${this.describe(this.i)})`);
    }
    this.entries.push(e);
    this.lastEntry = { key, line: startLine, end: this.i };
  }

  private expectClose(close: string, what: string, startLine: number): void {
    this.ws();
    if (this.s[this.i] !== close)
      throw new Fail(
        this.line(this.i),
        `Expected '${close}' to close ${what} opened at line ${startLine} (found ${this.describe(this.i)})`,
      );
    this.i++;
  }

  private skipComment(startLine: number, close: string): void {
    const s = this.s;
    let depth = 1;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '{' || (close === ')' && c === '(')) depth++;
      else if (c === '}' || (close === ')' && c === ')')) {
        if (--depth === 0) {
          this.i++;
          return;
        }
      }
    }
    throw new Fail(startLine, '@comment is never closed (unbalanced braces) — reached the end of the file');
  }

  /** A field value: parts joined by `#`. */
  private value(field: string, key?: string): { value: string; startLine: number; endLine: number } {
    const s = this.s;
    const where = key ? `field '${field}' of entry '${key}'` : field;
    let out = '';
    const startLine = this.line(this.i);
    for (;;) {
      const c = s[this.i];
      const partLine = this.line(this.i);
      if (c === '{') out += this.braced(where, partLine);
      else if (c === '"') out += this.quoted(where, partLine);
      else if (c !== undefined && /[0-9]/.test(c)) {
        const start = this.i;
        while (/[0-9]/.test(s[this.i] ?? '')) this.i++;
        out += s.slice(start, this.i);
      } else {
        const name = this.ident();
        if (!name) throw new Fail(this.line(this.i), `Expected a value for ${where} (found ${this.describe(this.i)})`);
        const m = this.macros.get(name.toLowerCase());
        if (m === undefined) {
          // BibTeX warns and uses an empty string; the name itself is more useful ("jmlr").
          this.warnings.push({ line: partLine, message: `Undefined @string macro '${name}' in ${where}; used as text` });
          out += name;
        } else out += m;
      }
      const end = this.i;
      this.ws();
      if (s[this.i] === '#') {
        this.i++;
        this.ws();
        continue;
      }
      return { value: out, startLine, endLine: this.line(Math.max(end - 1, 0)) };
    }
  }

  private braced(where: string, openLine: number): string {
    const s = this.s;
    const start = ++this.i;
    let depth = 1;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '{') depth++;
      else if (c === '}') {
        if (--depth === 0) return s.slice(start, this.i++);
      } else if (c === '\n') {
        // A new entry starting inside a value means the value's braces never closed.
        const m = /[ \t]*@[A-Za-z]+[ \t]*[{(]/y;
        m.lastIndex = this.i + 1;
        if (m.exec(s)) {
          throw new Fail(
            openLine,
            `Unbalanced braces: the value of ${where} opened at line ${openLine} is not closed before the next entry at line ${this.line(this.i + 1)}`,
            this.i + 1,
          );
        }
      }
    }
    throw new Fail(openLine, `Unbalanced braces: the value of ${where} opened at line ${openLine} is never closed`);
  }

  private quoted(where: string, openLine: number): string {
    const s = this.s;
    const start = ++this.i;
    let depth = 0;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '{') depth++;
      else if (c === '}') {
        // Usually a missing closing quote: the value ran into the entry's closing brace.
        if (--depth < 0)
          throw new Fail(
            openLine,
            `The quoted value of ${where} opened at line ${openLine} is not closed before the '}' at line ${this.line(this.i)} (missing '"' or unbalanced braces)`,
          );
      } else if (c === '"' && depth === 0) return s.slice(start, this.i++);
    }
    throw new Fail(openLine, `The quoted value of ${where} opened at line ${openLine} is never closed (missing '"' or unbalanced braces)`);
  }
}
