/**
 * ORCID adapter (orcid.org): record pages `/<ORCID iD>` (also `/<iD>/print`) as an author page —
 * the researcher's name, their current employment, and their works (title, year/date, journal,
 * type, DOI, contributors when the record lists them).
 *
 * ORCID is an Angular app (github.com/ORCID/orcid-angular, src/app/record/): the server sends a
 * shell and the record is rendered client-side, so this reads, in order:
 *   1. the rendered DOM, when the content script runs after rendering: `section#names h1`, the
 *      employment panels' `app-affiliation-stack h2` ("Org: City, Region, Country"), and one
 *      `app-work-stack` per work (its preferred `app-panel`: heading = title, `app-work
 *      .general-data` lines = journal, "2012-06-19 | Journal article", "CONTRIBUTORS: …",
 *      `app-display-external-ids` links = DOI);
 *   2. what the served HTML carries: a schema.org Person in JSON-LD (name, affiliation, works it
 *      authored as `@reverse.creator`) when present, and the `<title>` "Name (iD) - ORCID".
 * Until the record is rendered (or when the shell carries nothing) the page yields null, and a
 * later run after the app has rendered captures it. Other names have no author field in
 * Paperdex and are not captured.
 */
import type { ScrapedAuthor, ScrapedPaper } from '../../core/types';
import { parseDate } from '../kit/dates';
import { defineAdapter, type Scraped } from '../kit/define-adapter';
import { absUrl, all, clean, compact, compactPaper, normalizeDoi, parseYear, text } from '../kit/dom';
import { parseJsonLd } from '../kit/json-ld';
import { splitAuthors } from '../kit/names';
import { doiFromResolverUrl } from '../kit/urls';

const ORCID_ID = /^(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/;

/** The ORCID iD a record URL names (`/0000-0002-1825-0097`, `/0000-0002-1825-0097/print`), or undefined. */
export function orcidIdFromUrl(url: URL): string | undefined {
  const m = url.pathname.match(/^\/(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])(?:\/print)?\/?$/);
  return m && ORCID_ID.test(m[1].toUpperCase()) ? m[1].toUpperCase() : undefined;
}

/** ORCID's work type labels → Paperdex types; other labels are kept lower-cased as shown. */
const WORK_TYPES: Record<string, string> = {
  'journal article': 'article',
  'conference paper': 'inproceedings',
  'conference proceedings': 'proceedings',
  preprint: 'preprint',
  'book chapter': 'incollection',
  book: 'book',
  'dissertation or thesis': 'phdthesis',
  dissertation: 'phdthesis',
};

/** "Brown University: Providence, RI, US" → "Brown University" (the panel heading adds the place). */
function orgName(heading: string): string {
  return clean(heading.replace(/:\s*[^:]*$/, '')) || clean(heading);
}

