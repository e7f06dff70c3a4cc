/**
 * Reading a Paperdex export (`paperdex/collection`): validated whole (lib/interchange/import/import-schema.ts),
 * ids unique, references to papers not in the file dropped with a warning, a file of one
 * collection recreating that collection, and a file with nothing to import refused. Duplicate keys
 * are refused before (detect.ts, json-syntax.ts).
 */
import { ALL_PAPERS } from '../../core/assemble-export';
import { isCollectionName, validateExport, type CurrentExport } from './import-schema';
import { ImportError, type IncomingCollection, type ParsedImport } from './import-types';
import { t, tn } from '../../i18n/i18n';

function duplicateIds(list: { id: string }[], what: string): void {
  const seen = new Map<string, number>();
  list.forEach((x, i) => {
    const j = seen.get(x.id);
    if (j !== undefined) throw new ImportError(`${what}[${i}].id: "${x.id}" is also the id of ${what}[${j}]`, `${what}[${i}].id`);
    seen.set(x.id, i);
  });
}

export function parsePaperdexImport(value: Record<string, unknown>): ParsedImport {
  const r = validateExport(value);
  if (!r.ok) throw new ImportError(r.problem.message, r.problem.where);
  const doc: CurrentExport = r.value;
  duplicateIds(doc.papers, 'papers');
  duplicateIds(doc.authors, 'authors');
  if (doc.collections) duplicateIds(doc.collections, 'collections');
  const ids = new Set(doc.papers.map((p) => p.id));
  const warnings: string[] = [];
  let dangling = 0;
  const known = (list: string[]) => list.filter((id) => ids.has(id) || (dangling++, false));
  const collections: IncomingCollection[] = (doc.collections ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    ...(c.createdAt ? { createdAt: c.createdAt } : {}),
    paperIds: known(c.paperIds),
  }));
  for (const a of doc.authors) known(a.paperIds);
  if (doc.collection.id !== ALL_PAPERS.id && !collections.some((c) => c.id === doc.collection.id)) {
    // A file exported from one collection: recreate that collection with all the file's papers.
    if (!isCollectionName(doc.collection.name)) {
      throw new ImportError('collection.name: a collection name must be 1 to 120 characters and not "All papers"', 'collection.name');
    }
    collections.push({ id: doc.collection.id, name: doc.collection.name, paperIds: doc.papers.map((p) => p.id) });
  }
  // Nothing would be written (no papers, no authors, no collection to create): say so rather than "Imported.".
  if (!doc.papers.length && !doc.authors.length && !collections.length) {
    throw new ImportError(t('import_nothingToImport'), 'file');
  }
  if (dangling) warnings.push(tn('import_danglingRefs', dangling));
  return { kind: 'paperdex', papers: doc.papers, authors: doc.authors, collections, count: doc.papers.length, warnings };
}
