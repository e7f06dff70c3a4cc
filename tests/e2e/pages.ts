// Synthetic pages for E2E: arXiv listings (real markup, as in ../shared/pages/arxiv) with whatever
// papers a test needs: hostile strings, thousands of rows, overlapping sets.

export interface ListEntry {
  id: string;
  title: string;
  authors: string[];
  category?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An arXiv listing page (`/list/<archive>/<period>`) holding these entries. */
export function arxivListing(entries: ListEntry[], heading = 'Machine Learning'): string {
  const items = entries
    .map(
      (e, i) => `
<dt><a name='item${i + 1}'>[${i + 1}]</a> <a href="/abs/${e.id}" title="Abstract" id="${e.id}">arXiv:${e.id}</a>
 [<a href="/pdf/${e.id}" title="Download PDF" id="pdf-${e.id}" aria-labelledby="pdf-${e.id}">pdf</a>]</dt>
<dd><div class='meta'>
 <div class='list-title mathjax'><span class='descriptor'>Title:</span> ${esc(e.title)}</div>
 <div class='list-authors'>${e.authors.map((a) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(a)}">${esc(a)}</a>`).join(', ')}</div>
 <div class='list-subjects'><span class='descriptor'>Subjects:</span> <span class="primary-subject">${esc(e.category ?? 'Machine Learning (cs.LG)')}</span></div>
</div></dd>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(heading)}</title></head>
<body><div id="dlpage"><h1>${esc(heading)}</h1><h3>Showing ${entries.length} entries</h3><dl id='articles'>${items}</dl></div></body></html>`;
}

/** Strings a hostile or broken page might put in titles and names. */
export const HOSTILE = {
  script: '<script>window.__pwned = 1</script> Adversarial <b>robustness</b>',
  img: '<img src=x onerror="window.__pwned=1"> Image captioning attack',
  rtl: 'Evil \u202Efdp.exe\u202C reversed title about transformers',
  zeroWidth: 'At\u200Bten\u200Dtion is all you ne\uFEFFed: invisible characters',
  js: 'javascript:alert(1) as a title about diffusion',
  nul: 'Null\u0000byte in a title about graphs',
  long: 'Longtitle ' + 'lorem ipsum dolor sit amet '.repeat(3800),
};
