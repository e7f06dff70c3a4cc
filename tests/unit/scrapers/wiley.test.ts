// Wiley Online Library adapter: URL routing of the landing-page variants.
import { describe, expect, it } from 'vitest';
import { wiley } from '../../../lib/scrapers/sites/wiley';

describe('wiley routes', () => {
  it('reads /doi/, /doi/abs/, /doi/full/ and /doi/epdf/ pages, not PDFs or searches', () => {
    for (const u of [
      'https://onlinelibrary.wiley.com/doi/10.1002/andp.19053221004',
      'https://onlinelibrary.wiley.com/doi/abs/10.1002/andp.19053221004',
      'https://onlinelibrary.wiley.com/doi/full/10.1111/1365-2745.13211',
      'https://onlinelibrary.wiley.com/doi/epdf/10.1111/1365-2745.13211',
    ])
      expect(wiley.route(new URL(u)), u).toBe('paper');
    for (const u of [
      'https://onlinelibrary.wiley.com/doi/pdf/10.1002/andp.19053221004',
      'https://onlinelibrary.wiley.com/action/doSearch?AllField=x',
    ])
      expect(wiley.route(new URL(u)), u).toBeNull();
  });
});
