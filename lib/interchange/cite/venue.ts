/**
 * Where in its venue a paper is, for a citation style: the stored volume, issue and pages (split
 * from the venue line at capture, lib/core/venues.ts), or — for papers stored before the split —
 * the same split of the venue line as shown ("Nature 521 (7553), 436-444"). Page ranges get the
 * en dash citation styles print. Pure.
 */
import { splitVenue } from '../../core/venues';
import type { ExportedPaper } from '../../core/types';

/** A venue line split into the publication's name and where in it the paper is. */
export interface VenueParts {
  /** The journal, proceedings or server: "Nature". */
  name: string;
  volume?: string;
  issue?: string;
  /** A page range with an en dash ("436–444"), or one page / article number. */
  pages?: string;
}

const enDash = (pages: string) => pages.replace(/\s*[-‐‑–—]+\s*/, '–');

/** Split "Nature 521 (7553), 436-444" into name "Nature", volume "521", issue "7553", pages "436–444". */
export function parseVenue(venue: string | undefined): VenueParts | undefined {
  const s = splitVenue(venue);
  if (!s.venue) return undefined;
  const out: VenueParts = { name: s.venue };
  if (s.volume) out.volume = s.volume;
  if (s.issue) out.issue = s.issue;
  if (s.pages) out.pages = enDash(s.pages);
  return out;
}

/** The paper's venue parts: its stored fields when it has them, else its venue line split. */
export function venueOf(p: Pick<ExportedPaper, 'venue' | 'volume' | 'issue' | 'pages'>): VenueParts | undefined {
  if (!p.volume && !p.issue && !p.pages) return parseVenue(p.venue);
  const name = p.venue?.trim();
  if (!name) return undefined;
  const out: VenueParts = { name };
  if (p.volume) out.volume = p.volume;
  if (p.issue) out.issue = p.issue;
  if (p.pages) out.pages = enDash(p.pages);
  return out;
}
