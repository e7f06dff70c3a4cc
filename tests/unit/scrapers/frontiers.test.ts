// Frontiers adapter: URL routing of the old and current article URLs.
import { describe, expect, it } from 'vitest';
import { frontiers, frontiersDoi } from '../../../lib/scrapers/sites/frontiers';

describe('frontiers routes', () => {
  it('reads /articles/<doi> and /journals/<j>/articles/<doi>, with or without /full', () => {
    expect(frontiersDoi(new URL('https://www.frontiersin.org/articles/10.3389/fevo.2021.635552/full'))).toBe('10.3389/fevo.2021.635552');
    expect(frontiers.route(new URL('https://www.frontiersin.org/journals/ecology-and-evolution/articles/10.3389/fevo.2021.635552'))).toBe(
      'paper',
    );
    expect(frontiers.route(new URL('https://www.frontiersin.org/articles/10.3389/fevo.2021.635552/pdf'))).toBeNull();
    expect(frontiers.route(new URL('https://www.frontiersin.org/journals/ecology-and-evolution'))).toBeNull();
  });
});
