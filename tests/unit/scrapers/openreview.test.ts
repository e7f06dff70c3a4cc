// OpenReview adapter: what its fixtures cover (each is compared in fixtures.test.ts), the real ICLR
// 2019 notes (../shared/pages/openreview/iclr2019-notes.json) checked against
// what the adapter reads from pages built of them, and the tricky helpers.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScrapedPaper } from '../../../lib/core/types';
import {
  forumLinkIds,
  normalizePdfUrl,
  normalizeVenue,
  openReview,
  pageKindOf,
  parseForumDate,
  parseListNote,
  prettyGroupId,
  profileIdOf,
  readAuthors,
  readFields,
  readText,
  splitKeywords,
} from '../../../lib/scrapers/sites/openreview';
import { clean } from '../../../lib/scrapers/kit/dom';
import { parseMetadataDate } from '../../../lib/scrapers/kit/metadata-text';
import { openReviewListingPage, type OpenReviewApiNote as ApiNote } from '../../helpers/big-pages';
import { describeShared, fixturesDir, parseHtml, sharedPages } from '../../helpers/dom';

const dir = join(fixturesDir, 'openreview');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length));

interface Expected {
  url: string;
  adapter: string | null;
  result: { kind: string; papers: ScrapedPaper[] } | null;
}

function loadFixture(name: string): { exp: Expected; doc: Document; url: URL } {
  const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
  const doc = parseHtml(readFileSync(join(dir, `${name}.html`), 'utf8'), exp.url);
  return { exp, doc, url: new URL(exp.url) };
}

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function page(body: string, url: string, head = ''): { doc: Document; url: URL } {
  return { doc: parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, url), url: new URL(url) };
}

const el = (html: string, url = 'https://openreview.net/'): Element =>
  parseHtml(`<!DOCTYPE html><html><body><div id="x">${html}</div></body></html>`, url).getElementById('x')!;

// ---------------------------------------------------------------------------------------------

describe('openreview fixtures (each one is compared with its expected JSON in fixtures.test.ts)', () => {
  it('has positive and null cases for every page kind', () => {
    const kinds = cases.map((c) => loadFixture(c).exp.result?.kind).filter(Boolean);
    expect(new Set(kinds)).toEqual(new Set(['paper', 'listing', 'search']));
    expect(cases.filter((c) => loadFixture(c).exp.adapter === null).length).toBeGreaterThanOrEqual(3);
  });
});

// ---------------------------------------------------------------------------------------------

const notesPath = join(sharedPages, 'openreview', 'iclr2019-notes.json');

/** What a page shows of a note, as the adapter should report it: whitespace collapsed, empty fields absent. */
function shown(n: ApiNote) {
  const kw = (n.content.keywords ?? []).map(clean).filter(Boolean);
  return {
    title: clean(n.content.title),
    abstract: clean(n.content.abstract) || undefined,
    keywords: kw.length ? kw : undefined,
    tldr: clean(n.content['TL;DR']) || undefined,
    forum: n.forum,
  };
}

function scraped(p: ScrapedPaper) {
  return { title: p.title, abstract: p.abstract, keywords: p.keywords, tldr: p.tldr, forum: p.ids?.openreview };
}

