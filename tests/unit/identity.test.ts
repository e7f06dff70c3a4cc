import { describe, expect, it } from 'vitest';
import {
  betterAuthors,
  canonicalIds,
  idKeys,
  idsConflict,
  isPreprintVenue,
  mergePaper,
  paperIdFor,
  sameByTitle,
} from '../../lib/core/identity';
import { nameKey, surname, titleKey } from '../../lib/core/normalize';
import type { PaperRecord } from '../../lib/core/types';

function rec(p: Partial<PaperRecord>): PaperRecord {
  return {
    id: 'p-1',
    title: 'T',
    authors: [],
    ids: {},
    sources: [],
    citationHistory: [],
    idKeys: [],
    titleKey: titleKey(p.title ?? 'T'),
    authorIds: [],
    collectionIds: [],
    addedAt: 0,
    updatedAt: 0,
    ...p,
  };
}

describe('normalisation', () => {
  it('folds case, accents, LaTeX and punctuation in titles', () => {
    expect(titleKey('Über {B}ayesian $\\alpha$-Models: A Study')).toBe('uber bayesian alpha models a study');
    expect(titleKey('\\emph{Attention} Is All You Need.')).toBe(titleKey('attention is all you need'));
    expect(titleKey("Caf\\'{e} na\u00efve\u200b")).toBe('cafe naive');
  });
  it('finds surnames in every name order', () => {
    expect(surname('Manmatha, R.')).toBe('manmatha');
    expect(surname('R. Manmatha')).toBe('manmatha');
    expect(surname('Aaron Clauset 0001')).toBe('clauset');
    expect(surname('Bart van Merriënboer')).toBe('merrienboer');
    expect(nameKey('Raghavan Manmatha')).toBe('r manmatha');
    expect(nameKey('Manmatha, R.')).toBe('r manmatha');
  });
});

describe('identity', () => {
  it('turns arXiv DOIs into arXiv ids and builds index keys', () => {
    expect(canonicalIds({ doi: '10.48550/arxiv.2301.00001' })).toEqual({ arxiv: '2301.00001' });
    expect(idKeys({ doi: '10.1/ABC', arxiv: '2301.00001' })).toEqual(['doi:10.1/abc', 'arxiv:2301.00001']);
  });
  it('detects conflicting strong ids but not several DBLP keys', () => {
    expect(idsConflict({ doi: '10.1/a' }, { doi: '10.1/b' })).toBe(true);
    expect(idsConflict({ doi: '10.1/a' }, { doi: '10.1/A' })).toBe(false);
    expect(idsConflict({ dblp: 'journals/corr/abs-1' }, { dblp: 'conf/iclr/X19' })).toBe(false);
  });
  it('matches by title only with compatible year and first author', () => {
    const r = rec({ title: 'Deep Residual Learning', year: 2016, authors: ['Kaiming He'] });
    expect(sameByTitle({ title: 'Deep residual learning.', year: 2015, authors: ['K He'] }, r)).toBe(true);
    expect(sameByTitle({ title: 'Deep residual learning', year: 2019, authors: ['K He'] }, r)).toBe(false);
    expect(sameByTitle({ title: 'Deep residual learning', year: 2016, authors: ['J Smith'] }, r)).toBe(false);
    expect(sameByTitle({ title: 'Deep residual learning', year: 2016, authors: ['Anonymous'] }, r)).toBe(true);
    expect(
      sameByTitle(
        { title: 'Deep residual learning', year: 2016, authors: ['Kaiming He'], ids: { doi: '10.1/x' } },
        { ...r, ids: { doi: '10.1/y' } },
      ),
    ).toBe(false);
  });
  it('derives stable ids', () => {
    expect(paperIdFor({ title: 'X', ids: { doi: '10.1/A' } })).toBe(paperIdFor({ title: 'Other', ids: { doi: '10.1/a' } }));
    expect(paperIdFor({ title: 'X', year: 2020 })).toMatch(/^p-[0-9a-f]{16}$/);
  });
  it('prefers a complete author list, published venues, richer abstracts, newest citations', () => {
    expect(betterAuthors({ authors: ['A', 'B', 'C'], truncated: true }, { authors: ['A', 'B'] }).authors).toEqual(['A', 'B']);
    expect(isPreprintVenue('arXiv preprint arXiv:2301.00001')).toBe(true);
    expect(isPreprintVenue('CoRR')).toBe(true);
    expect(isPreprintVenue('NeurIPS')).toBe(false);
    const m = mergePaper(
      rec({
        title: 'T',
        venue: 'arXiv preprint',
        abstract: '… short snippet …',
        citations: 3,
        ids: { arxiv: '2301.00001' },
        idKeys: ['arxiv:2301.00001'],
      }),
      {
        title: 'T',
        authors: ['A'],
        venue: 'ICLR',
        abstract: 'A full abstract that is complete.',
        citations: 7,
        ids: { doi: '10.1/x' },
      },
    );
    expect(m).toMatchObject({
      venue: 'ICLR',
      abstract: 'A full abstract that is complete.',
      citations: 7,
      ids: { arxiv: '2301.00001', doi: '10.1/x' },
    });
    expect(m.idKeys).toEqual(['arxiv:2301.00001', 'doi:10.1/x']);
  });
});
