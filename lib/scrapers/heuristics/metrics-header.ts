/**
 * The metrics header of an author profile: label/number pills as sites print them ("h-index27",
 * "33papers", "27,675citations", "Novelty46%", "AI Score: 47", `<dt>h-index</dt><dd>27</dd>`),
 * read into `ReportedMetrics` (known labels) and `other` (site-specific ones).
 */
import type { ReportedMetrics } from '../../core/types';
import { clean, compact, parseCount } from '../kit/dom';

const NUM = '\\d{1,3}(?:[,\\u00a0\\u202f ]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:\\s?[kKmM](?![a-zA-Z]))?';
const LABEL = "[A-Za-z](?:[A-Za-z0-9 .'’&/()-]{0,28}[A-Za-z)])?";
const PAIR_LABEL_FIRST = new RegExp(`^(${LABEL})\\s*:?\\s*(${NUM})\\s*(%?)$`);
const PAIR_NUM_FIRST = new RegExp(`^(${NUM})\\s*(%?)\\s*(${LABEL})$`);
const NUM_ONLY = new RegExp(`^(${NUM})\\s*(%?)$`);
const LABEL_ONLY = new RegExp(`^${LABEL}$`);

/** One label/number pair of a metrics header. */
export interface MetricPair {
  label: string;
  /** The number as printed, without "%". */
  num: string;
  percent: boolean;
}

/** Split "h-index27", "33papers", "27,675 citations", "Novelty46%", "AI Score: 47" into a pair. */
export function matchMetricPair(s: string): MetricPair | undefined {
  const t = clean(s);
  if (!t || t.length > 48) return undefined;
  let m = PAIR_LABEL_FIRST.exec(t);
  if (m) return { label: clean(m[1]), num: m[2], percent: !!m[3] };
  m = PAIR_NUM_FIRST.exec(t);
  if (m) return { label: clean(m[3]), num: m[1], percent: !!m[2] };
  return undefined;
}

type KnownMetric = 'hIndex' | 'i10Index' | 'papers' | 'citations';

/** Map a metric label to a known `ReportedMetrics` field; undefined for site-specific labels. */
export function metricKey(label: string): KnownMetric | undefined {
  const k = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k === 'hindex') return 'hIndex';
  if (k === 'i10index') return 'i10Index';
  if (/^(papers?|publications?|pubs)$/.test(k)) return 'papers';
  if (/^(citations?|citedby|totalcitations|cites)$/.test(k)) return 'citations';
  return undefined;
}

/** A number as printed: counts via parseCount ("27,675", "1.2k"); scores keep decimals ("4.5"). */
function metricValue(num: string, integer: boolean): number | undefined {
  const t = num.replace(/[\s\u00a0\u202f]/g, '');
  if (integer || /^\d{1,3}(,\d{3})+$/.test(t) || /[kKmM]$/.test(t)) return parseCount(t);
  const v = parseFloat(t.replace(/,(?=\d{3}\b)/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

/** A metric pair and the element that shows it. */
export interface MetricPill extends MetricPair {
  el: Element;
}

/** Whether every child element of a pill holds only the label, the number, or decoration. */
function pillChildrenConsistent(el: Element, p: MetricPair): boolean {
  for (const c of Array.from(el.children)) {
    const ct = clean(c.textContent);
    if (!ct || !/[\p{L}\p{N}]/u.test(ct)) continue;
    if (ct === p.label || ct === p.num || ct === `${p.num}%`) continue;
    return false;
  }
  return true;
}

/** Known + other metrics from pills, first occurrence of a label winning. */
export function metricsFrom(pills: MetricPill[]): ReportedMetrics {
  const m: ReportedMetrics = {};
  const other: Record<string, number> = {};
  for (const p of pills) {
    const key = metricKey(p.label);
    if (key) {
      if (m[key] !== undefined) continue;
      const v = metricValue(p.num, true);
      if (v !== undefined) m[key] = v;
    } else if (!(p.label in other)) {
      const v = metricValue(p.num, false);
      if (v !== undefined) other[p.label] = v;
    }
  }
  return compact({ ...m, other: compact(other) });
}

/**
 * The metric pill `el` shows (`t` is its cleaned text), if it is one: a label/number pair in one
 * element whose children hold only the label, the number or decoration; or a `<dt>` label whose
 * `<dd>` holds the number (`<dt>h-index</dt><dd>27</dd>`). A wrapper of a pill is not one.
 */
export function metricPill(el: Element, t: string): MetricPill | undefined {
  const pair = matchMetricPair(t);
  if (pair) {
    if (Array.from(el.children).some((c) => matchMetricPair(c.textContent ?? ''))) return undefined;
    return pillChildrenConsistent(el, pair) ? { ...pair, el } : undefined;
  }
  if (el.tagName === 'DT' && LABEL_ONLY.test(t)) {
    const dd = el.nextElementSibling;
    const v = dd?.tagName === 'DD' ? NUM_ONLY.exec(clean(dd.textContent)) : null;
    if (v) return { label: t, num: v[1], percent: !!v[2], el };
  }
  return undefined;
}