describeShared('real ICLR 2019 notes (shared iclr2019-notes.json)', ['pages/openreview/iclr2019-notes.json'], () => {
  const notes = (JSON.parse(readFileSync(notesPath, 'utf8')) as { notes: ApiNote[] }).notes;
  const byId = new Map(notes.map((n) => [n.id, n]));

  it('the corpus is what the fixtures were built from', () => {
    expect(notes.length).toBe(1589);
    expect(notes.every((n) => n.id === n.forum)).toBe(true);
    expect(byId.get('H1xSNiRcF7')?.content.title).toBe('Smoothing the Geometry of Probabilistic Box Embeddings');
  });

  // Fixtures whose notes were taken from the corpus: every captured paper must equal its note.
  const fromCorpus: [string, string[]][] = [
    ['forum-iclr2019-legacy', ['H1xSNiRcF7']],
    ['group-iclr2019-legacy', ['B1G5ViAqFm', 'B1GAUs0cKQ', 'B1GMDsR5tm', 'B1VZqjAcYX', 'ryzECoAcY7']],
    ['group-iclr2019-react', ['B1G9doA9F7', 'B1MXz20cYQ', 'B1e0X3C9tQ']],
  ];
  for (const [name, ids] of fromCorpus) {
    it(`${name}: scraped title/abstract/keywords/TL;DR/forum id equal the API notes`, () => {
      const { doc, url } = loadFixture(name);
      const papers = openReview.scrape(doc, url)!.papers;
      expect(papers.map((p) => p.ids?.openreview)).toEqual(ids);
      for (const p of papers) expect(scraped(p)).toEqual(shown(byId.get(p.ids!.openreview!)!));
      expect(papers.every((p) => p.authors.join() === 'Anonymous' && p.year === 2019)).toBe(true);
    });
  }

  it('search-box-embeddings: the two paper hits are the API notes (titles, ids), the reply is skipped', () => {
    const { doc, url } = loadFixture('search-box-embeddings');
    const papers = openReview.scrape(doc, url)!.papers;
    expect(papers.map((p) => [p.ids?.openreview, p.title])).toEqual(
      ['H1xSNiRcF7', 'S1MeM2RcFm'].map((id) => [id, clean(byId.get(id)!.content.title)]),
    );
  });

  it('a listing of all 1,589 notes (Handlebars markup) round-trips every note', () => {
    const big = openReviewListingPage(notes);
    const doc = parseHtml(big.html, big.url);
    const result = openReview.scrape(doc, new URL(big.url))!;
    expect(result.kind).toBe('listing');
    expect(result.papers.length).toBe(1589);
    for (const p of result.papers) expect(scraped(p)).toEqual(shown(byId.get(p.ids!.openreview!)!));
    // 151 notes have no keywords and 381 no TL;DR: those fields are absent, not empty.
    expect(result.papers.filter((p) => !p.keywords).length).toBe(151);
    expect(result.papers.filter((p) => !p.tldr).length).toBe(381);
    expect(result.papers.every((p) => p.venue === 'ICLR 2019 Conference' && p.date === '2018-09-28')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('detect', () => {
  const yes = [
    'https://openreview.net/forum?id=H1xSNiRcF7',
    'https://openreview.net/forum?id=H1xSNiRcF7&noteId=SJlqVrb92m',
    'https://www.openreview.net/forum?id=H1xSNiRcF7',
    'https://openreview.net/group?id=ICLR.cc/2019/Conference',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference#tab-accept-oral',
    'https://openreview.net/submissions?venue=ICLR.cc/2024/Conference',
    'https://openreview.net/search?term=diffusion&content=all&group=all&source=forum',
  ];
  const no = [
    'https://openreview.net/',
    'https://openreview.net/forum',
    'https://openreview.net/group',
    'https://openreview.net/search',
    'https://openreview.net/profile?id=~Yoshua_Bengio1',
    'https://openreview.net/pdf?id=H1xSNiRcF7',
    'https://openreview.net/venues',
    'https://api.openreview.net/notes?forum=H1xSNiRcF7',
    'https://docs.openreview.net/getting-started/using-the-api',
    'https://openreview.net.evil.example/forum?id=H1xSNiRcF7',
    'https://arxiv.org/abs/1811.04416',
    'https://scholar.google.com/scholar?q=box+embeddings',
    'https://aclanthology.org/2020.acl-main.1/',
    'https://dblp.org/search?q=openreview',
  ];
  const blank = parseHtml('<!DOCTYPE html><html><body></body></html>', 'https://example.org/');
  it.each(yes)('claims %s', (u) => expect(openReview.detect(new URL(u), blank)).toBe(true));
  it.each(no)('ignores %s', (u) => expect(openReview.detect(new URL(u), blank)).toBe(false));
  it('page kinds', () => {
    expect(pageKindOf(new URL(yes[0]))).toBe('paper');
    expect(pageKindOf(new URL(yes[3]))).toBe('listing');
    expect(pageKindOf(new URL(yes[5]))).toBe('listing');
    expect(pageKindOf(new URL(yes[6]))).toBe('search');
  });
});

describe('helpers', () => {
  it('parseForumDate reads every date line OpenReview prints', () => {
    expect(parseForumDate('28 Sep 2018 (modified: 11 Jan 2019)')).toBe('2018-09-28');
    expect(parseForumDate('28 Sept 2018 (modified: 28 Sept 2018)')).toBe('2018-09-28');
    expect(parseForumDate('Published: 21 Dec 2018, Last Modified: 22 Oct 2023')).toBe('2018-12-21');
    expect(parseForumDate('01 May 2023 (imported: 03 Jun 2023)')).toBe('2023-05-01');
    expect(parseForumDate('Sep 2018')).toBe('2018-09');
    expect(parseForumDate('Sep 28, 2018')).toBe('2018-09-28');
    expect(parseForumDate('2019')).toBeUndefined();
    expect(parseForumDate('Readers: Everyone')).toBeUndefined();
    expect(parseForumDate('')).toBeUndefined();
  });

  it('citation_* dates (read by the embedded reading the forum page starts from)', () => {
    expect(parseMetadataDate('2018/09/27').date).toBe('2018-09-27');
    expect(parseMetadataDate('2023-05-01').date).toBe('2023-05-01');
    expect(parseMetadataDate('yesterday').date).toBeUndefined();
  });

  it('prettyGroupId follows OpenReview prettyId', () => {
    expect(prettyGroupId('ICLR.cc/2019/Conference')).toBe('ICLR 2019 Conference');
    expect(prettyGroupId('ICLR.cc/2019/Conference/-/Blind_Submission')).toBe('ICLR 2019 Conference Blind Submission');
    expect(prettyGroupId('NeurIPS.cc/2023/Track/Datasets_and_Benchmarks')).toBe('NeurIPS 2023 Track Datasets and Benchmarks');
    expect(prettyGroupId('~Yoshua_Bengio1')).toBe('Yoshua Bengio');
    expect(prettyGroupId('')).toBe('');
  });

  it('normalizeVenue drops only a bare submission invitation', () => {
    expect(normalizeVenue('ICLR 2019 Conference Blind Submission')).toBe('ICLR 2019 Conference');
    expect(normalizeVenue('NeurIPS 2021 Conference Submission')).toBe('NeurIPS 2021 Conference');
    expect(normalizeVenue('ICLR 2019 Conference Withdrawn Submission')).toBe('ICLR 2019 Conference Withdrawn Submission');
    expect(normalizeVenue('ICLR 2023 Conference Desk Rejected Submission')).toBe('ICLR 2023 Conference Desk Rejected Submission');
    expect(normalizeVenue('ICLR 2024 poster')).toBe('ICLR 2024 poster');
    expect(normalizeVenue('Submitted to ICLR 2024')).toBe('Submitted to ICLR 2024');
  });

  it('splitKeywords splits on commas and semicolons', () => {
    expect(splitKeywords('embeddings, order embeddings;knowledge graph embedding ; relational learning')).toEqual([
      'embeddings',
      'order embeddings',
      'knowledge graph embedding',
      'relational learning',
    ]);
    expect(splitKeywords(' , ')).toEqual([]);
  });

  it('normalizePdfUrl canonicalises OpenReview PDF links and keeps external ones', () => {
    const base = new URL('https://openreview.net/group?id=ICLR.cc/2019/Conference');
    expect(normalizePdfUrl('/pdf?id=B1G5ViAqFm', base)).toBe('https://openreview.net/pdf?id=B1G5ViAqFm');
    expect(normalizePdfUrl('/attachment?id=B1G5ViAqFm&name=pdf', base)).toBe('https://openreview.net/pdf?id=B1G5ViAqFm');
    expect(normalizePdfUrl('https://www.openreview.net/pdf?id=X1&referrer=foo', base)).toBe('https://openreview.net/pdf?id=X1');
    expect(normalizePdfUrl('https://arxiv.org/pdf/1811.04416.pdf', base)).toBe('https://arxiv.org/pdf/1811.04416.pdf');
    expect(normalizePdfUrl('/attachment?id=X1&name=supplementary_material', base)).toBeUndefined();
    expect(normalizePdfUrl('javascript:void(0)', base)).toBeUndefined();
  });

  it('forumLinkIds and profileIdOf', () => {
    const base = new URL('https://openreview.net/search?term=x');
    expect(forumLinkIds('/forum?id=A1&noteId=B2', base)).toEqual({ id: 'A1', noteId: 'B2' });
    expect(forumLinkIds('/forum?id=A1', base)).toEqual({ id: 'A1' });
    expect(forumLinkIds('/group?id=A1', base)).toEqual({});
    expect(forumLinkIds('https://example.org/forum?id=A1', base)).toEqual({});
    expect(profileIdOf('/profile?id=~Ada_Lovelace1', base)).toBe('~Ada_Lovelace1');
    expect(profileIdOf('/profile?email=ada%40example.org', base)).toBeUndefined();
    expect(profileIdOf('https://dblp.org/pid/00/0000', base)).toBeUndefined();
  });

  it('readText keeps TeX source and separates markdown paragraphs', () => {
    // MathJax 2: glyph spans + assistive MathML + the TeX source script.
    const mj2 = el(
      '<a href="/forum?id=HygQro05KX"><span class="MathJax_Preview"></span><span class="MathJax" id="MathJax-Element-1-Frame"><nobr><span class="math">A∗</span></nobr><span class="MJX_Assistive_MathML">A∗</span></span><script type="math/tex" id="MathJax-Element-1">A^*</script> sampling with probability matching</a>',
    );
    expect(readText(mj2)).toBe('$A^*$ sampling with probability matching');
    // MathJax 3 CHTML: glyphs are CSS, text only in the assistive MathML.
    const mj3 = el(
      '<span><mjx-container class="MathJax" jax="CHTML"><mjx-math><mjx-mi><mjx-c class="mjx-c1D707"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml><math><mi>μ</mi></math></mjx-assistive-mml></mjx-container>-Wasserstein GAN</span>',
    );
    expect(readText(mj3)).toBe('μ-Wasserstein GAN');
    const md = el('<div class="note-content-value markdown-rendered"><p>First paragraph.</p><p>Second <em>one</em>.</p></div>');
    expect(readText(md)).toBe('First paragraph. Second one.');
    expect(readText(null)).toBe('');
  });
});

describe('readAuthors', () => {
  const base = new URL('https://openreview.net/forum?id=X');

  it('React list: links and spans in order, profile ids, "et al." toggle marks truncation', () => {
    const box = el(
      '<span><a href="/profile?id=~Ada_Lovelace1" title="~Ada_Lovelace1">Ada Lovelace</a>, <span>Charles Babbage</span>, <a href="https://dblp.org/pid/00/1" title="https://dblp.org/pid/00/1">Mary Somerville</a> <a href="#" class="show-all" role="button">et al. (3 additional authors not shown)</a> <span class="glyphicon glyphicon-eye-open private-contents-icon" title="Identities privately revealed to ..."></span></span>',
    );
    expect(readAuthors(box, base)).toEqual({
      authors: ['Ada Lovelace', 'Charles Babbage', 'Mary Somerville'],
      truncated: true,
      profiles: [{ name: 'Ada Lovelace', id: '~Ada_Lovelace1', url: 'https://openreview.net/profile?id=~Ada_Lovelace1' }],
    });
  });

  it('expanded list ("(hide authors)") is complete', () => {
    const box = el('<span><span>A One</span>, <span>B Two</span> <a href="#" class="show-all">(hide authors)</a></span>');
    expect(readAuthors(box, base)).toMatchObject({ authors: ['A One', 'B Two'], truncated: false });
  });

  it('Handlebars list: bare text and links joined by ", "; email profile links give no id', () => {
    const box = el('Anonymous');
    expect(readAuthors(box, base).authors).toEqual(['Anonymous']);
    const mixed = el(
      'Grace Hopper, <a href="/profile?email=kj%40example.org" class="profile-link" title="kj@example.org">Katherine Johnson</a>, <a href="/profile?id=~Alan_Turing1" class="profile-link">Alan Turing</a> <span class="private-author-label">(privately revealed to you)</span>',
    );
    expect(readAuthors(mixed, base)).toEqual({
      authors: ['Grace Hopper', 'Katherine Johnson', 'Alan Turing'],
      truncated: false,
      profiles: [{ name: 'Alan Turing', id: '~Alan_Turing1', url: 'https://openreview.net/profile?id=~Alan_Turing1' }],
    });
  });

  it('authors with institutions: footnote numbers and the institution list are not names', () => {
    const box = el(
      '<h3><span><span class="note-author-with-institutions"><a href="/profile?id=~Ada_Lovelace1">Ada Lovelace</a><sup>1,2</sup></span>, <span class="note-author-with-institutions"><a href="/profile?id=~Charles_Babbage1">Charles Babbage</a><sup>2</sup></span> </span><div class="note-authors-institutions"><div><sup>1</sup> University of London (london.ac.uk)</div><div><sup>2</sup> Analytical Engines Ltd (engines.example)</div></div></h3>',
    );
    expect(readAuthors(box, base).authors).toEqual(['Ada Lovelace', 'Charles Babbage']);
  });

  it('a hidden v2 author list (the signature group) reads as "Anonymous"', () => {
    const box = el('<span><span>ICLR 2024 Conference Submission123 Authors</span> </span>');
    expect(readAuthors(box, base).authors).toEqual(['Anonymous']);
    expect(readAuthors(el('<span>Anonymous</span>'), base).authors).toEqual(['Anonymous']);
    expect(readAuthors(el('<span>Paper Authors Guild</span>'), base).authors).toEqual(['Paper Authors Guild']);
  });

  it('missing container gives no authors', () => {
    expect(readAuthors(null, base)).toEqual({ authors: [], truncated: false, profiles: [] });
  });
});

describe('readFields', () => {
  it('reads ul/li (2018-21), div/div (React) and note_content_field (pre-2019) layouts', () => {
    const ul = readFields(
      el(
        '<ul class="note-content"><li><strong class="note-content-field">TL;DR:</strong> <span class="note-content-value">Short.</span></li></ul>',
      ),
    );
    expect(ul.get('tl;dr')?.textContent).toBe('Short.');
    const div = readFields(
      el(
        '<div class="note-content"><div><strong class="note-content-field disable-tex-rendering">Primary Area:</strong> <span class="glyphicon glyphicon-eye-open private-contents-icon"></span> <span class="note-content-value">generative models</span></div></div>',
      ),
    );
    expect(div.get('primary area')?.textContent).toBe('generative models');
    const old = readFields(
      el(
        '<div class="note_contents"><span class="note_content_field">Abstract: </span><span class="note_content_value">Old style.</span></div>',
      ),
    );
    expect(old.get('abstract')?.textContent).toBe('Old style.');
  });

  it('a field without a value does not borrow the next field’s value', () => {
    const f = readFields(
      el(
        '<div><strong class="note-content-field">Empty:</strong> <strong class="note-content-field">Next:</strong> <span class="note-content-value">v</span></div>',
      ),
    );
    expect(f.has('empty')).toBe(false);
    expect(f.get('next')?.textContent).toBe('v');
  });
});

describe('list notes', () => {
  const base = new URL('https://openreview.net/group?id=ICLR.cc/2024/Conference');

  it('a React v2 note: highlighted title, profile ids, One-sentence Summary, Code link, content.venue', () => {
    const note = el(
      `<div class="note  undefined"><h4><a href="/forum?id=Zz9Yx8Wv7U"><strong style="color:#8c1b13">Box</strong> Embeddings Revisited</a><a class="pdf-link" title="Download PDF" target="_blank" href="/attachment?id=Zz9Yx8Wv7U&amp;name=pdf"><img src="/images/pdf_icon_blue.svg" alt="pdf icon"></a></h4>
       <div class="note-authors"><span><a href="/profile?id=~Ada_Lovelace1">Ada Lovelace</a>, <a href="/profile?id=~Charles_Babbage1">Charles Babbage</a> </span></div>
       <ul class="note-meta-info list-inline"><li>Published: 16 Jan 2024, Last Modified: 15 Mar 2024</li><li>ICLR 2024 poster</li><li class="readers">Readers: <span class="glyphicon glyphicon-globe readers-icon"></span> Everyone</li><li>12 Replies</li></ul>
       <div class="collapse-widget"><a data-toggle="collapse" href="#c1">Show details</a><div class="collapse collapse-indent" id="c1"><div class="note-content">
       <div><strong class="note-content-field disable-tex-rendering">Keywords:</strong> <span class="note-content-value">box embeddings; order embeddings</span></div>
       <div><strong class="note-content-field disable-tex-rendering">One-sentence Summary:</strong> <span class="note-content-value">We revisit boxes.</span></div>
       <div><strong class="note-content-field disable-tex-rendering">Code Of Ethics:</strong> <span class="note-content-value">I acknowledge that I and all co-authors of this work have read and commit to adhering to the ICLR Code of Ethics.</span></div>
       <div><strong class="note-content-field disable-tex-rendering">Code:</strong> <span class="note-content-value"><a href="https://github.com/example/boxes" target="_blank" rel="nofollow">https://github.com/example/boxes</a></span></div>
       <div><strong class="note-content-field disable-tex-rendering">Abstract:</strong> <div class="note-content-value markdown-rendered"><p>Para one.</p><p>Para two.</p></div></div>
       </div></div></div></div>`,
      base.href,
    );
    expect(roundTrip(parseListNote(note.firstElementChild!, base, 'ICLR 2024'))).toEqual({
      title: 'Box Embeddings Revisited',
      authors: ['Ada Lovelace', 'Charles Babbage'],
      year: 2024,
      date: '2024-01-16',
      venue: 'ICLR 2024 poster',
      abstract: 'Para one. Para two.',
      tldr: 'We revisit boxes.',
      keywords: ['box embeddings', 'order embeddings'],
      ids: { openreview: 'Zz9Yx8Wv7U' },
      url: 'https://openreview.net/forum?id=Zz9Yx8Wv7U',
      pdfUrl: 'https://openreview.net/pdf?id=Zz9Yx8Wv7U',
      codeUrl: 'https://github.com/example/boxes',
      authorProfiles: [
        { name: 'Ada Lovelace', id: '~Ada_Lovelace1', url: 'https://openreview.net/profile?id=~Ada_Lovelace1' },
        { name: 'Charles Babbage', id: '~Charles_Babbage1', url: 'https://openreview.net/profile?id=~Charles_Babbage1' },
      ],
    });
  });

  it('the header venue stands in when a note shows none; console links are not papers', () => {
    const { doc, url } = page(
      `<div class="venue-header" id="header"><h1>ICLR 2024</h1></div><div class="submissions-list"><ul class="list-unstyled">
        <li class="note invitation-link"><a href="/group?id=ICLR.cc/2024/Conference/Authors">Author Console</a></li>
        <li><div class="note"><h4><a href="/forum?id=Aa1Bb2Cc3D">A Paper</a></h4><div class="note-authors"><span><span>Anonymous</span></span></div></div></li></ul></div>`,
      'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    );
    expect(roundTrip(openReview.scrape(doc, url))).toEqual({
      site: 'openreview',
      kind: 'listing',
      url: 'https://openreview.net/group?id=ICLR.cc/2024/Conference',
      papers: [
        {
          title: 'A Paper',
          authors: ['Anonymous'],
          year: 2024,
          venue: 'ICLR 2024',
          ids: { openreview: 'Aa1Bb2Cc3D' },
          url: 'https://openreview.net/forum?id=Aa1Bb2Cc3D',
        },
      ],
    });
  });

  it('/submissions?venue=… without a header takes the venue from the group id', () => {
    const { doc, url } = page(
      '<div class="submissions-list"><ul class="list-unstyled"><li><div class="note"><h4><a href="/forum?id=Aa1Bb2Cc3D">A Paper</a></h4></div></li></ul></div>',
      'https://openreview.net/submissions?venue=ICLR.cc/2024/Conference',
    );
    expect(openReview.scrape(doc, url)?.papers[0]).toMatchObject({ venue: 'ICLR 2024 Conference', year: 2024, authors: [] });
  });

  it('no active tab yet: the pane named by the hash ("#tab-accept-poster" → #accept-poster) is the visible one', () => {
    const { doc } = loadFixture('group-iclr2019-react');
    for (const p of Array.from(doc.querySelectorAll('.tab-pane'))) p.classList.remove('active', 'in');
    const poster = openReview.scrape(doc, new URL('https://openreview.net/group?id=ICLR.cc/2019/Conference#tab-accept-poster'))!;
    expect(poster.papers.map((p) => p.ids?.openreview)).toEqual(['B1G9doA9F7', 'B1MXz20cYQ', 'B1e0X3C9tQ']);
    const oral = openReview.scrape(doc, new URL('https://openreview.net/group?id=ICLR.cc/2019/Conference#accept-oral'))!;
    expect(oral.papers.map((p) => p.title)).toEqual(['Large Scale GAN Training for High Fidelity Natural Image Synthesis']);
    // No hash: the first tab, as Bootstrap would show it.
    expect(openReview.scrape(doc, new URL('https://openreview.net/group?id=ICLR.cc/2019/Conference'))!.papers.length).toBe(1);
  });
});

describe('forum pages', () => {
  it('a reply URL (&noteId=) still captures the forum paper', () => {
    const { doc } = loadFixture('forum-iclr2019-legacy');
    const url = new URL('https://openreview.net/forum?id=H1xSNiRcF7&noteId=SJlqVrb92m');
    const r = openReview.scrape(doc, url)!;
    expect(r.url).toBe(url.href);
    expect(r.papers[0]).toMatchObject({ ids: { openreview: 'H1xSNiRcF7' }, url: 'https://openreview.net/forum?id=H1xSNiRcF7' });
  });

  it('the main note only: reply fields (Keywords, Code) do not leak', () => {
    for (const name of ['forum-iclr2019-legacy', 'forum-iclr2020-forumnote']) {
      const { doc, url } = loadFixture(name);
      const p = openReview.scrape(doc, url)!.papers[0];
      expect(p.keywords).not.toContain('reply field');
      expect(p.codeUrl ?? '').not.toContain('example.org');
    }
  });

  it('stale citation_* tags of the previous forum (in-app navigation) are not used', () => {
    const { doc } = page(
      `<div class="forum-container"><div class="forum-note"><div class="forum-title"><h2 class="citation_title">Second Paper</h2></div>
       <div class="forum-authors"><h3><span><span>B Author</span></span></h3></div></div></div>`,
      'https://openreview.net/forum?id=Second0001',
      '<meta name="citation_title" content="First Paper"><meta name="citation_online_date" content="2020/01/02"><meta name="citation_pdf_url" content="https://openreview.net/pdf?id=First00001"><meta name="citation_abstract" content="About the first paper.">',
    );
    expect(roundTrip(openReview.scrape(doc, new URL('https://openreview.net/forum?id=Second0001'))!.papers)).toEqual([
      {
        title: 'Second Paper',
        authors: ['B Author'],
        ids: { openreview: 'Second0001' },
        url: 'https://openreview.net/forum?id=Second0001',
      },
    ]);
  });

  it('matching citation_* tags fill what the note does not show (date, PDF, abstract)', () => {
    const { doc } = page(
      `<div class="forum-note"><div class="forum-title"><h2 class="citation_title">Second Paper</h2></div><div class="forum-authors"><h3><span>B Author</span></h3></div></div>`,
      'https://openreview.net/forum?id=Second0001',
      '<meta name="citation_title" content="Second Paper"><meta name="citation_online_date" content="2020/01/02"><meta name="citation_pdf_url" content="https://openreview.net/pdf?id=Second0001"><meta name="citation_abstract" content="About the second paper.">',
    );
    expect(openReview.scrape(doc, new URL('https://openreview.net/forum?id=Second0001'))!.papers[0]).toMatchObject({
      date: '2020-01-02',
      year: 2020,
      pdfUrl: 'https://openreview.net/pdf?id=Second0001',
      abstract: 'About the second paper.',
    });
  });

  it('a forum whose note is still being edited / has no title gives nothing', () => {
    const { doc, url } = page(
      '<div class="forum-note"><form class="note-editor"></form></div>',
      'https://openreview.net/forum?id=Second0001',
    );
    expect(openReview.scrape(doc, url)).toBeNull();
  });
});
