/**
 * Shared data shapes: what an adapter scrapes from a page (`Scraped*`), what Paperdex stores
 * (`*Record`) and what it exports (`Exported*`). Owns no logic. Every shape is inferred from its
 * valibot schema, the one definition, and re-exported here: scraped shapes from
 * lib/core/scraped-schema.ts (they cross the content-script → background boundary and are
 * validated there, lib/messaging), records from lib/core/record-schema.ts (they live in IndexedDB,
 * lib/store/db.ts), the export format from lib/core/export-schema.ts. The fields themselves are
 * listed once, in lib/core/fields.ts.
 */
import type { SiteId, StoredSiteId } from './sites';
import type { ScrapeResult } from './scraped-schema';

export type { SiteId, StoredSiteId };
export type { PageKind, PaperIds, ReportedMetrics, ScrapedAuthor, ScrapedPaper, ScrapedProfileRef, ScrapeResult } from './scraped-schema';
export type { AuthorRecord, CaptureRecord, CollectionRecord, PaperRecord, PaperSource, ReportedSnapshot } from './record-schema';
export type { CollectionExportV1, ExportedAuthor, ExportedCollection, ExportedPaper } from './export-schema';

/**
 * A site adapter, in the manner of a Zotero translator: pure functions of (url, document).
 * `scrape` returns null when the page holds nothing to capture (a CAPTCHA page, an empty list).
 */
export interface Adapter {
  id: SiteId;
  /** Human name shown in the UI, e.g. "Google Scholar". */
  name: string;
  detect(url: URL, doc: Document): boolean;
  scrape(doc: Document, url: URL): ScrapeResult | null;
}
