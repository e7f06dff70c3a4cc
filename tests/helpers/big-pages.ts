// Big synthetic pages: thousands of rows in each site's own markup, built from a template row. The
// scraper unit tests read them to check that a big page is read whole, and `npm run bench`
// (bench/scrape.ts) times the adapters on the very same pages, since wall-clock goals are checked
// by the bench and never by a test. Each builder returns the whole document as HTML, with the URL
// it is parsed at, so both sides parse exactly the same page (see parseHtml in ./dom.ts).
// Nothing here imports vitest: the bench runs these outside the test runner.

/** A synthetic page: the whole document as HTML, the URL to parse it at, and its number of rows. */
export interface BigPage {
  html: string;
  url: string;
  rows: number;
}

/** `body` inside a bare HTML5 document (the shell the site tests wrap their pages in). */
const documentOf = (body: string) => `<!DOCTYPE html><html><head></head><body>${body}</body></html>`;

/**
 * A Google Scholar profile (`/citations?user=U`) with `rows` publication rows: row `i` is
 * "Paper i" by "A, B" in venue "V", 2020, cited `i` times (cites id `i + 1`).
 */
export function scholarProfilePage(rows = 2000): BigPage {
  const row = (i: number) =>
    `<tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;user=U&amp;citation_for_view=U:${i}" class="gsc_a_at">Paper ${i}</a><div class="gs_gray">A, B</div><div class="gs_gray">V<span class="gs_oph">, 2020</span></div></td><td class="gsc_a_c"><a href="/scholar?cites=${i + 1}" class="gsc_a_ac">${i}</a></td><td class="gsc_a_y"><span>2020</span></td></tr>`;
  const html = `<div id="gsc_prf_in">X</div><table><tbody id="gsc_a_b">${Array.from({ length: rows }, (_, i) => row(i)).join('')}</tbody></table>`;
  return { html, url: 'https://scholar.google.com/citations?user=U', rows };
}

/**
 * An ACL Anthology person page (person "A B", one 2020 year heading) with `rows` entries: entry `i`
 * (from 1) is 2020.acl-main.`i`, "Paper i", with a PDF link and the abstract "Abstract i.".
 */
export function aclPersonPage(rows = 3000): BigPage {
  const row = (i: number) =>
    `<div class="d-sm-flex align-items-stretch mb-3"><div class="d-block me-2 list-button-row"><span><a class="badge text-bg-primary align-middle me-1" href="https://aclanthology.org/2020.acl-main.${i}.pdf" title="Open PDF">pdf</a><a class="badge text-bg-info align-middle me-1" href="#abstract-2020--acl-main--${i}" title="Show Abstract">abs</a></span></div><span class="d-block"><strong><a class="align-middle" href="/2020.acl-main.${i}/">Paper ${i}</a></strong><br><a href="/people/a-b/">A B</a> | <a href="/people/c-d/">C D</a><br><a href="/volumes/2020.acl-main/" class="text-muted">Proceedings</a></span></div><div class="card collapse abstract-collapse" id="abstract-2020--acl-main--${i}"><div class="card-body">Abstract ${i}.</div></div>`;
  const entries = Array.from({ length: rows }, (_, i) => row(i + 1)).join('');
  const html = `<section id="main"><h2 id="title"><span>A</span> <span>B</span></h2><h4>2020</h4>${entries}</section>`;
  return { html, url: 'https://aclanthology.org/people/a-b/', rows };
}

/**
 * A Semantic Scholar search page (`/search?q=x`) with `rows` result rows: row `i` is "Paper i" (id
 * `i` in hex, 40 digits) by "Author i", 1 May 2018, TLDR "tldr i", cited `i` times.
 */
export function s2SearchPage(rows = 2000): BigPage {
  const row = (i: number) => {
    const id = i.toString(16).padStart(40, '0');
    return (
      `<div class="cl-paper-row serp-papers__paper-row" data-paper-id="${id}"><a data-test-id="title-link" href="/paper/T-${i}/${id}"><h2 class="cl-paper-title">Paper ${i}</h2></a>` +
      `<span class="cl-paper-authors"><span data-test-id="author-list"><a href="/author/A/${i + 1}"><span class="cl-paper-authors__author-box">Author ${i}</span></a></span></span>` +
      `<span class="cl-paper-pubdates">1 May 2018</span><div class="tldr-abstract-replacement"><div class="tldr-abstract__pill">TLDR</div><span>tldr ${i}</span><button>Expand</button></div>` +
      `<div data-test-id="total-citations-stat"><span class="cl-paper-stats__v2-citations">${i}</span></div></div>`
    );
  };
  const html = documentOf(`<div class="result-page">${Array.from({ length: rows }, (_, i) => row(i)).join('')}</div>`);
  return { html, url: 'https://www.semanticscholar.org/search?q=x', rows };
}

