// Opened PDFs (issue 15): which URLs are PDFs of which paper (lib/core/pdf-urls.ts), and what opening
// one does to the library (lib/store/pdf-open.ts): an unknown paper becomes an incomplete record with
// its strong id, the capture of its landing page completes it, reopening marks it opened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRealTitle, landingKey, pdfPaperOf } from '../../lib/core/pdf-urls';
import { PaperdexDB } from '../../lib/store/db';
import { recordPdfOpen } from '../../lib/store/pdf-open';
import { saveCapture } from '../../lib/store/capture';
import { openingsOf } from '../../lib/store/openings';
import { grantedOptionalMatches } from '../../lib/background/host-groups';
import { HOST_GROUPS } from '../../lib/core/hosts';
import { readLanding } from '../../lib/background/pdf-complete';
import { scrapePage } from '../../lib/scrapers/registry';
import { parseHtml } from '../helpers/dom';

describe('pdfPaperOf', () => {
  const cases: [string, ReturnType<typeof pdfPaperOf>][] = [
    [
      'https://arxiv.org/pdf/1706.03762v5',
      {
        site: 'arxiv',
        ids: { arxiv: '1706.03762' },
        landing: 'https://arxiv.org/abs/1706.03762',
        pdf: 'https://arxiv.org/pdf/1706.03762v5',
      },
    ],
    [
      'https://arxiv.org/pdf/1706.03762.pdf',
      {
        site: 'arxiv',
        ids: { arxiv: '1706.03762' },
        landing: 'https://arxiv.org/abs/1706.03762',
        pdf: 'https://arxiv.org/pdf/1706.03762.pdf',
      },
    ],
    [
      'http://export.arxiv.org/pdf/hep-th/9901001v2',
      {
        site: 'arxiv',
        ids: { arxiv: 'hep-th/9901001' },
        landing: 'https://arxiv.org/abs/hep-th/9901001',
        pdf: 'https://export.arxiv.org/pdf/hep-th/9901001v2',
      },
    ],
    [
      'https://openreview.net/pdf?id=rJl0r3R9KX',
      {
        site: 'openreview',
        ids: { openreview: 'rJl0r3R9KX' },
        landing: 'https://openreview.net/forum?id=rJl0r3R9KX',
        pdf: 'https://openreview.net/pdf?id=rJl0r3R9KX',
      },
    ],
    [
      'https://aclanthology.org/2021.naacl-main.208.pdf',
      {
        site: 'acl-anthology',
        ids: { acl: '2021.naacl-main.208' },
        landing: 'https://aclanthology.org/2021.naacl-main.208/',
        pdf: 'https://aclanthology.org/2021.naacl-main.208.pdf',
      },
    ],
    [
      'https://aclanthology.org/P19-1001.pdf',
      {
        site: 'acl-anthology',
        ids: { acl: 'P19-1001' },
        landing: 'https://aclanthology.org/P19-1001/',
        pdf: 'https://aclanthology.org/P19-1001.pdf',
      },
    ],
    [
      'https://proceedings.neurips.cc/paper_files/paper/2023/file/0001ca33ba34ce0351e4612b744b3936-Paper-Conference.pdf',
      {
        site: 'neurips',
        ids: {},
        landing: 'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0001ca33ba34ce0351e4612b744b3936-Abstract-Conference.html',
        pdf: 'https://proceedings.neurips.cc/paper_files/paper/2023/file/0001ca33ba34ce0351e4612b744b3936-Paper-Conference.pdf',
      },
    ],
    [
      'https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
      {
        site: 'neurips',
        ids: {},
        landing: 'https://papers.nips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
        pdf: 'https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
      },
    ],
    [
      'https://proceedings.mlr.press/v202/zhang23a/zhang23a.pdf',
      {
        site: 'pmlr',
        ids: {},
        landing: 'https://proceedings.mlr.press/v202/zhang23a.html',
        pdf: 'https://proceedings.mlr.press/v202/zhang23a/zhang23a.pdf',
      },
    ],
    [
      'https://openaccess.thecvf.com/content/CVPR2023/papers/Kirillov_Segment_Anything_CVPR_2023_paper.pdf',
      {
        site: 'cvf',
        ids: {},
        landing: 'https://openaccess.thecvf.com/content/CVPR2023/html/Kirillov_Segment_Anything_CVPR_2023_paper.html',
        pdf: 'https://openaccess.thecvf.com/content/CVPR2023/papers/Kirillov_Segment_Anything_CVPR_2023_paper.pdf',
      },
    ],
    [
      'http://openaccess.thecvf.com/content_CVPR_2020/papers/Wu_Unsupervised_CVPR_2020_paper.pdf',
      {
        site: 'cvf',
        ids: {},
        landing: 'https://openaccess.thecvf.com/content_CVPR_2020/html/Wu_Unsupervised_CVPR_2020_paper.html',
        pdf: 'https://openaccess.thecvf.com/content_CVPR_2020/papers/Wu_Unsupervised_CVPR_2020_paper.pdf',
      },
    ],
    [
      'https://jmlr.org/papers/volume24/22-0001/22-0001.pdf',
      {
        site: 'jmlr',
        ids: {},
        landing: 'https://jmlr.org/papers/v24/22-0001.html',
        pdf: 'https://jmlr.org/papers/volume24/22-0001/22-0001.pdf',
      },
    ],
    [
      'https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1.full.pdf',
      {
        site: 'biorxiv',
        ids: { doi: '10.1101/2023.01.01.522400' },
        landing: 'https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1',
        pdf: 'https://www.biorxiv.org/content/10.1101/2023.01.01.522400v1.full.pdf',
      },
    ],
    ['https://arxiv.org/abs/1706.03762', null],
    ['https://openreview.net/forum?id=rJl0r3R9KX', null],
    ['https://example.org/paper.pdf', null],
    ['https://aclanthology.org/2021.naacl-main.208/', null],
    ['not a url', null],
    ['file:///home/me/1706.03762.pdf', null],
  ];
  for (const [url, want] of cases) it(url, () => expect(pdfPaperOf(url)).toEqual(want));
});

