/**
 * `defineAdapter`: the one shape of a site adapter. An adapter says which hosts it serves, tells
 * from the URL alone which kind of page it is looking at (`route`), and reads that page (`scrape`,
 * a pure function of the document, the URL and the route). The registry runs `route` only on the
 * adapter's hosts and `scrape` only where `route` said yes, so adapters carry no detect/dispatch
 * boilerplate. `urls` lists real pages the adapter was written against: documentation, and the
 * meta-test checks `route` accepts each of them.
 */
import { SITE_NAMES, type SiteId } from '../../core/sites';
import type { Adapter, ScrapeResult } from '../../core/types';

/** What a page scraper returns: a result without `site` and `url`, which `defineAdapter` fills in. */
export type Scraped = Omit<ScrapeResult, 'site' | 'url'>;

/** A route is a page-kind name, or an object naming its kind plus what the URL says (ids). */
export type Route = string | { kind: string };

type KindOf<R> = R extends string ? R : R extends { kind: infer K extends string } ? K : never;
type RouteOfKind<R, K> = R extends string ? (R extends K ? R : never) : Extract<R, { kind: K }>;

/** Reads one kind of page. Returns null when the page holds nothing to capture (yet). */
export type PageScraper<R> = (doc: Document, url: URL, route: R) => Scraped | null;

/** One scraper per route kind: `{ author: scrapeProfile, search: scrapeSearch }`. */
export type PageScrapers<R> = { [K in KindOf<R>]: PageScraper<RouteOfKind<R, K>> };

/** What an adapter module declares. */
export interface AdapterSpec<R extends Route> {
  id: SiteId;
  /** Hostnames served (exactly as the manifest's match patterns list them; `*.example.org` for subdomains). */
  hosts: readonly string[];
  /** The kind of page `url` is, from the URL alone; null for pages the adapter does not read. */
  route(url: URL): R | null | undefined;
  /** Read the page: one function, or one per route kind. */
  scrape: PageScraper<R> | PageScrapers<R>;
  /** Real URLs the adapter was written against (each accepted by `route`). */
  urls: readonly string[];
  /**
   * Routes on which the structural heuristics should also run during automatic capture (the site
   * shows pages its adapter does not read). By default they run only on click-capture.
   */
  wantsHeuristics?(route: R): boolean;
  /**
   * Pages the site serves in place of content whatever the URL (CAPTCHA, rate-limit pages): the
   * adapter captures nothing there.
   */
  blocked?(doc: Document, url: URL): boolean;
}

/** A site adapter as the registry sees it. Also an `Adapter` (`detect`/`scrape`) for callers that want one. */
export interface SiteAdapter<R extends Route = Route> extends Adapter {
  readonly hosts: readonly string[];
  readonly urls: readonly string[];
  /** Whether `hostname` is one of the adapter's hosts. */
  servesHost(hostname: string): boolean;
  /** The route of `url` (null when the host is not served or the path is not a page the adapter reads). */
  route(url: URL): R | null;
  /** Scrape with a route already computed (the registry's path), or compute it. */
  scrape(doc: Document, url: URL, route?: R | null): ScrapeResult | null;
  /** Whether the heuristics should also run in automatic capture on this route. */
  wantsHeuristics(route: R): boolean;
}

/** Whether `hostname` matches one host pattern: exact, or `*.domain` (the domain and its subdomains, as in match patterns). */
export function hostMatches(pattern: string, hostname: string): boolean {
  const h = hostname.toLowerCase();
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
  return h === p;
}

/**
 * Build a site adapter from its spec. A new site is one module in lib/scrapers/sites/ named after
 * its id (plus its hosts in lib/core/hosts.ts and a fixture folder), e.g.:
 *
 * ```ts
 * export const example = defineAdapter({
 *   id: 'example',
 *   hosts: ['papers.example.org'],
 *   route: (url) => (url.pathname.startsWith('/list/') ? 'listing' : /^\/paper\/\d+$/.test(url.pathname) ? 'paper' : null),
 *   scrape: { listing: (doc, url) => …, paper: (doc, url) => … },
 *   urls: ['https://papers.example.org/list/recent', 'https://papers.example.org/paper/42'],
 * });
 * ```
 */
export function defineAdapter<R extends Route>(spec: AdapterSpec<R>): SiteAdapter<R> {
  const { id, hosts, urls } = spec;
  const servesHost = (hostname: string) => hosts.some((p) => hostMatches(p, hostname));
  const route = (url: URL): R | null => (servesHost(url.hostname) ? (spec.route(url) ?? null) : null);
  const scraperFor = (r: R): PageScraper<R> | undefined => {
    if (typeof spec.scrape === 'function') return spec.scrape;
    const kind = typeof r === 'string' ? r : r.kind;
    return (spec.scrape as unknown as Record<string, PageScraper<R> | undefined>)[kind];
  };
  return {
    id,
    name: SITE_NAMES[id],
    hosts,
    urls,
    servesHost,
    route,
    detect: (url: URL) => route(url) !== null,
    wantsHeuristics: (r: R) => spec.wantsHeuristics?.(r) ?? false,
    scrape(doc: Document, url: URL, given?: R | null): ScrapeResult | null {
      const r = given ?? route(url);
      if (r === null || spec.blocked?.(doc, url)) return null;
      const got = scraperFor(r)?.(doc, url, r);
      return got ? { site: id, url: url.href, ...got } : null;
    },
  };
}
