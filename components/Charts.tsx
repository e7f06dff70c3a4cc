import { useEffect, useId, useState } from 'preact/hooks';
import { fmtNum } from './format';

/** One named series of (x, y) points. */
export interface Series {
  name: string;
  points: [number, number][];
}

const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)'];
/**
 * Charts are drawn at their real pixel size (not a viewBox stretched to the panel): the width
 * follows the space they have, between MIN_W and MAX_W, and the height, bar widths and 10 px labels
 * stay the same at 320 px and at 1400 px (issue 14: 400 px bars and 30 px labels at 1100 px).
 */
const MIN_W = 240,
  MAX_W = 640,
  H = 150,
  PAD = { l: 40, r: 14, t: 8, b: 22 };
/** The widest a bar gets, in px; the least room between two x labels. */
const MAX_BAR = 26,
  LABEL_ROOM = 46;

/**
 * The width of an element's content box, kept current (ResizeObserver); `fallback` before layout.
 * A callback ref: the chart's element appears only once it has data, after the first render.
 */
function useWidth(fallback: number): [(el: HTMLElement | null) => void, number] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width) || fallback));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, width];
}

/** Year ticks for `slots` consecutive years: every 1, 2, 5, 10, … years so the labels fit in `room` px. */
function yearTicks(x0: number, x1: number, room: number): number[] {
  const fit = Math.max(2, Math.floor(room / LABEL_ROOM));
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((k) => Math.floor((x1 - x0) / k) + 1 <= fit) ?? Math.ceil((x1 - x0) / fit);
  const out: number[] = [];
  for (let x = Math.ceil(x0 / step) * step; x <= x1; x += step) out.push(x);
  if (!out.length || out[0] - x0 >= step / 2) out.unshift(x0);
  return out;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** The data of a chart as a table: the accessible fallback (and for copying numbers). */
function DataTable({ series, xLabel, fmtX }: { series: Series[]; xLabel: string; fmtX: (x: number) => string }) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  return (
    <details class="chart-table">
      <summary class="small muted">Show as table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{xLabel}</th>
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {xs.map((x) => (
            <tr key={x}>
              <th scope="row">{fmtX(x)}</th>
              {series.map((s) => (
                <td key={s.name}>{fmtNum(s.points.find((p) => p[0] === x)?.[1])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * A small SVG chart: bars for one series over years, lines for several series (comparison) or
 * for time series. Accessible: the SVG has a title and description, and the data is a table.
 */
export function Chart({
  title,
  description,
  series,
  kind = 'bar',
  xLabel = 'Year',
  fmtX = (x) => String(x),
}: {
  title: string;
  description: string;
  series: Series[];
  kind?: 'bar' | 'line';
  xLabel?: string;
  fmtX?: (x: number) => string;
}) {
  const id = useId();
  const [box, measured] = useWidth(360);
  const W = Math.max(MIN_W, Math.min(MAX_W, measured));
  const all = series.flatMap((s) => s.points);
  if (!all.length) return null;
  const xs = all.map((p) => p[0]);
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs);
  const yMax = niceMax(Math.max(...all.map((p) => p[1])));
  const iw = W - PAD.l - PAD.r,
    ih = H - PAD.t - PAD.b;
  const span = Math.max(1, x1 - x0);
  const bars = kind === 'bar' && series.length === 1;
  const slots = bars ? x1 - x0 + 1 : 1;
  const sx = (x: number) => (bars ? PAD.l + ((x - x0 + 0.5) / slots) * iw : PAD.l + ((x - x0) / span) * iw);
  const sy = (y: number) => PAD.t + ih - (y / yMax) * ih;
  const barW = bars ? Math.min(MAX_BAR, Math.max(2, (iw / slots) * 0.7)) : 0;
  const ticks = [0, yMax / 2, yMax];
  // Bars: years at a readable spacing. Lines (dates): both ends, plus the middle when there is room.
  const xTicks = bars ? yearTicks(x0, x1, iw) : iw >= 4 * LABEL_ROOM * 1.6 && x1 > x0 ? [x0, (x0 + x1) / 2, x1] : [x0, x1];
  return (
    <figure class="chart" ref={box}>
      <figcaption class="chart-title">{title}</figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={sy(t)} y2={sy(t)} class="grid" />
            <text x={PAD.l - 4} y={sy(t) + 3} class="axis" text-anchor="end">
              {t >= 1000 ? `${+(t / 1000).toFixed(1)}k` : +t.toFixed(1)}
            </text>
          </g>
        ))}
        {xTicks.map((x, i) => (
          <text
            key={x}
            x={sx(x)}
            y={H - 6}
            class="axis"
            text-anchor={bars || xTicks.length === 1 ? 'middle' : i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
          >
            {fmtX(x)}
          </text>
        ))}
        {bars
          ? series[0].points.map(([x, y]) => (
              <rect key={x} x={sx(x) - barW / 2} y={sy(y)} width={barW} height={Math.max(0, PAD.t + ih - sy(y))} class="bar" rx="1.5">
                <title>{`${fmtX(x)}: ${fmtNum(y)}`}</title>
              </rect>
            ))
          : series.map((s, i) => {
              const pts = [...s.points].sort((a, b) => a[0] - b[0]);
              return (
                <g key={s.name} style={{ color: PALETTE[i % PALETTE.length] }}>
                  <polyline points={pts.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')} class="line" />
                  {pts.map(([x, y]) => (
                    <circle key={x} cx={sx(x)} cy={sy(y)} r="2.5" class="dot">
                      <title>{`${s.name}, ${fmtX(x)}: ${fmtNum(y)}`}</title>
                    </circle>
                  ))}
                </g>
              );
            })}
      </svg>
      {series.length > 1 && (
        <div class="legend">
          {series.map((s, i) => (
            <span key={s.name}>
              <i style={{ background: PALETTE[i % PALETTE.length] }} />
              {s.name}
            </span>
          ))}
        </div>
      )}
      <DataTable series={series} xLabel={xLabel} fmtX={fmtX} />
    </figure>
  );
}

/** Turn a { year: n } map into chart points, sorted. */
export function yearPoints(m: Record<string | number, number> | undefined): [number, number][] {
  return Object.entries(m ?? {})
    .map(([k, v]) => [Number(k), v] as [number, number])
    .filter(([k]) => Number.isFinite(k))
    .sort((a, b) => a[0] - b[0]);
}
