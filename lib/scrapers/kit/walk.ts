/**
 * The one DOM walker of the scrapers: document order over an element's descendants, without
 * recursion. A page controls its nesting depth (a snippet 12,000 elements deep is legal HTML built
 * by script), and a recursive walker would end in "Maximum call stack size exceeded" and lose the
 * whole page; this one follows firstChild / nextSibling / parentNode links, so depth costs nothing.
 * Pure.
 */

/** Returned by a visitor to end the walk at once. */
export const STOP = 'stop';

/** What a walk does at each node. */
export interface Visitor {
  /** A text node. */
  text?(node: Text): void | typeof STOP;
  /** An element: true to walk into it, false to leave its subtree out. */
  element(el: Element): boolean | typeof STOP;
  /** After the subtree of an element the walk went into (also when it had no children). */
  leave?(el: Element): void;
}

// Node types, spelled out: the `Node` global is absent in some content-script/test contexts.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Walk the descendants of `root` (not `root` itself) in document order. */
export function walkDom(root: Node, visit: Visitor): void {
  let node: Node | null = root.firstChild;
  while (node) {
    let into = false;
    if (node.nodeType === TEXT_NODE) {
      if (visit.text?.(node as Text) === STOP) return;
    } else if (node.nodeType === ELEMENT_NODE) {
      const r = visit.element(node as Element);
      if (r === STOP) return;
      if (r && node.firstChild) into = true;
      else if (r) visit.leave?.(node as Element);
    }
    if (into) {
      node = node.firstChild;
      continue;
    }
    // Next in document order: the next sibling, else climb, leaving each parent we walked into.
    while (node && !node.nextSibling) {
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) return;
      visit.leave?.(parent as Element);
      node = parent;
    }
    node = node ? node.nextSibling : null;
  }
}