/**
 * A lab's publication list with no embedded metadata (what the generic adapter's paper-card
 * heuristic reads): `rows` list items, item `i` "Scalable Method Number i for Large Problems" by
 * three authors, ICML 2000 + (i mod 24), with a PDF link and arXiv 2101.(10000 + i).
 */
export function genericPublicationListPage(rows = 3000): BigPage {
  const li = (i: number) =>
    `<li class="pub"><span class="title">Scalable Method Number ${i} for Large Problems</span><br>Ann Lee, Bo Chan and Cy Dee<br>ICML ${2000 + (i % 24)} [<a href="/p/${i}.pdf">pdf</a>] [<a href="https://arxiv.org/abs/2101.${String(10000 + i)}">arXiv</a>]</li>`;
  const html = documentOf(`<ul>${Array.from({ length: rows }, (_, i) => li(i)).join('')}</ul>`);
  return { html, url: 'https://lab.example.org/all', rows };
}

/**
 * An author page of an unknown site (what the author-profile heuristic reads): "Ann Smith" with an
 * h-index of 50 and `rows` paper cards, card `i` "Paper number i on things" with a date, a subject
 * tag, an author line and an abstract.
 */
export function authorProfileCardsPage(rows = 1500): BigPage {
  const cards = Array.from(
    { length: rows },
    (
      _,
      i,
    ) => `<article><div><span>LG</span><time>Mar ${(i % 28) + 1}, 2020</time></div><h3><a href="/p/${i}">Paper number ${i} on things</a></h3>
        <p>Ann Smith, Bob Writer et al.</p><p>This is the abstract of paper ${i}; it is long enough to count as one.</p></article>`,
  ).join('');
  const html = `<html><body><section><h1>Ann Smith</h1><div><span>h-index</span><span>50</span></div><div><span>${rows}</span><span>papers</span></div></section><h2>${rows} Papers</h2><div>${cards}</div></body></html>`;
  return { html, url: 'https://www.example-papers.org/author/someone', rows };
}

/** A note of the OpenReview API (as in ../shared/pages/openreview/iclr2019-notes.json). */
export interface OpenReviewApiNote {
  id: string;
  forum: string;
  number: number;
  cdate: number;
  tmdate: number;
  content: { title: string; abstract: string; keywords?: string[]; 'TL;DR'?: string | null; authors: string[] };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A 2019 Handlebars listing item for an API note (as in group-iclr2019-legacy.html). */
function handlebarsItem(n: OpenReviewApiNote): string {
  const c = n.content;
  const rows = (
    [
      ['Abstract', c.abstract],
      ['Keywords', (c.keywords ?? []).join(', ')],
      ['TL;DR', c['TL;DR'] ?? ''],
    ] as const
  )
    .filter(([, v]) => v.trim())
    .map(([k, v]) => `<li><strong class="note-content-field">${k}:</strong> <span class="note-content-value">${esc(v)}</span></li>`)
    .join('');
  return `<li class="note " data-id="${n.id}"><h4><a href="/forum?id=${n.forum}">${esc(c.title)}</a>
    <a href="/pdf?id=${n.id}" class="pdf-link" title="Download PDF" target="_blank"><img src="/static/images/pdf_icon_blue.svg"></a></h4>
    <div class="note-authors">${c.authors.map(esc).join(', ')}</div>
    <div class="note-meta-info"><span class="date">28 Sep 2018 (modified: 28 Sep 2018)</span><span class="item">ICLR 2019 Conference Blind Submission</span><span class="readers">Readers: Everyone</span></div>
    <a href="#${n.id}-details" class="note-contents-toggle" role="button" data-toggle="collapse">Show details</a><div class="collapse" id="${n.id}-details"><div class="note-contents-collapse"><ul class="list-unstyled note-content">${rows}</ul></div></div></li>`;
}

/**
 * The ICLR 2019 group page's "All submissions" tab in the 2019 Handlebars markup, one item for each
 * of `notes` (the real corpus has 1,589: ../shared/pages/openreview/iclr2019-notes.json).
 */
export function openReviewListingPage(notes: readonly OpenReviewApiNote[]): BigPage {
  const body = `<div id="header" class="venue-header"><h1>ICLR 2019</h1></div><div id="notes"><div class="tabs-container"><div class="tab-content">
      <div role="tabpanel" class="tab-pane fade active in" id="all-submissions"><ul class="list-unstyled submissions-list">${notes.map(handlebarsItem).join('\n')}</ul></div></div></div></div>`;
  return { html: documentOf(body), url: 'https://openreview.net/group?id=ICLR.cc/2019/Conference#all-submissions', rows: notes.length };
}
