/**
 * "No citation data" versus "0 citations". DBLP and the ACL Anthology show no citation counts at all
 * (e.g. https://dblp.org/pid/123/4567.html, https://aclanthology.org/people/matt-post/), so an
 * author captured only there has papers without a count. The metrics count those as 0 and flag
 * them (lib/metrics/metrics.ts, `flags.missingCitations`), which is right for a sum but wrong to
 * show: the UI must say "no citation data" when NO paper of the set has a count, and show the
 * numbers (even a total of 0) as soon as one has. This module owns that distinction; pure.
 */
import { citationsByYear, validCitations, type AuthorMetrics } from './metrics';

/** How much of a paper set has citation counts: none, some, or all of its papers. */
export type CitationCoverage = 'none' | 'partial' | 'full';

/** The coverage of metrics computed by `computeMetrics`. An empty set has no citation data. */
export function citationCoverage(m: Pick<AuthorMetrics, 'papers' | 'flags'>): CitationCoverage {
  const known = m.papers - m.flags.missingCitations;
  if (known <= 0) return 'none';
  return known < m.papers ? 'partial' : 'full';
}

/** Whether at least one paper of the set has a citation count (false: show "no citation data", not 0). */
export function hasCitationData(m: Pick<AuthorMetrics, 'papers' | 'flags'>): boolean {
  return citationCoverage(m) !== 'none';
}

/**
 * The metrics that are computed from citation counts: meaningless without any. The others
 * (papers, authors per paper, academic age, …) hold without citation data.
 */
export const CITATION_METRICS: ReadonlySet<keyof AuthorMetrics> = new Set<keyof AuthorMetrics>([
  'citations',
  'citesPerPaper',
  'citesPerYear',
  'citesPerAuthor',
  'hIndex',
  'gIndex',
  'i10Index',
  'eIndex',
  'hCoreCitations',
  'hCoreAuthors',
  'aIndex',
  'mQuotient',
  'hcIndex',
  'hIIndex',
  'hINorm',
  'hIAnnual',
  'hmIndex',
  'hAIndex',
  'awcr',
  'awIndex',
  'awcrpa',
  'acc',
]);

/**
 * Citations by publication year (see `citationsByYear`), or undefined when no paper has a count:
 * a chart of that would be all zeros, which reads as "never cited".
 */
export function knownCitationsByYear(papers: readonly { year?: number; citations?: number }[]): Record<number, number> | undefined {
  return papers.some((p) => validCitations(p.citations)) ? citationsByYear(papers) : undefined;
}
