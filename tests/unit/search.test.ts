// The search engine on the real ICLR 2019 corpus: known-item queries with typos and prefixes rank
// the intended paper in the top 3; filters, phrases, exclusions, sorting, facets; incremental
// updates and persistence. On a synthetic library large enough for the bitset paths (common words,
// short prefixes, filter sets, facets), totals and facets equal a brute-force reference, also after
// removals, reused doc numbers and a save/load round trip.
import { describeShared } from '../helpers/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadIclrNotes, makeCorpus, rng } from '../../bench/corpus';
import { foldText } from '../../lib/core/normalize';
import { parseQuery, type ParsedQuery } from '../../lib/search/query';
import { PaperIndex } from '../../lib/search/engine';
import { processTerm, venueName } from '../../lib/core/terms';
import type { PaperRecord, SiteId } from '../../lib/core/types';
import { sharedPages } from '../helpers/dom';

function paper(id: string, title: string, authors: string[], extra: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id,
    title,
    authors,
    ids: {},
    sources: [{ site: 'arxiv', url: 'https://arxiv.org/abs/x', capturedAt: '' }],
    citationHistory: [],
    idKeys: [],
    titleKey: '',
    authorIds: [],
    collectionIds: [],
    addedAt: Number(id),
    updatedAt: Number(id),
    ...extra,
  };
}

