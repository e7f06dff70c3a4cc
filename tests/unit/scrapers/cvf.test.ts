// CVF open access adapter: URL routing, the BibTeX reader, and the real CVPR 2020 listing
// (../shared/pages/cvf/listing-cvpr2020.html, 1,467 papers). Fixtures are compared in fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bibtexField, cvf, cvfRoute, yearFromCvfPath } from '../../../lib/scrapers/sites/cvf';
import { describeShared, loadPage, sharedPages } from '../../helpers/dom';

const route = (u: string) => cvfRoute(new URL(u));

describe('cvf routes', () => {
  it('reads conference, day, workshop and search listings', () => {
    expect(route('https://openaccess.thecvf.com/CVPR2020.py')).toBe('listing');
    expect(route('https://openaccess.thecvf.com/CVPR2023?day=all')).toBe('listing');
    expect(route('https://openaccess.thecvf.com/ICCV2023?day=2023-10-04')).toBe('listing');
    expect(route('https://openaccess.thecvf.com/WACV2024')).toBe('listing');
    expect(route('https://openaccess.thecvf.com/CVPR2023_workshops/CLVision')).toBe('listing');
    expect(route('https://openaccess.thecvf.com/CVPR2020_search.py')).toBe('search');
  });

  it('reads paper pages of both path schemes and of workshops', () => {
    expect(route('https://openaccess.thecvf.com/content_CVPR_2020/html/Wu_Unsupervised_CVPR_2020_paper.html')).toBe('paper');
    expect(route('https://openaccess.thecvf.com/content_cvpr_2018/html/Chen_Robust_Video_Content_CVPR_2018_paper.html')).toBe('paper');
    expect(route('https://openaccess.thecvf.com/content/CVPR2024/html/Ke_Repurposing_CVPR_2024_paper.html')).toBe('paper');
    expect(route('https://openaccess.thecvf.com/content/CVPR2023W/CLVision/html/X_Y_CVPRW_2023_paper.html')).toBe('paper');
    expect(route('https://openaccess.thecvf.com/content_CVPRW_2020/html/w1/X_Y_CVPRW_2020_paper.html')).toBe('paper');
  });

  it('leaves PDFs, the menu and other pages alone', () => {
    expect(route('https://openaccess.thecvf.com/content/CVPR2024/papers/Ke_Repurposing_CVPR_2024_paper.pdf')).toBeNull();
    expect(route('https://openaccess.thecvf.com/menu')).toBeNull();
    expect(route('https://openaccess.thecvf.com/')).toBeNull();
  });

  it('knows the year a path names', () => {
    expect(yearFromCvfPath('/CVPR2020.py')).toBe(2020);
    expect(yearFromCvfPath('/content_cvpr_2018/html/x.html')).toBe(2018);
    expect(yearFromCvfPath('/content/ICCV2023/html/x.html')).toBe(2023);
    expect(yearFromCvfPath('/menu')).toBeUndefined();
  });

  it('reads BibTeX fields in both block styles', () => {
    const older =
      '@InProceedings{Wu_2020_CVPR,\nauthor = {Wu, Shangzhe},\nbooktitle = {IEEE/CVF Conference (CVPR)},\nmonth = {June},\nyear = {2020}\n}';
    const newer = '@InProceedings{Ke_2024_CVPR,\n    author    = {Ke, Bingxin},\n    year      = {2024},\n    pages     = {9492-9502}\n}';
    expect(bibtexField(older, 'booktitle')).toBe('IEEE/CVF Conference (CVPR)');
    expect(bibtexField(older, 'year')).toBe('2020');
    expect(bibtexField(newer, 'year')).toBe('2024');
    // "author" must not match inside "booktitle"-like keys, nor "title" inside "booktitle".
    expect(bibtexField(older, 'title')).toBeUndefined();
  });
});

describeShared('real page: cvf/listing-cvpr2020.html', ['pages/cvf/listing-cvpr2020.html'], () => {
  const url = 'https://openaccess.thecvf.com/CVPR2020.py';
  it('captures every one of the 1,467 papers, each with authors, year, link and PDF', () => {
    const r = cvf.scrape(loadPage(join(sharedPages, 'cvf/listing-cvpr2020.html'), url), new URL(url))!;
    expect(r.kind).toBe('listing');
    expect(r.papers).toHaveLength(1467);
    for (const p of r.papers) {
      expect(p.authors.length, p.title).toBeGreaterThan(0);
      expect(p.year, p.title).toBe(2020);
      expect(p.url, p.title).toMatch(/^http:\/\/openaccess\.thecvf\.com\/content_CVPR_2020\/html\/.+_paper\.html$/);
      expect(p.pdfUrl, p.title).toMatch(/^http:\/\/openaccess\.thecvf\.com\/content_CVPR_2020\/papers\/.+_paper\.pdf$/);
    }
    // The last row of the page (FroDO) has eleven authors, read from the author-search forms.
    expect(r.papers.at(-1)).toMatchObject({ title: 'FroDO: From Detections to 3D Objects' });
    expect(r.papers.at(-1)!.authors).toHaveLength(11);
    expect(new Set(r.papers.map((p) => p.url)).size).toBe(1467);
  }, 60_000);
});
