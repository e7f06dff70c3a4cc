// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BADGE_TAG, findTitleElements, showBadges } from '../../lib/content/badges';

function page(html: string): Document {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', html);
  return document;
}

describe('in-page badges', () => {
  const html = `
    <div class="gs_r gs_or"><h3 class="gs_rt"><a href="#">Deep Residual Learning</a></h3></div>
    <div class="gs_r gs_or"><h3 class="gs_rt"><span class="gs_ctc">[PDF]</span> <a href="#">Attention is all you need</a></h3></div>
    <dd><div class="list-title mathjax"><span class="descriptor">Title:</span> Über {B}ayesian Models</div></dd>`;
  const papers = [
    { title: 'Deep residual learning' },
    { title: 'Attention Is All You Need' },
    { title: 'Uber Bayesian models' },
    { title: 'Not on page' },
  ];

  it('finds the element showing each title', () => {
    const doc = page(html);
    const els = findTitleElements(doc, papers);
    expect(els[0]?.tagName).toBe('H3');
    expect(els[2]?.className).toContain('list-title');
    expect(els[3]).toBeNull();
  });

  it('badges only known papers, once, without changing title text', () => {
    const doc = page(html);
    const before = doc.querySelector('h3')!.textContent;
    expect(showBadges(doc, papers, [true, false, true, true])).toBe(2);
    expect(showBadges(doc, papers, [true, false, true, true])).toBe(2); // idempotent
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(2);
    expect(doc.querySelector('h3')!.textContent).toBe(before);
    const host = doc.querySelector(BADGE_TAG) as HTMLElement;
    expect(host.getAttribute('style')).toContain('display:inline-block !important');
    expect(host.shadowRoot).toBeNull(); // closed: the page can't reach into it
  });
});
