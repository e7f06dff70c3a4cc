/**
 * One paper as the text a user pastes: a BibTeX entry (the Export BibTeX writer, same cite keys),
 * a Markdown link `[Title](url)` and an APA reference (lib/interchange/cite/apa.ts). What the
 * "Copy BibTeX", "Copy Markdown link", "Copy citation" and "Copy all as BibTeX" actions put on the
 * clipboard. Pure.
 */
import type { ExportedPaper } from '../export';
import { clean } from '../../core/text';
import { toBibtex } from '../bibtex/bibtex';

export { formatCitation } from './apa';

/**
 * The one BibTeX entry of a paper, exactly as Export BibTeX writes it (entry type, escaping, cite
 * key `vaswani2017attention`), ending with a newline. The key is the paper's own base key: in an
 * export of a list that holds another paper with the same base key, the later one gets a letter.
 */
export function bibtexEntry(p: ExportedPaper): string {
  return toBibtex([p]);
}

/** The entries of a list of papers (a result list, a collection), in its order: the Export BibTeX file of that list. */
export function bibtexEntries(papers: ExportedPaper[]): string {
  return toBibtex(papers);
}

/**
 * The link a Markdown reference points to: the landing page, else the DOI link, else the arXiv
 * abstract page, else the PDF, else the page Paperdex saw it on.
 */
export function markdownUrl(p: Pick<ExportedPaper, 'url' | 'ids' | 'pdfUrl' | 'sources'>): string | undefined {
  const doi = clean(p.ids?.doi);
  const arxiv = clean(p.ids?.arxiv);
  return (
    clean(p.url) ||
    (doi && `https://doi.org/${doi}`) ||
    (arxiv && `https://arxiv.org/abs/${arxiv}`) ||
    clean(p.pdfUrl) ||
    clean(p.sources?.[0]?.url) ||
    undefined
  );
}

/**
 * Escape link text for Markdown: backslash, brackets (which would end the text early), and the
 * emphasis / code characters `*`, `_`, `` ` `` (which would format "BERT_base"). CommonMark reads
 * every backslash-escaped ASCII punctuation as the character itself.
 */
export function escapeMarkdownText(s: string): string {
  return clean(s).replace(/[\\[\]*_`]/g, (c) => `\\${c}`);
}

/**
 * A URL as a Markdown link destination: spaces, angle brackets and parentheses percent-encoded, so
 * a DOI like 10.1016/s0140-6736(20)30183-5 cannot close the link early (doi.org and publishers
 * read %28/%29 as the same URL).
 */
function markdownDestination(url: string): string {
  return url.replace(/[\s<>()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** `[Title](url)`, or the escaped title alone when the paper has no link at all. */
export function markdownLink(p: Pick<ExportedPaper, 'title' | 'url' | 'ids' | 'pdfUrl' | 'sources'>): string {
  const text = escapeMarkdownText(p.title);
  const url = markdownUrl(p);
  return url ? `[${text}](${markdownDestination(url)})` : text;
}