describe('isRealTitle', () => {
  const href = 'https://arxiv.org/pdf/1706.03762v5';
  it('accepts a paper title', () => expect(isRealTitle('Attention Is All You Need', href)).toBe(true));
  it('accepts a CJK title', () => expect(isRealTitle('注意力机制 就是 你所需要的', href)).toBe(true));
  for (const t of [
    undefined,
    '',
    '1706.03762v5.pdf',
    '1706.03762v5',
    'arXiv:1706.03762',
    href,
    'pdf',
    'download.pdf',
    'Loading…',
    'PDF.js viewer',
    'Untitled',
  ])
    it(`rejects ${JSON.stringify(t)}`, () => expect(isRealTitle(t, href)).toBe(false));
});

describe('grantedOptionalMatches', () => {
  const publishers = HOST_GROUPS.find((g) => g.id === 'publishers')!;
  it('lists the optional patterns the browser granted, in group order', () => {
    expect(grantedOptionalMatches(['https://arxiv.org/*', ...publishers.matches])).toEqual(publishers.matches);
  });
  it('nothing granted: nothing registered', () => expect(grantedOptionalMatches(['https://arxiv.org/*'])).toEqual([]));
  it('all sites granted covers every group', () =>
    expect(grantedOptionalMatches(['<all_urls>'])).toEqual(HOST_GROUPS.flatMap((g) => g.matches)));
});

