// An arXiv "new submissions" listing with as many rows as a test needs, built from the project's
// own fixture (tests/fixtures/arxiv/list-cs-LG-new.html): the fixture's first entry is the template
// row, its page around it is kept. Row `i` (from 1) is arXiv:2406.2`iiii` "Listing row i: sparse
// routing study" by "Chidi Okafor, Maja Lindqvist, Hiroshi Tanaka". The unit tests (through the
// background) and the E2E test (served at the listing's real URL) read the very same page.
// Nothing here imports vitest.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixturesDir } from './dom';

/** The listing's real URL. */
export const ARXIV_LISTING_URL = 'https://arxiv.org/list/cs.LG/new';

const fixture = readFileSync(resolve(fixturesDir, 'arxiv/list-cs-LG-new.html'), 'utf8');
const firstRow = /<dt>[\s\S]*?<\/dd>/.exec(fixture)![0];
const TEMPLATE_ID = '2406.04101';
const TEMPLATE_TITLE = 'Sparse Mixture-of-Experts Routing with Learned Temperature';
const TEMPLATE_AUTHORS = /<div class='list-authors'>[\s\S]*?<\/div>/;

/** The arXiv id of row `i` (from 1). */
export const rowId = (i: number) => `2406.2${String(i).padStart(4, '0')}`;
/** The title of row `i` (from 1), as the page shows it. */
export const rowTitle = (i: number) => `Listing row ${i}: sparse routing study`;

/** How one row differs from the template. */
export interface RowEdit {
  title?: string;
  /** That many authors, "Author 1" … "Author n", as arXiv links them. */
  authors?: number;
}

/** The listing page with `rows` entries; `edits` change some rows (keyed by row number, from 1). */
export function arxivListing(rows: number, edits: Record<number, RowEdit> = {}): string {
  const entries = Array.from({ length: rows }, (_, k) => {
    const i = k + 1;
    const edit = edits[i] ?? {};
    let row = firstRow
      .replaceAll(TEMPLATE_ID, rowId(i))
      .replace(`name='item1'>[1]`, `name='item${i}'>[${i}]`)
      .replace(TEMPLATE_TITLE, edit.title ?? rowTitle(i));
    if (edit.authors !== undefined) {
      const links = Array.from(
        { length: edit.authors },
        (_, a) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Author,+${a + 1}" rel="nofollow">Author ${a + 1}</a>`,
      );
      row = row.replace(TEMPLATE_AUTHORS, `<div class='list-authors'>${links.join(', ')}</div>`);
    }
    return row;
  });
  const start = fixture.indexOf("<dl id='articles'>");
  const end = fixture.lastIndexOf('</dl>') + '</dl>'.length;
  const list = `<dl id='articles'>\n    <h3>New submissions (showing ${rows} of ${rows} entries)</h3>\n${entries.join('\n')}\n</dl>`;
  return fixture.slice(0, start) + list + fixture.slice(end);
}
