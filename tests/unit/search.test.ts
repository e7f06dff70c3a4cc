import { describe, expect, it } from 'vitest';
import { createIndex, processTerm, searchIndex, upsertPapers } from '../../lib/search';
import type { PaperRecord } from '../../lib/types';

function paper(id: string, title: string, authors: string[], venue?: string): PaperRecord {
  return { id, title, authors, venue, ids: {}, sources: [], citationHistory: [], idKeys: [], titleKey: '', authorIds: [], collectionIds: [], addedAt: 0, updatedAt: 0 };
}

const papers = [
  paper('1', 'Denoising Diffusion Probabilistic Models', ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'], 'NeurIPS'),
  paper('2', 'Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], 'NeurIPS'),
  paper('3', 'Über die Elektrodynamik bewegter Körper', ['Albert Einstein'], 'Annalen der Physik'),
  paper('4', 'Manifold Mixup: Better Representations by Interpolating Hidden States', ['Vikas Verma', 'Alex Lamb'], 'ICML'),
];

describe('search', () => {
  const index = createIndex();
  upsertPapers(index, papers);
  const top = (q: string) => searchIndex(index, q)[0]?.id;

  it('folds case and accents, drops stop words', () => {
    expect(processTerm('Über')).toBe('uber');
    expect(processTerm('the')).toBeNull();
    expect(top('uber korper')).toBe('3');
  });
  it('matches the word being typed as a prefix', () => {
    expect(top('diffu')).toBe('1');
    expect(top('manif mix')).toBe('4');
  });
  it('tolerates typos', () => {
    expect(top('difusion modles')).toBe('1');
    expect(top('atention')).toBe('2');
  });
  it('searches authors and venues', () => {
    expect(top('vaswani')).toBe('2');
    expect(searchIndex(index, 'neurips').map((h) => h.id).sort()).toEqual(['1', '2']);
  });
  it('updates incrementally', () => {
    upsertPapers(index, [paper('2', 'Attention Is Not Explanation', ['Sarthak Jain'])]);
    expect(top('explanation')).toBe('2');
    expect(searchIndex(index, 'vaswani')).toEqual([]);
  });
});
