/**
 * What kind of publication a paper is (journal article, conference paper, preprint, thesis…), from its
 * type when a site or file said, else from its venue. Picks the BibTeX entry type and the CSL type. Pure.
 */
import type { ExportedPaper } from '../export';
import { isPreprintVenue } from '../../core/identity';
import { own } from './imported-paper';

/** What kind of publication a paper is, as far as the export formats care. */
export type PaperKind = 'journal' | 'conference' | 'preprint' | 'book' | 'chapter' | 'phdthesis' | 'mastersthesis' | 'report' | 'other';

const TYPE_KINDS: Record<string, PaperKind> = {
  article: 'journal',
  journal: 'journal',
  journalarticle: 'journal',
  articlejournal: 'journal',
  inproceedings: 'conference',
  conference: 'conference',
  conferencepaper: 'conference',
  paperconference: 'conference',
  proceedingsarticle: 'conference',
  preprint: 'preprint',
  informal: 'preprint',
  postedcontent: 'preprint',
  book: 'book',
  monograph: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  chapter: 'chapter',
  bookchapter: 'chapter',
  phdthesis: 'phdthesis',
  thesis: 'phdthesis',
  dissertation: 'phdthesis',
  mastersthesis: 'mastersthesis',
  techreport: 'report',
  report: 'report',
};

// Some "Proceedings of …" are journals.
const JOURNAL_PROCEEDINGS =
  /proceedings of the (national academy|ieee\b|royal society|american mathematical society|london mathematical society)/i;
const JOURNAL_WORDS = /\b(?:journal|transactions|letters|magazine|reviews?|annals|bulletin|quarterly)\b|\btrans\./i;
const CONFERENCE_WORDS =
  /\b(?:proceedings|proc\.|conference|conf\.|symposium|workshops?|congress|colloquium|meeting)\b|advances in neural information processing|\bfindings of\b/i;
// Case-sensitive: acronyms of conferences that venues are often shown as ("NeurIPS 2020", "CVPR").
const CONFERENCE_ACRONYMS =
  /\b(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|ACL|EMNLP|NAACL|EACL|AACL|COLING|CoNLL|LREC|AAAI|IJCAI|KDD|SIGKDD|SIGIR|SIGMOD|VLDB|WWW|WSDM|CIKM|RecSys|CHI|UIST|CSCW|SIGGRAPH|ICRA|IROS|CoRL|AISTATS|UAI|COLT|MICCAI|INTERSPEECH|Interspeech|ICASSP|ISMIR|ICSE|PLDI|POPL|OOPSLA|OSDI|SOSP|NSDI|EuroSys|ASPLOS|ISCA|NDSS|STOC|FOCS|SODA|ICALP|ICDE|ICDM|ECIR|ECML|IJCNN|ICPR|ICIP)\b/;

/**
 * The kind of a paper: from its `type` when the site said (DBLP, BibTeX and CSL vocabularies are all
 * understood), else guessed from the venue ("Proceedings of…", "NeurIPS" → conference; "Journal
 * of…", "IEEE Transactions…" → journal; arXiv/CoRR/OpenReview → preprint). A venue the rules do not
 * recognise ("Nature", "Science") counts as a journal — the common case on Scholar. No venue: a
 * preprint when there is an arXiv id, else `other`.
 */
export function paperKind(p: Pick<ExportedPaper, 'type' | 'venue' | 'ids'>): PaperKind {
  const venue = p.venue?.trim();
  const arxiv = !!p.ids?.arxiv;
  const typed = p.type ? own(TYPE_KINDS, p.type.toLowerCase().replace(/[^a-z]/g, '')) : undefined;
  if (typed === 'journal') {
    // Google Scholar calls arXiv papers @article{journal={arXiv preprint arXiv:…}}.
    if (venue ? isPreprintVenue(venue) : arxiv) return 'preprint';
    return 'journal';
  }
  if (typed) return typed;
  if (!venue) return arxiv ? 'preprint' : 'other';
  if (isPreprintVenue(venue)) return 'preprint';
  if (/\bmaster'?s thesis\b/i.test(venue)) return 'mastersthesis';
  if (/\b(?:thesis|dissertation)\b/i.test(venue)) return 'phdthesis';
  if (/\b(?:technical report|tech\. rep)/i.test(venue)) return 'report';
  if (/\bpatent\b/i.test(venue)) return 'other';
  if (JOURNAL_PROCEEDINGS.test(venue) || JOURNAL_WORDS.test(venue)) return 'journal';
  if (CONFERENCE_WORDS.test(venue) || CONFERENCE_ACRONYMS.test(venue)) return 'conference';
  return 'journal';
}
