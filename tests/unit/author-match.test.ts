import { describe, expect, it } from 'vitest';
import { authorQueryWords, editDistance, matchAuthors, sortAuthors } from '@/lib/search/author-match';

const a = (name: string, papers = 1, otherNames?: string[]) => ({
  name,
  paperIds: Array.from({ length: papers }, (_, i) => i),
  otherNames,
});
const AUTHORS = [
  a('R. Manmatha', 30),
  a('Raghavan Manmatha', 2),
  a('Bart van Merriënboer', 12),
  a('Geoffrey E. Hinton', 96),
  a('Yoshua Bengio', 80, ['Y. Bengio']),
  a('Andreas Madsack', 6),
  a('Samy Bengio', 40),
];
const names = (q: string, limit?: number) => matchAuthors(AUTHORS, q, limit).map((m) => m.author.name);

describe('matchAuthors', () => {
  it('finds an author by surname, exact or as a prefix being typed', () => {
    expect(names('manmatha')).toEqual(['R. Manmatha', 'Raghavan Manmatha']);
    expect(names('manm')).toEqual(['R. Manmatha', 'Raghavan Manmatha']);
    expect(names('hinton')).toEqual(['Geoffrey E. Hinton']);
  });

  it('tolerates typos: a missing, wrong, extra or swapped letter', () => {
    for (const q of ['manmata', 'manmatho', 'mannmatha', 'mamnatha', 'hintno', 'madsak']) expect(names(q).length, q).toBeGreaterThan(0);
    expect(names('manmata')[0]).toBe('R. Manmatha');
    expect(names('hintno')).toEqual(['Geoffrey E. Hinton']);
    // A typo while still typing the word.
    expect(names('manmat')).toContain('R. Manmatha');
    expect(names('mamnat')).toContain('R. Manmatha');
  });

  it('does not let short words or far-off words match by typo', () => {
    expect(names('hin')).toEqual(['Geoffrey E. Hinton']);
    expect(names('bin')).toEqual([]);
    expect(names('manhattan')).toEqual([]);
    expect(names('transformer')).toEqual([]);
  });

  it('folds accents and case both ways', () => {
    expect(names('merrienboer')).toEqual(['Bart van Merriënboer']);
    expect(names('MERRIËNBOER')).toEqual(['Bart van Merriënboer']);
    expect(matchAuthors([a('Bart van Merrienboer')], 'merriënboer')).toHaveLength(1);
  });

  it('ignores name order and punctuation: "Manmatha, R." is "R. Manmatha"', () => {
    const lib = [a('Manmatha, R.', 3), a('Hinton, Geoffrey')];
    expect(matchAuthors(lib, 'r manmatha').map((m) => m.author.name)).toEqual(['Manmatha, R.']);
    expect(matchAuthors(lib, 'manmatha r').map((m) => m.author.name)).toEqual(['Manmatha, R.']);
    expect(matchAuthors(lib, 'geoffrey hinton').map((m) => m.author.name)).toEqual(['Hinton, Geoffrey']);
    expect(names('raghavan manmatha')).toEqual(['Raghavan Manmatha']);
  });

  it('needs every word to match: a paper query lists no authors', () => {
    expect(names('samy bengio')).toEqual(['Samy Bengio']);
    expect(names('bengio deep learning')).toEqual([]);
  });

  it('ranks exact over prefix over typo, then by papers collected', () => {
    expect(names('bengio')).toEqual(['Yoshua Bengio', 'Samy Bengio']);
    const lib = [a('Hintonn Smith', 50), a('Hinton', 1), a('Hintonian', 99)];
    expect(matchAuthors(lib, 'hinton').map((m) => m.author.name)).toEqual(['Hinton', 'Hintonian', 'Hintonn Smith']);
    expect(names('bengio', 1)).toEqual(['Yoshua Bengio']);
  });

  it('matches the names other linked profiles gave', () => {
    const lib = [a('Raghavan Manmatha', 5, ['R. Manmatha', 'Manmatha, R.'])];
    expect(matchAuthors(lib, 'r manmatha')).toHaveLength(1);
    expect(matchAuthors(lib, 'author:"manmatha, r."')).toHaveLength(1);
  });

  it('reads author: values, and only those when given', () => {
    expect(names('author:manmata')).toEqual(['R. Manmatha', 'Raghavan Manmatha']);
    expect(names('author:"samy bengio" year:2019 dropout')).toEqual(['Samy Bengio']);
    expect(names('year:2019')).toEqual([]);
    expect(authorQueryWords('r')).toEqual([]);
    expect(authorQueryWords('')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps, stopping past the bound', () => {
    expect(editDistance('manmatha', 'manmatha', 2)).toBe(0);
    expect(editDistance('manmata', 'manmatha', 2)).toBe(1);
    expect(editDistance('mamnatha', 'manmatha', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
  });
});

describe('sortAuthors', () => {
  const au = (
    name: string,
    papers: number,
    updatedAt: number,
    reported: { capturedAt: string; citations?: number; hIndex?: number }[] = [],
  ) => ({
    name,
    paperIds: Array.from({ length: papers }, (_, i) => i),
    updatedAt,
    reported,
  });
  const lib = [
    au('Carol', 3, 30, [{ capturedAt: '2024-01-01', citations: 500, hIndex: 9 }]),
    au('alice', 9, 10),
    au('Bob', 1, 50, [
      { capturedAt: '2023-01-01', citations: 9000, hIndex: 40 },
      { capturedAt: '2025-01-01', citations: 100, hIndex: 4 },
    ]),
  ];
  const order = (o: Parameters<typeof sortAuthors>[1]) => sortAuthors(lib, o).map((a) => a.name);
  it('sorts by name, papers, latest reported citations and h-index (unreported last), last seen', () => {
    expect(order('name')).toEqual(['alice', 'Bob', 'Carol']);
    expect(order('papers')).toEqual(['alice', 'Carol', 'Bob']);
    expect(order('citations')).toEqual(['Carol', 'Bob', 'alice']);
    expect(order('hIndex')).toEqual(['Carol', 'Bob', 'alice']);
    expect(order('lastSeen')).toEqual(['Bob', 'Carol', 'alice']);
    expect(lib.map((a) => a.name)).toEqual(['Carol', 'alice', 'Bob']);
    const people = [au('Zoë Adams', 1, 0), au('Manmatha, R.', 1, 0), au('Ann Émile', 1, 0), au('Bart van Merriënboer', 1, 0)];
    expect(sortAuthors(people, 'name').map((a) => a.name)).toEqual(['Zoë Adams', 'Ann Émile', 'Manmatha, R.', 'Bart van Merriënboer']);
  });
});
