/**
 * Scraper timings for `npm run bench`: each adapter on the big synthetic pages the unit tests read
 * (tests/helpers/big-pages.ts, so the bench and the tests use the same pages) and, when ../shared
 * is present, on the real ICLR 2019 notes (as an OpenReview listing) and the real DBLP person page.
 * Each page is parsed once with happy-dom exactly as the tests parse it (tests/helpers/dom.ts),
 * scraped once to warm up (happy-dom builds some of its state lazily on first use), then scraped
 * RUNS more times; the median is checked against the page's goal. The goals are the wall-clock
 * limits the unit tests used to assert: tests check what is read, this checks how fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Adapter } from '../lib/core/types';
import { aclAnthology } from '../lib/scrapers/sites/acl-anthology';
import { dblp } from '../lib/scrapers/sites/dblp';
import { googleScholar } from '../lib/scrapers/sites/google-scholar';
import { openReview } from '../lib/scrapers/sites/openreview';
import { semanticScholar } from '../lib/scrapers/sites/semantic-scholar';
import { generic } from '../lib/scrapers/embedded/generic';
import { authorProfile } from '../lib/scrapers/heuristics/author-profile';
import {
  aclPersonPage,
  authorProfileCardsPage,
  genericPublicationListPage,
  openReviewListingPage,
  s2SearchPage,
  scholarProfilePage,
  type BigPage,
  type OpenReviewApiNote,
} from '../tests/helpers/big-pages';
import { parseHtml, sharedPages } from '../tests/helpers/dom';

/** Timed scrapes per page (after one warm-up scrape). */
const RUNS = 5;

/** One page's timing: `rows` papers scraped, the median of RUNS scrapes, and the goal for it. */
export interface ScrapeTiming {
  name: string;
  rows: number;
  medianMs: number;
  goalMs: number;
}

interface Case {
  name: string;
  adapter: Pick<Adapter, 'scrape'>;
  goalMs: number;
  /** The page; undefined when it needs ../shared and that is missing (the case is left out). */
  page: () => BigPage | undefined;
}

const shared = (rel: string) => (existsSync(join(sharedPages, rel)) ? join(sharedPages, rel) : undefined);

const cases: Case[] = [
  { name: 'google-scholar profile', adapter: googleScholar, goalMs: 8000, page: () => scholarProfilePage(2000) },
  { name: 'acl-anthology person page', adapter: aclAnthology, goalMs: 3000, page: () => aclPersonPage(3000) },
  { name: 'semantic-scholar search', adapter: semanticScholar, goalMs: 5000, page: () => s2SearchPage(2000) },
  { name: 'generic publication list', adapter: generic, goalMs: 8000, page: () => genericPublicationListPage(3000) },
  { name: 'author-profile cards', adapter: authorProfile, goalMs: 8000, page: () => authorProfileCardsPage(1500) },
  {
    name: 'openreview ICLR 2019 listing',
    adapter: openReview,
    goalMs: 5000,
    page: () => {
      const path = shared('openreview/iclr2019-notes.json');
      if (!path) return undefined;
      return openReviewListingPage((JSON.parse(readFileSync(path, 'utf8')) as { notes: OpenReviewApiNote[] }).notes);
    },
  },
  {
    name: 'dblp person-clauset (real page)',
    adapter: dblp,
    goalMs: 200,
    page: () => {
      const path = shared('dblp/person-clauset.html');
      if (!path) return undefined;
      return { html: readFileSync(path, 'utf8'), url: 'http://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron', rows: NaN };
    },
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Time every adapter on its big page: the median of RUNS scrapes after one warm-up, with the number
 * of papers scraped as `rows`. Pages from ../shared are left out (with a warning) when it is missing.
 */
export async function scrapeTimings(): Promise<ScrapeTiming[]> {
  const out: ScrapeTiming[] = [];
  for (const c of cases) {
    const page = c.page();
    if (!page) {
      console.warn(`[paperdex] ../shared not found: scrape timing skipped: ${c.name}`);
      continue;
    }
    const doc = parseHtml(page.html, page.url);
    const url = new URL(page.url);
    const rows = c.adapter.scrape(doc, url)?.papers.length ?? 0;
    if (Number.isFinite(page.rows) && rows !== page.rows) throw new Error(`${c.name}: scraped ${rows} of ${page.rows} rows`);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      c.adapter.scrape(doc, url);
      ms.push(performance.now() - t);
      // Let timers and microtasks queued by happy-dom run between scrapes.
      await new Promise((res) => setTimeout(res, 0));
    }
    out.push({ name: c.name, rows, medianMs: median(ms), goalMs: c.goalMs });
  }
  return out;
}
