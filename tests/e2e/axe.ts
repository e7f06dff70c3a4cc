// axe-core in the E2E run: injects the axe-core build into an extension page and runs it. The page's
// CSP (script-src 'self') forbids a <script> tag, so the source is evaluated through the devtools
// protocol, which CSP does not govern.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe violation, trimmed to what a report needs. */
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

/** Run axe (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<Record<string, unknown>> }> } }
    ).axe;
    const res = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as AxeViolation['impact'],
      help: v.help as string,
      nodes: (v.nodes as Array<{ target: unknown[]; html: string; failureSummary?: string }>).map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 200),
        summary: (n.failureSummary ?? '').slice(0, 300),
      })),
    }));
  });
}

/** A readable report of violations, one line per rule and node (with axe's reason, e.g. the contrast ratio). */
export function formatViolations(view: string, vs: AxeViolation[]): string {
  const why = (s: string) =>
    s
      .replace(/^Fix (any|all) of the following:\s*/i, '')
      .replace(/\s+/g, ' ')
      .trim();
  return vs
    .flatMap((v) =>
      v.nodes.map((n) => `${view}: [${v.impact}] ${v.id} (${v.help}) at ${n.target}: ${n.html}${n.summary ? ` — ${why(n.summary)}` : ''}`),
    )
    .join('\n');
}

/** The impacts that fail a view: axe's serious and critical. */
export const BLOCKING_IMPACTS: ReadonlyArray<AxeViolation['impact']> = ['serious', 'critical'];

/** The violations that fail a view (serious or critical). */
export const blocking = (vs: AxeViolation[]) => vs.filter((v) => BLOCKING_IMPACTS.includes(v.impact));

/**
 * Let the page come to rest before axe measures colours: two frames (layout, ResizeObserver) and
 * every finite animation or transition finished (a colour mid-transition is not the one a user reads).
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    await frame();
    await frame();
    for (const a of document.getAnimations()) {
      const end = a.effect?.getComputedTiming().endTime;
      if (typeof end === 'number' && Number.isFinite(end)) a.finish();
    }
    await frame();
  });
}

/** One view's axe result in the report. */
export interface AxeViewResult {
  /** e.g. "popup-search-400-dark". */
  view: string;
  url: string;
  counts: Record<'critical' | 'serious' | 'moderate' | 'minor', number>;
  violations: AxeViolation[];
}

/**
 * The axe results of a run, view by view, written as JSON for a person (tests/e2e/screenshots/ is
 * gitignored) with a summary per rule: which views, how many nodes, an example element.
 */
export class AxeReport {
  readonly views: AxeViewResult[] = [];

  add(view: string, url: string, violations: AxeViolation[]): void {
    const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of violations) if (v.impact) counts[v.impact] += v.nodes.length;
    this.views.push({ view, url, counts, violations });
  }

  /** Per rule: impact, node count, the views it shows in, one example target. */
  byRule(): Array<{ id: string; impact: AxeViolation['impact']; help: string; nodes: number; views: string[]; example: string }> {
    const rules = new Map<
      string,
      { id: string; impact: AxeViolation['impact']; help: string; nodes: number; views: string[]; example: string }
    >();
    for (const r of this.views)
      for (const v of r.violations) {
        const cur = rules.get(v.id) ?? {
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: 0,
          views: [],
          example: `${v.nodes[0]?.target} ${v.nodes[0]?.html}`,
        };
        cur.nodes += v.nodes.length;
        if (!cur.views.includes(r.view)) cur.views.push(r.view);
        rules.set(v.id, cur);
      }
    const rank = { critical: 0, serious: 1, moderate: 2, minor: 3 } as const;
    return [...rules.values()].sort((a, b) => rank[a.impact ?? 'minor'] - rank[b.impact ?? 'minor'] || b.nodes - a.nodes);
  }

  /** A few readable lines: totals, then one line per rule. */
  summary(): string {
    const total = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const r of this.views) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r.counts[k];
    const lines = [
      `axe-core over ${this.views.length} views: ${total.critical} critical, ${total.serious} serious, ${total.moderate} moderate, ${total.minor} minor nodes`,
      ...this.byRule().map(
        (r) =>
          `  [${r.impact}] ${r.id}: ${r.nodes} nodes in ${r.views.length} views (${r.views.slice(0, 4).join(', ')}${r.views.length > 4 ? ', …' : ''}) — ${r.help}; e.g. ${r.example.slice(0, 160)}`,
      ),
    ];
    return lines.join('\n');
  }

  write(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    const axeVersion = (require('axe-core/package.json') as { version: string }).version;
    writeFileSync(
      path,
      JSON.stringify({ axeVersion, generatedAt: new Date().toISOString(), rules: this.byRule(), views: this.views }, null, 2) + '\n',
    );
  }
}
