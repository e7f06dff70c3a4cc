// The search engine on the real ICLR 2019 corpus: known-item queries with typos and prefixes rank
// the intended paper in the top 3; filters, phrases, exclusions, sorting, facets; incremental
// updates and persistence.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadIclrNotes, makeCorpus } from '../../bench/corpus';
import { parseQuery } from '../../lib/query';
import { PaperIndex, processTerm, venueName } from '../../lib/search';
import type { PaperRecord } from '../../lib/types';
import { haveShared, sharedPages } from '../helpers/dom';

function paper(id: string, title: string, authors: string[], extra: Partial<PaperRecord> = {}): PaperRecord {
  return { id, title, authors, ids: {}, sources: [{ site: 'arxiv', url: 'https://arxiv.org/abs/x', capturedAt: '' }], citationHistory: [], idKeys: [], titleKey: '', authorIds: [], collectionIds: [], addedAt: Number(id), updatedAt: Number(id), ...extra };
}

const small = [
  paper('1', 'Denoising Diffusion Probabilistic Models', ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'], { venue: 'NeurIPS 2020', year: 2020, citations: 9000, categories: ['cs.LG'], codeUrl: 'https://github.com/x/y' }),
  paper('2', 'Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], { venue: 'NeurIPS 2017', year: 2017, citations: 90000, categories: ['cs.CL'], abstract: 'The dominant sequence transduction models…' }),
  paper('3', 'Über die Elektrodynamik bewegter Körper', ['Albert Einstein'], { venue: 'Annalen der Physik', year: 1905, citations: 5000, collectionIds: ['c1'] }),
  paper('4', 'Manifold Mixup: Better Representations by Interpolating Hidden States', ['Vikas Verma', 'Alex Lamb'], { venue: 'ICML 2019', year: 2019, citations: 1200, tldr: 'A regulariser that interpolates hidden states.', sources: [{ site: 'openreview', url: 'https://openreview.net/forum?id=x', capturedAt: '' }] }),
];

describe('search engine (small)', () => {
  const idx = new PaperIndex();
  idx.upsert(small);
  const ids = (q: string, o = {}) => idx.search(parseQuery(q), o).hits.map((h) => h.id);

  it('folds case and accents, drops stop words', () => {
    expect(processTerm('Über')).toBe('uber');
    expect(processTerm('the')).toBeNull();
    expect(ids('uber korper')[0]).toBe('3');
  });
  it('matches the word being typed as a prefix, and forgives typos', () => {
    expect(ids('diffu')[0]).toBe('1');
    expect(ids('manif mix')[0]).toBe('4');
    expect(ids('difusion modles')[0]).toBe('1');
    expect(ids('atention')[0]).toBe('2');
  });
  it('filters: author, year ranges, venue, site, category, has, collection, phrase, exclusion', () => {
    expect(ids('author:"vaswani"')).toEqual(['2']);
    expect(ids('author:"noam shazeer"')).toEqual(['2']);
    expect(ids('year:2017..2020', { sort: 'newest' })).toEqual(['1', '4', '2']);
    expect(ids('year:2019')).toEqual(['4']);
    expect(ids('venue:neurips').sort()).toEqual(['1', '2']);
    expect(ids('site:openreview')).toEqual(['4']);
    expect(ids('cat:cs.LG')).toEqual(['1']);
    expect(ids('cat:cs')).toEqual(expect.arrayContaining(['1', '2']));
    expect(ids('has:code')).toEqual(['1']);
    expect(ids('has:abstract')).toEqual(['2']);
    expect(ids('has:tldr')).toEqual(['4']);
    expect(ids('collection:"physics"', { collectionIdsByName: new Map([['physics', 'c1']]) })).toEqual(['3']);
    expect(ids('"hidden states"')).toEqual(['4']);
    expect(ids('neurips -attention')).toEqual(['1']);
    expect(ids('models venue:neurips year:2020')).toEqual(['1']);
  });
  it('sorts by relevance, newest and most cited', () => {
    expect(ids('year:1900..2030', { sort: 'cited' })).toEqual(['2', '1', '3', '4']);
    expect(ids('year:1900..2030', { sort: 'newest' })).toEqual(['1', '4', '2', '3']);
  });
  it('counts facets over all matches', () => {
    const r = idx.search(parseQuery('year:1900..2030'), { facets: true });
    expect(r.total).toBe(4);
    expect(r.facets!.venue).toEqual(expect.arrayContaining([['NeurIPS', 2]]));
    expect(r.facets!.year[0]).toEqual(['2020', 1]);
    expect(r.facets!.site).toEqual([['arxiv', 3], ['openreview', 1]]);
    expect(venueName('ICLR 2019 Conference')).toBe('ICLR Conference');
  });
  it('updates and removes incrementally, and survives a save/load round trip', () => {
    const i2 = new PaperIndex();
    i2.upsert(small);
    i2.upsert([paper('2', 'Attention Is Not Explanation', ['Sarthak Jain'], { updatedAt: 99 })]);
    expect(i2.search(parseQuery('explanation')).hits[0].id).toBe('2');
    expect(i2.search(parseQuery('vaswani')).hits).toEqual([]);
    i2.remove(['1']);
    expect(i2.search(parseQuery('diffusion')).hits).toEqual([]);
    const back = PaperIndex.fromJSON(i2.toJSON())!;
    expect(back.size).toBe(3);
    expect(back.stamp).toBe(99);
    expect(back.search(parseQuery('manifold')).hits[0].id).toBe('4');
    expect(PaperIndex.fromJSON('{"v":0}')).toBeNull();
    expect(PaperIndex.fromJSON('not json')).toBeNull();
  });
});

describe.skipIf(!haveShared() || !existsSync(join(sharedPages, 'openreview/iclr2019-notes.json')))('search on the ICLR 2019 corpus', () => {
  let idx: PaperIndex;
  let papers: PaperRecord[];
  beforeAll(() => {
    papers = makeCorpus(loadIclrNotes(join(sharedPages, 'openreview/iclr2019-notes.json')), 5000);
    idx = new PaperIndex();
    idx.upsert(papers);
  });
  const rankOf = (q: string, title: string) => {
    const hits = idx.search(parseQuery(q), { limit: 10 }).hits;
    return hits.findIndex((h) => papers.find((p) => p.id === h.id)!.title === title);
  };
  // Known-item queries as users type them: words, prefixes, typos.
  const MANIFOLD = 'Manifold Mixup: Learning Better Representations by Interpolating Hidden States';
  const cases: [string, string][] = [
    ['smoothing geometry box embeddings', 'Smoothing the Geometry of Probabilistic Box Embeddings'],
    ['smoothing the geometry of probabilistic box embed', 'Smoothing the Geometry of Probabilistic Box Embeddings'],
    ['probabilistc box embedings', 'Smoothing the Geometry of Probabilistic Box Embeddings'],
    ['manifold mixup', MANIFOLD],
    ['manifld mixp', MANIFOLD],
    ['large scale gan training', 'Large Scale GAN Training for High Fidelity Natural Image Synthesis'],
    ['lottery ticket', 'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks'],
    ['lotery tiket hypothesis', 'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks'],
    ['ordered neurons', 'Ordered Neurons: Integrating Tree Structures into Recurrent Neural Networks'],
    ['darts differentiable architecture', 'DARTS: Differentiable Architecture Search'],
    ['how powerful graph neural', 'How Powerful are Graph Neural Networks?'],
  ];
  for (const [q, title] of cases) {
    it(`"${q}" finds "${title}" in the top 3`, () => {
      if (!papers.some((p) => p.title === title)) throw new Error(`"${title}" is not in the corpus`);
      const r = rankOf(q, title);
      expect(r, `rank of "${title}"`).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(3);
    });
  }
  it('a query of only common words still answers (scan path)', () => {
    const r = idx.search(parseQuery('learning'), { limit: 20 });
    expect(r.total).toBeGreaterThan(100);
    expect(r.hits).toHaveLength(20);
  });
  it('1–2 letter prefixes answer', () => {
    expect(idx.search(parseQuery('g'), { limit: 5 }).hits.length).toBe(5);
    expect(idx.search(parseQuery('ga'), { limit: 5 }).hits.length).toBe(5);
  });
});

describe('topK', () => {
  it('equals a full sort, stably enough for ties', async () => {
    const { topK } = await import('../../lib/search');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 500 }), fc.integer({ min: 1, max: 40 }), (xs, k) => {
        const cmp = (a: number, b: number) => b - a;
        expect(topK([...xs], k, cmp)).toEqual([...xs].sort(cmp).slice(0, k));
      }),
    );
  });
});
