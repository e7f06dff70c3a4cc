// The ../shared rule (tests/helpers/shared.ts): without ../shared a real-page check is skipped and
// named in a warning; with CI set, a missing file is an error.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { haveSharedFor } from '../../helpers/shared';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('haveSharedFor', () => {
  it('skips with a warning naming the check when a file is missing', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(haveSharedFor('the missing-page check', ['pages/no-such-dir/no-such-page.html'])).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/(no-such-page\.html|shared) not found: real-page check skipped: the missing-page check/),
    );
  });

  it('throws on CI when a file is missing', () => {
    vi.stubEnv('CI', 'true');
    expect(() => haveSharedFor('the missing-page check', ['pages/no-such-dir/no-such-page.html'])).toThrow(/CI is set/);
  });
});
