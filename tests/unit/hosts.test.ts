import { describe, expect, it } from 'vitest';
import { AUTO_CAPTURE_MATCHES, isAutoCaptureUrl, isScholarHost, matchesPattern } from '../../lib/core/hosts';

describe('auto-capture hosts', () => {
  it('covers Scholar country domains and the scholarly sites, explicitly', () => {
    for (const u of [
      'https://scholar.google.com/citations?user=x',
      'https://scholar.google.co.uk/scholar?q=a',
      'https://scholar.google.de/scholar?q=a',
      'https://scholar.google.fr/citations?user=x',
      'https://scholar.google.ca/citations?user=x',
      'https://scholar.google.co.jp/citations?user=x',
      'https://scholar.google.com.au/citations?user=x',
      'https://www.semanticscholar.org/author/x/1',
      'https://dblp.org/pid/97/4275.html',
      'http://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron',
      'https://arxiv.org/list/cs/new',
      'https://huggingface.co/papers/2305.11206',
      'https://openreview.net/forum?id=abc',
      'https://aclanthology.org/people/a/x/',
    ])
      expect(isAutoCaptureUrl(u), u).toBe(true);
    for (const u of [
      'https://example.org/',
      'https://huggingface.co/models',
      'https://github.com/x/y',
      'https://scholar.google.evil.com/',
    ]) {
      expect(isAutoCaptureUrl(u), u).toBe(false);
    }
    expect(AUTO_CAPTURE_MATCHES.some((p) => p.includes('<all_urls>') || p.startsWith('*://*/'))).toBe(false);
  });
  it('matches patterns like the browser does', () => {
    expect(matchesPattern('*://dblp.uni-trier.de/*', 'https://dblp.uni-trier.de/db/')).toBe(true);
    expect(matchesPattern('https://huggingface.co/papers/*', 'https://huggingface.co/papers/1')).toBe(true);
    expect(matchesPattern('https://*.example.org/*', 'https://a.example.org/x')).toBe(true);
    expect(matchesPattern('https://arxiv.org/*', 'http://arxiv.org/abs/1')).toBe(false);
    expect(isScholarHost('scholar.google.com.br')).toBe(true);
    expect(isScholarHost('scholar.google.com.evil.net')).toBe(false);
  });
});