describe('recordPdfOpen', () => {
  let db: PaperdexDB;
  let n = 0;
  beforeEach(async () => {
    db = new PaperdexDB(`test-pdf-${n++}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  const t0 = Date.UTC(2026, 11, 3, 10);

  it('an unknown arXiv PDF becomes an incomplete record; its abs page completes it; reopening marks it opened', async () => {
    const first = await recordPdfOpen(db, 'https://arxiv.org/pdf/1706.03762v5', '1706.03762v5.pdf', t0);
    expect(first?.created).toBe(true);
    const stub = (await db.papers.get(first!.paperId))!;
    expect(stub).toMatchObject({
      title: 'arXiv 1706.03762 (PDF)',
      authors: [],
      ids: { arxiv: '1706.03762' },
      url: 'https://arxiv.org/abs/1706.03762',
      pdfUrl: 'https://arxiv.org/pdf/1706.03762v5',
      incomplete: 'pdf',
    });
    expect(await openingsOf(first!.paperId, db)).toMatchObject([{ how: 'pdf', at: t0 }]);

    // The tab's title arrives: a real title replaces the stand-in.
    await recordPdfOpen(db, 'https://arxiv.org/pdf/1706.03762v5', 'Attention Is All You Need', t0 + 1000);
    expect((await db.papers.get(first!.paperId))!.title).toBe('Attention Is All You Need');

    await saveCapture(db, {
      site: 'arxiv',
      kind: 'paper',
      url: 'https://arxiv.org/abs/1706.03762',
      papers: [
        {
          title: 'Attention Is All You Need',
          authors: ['Ashish Vaswani', 'Noam Shazeer'],
          year: 2017,
          ids: { arxiv: '1706.03762' },
          url: 'https://arxiv.org/abs/1706.03762',
        },
      ],
    });
    expect(await db.papers.count()).toBe(1);
    const done = (await db.papers.get(first!.paperId))!;
    expect(done.incomplete).toBeUndefined();
    expect(done.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(done.year).toBe(2017);

    const again = await recordPdfOpen(db, 'https://arxiv.org/pdf/1706.03762', undefined, t0 + 3_600_000);
    expect(again).toEqual({ paperId: first!.paperId, created: false });
    expect((await openingsOf(first!.paperId, db)).filter((o) => o.how === 'pdf')).toHaveLength(2);
  });

  it('a stand-in title is replaced by the landing page even when it differs from the tab title', async () => {
    const r = await recordPdfOpen(db, 'https://proceedings.mlr.press/v202/zhang23a/zhang23a.pdf', 'zhang23a.pdf', t0);
    expect((await db.papers.get(r!.paperId))!.title).toBe('PDF from PMLR: zhang23a.pdf');
    await saveCapture(db, {
      site: 'pmlr',
      kind: 'paper',
      url: 'https://proceedings.mlr.press/v202/zhang23a.html',
      papers: [{ title: 'A Real PMLR Title', authors: ['Ann Zhang'], year: 2023, url: 'https://proceedings.mlr.press/v202/zhang23a.html' }],
    });
    const all = await db.papers.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: r!.paperId, title: 'A Real PMLR Title', authors: ['Ann Zhang'] });
    expect(all[0].incomplete).toBeUndefined();
  });

  it('a PDF of a paper captured from a listing marks that paper opened (no new record)', async () => {
    const pdf = 'https://openaccess.thecvf.com/content/CVPR2023/papers/Kirillov_Segment_Anything_CVPR_2023_paper.pdf';
    const { paperIds } = await saveCapture(db, {
      site: 'cvf',
      kind: 'listing',
      url: 'https://openaccess.thecvf.com/CVPR2023?day=all',
      papers: [
        {
          title: 'Segment Anything',
          authors: ['Alexander Kirillov'],
          year: 2023,
          url: 'https://openaccess.thecvf.com/content/CVPR2023/html/Kirillov_Segment_Anything_CVPR_2023_paper.html',
          pdfUrl: pdf,
        },
      ],
    });
    expect(await recordPdfOpen(db, pdf, 'Segment Anything', t0)).toEqual({ paperId: paperIds[0], created: false });
    expect(await db.papers.count()).toBe(1);
  });

  it('not a PDF of a known site: nothing happens', async () => {
    expect(await recordPdfOpen(db, 'https://example.org/x.pdf', 'A Paper Title Here', t0)).toBeNull();
    expect(await db.papers.count()).toBe(0);
  });

  it('landing keys ignore fragments, trailing slashes and http', () => {
    expect(landingKey('http://aclanthology.org/P19-1001/#x')).toBe(landingKey('https://aclanthology.org/P19-1001'));
  });
});

describe('readLanding (opt-in completion of an opened PDF)', () => {
  const landing = 'https://arxiv.org/abs/2301.01234';
  const html = `<html><head><meta name="citation_title" content="Contrastive Pretraining for Tabular Anomaly Detection">
    <meta name="citation_author" content="Lee, Mina"><meta name="citation_arxiv_id" content="2301.01234"></head><body></body></html>`;
  const page = (body: string, init: ResponseInit & { url?: string } = {}) => {
    const r = new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });
    Object.defineProperty(r, 'url', { value: init.url ?? landing });
    return r;
  };
  const parse = async (h: string, url: string) => scrapePage(parseHtml(h, url), new URL(url), { mode: 'auto' }).result;

  it('fetches without credentials or referrer and reads the page with the adapters', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetchFn = (async (u: string, init?: RequestInit) => {
      calls.push([u, init]);
      return page(html);
    }) as typeof fetch;
    const r = await readLanding(landing, parse, fetchFn);
    expect(calls).toEqual([[landing, expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' })]]);
    expect(r.papers[0]).toMatchObject({ title: 'Contrastive Pretraining for Tabular Anomaly Detection', authors: ['Mina Lee'] });
  });

  it('refuses a redirect to another site, an error status, a non-HTML answer and a page without a paper', async () => {
    const f = (res: Response) => (async () => res) as unknown as typeof fetch;
    await expect(readLanding(landing, parse, f(page(html, { url: 'https://evil.example/abs' })))).rejects.toThrow(/another site/);
    await expect(readLanding(landing, parse, f(page('', { status: 404 })))).rejects.toThrow(/HTTP 404/);
    await expect(readLanding(landing, parse, f(new Response('%PDF', { headers: { 'content-type': 'application/pdf' } })))).rejects.toThrow(
      /not an HTML page/,
    );
    await expect(readLanding(landing, parse, f(page('<html><body>nothing</body></html>')))).rejects.toThrow(/no paper/);
    await expect(readLanding('ftp://arxiv.org/x', parse, f(page(html)))).rejects.toThrow(/not a web page/);
  });
});
