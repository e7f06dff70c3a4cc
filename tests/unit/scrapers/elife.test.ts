// eLife adapter: URL routing of articles and reviewed preprints.
import { describe, expect, it } from 'vitest';
import { elife } from '../../../lib/scrapers/sites/elife';

describe('elife routes', () => {
  it('reads articles and reviewed preprints (any version), not their figures or PDFs', () => {
    for (const u of [
      'https://elifesciences.org/articles/09560',
      'https://elifesciences.org/articles/09560v2',
      'https://elifesciences.org/reviewed-preprints/88649v1',
    ])
      expect(elife.route(new URL(u)), u).toBe('paper');
    for (const u of ['https://elifesciences.org/articles/09560/figures', 'https://elifesciences.org/subjects/neuroscience'])
      expect(elife.route(new URL(u)), u).toBeNull();
  });
});
