// visibleText: one walker whose options reproduce what each site needs (decoration out, <br> and
// blocks as word breaks, math as its TeX source), and splitList.
import { describe, expect, it } from 'vitest';
import { BLOCK_TAGS, splitList, visibleText } from '../../../../lib/scrapers/kit/text';
import { parseHtml } from '../../../helpers/dom';

const el = (html: string): Element =>
  parseHtml(`<!DOCTYPE html><html><body><div id="x">${html}</div></body></html>`, 'https://example.org/').getElementById('x')!;

describe('visibleText', () => {
  it('concatenates text runs as shown, never reading scripts, styles or templates', () => {
    expect(
      visibleText(el('<span>Graph </span><em>Neural</em><span> Nets</span><script>var x</script><style>p{}</style><template>t</template>')),
    ).toBe('Graph Neural Nets');
    expect(visibleText(null)).toBe('');
  });

  it('leaves out skipped subtrees, as a space only when asked', () => {
    const x = el('Title:<span class="d">label</span>Deep<button>Expand</button>Nets');
    expect(visibleText(x, { skip: '.d, button' })).toBe('Title:DeepNets');
    expect(visibleText(x, { skip: '.d, button', skipAsSpace: true })).toBe('Title: Deep Nets');
  });

  it('reads <br> as a space when asked, and blocks as word breaks', () => {
    expect(visibleText(el('line one<br>line two'))).toBe('line oneline two');
    expect(visibleText(el('line one<br>line two'), { br: true })).toBe('line one line two');
    expect(visibleText(el('<p>First.</p><p>Second <em>one</em>.</p>'), { blocks: true })).toBe('First. Second one.');
    expect(visibleText(el('<p>First.</p><p>Second.</p>'))).toBe('First.Second.');
    expect(BLOCK_TAGS.has('P') && !BLOCK_TAGS.has('SPAN')).toBe(true);
  });

  it('reads math as its source: MathJax 2 scripts, LaTeXML alttext, MathJax 3 assistive MathML', () => {
    const mj2 =
      '<span class="MathJax_Preview"></span><span class="MathJax"><span class="mi">A∗</span><span class="MJX_Assistive_MathML">A∗</span></span><script type="math/tex">A^*</script> sampling';
    expect(visibleText(el(mj2), { math: true })).toBe('$A^*$ sampling');
    expect(visibleText(el('a<script type="math/tex; mode=display">x^2</script>b'), { math: true })).toBe('a$$x^2$$b');
    expect(visibleText(el('a<script type="math/tex; mode=display">x^2</script>b'), { math: true, blocks: true })).toBe('a $$x^2$$ b');
    expect(visibleText(el('Bounds for <math alttext="f"><mi>f</mi></math>-Divergences'), { math: true })).toBe(
      'Bounds for $f$-Divergences',
    );
    expect(
      visibleText(
        el(
          '<mjx-container class="MathJax"><mjx-math>glyphs</mjx-math><mjx-assistive-mml><math><mi>μ</mi></math></mjx-assistive-mml></mjx-container>-GAN',
        ),
        {
          math: true,
        },
      ),
    ).toBe('μ-GAN');
    // Without the option, math is read as plain text.
    expect(visibleText(el('<math alttext="f"><mi>f</mi></math>'))).toBe('f');
  });
});

describe('splitList', () => {
  it('splits on the given separators, trims and drops empty items', () => {
    expect(splitList(' a, b ;c,, ')).toEqual(['a', 'b', 'c']);
    expect(splitList('Computer Science · Medicine • Biology', ',;·•')).toEqual(['Computer Science', 'Medicine', 'Biology']);
    expect(splitList('a-b, c', ',-')).toEqual(['a', 'b', 'c']);
    expect(splitList(null)).toEqual([]);
  });
});
