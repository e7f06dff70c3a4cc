/**
 * The shapes of an import: the error a bad file raises, a parsed file ready to write
 * ({@link ParsedImport}), and what writing it did ({@link ImportSummary}).
 */
import type { ExportedAuthor, ExportedPaper, PaperSource } from '../../core/types';

/** A file that cannot be imported. `where` locates the problem: `papers[12].title`, `line 40`. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The kinds of file Paperdex imports. */
export type ImportKind = 'paperdex' | 'csl-json' | 'bibtex' | 'papermemory';

/**
 * A paper of an import file: an exported paper (Paperdex files), or a paper read from BibTeX /
 * CSL-JSON, which has no id and no sources.
 */
export type IncomingPaper = Omit<ExportedPaper, 'id' | 'sources'> & {
  /** The paper's id in the file (Paperdex exports). */
  id?: string;
  sources?: PaperSource[];
  hasCode?: boolean;
};

/** An author of a Paperdex export. */
export type IncomingAuthor = ExportedAuthor;

/** A collection to create (or add to). Without `paperIds`, it holds every paper of the file. */
export interface IncomingCollection {
  name: string;
  /** Ids (as in the file) of its papers; absent: all the file's papers. */
  paperIds?: string[];
  /** Its id in the file: kept when free; a library collection with this id is the same collection. */
  id?: string;
  /** ISO date-time it was created (kept for a new collection). */
  createdAt?: string;
}

/** A validated import file, ready for {@link importParsed}. */
export interface ParsedImport {
  kind: ImportKind;
  papers: IncomingPaper[];
  /** Paperdex exports only. */
  authors?: IncomingAuthor[];
  collections: IncomingCollection[];
  /** Number of papers. */
  count: number;
  /** Non-fatal findings (BibTeX entries without a title, references to papers not in the file). */
  warnings?: string[];
}

/** What {@link importParsed} did. `papersNew + papersMerged` = papers imported (all, unless cancelled). */
export interface ImportSummary {
  /** Papers added to the library. */
  papersNew: number;
  /** Papers of the file merged into a paper the library (or an earlier paper of the file) had. */
  papersMerged: number;
  authorsNew: number;
  authorsMerged: number;
  /** Collections created or added to. */
  collections: { id: string; name: string }[];
  /** Every library paper the import created or merged into (for re-indexing). */
  paperIds: string[];
  /**
   * Papers whose note met a different note in the file: the newer one (by `userUpdatedAt`) is kept,
   * the other is in the paper's `noteHistory` (nothing is lost).
   */
  notesReplaced: { paperId: string; title: string }[];
  /** The signal was aborted: only the chunks before it were written. */
  cancelled: boolean;
}

export interface ImportOptions {
  /** Called after each chunk: papers done so far, papers in the file. */
  onProgress?(done: number, total: number): void;
  /**
   * Called once each chunk's transaction has committed, with the ids of the papers it wrote (new or
   * changed): the caller has the search host index them now, not only when the whole file is in.
   * A returned promise is awaited before the next chunk (a caller may pace the import by it).
   */
  onChunk?(paperIds: string[]): void | Promise<void>;
  /** Checked between chunks; a chunk is never cut in half. */
  signal?: AbortSignal;
  /** Papers per transaction (default 1000). */
  chunkSize?: number;
  /** Time of the import (`addedAt` / `updatedAt`). */
  now?: Date;
}
