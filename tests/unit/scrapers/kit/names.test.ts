// Author names: splitting displayed lists, noticing cut lists, and the "Last, First" metadata form.
import { describe, expect, it } from 'vitest';
import { displayName, splitAuthors } from '../../../../lib/scrapers/kit/names';

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
  });
});
