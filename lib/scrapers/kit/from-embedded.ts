/**
 * Paper pages read the way Zotero's site translators use its Embedded Metadata translator: the
 * page's embedded-metadata reading (`readEmbeddedMetadata`: citation_*, Dublin Core, JSON-LD,
 * microdata, COinS) is the base, and what the site's own markup shows — richer and more exact — is
 * laid over it field by field. Site code then reads only what its pages show beyond the metadata.
 *
 * Three layers, each field taken from the first that has it:
 *   1. what the site's markup shows (`site`);
 *   2. the embedded reading, as the site takes it (`take`, `trust`, `adjust`);
 *   3. what the site infers where neither says (`fallback`: a year from its id, an og:title).
 * A layer "has" a field when it is not undefined, '' or []. Ids merge id by id (a site's id wins).
 * `authors` and `authorsTruncated` travel together: the layer whose authors win says whether
 * they are cut short.
 */
import type { ScrapedPaper } from '../../core/types';
import { compactPaper } from './dom';
import { readEmbeddedMetadata } from './embedded';

/** What one layer says of a paper: any fields, title and authors included when known. */
type SitePaper = Partial<ScrapedPaper>;

/** A field of the embedded reading a site may take. */
type EmbeddedField = keyof ScrapedPaper;

interface EmbeddedOptions {
  /** The embedded fields the site takes (default: all). A site leaves out what its metadata gets wrong, and says why. */
  take?: readonly EmbeddedField[];
  /** Whether the embedded reading describes this page (an SPA may still carry the previous page's head). Default: yes. */
  trust?(embedded: ScrapedPaper): boolean;
  /** The embedded reading in the site's conventions ("Last, First" names, canonical links, ids the site drops). */
  adjust?(embedded: ScrapedPaper): ScrapedPaper;
  /** What the site infers where neither its markup nor the metadata says; a function gets the paper laid so far. */
  fallback?: SitePaper | ((laid: SitePaper) => SitePaper);
}

const has = (v: unknown): boolean => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** `over` laid on `under`: every field `over` has wins; ids merge id by id; authors carry their truncation. */
export function layPaper(under: SitePaper, over: SitePaper): SitePaper {
  const out: Record<string, unknown> = { ...under };
  for (const [k, v] of Object.entries(over)) if (k !== 'authorsTruncated' && has(v)) out[k] = v;
  if (has(over.authors)) out.authorsTruncated = over.authorsTruncated;
  const ids: Record<string, unknown> = {};
  for (const [k, v] of [...Object.entries(under.ids ?? {}), ...Object.entries(over.ids ?? {})]) if (has(v)) ids[k] = v;
  out.ids = ids;
  return out as SitePaper;
}

/** The page's embedded reading as a site takes it (trusted, adjusted, restricted to `take`), or null. */
function embeddedBase(doc: Document, url: URL, options: EmbeddedOptions = {}): SitePaper | null {
  const found = readEmbeddedMetadata(doc, url);
  if (!found || (options.trust && !options.trust(found))) return null;
  const p = options.adjust ? options.adjust(found) : found;
  if (!options.take) return p;
  const out: Record<string, unknown> = {};
  for (const k of options.take) out[k] = p[k];
  if (options.take.includes('authors')) out.authorsTruncated = p.authorsTruncated;
  return out as SitePaper;
}

/**
 * The paper of a paper page: the embedded reading with the site's markup laid over it (see the
 * module header). Null when no layer has a title.
 */
export function fromEmbedded(doc: Document, url: URL, site: SitePaper, options: EmbeddedOptions = {}): ScrapedPaper | null {
  const laid = layPaper(embeddedBase(doc, url, options) ?? {}, site);
  const fb = typeof options.fallback === 'function' ? options.fallback(laid) : options.fallback;
  const p = fb ? layPaper(fb, laid) : laid;
  return p.title ? compactPaper({ ...p, title: p.title, authors: p.authors ?? [] }) : null;
}
