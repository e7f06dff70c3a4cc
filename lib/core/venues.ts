/**
 * Venue lines as aggregators print them ("Carbon 140, 201-209", "IEEE Transactions on … 34 (2),
 * 211-224", "Nature 596 (7873), 583-589", "PloS one 14 (3), e0213978"): split into the venue and its
 * volume, issue and pages, so venue facets and `venue:` see the journal, and BibTeX/CSL get
 * `volume`/`number`/`pages`. A venue cut short ("IEEE transactions on neural …") is kept as shown and
 * marked truncated. Lines that only look numbered stay whole: years ("ICLR 2015", "Interspeech
 * 2019"), patents ("US Patent 9,876,543"), preprint ids ("arXiv preprint arXiv:1706.03762"). Pure.
 */
import { clean } from './text';

/** A venue line, split. */
export interface VenueParts {
  venue?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  /** The venue name was cut ("…"). */
  truncated?: boolean;
}

// A page or article number: 201, e0213978, S12, 012345, 1234a; a range of them (hyphen or en dash).
const PAGE = String.raw`[A-Za-z]{0,2}\d+[A-Za-z]?`;
const PAGES_AT_END = new RegExp(String.raw`,\s*(${PAGE}(?:\s*[-–—]\s*${PAGE})?)\s*$`);
// "… 34 (2)", "… 140", "… 30 (Suppl 1)" at the end of what is left.
const VOLUME_AT_END = /\s(\d{1,5}[A-Za-z]?)(?:\s*\(([^()]{1,30})\))?\s*$/;
const CUT = /(…|\.\.\.)\s*$/;
const LOOKS_LIKE_YEAR = (s: string) => /^(19|20)\d\d$/.test(s);

/**
 * Split a printed venue line. Without a recognisable volume/pages tail the line is the venue.
 */
export function splitVenue(line: string | undefined | null): VenueParts {
  const s = clean(line ?? '').replace(/,\s*$/, '');
  if (!s) return {};
  if (/\bpatent\b|\barXiv:|\bCoRR\b|\babs\/\d/i.test(s)) return { venue: s };
  let rest = s;
  let pages: string | undefined;
  const p = rest.match(PAGES_AT_END);
  // A lone year after a comma is the year, not a page ("…, 2015"): it stays part of the line.
  if (p && !(LOOKS_LIKE_YEAR(p[1]) && !/[-–—]/.test(p[1]))) {
    pages = p[1].replace(/\s*[-–—]\s*/, '-');
    rest = rest.slice(0, p.index).trim();
  }
  let volume: string | undefined;
  let issue: string | undefined;
  const v = rest.match(VOLUME_AT_END);
  // "ICLR 2015": a trailing year with nothing after it names an edition, not a volume.
  if (v && !(LOOKS_LIKE_YEAR(v[1]) && !v[2] && !pages)) {
    const name = rest.slice(0, v.index).trim();
    if (/\p{L}/u.test(name)) {
      volume = v[1];
      issue = v[2] ? clean(v[2]) : undefined;
      rest = name;
    }
  }
  // A single number after a comma with no volume before it is more likely part of the name ("Findings, 2").
  if (pages && !volume && !/-/.test(pages)) return { venue: s, ...(CUT.test(s) ? { truncated: true } : {}) };
  const venue = rest.replace(/[,;:]\s*$/, '').trim() || undefined;
  // Pages without a venue or volume ("12-34") are no venue line.
  if (!venue) return { venue: s };
  const out: VenueParts = { venue };
  if (volume) out.volume = volume;
  if (issue) out.issue = issue;
  if (pages) out.pages = pages;
  if (CUT.test(venue)) out.truncated = true;
  return out;
}
