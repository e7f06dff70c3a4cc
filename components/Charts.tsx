import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { formatNumber, t } from '@/lib/i18n/i18n';
import { fmtNames, fmtNum } from './format';
import './Charts.css';

/** One named series of (x, y) points. */
export interface Series {
  name: string;
  points: [number, number][];
  /** Which colour, dash and marker (0–3); default: the series' position. Keeps one author's look across charts. */
  style?: number;
}

/**
 * Series styles: a colour (Charts.css, ≥ 3:1 on the background in both themes), and, so colour is
 * never the only difference (colour blindness, forced colours), a dash pattern and a marker shape.
 */
const STYLES = 4;
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
  // The first year too, when its label does not run into the next one.
  if (!out.length || ((out[0] - x0) * room) / (x1 - x0 + 1) >= LABEL_ROOM) out.unshift(x0);
  return out;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** A y-axis label in the user's locale, short: "250", "1.5K" / "1500" / "1.2万". */
function fmtTick(v: number): string {
  return v >= 1000 ? formatNumber(v, { notation: 'compact', maximumFractionDigits: 1 }) : formatNumber(v, { maximumFractionDigits: 1 });
}

/** A series' marker at (x, y): circle, square, triangle, diamond (by style index). */
function Marker({ x, y, style, children }: { x: number; y: number; style: number; children?: ComponentChildren }) {
  const r = 2.8;
  if (style === 1)
    return (
      <rect x={x - r} y={y - r} width={2 * r} height={2 * r} class="dot">
        {children}
      </rect>
    );
  if (style === 2)
    return (
      <polygon points={`${x},${y - r - 0.6} ${x + r + 0.4},${y + r} ${x - r - 0.4},${y + r}`} class="dot">
        {children}
      </polygon>
    );
  if (style === 3)
    return (
      <polygon points={`${x},${y - r - 0.8} ${x + r + 0.8},${y} ${x},${y + r + 0.8} ${x - r - 0.8},${y}`} class="dot">
        {children}
      </polygon>
    );
  return (
    <circle cx={x} cy={y} r={r - 0.3} class="dot">
      {children}
    </circle>
  );
}

/** The data of a chart as a table: the accessible fallback (and for copying numbers). */
function DataTable({ title, series, xLabel, fmtX }: { title: string; series: Series[]; xLabel: string; fmtX: (x: number) => string }) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  return (
    <details class="chart-table">
      <summary class="small muted">{t('chart_showTable')}</summary>
      <table>
        <caption class="visually-hidden">{title}</caption>
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
 * What a screen reader hears for the chart (its accessible name): the title, the x range and, for
 * one series, its highest value (bars) or its first and last value (a line over time).
 */
function summary(title: string, series: Series[], bars: boolean, fmtX: (x: number) => string): string {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const from = fmtX(Math.min(...xs)),
    to = fmtX(Math.max(...xs));
  if (series.length === 1 && series[0].points.length === 1)
    return t('chart_summaryOne', { title, x: from, y: fmtNum(series[0].points[0][1]) });
  if (series.length > 1) return t('chart_summarySeries', { title, from, to, names: fmtNames(series.map((s) => s.name)) });
  const pts = [...series[0].points].sort((a, b) => a[0] - b[0]);
  if (bars) {
    const top = pts.reduce((best, p) => (p[1] > best[1] ? p : best), pts[0]);
    return t('chart_summaryBars', { title, from, to, max: fmtNum(top[1]), at: fmtX(top[0]) });
  }
  return t('chart_summaryLine', { title, from, to, first: fmtNum(pts[0][1]), last: fmtNum(pts[pts.length - 1][1]) });
}

/**
 * A small SVG chart: bars for one series over years, lines for several series (comparison) or
 * for time series. Accessible: the SVG is an image named by a summary and described by
 * `description`, and the data is a table. Lines differ by colour, dash and marker shape.
 */
export function Chart({
  title,
  description,
  series,
  kind = 'bar',
  xLabel,
  fmtX = (x) => String(x),
}: {
  title: string;
  description: string;
  series: Series[];
  kind?: 'bar' | 'line';
  /** The x column's header in the data table; default "Year". */
  xLabel?: string;
  /** An x value as text (years as they are: no thousands separator). */
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
  // Counts (whole numbers) get no half-way tick that is not a whole number ("0.5 papers").
  const ticks = all.every((p) => Number.isInteger(p[1])) && !Number.isInteger(yMax / 2) ? [0, yMax] : [0, yMax / 2, yMax];
  // Years (bars, or lines per year): whole years at a readable spacing. Lines over dates: both ends,
  // plus the middle when there is room.
  const yearly = xs.every((x) => Number.isInteger(x) && Math.abs(x) < 10000);
  const xTicks = bars || yearly ? yearTicks(x0, x1, iw) : iw >= 4 * LABEL_ROOM * 1.6 && x1 > x0 ? [x0, (x0 + x1) / 2, x1] : [x0, x1];
  const point = (x: number, y: number) => t('chart_point', { x: fmtX(x), y: fmtNum(y) });
  return (
    <figure class="chart" ref={box}>
      <figcaption class="chart-title">{title}</figcaption>
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary(title, series, bars, fmtX)}
        aria-describedby={`${id}-d`}
      >
        <desc id={`${id}-d`}>{description}</desc>
        {ticks.map((tk) => (
          <g key={tk}>
            <line x1={PAD.l} x2={W - PAD.r} y1={sy(tk)} y2={sy(tk)} class="grid" />
            <text x={PAD.l - 4} y={sy(tk) + 3} class="axis" text-anchor="end">
              {fmtTick(tk)}
            </text>
          </g>
        ))}
        {xTicks.map((x, i) => (
          <text
            key={x}
            x={sx(x)}
            y={H - 6}
            class="axis"
            text-anchor={bars || yearly || xTicks.length === 1 ? 'middle' : i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
          >
            {fmtX(x)}
          </text>
        ))}
        {bars
          ? series[0].points.map(([x, y]) => (
              <rect key={x} x={sx(x) - barW / 2} y={sy(y)} width={barW} height={Math.max(0, PAD.t + ih - sy(y))} class="bar" rx="1.5">
                <title>{point(x, y)}</title>
              </rect>
            ))
          : series.map((s, i) => {
              const pts = [...s.points].sort((a, b) => a[0] - b[0]);
              const style = (s.style ?? i) % STYLES;
              return (
                <g key={s.name} class={`series s${style}`}>
                  <polyline points={pts.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')} class="line" />
                  {pts.map(([x, y]) => (
                    <Marker key={x} x={sx(x)} y={sy(y)} style={style}>
                      <title>{t('chart_seriesPoint', { series: s.name, x: fmtX(x), y: fmtNum(y) })}</title>
                    </Marker>
                  ))}
                </g>
              );
            })}
      </svg>
      {series.length > 1 && (
        // Visual only: the image's name lists the series, the table has a column for each.
        <div class="legend" aria-hidden="true">
          {series.map((s, i) => (
            <span key={s.name}>
              <svg width="22" height="10" class={`series s${(s.style ?? i) % STYLES}`}>
                <line x1="1" x2="21" y1="5" y2="5" class="line" />
                <Marker x={11} y={5} style={(s.style ?? i) % STYLES} />
              </svg>
              {s.name}
            </span>
          ))}
        </div>
      )}
      <DataTable title={title} series={series} xLabel={xLabel ?? t('chart_year')} fmtX={fmtX} />
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
