import type { ReportedMetrics } from '@/lib/core/types';
import { fmtNum } from './format';

/** A site's reported author metrics as tiles: citations, h-index, i10-index, papers, others. */
export function MetricsGrid({ m, label }: { m: ReportedMetrics; label?: string }) {
  const tiles: { l: string; v?: number; s?: number }[] = [];
  if (m.citations !== undefined) tiles.push({ l: 'Citations', v: m.citations, s: m.since?.citations });
  if (m.hIndex !== undefined) tiles.push({ l: 'h-index', v: m.hIndex, s: m.since?.hIndex });
  if (m.i10Index !== undefined) tiles.push({ l: 'i10-index', v: m.i10Index, s: m.since?.i10Index });
  if (m.papers !== undefined) tiles.push({ l: 'Papers', v: m.papers });
  for (const [k, v] of Object.entries(m.other ?? {})) tiles.push({ l: k, v });
  if (!tiles.length) return null;
  return (
    <div class="metrics" role="list" aria-label={label ?? 'Reported metrics'}>
      {tiles.map((t) => (
        <div class="metric" role="listitem" key={t.l}>
          <div class="v">{fmtNum(t.v)}</div>
          <div class="l" title={t.l}>
            {t.l}
          </div>
          {t.s !== undefined && m.since && (
            <div class="s">
              {fmtNum(t.s)} since {m.since.year}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
