// Every real saved page in ../shared/pages that has a `<name>.truth.json` (what a person read off
// the page: title, authors as printed, year, venue, DOI, citations, links; the author's metrics)
// is scraped by the registry at its real URL, and every paper and field the truth lists must come
// out exactly. A truth file may list a sample of a long listing (CVF: 40 of 1,467): then each
// listed paper must be among the captured ones; a single-paper page must give that one paper.
import { expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scrapePage } from '../../../lib/scrapers/registry';
import type { ScrapedPaper } from '../../../lib/core/types';
import { describeShared, parseHtml, sharedPages } from '../../helpers/dom';

interface TruthPaper {
  title: string;
  authors?: string[];
  year?: number;
  venue?: string;
  doi?: string;
  citations?: number;
  url?: string;
  pdf?: string;
}
interface Truth {
  url: string;
  papers: TruthPaper[];
  author?: { name: string; affiliation?: string; citations?: number; hIndex?: number; i10Index?: number };
}

/** The truth files, as `<site>/<name>` (empty without ../shared; describeShared reports that). */
function truthFiles(): string[] {
  if (!existsSync(sharedPages)) return [];
  const out: string[] = [];
  for (const d of readdirSync(sharedPages, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const f of readdirSync(join(sharedPages, d.name)))
      if (f.endsWith('.truth.json')) out.push(`${d.name}/${f.slice(0, -'.truth.json'.length)}`);
  }
  return out.sort();
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The fields of `got` the truth speaks of, in the truth's vocabulary. */
function asTruth(got: ScrapedPaper, want: TruthPaper): TruthPaper {
  const out: TruthPaper = { title: norm(got.title) };
  if (want.authors) out.authors = got.authors.map(norm);
  if (want.year !== undefined) out.year = got.year;
  if (want.venue !== undefined) out.venue = got.venue && norm(got.venue);
  if (want.doi !== undefined) out.doi = got.ids?.doi;
  if (want.citations !== undefined) out.citations = got.citations;
  if (want.url !== undefined) out.url = got.url;
  if (want.pdf !== undefined) out.pdf = got.pdfUrl;
  return out;
}

const files = truthFiles();

describeShared('real pages against their truth files (../shared/pages/*/*.truth.json)', ['pages'], () => {
  it('has truth files to check', () => expect(files.length).toBeGreaterThan(0));
  for (const name of files) {
    it(name, () => {
      const truth = JSON.parse(readFileSync(join(sharedPages, `${name}.truth.json`), 'utf8')) as Truth;
      const html = readFileSync(join(sharedPages, `${name}.html`), 'utf8');
      const got = scrapePage(parseHtml(html, truth.url), new URL(truth.url), { mode: 'auto' });
      expect(got.errors).toEqual([]);
      const papers = got.result?.papers ?? [];
      if (truth.papers.length === 1) expect(papers.map((p) => p.title)).toHaveLength(1);
      else expect(papers.length).toBeGreaterThanOrEqual(truth.papers.length);
      for (const want of truth.papers) {
        const match = papers.find((p) => norm(p.title) === norm(want.title));
        const wantNorm = { ...want, title: norm(want.title), ...(want.authors ? { authors: want.authors.map(norm) } : {}) };
        delete (wantNorm as Record<string, unknown>).authorsCanonical;
        expect(match ? asTruth(match, want) : { missing: want.title }).toEqual(wantNorm);
      }
      if (truth.author) {
        const a = got.result?.author;
        const m = a?.metrics;
        expect({
          name: a?.name,
          ...(truth.author.affiliation !== undefined ? { affiliation: a?.affiliation } : {}),
          ...(truth.author.citations !== undefined ? { citations: m?.citations } : {}),
          ...(truth.author.hIndex !== undefined ? { hIndex: m?.hIndex } : {}),
          ...(truth.author.i10Index !== undefined ? { i10Index: m?.i10Index } : {}),
        }).toEqual(truth.author);
      }
    });
  }
});
