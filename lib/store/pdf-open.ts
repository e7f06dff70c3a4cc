/**
 * An opened PDF (recognised by lib/core/pdf-urls.ts from a tab's URL): a paper in the library gets an
 * "opened" sighting (lib/store/openings.ts); an unknown one becomes a record with its strong id and
 * links, marked incomplete ("opened as PDF; details not seen yet"), titled by the tab when the tab
 * shows a real title. The capture of its landing page completes it (lib/core/identity.ts mergePaper,
 * lib/store/capture.ts `landing:` lookup). Runs in the background (never in a content script).
 */
import type { PaperdexDB } from './db';
import { newPaper } from './capture';
import { recordOpened } from './openings';
import { canonicalIds, hash64, idKeys, idsConflict, paperIdFor, union } from '../core/identity';
import { titleKey } from '../core/normalize';
import { isRealTitle, landingKey, pdfPaperOf, type PdfPaper } from '../core/pdf-urls';
import { SITE_NAMES } from '../core/sites';
import type { PaperRecord } from '../core/types';

/** What opening a PDF did. */
export interface PdfOpened {
  paperId: string;
  /** A new, incomplete record was made. */
  created: boolean;
  /** The record is still known only from its PDF (new, or never completed). */
  incomplete?: boolean;
  /** Its landing page. */
  landing?: string;
}

/** The title shown until a page describing the paper is captured. */
export function standInTitle(pp: PdfPaper): string {
  const id = pp.ids.arxiv ?? pp.ids.doi ?? pp.ids.acl ?? pp.ids.openreview;
  return id ? `${SITE_NAMES[pp.site]} ${id} (PDF)` : `PDF from ${SITE_NAMES[pp.site]}: ${pp.pdf.split('/').pop()}`;
}

async function findKnown(db: PaperdexDB, pp: PdfPaper): Promise<PaperRecord | undefined> {
  const ids = canonicalIds(pp.ids);
  const keys = [...idKeys(ids), landingKey(pp.landing)];
  const hit = (await db.papers.where('idKeys').anyOf(keys).toArray()).find((r) => !idsConflict(ids, r.ids));
  if (hit || idKeys(ids).length) return hit;
  // Proceedings without ids: a paper captured from a listing carries these links. Found once by a
  // scan, it gets the landing key, so the next opening (a PDF tab reports several updates) is a lookup.
  const landing = landingKey(pp.landing);
  const found = await db.papers.filter((r) => r.pdfUrl === pp.pdf || (!!r.url && landingKey(r.url) === landing)).first();
  if (found) {
    found.idKeys = union(found.idKeys, [landing]) ?? [];
    await db.papers.update(found.id, { idKeys: found.idKeys });
  }
  return found;
}

/**
 * Record that the PDF at `href` was opened (tab title `title` when known). Null when `href` is not
 * a PDF of a known site. A later call with a real title renames a record that still has the stand-in.
 */
export async function recordPdfOpen(db: PaperdexDB, href: string, title?: string, now = Date.now()): Promise<PdfOpened | null> {
  const pp = pdfPaperOf(href);
  if (!pp) return null;
  const real = isRealTitle(title, href) ? title.trim().replace(/\s+/g, ' ') : undefined;
  const out = await db.transaction('rw', [db.papers, db.openings, db.changes], async () => {
    const known = await findKnown(db, pp);
    if (known) {
      if (known.incomplete === 'pdf' && real && known.title !== real) {
        await db.papers.update(known.id, { title: real, titleKey: titleKey(real), updatedAt: now });
      }
      return { paperId: known.id, created: false, ...(known.incomplete === 'pdf' ? { incomplete: true, landing: pp.landing } : {}) };
    }
    const paperTitle = real ?? standInTitle(pp);
    // With a strong id, the id a capture of the paper would give; else one of its landing page.
    const id = idKeys(canonicalIds(pp.ids)).length ? paperIdFor({ title: paperTitle, ids: pp.ids }) : `p-${hash64(landingKey(pp.landing))}`;
    const r = newPaper({ title: paperTitle, authors: [], ids: pp.ids, url: pp.landing, pdfUrl: pp.pdf }, id, now);
    r.incomplete = 'pdf';
    r.idKeys = union(r.idKeys, [landingKey(pp.landing)]) ?? [];
    r.sources = [{ site: pp.site, url: pp.pdf, capturedAt: new Date(now).toISOString() }];
    await db.papers.add(r);
    return { paperId: id, created: true, incomplete: true, landing: pp.landing };
  });
  await recordOpened(out.paperId, now, 'pdf', db);
  return out;
}
