/**
 * The opt-in completion of an opened PDF (Settings "Complete opened PDFs from their landing page",
 * off by default): the landing page of a paper known only from its PDF is fetched once from the
 * same site — without cookies or credentials — and read by the same adapters as a visit. This is
 * the only request Paperdex makes itself (README "Privacy"). The page is parsed where a DOM parser
 * exists: Chrome's offscreen document (the service worker has none), Firefox's background page.
 */
import * as v from 'valibot';
import { ScrapeResultSchema } from '../core/scraped-schema';
import type { ScrapeResult } from '../core/types';

/** Largest landing page read (bigger ones are not scholarly landing pages). */
export const MAX_LANDING_BYTES = 8_000_000;

/** Reads a fetched page: its scrape, or null when the page holds no paper. */
export type ParseLanding = (html: string, url: string) => Promise<ScrapeResult | null>;

/** Why a completion did not happen (for the console; the user sees the paper stay incomplete). */
export class LandingError extends Error {}

/**
 * Fetch `landing` and read it. Only http(s) on the landing page's own host, a 2xx HTML answer
 * within {@link MAX_LANDING_BYTES}, ending on the same host after redirects; the result must pass
 * the same schema as a content script's capture. Throws a LandingError otherwise.
 */
export async function readLanding(landing: string, parse: ParseLanding, fetchFn: typeof fetch = fetch): Promise<ScrapeResult> {
  const want = new URL(landing);
  if (want.protocol !== 'https:' && want.protocol !== 'http:') throw new LandingError(`not a web page: ${landing}`);
  const res = await fetchFn(want.href, { credentials: 'omit', redirect: 'follow', cache: 'no-store', referrerPolicy: 'no-referrer' });
  if (!res.ok) throw new LandingError(`${landing}: HTTP ${res.status}`);
  const finalUrl = res.url ? new URL(res.url) : want;
  if (finalUrl.hostname !== want.hostname) throw new LandingError(`${landing} redirected to another site (${finalUrl.hostname})`);
  const type = res.headers.get('content-type') ?? '';
  if (!/text\/html|application\/xhtml/i.test(type)) throw new LandingError(`${landing} is not an HTML page (${type || 'no type'})`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_LANDING_BYTES) throw new LandingError(`${landing} is too large (${length} bytes)`);
  const html = await res.text();
  if (html.length > MAX_LANDING_BYTES) throw new LandingError(`${landing} is too large`);
  const result = await parse(html, finalUrl.href);
  if (!result || result.papers.length === 0) throw new LandingError(`${landing} holds no paper Paperdex can read`);
  const checked = v.safeParse(ScrapeResultSchema, result);
  if (!checked.success) throw new LandingError(`${landing}: ${checked.issues[0]?.message ?? 'unreadable'}`);
  return checked.output as ScrapeResult;
}
