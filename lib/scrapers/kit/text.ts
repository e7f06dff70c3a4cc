/**
 * Visible text of an element as a reader sees it, for the site adapters: decoration left out,
 * `<br>` and block elements as word breaks where the markup relies on them, and typeset math read
 * as its TeX source so a title is the same string before and after MathJax runs and on every front
 * end. One walker with options instead of one per adapter. Pure.
 */
import { clean } from './dom';
import { walkDom } from './walk';

/** Elements that start a new line when rendered: their text never runs into a neighbour's. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Never text: scripts (bar math sources), styles, templates. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * What MathJax (v2 HTML-CSS/CHTML/SVG output, the v2 preview) adds beside the source it typesets:
 * rendered glyphs, not text.
 */
const MATHJAX_OUTPUT =
  '.MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_CHTML, .MathJax_SVG, .MathJax_SVG_Display, .MJX_Assistive_MathML';

/** How `visibleText` reads an element. */
export interface TextOptions {
  /** Subtrees to leave out (a selector): labels, toggles, icons, footnotes. */
  skip?: string;
  /** A left-out subtree still separates the words around it ("Title:<span>…" labels). */
  skipAsSpace?: boolean;
  /**
   * Read typeset math as its source: MathJax 2's `<script type="math/tex">` (as `$…$` / `$$…$$`,
   * its rendered output skipped), LaTeXML's `<math alttext>` (arxiv.org/html, ar5iv), and MathJax
   * 3's assistive MathML text (MathJax 3 keeps no source).
   */
  math?: boolean;
  /** Block elements (and `<br>`) separate words: markdown-rendered paragraphs. */
  blocks?: boolean;
  /** `<br>` separates words (Scholar snippets break lines with `<br>` and no whitespace). */
  br?: boolean;
}

/**
 * Cleaned text of `el` under `opts`. Text nodes are concatenated as textContent does (sites split
 * highlighted words into `<em>`/`<span>` runs and write the spaces themselves), so separators are
 * added only where the options say.
 */
export function visibleText(el: Element | null | undefined, opts: TextOptions = {}): string {
  if (!el) return '';
  const parts: string[] = [];
  // Iterative (kit/walk.ts): a page's nesting depth must not overflow the stack.
  walkDom(el, {
    text: (t) => void parts.push(t.nodeValue ?? ''),
    element: (e) => {
      const tag = e.tagName.toUpperCase();
      if (opts.math && readMath(e, tag, parts, !!opts.blocks)) return false;
      if (NEVER_TEXT.has(tag)) return false;
      if (tag === 'BR' && (opts.br || opts.blocks)) {
        parts.push(' ');
        return false;
      }
      if (opts.skip && e.matches(opts.skip)) {
        if (opts.skipAsSpace) parts.push(' ');
        return false;
      }
      if (opts.blocks && BLOCK_TAGS.has(tag)) parts.push(' ');
      return true;
    },
    leave: (e) => {
      if (opts.blocks && BLOCK_TAGS.has(e.tagName.toUpperCase())) parts.push(' ');
    },
  });
  return clean(parts.join(''));
}

/** Push the text of a math element; false when `e` is not math (or MathJax output to skip). */
function readMath(e: Element, tag: string, parts: string[], blocks: boolean): boolean {
  if (tag === 'SCRIPT') {
    const type = e.getAttribute('type') ?? '';
    if (!/^math\/tex/i.test(type)) return false;
    const display = /mode=display/i.test(type);
    const d = display ? '$$' : '$';
    const gap = display && blocks ? ' ' : '';
    parts.push(`${gap}${d}${clean(e.textContent)}${d}${gap}`);
    return true;
  }
  if (tag === 'MATH' && e.getAttribute('alttext')) {
    parts.push(`$${clean(e.getAttribute('alttext'))}$`);
    return true;
  }
  if (tag === 'MJX-CONTAINER') {
    // MathJax 3 CHTML draws glyphs with CSS; only the assistive MathML carries text.
    parts.push(e.querySelector('mjx-assistive-mml')?.textContent ?? e.textContent ?? '');
    return true;
  }
  return e.matches(MATHJAX_OUTPUT);
}

/** Split a displayed list ("a, b; c") into its cleaned, non-empty items; `separators` is a character class. */
export function splitList(s: string | null | undefined, separators = ',;'): string[] {
  const re = new RegExp(`\\s*[${separators.replace(/[\]\\^-]/g, '\\$&')}]\\s*`);
  return clean(s)
    .split(re)
    .map((k) => clean(k))
    .filter(Boolean);
}
