// PeerJ adapter: URL routing (articles of each PeerJ journal, preprints), and the real saved article page.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { peerj } from '../../../lib/scrapers/sites/peerj';
import { describeShared, loadPage, sharedPages } from '../../helpers/dom';

describe('peerj routes', () => {
  it('reads articles and preprints, not their files or listings', () => {
    for (const u of ['https://peerj.com/articles/4886/', 'https://peerj.com/articles/cs-1234', 'https://peerj.com/preprints/27137v2/'])
      expect(peerj.route(new URL(u)), u).toBe('paper');
    for (const u of ['https://peerj.com/articles/4886.pdf', 'https://peerj.com/articles/', 'https://peerj.com/search/?q=reef'])
      expect(peerj.route(new URL(u)), u).toBeNull();
  });
});

describeShared('real page: peerj/article-4886.html', ['pages/peerj/article-4886.html'], () => {
  const url = 'https://peerj.com/articles/4886/';
  it('reads only the header authors (not the editor or the references)', () => {
    const p = peerj.scrape(loadPage(join(sharedPages, 'peerj/article-4886.html'), url), new URL(url))!.papers[0];
    expect(p.authors).toHaveLength(5);
    expect(p.authors).not.toContain('Donald Kramer');
    expect(p.date).toBe('2018-05-24');
  });
});
