// Storage full: the user gets a message they can act on, whether the QuotaExceededError comes
// directly or as the inner error of Dexie's AbortError; and nothing of the capture is written.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { describeStorageError } from '../../lib/background/background';
import { PaperdexDB } from '../../lib/store/db';
import { saveCapture } from '../../lib/store/capture';

describe('storage errors', () => {
  it('explains quota errors, direct or wrapped in an abort', () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    expect(describeStorageError(quota)).toMatch(/ran out of storage space/);
    const abort = new Dexie.AbortError('Transaction aborted', quota);
    expect(abort.inner?.name).toBe('QuotaExceededError');
    expect(describeStorageError(abort)).toMatch(/ran out of storage space.*nothing from this page was saved/);
    expect(describeStorageError(new Error('disk on fire'))).toBe('Could not save this page: disk on fire');
  });

  it('a quota error mid-capture leaves nothing partial', async () => {
    const db = new PaperdexDB(`quota-${Date.now()}`);
    await db.open();
    let calls = 0;
    const put = db.papers.put.bind(db.papers);
    db.papers.put = ((...args: Parameters<typeof put>) => {
      if (++calls === 3)
        return Dexie.Promise.reject(new Dexie.AbortError('aborted', Object.assign(new Error('full'), { name: 'QuotaExceededError' })));
      return put(...args);
    }) as typeof put;
    const result = {
      site: 'arxiv' as const,
      kind: 'listing' as const,
      url: 'https://arxiv.org/list/cs/new',
      papers: Array.from({ length: 5 }, (_, i) => ({ title: `Paper ${i}`, authors: ['A B'], ids: { arxiv: `2401.0000${i}` } })),
    };
    const err = await saveCapture(db, result).catch((e) => e);
    expect(describeStorageError(err)).toMatch(/ran out of storage space/);
    expect(await db.papers.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    await db.delete();
  });
});
