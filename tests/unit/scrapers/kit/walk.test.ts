// The scrapers' DOM walks are iterative (kit/walk.ts): a page's nesting depth never overflows the
// stack (issue 16: a snippet nested 12,000 deep ended in "Maximum call stack size exceeded" and lost
// the page). Chains are built with appendChild, as a page's script would (HTML parsers cap nesting).
import { describe, expect, it } from 'vitest';
import { STOP, walkDom } from '../../../../lib/scrapers/kit/walk';
import { visibleText } from '../../../../lib/scrapers/kit/text';
import { textWithout } from '../../../../lib/scrapers/heuristics/page-structure';
import { readSummary } from '../../../../lib/scrapers/sites/semantic-scholar';
import { parseHtml } from '../../../helpers/dom';

const DEPTH = 12_000;

/** `<div id=root>` holding `before`, a chain `depth` elements deep ending in `text`, then `after`. */
function deepDoc(depth: number, text: string) {
  const doc = parseHtml('<div id="root">Before <b class="skip">label</b> </div>', 'https://example.org/');
  const root = doc.getElementById('root')!;
  let at: Element = root;
  for (let d = 0; d < depth; d++) at = at.appendChild(doc.createElement(d % 3 === 0 ? 'div' : d % 3 === 1 ? 'span' : 'em'));
  at.appendChild(doc.createTextNode(text));
  root.appendChild(doc.createTextNode(' after.'));
  return { doc, root };
}

describe('walkDom', () => {
  it('visits in document order, enters only where asked, leaves each entered element, stops on STOP', () => {
    const doc = parseHtml('<div id="r">a<p>b<i>c</i></p><s>x</s>d<br><u>e</u>f</div>', 'https://example.org/');
    const seen: string[] = [];
    walkDom(doc.getElementById('r')!, {
      text: (t) => void seen.push(t.data),
      element: (e) => {
        seen.push(`<${e.tagName.toLowerCase()}>`);
        if (e.tagName === 'U') return STOP;
        return e.tagName !== 'S';
      },
      leave: (e) => void seen.push(`</${e.tagName.toLowerCase()}>`),
    });
    expect(seen).toEqual(['a', '<p>', 'b', '<i>', 'c', '</i>', '</p>', '<s>', 'd', '<br>', '</br>', '<u>']);
  });

  it(`walks a chain ${DEPTH.toLocaleString('en-US')} elements deep (and 100,000) without overflowing`, () => {
    for (const depth of [DEPTH, 100_000]) {
      const { root } = deepDoc(depth, 'deep');
      let texts = 0;
      let entered = 0;
      let left = 0;
      walkDom(root, { text: () => void texts++, element: () => (entered++, true), leave: () => void left++ });
      expect({ texts, entered, left }).toEqual({ texts: 5, entered: depth + 1, left: depth + 1 }); // the chain and the label
    }
  });
});

describe(`text extraction ${DEPTH.toLocaleString('en-US')} elements deep`, () => {
  it('visibleText reads the whole text, with its options', () => {
    const { root } = deepDoc(DEPTH, 'the nested words');
    expect(visibleText(root)).toBe('Before label the nested words after.');
    expect(visibleText(root, { skip: '.skip', blocks: true, math: true })).toBe('Before the nested words after.');
  });

  it('the heuristics read it (textWithout)', () => {
    const { root } = deepDoc(DEPTH, 'the nested words');
    expect(textWithout(root, (e) => e.classList.contains('skip'))).toBe('Before the nested words after.');
  });

  it('a site reader reads it (Semantic Scholar summary)', () => {
    const { root } = deepDoc(DEPTH, 'An abstract nested far down the page, read whole.');
    expect(readSummary(root).abstract).toBe('Before label An abstract nested far down the page, read whole. after.');
  });
});
