// Links: parsing without throwing, query parameters, and the identifiers a URL's shape names.
import { describe, expect, it } from 'vitest';
import {
  arxivIdFromLink,
  decodeSafe,
  doiFromResolverUrl,
  doiFromUrl,
  hostOf,
  isPdfUrl,
  isRepoUrl,
  parseUrl,
  queryParam,
  repoUrlInText,
  resolveUrl,
} from '../../../../lib/scrapers/kit/urls';

describe('parsing', () => {
  it('never throws and refuses non-http(s) links where a page link is wanted', () => {
    expect(parseUrl('not a url')).toBeUndefined();
    expect(parseUrl('/a', 'https://x.org/b')?.href).toBe('https://x.org/a');
    expect(resolveUrl('javascript:alert(1)', 'https://x.org/')).toBeUndefined();
    expect(resolveUrl('/p?id=1', 'https://x.org/')?.href).toBe('https://x.org/p?id=1');
    expect(hostOf('https://dblp.org/pid/1')).toBe('dblp.org');
    expect(hostOf('::')).toBe('');
    expect(queryParam('/forum?id=abc&noteId=', 'https://openreview.net/', 'id')).toBe('abc');
    expect(queryParam('/forum?id=abc&noteId=', 'https://openreview.net/', 'noteId')).toBeUndefined();
    expect(decodeSafe('Clauset%3AAaron')).toBe('Clauset:Aaron');
    expect(decodeSafe('100%')).toBe('100%');
  });
});

describe('identifiers in URLs', () => {
  it('reads DOIs from resolver links, and from publisher paths only where asked', () => {
    expect(doiFromResolverUrl('https://doi.org/10.1145/3292500.3330701')).toBe('10.1145/3292500.3330701');
    expect(doiFromResolverUrl('https://doi.acm.org/10.1145/1')).toBe('10.1145/1');
    expect(doiFromResolverUrl('https://dl.acm.org/doi/10.1145/1')).toBeUndefined();
    expect(doiFromUrl('https://www.science.org/doi/abs/10.1126/science.1258096')).toBe('10.1126/science.1258096');
    expect(doiFromUrl('https://dx.doi.org/10.1021/ci0500839')).toBe('10.1021/ci0500839');
    expect(doiFromUrl('https://example.org/paper/10.1/x')).toBeUndefined();
  });

  it('reads version-free arXiv ids from abstract and PDF links only', () => {
    expect(arxivIdFromLink('https://arxiv.org/abs/1609.02907v4')).toBe('1609.02907');
    expect(arxivIdFromLink('https://export.arxiv.org/pdf/1805.02262.pdf')).toBe('1805.02262');
    expect(arxivIdFromLink('https://arxiv.org/abs/hep-th/9901001')).toBe('hep-th/9901001');
    expect(arxivIdFromLink('https://notarxiv.org/abs/1609.02907')).toBeUndefined();
    expect(arxivIdFromLink('https://arxiv.org/list/cs/new')).toBeUndefined();
  });

  it('tells PDFs and code repositories', () => {
    expect(isPdfUrl('https://x.org/a/paper.PDF')).toBe(true);
    expect(isPdfUrl('https://arxiv.org/pdf/1609.02907')).toBe(true);
    expect(isPdfUrl('https://x.org/pdf?id=1')).toBe(false);
    expect(isRepoUrl('https://github.com/facebookresearch/detr')).toBe(true);
    expect(isRepoUrl('https://github.com/about')).toBe(false);
    expect(repoUrlInText('Code: https://github.com/a/b.')).toBe('https://github.com/a/b');
    expect(repoUrlInText('no code')).toBeUndefined();
  });
});
