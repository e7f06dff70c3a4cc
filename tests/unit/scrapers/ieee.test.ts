// IEEE Xplore adapter: the document URL shapes, and the reading of `xplGlobal.document.metadata`
// as JSON text (never evaluated). Pages: tests/fixtures/ieee/.
import { describe, expect, it } from 'vitest';
import { ieee, ieeeArticleNumber, jsonAfterMarker } from '../../../lib/scrapers/sites/ieee';
import { parseHtml } from '../../helpers/dom';

describe('ieee routes', () => {
  it('reads the article number of document pages and their tabs', () => {
    for (const u of [
      'https://ieeexplore.ieee.org/document/7780459',
      'https://ieeexplore.ieee.org/document/7780459/',
      'https://ieeexplore.ieee.org/document/7780459/authors#authors',
      'https://ieeexplore.ieee.org/abstract/document/7780459',
      'https://ieeexplore.ieee.org/xpl/articleDetails.jsp?arnumber=7780459',
    ])
      expect(ieeeArticleNumber(new URL(u)), u).toBe('7780459');
    expect(ieee.route(new URL('https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=7780459'))).toBeNull();
    expect(ieee.route(new URL('https://ieeexplore.ieee.org/xpl/conhome/7776647/proceeding'))).toBeNull();
  });
});

describe('xplGlobal.document.metadata', () => {
  it('is the object literal after the marker, braces matched outside strings', () => {
    const src = 'var a=1; xplGlobal.document.metadata = {"t":"a } b","n":{"x":[1,{"y":2}]}};\nxplGlobal.document.userLoggedIn=false;';
    expect(jsonAfterMarker(src, 'xplGlobal.document.metadata')).toEqual({ t: 'a } b', n: { x: [1, { y: 2 }] } });
  });

  it('is never evaluated: code in it is not JSON and gives nothing', () => {
    const src = 'xplGlobal.document.metadata={"title":"x","run":(function(){ globalThis.__ieeeRan = true; })()};';
    expect(jsonAfterMarker(src, 'xplGlobal.document.metadata')).toBeUndefined();
    const url = new URL('https://ieeexplore.ieee.org/document/1/');
    expect(ieee.scrape(parseHtml(`<html><body><script>${src}</script></body></html>`, url.href), url)).toBeNull();
    expect((globalThis as Record<string, unknown>).__ieeeRan).toBeUndefined();
  });

  it('is skipped when it belongs to another document (the app swapped pages without reloading)', () => {
    const url = new URL('https://ieeexplore.ieee.org/document/2/');
    const html = '<html><body><script>xplGlobal.document.metadata={"articleNumber":"1","title":"Another paper"};</script></body></html>';
    expect(ieee.scrape(parseHtml(html, url.href), url)).toBeNull();
  });
});
