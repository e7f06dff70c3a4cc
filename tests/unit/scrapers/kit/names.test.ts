// Author names: splitting displayed lists, noticing cut lists, and the "Last, First" metadata form.
import { describe, expect, it } from 'vitest';
import { cleanAuthorList, displayName, splitAuthors } from '../../../../lib/scrapers/kit/names';
import { scrapePage } from '../../../../lib/scrapers/registry';
import { parseHtml } from '../../../helpers/dom';

describe('splitAuthors', () => {
  it('splits on commas, semicolons, "and" and "&", and reports a cut list', () => {
    expect(splitAuthors('A Smith, B Jones and C Lee')).toEqual({ authors: ['A Smith', 'B Jones', 'C Lee'], truncated: false });
    expect(splitAuthors('A Smith; B Jones & C Lee')).toEqual({ authors: ['A Smith', 'B Jones', 'C Lee'], truncated: false });
    expect(splitAuthors('A Smith, B Jones, et al.')).toEqual({ authors: ['A Smith', 'B Jones'], truncated: true });
    expect(splitAuthors('F Jiang, DA Scott…')).toEqual({ authors: ['F Jiang', 'DA Scott'], truncated: true });
    expect(splitAuthors('F Jiang, JA Doudna, ...')).toEqual({ authors: ['F Jiang', 'JA Doudna'], truncated: true });
    expect(splitAuthors('')).toEqual({ authors: [], truncated: false });
  });

  it('splits on the separators a site uses only', () => {
    expect(splitAuthors('Smith & Wesson, B Jones', /\s*,\s*/).authors).toEqual(['Smith & Wesson', 'B Jones']);
  });
});

describe('displayName', () => {
  // Moved from arxiv.test.ts.
  it('flips "Last, First" meta names only', () => {
    expect(displayName('Thompson, Jordan')).toBe('Jordan Thompson');
    expect(displayName('Jordan Thompson')).toBe('Jordan Thompson');
    expect(displayName('  Mohd,  Tauheed Khan ')).toBe('Tauheed Khan Mohd');
    // Metadata's "Leinaas, J. M." is the printed "J. M. Leinaas"; CJK names keep family-first order.
    expect(displayName('Leinaas, J. M.')).toBe('J. M. Leinaas');
    expect(displayName('王, 小明')).toBe('王小明');
    expect(displayName('山田, 太郎')).toBe('山田太郎');
    expect(displayName('김, 민준')).toBe('김민준');
    expect(displayName('Wang, Xiaoming')).toBe('Xiaoming Wang');
  });
});

describe('cleanAuthorList (issue 15: "Anonymous", "et al.", "+N authors" are never authors)', () => {
  const cases: [string[], { authors: string[]; truncated: boolean }][] = [
    [['Anonymous'], { authors: [], truncated: false }],
    [['Anonymous Authors'], { authors: [], truncated: false }],
    [['anonymous'], { authors: [], truncated: false }],
    [['Ada Lovelace', 'et al.'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace', 'et al'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace et al.'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace', 'and others'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace', '+3 authors'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace', '+ 12'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace', '4 more'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace', '…'], { authors: ['Ada Lovelace'], truncated: true }],
    [['Ada Lovelace…'], { authors: ['Ada Lovelace'], truncated: true }],
    [['  Grace   Hopper ', ''], { authors: ['Grace Hopper'], truncated: false }],
    // Names that only look like the words above stay.
    [['Al Etal', 'Anonymousa Smith', 'Moreno Ross'], { authors: ['Al Etal', 'Anonymousa Smith', 'Moreno Ross'], truncated: false }],
    [['王小明', '李 华'], { authors: ['王小明', '李 华'], truncated: false }],
  ];
  for (const [names, want] of cases) it(JSON.stringify(names), () => expect(cleanAuthorList(names)).toEqual(want));

  it('keeps a truncation the adapter already saw', () => {
    expect(cleanAuthorList(['A B'], true)).toEqual({ authors: ['A B'], truncated: true });
  });

  it('the registry applies it to every result: an OpenReview double-blind row has no author', () => {
    const url = 'https://openreview.net/forum?id=H1xSNiRcF7';
    const html = `<html><head><meta name="citation_title" content="A Blind Submission">
      <meta name="citation_author" content="Anonymous"><meta name="citation_publication_date" content="2018/09/27"></head><body></body></html>`;
    const got = scrapePage(parseHtml(html, url), new URL(url), { mode: 'click' });
    for (const p of got.result?.papers ?? []) expect(p.authors).not.toContain('Anonymous');
    expect(got.result?.papers.length).toBeGreaterThan(0);
  });
});