const small = [
  paper('1', 'Denoising Diffusion Probabilistic Models', ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'], {
    venue: 'NeurIPS 2020',
    year: 2020,
    citations: 9000,
    categories: ['cs.LG'],
    codeUrl: 'https://github.com/x/y',
  }),
  paper('2', 'Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], {
    venue: 'NeurIPS 2017',
    year: 2017,
    citations: 90000,
    categories: ['cs.CL'],
    abstract: 'The dominant sequence transduction models…',
  }),
  paper('3', 'Über die Elektrodynamik bewegter Körper', ['Albert Einstein'], {
    venue: 'Annalen der Physik',
    year: 1905,
    citations: 5000,
    collectionIds: ['c1'],
  }),
  paper('4', 'Manifold Mixup: Better Representations by Interpolating Hidden States', ['Vikas Verma', 'Alex Lamb'], {
    venue: 'ICML 2019',
    year: 2019,
    citations: 1200,
    tldr: 'A regulariser that interpolates hidden states.',
    sources: [{ site: 'openreview', url: 'https://openreview.net/forum?id=x', capturedAt: '' }],
  }),
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
    expect(r.facets!.site).toEqual([
      ['arxiv', 3],
      ['openreview', 1],
    ]);
    expect(venueName('ICLR 2019 Conference')).toBe('ICLR Conference');
  });
  it('finds and counts papers stored under a renamed site id as that site', () => {
    const legacy = new PaperIndex();
    const src = (site: string, i: string) => ({
      sources: [{ site, url: 'https://lab.example.org/' + i, capturedAt: '' }] as PaperRecord['sources'],
    });
    legacy.upsert([
      paper('1', 'Old Capture Of A Profile Page', ['Ann Lee'], src('seed-author', '1')),
      paper('2', 'New Capture Of A Profile Page', ['Ann Lee'], src('author-profile', '2')),
      paper('3', 'Both Captures Of A Profile Page', ['Ann Lee'], {
        sources: [...src('seed-author', '3').sources, ...src('author-profile', '3').sources],
      }),
      paper('4', 'An arXiv Paper', ['Bo Chan']),
    ]);
    const r = legacy.search(parseQuery('site:author-profile'), { facets: true, sort: 'newest' });
    expect(r.hits.map((h) => h.id)).toEqual(['3', '2', '1']);
    expect(legacy.search(parseQuery('site:seed-author'), { sort: 'newest' }).hits.map((h) => h.id)).toEqual(['3', '1']);
    expect(legacy.search(parseQuery('profile page'), { facets: true }).facets!.site).toEqual([['author-profile', 3]]);
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

describeShared('search on the ICLR 2019 corpus', ['pages/openreview/iclr2019-notes.json'], () => {
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
      expect(r, `rank of "${title}" (-1: not found)`).not.toBe(-1);
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

describe('search engine (bitset paths, synthetic 3,000 papers)', () => {
  // A small vocabulary, so that most words are "common" (in more than 4 % of papers) and queries
  // go through the word-prefix sets, plus rare words (for the looked-up path).
  const WORDS =
    'alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega graph learning neural network model robust sparse deep attention'.split(
      ' ',
    );
  const NAMES = ['Ana Kim', 'Ana Kowalski', 'Bo Chen', 'Wei Zhang', 'Wei Zhou', 'Zoe Lam', 'Kai Ito', 'Mia Novak'];
  const VENUES = ['NeurIPS 2019', 'ICLR', 'Neural Computation', 'ICML 2020', 'Nature Machine Intelligence'];
  const SITES: SiteId[] = ['arxiv', 'openreview', 'google-scholar', 'dblp'];
  const CATS = ['cs.LG', 'cs.AI', 'stat.ML', 'cs.CV'];
  const make = (n: number, from = 0, seed = 7) => {
    const r = rng(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    return Array.from({ length: n }, (_, k) => {
      const i = from + k;
      const title =
        Array.from({ length: 3 + Math.floor(r() * 4) }, () => pick(WORDS)).join(' ') + (i % 97 === 0 ? ` rareword${i % 3}` : '');
      return paper(
        String(1000 + i),
        title,
        Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(NAMES)),
        {
          year: r() < 0.1 ? undefined : 2000 + Math.floor(r() * 21),
          venue: r() < 0.1 ? undefined : pick(VENUES),
          citations: Math.floor(r() * 50),
          categories: r() < 0.2 ? undefined : [pick(CATS), ...(r() < 0.3 ? [pick(CATS)] : [])],
          keywords: r() < 0.5 ? [pick(WORDS), pick(WORDS)] : undefined,
          tldr: r() < 0.3 ? `we study ${pick(WORDS)} with ${pick(WORDS)}` : undefined,
          abstract: r() < 0.7 ? `the ${pick(WORDS)} of ${pick(WORDS)} abstractonly${i % 5}` : undefined,
          codeUrl: r() < 0.3 ? 'https://github.com/x/y' : undefined,
          pdfUrl: r() < 0.5 ? 'https://x/y.pdf' : undefined,
          sources: [{ site: pick(SITES), url: 'https://x/' + i, capturedAt: '' }],
          collectionIds: r() < 0.2 ? ['c1'] : [],
          addedAt: 1000 + i,
          updatedAt: 1000 + i,
        },
      );
    });
  };

  /** The primary text of a paper, folded, with a leading space (as word-prefix checks need it). */
  const texts = new WeakMap<PaperRecord, { t: string; authors: string[]; venue: string }>();
  const textOf = (p: PaperRecord) => {
    let x = texts.get(p);
    if (!x) {
      const t =
        ' ' +
        foldText(
          [p.title, p.authors.join(' '), p.venue ?? '', (p.keywords ?? []).join(' '), (p.categories ?? []).join(' '), p.tldr ?? ''].join(
            ' ',
          ),
        );
      x = { t, authors: p.authors.map((a) => ' ' + foldText(a)), venue: ' ' + foldText(p.venue ?? '') };
      texts.set(p, x);
    }
    return x;
  };
  /** The query semantics, brute force: every term a word prefix of the primary text, every filter. */
  const reference = (ps: PaperRecord[], q: ParsedQuery) => {
    return ps.filter((p) => {
      const { t, authors, venue } = textOf(p);
      if (!q.terms.every((w) => !processTerm(w) || t.includes(' ' + w))) return false;
      if (q.yearFrom !== undefined && (p.year === undefined || p.year < q.yearFrom)) return false;
      if (q.yearTo !== undefined && (p.year === undefined || p.year > q.yearTo)) return false;
      const code = !!(p.codeUrl || p.hasCode),
        pdf = !!p.pdfUrl;
      if (
        (q.has.includes('code') && !code) ||
        (q.has.includes('pdf') && !pdf) ||
        (q.notHas.includes('code') && code) ||
        (q.notHas.includes('pdf') && pdf)
      )
        return false;
      if (!q.sites.every((s) => p.sources.some((x) => x.site.startsWith(s)))) return false;
      if (!q.categories.every((c) => (p.categories ?? []).some((x) => x.toLowerCase() === c || x.toLowerCase().startsWith(c + '.'))))
        return false;
      if (!q.collections.every(() => p.collectionIds.includes('c1'))) return false;
      if (!q.authors.every((a) => authors.some((n) => a.split(' ').every((w) => n.includes(' ' + w))))) return false;
      if (!q.venues.every((v) => venue.includes(' ' + v))) return false;
      if (!q.phrases.every((ph) => t.includes(' ' + ph))) return false;
      if (q.excludes.some((x) => t.includes(' ' + x) || authors.some((a) => a.includes(x)))) return false;
      return true;
    });
  };
  // Queries of common words and short prefixes only (the looked-up path is the known-item tests').
  const QUERIES = [
    'a',
    'al',
    'alpha',
    'alp',
    'alpha be',
    'alpha beta ',
    'graph neural networ',
    'le',
    'de',
    'x',
    'zz',
    'year:2005..2010',
    'year:2005..2010 alpha',
    'year:..2003',
    'has:code',
    'has:code -has:pdf be',
    '-has:code',
    'author:"ana"',
    'author:"ana k"',
    'author:"wei zh" al',
    'au:"zo"',
    'venue:neu',
    'venue:"neural comp"',
    'venue:icml alpha',
    'site:arxiv',
    'site:open cat:cs alpha',
    'cat:cs.lg',
    'cat:stat',
    'collection:"reading"',
    'collection:"reading" ne',
    '"alpha beta"',
    '"alpha beta" gamma',
    '-alpha be',
    '-alpha -beta',
    '-"alpha beta" de',
    '-wei',
    '-author:"kim" al',
  ];
  const collectionIdsByName = new Map([['reading', 'c1']]);

  const check = (idx: PaperIndex, ps: PaperRecord[]) => {
    for (const s of QUERIES) {
      const q = parseQuery(s);
      const want = reference(ps, q);
      for (const sort of ['relevance', 'newest', 'cited'] as const) {
        const r = idx.search(q, { limit: 25, sort, facets: true, collectionIdsByName });
        expect(r.total, `total of ${s} (${sort})`).toBe(want.length);
        const ids = new Set(want.map((p) => p.id));
        expect(
          r.hits.every((h) => ids.has(h.id)),
          `hits of ${s}`,
        ).toBe(true);
        expect(r.hits).toHaveLength(Math.min(25, want.length));
        if (sort === 'newest') {
          const order = [...want].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || b.addedAt - a.addedAt).slice(0, 25);
          expect(
            r.hits.map((h) => h.id),
            `newest of ${s}`,
          ).toEqual(order.map((p) => p.id));
        }
        if (sort === 'cited') {
          const c = new Map(ps.map((p) => [p.id, p.citations ?? 0]));
          const top = [...want]
            .map((p) => p.citations ?? 0)
            .sort((a, b) => b - a)
            .slice(0, 25);
          expect(
            r.hits.map((h) => c.get(h.id)),
            `cited of ${s}`,
          ).toEqual(top);
        }
        const terms = q.terms.filter((t) => processTerm(t));
        if (sort === 'relevance' && terms.length) {
          // Scan-path rank: words in the first 100 characters count double, then citations.
          const score = (p: PaperRecord) => {
            const { t } = textOf(p);
            return terms.reduce((n, w) => n + (t.indexOf(' ' + w) < 100 ? 2 : 1), 0) + Math.log1p(p.citations ?? 0) * 0.05;
          };
          const best = want
            .map(score)
            .sort((a, b) => b - a)
            .slice(0, 25);
          expect(
            r.hits.map((h) => h.score),
            `scores of ${s}`,
          ).toEqual(best);
        }
      }
      // Facets: counts over all matches.
      const f = idx.search(q, { facets: true, collectionIdsByName }).facets!;
      const years = new Map<string, number>();
      for (const p of want) if (p.year !== undefined) years.set(String(p.year), (years.get(String(p.year)) ?? 0) + 1);
      expect(f.year, `year facet of ${s}`).toEqual([...years].sort((a, b) => b[0].localeCompare(a[0])).slice(0, 30));
      const sites = new Map<string, number>();
      for (const p of want) for (const x of new Set(p.sources.map((y) => y.site))) sites.set(x, (sites.get(x) ?? 0) + 1);
      expect(f.site, `site facet of ${s}`).toEqual([...sites].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
      const cats = new Map<string, number>();
      for (const p of want) for (const x of new Set((p.categories ?? []).map((c) => c.toLowerCase()))) cats.set(x, (cats.get(x) ?? 0) + 1);
      expect(f.category, `category facet of ${s}`).toEqual([...cats].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12));
      const venues = new Map<string, number>();
      for (const p of want) {
        const v = venueName(p.venue);
        if (v) venues.set(v, (venues.get(v) ?? 0) + 1);
      }
      expect(f.venue, `venue facet of ${s}`).toEqual([...venues].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12));
    }
  };

  it('common words, short prefixes, filters and facets equal a brute-force reference', () => {
    const ps = make(3000);
    const idx = new PaperIndex();
    idx.upsert(ps);
    expect(idx.docFrequency('alpha')).toBeGreaterThan(3000 * 0.04);
    expect(idx.docFrequency('the')).toBe(0);
    check(idx, ps);
  });

  it('stays exact through updates, removals, reused doc numbers and a save/load round trip', () => {
    let ps = make(2600);
    const idx = new PaperIndex();
    idx.upsert(ps);
    // Prime the caches (prefix sets, expansions), then change the library under them.
    for (const s of ['al', 'zz', 'rareword0 ', 'year:2005..2010']) idx.search(parseQuery(s));
    const gone = new Set(ps.filter((_, i) => i % 5 === 0).map((p) => p.id));
    idx.remove(gone);
    ps = ps.filter((p) => !gone.has(p.id));
    const changed = ps
      .filter((_, i) => i % 7 === 0)
      .map((p) => ({ ...p, title: p.title + ' zzword', year: 2021, codeUrl: undefined, citations: 999 }));
    idx.upsert(changed);
    ps = ps.map((p) => changed.find((c) => c.id === p.id) ?? p);
    // New papers take the freed doc numbers.
    const added = make(600, 5000, 11);
    idx.upsert(added);
    ps = [...ps, ...added];
    expect(idx.size).toBe(ps.length);
    check(idx, ps);
    expect(idx.search(parseQuery('zz')).total).toBe(changed.length);
    expect(idx.search(parseQuery('zzword ')).total).toBe(changed.length);

    const back = PaperIndex.fromJSON(idx.toJSON())!;
    expect(back.size).toBe(ps.length);
    check(back, ps);
    for (const s of ['rareword0 ', 'rarewor', 'rarewrd1 al', 'abstractonly3 ', 'alpha rareword2 ']) {
      const a = idx.search(parseQuery(s), { limit: 10 }),
        b = back.search(parseQuery(s), { limit: 10 });
      expect(b.total, s).toBe(a.total);
      expect(
        b.hits.map((h) => h.score),
        s,
      ).toEqual(a.hits.map((h) => h.score));
      expect(a.total, s).toBeGreaterThan(0);
    }
    // The loaded index keeps taking changes.
    back.remove(added.map((p) => p.id));
    back.upsert([paper('77777', 'Quasar zzword alpha', ['Ana Kim'], { year: 2003 })]);
    ps = [...ps.filter((p) => !added.includes(p)), paper('77777', 'Quasar zzword alpha', ['Ana Kim'], { year: 2003 })];
    check(back, ps);
    expect(back.search(parseQuery('quasar')).hits[0].id).toBe('77777');
  });

  it('scores looked-up words exactly as MiniSearch does (its internals are read directly)', () => {
    const ps = make(2500);
    const idx = new PaperIndex();
    idx.upsert(ps);
    idx.remove(ps.filter((_, i) => i % 9 === 0).map((p) => p.id));
    // Clean MiniSearch of the removed papers first: its own search drops their postings as it meets them.
    const mini = (idx as unknown as { mini: import('minisearch').default }).mini;
    const primary = ['title', 'authors', 'venue', 'keywords', 'categories', 'tldr'];
    const boost = { title: 3, authors: 2.5, venue: 1.2, keywords: 1.2, categories: 1, tldr: 0.8, abstract: 0.5 };
    const all = [...primary, 'abstract'];
    // [query, MiniSearch terms, options, fields, weight of the tier]
    const cases: [string, string, object, string[], number][] = [
      ['rareword1 ', 'rareword1', { prefix: true }, primary, 1],
      ['rarewrd1 ', 'rarewrd1', { prefix: true, fuzzy: 0.34, maxFuzzy: 2 }, primary, 1],
      ['rarew', 'rarew', { prefix: true }, primary, 1],
      ['kowa rareword0 ', 'kowa rareword0', { prefix: true }, primary, 1],
      ['gamma rarew', 'rarew', { prefix: true }, primary, 1],
      // Found in abstracts only: the second tier, over every field, weighted 0.8.
      ['abstractonly2 ', 'abstractonly2', { prefix: true, fuzzy: 0.34, maxFuzzy: 2 }, all, 0.8],
    ];
    for (const [query, terms, o, fields, weight] of cases) {
      const opts: import('minisearch').SearchOptions = { fields, boost, combineWith: 'AND', ...o };
      for (let k = 0; k < 3; k++) mini.search(terms, opts);
      let want = mini.search(terms, opts);
      // "gamma" is common: a filter on the primary text, not looked up.
      if (query.startsWith('gamma')) want = want.filter((r) => textOf(ps.find((p) => p.id === r.id)!).t.includes(' gamma'));
      // As many as found (at least one), so that the abstract tier only runs where it should.
      const limit = Math.min(5, want.length);
      const got = idx.search(parseQuery(query), { limit });
      expect(limit, query).toBeGreaterThan(0);
      expect(got.total, query).toBe(want.length);
      const byId = new Map(want.map((r) => [String(r.id), r]));
      expect(
        got.hits.map((h) => h.score),
        query,
      ).toEqual(want.slice(0, limit).map((r) => expect.closeTo(r.score * weight, 9)));
      for (const h of got.hits) expect([...h.terms].sort(), `${query} ${h.id}`).toEqual([...byId.get(h.id)!.terms].sort());
    }
  });

  it('looks up rare words (exact totals, typos) and keeps the abstract for when the rest finds too little', () => {
    const ps = make(3000);
    const idx = new PaperIndex();
    idx.upsert(ps);
    const rare = ps.filter((p) => / rareword1\b/.test(p.title));
    expect(idx.search(parseQuery('rareword1 '), { limit: 5 }).total).toBe(rare.length);
    // Two typos allowed from 6 letters: "rarewrd1" reaches rareword1, and rareword0/2 too.
    const typo = idx.search(parseQuery('rarewrd1 '), { limit: 5 });
    expect(typo.total).toBe(ps.filter((p) => / rareword\d\b/.test(p.title)).length);
    expect(typo.hits.some((h) => h.terms.includes('rareword1'))).toBe(true);
    // Only in abstracts: found by the second tier (an unknown word there, so typos allowed:
    // abstractonly0…4 all match, abstractonly2 first).
    const inAbstract = idx.search(parseQuery('abstractonly2 '), { limit: 5 });
    expect(inAbstract.total).toBe(ps.filter((p) => /abstractonly\d/.test(p.abstract ?? '')).length);
    expect(inAbstract.hits.every((h) => h.terms.includes('abstractonly2'))).toBe(true);
    const r = idx.search(parseQuery('alpha rareword1 '), { limit: 50 });
    expect(r.total).toBe(
      rare.filter((p) => / alpha/.test(' ' + foldText(p.title + ' ' + (p.keywords ?? []).join(' ') + ' ' + (p.tldr ?? '')))).length,
    );
    expect(r.hits.every((h) => h.terms.includes('rareword1'))).toBe(true);
  });
});

describe('topK', () => {
  it('equals a full sort, stably enough for ties', async () => {
    const { topK } = await import('../../lib/search/engine');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 500 }), fc.integer({ min: 1, max: 40 }), (xs, k) => {
        const cmp = (a: number, b: number) => b - a;
        expect(topK([...xs], k, cmp)).toEqual([...xs].sort(cmp).slice(0, k));
      }),
    );
  });
});
