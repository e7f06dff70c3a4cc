/**
 * LaTeX → Unicode for the text inside BibTeX fields (`decodeLatex`), and the lighter clean-up of
 * verbatim fields (url, doi, eprint). The command tables live in ./latex-tables.ts. Pure.
 */
import { clean } from '../../core/text';
import { own } from './imported-paper';
import { ACCENTS, BARE_ACCENTS, DROP_ARG, SILENT, SYMBOLS, WRAPPERS } from './latex-tables';

/** An ASCII letter: what TeX reads as part of a control word's name. */
export const isLetter = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);

/**
 * Decode the LaTeX inside a BibTeX field into plain Unicode text: accents (`\"{o}`, `{\'e}`, `\c c`,
 * `\'{\i}`), special letters (`\ss`, `\o`, `\ae`), escaped specials (`\&`, `\%`, `\textbackslash{}`),
 * font commands (`\emph{x}` → x), ties and dashes (`~`, `--`, `---`), TeX quotes, math (`$\alpha$` →
 * α; unknown commands keep their name: `$\log n$` → "log n"). Protective braces are dropped. The
 * result is whitespace-collapsed.
 */
export function decodeLatex(s: string): string {
  let i = 0;
  const n = s.length;

  const readCommand = (): { name: string; letter: boolean } => {
    // s[i] is just after the backslash
    if (isLetter(s[i])) {
      const start = i;
      while (isLetter(s[i])) i++;
      const name = s.slice(start, i);
      // TeX skips spaces after a control word ("\ss e" = "ße").
      while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
      return { name, letter: true };
    }
    return { name: s[i++] ?? '', letter: false };
  };

  // One argument: a {group} (decoded) or a single token.
  const readArg = (): string => {
    while (s[i] === ' ') i++;
    if (s[i] === '{') {
      i++;
      return seq(true);
    }
    if (s[i] === '\\') {
      i++;
      return command();
    }
    if (i >= n) return '';
    const cp = String.fromCodePoint(s.codePointAt(i)!);
    i += cp.length;
    return cp;
  };

  const rawGroup = (): string => {
    while (s[i] === ' ') i++;
    if (s[i] !== '{') return '';
    let depth = 0;
    const start = i + 1;
    for (; i < n; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) return s.slice(start, i++);
    }
    return s.slice(start);
  };

  const command = (): string => {
    const { name, letter } = readCommand();
    const accent = own(ACCENTS, name);
    if (accent && (!letter || name.length === 1)) {
      const arg = readArg();
      if (!arg) return own(BARE_ACCENTS, name) ?? '';
      // An accent on a dotless ı/ȷ is the accented i/j ("\'{\i}" = "í").
      const base = arg[0] === 'ı' ? 'i' : arg[0] === 'ȷ' ? 'j' : arg[0];
      return (base + accent).normalize('NFC') + arg.slice(1);
    }
    if (!letter) {
      if ('&%$#_{}'.includes(name)) return name;
      if (name === ' ' || name === ',' || name === ';' || name === ':' || name === '\\' || name === '\n') return ' ';
      return ''; // \- \/ \@ \! and friends print nothing
    }
    const sym = own(SYMBOLS, name);
    if (sym !== undefined) return sym;
    if (WRAPPERS.has(name)) return readArg();
    if (name === 'url') return rawGroup();
    if (name === 'href') {
      rawGroup();
      return readArg();
    }
    if (DROP_ARG.has(name)) {
      if (s[i] === '{') rawGroup();
      return '';
    }
    if (SILENT.has(name)) return '';
    if (s[i] === '{') {
      // Unknown command with an argument: keep the argument ("\foo{x}" → x), or the command's
      // name when the argument is empty ("\LaTeXish{}" → LaTeXish).
      i++;
      const arg = seq(true);
      return arg || name;
    }
    return name;
  };

  const seq = (inGroup: boolean): string => {
    let out = '';
    while (i < n) {
      const c = s[i];
      if (c === '}') {
        i++;
        if (inGroup) return out;
        continue; // stray closing brace: ignore
      }
      if (c === '{') {
        i++;
        out += seq(true);
      } else if (c === '\\') {
        i++;
        out += command();
      } else if (c === '$') {
        i++;
      } else if (c === '~') {
        i++;
        out += ' ';
      } else if (c === '-' && s[i + 1] === '-') {
        if (s[i + 2] === '-') {
          out += '—';
          i += 3;
        } else {
          out += '–';
          i += 2;
        }
      } else if (c === '`') {
        if (s[i + 1] === '`') {
          out += '“';
          i += 2;
        } else {
          out += '‘';
          i++;
        }
      } else if (c === "'" && s[i + 1] === "'") {
        out += '”';
        i += 2;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };

  return clean(seq(false).normalize('NFC'));
}

/** Value of a verbatim field (url, doi, eprint): `\url{…}` unwrapped, `\_`-style escapes undone, braces and spaces dropped. */
export function decodeVerbatim(s: string): string {
  return clean(s)
    .replace(/\\url\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([_%&#$~])/g, '$1')
    .replace(/[{}\s]/g, '');
}
