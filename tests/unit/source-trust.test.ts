// Issue 15, "trust per source": a paper's title and author list from an authoritative page (arXiv,
// OpenReview, ACL, DBLP, a publisher) are not replaced by a row of a user-editable profile (Google
// Scholar / Semantic Scholar author pages); that row's version stays in its source.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';
import { descriptionTrust } from '../../lib/core/identity';
import type { ScrapeResult } from '../../lib/core/types';

let db: PaperdexDB;
let n = 0;
beforeEach(async () => {
  db = new PaperdexDB(`test-trust-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ABS: ScrapeResult = {
  site: 'arxiv',
  kind: 'paper',
  url: 'https://arxiv.org/abs/1706.03762',
  papers: [
    {
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      year: 2017,
      ids: { arxiv: '1706.03762' },
      url: 'https://arxiv.org/abs/1706.03762',
    },
  ],
};

/** A Scholar profile row claiming the same arXiv paper, with invented co-authors. */
const PROFILE: ScrapeResult = {
  site: 'google-scholar',
  kind: 'author',
  url: 'https://scholar.google.com/citations?user=AAAAAAAAAAAA',
  author: { name: 'Some Body' },
  papers: [
    {
      title: 'Attention is all you need (extended)',
      authors: ['Some Body', 'Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Invented Person'],
      year: 2017,
      ids: { arxiv: '1706.03762' },
      citations: 100_000,
    },
  ],
};

describe('descriptionTrust', () => {
  it('authoritative sites, aggregators and profiles', () => {
    expect(descriptionTrust('arxiv', 'listing')).toBe(2);
    expect(descriptionTrust('dblp', 'author')).toBe(2);
    expect(descriptionTrust('nature', 'paper')).toBe(2);
    expect(descriptionTrust('google-scholar', 'search')).toBe(1);
    expect(descriptionTrust('semantic-scholar', 'paper')).toBe(1);
    expect(descriptionTrust('google-scholar', 'author')).toBe(0);
    expect(descriptionTrust('semantic-scholar', 'author')).toBe(0);
    expect(descriptionTrust('orcid', 'author')).toBe(0);
  });
});

describe('a profile row never rewrites an authoritative description', () => {
  it('arXiv first, then the Scholar profile: title and authors stay; the row keeps its version in its source', async () => {
    await saveCapture(db, ABS);
    await saveCapture(db, PROFILE);
    const [p] = await db.papers.toArray();
    expect(p.title).toBe('Attention Is All You Need');
    expect(p.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    // Other fields still merge: the profile's citation count is the newest seen.
    expect(p.citations).toBe(100_000);
    const scholar = p.sources.find((s) => s.site === 'google-scholar')!;
    expect(scholar.title).toBe('Attention is all you need (extended)');
    expect(scholar.authors).toEqual(['Some Body', 'Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Invented Person']);
    const arxiv = p.sources.find((s) => s.site === 'arxiv')!;
    expect(arxiv.title).toBeUndefined();
    expect(arxiv.authors).toBeUndefined();
  });

  it('the profile first, then arXiv: the authoritative page replaces the row, even with fewer names', async () => {
    await saveCapture(db, PROFILE);
    await saveCapture(db, ABS);
    const [p] = await db.papers.toArray();
    expect(p.title).toBe('Attention Is All You Need');
    expect(p.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    // Capturing the profile again changes nothing of that.
    await saveCapture(db, PROFILE);
    const [again] = await db.papers.toArray();
    expect(again.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    expect(again.title).toBe('Attention Is All You Need');
  });

  it('pages of equal trust still merge as before (the fuller list wins)', async () => {
    const search = (authors: string[], url: string): ScrapeResult => ({
      site: 'google-scholar',
      kind: 'search',
      url,
      papers: [{ title: 'A Paper', authors, year: 2020, ids: { doi: '10.1/x' } }],
    });
    await saveCapture(db, search(['A One', 'B Two'], 'https://scholar.google.com/scholar?q=a'));
    await saveCapture(db, search(['A One', 'B Two', 'C Three'], 'https://scholar.google.com/scholar?q=b'));
    const [p] = await db.papers.toArray();
    expect(p.authors).toEqual(['A One', 'B Two', 'C Three']);
    expect(p.sources.every((s) => s.authors === undefined)).toBe(true);
  });
});
