/**
 * Structure of a page as the heuristics read it, independent of any site's class names: text
 * segments (innermost text blocks), the item (card / entry / result) each anchor element belongs
 * to, document order, and the title of an item. Used by author-profile.ts and paper-search.ts.
 */
import { clean } from '../kit/dom';
import { walkDom } from '../kit/walk';

/** Element tags that start a block; `li` is deliberately absent so an author `<ul>` stays one segment. */
const BLOCK_TAGS = (
  'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form ' +
  'h1 h2 h3 h4 h5 h6 header main nav ol p pre section table tbody td th thead tr ul'
).split(' ');
/** Selector of the block elements (see `BLOCK_TAGS`). */
export const BLOCK_SELECTOR = BLOCK_TAGS.join(',');
/** Elements whose text is never page content (scripts, controls). */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);
/** Selector of the headings. */
export const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6';

// Node constants, spelled out: the `Node` global is absent in some content-script/test contexts.
const FOLLOWING = 4;

/** True when `b` comes after `a` in document order. */
export function isAfter(a: Node, b: Node): boolean {
  return a !== b && (a.compareDocumentPosition(b) & FOLLOWING) !== 0;
}

/**
 * The innermost text blocks under `root`, in document order: elements with text and no block-level
 * descendant (a `<p>`, an inline-only `<div>`, a `<h3>`, an author `<ul>` of `<li>`s).
 */
export function segments(root: Element, out: Element[] = []): Element[] {
  // Iterative (kit/walk.ts): a page's nesting depth must not overflow the stack.
  walkDom(root, {
    element: (child) => {
      if (SKIP_TAGS.has(child.tagName) || !clean(child.textContent)) return false;
      if (child.querySelector(BLOCK_SELECTOR)) return true;
      out.push(child);
      return false;
    },
  });
  return out;
}

/**
 * Text of `el` without the subtrees `skip` rejects (e.g. "(Show abstract)" toggles), cleaned.
 */
export function textWithout(el: Element, skip: (e: Element) => boolean): string {
  const parts: string[] = [];
  walkDom(el, {
    text: (t) => void parts.push(t.textContent ?? ''),
    element: (e) => !skip(e) && !SKIP_TAGS.has(e.tagName),
  });
  return clean(parts.join(''));
}

/**
 * The item (card / entry / result) each anchor belongs to: the highest ancestor that holds this
 * anchor and no other, and that does not contain a page-level landmark (`stop`). One pass over
 * the anchors' ancestor chains, so linear in anchors × depth.
 */
export function itemContainers(anchors: Element[], stop: (el: Element) => boolean): Map<Element, Element> {
  const counts = new Map<Element, number>();
  for (const a of anchors) {
    for (let p = a.parentElement; p; p = p.parentElement) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const out = new Map<Element, Element>();
  for (const a of anchors) {
    let c = a;
    for (;;) {
      const p = c.parentElement;
      if (!p || p.tagName === 'BODY' || p.tagName === 'HTML' || counts.get(p) !== 1 || stop(p)) break;
      c = p;
    }
    out.set(a, c);
  }
  return out;
}

/** Whether `el` or one of its ancestors is in `set`. */
export function insideAny(set: Set<Element>, el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (set.has(e)) return true;
  return false;
}

/** Strip site decoration from an item's title ("[PDF]", "Title:", a trailing "[forum]" icon label). */
export function cleanItemTitle(s: string): string {
  return clean(
    clean(s)
      .replace(/^(?:\[(?:pdf|html|citation|book|code)\]\s*)+/i, '')
      .replace(/^title\s*:\s*/i, '')
      .replace(/\s*\[(?:pdf|forum|html|code)\]/gi, ''),
  );
}