/** A `.general-data` line "2012-06-19 | Journal article" / "2019 | Preprint | Author": date, year, type. */
function dateTypeLine(s: string): { year?: number; date?: string; type?: string } | undefined {
  const parts = s.split('|').map((p) => clean(p));
  const m = parts[0].match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m) {
    // No date: the line is the type alone when it names a known one.
    const t = WORK_TYPES[parts[0].toLowerCase()];
    return t && parts.length <= 2 ? { type: t } : undefined;
  }
  const year = parseInt(m[1], 10);
  const date = m[2] ? (m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`) : undefined;
  const label = (parts[1] ?? '').toLowerCase();
  return { year, date, type: label ? (WORK_TYPES[label] ?? label) : undefined };
}

/** One rendered work: the preferred panel of an `app-work-stack`. */
function renderedWork(stack: Element, base: URL): ScrapedPaper | undefined {
  const panel = stack.querySelector('app-panel') ?? stack;
  const heading = all(panel, 'h2, h3, h4').find((h) => !h.closest('app-work, app-panel-source'));
  const title = clean(heading?.textContent);
  if (!title) return undefined;
  const body = panel.querySelector('app-work');
  let venue: string | undefined;
  let dated: ReturnType<typeof dateTypeLine>;
  let authors: string[] = [];
  let truncated = false;
  for (const line of all(body, '.general-data')) {
    if (line.closest('app-display-external-ids')) continue;
    const t = clean(line.textContent);
    const contributors = t.match(/^contributors\s*:\s*(.*)$/i);
    if (contributors) {
      // "A; B; C + 5 more": the record cuts long lists.
      const more = /\+\s*\d+\s*more\s*$/i.test(contributors[1]);
      const split = splitAuthors(contributors[1].replace(/\+\s*\d+\s*more\s*$/i, ''), /\s*;\s*/);
      authors = split.authors;
      truncated = more || split.truncated;
      continue;
    }
    const dt = dated ? undefined : dateTypeLine(t);
    if (dt) dated = dt;
    else if (!venue && !dated) venue = t;
  }
  let doi: string | undefined;
  let link: string | undefined;
  for (const a of all(panel, 'app-display-external-ids a[href], a[href*="doi.org/"]')) {
    const href = absUrl(a.getAttribute('href'), base);
    const d =
      doiFromResolverUrl(href) ??
      (/^doi:?$/i.test(clean(a.closest('app-panel-data-line')?.textContent).split(/\s/)[0]) ? normalizeDoi(a.textContent) : undefined);
    if (d && !doi) {
      doi = d;
      link = href;
    }
  }
  return compactPaper({
    title,
    authors,
    authorsTruncated: truncated || undefined,
    year: dated?.year,
    date: dated?.date,
    venue,
    type: dated?.type,
    ids: compact({ doi }),
    url: link,
  });
}

interface LdNode {
  [k: string]: unknown;
}

const ldText = (v: unknown): string => (typeof v === 'string' ? clean(v) : '');

/** A schema.org Person of the served HTML's JSON-LD (ORCID's content-negotiated record shape). */
function ldPerson(doc: Document): LdNode | undefined {
  for (const s of all(doc, 'script[type="application/ld+json"]')) {
    const data = parseJsonLd(s.textContent) as unknown;
    const nodes = Array.isArray(data)
      ? data
      : data && typeof data === 'object' && Array.isArray((data as LdNode)['@graph'])
        ? ((data as LdNode)['@graph'] as unknown[])
        : [data];
    for (const n of nodes) if (n && typeof n === 'object' && (n as LdNode)['@type'] === 'Person') return n as LdNode;
  }
  return undefined;
}

function ldName(p: LdNode): string {
  return ldText(p.name) || clean(`${ldText(p.givenName)} ${ldText(p.familyName)}`);
}

function ldAffiliation(p: LdNode): string | undefined {
  const a = Array.isArray(p.affiliation) ? p.affiliation[0] : p.affiliation;
  return (a && typeof a === 'object' ? ldText((a as LdNode).name) : ldText(a)) || undefined;
}

function ldWorks(p: LdNode): ScrapedPaper[] {
  const rev = p['@reverse'] && typeof p['@reverse'] === 'object' ? (p['@reverse'] as LdNode).creator : undefined;
  const list = Array.isArray(rev) ? rev : rev ? [rev] : [];
  const out: ScrapedPaper[] = [];
  for (const w of list) {
    if (!w || typeof w !== 'object') continue;
    const n = w as LdNode;
    const title = ldText(n.name);
    if (!title) continue;
    const ids = (Array.isArray(n.identifier) ? n.identifier : [n.identifier]).filter((i): i is LdNode => !!i && typeof i === 'object');
    const doiId = ids.find((i) => /^doi$/i.test(ldText(i.propertyID)));
    const same = (Array.isArray(n.sameAs) ? n.sameAs : [n.sameAs]).map(ldText);
    const doi = normalizeDoi(ldText(doiId?.value)) ?? same.map((s) => doiFromResolverUrl(s)).find(Boolean);
    const dated = parseDate(ldText(n.datePublished));
    out.push(
      compactPaper({
        title,
        authors: [],
        year: dated.year ?? parseYear(ldText(n.datePublished)),
        date: dated.date,
        ids: compact({ doi }),
        url: same.find((s) => /^https?:\/\//.test(s)),
      }),
    );
  }
  return out;
}

function scrapeRecord(doc: Document, url: URL): Scraped | null {
  const id = orcidIdFromUrl(url);
  if (!id) return null;
  const person = ldPerson(doc);
  // "Josiah Carberry (0000-0002-1825-0097) - ORCID": the title the app (and some shells) set.
  const titled = clean(doc.title).match(/^(.+?)\s*\(\s*\d{4}-\d{4}-\d{4}-\d{3}[\dX]\s*\)/i)?.[1];
  const rendered = text(doc, 'section#names h1');
  const name = rendered || (person ? ldName(person) : '') || clean(titled);

  const employment = doc.querySelector('section#affiliations') ?? doc.querySelector('#cy-affiliation-employment');
  const firstJob = all(employment, 'app-affiliation-stack').map((s) =>
    all(s, 'h2, h3').find((h) => !h.closest('app-affiliation, app-panel-source')),
  )[0];
  const affiliation = (firstJob ? orgName(clean(firstJob.textContent)) : undefined) || (person ? ldAffiliation(person) : undefined);

  let papers = all(doc, 'app-work-stack')
    .map((s) => renderedWork(s, url))
    .filter((p): p is ScrapedPaper => !!p);
  if (!papers.length && person) papers = ldWorks(person);

  if (!name && !papers.length) return null;
  // A record whose header says "This record has been deactivated/locked/deprecated" has no person.
  if (/^(?:this record has been|this record is locked|no public information)/i.test(name)) return null;
  const author = name ? compact<ScrapedAuthor>({ name, id, url: `https://orcid.org/${id}`, affiliation }) : undefined;
  // (`papers` is required even when the record lists no works: not compacted away.)
  return author ? { kind: 'author', author, papers } : { kind: 'author', papers };
}

/** ORCID record pages (author pages). */
export const orcid = defineAdapter({
  id: 'orcid',
  hosts: ['orcid.org'],
  route: (url) => (orcidIdFromUrl(url) ? 'author' : null),
  scrape: scrapeRecord,
  urls: ['https://orcid.org/0000-0002-1825-0097', 'https://orcid.org/0000-0001-5109-3700/print'],
});
